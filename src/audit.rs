//! Citation audit: every quote and figure of a draft checked against the
//! stored coverage. Was the quote said, by whom, in these words? Does the
//! figure agree with what others reported? Which claims rest on no named
//! source?
//!
//! Pure library code. The caller finds candidate articles in the store
//! (full-text searches from [`search_items`] and [`build_query`], merged by
//! [`pick_candidates`]) and hands them in as [`Coverage`]; [`audit`]
//! matches the draft against them with [`crate::matching::Matcher`] and
//! classifies each draft item by the pairs it forms:
//!
//! | pairs of the item | status |
//! |---|---|
//! | one restates (same words, same speaker; a figure that agrees) | ok |
//! | only divergent ones (wording, speaker, title, attribution; value, unit, qualifier) | mismatch |
//! | none | unverified |
//!
//! A quote that is not a mismatch but has no speaker is *unattributed*;
//! one credited to an anonymous source is *anonymous*.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::extract::model::{Extraction, Figure, Quote, SpeakerKind};
use crate::extract::segment;
use crate::matching::{
    ArticleInput, DiffKind, DiffOp, ItemKind, ItemRef, Label, Matcher, Options, Pair, Reason,
};

/// The id the draft carries inside the matcher: stored article ids are
/// positive, so it never meets one of them.
pub const DRAFT_ID: i64 = -1;

/// Full-text results kept per search query.
pub const PER_QUERY: usize = 8;

/// Stored articles a draft is compared with at most.
pub const MAX_CANDIDATES: usize = 120;

/// A stored article a draft is checked against.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// Its text (latest version) and extraction; `input.id` is the article id.
    pub input: ArticleInput,
    pub title: Option<String>,
}

/// The outcome for one draft item, from best to worst. `--fail-on` takes
/// the same names: a finding fails the audit when its status is at or
/// above the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Found in the coverage as the draft has it.
    Ok,
    /// Credited only to an anonymous source ("a source", "officials").
    Anonymous,
    /// A quote with no speaker, or someone's quoted words in the draft's
    /// own prose.
    Unattributed,
    /// Not found in the coverage.
    Unverified,
    /// Found, but the coverage has it otherwise: see the kind and reasons.
    Mismatch,
}

impl Status {
    /// Every status, best first.
    pub const ALL: [Status; 5] = [
        Status::Ok,
        Status::Anonymous,
        Status::Unattributed,
        Status::Unverified,
        Status::Mismatch,
    ];

    /// The status as written in reports and `--fail-on`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Anonymous => "anonymous",
            Status::Unattributed => "unattributed",
            Status::Unverified => "unverified",
            Status::Mismatch => "mismatch",
        }
    }
}

/// What a mismatch is about: the most severe reason of its pairs, named
/// for editors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MismatchKind {
    /// A figure's number differs.
    Value,
    /// A figure's unit or currency differs.
    Unit,
    /// A figure's qualifier pulls the other way ("more than" / "nearly").
    Qualifier,
    /// The words are someone else's kind of source: the narrator's own
    /// words of an article, or a named source made anonymous or the reverse.
    Attribution,
    /// The words are credited to another person.
    Speaker,
    /// The quoted words differ.
    Wording,
    /// The speaker's title differs.
    Title,
}

impl From<Reason> for MismatchKind {
    fn from(r: Reason) -> Self {
        match r {
            Reason::Value => MismatchKind::Value,
            Reason::Unit => MismatchKind::Unit,
            Reason::Qualifier => MismatchKind::Qualifier,
            Reason::Attribution => MismatchKind::Attribution,
            Reason::Speaker => MismatchKind::Speaker,
            Reason::Wording => MismatchKind::Wording,
            Reason::SpeakerTitle => MismatchKind::Title,
        }
    }
}

impl MismatchKind {
    /// The kind as written in reports.
    pub fn name(self) -> &'static str {
        match self {
            MismatchKind::Value => "value",
            MismatchKind::Unit => "unit",
            MismatchKind::Qualifier => "qualifier",
            MismatchKind::Attribution => "attribution",
            MismatchKind::Speaker => "speaker",
            MismatchKind::Wording => "wording",
            MismatchKind::Title => "title",
        }
    }
}

