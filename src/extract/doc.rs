//! The document model: what every extraction pass reads, built once per
//! text. Paragraphs, sentences and the tokens of the whole text are found
//! in one linear pass each; a pass that looks at a window of the text takes
//! that window's tokens from here instead of tokenising it again, so many
//! cues close together (a text made of "said that …") cost one
//! tokenisation, not one per cue.

use std::ops::Range;

use crate::extract::segment;
use crate::extract::speakers::{tokenize, Tok};

/// One text, segmented and tokenised.
pub(crate) struct Doc<'a> {
    text: &'a str,
    /// Paragraph ranges, in order.
    pub paras: Vec<Range<usize>>,
    /// Sentence ranges, in order, each inside one paragraph.
    pub sents: Vec<Range<usize>>,
    /// Every token of the text, in order (see [`tokenize`]).
    pub toks: Vec<Tok>,
    /// Offsets of the double quotation marks (`"`, `“`, `”`), in order.
    dquotes: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let paras = segment::paragraphs(text);
        let mut sents = Vec::new();
        for p in &paras {
            segment::sentences_in(text, p.clone(), &mut sents);
        }
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let dquotes = text
            .match_indices(['"', '“', '”'])
            .map(|(i, _)| i)
            .collect();
        Doc {
            text,
            paras,
            sents,
            toks,
            dquotes,
        }
    }

    /// Does `text[r]` hold a double quotation mark? A look-up, however
    /// long the range.
    pub fn has_double_quote(&self, r: &Range<usize>) -> bool {
        let k = self.dquotes.partition_point(|&i| i < r.start);
        self.dquotes.get(k).is_some_and(|&i| i < r.end)
    }

    /// The tokens that lie wholly inside `text[lo..hi]`, into `out`: where
    /// no token straddles `lo` or `hi` (a sentence, a clause between quote
    /// marks), exactly what `tokenize(text, lo, hi, out)` gives, since the
    /// tokeniser looks at most one character past a token. A window cut
    /// by a length limit in the middle of a word leaves that partial word
    /// out rather than reading it as a word of its own.
    pub fn tokens(&self, lo: usize, hi: usize, out: &mut Vec<Tok>) {
        out.clear();
        let hi = hi.min(self.text.len());
        let a = self.toks.partition_point(|k| k.s < lo);
        let b = self.toks.partition_point(|k| k.e <= hi);
        if a < b {
            out.extend_from_slice(&self.toks[a..b]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_quotes_are_looked_up() {
        let text = "He said “no” and 'yes' and \"maybe\".";
        let doc = Doc::new(text);
        for lo in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for hi in (lo..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let want = text[lo..hi].contains(['"', '“', '”']);
                assert_eq!(doc.has_double_quote(&(lo..hi)), want, "{lo}..{hi}");
            }
        }
    }

    /// Every window of a few texts with abbreviations, initials, numbers
    /// with separators, apostrophes, dashes and non-ASCII letters whose
    /// edges cut no token gives the same tokens from the document as from
    /// tokenising the window; a window that cuts a token gets the tokens
    /// wholly inside it.
    #[test]
    fn window_tokens_are_the_window_tokenised() {
        let texts = [
            "Gen. J. Smith said the U.S. paid $3,000.50 on Jan. 4 — “it’s done,” he said.",
            "Mr.Smith's co-worker & the A.B.C. said: 12,5 or 3,000,000? Ça va, Zoë.",
            "“We’re ready,” Bortnikov said, citing Coats’ remarks in the ’90s...",
        ];
        let mut got = Vec::new();
        let mut want = Vec::new();
        for text in texts {
            let doc = Doc::new(text);
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (n, &lo) in cuts.iter().enumerate() {
                for &hi in &cuts[n..] {
                    doc.tokens(lo, hi, &mut got);
                    let cut = |i: usize| doc.toks.iter().any(|k| k.s < i && i < k.e);
                    if cut(lo) || cut(hi) {
                        want = doc
                            .toks
                            .iter()
                            .copied()
                            .filter(|k| lo <= k.s && k.e <= hi)
                            .collect();
                    } else {
                        tokenize(text, lo, hi, &mut want);
                    }
                    assert_eq!(got, want, "{:?}", &text[lo..hi]);
                }
            }
        }
    }
}
