//! Subjects: the speaker noun phrase that goes with a cue, before it
//! ("Michael Daniel, CEO of …, commented"), filling the clause after a quote,
//! after an inverted cue ("said Gen. Alexander Bortnikov"), or opening a
//! clause; with the appositive that describes the speaker.

use std::ops::Range;

use super::np::{parse_np, Np, NpKind};
use super::titles::title_noun_soon;
use super::tokens::{wl, Tok};
use super::words::{
    has, is_cap, lw, strip_possessive, F_ANON, F_ARTICLE, F_DETS, F_FILLERS, F_NOT_APPOS,
    F_OBJ_PREP, F_OPENER, F_PP, F_TITLE_MODS, F_TITLE_NOUNS,
};

/// A speaker noun phrase found for a cue, with the appositive title if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The noun phrase.
    pub np: Np,
    /// An appositive between commas ("CEO of the Cyber Threat Alliance").
    pub appositive: Option<Range<usize>>,
}

fn is_filler(w: &str) -> bool {
    has(w, F_FILLERS) || (w.ends_with("ly") && !is_cap(w) && w.len() > 3)
}

/// Split tokens `lo..hi` at top-level commas (not inside parentheses).
fn comma_segments(text: &str, toks: &[Tok], lo: usize, hi: usize) -> Vec<Range<usize>> {
    let mut segs = Vec::new();
    let mut s = lo;
    let mut depth = 0i32;
    for (k, t) in toks.iter().enumerate().take(hi).skip(lo) {
        if t.word {
            continue;
        }
        match wl(text, t) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = (depth - 1).max(0),
            "," | ";" | "—" | "–" if depth == 0 => {
                segs.push(s..k);
                s = k + 1;
            }
            _ => {}
        }
    }
    segs.push(s..hi);
    segs
}

/// Leading words of a clause that are not part of its subject ("And just in
/// September", "As", "Significantly").
fn skip_clause_openers(text: &str, toks: &[Tok], mut k: usize, hi: usize) -> usize {
    while k < hi {
        let t = toks[k];
        if !t.word {
            let p = wl(text, &t);
            if matches!(
                p,
                "(" | ")" | "\"" | "“" | "”" | "'" | "‘" | "’" | ":" | "*" | "#"
            ) {
                k += 1;
                continue;
            }
            break;
        }
        let w = wl(text, &t);
        let opener = has(w, F_OPENER) || (w.ends_with("ly") && w.len() > 3 && !has(w, F_ANON));
        if opener {
            k += 1;
        } else {
            break;
        }
    }
    k
}

/// Does a full noun phrase fill tokens `lo..hi` (after clause openers)?
fn np_filling(text: &str, toks: &[Tok], lo: usize, hi: usize) -> Option<Np> {
    let s = skip_clause_openers(text, toks, lo, hi);
    if s >= hi {
        return None;
    }
    let np = parse_np(text, toks, s, hi)?;
    if np.tok_end == hi || paren_fills(text, toks, np.tok_end, hi) {
        return Some(np);
    }
    // Unnamed sources keep a relative clause as written.
    if matches!(np.kind, NpKind::Anon | NpKind::Doc) {
        let w = lw(wl(text, &toks[np.tok_end]));
        if (w == "who" || w == "that" || w == "which") && hi - np.tok_end <= 14 {
            let mut np = np;
            np.written.end = toks[hi - 1].e;
            np.name.end = toks[hi - 1].e;
            np.tok_end = hi;
            return Some(np);
        }
    }
    None
}

/// Are tokens `k..hi` exactly one parenthetical ("(D-Calif.)")?
fn paren_fills(text: &str, toks: &[Tok], k: usize, hi: usize) -> bool {
    k + 2 <= hi
        && hi - k <= 8
        && !toks[k].word
        && wl(text, &toks[k]) == "("
        && !toks[hi - 1].word
        && wl(text, &toks[hi - 1]) == ")"
}