/// Where the coverage has an item of the draft, and how it compares.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub outlet: Option<String>,
    /// The stored article's id.
    pub article: i64,
    pub title: Option<String>,
    pub published: Option<String>,
    /// What the source's words are: a quote, a figure, or the narrator's
    /// own prose.
    pub item: ItemKind,
    /// The source's words (quote, figure phrase, or narration span).
    pub text: String,
    /// Who the source credits the words to (none for narration).
    pub speaker: Option<String>,
    pub speaker_title: Option<String>,
    /// Whether the source says the same as the draft.
    pub label: Label,
    /// Why it differs from the draft, most severe first.
    pub reasons: Vec<Reason>,
    /// Word diff from the source's words to the draft's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffOp>>,
}

/// The audit of one draft item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub status: Status,
    /// For a mismatch, the most severe of `reasons`.
    pub kind: Option<MismatchKind>,
    /// Quote, figure, or narration (the draft's own prose carrying words
    /// the coverage quotes from someone).
    pub item: ItemKind,
    /// The draft's words, `draft[start..end]` (byte offsets).
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Who the draft credits a quote to, its title and kind of source.
    pub speaker: Option<String>,
    pub speaker_title: Option<String>,
    pub speaker_kind: Option<SpeakerKind>,
    /// Why the sources differ from the draft, most severe first (for a
    /// mismatch, the reasons of the divergent sources).
    pub reasons: Vec<Reason>,
    /// Word diff from the first source with other words to the draft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffOp>>,
    /// The coverage found, the sources that decide the status first.
    pub sources: Vec<Source>,
}

/// How many findings have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub items: usize,
    pub ok: usize,
    pub mismatch: usize,
    pub unverified: usize,
    pub unattributed: usize,
    pub anonymous: usize,
}

impl Counts {
    /// Count the findings.
    pub fn of(findings: &[Finding]) -> Counts {
        let mut c = Counts {
            items: findings.len(),
            ..Counts::default()
        };
        for f in findings {
            match f.status {
                Status::Ok => c.ok += 1,
                Status::Mismatch => c.mismatch += 1,
                Status::Unverified => c.unverified += 1,
                Status::Unattributed => c.unattributed += 1,
                Status::Anonymous => c.anonymous += 1,
            }
        }
        c
    }

    /// How many findings have `status`.
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Ok => self.ok,
            Status::Mismatch => self.mismatch,
            Status::Unverified => self.unverified,
            Status::Unattributed => self.unattributed,
            Status::Anonymous => self.anonymous,
        }
    }
}

/// The audit of a draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    pub summary: Counts,
    /// In draft order.
    pub findings: Vec<Finding>,
    /// Stored articles the draft was compared with.
    pub compared: usize,
}

impl Audit {
    /// The worst status found, if any finding.
    pub fn worst(&self) -> Option<Status> {
        self.findings.iter().map(|f| f.status).max()
    }

    /// Whether a finding reaches `level` (`None`: nothing fails).
    pub fn fails(&self, level: Option<Status>) -> bool {
        match (level, self.worst()) {
            (Some(level), Some(worst)) => worst >= level && level > Status::Ok,
            _ => false,
        }
    }
}

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

/// Audits a draft (its text and extraction) against stored articles.
pub fn audit(text: &str, extraction: &Extraction, coverage: Vec<Coverage>) -> Audit {
    let draft = ArticleInput {
        id: DRAFT_ID,
        outlet: None,
        // No date: the draft is matched as the latest article, so every
        // pair runs from a source to the draft.
        published: None,
        text: text.to_string(),
        quotes: extraction.quotes.clone(),
        figures: extraction.figures.clone(),
    };
    let compared = coverage.len();
    // Blocking limits suit a store-wide index; against a few candidates a
    // key held by all of them (a figure every outlet reported) must still
    // count.
    let budget = (compared * 3).max(64);
    let mut matcher = Matcher::with_options(Options {
        max_postings: budget,
        figure_budget: budget,
        ..Options::default()
    });
    matcher.load(coverage.iter().map(|c| c.input.clone()).collect());
    let pairs = matcher.extend(vec![draft.clone()]);
    let findings = classify(&draft, &pairs, &coverage);
    Audit {
        summary: Counts::of(&findings),
        findings,
        compared,
    }
}

