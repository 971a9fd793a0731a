//! Full-text searches for the sources of a draft's items: the distinctive
//! words of each quote and figure, the FTS5 queries made from their rarest
//! words, and the merge of the ranked results into candidate articles.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::extract::model::Extraction;
use crate::extract::segment;

/// The words one draft item is searched by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchItem {
    /// Distinctive words of the quote, or of the sentence around a figure.
    pub terms: Vec<String>,
    /// Search stored quotes too (for a quote of the draft).
    pub quotes: bool,
}

/// One full-text search for the sources of one draft item, made from its
/// rarest words in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// Any two of the rarest words (each pair ANDed, pairs ORed), so that
    /// one changed word still leaves pairs that find the source.
    pub any: String,
    /// All of the three rarest words: the stricter search used first when
    /// `any` matches too many articles to rank.
    pub all: Option<String>,
    /// Rank `any` by bm25: it matches few enough articles that ranking is
    /// cheap. Otherwise the searches take the first matches unranked (in a
    /// store where the words are that common, any article with all of
    /// them is as good a candidate as another).
    pub ranked: bool,
    /// Search stored quotes too.
    pub quotes: bool,
}

/// Distinctive words kept per draft item, before looking at their rarity.
const TERMS_PER_ITEM: usize = 16;

/// Rarest words a search is made of.
const RAREST: usize = 4;

/// Estimated matching articles up to which a search is ranked by bm25
/// (ranking costs about a microsecond per matching row).
const RANK_ROWS: u64 = 1_000;

/// Articles holding a word from which it counts as common: rarity is
/// measured up to here and no further.
pub const COMMON_DOCS: u64 = RANK_ROWS;

/// Function words and attribution verbs: they find every article.
const STOP: &[&str] = &[
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "and",
    "any",
    "are",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "can",
    "could",
    "did",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "into",
    "its",
    "itself",
    "just",
    "last",
    "like",
    "made",
    "make",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "new",
    "not",
    "now",
    "off",
    "once",
    "one",
    "only",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "told",
    "too",
    "two",
    "under",
    "until",
    "very",
    "was",
    "way",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "according",
    "added",
    "noted",
];

/// The distinctive words of `text` for a full-text search: lower-cased,
/// without function words and short words, longest first (long words are
/// the rare ones), at most `max`.
pub fn distinctive_terms(text: &str, max: usize) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut words = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let w = w.to_lowercase();
        let digits = w.chars().all(|c| c.is_ascii_digit());
        let long_enough = if digits {
            w.len() >= 2
        } else {
            w.chars().count() >= 3
        };
        if long_enough && !STOP.contains(&w.as_str()) && seen.insert(w.clone()) {
            words.push(w);
        }
    }
    // Stable: among words of one length, text order.
    words.sort_by_key(|w| Reverse(w.chars().count()));
    words.truncate(max);
    words
}

/// A word as an FTS5 string literal: FTS5 syntax in it is data.
pub fn fts_term(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// What to search for each quote (its words) and each sentence holding a
/// figure (the sentence's words) of a draft; items with the same words
/// are searched once.
pub fn search_items(text: &str, x: &Extraction) -> Vec<SearchItem> {
    let sentences = segment::sentences(text);
    let mut out: Vec<SearchItem> = Vec::new();
    let mut seen: HashSet<Vec<String>> = HashSet::new();
    let mut push = |terms: Vec<String>, quotes: bool| {
        if !terms.is_empty() && seen.insert(terms.clone()) {
            out.push(SearchItem { terms, quotes });
        }
    };
    for q in &x.quotes {
        let terms = distinctive_terms(&q.text, TERMS_PER_ITEM);
        // One word finds too much to tell sources apart; the sentence
        // around it says more.
        if terms.len() >= 2 {
            push(terms, true);
        } else {
            let s = sentence_around(text, &sentences, q.start);
            push(distinctive_terms(&text[s], TERMS_PER_ITEM), true);
        }
    }
    for f in &x.figures {
        let s = sentence_around(text, &sentences, f.start);
        push(distinctive_terms(&text[s], TERMS_PER_ITEM), false);
    }
    out
}

/// The search for one item, given how many stored articles hold each word
/// (`docs`; a word missing there is taken as held by none). Words no
/// article holds cannot find anything and are left out (a misquote's new
/// word among them). `None` when no word is left.
pub fn build_query(item: &SearchItem, docs: &HashMap<String, u64>) -> Option<SearchQuery> {
    let mut terms: Vec<(u64, &String)> = item
        .terms
        .iter()
        .map(|t| (docs.get(t).copied().unwrap_or(0), t))
        .filter(|(n, _)| *n > 0)
        .collect();
    // Rarest first; the sort is stable, so longer words first among equals.
    terms.sort_by_key(|(n, _)| *n);
    terms.truncate(RAREST);
    let (any, rows) = match terms.len() {
        0 => return None,
        1 | 2 => (
            terms
                .iter()
                .map(|(_, t)| fts_term(t))
                .collect::<Vec<_>>()
                .join(" OR "),
            terms.iter().map(|(n, _)| n).sum::<u64>(),
        ),
        _ => {
            let mut pairs = Vec::new();
            let mut rows = 0;
            for i in 0..terms.len() {
                for j in i + 1..terms.len() {
                    pairs.push(format!(
                        "({} AND {})",
                        fts_term(terms[i].1),
                        fts_term(terms[j].1)
                    ));
                    // A pair matches at most as many rows as its rarer word.
                    rows += terms[i].0;
                }
            }
            (pairs.join(" OR "), rows)
        }
    };
    let all = (terms.len() >= 3).then(|| {
        terms[..3]
            .iter()
            .map(|(_, t)| fts_term(t))
            .collect::<Vec<_>>()
            .join(" AND ")
    });
    Some(SearchQuery {
        any,
        all,
        ranked: rows <= RANK_ROWS,
        quotes: item.quotes,
    })
}

/// The sentence holding byte `pos`, or the 200 bytes or so around it
/// when no sentence does.
fn sentence_around(text: &str, sentences: &[Range<usize>], pos: usize) -> Range<usize> {
    segment::sentence_index(sentences, pos)
        .and_then(|i| sentences.get(i).cloned())
        .filter(|r| r.start <= pos && pos < r.end && r.end <= text.len())
        .unwrap_or_else(|| {
            let mut from = pos.min(text.len()).saturating_sub(100);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (pos + 100).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            from..to
        })
}

/// Merges ranked search results into at most `limit` articles: every
/// search's best hit first, then every search's second, and so on, so that
/// the one source of a rare quote is not crowded out by articles sharing
/// the draft's common vocabulary. Articles in `exclude` (the draft itself,
/// when it was saved before) are left out.
pub fn pick_candidates(ranked: &[Vec<i64>], exclude: &[i64], limit: usize) -> Vec<i64> {
    let mut out = Vec::new();
    let mut seen: HashSet<i64> = exclude.iter().copied().collect();
    let depth = ranked.iter().map(Vec::len).max().unwrap_or(0);
    for r in 0..depth {
        for hits in ranked {
            if out.len() >= limit {
                return out;
            }
            if let Some(&id) = hits.get(r) {
                if seen.insert(id) {
                    out.push(id);
                }
            }
        }
    }
    out
}
