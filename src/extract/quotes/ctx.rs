//! The attribution state shared by every pass: [`Attr`] (who said it, as
//! written, with title and cue), the history of quotes attributed so far,
//! and [`Ctx`], which holds the document and that history while the quotes
//! of one text are attributed in order.

use super::*;

/// Who a quote is credited to.
#[derive(Debug, Clone, Default)]
pub(super) struct Attr {
    pub(super) speaker: Option<String>,
    pub(super) as_written: Option<String>,
    pub(super) title: Option<String>,
    pub(super) kind: Option<SpeakerKind>,
    pub(super) cue: Option<String>,
    /// Person id in the name index, for pronoun gender checks.
    pub(super) person: Option<usize>,
    /// An unnamed single person described by role ("the mayor"): a
    /// possible antecedent of he/she.
    pub(super) role: bool,
}

impl Attr {
    pub(super) fn has_speaker(&self) -> bool {
        self.speaker.is_some()
    }
}

/// An attributed item kept for later look-ups (continuations, pronouns).
#[derive(Debug, Clone)]
pub(super) struct Hist {
    pub(super) pos: usize,
    pub(super) end: usize,
    pub(super) para: usize,
    pub(super) attr: Attr,
    /// The item was a marked quote (not indirect speech).
    pub(super) marked: bool,
    pub(super) kind: QuoteKind,
    /// Attributed by a cue right after it (`“…,” he said,`).
    pub(super) post_cue: bool,
}

pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    /// Paragraphs, sentences and tokens, built once.
    pub(super) doc: Doc<'a>,
    /// Outer quote spans (open mark .. past close mark), sorted.
    pub(super) spans: Vec<Range<usize>>,
    pub(super) index: NameIndex,
    pub(super) hist: Vec<Hist>,
    /// Attribution of the last nested quote (for split nested quotes).
    pub(super) hist_inner_last: Option<Attr>,
    /// While attributing inside a quote: the quote's own attribution ("I"
    /// and "we" refer to its speaker).
    pub(super) cur_outer: Option<Attr>,
    /// Attribution of each marked quote (by pair index), once known.
    pub(super) pair_attr: Vec<Option<Box<Attr>>>,
    /// The quote whose nested quotes are being attributed: mentions inside
    /// it count for pronouns.
    pub(super) cur_outer_range: Option<Range<usize>>,
    /// Nested quotes attributed so far inside the current outer quote.
    pub(super) inner_hist: Vec<(usize, Attr)>,
    /// The last [`narrator_cut`] scan: from, sentence end, the cut found
    /// (see [`Ctx::clause_end`]).
    pub(super) last_cut: std::cell::Cell<(usize, usize, usize)>,
}

/// Longest stretch (bytes) searched forward for the end of a sentence, so
/// that text without full stops cannot make the work quadratic.
pub(super) const MAX_SENTENCE: usize = 2000;

/// [`next_sentence_end`] looking no further than [`MAX_SENTENCE`] bytes.
pub(super) fn bounded_sentence_end(t: &str, from: usize, limit: usize) -> usize {
    let lim = floor_boundary(t, limit.min(from.saturating_add(MAX_SENTENCE))).max(from);
    next_sentence_end(t, from, lim)
}

impl<'a> Ctx<'a> {
    /// End of the sentence holding `from` (before its final punctuation),
    /// not past `limit`: a look-up in the sentence list, so that many
    /// anchors in one long sentence cost no rescans.
    pub(super) fn sentence_end(&self, from: usize, limit: usize) -> usize {
        let t = self.text;
        let limit = limit.min(t.len()).min(from.saturating_add(MAX_SENTENCE));
        if let Some(i) = sentence_index(&self.doc.sents, from) {
            let s = &self.doc.sents[i];
            if s.end > from {
                let body = t[from..s.end]
                    .trim_end_matches(|c: char| segment::is_closer(c) || c.is_whitespace());
                let body = body.trim_end_matches(['.', '!', '?', '…']);
                let e = (from + body.len()).min(limit).max(from);
                return floor_boundary(t, e).max(from);
            }
        }
        bounded_sentence_end(t, from, limit)
    }
}

pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
