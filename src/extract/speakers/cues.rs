//! Cues: the verb (or "according to", "puts it", "pointed out") that
//! attributes speech, told apart from the same word used as a noun.

use std::ops::Range;

use super::tokens::{wl, Tok};
use super::words::{has, is_cap, lw, F_CUE, F_CUE_CTX, F_NOUN_DET, F_NP_DET};
use crate::extract::lexicon::{cue_particle, phrasal_particle};

/// A cue found in a token window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// First token of the cue.
    pub tok: usize,
    /// One past the last token of the cue.
    pub tok_end: usize,
    /// Byte range of the cue as written (for "puts it": both words).
    pub range: Range<usize>,
    /// "according to".
    pub according: bool,
    /// A participle ("tweeting", "noting"): its subject is the clause's.
    pub participle: bool,
}

/// Is there a cue at token `k`? Handles multi-word cues and rejects nouns
/// ("a statement", "the report") and context-dependent verbs.
pub fn cue_at(text: &str, toks: &[Tok], k: usize, strict: bool) -> Option<Cue> {
    let t = toks.get(k)?;
    if !t.word {
        return None;
    }
    let w = wl(text, t);
    let lcue = lw(w);
    let next = |n: usize| toks.get(k + n).filter(|t| t.word).map(|t| lw(wl(text, t)));
    if lcue == "according" {
        if next(1).as_deref() == Some("to") {
            let e = toks[k + 1].e;
            return Some(Cue {
                tok: k,
                tok_end: k + 2,
                range: t.s..e,
                according: true,
                participle: false,
            });
        }
        return None;
    }
    if !has(lcue.as_str(), F_CUE) {
        return None;
    }
    // Capitalised cue words are names or headlines ("State Department",
    // "Says" in a title-case headline, which is read elsewhere).
    if is_cap(w) {
        return None;
    }
    // A determiner before it makes it a noun ("the report", "a statement").
    if k > 0 && toks[k - 1].word {
        let p = lw(wl(text, &toks[k - 1]));
        if has(p.as_str(), F_NP_DET | F_NOUN_DET) {
            return None;
        }
        if p.ends_with("’s") || p.ends_with("'s") {
            return None;
        }
    }
    let mut end_tok = k + 1;
    let mut range = t.s..t.e;
    if has(lcue.as_str(), F_CUE_CTX) {
        if let Some(p) = cue_particle(lcue.as_str()) {
            if next(1).as_deref() != Some(p) {
                return None;
            }
            end_tok = k + 2;
            range = t.s..toks[k + 1].e;
        } else if strict {
            // Context verbs are accepted only where the caller checks the
            // construction (a that-clause, a quote right after).
            return None;
        }
    }
    // "summed up", "spoke out": the particle is part of the cue.
    if end_tok == k + 1 {
        if let Some(p) = next(1) {
            if phrasal_particle(&lcue) == Some(&*p) {
                end_tok = k + 2;
                range = t.s..toks[k + 1].e;
            }
        }
    }
    let participle = lcue.ends_with("ing");
    Some(Cue {
        tok: k,
        tok_end: end_tok,
        range,
        according: false,
        participle,
    })
}