/// One pair seen from the draft: the draft's item, the source's item, and
/// how they compare (diff oriented source → draft).
struct Seen<'a> {
    mine: ItemRef,
    theirs: ItemRef,
    pair: &'a Pair,
    diff: Option<Vec<DiffOp>>,
}

fn from_draft(p: &Pair) -> Option<Seen<'_>> {
    if p.b.article == DRAFT_ID && p.a.article != DRAFT_ID {
        Some(Seen {
            mine: p.b,
            theirs: p.a,
            pair: p,
            diff: p.diff.clone(),
        })
    } else if p.a.article == DRAFT_ID && p.b.article != DRAFT_ID {
        let flipped = p.diff.as_ref().map(|ops| {
            ops.iter()
                .map(|d| DiffOp {
                    op: match d.op {
                        DiffKind::Insert => DiffKind::Delete,
                        DiffKind::Delete => DiffKind::Insert,
                        DiffKind::Equal => DiffKind::Equal,
                    },
                    text: d.text.clone(),
                })
                .collect()
        });
        Some(Seen {
            mine: p.a,
            theirs: p.b,
            pair: p,
            diff: flipped,
        })
    } else {
        None
    }
}

/// Classifies every quote and figure of `draft` (whose id is
/// [`DRAFT_ID`]) by the pairs the matcher found between it and the
/// `coverage`, and lists the draft's prose that carries words the coverage
/// quotes from someone. Findings come in draft order.
pub fn classify(draft: &ArticleInput, pairs: &[Pair], coverage: &[Coverage]) -> Vec<Finding> {
    let by_id: HashMap<i64, &Coverage> = coverage.iter().map(|c| (c.input.id, c)).collect();
    let mut quotes: Vec<Vec<Seen>> = (0..draft.quotes.len()).map(|_| Vec::new()).collect();
    let mut figures: Vec<Vec<Seen>> = (0..draft.figures.len()).map(|_| Vec::new()).collect();
    let mut prose: Vec<Seen> = Vec::new();
    for s in pairs.iter().filter_map(from_draft) {
        if !by_id.contains_key(&s.theirs.article) {
            continue;
        }
        match s.mine.kind {
            ItemKind::Quote if s.mine.index < quotes.len() => quotes[s.mine.index].push(s),
            ItemKind::Figure if s.mine.index < figures.len() => figures[s.mine.index].push(s),
            ItemKind::Narration => prose.push(s),
            _ => {}
        }
    }

    let mut findings = Vec::new();
    for (q, seen) in draft.quotes.iter().zip(quotes) {
        findings.push(quote_finding(q, seen, &by_id));
    }
    for (f, seen) in draft.figures.iter().zip(figures) {
        findings.push(figure_finding(f, seen, &by_id));
    }
    findings.extend(prose_findings(draft, prose, &by_id));
    findings.sort_by_key(|f| (f.start, f.end, f.item));
    findings
}

/// The verdict over an item's pairs: ok when one source restates it, a
/// mismatch when all that speak of it diverge, unverified when none does.
fn verdict(seen: &[Seen]) -> Status {
    if seen.iter().any(|s| s.pair.label == Label::Restates) {
        Status::Ok
    } else if seen.is_empty() {
        Status::Unverified
    } else {
        Status::Mismatch
    }
}

fn quote_finding(q: &Quote, seen: Vec<Seen>, by_id: &HashMap<i64, &Coverage>) -> Finding {
    let found = verdict(&seen);
    let status = match found {
        Status::Mismatch => Status::Mismatch,
        // Words from nobody, or from nobody named: an editor's question
        // whether the coverage has them or not.
        _ if q.speaker.is_none() => Status::Unattributed,
        _ if q.speaker_kind == Some(SpeakerKind::Anonymous) => Status::Anonymous,
        other => other,
    };
    let mut f = finding(
        status,
        ItemKind::Quote,
        &q.text,
        q.start,
        q.end,
        seen,
        by_id,
    );
    f.speaker = q.speaker.clone();
    f.speaker_title = q.speaker_title.clone();
    f.speaker_kind = q.speaker_kind;
    f
}

fn figure_finding(fig: &Figure, seen: Vec<Seen>, by_id: &HashMap<i64, &Coverage>) -> Finding {
    let status = verdict(&seen);
    finding(
        status,
        ItemKind::Figure,
        &fig.text,
        fig.start,
        fig.end,
        seen,
        by_id,
    )
}

