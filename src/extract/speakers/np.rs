//! Noun phrases: parsing the phrase that may name a speaker at a token
//! (pronouns, unnamed sources, documents, definite descriptions, names) and
//! telling what it refers to. Phrases ending in a capitalised word are
//! read by `proper`.

use std::ops::Range;

use crate::extract::model::SpeakerKind;

use super::proper::proper_np;
use super::tokens::{wl, Tok};
use super::words::{
    has, has_exact, is_acronym, is_cap, is_cue_word, lower_ascii, lw, strip_possessive, F_ANON,
    F_CALENDAR, F_CAP_STOP, F_DEFINITE, F_DEFINITE_PP, F_DETS, F_DOC, F_NP_DET, F_NP_STOP,
    F_ORG_HEAD, F_ORG_WORDS, F_PERSON_PP, F_PLACES, F_PP, F_PP_ADJ, F_PP_CONT, F_PUB_NOUNS,
    F_TITLE_NOUNS,
};
use crate::extract::lexicon::QUANTIFIER_PREFIXES;

/// What a parsed noun phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    /// "he" / "she".
    Pronoun(Gender),
    /// "they".
    They,
    /// "who" (a relative pronoun standing for the noun phrase before it).
    Relative,
    /// A personal name.
    Person,
    /// An organisation by name ("FSB", "the Kremlin").
    Org,
    /// A publication by name ("The Daily Beast").
    Pub,
    /// A publication by a generic word ("the publication").
    PubGeneric,
    /// A document ("A White House statement").
    Doc,
    /// An unnamed source ("one source", "U.S. officials").
    Anon,
    /// A definite description of a person ("the president", "The Russian
    /// official"), resolved like a pronoun.
    Definite,
    /// An organisation by a common noun ("the company").
    OrgGeneric,
    /// "I" / "we": inside a quote, the quote's speaker.
    FirstPerson,
}

/// Grammatical gender of a pronoun or name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// "he", or a man's given name.
    Male,
    /// "she", or a woman's given name.
    Female,
    /// Not known (fits either pronoun).
    Unknown,
}

/// A noun phrase naming a (possible) speaker, as byte ranges into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// The words naming the speaker as written (ranks and capitalised
    /// titles joined to the name kept, "Gen. Alexander Bortnikov").
    pub written: Range<usize>,
    /// The name itself without ranks or titles ("Alexander Bortnikov").
    pub name: Range<usize>,
    /// A title written with the name ("CIA Director", "of the Council on
    /// Foreign Relations").
    pub title: Option<Range<usize>>,
    /// What the phrase refers to.
    pub kind: NpKind,
    /// Index one past the last token consumed.
    pub tok_end: usize,
}

impl Np {
    /// Is this a phrase that can be credited with speech?
    pub fn is_speaker(&self) -> bool {
        !matches!(self.kind, NpKind::Relative)
    }
}

