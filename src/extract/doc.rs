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
    /// Every token of the text, in order (see [`tokenize`]), packed into
    /// eight bytes each (a third of a [`Tok`]): the index costs about as
    /// much memory as the text. Empty for texts of 2 GiB or more, which
    /// are tokenised window by window instead.
    toks: Vec<Packed>,
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
        let mut all = Vec::new();
        let toks = if text.len() < Packed::LIMIT {
            tokenize(text, 0, text.len(), &mut all);
            all.iter().map(|&t| Packed::of(t)).collect()
        } else {
            Vec::new()
        };
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
        if self.text.len() >= Packed::LIMIT {
            return tokenize(self.text, lo, hi, out);
        }
        let a = self.toks.partition_point(|k| (k.s as usize) < lo);
        let b = self.toks.partition_point(|k| k.end() <= hi);
        if a < b {
            out.extend(self.toks[a..b].iter().map(|k| k.tok()));
        }
    }

    /// Every token of the text.
    #[cfg(test)]
    fn all_tokens(&self) -> Vec<Tok> {
        self.toks.iter().map(|k| k.tok()).collect()
    }
}

/// A [`Tok`] in eight bytes: start, and end with the word flag in its top
/// bit.
#[derive(Clone, Copy)]
struct Packed {
    s: u32,
    e: u32,
}

impl Packed {
    /// Offsets must fit in 31 bits.
    const LIMIT: usize = 1 << 31;
    const WORD: u32 = 1 << 31;

    fn of(t: Tok) -> Packed {
        Packed {
            s: t.s as u32,
            e: t.e as u32 | if t.word { Packed::WORD } else { 0 },
        }
    }

    fn end(self) -> usize {
        (self.e & !Packed::WORD) as usize
    }

    fn tok(self) -> Tok {
        Tok {
            s: self.s as usize,
            e: self.end(),
            word: self.e & Packed::WORD != 0,
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
                    let all = doc.all_tokens();
                    let cut = |i: usize| all.iter().any(|k| k.s < i && i < k.e);
                    if cut(lo) || cut(hi) {
                        want = all
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