/// The draft's own prose carrying words that a source quotes from someone
/// other than the draft's narrator: unattributed, one finding per stretch
/// of prose. Prose that a source credits to its own narrator is copying,
/// not a quote, and is not listed.
fn prose_findings(
    draft: &ArticleInput,
    prose: Vec<Seen>,
    by_id: &HashMap<i64, &Coverage>,
) -> Vec<Finding> {
    let mut spans: Vec<(usize, usize, Vec<Seen>)> = Vec::new();
    for s in prose {
        let (a, b) = (s.mine.start, s.mine.end);
        match spans.iter_mut().find(|(x, y, _)| a < *y && *x < b) {
            Some(span) => {
                span.0 = span.0.min(a);
                span.1 = span.1.max(b);
                span.2.push(s);
            }
            None => spans.push((a, b, vec![s])),
        }
    }
    spans
        .into_iter()
        .filter(|(_, _, seen)| seen.iter().all(|s| s.pair.label == Label::Diverges))
        .filter_map(|(a, b, seen)| {
            let text = draft.text.get(a..b)?;
            let mut f = finding(
                Status::Unattributed,
                ItemKind::Narration,
                text,
                a,
                b,
                seen,
                by_id,
            );
            f.kind = None;
            Some(f)
        })
        .collect()
}

/// A finding of `status` for the draft words `text` at `start..end`, with
/// its sources: for a mismatch, the divergent ones first and their
/// reasons; otherwise the restating ones first.
fn finding(
    status: Status,
    item: ItemKind,
    text: &str,
    start: usize,
    end: usize,
    mut seen: Vec<Seen>,
    by_id: &HashMap<i64, &Coverage>,
) -> Finding {
    let divergent_first = status == Status::Mismatch || item == ItemKind::Narration;
    seen.sort_by(|x, y| {
        let rank = |s: &Seen| {
            let restates = s.pair.label == Label::Restates;
            (
                restates == divergent_first,
                s.pair.reasons.first().copied(),
                Reverse((s.pair.score * 1e6) as i64),
                s.theirs.article,
                s.theirs.index,
            )
        };
        rank(x).cmp(&rank(y))
    });
    let mut reasons: Vec<Reason> = Vec::new();
    if status == Status::Mismatch || item == ItemKind::Narration {
        for s in seen.iter().filter(|s| s.pair.label == Label::Diverges) {
            reasons.extend(&s.pair.reasons);
        }
        reasons.sort();
        reasons.dedup();
    }
    let diff = seen
        .iter()
        .find(|s| s.pair.reasons.contains(&Reason::Wording))
        .and_then(|s| s.diff.clone());
    let sources = seen.into_iter().filter_map(|s| source(s, by_id)).collect();
    Finding {
        status,
        kind: (status == Status::Mismatch)
            .then(|| reasons.first().map(|&r| r.into()))
            .flatten(),
        item,
        text: text.to_string(),
        start,
        end,
        speaker: None,
        speaker_title: None,
        speaker_kind: None,
        reasons,
        diff,
        sources,
    }
}

fn source(s: Seen, by_id: &HashMap<i64, &Coverage>) -> Option<Source> {
    let c = by_id.get(&s.theirs.article)?;
    let a = &c.input;
    let r = s.theirs;
    let (text, speaker, speaker_title) = match r.kind {
        ItemKind::Quote => {
            let q = a.quotes.get(r.index)?;
            (q.text.clone(), q.speaker.clone(), q.speaker_title.clone())
        }
        ItemKind::Figure => (a.figures.get(r.index)?.text.clone(), None, None),
        ItemKind::Narration => (a.text.get(r.start..r.end)?.to_string(), None, None),
    };
    Some(Source {
        outlet: a.outlet.clone(),
        article: a.id,
        title: c.title.clone(),
        published: a.published.clone(),
        item: r.kind,
        text,
        speaker,
        speaker_title,
        label: s.pair.label,
        reasons: s.pair.reasons.clone(),
        diff: s.diff,
    })
}

