//! Titles: the title written at a person's mention (title words in the
//! name's run, a lower-case title chain before it, or an appositive after
//! it).

use super::subjects::strip_article;
use super::tokens::{wl, Tok};
use super::words::{
    has, is_acronym, is_aux, is_cap, lw, strip_possessive, F_ARTICLE, F_CAP_STOP, F_DESC_OPENER,
    F_RANKS, F_RELATIVE, F_TITLE_MODS, F_TITLE_NOUNS,
};

/// Title written at a mention: capitalised title words in the run, a
/// lower-case title chain right before it, or an appositive after it
/// ("Alexander Bortnikov, the FSB’s director, went").
pub(super) fn mention_title(
    text: &str,
    toks: &[Tok],
    s: usize,
    ns: usize,
    e: usize,
) -> Option<String> {
    // Title words inside the run.
    let mut tstart = s;
    while tstart < ns && has(wl(text, &toks[tstart]), F_RANKS) {
        tstart += 1;
    }
    while tstart < ns && has(wl(text, &toks[tstart]), F_CAP_STOP) {
        tstart += 1;
    }
    // Extend left over a lower-case title chain.
    let mut cs = tstart;
    while cs > 0 {
        let t = toks[cs - 1];
        if !t.word {
            break;
        }
        let w = wl(text, &t);
        let ok = has(w, F_TITLE_NOUNS)
            || has(w, F_TITLE_MODS)
            || (is_cap(w) && !has(w, F_CAP_STOP))
            || is_acronym(w)
            || strip_possessive(w).1;
        if !ok {
            break;
        }
        cs -= 1;
    }
    // The chain must contain a title noun to count; ranks alone do not.
    let last_title = (cs..ns)
        .rev()
        .find(|&m| has(strip_possessive(wl(text, &toks[m])).0, F_TITLE_NOUNS));
    let mut pre = None;
    if last_title.is_some() {
        // Drop ranks at the end of the chain ("President Gen. X" is rare).
        let mut te = ns;
        while te > cs && has(wl(text, &toks[te - 1]), F_RANKS) {
            te -= 1;
        }
        if te > cs {
            let mut ts = cs;
            while ts < te && lw(wl(text, &toks[ts])) == "then" {
                ts += 1;
            }
            if ts < te {
                pre = Some(text[toks[ts].s..toks[te - 1].e].to_string());
            }
        }
    }
    // A description after the name says more than a one-word office before
    // it ("Senator Mark Warner, a Virginia Democrat"), as for a quote's own
    // attribution; a title chain ("CIA Director John Brennan") stands.
    match &pre {
        Some(p) if p.contains(char::is_whitespace) => return pre,
        _ => {}
    }
    appositive_title(text, toks, e).or(pre)
}

/// The description between commas after a name that ends at token `e`
/// ("…, the FSB’s director,"; an age first is skipped).
fn appositive_title(text: &str, toks: &[Tok], e: usize) -> Option<String> {
    // Appositive after the name (an age first is skipped: "Ms Smith, 45,
    // who runs a bakery").
    let mut e = e;
    if e + 2 < toks.len()
        && !toks[e].word
        && wl(text, &toks[e]) == ","
        && wl(text, &toks[e + 1]).bytes().all(|b| b.is_ascii_digit())
        && wl(text, &toks[e + 2]) == ","
    {
        e += 2;
    }
    if e + 1 < toks.len() && !toks[e].word && wl(text, &toks[e]) == "," && toks[e + 1].word {
        let first = wl(text, &toks[e + 1]);
        let l = lw(first);
        // A title noun among the first words makes a description too
        // ("Tunisia country director for Amnesty International").
        let title_soon = title_noun_soon(text, toks, e + 1, toks.len());
        let describes = has(first, F_ARTICLE | F_DESC_OPENER)
            || has(first, F_TITLE_NOUNS)
            || has(first, F_TITLE_MODS)
            || title_soon;
        if describes {
            let mut m = e + 1;
            while m < toks.len()
                && (toks[m].word
                    || !matches!(wl(text, &toks[m]), "," | "." | ";" | ":" | "—" | "(" | ")"))
            {
                m += 1;
                if m - e > 40 {
                    return None;
                }
            }
            // A clause is not a description: "According to Maria Lopez, the
            // ferry will resume" (a relative clause is: "who said …").
            // A verb before any relative word makes it a clause.
            let relative = matches!(l.as_str(), "who" | "whose");
            let clause = !relative
                && (e + 2..m)
                    .take_while(|&j| !has(wl(text, &toks[j]), F_RELATIVE))
                    .any(|j| toks[j].word && is_aux(wl(text, &toks[j])));
            if m > e + 1 && !clause {
                let r = strip_article(text, toks[e + 1].s..toks[m - 1].e);
                return Some(text[r].to_string());
            }
        }
    }
    None
}

/// Does one of the first three words from token `k` (before `hi` and any
/// punctuation) name an office ("Tunisia country director for …")?
pub(super) fn title_noun_soon(text: &str, toks: &[Tok], k: usize, hi: usize) -> bool {
    (k..hi.min(k + 3))
        .take_while(|&j| toks[j].word)
        .any(|j| has(wl(text, &toks[j]), F_TITLE_NOUNS))
}
