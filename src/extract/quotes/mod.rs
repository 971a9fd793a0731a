//! Quotes and their attribution.
//!
//! [`quotes`] finds direct, partial and nested quotes (words in quotation
//! marks) and indirect speech ("X said that …", "according to X, …") in one
//! text and credits each to a speaker. The conventions are those of
//! `docs/extraction.md`.
//!
//! How it works, in linear passes over the text:
//!
//! 1. Build the document once (`crate::extract::doc`): paragraphs,
//!    sentences, every token; later windows take their tokens from it.
//! 2. Scan quotation marks once, deciding for each whether it opens or
//!    closes from the characters around it (apostrophes such as `Russia’s`,
//!    `'90s` or `Coats’ comments` are recognised and skipped).
//! 3. Pair marks paragraph by paragraph. An unclosed double quote continues
//!    into the next paragraph only when that paragraph opens with a quote
//!    mark (the news convention for multi-paragraph quotes), starts in lower
//!    case (a broken line) or begins with a closing mark; otherwise it ends
//!    with its paragraph. Single marks inside double ones are nested quotes.
//! 4. Collect person names once ([`NameIndex`]).
//! 5. Find indirect speech around cue words outside quotes.
//! 6. Attribute every item in text order, looking only at a bounded window
//!    around it: the cue after the quote (`,” X said`), the cue before it
//!    (`X said: “`), an introducing sentence ending in a colon, or the
//!    previous quote's speaker (a quote paragraph that continues a
//!    speaker's words). Pronouns and definite descriptions ("the
//!    president") are resolved to the nearest fitting person.
//!
//! The passes live in submodules: `marks` (steps 2–3), `ctx` (the
//! attribution state and the document it reads, `crate::extract::doc`),
//! `indirect`, `that`, `say` and `headline` (step 5), `marked` and
//! `cues` (step 6 for quotes in marks), `resolve` (speakers, pronouns
//! and descriptions); this file runs them in order and tidies the result
//! (titles carried to later quotes, organisations to their fullest name).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::doc::Doc;
use crate::extract::lexicon::{
    is_one_of, ACCORDING_OPENERS, ARTICLES, CLAUSE_DETERMINERS, CLAUSE_LINKS, CLAUSE_RELATIVES,
    COORDINATED_CUE_LINKS, ELISIONS, FOR_SPANS, GAP_ADJUNCT_STARTS, GAP_VERB_WORDS,
    GENERIC_ORG_NOUNS, HEADLINE_CUES, LISTENER_DETERMINERS, NOT_NOUN_OBJECT_BEFORE,
    PAST_VERB_DETERMINERS, PERFECT_AUXILIARIES, RELEASE_VERBS, SAID_ADJUNCT_STARTS,
    SPECIFIC_TITLES, TAIL_ADJUNCT_STARTS, THAT_AUXILIARIES, TITLE_SMALL_WORDS, WORK_NOUNS,
    WORK_TITLE_INTRODUCERS,
};
use crate::extract::model::{Quote, QuoteKind, SpeakerKind};
use crate::extract::segment::{self, next_sentence_end, sentence_index};
use crate::extract::speakers::is_aux;
use crate::extract::speakers::{
    self, clause_subject, cue_at, gender_fits, lower, lw, parse_np, strip_article, subject_after,
    subject_before, subject_filling, tokenize, Cue, Gender, NameIndex, Np, NpKind, Subject, Tok,
};

/// How far back (bytes) a cue before a quote is looked for.
const PRE_WINDOW: usize = 700;
/// How far forward (bytes) a cue after a quote is looked for.
const POST_WINDOW: usize = 400;
/// How far back (bytes) a pronoun's antecedent is looked for.
const PRONOUN_WINDOW: usize = 2500;

mod ctx;
mod cues;
mod headline;
mod indirect;
mod marked;
mod marks;
mod resolve;
mod say;
mod that;

use ctx::*;
use cues::*;
use headline::*;
use indirect::*;
use marks::*;

// ---------------------------------------------------------------------------
// The entry point.

/// A marked-quote candidate in text order.
struct MarkedCand {
    pair: usize,
}

/// Extract all quotes from `text`, sorted by start offset: the quotes of
/// [`crate::extract::extract`].
///
/// Pure: no I/O. Every returned quote satisfies `q.text == &text[q.start..q.end]`
/// with offsets on character boundaries. Runs in time linear in the length
/// of the text (each quote looks at a bounded window around it). No-break
/// spaces and zero-width characters in names are folded first (see
/// [`crate::extract::invisible`]).
pub fn quotes(text: &str) -> Vec<Quote> {
    let only_quotes = |t: &str| crate::extract::model::Extraction {
        quotes: scan(t),
        figures: Vec::new(),
    };
    crate::extract::on_readable(text, only_quotes).quotes
}