/// A word diff as one line: deleted words `[-so-]`, inserted `{+so+}`;
/// unchanged runs longer than `context` words on each side of a change
/// are cut to that many words around "…".
pub fn diff_line(ops: &[DiffOp], context: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (i, d) in ops.iter().enumerate() {
        match d.op {
            DiffKind::Equal => {
                let words: Vec<&str> = d.text.split_whitespace().collect();
                let keep_head = if i == 0 { 0 } else { context };
                let keep_tail = if i + 1 == ops.len() { 0 } else { context };
                if words.len() > keep_head + keep_tail + 1 {
                    if keep_head > 0 {
                        parts.push(words[..keep_head].join(" "));
                    }
                    parts.push("…".into());
                    if keep_tail > 0 {
                        parts.push(words[words.len() - keep_tail..].join(" "));
                    }
                } else {
                    parts.push(d.text.clone());
                }
            }
            DiffKind::Delete => parts.push(format!("[-{}-]", d.text)),
            DiffKind::Insert => parts.push(format!("{{+{}+}}", d.text)),
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::matching::Basis;

    fn coverage(id: i64, outlet: &str, text: &str) -> Coverage {
        let x = extract(text);
        Coverage {
            input: ArticleInput {
                id,
                outlet: Some(outlet.to_string()),
                published: Some("2020-01-01".into()),
                text: text.to_string(),
                quotes: x.quotes,
                figures: x.figures,
            },
            title: Some(format!("{outlet} story")),
        }
    }

    fn run(draft: &str, cov: Vec<Coverage>) -> Audit {
        audit(draft, &extract(draft), cov)
    }

    fn statuses(a: &Audit) -> Vec<(ItemKind, Status, Option<MismatchKind>)> {
        a.findings
            .iter()
            .map(|f| (f.item, f.status, f.kind))
            .collect()
    }

    const STORY: &str = "The minister spoke in the capital on Tuesday. \
        \"We will double the budget for cyber defence before the winter elections,\" \
        said Anna Kowalski, the interior minister. \
        The police arrested 50 people in the raid. \
        The group was believed to have stolen nearly three billion rubles from banks. \
        Critics were unconvinced by the announcement in parliament yesterday.";

    // A pair built by hand, source (article 7, item 0) → draft item 0.
    fn pair(kind: ItemKind, label: Label, reasons: Vec<Reason>) -> Pair {
        let r = |article, start, end| ItemRef {
            article,
            kind,
            index: 0,
            start,
            end,
        };
        Pair {
            a: r(7, 0, 5),
            b: r(DRAFT_ID, 0, 5),
            label,
            reasons,
            score: 1.0,
            basis: Basis::Exact,
            diff: None,
        }
    }

    fn one_quote(speaker: Option<&str>, kind: Option<SpeakerKind>) -> (ArticleInput, Coverage) {
        let q = Quote {
            text: "words".into(),
            start: 0,
            end: 5,
            kind: crate::extract::model::QuoteKind::Direct,
            speaker: speaker.map(str::to_string),
            speaker_as_written: None,
            speaker_title: None,
            speaker_kind: kind,
            cue: None,
            via: None,
        };
        let draft = ArticleInput {
            id: DRAFT_ID,
            outlet: None,
            published: None,
            text: "words".into(),
            quotes: vec![q.clone()],
            figures: vec![],
        };
        let mut cov = coverage(7, "Wire", "words");
        cov.input.quotes = vec![q];
        (draft, cov)
    }

    #[test]
    fn classification_table() {
        use Status::*;
        let person = (Some("Anna Kowalski"), Some(SpeakerKind::Person));
        let anon = (Some("a source"), Some(SpeakerKind::Anonymous));
        let nobody = (None, None);
        let restates = || vec![pair(ItemKind::Quote, Label::Restates, vec![])];
        let speaker = || {
            vec![pair(
                ItemKind::Quote,
                Label::Diverges,
                vec![Reason::Speaker, Reason::Wording],
            )]
        };
        type Credit<'a> = (Option<&'a str>, Option<SpeakerKind>);
        let cases: Vec<(Credit, Vec<Pair>, Status)> = vec![
            (person, restates(), Ok),
            (person, speaker(), Mismatch),
            (person, vec![], Unverified),
            // One restating source outweighs a divergent one.
            (person, [speaker(), restates()].concat(), Ok),
            (anon, restates(), Anonymous),
            (anon, vec![], Anonymous),
            (anon, speaker(), Mismatch),
            (nobody, restates(), Unattributed),
            (nobody, vec![], Unattributed),
        ];
        for ((name, kind), pairs, want) in cases {
            let (draft, cov) = one_quote(name, kind);
            let f = classify(&draft, &pairs, &[cov]);
            assert_eq!(f.len(), 1);
            assert_eq!(f[0].status, want, "{name:?} {pairs:?}");
            if want == Mismatch {
                // The most severe reason names the kind.
                assert_eq!(f[0].kind, Some(MismatchKind::Speaker));
                assert_eq!(f[0].reasons, [Reason::Speaker, Reason::Wording]);
            } else {
                assert_eq!(f[0].kind, None);
            }
        }
    }

    #[test]
    fn narration_pair_is_an_attribution_mismatch() {
        let (draft, cov) = one_quote(Some("Anna Kowalski"), Some(SpeakerKind::Person));
        let p = pair(ItemKind::Quote, Label::Diverges, vec![Reason::Attribution]);
        let mut p = p;
        p.a.kind = ItemKind::Narration;
        let f = classify(&draft, &[p], &[cov]);
        assert_eq!(f[0].status, Status::Mismatch);
        assert_eq!(f[0].kind, Some(MismatchKind::Attribution));
        assert_eq!(f[0].sources[0].item, ItemKind::Narration);
        assert_eq!(f[0].sources[0].speaker, None);
    }

    #[test]
    fn pairs_with_unknown_articles_are_ignored() {
        let (draft, cov) = one_quote(Some("Anna Kowalski"), Some(SpeakerKind::Person));
        let mut p = pair(ItemKind::Quote, Label::Restates, vec![]);
        p.a.article = 99;
        let f = classify(&draft, &[p], &[cov]);
        assert_eq!(f[0].status, Status::Unverified);
        assert!(f[0].sources.is_empty());
    }

    #[test]
    fn flipped_pairs_keep_the_diff_from_source_to_draft() {
        let (draft, cov) = one_quote(Some("Anna Kowalski"), Some(SpeakerKind::Person));
        let mut p = pair(ItemKind::Quote, Label::Diverges, vec![Reason::Wording]);
        std::mem::swap(&mut p.a, &mut p.b);
        p.diff = Some(vec![DiffOp {
            op: DiffKind::Insert,
            text: "old".into(),
        }]);
        let f = classify(&draft, &[p], &[cov]);
        let diff = f[0].diff.as_ref().expect("a diff");
        assert_eq!(diff[0].op, DiffKind::Delete);
    }

    #[test]
    fn quotes_and_figures_against_real_matching() {
        let cov = vec![coverage(1, "Wire", STORY)];
        // The same sentences: everything is found.
        let a = run(STORY, cov.clone());
        assert!(
            a.findings.iter().all(|f| f.status == Status::Ok),
            "{:#?}",
            a.findings
        );
        assert_eq!(a.summary.items, a.summary.ok);
        let q = a
            .findings
            .iter()
            .find(|f| f.item == ItemKind::Quote)
            .unwrap();
        assert_eq!(q.sources[0].article, 1);
        assert_eq!(q.sources[0].outlet.as_deref(), Some("Wire"));

        // Words changed, speaker changed, figure changed, a quote invented.
        let draft = "\"We will triple the budget for cyber defence before the winter elections,\" \
            said Anna Kowalski, the interior minister. \
            The police arrested 50 people in the raid. \
            The group was believed to have stolen more than three billion rubles from banks. \
            \"Nobody in this government has ever read the report on the harbour,\" said Piotr Nowak.";
        let a = run(draft, cov.clone());
        let got = statuses(&a);
        assert!(
            got.contains(&(
                ItemKind::Quote,
                Status::Mismatch,
                Some(MismatchKind::Wording)
            )),
            "{got:?}"
        );
        let wording = a
            .findings
            .iter()
            .find(|f| f.kind == Some(MismatchKind::Wording))
            .unwrap();
        let line = diff_line(wording.diff.as_ref().unwrap(), 3);
        assert_eq!(line, "We will [-double-] {+triple+} the budget for …");
        assert!(
            got.contains(&(
                ItemKind::Figure,
                Status::Mismatch,
                Some(MismatchKind::Qualifier)
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(ItemKind::Quote, Status::Unverified, None)),
            "{got:?}"
        );

        let moved = "\"We will double the budget for cyber defence before the winter elections,\" \
            said Piotr Nowak, the opposition leader.";
        let a = run(moved, cov);
        assert_eq!(
            statuses(&a),
            [(
                ItemKind::Quote,
                Status::Mismatch,
                Some(MismatchKind::Speaker)
            )]
        );
        assert_eq!(
            a.findings[0].sources[0].speaker.as_deref(),
            Some("Anna Kowalski")
        );
    }

    #[test]
    fn narrator_words_quoted_as_someone_s() {
        let cov = vec![coverage(
            1,
            "Wire",
            "The ministry has quietly shelved every plan to modernise the northern railway \
             network this decade. Officials declined to comment.",
        )];
        let draft = "\"The ministry has quietly shelved every plan to modernise the northern \
             railway network this decade,\" said Anna Kowalski.";
        let a = run(draft, cov);
        let f = &a.findings[0];
        assert_eq!(
            (f.status, f.kind),
            (Status::Mismatch, Some(MismatchKind::Attribution)),
            "{:#?}",
            a.findings
        );
        assert_eq!(f.sources[0].item, ItemKind::Narration);
    }

    #[test]
    fn fail_levels() {
        let mut a = run("Nothing here.", vec![]);
        assert!(!a.fails(Some(Status::Anonymous)));
        let (draft, cov) = one_quote(Some("a source"), Some(SpeakerKind::Anonymous));
        a.findings = classify(&draft, &[], &[cov]);
        assert!(a.fails(Some(Status::Anonymous)));
        assert!(!a.fails(Some(Status::Unattributed)));
        assert!(!a.fails(Some(Status::Mismatch)));
        assert!(!a.fails(None));
    }

    #[test]
    fn search_terms_are_distinctive_and_literal() {
        assert_eq!(
            distinctive_terms("The FSB said that \"Bortnikov\" met the CIA in 2016.", 3),
            ["bortnikov", "2016", "fsb"]
        );
        assert_eq!(fts_term("a\"b"), r#""a""b""#);
        let text =
            "He said: \"Sanctions will hurt everyone in the region.\" Prices rose 5 percent.";
        let items = search_items(text, &extract(text));
        assert!(items
            .iter()
            .any(|i| i.quotes && i.terms.contains(&"sanctions".to_string())));
        assert!(items
            .iter()
            .any(|i| !i.quotes && i.terms.contains(&"prices".to_string())));
    }

    #[test]
    fn queries_use_the_rarest_words_in_the_store() {
        let item = SearchItem {
            terms: ["alpha", "beta", "gamma", "delta", "epsilon", "absent"]
                .map(String::from)
                .to_vec(),
            quotes: true,
        };
        let docs: HashMap<String, u64> = [
            ("alpha", 5000),
            ("beta", 3),
            ("gamma", 40),
            ("delta", 7),
            ("epsilon", 9000),
        ]
        .into_iter()
        .map(|(t, n)| (t.to_string(), n))
        .collect();
        let q = build_query(&item, &docs).unwrap();
        // beta, delta, gamma, alpha: every pair; absent words are dropped.
        assert_eq!(q.any.matches(" AND ").count(), 6);
        assert!(!q.any.contains("epsilon") && !q.any.contains("absent"));
        assert_eq!(q.all.as_deref(), Some(r#""beta" AND "delta" AND "gamma""#));
        assert!(q.ranked, "{q:?}");
        // Common words only: too many rows to rank.
        let common: HashMap<String, u64> = docs.keys().map(|t| (t.clone(), 5000)).collect();
        assert!(!build_query(&item, &common).unwrap().ranked);
        // Nothing the store holds: no search.
        assert_eq!(build_query(&item, &HashMap::new()), None);
    }

    #[test]
    fn candidates_take_each_search_s_best_first() {
        let ranked = vec![vec![1, 2, 3], vec![4, 1], vec![], vec![5]];
        assert_eq!(pick_candidates(&ranked, &[], 3), [1, 4, 5]);
        assert_eq!(pick_candidates(&ranked, &[4], 10), [1, 5, 2, 3]);
    }
}