/// Parse a noun phrase starting at token `i`, not going past token `hi`.
/// Returns `None` when no speaker-like noun phrase starts there.
pub fn parse_np(text: &str, toks: &[Tok], i: usize, hi: usize) -> Option<Np> {
    let hi = hi.min(toks.len());
    if i >= hi || !toks[i].word {
        return None;
    }
    let w0 = wl(text, &toks[i]);
    let mut buf = [0u8; 32];
    let l0 = lower_ascii(w0, &mut buf).unwrap_or("");
    match l0 {
        "he" | "she" => {
            let g = if l0 == "he" {
                Gender::Male
            } else {
                Gender::Female
            };
            return Some(Np {
                written: toks[i].s..toks[i].e,
                name: toks[i].s..toks[i].e,
                title: None,
                kind: NpKind::Pronoun(g),
                tok_end: i + 1,
            });
        }
        "i" | "we" => {
            return Some(Np {
                written: toks[i].s..toks[i].e,
                name: toks[i].s..toks[i].e,
                title: None,
                kind: NpKind::FirstPerson,
                tok_end: i + 1,
            })
        }
        "they" => {
            return Some(Np {
                written: toks[i].s..toks[i].e,
                name: toks[i].s..toks[i].e,
                title: None,
                kind: NpKind::They,
                tok_end: i + 1,
            })
        }
        "who" => {
            return Some(Np {
                written: toks[i].s..toks[i].e,
                name: toks[i].s..toks[i].e,
                title: None,
                kind: NpKind::Relative,
                tok_end: i + 1,
            })
        }
        _ => {}
    }
    let mut j = i;
    // Quantifier prefixes: "at least one source", "more than a dozen".
    if j + 1 < hi && toks[j + 1].word {
        let pair = (lw(w0), lw(wl(text, &toks[j + 1])));
        if QUANTIFIER_PREFIXES
            .iter()
            .any(|&(a, b)| pair.0.as_str() == a && pair.1.as_str() == b)
        {
            j += 2;
        }
    }
    // The written phrase keeps a quantifier prefix ("at least one source").
    let det_start = i;
    let mut det: Option<String> = None;
    if j < hi && toks[j].word && has(wl(text, &toks[j]), F_DETS) {
        det = Some(lw(wl(text, &toks[j])).to_string());
        j += 1;
    } else if j > i {
        return None;
    } else if j + 1 < hi
        && toks[j].word
        && strip_possessive(wl(text, &toks[j])).1
        && toks[j + 1].word
        && !is_cap(wl(text, &toks[j + 1]))
    {
        // A possessive before a common noun acts as a determiner
        // ("Sweden's foreign ministry", "Smith's lawyer").
        det = Some("'s".to_string());
    }
    // Body: words up to a stop word or punctuation.
    let body_start = j;
    let mut k = j;
    let mut last_poss: Option<usize> = None;
    while k < hi && k - body_start < 10 {
        let t = toks[k];
        if !t.word {
            // Parenthesised glosses inside a title: "SVR (foreign intelligence) chief".
            if wl(text, &t) == "(" {
                let close = (k + 1..hi.min(k + 6)).find(|&m| wl(text, &toks[m]) == ")");
                if let Some(m) = close {
                    if m + 1 < hi && toks[m + 1].word && k > body_start {
                        k = m + 1;
                        continue;
                    }
                }
            }
            break;
        }
        let w = wl(text, &t);
        let capw = is_cap(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit());
        if k > body_start && has_exact(w, F_NP_DET) {
            break;
        }
        if k == body_start && capw && det.is_none() && has(w, F_CAP_STOP) {
            // "As The Daily Beast", "In June": a function word, not a name.
            return None;
        }
        if !capw {
            // "Secretary of State Antony Blinken": "of" inside a
            // capitalised title.
            if w == "of"
                && k > body_start
                && is_cap(wl(text, &toks[k - 1]))
                && k + 1 < hi
                && toks[k + 1].word
                && is_cap(wl(text, &toks[k + 1]))
                && has(wl(text, &toks[k - 1]), F_TITLE_NOUNS)
            {
                k += 1;
                continue;
            }
            // "and" joins two nouns: "agents and analysts", "Current and former".
            if w == "and" || w == "&" {
                let next_ok = k + 1 < hi
                    && toks[k + 1].word
                    && !has(wl(text, &toks[k + 1]), F_NP_STOP)
                    && !is_cue_word(wl(text, &toks[k + 1]));
                if next_ok && k > body_start {
                    k += 1;
                    continue;
                }
                break;
            }
            if has(w, F_NP_STOP) || is_cue_word(w) && !has(w, F_ANON) && !has(w, F_DOC) {
                break;
            }
            if w.ends_with("ly")
                && !has(w, F_ANON)
                && !has(w, F_TITLE_NOUNS)
                && w != "daily"
                && w != "weekly"
            {
                break;
            }
            if has(w, F_PP) {
                break;
            }
            // A participle after the head noun starts a clause about it:
            // "a former official overseeing Russia and Eurasia" is the
            // official, not someone named Eurasia.
            if w.ends_with("ing")
                && k > body_start
                && has(wl(text, &toks[k - 1]), F_TITLE_NOUNS | F_ANON | F_ORG_HEAD)
            {
                break;
            }
        } else if k > body_start && has(w, F_CALENDAR) {
            break;
        }
        if strip_possessive(w).1 {
            last_poss = Some(k);
        }
        k += 1;
    }
    // The phrase ends at its last possible head: a capitalised word or a
    // speaker noun ("the president back-tracked" → "the president";
    // "Trump trumpeted" → "Trump").
    let mut body_end = k;
    while body_end > body_start {
        let w = wl(text, &toks[body_end - 1]);
        let head_ok = is_cap(w)
            || is_acronym(w)
            || has(w, F_ANON)
            || has(w, F_DOC)
            || has(w, F_PUB_NOUNS)
            || has(w, F_TITLE_NOUNS)
            || has(w, F_ORG_HEAD);
        if head_ok {
            break;
        }
        body_end -= 1;
    }
    if body_end == body_start {
        return None;
    }
    // A possessive at the end is a possessor, not a subject ("Daniel’s").
    if last_poss == Some(body_end - 1) {
        return None;
    }
    let last = toks[body_end - 1];
    let last_w = wl(text, &last);
    // A capitalised common noun opening a sentence ("Spokespersons for …",
    // "Police said") is still a common noun.
    let common_cap = body_end == body_start + 1
        && !is_acronym(last_w)
        && has(last_w, F_ANON | F_DOC | F_PUB_NOUNS | F_ORG_HEAD)
        && !has(last_w, F_ORG_WORDS | F_PLACES);
    let mut np = if (is_cap(last_w) || is_acronym(last_w)) && !common_cap {
        proper_np(text, toks, det_start, body_start, body_end, det.as_deref())?
    } else {
        common_np(text, toks, det_start, body_start, body_end, det.as_deref())?
    };
    // Post-modifiers.
    let mut m = np.tok_end;
    if m < hi && toks[m].word {
        let w = wl(text, &toks[m]);
        let lwm = lw(w);
        let pp_ok = match np.kind {
            NpKind::Person => has(w, F_PERSON_PP),
            NpKind::Anon => has(w, F_PP),
            NpKind::Doc => has(w, F_PP) || lwm.as_str() == "by",
            NpKind::Definite => has(w, F_DEFINITE_PP),
            _ => false,
        };
        if pp_ok {
            let pp_start = m;
            m += 1;
            if has(w, F_PP_ADJ) && m < hi && toks[m].word {
                m += 1; // "close to", "familiar with"
            }
            let mut n = 0;
            while m < hi && toks[m].word && n < 12 {
                let w2 = wl(text, &toks[m]);
                let stop = (has(w2, F_NP_STOP) && !has(w2, F_PP_CONT))
                    || (is_cue_word(w2) && !is_cap(w2) && !has(w2, F_ANON) && !has(w2, F_DOC))
                    || (w2.ends_with("ly") && !is_cap(w2));
                if stop {
                    break;
                }
                m += 1;
                n += 1;
            }
            if m > pp_start + 1 {
                let pp = toks[pp_start].s..toks[m - 1].e;
                match np.kind {
                    NpKind::Person => {
                        if np.title.is_none() {
                            np.title = Some(pp);
                        }
                    }
                    _ => {
                        np.written.end = toks[m - 1].e;
                        np.name.end = toks[m - 1].e;
                    }
                }
                np.tok_end = m;
            }
        }
    }
    // Relative clauses belong to unnamed sources as written ("A Russian
    // official who was at the Hamburg summit").
    Some(np)
}