/// Find the subject of a cue among tokens `lo..cue` (the clause before the
/// cue): the noun phrase right before the verb, or, when the verb follows
/// an appositive ("Michael Daniel, CEO of …, commented"), the name before
/// the appositive.
pub fn subject_before(text: &str, toks: &[Tok], lo: usize, cue: usize) -> Option<Subject> {
    let mut hi = cue;
    // Drop auxiliaries and adverbs between subject and verb.
    while hi > lo {
        let t = toks[hi - 1];
        if t.word && is_filler(wl(text, &t)) {
            hi -= 1;
        } else {
            break;
        }
    }
    if hi <= lo {
        return None;
    }
    let trailing_comma = !toks[hi - 1].word && matches!(wl(text, &toks[hi - 1]), "," | "—" | "–");
    if !trailing_comma {
        // Case A: the noun phrase that ends right before the verb.
        let segs = comma_segments(text, toks, lo, hi);
        let last = segs.last()?.clone();
        for s in last.start..last.end {
            if let Some(np) = np_filling(text, toks, s, last.end) {
                if np.kind == NpKind::Relative {
                    // "Bortnikov, who famously dismissed": the phrase before.
                    return relative_antecedent(text, toks, &segs);
                }
                return Some(Subject {
                    np,
                    appositive: None,
                });
            }
            // Only try starting points at word boundaries that could open a
            // phrase; stop at a finite verb-like structure for speed.
            if s - last.start > 16 {
                break;
            }
        }
        return None;
    }
    // Case B: "NAME, APPOSITIVE, [adverbs] cue".
    let segs = comma_segments(text, toks, lo, hi - 1);
    let nseg = segs.len();
    for (idx, seg) in segs.iter().enumerate() {
        if seg.start >= seg.end {
            continue;
        }
        let Some(np) = np_filling(text, toks, seg.start, seg.end) else {
            continue;
        };
        if np.kind == NpKind::Relative {
            continue;
        }
        // Appositive: the following segments up to the cue (an age
        // first is skipped: "Ms Smith, 45, who runs a bakery").
        let mut first_app = idx + 1;
        if first_app + 1 < nseg
            && segs[first_app].len() == 1
            && wl(text, &toks[segs[first_app].start])
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            first_app += 1;
        }
        let appositive = if first_app < nseg {
            let a = segs[first_app].start;
            let b = segs[nseg - 1].end;
            if a < b {
                let r = toks[a].s..toks[b - 1].e;
                Some(strip_article(text, r))
            } else {
                None
            }
        } else {
            None
        };
        // An appositive must describe, not act: "speaking anonymously to …"
        // or "noting …" is not a title.
        let appositive = appositive.filter(|r| {
            let first = text[r.clone()].split_whitespace().next().unwrap_or("");
            !(first.ends_with("ing") && first != "CEO" && !is_cap(first))
        });
        let mut subj = Subject { np, appositive };
        // "TITLE, NAME, said": the title before the name.
        if subj.np.kind == NpKind::Person && subj.appositive.is_none() && idx > 0 {
            subj.appositive = title_tail(text, toks, segs[idx - 1].clone());
        }
        if subj.np.kind == NpKind::Person || idx + 1 == nseg || subj.appositive.is_some() {
            return Some(subj);
        }
        // An unnamed phrase followed by more segments: accept it, but a
        // later personal name in apposition ("the FSB's deputy chief,
        // Nikolai Murashov,") wins.
        if let Some(next) = segs.get(idx + 1) {
            if let Some(np2) = np_filling(text, toks, next.start, next.end) {
                if np2.kind == NpKind::Person {
                    let title = Some(strip_article(text, subj.np.written.clone()));
                    return Some(Subject {
                        np: np2,
                        appositive: title,
                    });
                }
            }
        }
        return Some(subj);
    }
    None
}

fn relative_antecedent(text: &str, toks: &[Tok], segs: &[Range<usize>]) -> Option<Subject> {
    let n = segs.len();
    if n < 2 {
        return None;
    }
    let prev = segs[n - 2].clone();
    for s in prev.start..prev.end {
        if let Some(np) = np_filling(text, toks, s, prev.end) {
            if np.kind != NpKind::Relative {
                return Some(Subject {
                    np,
                    appositive: None,
                });
            }
        }
        if s - prev.start > 16 {
            break;
        }
    }
    None
}

