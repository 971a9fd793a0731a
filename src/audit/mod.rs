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

mod lines;
mod search;

use std::cmp::Reverse;
use std::collections::HashMap;

use serde::Serialize;

use crate::extract::model::{Extraction, Figure, Quote, SpeakerKind};
use crate::matching::{
    reversed, ArticleInput, DiffKind, DiffOp, ItemKind, ItemRef, Label, Matcher, Options, Pair,
    Reason,
};

pub use lines::source_line;
pub use search::{
    build_query, distinctive_terms, fts_term, pick_candidates, search_items, SearchItem,
    SearchQuery, COMMON_DOCS,
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
    /// The draft's words, `draft[start..end]` (byte offsets into the
    /// draft's text, after any conversion from HTML or Markdown).
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The 1-based line of the draft file where the words are (see
    /// [`Audit::locate`]); 0 until located.
    pub line: usize,
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
    /// Stored articles left out because they are the draft itself (the
    /// same URL or file): a draft is never its own source.
    pub excluded: Vec<i64>,
}

impl Audit {
    /// The worst status found, if any finding.
    pub fn worst(&self) -> Option<Status> {
        self.findings.iter().map(|f| f.status).max()
    }

    /// Sets each finding's line in the draft file: `text` is the draft's
    /// text, `source` the file as written when conversion changed it.
    pub fn locate(&mut self, text: &str, source: Option<&str>) {
        for f in &mut self.findings {
            f.line = source_line(text, source, f.start, f.end);
        }
    }

    /// Whether a finding reaches `level` (`None`: nothing fails).
    pub fn fails(&self, level: Option<Status>) -> bool {
        match (level, self.worst()) {
            (Some(level), Some(worst)) => worst >= level && level > Status::Ok,
            _ => false,
        }
    }
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
        // Every copy in the coverage is a source of its own.
        reprints: false,
        ..Options::default()
    });
    matcher.load(coverage.iter().map(|c| c.input.clone()).collect());
    let pairs = matcher.extend(vec![draft.clone()]);
    let findings = classify(&draft, &pairs, &coverage);
    Audit {
        summary: Counts::of(&findings),
        findings,
        compared,
        excluded: Vec::new(),
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
        let flipped = p.diff.as_deref().map(reversed);
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

/// The verdict over a quote's pairs. A source that repeats the words with
/// no speaker (a pull quote, a headline) confirms the words, not who said
/// them: when another source credits them to someone else, the draft's
/// speaker is a mismatch.
fn quote_verdict(q: &Quote, seen: &[Seen], by_id: &HashMap<i64, &Coverage>) -> Status {
    let credited = |s: &Seen| {
        s.theirs.kind != ItemKind::Quote
            || by_id
                .get(&s.theirs.article)
                .and_then(|c| c.input.quotes.get(s.theirs.index))
                .is_some_and(|sq| sq.speaker.is_some())
    };
    let restates = |s: &Seen| s.pair.label == Label::Restates;
    let other_credit = seen.iter().any(|s| {
        s.pair
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::Speaker | Reason::Attribution))
    });
    if seen
        .iter()
        .any(|s| restates(s) && (credited(s) || q.speaker.is_none() || !other_credit))
    {
        Status::Ok
    } else if seen.is_empty() {
        Status::Unverified
    } else {
        Status::Mismatch
    }
}

fn quote_finding(q: &Quote, seen: Vec<Seen>, by_id: &HashMap<i64, &Coverage>) -> Finding {
    let found = quote_verdict(q, &seen, by_id);
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
        line: 0,
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
mod tests;