/// The quotes of a text with nothing to fold.
pub(crate) fn scan(text: &str) -> Vec<Quote> {
    if text.is_empty() {
        return Vec::new();
    }
    let doc = Doc::new(text);
    let marks = scan_marks(text);
    let pairs = pair_marks(text, &marks, &doc.paras);
    let spans: Vec<Range<usize>> = pairs.iter().map(|p| p.open..p.close_end).collect();
    let inside = |pos: usize| {
        let k = spans.partition_point(|r| r.start <= pos);
        !(k > 0 && pos < spans[k - 1].end)
    };
    let index = NameIndex::build(text, &inside);
    let mut ctx = Ctx {
        text,
        doc,
        spans: spans.clone(),
        index,
        hist: Vec::new(),
        hist_inner_last: None,
        cur_outer: None,
        pair_attr: vec![None; pairs.len()],
        cur_outer_range: None,
        inner_hist: Vec::new(),
        last_cut: std::cell::Cell::new((usize::MAX, 0, 0)),
    };

    // Candidates in text order: marked quotes (by opening mark) and
    // indirect forms (by their anchor).
    let ind = ctx.find_indirect();
    let marked: Vec<MarkedCand> = (0..pairs.len()).map(|i| MarkedCand { pair: i }).collect();
    let mut out: Vec<Quote> = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    let mut toks2: Vec<Tok> = Vec::new();
    let (mut mi, mut ii) = (0usize, 0usize);
    // Indirect items found so far end here (skip overlapping anchors).
    let mut last_indirect_end = 0usize;
    loop {
        let take_marked = match (marked.get(mi), ind.get(ii)) {
            (Some(m), Some(c)) => pairs[m.pair].open <= c.at,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_marked {
            let pi = marked[mi].pair;
            mi += 1;
            ctx.attribute_pair(&pairs, pi, &mut out, &mut toks, &mut toks2);
        } else {
            let c = ind[ii];
            ii += 1;
            if c.at < last_indirect_end {
                continue;
            }
            ctx.cur_outer = ctx
                .outer_index(c.at, &pairs)
                .and_then(|i| ctx.pair_attr[i].as_deref().cloned());
            let found = ctx.eval_indirect(c, &pairs, &mut toks);
            ctx.cur_outer = None;
            if let Some(r) = found {
                if r.text.start < last_indirect_end || contraction_source(&r.attr) {
                    continue;
                }
                last_indirect_end = r.text.end;
                let (kind, via) = match r.inside {
                    Some(i) => (
                        QuoteKind::Nested,
                        ctx.pair_attr[i].as_ref().and_then(|a| a.speaker.clone()),
                    ),
                    None => (QuoteKind::Indirect, None),
                };
                let q = make_quote(text, r.text.clone(), kind, &r.attr, via);
                if r.inside.is_none() {
                    ctx.hist.push(Hist {
                        pos: r.text.start,
                        end: r.text.end,
                        para: ctx.para_of(r.text.start),
                        attr: r.attr.clone(),
                        marked: false,
                        kind,
                        post_cue: false,
                    });
                }
                out.push(q);
            }
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)));
    out.dedup_by(|b, a| a.start == b.start && a.end == b.end);
    carry_titles(&mut out);
    resolve_orgs(text, &mut out);
    out
}