/// The title at the end of a segment ("after the Director of National
/// Intelligence" → "Director of National Intelligence"), if it contains a
/// title noun.
fn title_tail(text: &str, toks: &[Tok], seg: Range<usize>) -> Option<Range<usize>> {
    if seg.start >= seg.end {
        return None;
    }
    // From the last article to the end.
    let mut s = None;
    for k in (seg.start..seg.end).rev() {
        let l = lw(wl(text, &toks[k]));
        if has(l.as_str(), F_ARTICLE) {
            s = Some(k + 1);
            break;
        }
    }
    let s = s?;
    if s >= seg.end {
        return None;
    }
    let has_title =
        (s..seg.end).any(|k| has(strip_possessive(wl(text, &toks[k])).0, F_TITLE_NOUNS));
    if !has_title {
        return None;
    }
    Some(toks[s].s..toks[seg.end - 1].e)
}

/// Drop a leading article from a title range ("a former director" →
/// "former director").
pub fn strip_article(text: &str, r: Range<usize>) -> Range<usize> {
    let t = &text[r.clone()];
    for a in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = t.strip_prefix(a) {
            if !rest.is_empty() {
                return r.start + a.len()..r.end;
            }
        }
    }
    r
}

/// The subject of a sentence whose cue follows a quote: the tokens
/// `lo..cue` must be exactly a noun phrase, optionally followed by an
/// appositive between commas ("Michael Carpenter, a former …, told").
pub fn subject_filling(text: &str, toks: &[Tok], lo: usize, cue: usize) -> Option<Subject> {
    let mut hi = cue;
    while hi > lo {
        let t = toks[hi - 1];
        if t.word && is_filler(wl(text, &t)) {
            hi -= 1;
        } else {
            break;
        }
    }
    if hi <= lo {
        return None;
    }
    let trailing_comma = !toks[hi - 1].word && wl(text, &toks[hi - 1]) == ",";
    let end = if trailing_comma { hi - 1 } else { hi };
    let segs = comma_segments(text, toks, lo, end);
    let first = segs.first()?.clone();
    if first.start >= first.end {
        return None;
    }
    let np = parse_np(text, toks, first.start, first.end)?;
    if !(np.tok_end == first.end || paren_fills(text, toks, np.tok_end, first.end))
        || np.kind == NpKind::Relative
    {
        return None;
    }
    if segs.len() > 1 && !trailing_comma {
        return None;
    }
    // "Smith's lawyer, John Doe, said": the name, with the role as title.
    if np.kind != NpKind::Person && segs.len() == 2 {
        if let Some(np2) = parse_np(text, toks, segs[1].start, segs[1].end) {
            if np2.kind == NpKind::Person && np2.tok_end == segs[1].end {
                let title = Some(strip_article(text, np.written.clone()));
                return Some(Subject {
                    np: np2,
                    appositive: title,
                });
            }
        }
    }
    let appositive = if segs.len() > 1 {
        let a = segs[1].start;
        let b = segs[segs.len() - 1].end;
        if a < b {
            Some(strip_article(text, toks[a].s..toks[b - 1].e))
        } else {
            None
        }
    } else {
        None
    };
    Some(Subject { np, appositive })
}

