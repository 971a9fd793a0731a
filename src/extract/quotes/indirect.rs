//! Indirect speech: the anchors ("that", "according to", speech verbs)
//! found in one pass, the end of a reported clause and where the
//! narrator's words begin, and the dispatch of each anchor to its form.

use super::*;

/// An indirect-speech candidate: the reported clause and how it is credited.
#[derive(Debug, Clone)]
pub(super) struct Indirect {
    pub(super) text: Range<usize>,
    pub(super) attr: Attr,
    /// Inside a marked quote: becomes a nested quote.
    pub(super) inside: Option<usize>,
}

/// Mental-state and characterising verbs: not speech before a that-clause.
pub(super) fn not_speech_before_that(w: &str) -> bool {
    speakers::is_not_speech_before_that(w)
}

impl<'a> Ctx<'a> {
    /// End of the reported clause starting at `s`: the end of its sentence,
    /// or earlier where the narrator coordinates a clause of their own
    /// (", and the FBI has not …", ", while …", "; …").
    pub(super) fn clause_end(&self, s: usize, para_end: usize, cut: bool) -> usize {
        let t = self.text;
        let e = self.sentence_end(s, para_end);
        if !cut {
            return e;
        }
        // Where the narrator's words start depends only on the text from
        // `s` to the sentence end, and the first cut at or after a later
        // start in the same sentence is the same cut: many anchors in one
        // long sentence ("said that …, said that …") scan it once.
        let (s0, e0, c0) = self.last_cut.get();
        let cut = if e0 == e && s0 <= s && s <= c0 {
            c0
        } else {
            let c = s + narrator_cut(&t[s..e]);
            self.last_cut.set((s, e, c));
            c
        };
        let (_, e2) = segment::trim_range(t, s, cut);
        e2
    }

    /// Does a marked quote start inside `r`?
    pub(super) fn has_quote_in(&self, r: &Range<usize>, pairs: &[Pair]) -> bool {
        let k = pairs.partition_point(|p| p.open < r.start);
        if k < pairs.len() && pairs[k].open < r.end {
            return true;
        }
        // Nested quotes inside an outer pair that contains r.
        if k > 0 {
            let p = &pairs[k - 1];
            if p.close_end > r.start {
                return p
                    .inner
                    .iter()
                    .any(|ip| ip.open >= r.start && ip.open < r.end);
            }
        }
        false
    }

    /// Find indirect speech: that-clauses after speech verbs, "according to
    /// X", "as X suggested, …", "…, X said.", "X said they …" and headline
    /// "X Says …". Each candidate is attributed later, in text order, so
    /// that pronouns resolve against earlier quotes.
    pub(super) fn find_indirect(&self) -> Vec<IndirectCand> {
        let t = self.text;
        let mut out: Vec<IndirectCand> = Vec::new();
        for m in ANCHORS.find_iter(t) {
            let w = m.as_str();
            let form = match w.as_bytes()[0] {
                b't' if w == "that" => Form::That,
                b'a' | b'A' if w.ends_with(" to") => Form::According,
                _ => Form::Say(w.len()),
            };
            out.push(IndirectCand {
                at: m.start(),
                form,
            });
        }
        out
    }
}

/// Anchors of indirect speech, found in one pass: "that", "according to"
/// and speech verbs (capitalised forms for title-case headlines).
pub(super) static ANCHORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:that|[Aa]ccording to|said|says|say|alleged|alleges|claimed|claims|claim|insisted|insists|insist|argued|argues|argue|warned|warns|warn|noted|notes|added|adds|wrote|writes|suggested|suggests|suggest|predicted|reported|stated|announced|acknowledged|admitted|conceded|explained|agreed|agree|agrees|denied|promised|promises|estimated|admits|explains|concedes|recalled|told|tells|replied|responded|observed|commented|cautioned|declared|tweeted|Says|Said|Warns|Claims|Tells)(?-u:\b)",
    )
    .expect("anchor regex")
});