/// Short names of organisations resolved to their fullest form in the
/// article: an acronym defined in brackets ("the National Press Agency
/// (NPA)" → "National Press Agency") and the first word of a company's
/// name ("Hartwell" after "Hartwell Mining Corp").
fn resolve_orgs(text: &str, quotes: &mut [Quote]) {
    // ASCII word boundaries and classes keep these on the regex crate's
    // lazy DFA (a Unicode `\b` on non-ASCII text falls back to a far slower
    // engine).
    static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)((?:[A-Z][A-Za-z&’'-]*\s+)(?:(?:of|for|and|the|de)\s+|[A-Z][A-Za-z&’'-]*\s+){0,6}[A-Z][A-Za-z&’'-]*)\s+\(([A-Z][A-Z0-9&]{1,9})\)")
            .expect("acronym regex")
    });
    static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)([A-Z][A-Za-z&’'-]+)(?:\s+[A-Z][A-Za-z&’'-]*){0,3}\s+(?:Corp|Corporation|Inc|Ltd|Limited|Group|Holdings|Co|Company|Bank|Plc|PLC|LLC|AG|SA|NV)(?-u:\b)\.?")
            .expect("company regex")
    });
    if quotes.iter().all(|q| q.speaker.is_none()) {
        return;
    }
    // Both patterns start with any capital letter; run them only in short
    // windows before what they must end with ("(NPA)", "Corp"), found by
    // fast literal scans.
    static ACRONYM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(([A-Z][A-Z0-9&]{1,9})\)").expect("acronym regex"));
    static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:Corp|Corporation|Inc|Ltd|Limited|Group|Holdings|Co|Company|Bank|Plc|PLC|LLC|AG|SA|NV)(?-u:\b)")
            .expect("suffix regex")
    });
    let window = |end: usize| {
        let lo = ceil_boundary(text, end.saturating_sub(160));
        let hi = floor_boundary(text, (end + 1).min(text.len()));
        (lo, hi)
    };
    let mut full: HashMap<String, (String, usize)> = HashMap::new();
    for m in ACRONYM.find_iter(text) {
        let (lo, _) = window(m.start());
        if let Some(c) = DEFINED
            .captures_iter(&text[lo..m.end()])
            .find(|c| c.get(0).is_some_and(|g| lo + g.end() == m.end()))
        {
            let name = c[1]
                .trim_start_matches("The ")
                .trim_start_matches("the ")
                .to_string();
            let at = lo + c.get(0).map_or(0, |g| g.start());
            full.entry(c[2].to_string()).or_insert((name, at));
        }
    }
    for m in SUFFIX.find_iter(text) {
        let (lo, hi) = window(m.end());
        if let Some(c) = COMPANY
            .captures_iter(&text[lo..hi])
            .find(|c| c.get(0).is_some_and(|g| lo + g.end() >= m.end()))
        {
            let g = c.get(0).expect("match");
            let name = g.as_str().trim_end_matches('.').to_string();
            full.entry(c[1].to_string())
                .or_insert((name, lo + g.start()));
        }
    }
    // "the company", "the firm": the organisation last quoted by name, or
    // else last named as a company before the quote.
    let mut last_org: Option<String> = None;
    for q in quotes.iter_mut() {
        let Some(name) = q.speaker.as_deref() else {
            continue;
        };
        let lower = name.to_lowercase();
        let generic = lower.starts_with("the ") && is_one_of(GENERIC_ORG_NOUNS, &lower[4..]);
        if generic {
            let named = full
                .values()
                .filter(|(_, at)| *at < q.start)
                .max_by_key(|(_, at)| *at)
                .map(|(n, _)| n.clone());
            if let Some(org) = last_org.clone().or(named) {
                q.speaker = Some(org);
                q.speaker_kind = Some(SpeakerKind::Organisation);
            }
        } else if q.speaker_kind == Some(SpeakerKind::Organisation) {
            last_org = Some(name.to_string());
        }
    }
    if full.is_empty() {
        return;
    }
    for q in quotes.iter_mut() {
        let Some(short) = q.speaker.as_deref() else {
            continue;
        };
        let short = short.trim_start_matches("the ").trim_start_matches("The ");
        if let Some((name, at)) = full.get(short) {
            if *at < q.start && name != short {
                q.speaker = Some(name.clone());
                q.speaker_kind = Some(SpeakerKind::Organisation);
            }
        }
    }
}

/// A source written as a contraction is none: "We’re told that …" is
/// passive, "Aren’t those …" a question.
fn contraction_source(a: &Attr) -> bool {
    a.as_written.as_deref().is_some_and(|w| {
        let w = w.replace('’', "'").to_lowercase();
        !w.contains(' ') && (w.ends_with("'re") || w.ends_with("'m") || w.ends_with("n't"))
    })
}

/// A person's title, once written at one of their quotes (usually at the
/// first full mention), holds for their other quotes that name none:
/// "said Lotfi Azzouz, Tunisia country director for Amnesty International"
/// and later "Azzouz said".
fn carry_titles(quotes: &mut [Quote]) {
    let mut first: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for q in quotes.iter() {
        if let (Some(SpeakerKind::Person), Some(name), Some(title)) =
            (q.speaker_kind, &q.speaker, &q.speaker_title)
        {
            first.entry(name.clone()).or_insert_with(|| title.clone());
        }
    }
    for q in quotes.iter_mut() {
        if q.speaker_title.is_none() && q.speaker_kind == Some(SpeakerKind::Person) {
            if let Some(t) = q.speaker.as_ref().and_then(|n| first.get(n)) {
                q.speaker_title = Some(t.clone());
            }
        }
    }
}

fn make_quote(
    text: &str,
    r: Range<usize>,
    kind: QuoteKind,
    a: &Attr,
    via: Option<String>,
) -> Quote {
    Quote {
        text: text[r.clone()].to_string(),
        start: r.start,
        end: r.end,
        kind,
        speaker: a.speaker.clone(),
        speaker_as_written: a.as_written.clone(),
        speaker_title: a.title.clone(),
        speaker_kind: if a.speaker.is_some() || a.as_written.is_some() {
            a.kind
        } else {
            None
        },
        cue: a.cue.clone(),
        via,
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_more;
