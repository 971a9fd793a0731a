//! Title-case headlines that report speech ("Putin's Top Spy Says …"), and
//! the checks on the words around an attribution: what may sit between a
//! cue and its speaker, what may follow it, and a dateline before a clause.

use super::*;

/// A headline "X Says CLAUSE" found in a title-case line.
pub(super) struct Headline {
    pub(super) subj: Subject,
    pub(super) cue: String,
    pub(super) at: usize,
    pub(super) text: Range<usize>,
}

impl Headline {
    pub(super) fn with(self, ctx: &Ctx, _toks: &mut Vec<Tok>) -> Indirect {
        let attr = ctx.resolve(&self.subj, Some(&self.cue), self.at);
        Indirect {
            text: self.text,
            attr,
            inside: None,
        }
    }
}

pub(super) fn headline_says(t: &str, s: Range<usize>, toks: &mut Vec<Tok>) -> Option<Headline> {
    tokenize(t, s.start, s.end, toks);
    let words: Vec<&Tok> = toks.iter().filter(|k| k.word).collect();
    if words.len() < 4 {
        return None;
    }
    let caps = words
        .iter()
        .filter(|k| t[k.s..k.e].chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    if caps * 10 < words.len() * 7 {
        return None;
    }
    for k in 1..toks.len().saturating_sub(2) {
        let w = &t[toks[k].s..toks[k].e];
        if is_one_of(HEADLINE_CUES, w) {
            let subj = subject_before(t, toks, 0, k).or_else(|| {
                parse_np(t, toks, 0, k)
                    .filter(|np| np.tok_end == k)
                    .map(|np| Subject {
                        np,
                        appositive: None,
                    })
            })?;
            let cs = toks[k + 1].s;
            let (cs, ce) = segment::trim_range(t, cs, s.end);
            return Some(Headline {
                subj,
                cue: w.to_lowercase(),
                at: toks[k].s,
                text: cs..ce,
            });
        }
    }
    None
}

/// Is the text between cue `c` and "that" (tokens `c.tok_end..n`) a
/// harmless gap: nothing, a parenthetical between commas, the listener of a
/// tell-verb, or a prepositional/time phrase?
pub(super) fn gap_ok(t: &str, toks: &[Tok], c: &Cue, n: usize, cue_word: &str) -> bool {
    let gap = &toks[c.tok_end..n];
    if gap.is_empty() {
        return true;
    }
    let first = &t[gap[0].s..gap[0].e];
    if first == "," {
        // ", without providing details," / ", however,"
        return !gap[gap.len() - 1].word
            && &t[gap[gap.len() - 1].s..gap[gap.len() - 1].e] == ","
            && gap.len() <= 10;
    }
    if gap
        .iter()
        .any(|k| !k.word && !matches!(&t[k.s..k.e], "," | "." | "’" | "'"))
    {
        return false;
    }
    // No verbs in the gap: "The officers added to the list were members of
    // a unit that …" is not "added that".
    let verbish = gap.iter().any(|k| {
        let w = lw(&t[k.s..k.e]);
        is_one_of(GAP_VERB_WORDS, w.as_str()) || (w.ends_with("ing") && w.len() > 5)
    });
    if verbish {
        return false;
    }
    let lf = lw(first);
    if speakers::is_tell_verb(cue_word) && gap.len() <= 8 {
        return true;
    }
    // "have argued for years that", "said for months that".
    if lf == "for" && gap.len() <= 3 {
        let next = gap.get(1).map(|k| lw(&t[k.s..k.e]));
        if next.is_some_and(|w| is_one_of(FOR_SPANS, w.as_str())) {
            return true;
        }
    }
    let pp = is_one_of(GAP_ADJUNCT_STARTS, lf.as_str());
    pp && gap.len() <= 8
}

/// Skip a news-agency dateline at the start of a sentence ("MOSCOW, March 3
/// (Reuters) - ", "WASHINGTON (AP) — ").
pub(super) fn skip_dateline(t: &str, s: usize, e: usize) -> usize {
    pub(super) static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)\n]{1,30}\))?\s*[-—–]{1,2}\s*")
            .expect("dateline regex")
    });
    let he = floor_boundary(t, e.min(s + 120)).max(s);
    let head = &t[s..he];
    match DATELINE.find(head) {
        Some(m) if m.end() < e - s => s + m.end(),
        _ => s,
    }
}

/// What may follow the cue of a sentence-final attribution ("…, the
/// publication said." / "…, officials said on Monday." / "…, she told
/// reporters."): nothing, a short time or place phrase, or a listener.
pub(super) fn tail_adjunct_ok(t: &str, rest: &[Tok], tell: bool) -> bool {
    if rest.is_empty() {
        return true;
    }
    if rest.iter().any(|k| !k.word) {
        return false;
    }
    if tell {
        return rest.len() <= 4;
    }
    let f = lw(&t[rest[0].s..rest[0].e]);
    rest.len() <= 6 && is_one_of(TAIL_ADJUNCT_STARTS, f.as_str())
}
