//! Proper noun phrases: a noun phrase that ends in a capitalised word, a
//! name with its ranks and titles split off, classified as a person, an
//! organisation, a place, a publication or an unnamed group.

use std::ops::Range;

use super::np::{Np, NpKind};
use super::tokens::{wl, Tok};
use super::words::{
    has, is_acronym, is_cap, is_particle, strip_possessive, F_CALENDAR, F_CAP_STOP, F_DATE_WORD,
    F_GROUP, F_ORG_WORDS, F_PLACES, F_PLACE_PREFIX, F_PUB_WORDS, F_RANKS, F_TITLE_MODS,
    F_TITLE_NOUNS,
};

/// Noun phrase ending in a capitalised word: a name, possibly after a title.
pub(super) fn proper_np(
    text: &str,
    toks: &[Tok],
    det_start: usize,
    body_start: usize,
    body_end: usize,
    det: Option<&str>,
) -> Option<Np> {
    // The trailing run of capitalised words (with initials and particles).
    let mut r = body_end;
    while r > body_start {
        let w = wl(text, &toks[r - 1]);
        let (w, poss) = strip_possessive(w);
        if poss && r != body_end {
            break;
        }
        let title_of = w == "of"
            && r < body_end
            && r - 1 > body_start
            && has(wl(text, &toks[r - 2]), F_TITLE_NOUNS)
            && is_cap(wl(text, &toks[r - 2]));
        if is_cap(w)
            || is_acronym(w)
            // Particles inside a name, or opening a surname ("de Miranda
            // writes") when no determiner comes first.
            || (r < body_end && is_particle(w) && (r - 1 > body_start || det.is_none()))
            || title_of
        {
            r -= 1;
        } else {
            break;
        }
    }
    let run_start = r;
    // Within the run, split off ranks and title words: the name starts
    // after the last title noun / rank.
    let mut name_start = run_start;
    let mut title_end: Option<usize> = None; // token index one past the title
    let mut rank_end: Option<usize> = None;
    for (m, tok) in toks.iter().enumerate().take(body_end).skip(run_start) {
        let w = wl(text, tok);
        if m + 1 < body_end && has(w, F_RANKS) {
            name_start = m + 1;
            rank_end = Some(m + 1);
        } else if m + 1 < body_end && (has(w, F_TITLE_NOUNS) || strip_possessive(w).1) {
            name_start = m + 1;
            title_end = Some(m + 1);
            rank_end = None;
        }
    }
    // "Secretary of State Antony Blinken", "Director of National
    // Intelligence Dan Coats": the title runs on after "of" over
    // institution words, or while more than a first and last name remain.
    if let Some(te) = title_end {
        if te < body_end && wl(text, &toks[te]) == "of" {
            let mut m = te + 1;
            while m + 1 < body_end {
                let w = wl(text, &toks[m]);
                if has(w, F_TITLE_MODS | F_ORG_WORDS | F_PLACES) || body_end - m > 2 {
                    m += 1;
                } else {
                    break;
                }
            }
            if m > te + 1 {
                name_start = m;
                title_end = Some(m);
            }
        }
    }
    // "the Secretary of State", "the Prime Minister": a role, not a name.
    if det == Some("the")
        && (run_start..body_end).any(|m| has(wl(text, &toks[m]), F_TITLE_NOUNS))
        && (run_start..body_end).all(|m| {
            let w = wl(text, &toks[m]);
            w == "of"
                || has(
                    w,
                    F_TITLE_NOUNS | F_TITLE_MODS | F_ORG_WORDS | F_PLACES | F_PLACE_PREFIX,
                )
        })
    {
        let r = toks[det_start].s..toks[body_end - 1].e;
        return Some(Np {
            written: r.clone(),
            name: r,
            title: None,
            kind: NpKind::Definite,
            tok_end: body_end,
        });
    }
    // Skip sentence-opening function words and calendar words.
    while name_start < body_end {
        let w = wl(text, &toks[name_start]);
        if (has(w, F_CAP_STOP) && !(det.is_some() && name_start > body_start)) || has(w, F_CALENDAR)
        {
            name_start += 1;
        } else {
            break;
        }
    }
    if name_start >= body_end {
        return None;
    }
    let name = toks[name_start].s..toks[body_end - 1].e;
    let name_str = &text[name.clone()];
    let ntoks = body_end - name_start;
    // Title: capitalised title words inside the run, or a lower-case title
    // chain before it ("Foreign Ministry spokeswoman Maria Zakharova").
    let mut title: Option<Range<usize>> = None;
    // Date words glued before a title are not part of it ("In September
    // Russian Foreign Minister …", "last year Prime Minister …").
    let title_start = |end: usize| {
        let mut ts = body_start;
        while ts + 1 < end {
            let w = wl(text, &toks[ts]);
            let date_word =
                has(w, F_CALENDAR | F_DATE_WORD) || w.bytes().all(|b| b.is_ascii_digit());
            if !date_word {
                break;
            }
            ts += 1;
        }
        ts
    };
    if let Some(te) = title_end {
        let ts = title_start(te);
        title = Some(toks[ts].s..toks[te - 1].e);
    } else if run_start > body_start {
        let chain_ok = (body_start..run_start).any(|m| has(wl(text, &toks[m]), F_TITLE_NOUNS));
        if chain_ok {
            title = Some(toks[title_start(run_start)].s..toks[run_start - 1].e);
        } else if det.is_none() {
            // Lower-case words before a name that are not a title: not a
            // clean noun phrase ("just in September Lavrov").
            return None;
        }
    }
    let kind = classify_name(text, toks, name_start, body_end, det);
    if kind == NpKind::Person && det.is_some() && title.is_none() {
        // "the Russian Vladimir" is not a phrase; "the FSB" is handled as Org.
        return None;
    }
    let _ = name_str;
    let _ = ntoks;
    // As written: ranks and capitalised titles that sit in the run stay.
    let written_start = match kind {
        NpKind::Person => {
            let ws = if title_end.is_some() && title_end.unwrap() > run_start {
                run_start
            } else if let Some(re) = rank_end {
                // rank right before the name
                let _ = re;
                run_start.max(body_start)
            } else {
                name_start
            };
            // Never start the written form at a sentence-opening function word.
            let mut ws2 = ws;
            while ws2 < name_start && has(wl(text, &toks[ws2]), F_CAP_STOP) {
                ws2 += 1;
            }
            toks[ws2].s
        }
        _ => toks[det_start.min(name_start)].s,
    };
    let (name, written) = match kind {
        NpKind::Person => (name, written_start..toks[body_end - 1].e),
        _ => {
            // Organisations and publications: the whole phrase as written.
            (
                toks[det_start].s..toks[body_end - 1].e,
                toks[det_start].s..toks[body_end - 1].e,
            )
        }
    };
    Some(Np {
        written,
        name,
        title: if kind == NpKind::Person { title } else { None },
        kind,
        tok_end: body_end,
    })
}