/// The speaker after an inverted cue ("said Gen. Alexander Bortnikov,
/// noting …"): a noun phrase starting at token `k`, with a following
/// appositive if it describes the speaker.
pub fn subject_after(text: &str, toks: &[Tok], k: usize, hi: usize) -> Option<Subject> {
    let np = parse_np(text, toks, k, hi)?;
    if np.kind == NpKind::Relative {
        return None;
    }
    // "said her mother, Fiona Parry": an unnamed or definite description,
    // then the name that ends the phrase. The name speaks; the description
    // is its title.
    let e = np.tok_end;
    if matches!(np.kind, NpKind::Anon | NpKind::Definite)
        && e + 1 < hi
        && !toks[e].word
        && wl(text, &toks[e]) == ","
    {
        if let Some(name) = parse_np(text, toks, e + 1, hi) {
            let ends = name.tok_end == hi
                || (!toks[name.tok_end].word
                    && matches!(wl(text, &toks[name.tok_end]), "," | "." | ";"));
            if name.kind == NpKind::Person && ends {
                let title = strip_article(text, np.written.clone());
                return Some(Subject {
                    np: name,
                    appositive: Some(title),
                });
            }
        }
    }
    let mut appositive = None;
    let e = np.tok_end;
    if e + 1 < hi && !toks[e].word && wl(text, &toks[e]) == "," && toks[e + 1].word {
        let first = wl(text, &toks[e + 1]);
        let l = lw(first);
        let describes = !(l.ends_with("ing") || has(first, F_NOT_APPOS))
            && (has(first, F_DETS)
                || has(first, F_TITLE_NOUNS)
                || has(first, F_TITLE_MODS)
                || is_cap(first)
                || title_noun_soon(text, toks, e + 1, hi));
        if describes && np.kind == NpKind::Person {
            let mut m = e + 1;
            while m < hi && (toks[m].word || !matches!(wl(text, &toks[m]), "," | "." | ";" | ":")) {
                m += 1;
            }
            if m > e + 1 {
                appositive = Some(strip_article(text, toks[e + 1].s..toks[m - 1].e));
            }
        }
    }
    Some(Subject { np, appositive })
}

/// The first subject-like noun phrase of a clause (tokens `lo..hi`), for
/// participle cues ("Later that day he …, tweeting:") and introductions
/// ending in a colon ("David Kris, …, articulated the concern …:").
/// Returns the phrase and the token after it (the verb, if any).
pub fn clause_subject(text: &str, toks: &[Tok], lo: usize, hi: usize) -> Option<Subject> {
    let segs = comma_segments(text, toks, lo, hi);
    for (idx, seg) in segs.iter().enumerate() {
        let s = skip_clause_openers(text, toks, seg.start, seg.end);
        let mut k = s;
        // Skip leading adverbial phrases like "Later that day", "In June of
        // this year" by trying each start in the first few tokens.
        while k < seg.end && k - s < 8 {
            if k > s {
                let p = lw(wl(text, &toks[k - 1]));
                // Objects of prepositions are not subjects.
                if has(&p, F_PP | F_OBJ_PREP) {
                    k += 1;
                    continue;
                }
            }
            if let Some(np) = parse_np(text, toks, k, seg.end) {
                let ok_kind = matches!(
                    np.kind,
                    NpKind::Pronoun(_)
                        | NpKind::Person
                        | NpKind::Definite
                        | NpKind::Anon
                        | NpKind::Org
                        | NpKind::Pub
                        | NpKind::Doc
                        | NpKind::PubGeneric
                );
                if ok_kind && !text[np.written.clone()].starts_with(|c: char| c.is_ascii_digit()) {
                    // The phrase must be followed by a verb-like word, an
                    // appositive comma, or the end of the segment.
                    let after = np.tok_end;
                    let follows_ok = after >= seg.end
                        || toks[after].word && {
                            let w = wl(text, &toks[after]);
                            !is_cap(w) && !has(w, F_PP)
                        };
                    if follows_ok {
                        let mut appositive = None;
                        if after >= seg.end && idx + 1 < segs.len() {
                            // Appositive segments up to the verb segment.
                            let nxt = segs[idx + 1].clone();
                            if nxt.start < nxt.end {
                                let fw = wl(text, &toks[nxt.start]);
                                if np.kind == NpKind::Person
                                    && (has(fw, F_DETS)
                                        || has(fw, F_TITLE_NOUNS)
                                        || has(fw, F_TITLE_MODS)
                                        || lw(fw) == "who"
                                        || is_cap(fw))
                                {
                                    // Up to the segment that holds a verb:
                                    // take all but the last segment.
                                    let last_idx = segs.len() - 1;
                                    if last_idx > idx + 1 {
                                        appositive = Some(strip_article(
                                            text,
                                            toks[nxt.start].s
                                                ..toks
                                                    [segs[last_idx - 1].end.max(nxt.start + 1) - 1]
                                                    .e,
                                        ));
                                    }
                                }
                            }
                        }
                        return Some(Subject { np, appositive });
                    }
                }
            }
            k += 1;
        }
        if idx >= 3 {
            break;
        }
    }
    None
}