#[derive(Debug, Clone, Copy)]
pub(super) enum Form {
    That,
    According,
    /// A speech verb of this byte length.
    Say(usize),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct IndirectCand {
    pub(super) at: usize,
    pub(super) form: Form,
}

/// Where the narrator's own clause starts inside a reported clause, in one
/// pass: ", while …", ", whereas …", "; …", ", and/but" + a new subject
/// (", and the FBI has not …"), or " and " + a speech verb ("… and accused
/// him"). Returns `body.len()` when there is none.
pub(super) fn narrator_cut(body: &str) -> usize {
    let b = body.as_bytes();
    let word_after = |i: usize| -> &str {
        let rest = &body[i..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        &rest[..end]
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b';' if b.get(i + 1) == Some(&b' ') => return i,
            b',' if b.get(i + 1) == Some(&b' ') => {
                let rest = &body[i + 2..];
                if rest.starts_with("while ") || rest.starts_with("whereas ") {
                    return i;
                }
                for conj in ["and ", "but "] {
                    if rest.starts_with(conj) {
                        let w = word_after(i + 2 + conj.len());
                        // "said that A, but that they …": a second reported
                        // clause of the same cue, not the narrator's.
                        if lw(w) == "that" {
                            let after_that = i + 2 + conj.len() + w.len() + 1;
                            let w2 = if after_that < body.len() {
                                word_after(after_that)
                            } else {
                                ""
                            };
                            let subject = opens_clause(w2);
                            if subject {
                                continue;
                            }
                        }
                        // A number opens a clause too ("…, and 49% said").
                        let subj_like =
                            opens_clause(w) || w.starts_with(|c: char| c.is_ascii_digit());
                        if subj_like {
                            return i;
                        }
                    }
                }
            }
            b' ' if body[i..].starts_with(" and ") => {
                let w = word_after(i + 5);
                if speakers::is_cue_word(w) && (w.ends_with("ed") || w == "said" || w == "told") {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Does `after` (the text after an inverted speech verb) hold a name of
/// one to five capitalised words, then a comma and a description ("Joe
/// Carbone, who works for …", "Ian Michaels, a spokesman for …")? A cheap
/// check, no tokenising.
pub(super) fn name_then_appositive(after: &str) -> bool {
    // Five words end well within 200 bytes: the look is bounded.
    let Some(comma) = after[..floor_boundary(after, 200)].find(',') else {
        return false;
    };
    let (name, rest) = (&after[..comma], &after[comma + 1..]);
    let words: Vec<&str> = name.split_whitespace().collect();
    let next = rest[..floor_boundary(rest, 100)]
        .split_whitespace()
        .next()
        .unwrap_or("");
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && next.starts_with(|c: char| c.is_lowercase())
}

/// Can `w` open a clause as (or before) its subject: a determiner, a
/// subject pronoun, a capitalised name?
pub(super) fn opens_clause(w: &str) -> bool {
    speakers::opens_clause(w) || w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// At least `n` words in `t`?
pub(super) fn has_words(t: &str, n: usize) -> bool {
    t.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .take(n)
        .count()
        >= n
}

/// Does any of the `n` words before `pos` (not before `lo`) satisfy `pred`?
/// A cheap backward scan, no tokenising.
pub(super) fn words_before_any(
    t: &str,
    pos: usize,
    lo: usize,
    n: usize,
    pred: impl Fn(&str) -> bool,
) -> bool {
    let b = t.as_bytes();
    let mut i = pos;
    let mut seen = 0;
    while i > lo && seen < n {
        // Skip non-word bytes (ASCII punctuation and spaces).
        while i > lo && b[i - 1] < 0x80 && !b[i - 1].is_ascii_alphanumeric() {
            i -= 1;
        }
        let e = i;
        while i > lo && (b[i - 1] >= 0x80 || b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-') {
            i -= 1;
        }
        while i < e && !t.is_char_boundary(i) {
            i += 1;
        }
        if i < e {
            if pred(&t[i..e]) {
                return true;
            }
            seen += 1;
        } else {
            break;
        }
    }
    false
}

impl<'a> Ctx<'a> {
    /// Attribute an indirect candidate (called in text order).
    pub(super) fn eval_indirect(
        &self,
        c: IndirectCand,
        pairs: &[Pair],
        toks: &mut Vec<Tok>,
    ) -> Option<Indirect> {
        let inside = self.outer_index(c.at, pairs);
        // Inside a quote, only the quote's own text is looked at.
        let (bound_lo, bound_hi) = match inside {
            Some(i) => (pairs[i].raw.start, pairs[i].raw.end),
            None => {
                let p = &self.doc.paras[self.para_of(c.at)];
                (p.start, p.end)
            }
        };
        if inside.is_none() && self.inside_quote(c.at) {
            return None;
        }
        match c.form {
            Form::That => self.indirect_that(c.at, bound_lo, bound_hi, inside, pairs, toks),
            Form::According => {
                self.indirect_according(c.at, bound_lo, bound_hi, inside, pairs, toks)
            }
            Form::Say(len) => self.indirect_say(c.at, len, bound_lo, bound_hi, inside, pairs, toks),
        }
    }

    pub(super) fn outer_index(&self, pos: usize, pairs: &[Pair]) -> Option<usize> {
        let k = pairs.partition_point(|p| p.open <= pos);
        if k > 0 && pos < pairs[k - 1].raw.end && pos >= pairs[k - 1].raw.start {
            Some(k - 1)
        } else {
            None
        }
    }

    /// Start of the sentence holding `pos`, not before `bound_lo`, computed
    /// by a bounded backward scan (works inside quotes too).
    pub(super) fn local_sent_start(&self, pos: usize, bound_lo: usize) -> usize {
        let floor = ceil_boundary(self.text, pos.saturating_sub(PRE_WINDOW).max(bound_lo));
        self.sent_start(pos).max(floor)
    }
}