/// Classify a capitalised name (tokens `s..e`).
fn classify_name(text: &str, toks: &[Tok], s: usize, e: usize, det: Option<&str>) -> NpKind {
    let mut any_pub = false;
    let mut any_org = false;
    let mut all_acr = true;
    for t in &toks[s..e] {
        let w = strip_possessive(wl(text, t)).0;
        if has(w, F_PUB_WORDS) {
            any_pub = true;
        }
        if has(w, F_ORG_WORDS) {
            any_org = true;
        }
        if !is_acronym(w) {
            all_acr = false;
        }
    }
    let n = e - s;
    let first = wl(text, &toks[s]);
    if any_pub && !(n == 1 && first == "Post") {
        return NpKind::Pub;
    }
    if any_org || all_acr {
        return NpKind::Org;
    }
    let last = strip_possessive(wl(text, &toks[e - 1])).0;
    if (n == 1 && has(first, F_PLACES))
        || (n >= 2 && (has(first, F_PLACE_PREFIX) || has(last, F_PLACES)))
    {
        return NpKind::Org;
    }
    if det.is_some_and(|d| d == "the") {
        return NpKind::Org;
    }
    if n == 1 && is_group_word(first) {
        return NpKind::Anon;
    }
    NpKind::Person
}

/// Capitalised plural group nouns used for unnamed groups ("Republicans",
/// "Democrats", "Americans").
fn is_group_word(w: &str) -> bool {
    has(w, F_GROUP)
}