/// Noun phrase ending in a lower-case noun: an unnamed source, a document,
/// a generic publication or a definite description.
fn common_np(
    text: &str,
    toks: &[Tok],
    det_start: usize,
    body_start: usize,
    body_end: usize,
    det: Option<&str>,
) -> Option<Np> {
    let head = wl(text, &toks[body_end - 1]);
    let written = toks[det_start].s..toks[body_end - 1].e;
    let definite = det.is_some_and(|d| has(d, F_DEFINITE));
    let n_body = body_end - body_start;
    let kind = if has(head, F_PUB_NOUNS) && definite && n_body <= 2 {
        NpKind::PubGeneric
    } else if has(head, F_DOC) {
        NpKind::Doc
    } else if has(head, F_ANON) || has(head, F_TITLE_NOUNS) {
        let singular_title = has(head, F_TITLE_NOUNS) && !head.ends_with('s');
        if definite && singular_title && det == Some("the") {
            NpKind::Definite
        } else {
            NpKind::Anon
        }
    } else if has(head, F_ORG_HEAD) && det.is_some() {
        NpKind::OrgGeneric
    } else {
        return None;
    };
    // "the FSB’s director": a definite description.
    Some(Np {
        written: written.clone(),
        name: written,
        title: None,
        kind,
        tok_end: body_end,
    })
}

/// Classify the kind of speaker a noun phrase names.
pub fn speaker_kind(kind: NpKind) -> Option<SpeakerKind> {
    Some(match kind {
        NpKind::Pronoun(_) | NpKind::Person | NpKind::Definite => SpeakerKind::Person,
        NpKind::Org | NpKind::OrgGeneric => SpeakerKind::Organisation,
        NpKind::FirstPerson => SpeakerKind::Person,
        NpKind::Pub | NpKind::PubGeneric => SpeakerKind::Publication,
        NpKind::Doc => SpeakerKind::Document,
        NpKind::Anon | NpKind::They => SpeakerKind::Anonymous,
        NpKind::Relative => return None,
    })
}
