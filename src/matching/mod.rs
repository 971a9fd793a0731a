//! Cross-article matching: which quotes and figures of different articles
//! speak of the same thing, whether they restate or diverge (and why), which
//! claims they form, and which articles are rewrites of others.
//!
//! Pure library code: articles and their extractions in, values out; no
//! I/O. The pipeline, per article:
//!
//! 1. `article`: fold quote words, split sentences, find each figure's
//!    subject (the words around it) and compute blocking keys;
//! 2. `block`: look the keys up in inverted indexes to find candidates in
//!    earlier articles (rare keys only, so work stays near linear);
//! 3. `score`: compare each candidate pair and label it;
//! 4. `cluster` and `lineage`: claims from pairs, rewrites from shared text.
//!
//! [`Matcher`] is incremental (each [`Matcher::add`] returns the pairs
//! between the new article and those already added, never recomputing old
//! pairs); [`match_all`] matches a batch in parallel (rayon).

mod article;
mod block;
mod cluster;
mod lineage;
mod normalize;
mod score;
mod sentence;
mod speaker;

#[cfg(test)]
mod seed_tests;
#[doc(hidden)]
pub mod synth;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use rayon::prelude::*;

/// Group pairs into claims (union-find), ranked most serious first.
pub use cluster::claims as cluster_claims;
use serde::{Deserialize, Serialize};

use crate::extract::model::{Figure, Quote};

use article::{
    prepare, quote_spans, ArticleKeys, ArticleText, NarrationKey, Prepared, QuoteFeatures,
};
use block::{budget_keys, probe_keys, KeyIndex};
use score::{compare_figures, compare_quote_narration, compare_quotes, QuoteSide, Verdict};
use speaker::Aliases;

pub use normalize::normalize;

/// One article to match: its text and what extraction found in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleInput {
    /// The caller's id for the article (or article version).
    pub id: i64,
    /// The publishing outlet ("The Daily Beast"): the narrator's name, used
    /// to tell a correct credit of the narrator's prose from a changed one.
    pub outlet: Option<String>,
    /// Publication date, ISO 8601 ("2021-05-14"); decides which of two
    /// articles is earlier. When either is missing, input order decides.
    pub published: Option<String>,
    /// The text the quote and figure offsets point into.
    pub text: String,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
}

/// What sort of item a pair side is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// A quote: `index` into the article's `quotes`.
    Quote,
    /// A figure: `index` into the article's `figures`.
    Figure,
    /// The narrator's own words, outside every quote: `index` is the
    /// sentence number (by matching's splitter), `start..end` the words.
    Narration,
}

/// One side of a pair: an item of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemRef {
    /// The article's id.
    pub article: i64,
    pub kind: ItemKind,
    /// Index in the article's quotes or figures; sentence number for narration.
    pub index: usize,
    /// Byte span of the item in the article's text.
    pub start: usize,
    pub end: usize,
}

/// Whether two items say the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Same claim, same substance.
    Restates,
    /// Same claim, told differently: see the reasons.
    Diverges,
}

/// Why a pair diverges. Declared from most to least severe, so the derived
/// order sorts the most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Figures: different numbers for the same thing.
    Value,
    /// Figures: the same number in a different unit or currency.
    Unit,
    /// Figures: qualifiers pulling opposite ways ("more than" / "nearly").
    Qualifier,
    /// The words are credited to a different kind of source: the narrator
    /// in one article and someone in another, a named source against an
    /// anonymous one, or reported speech turned into a verbatim quote.
    Attribution,
    /// Quotes credited to two different named speakers.
    Speaker,
    /// Quoted words differ (see the pair's `diff`).
    Wording,
    /// The same speaker's title as written differs materially.
    SpeakerTitle,
}

impl Reason {
    /// Severity for ranking, 7 (value) down to 1 (speaker title):
    /// value > unit > qualifier > attribution > speaker > wording > speaker_title.
    pub fn severity(self) -> u8 {
        match self {
            Reason::Value => 7,
            Reason::Unit => 6,
            Reason::Qualifier => 5,
            Reason::Attribution => 4,
            Reason::Speaker => 3,
            Reason::Wording => 2,
            Reason::SpeakerTitle => 1,
        }
    }
}

/// How a pair was recognised as speaking of the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The same words after normalisation (case, punctuation, marks, hyphens).
    Exact,
    /// One side's words lie inside the other's (a partial quote).
    Contained,
    /// Nearly the same words.
    Similar,
    /// Reported speech of the same speaker on the same matter, in other words.
    Paraphrase,
    /// Figures of one kind about the same subject.
    Subject,
}

/// One step of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    Equal,
    Insert,
    Delete,
}

/// Words kept, inserted or deleted going from side `a` to side `b`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    pub op: DiffKind,
    /// The words as written (side `a` for deletions, `b` otherwise).
    pub text: String,
}

/// Two items from different articles that speak of the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// The item of the earlier article.
    pub a: ItemRef,
    /// The item of the later article.
    pub b: ItemRef,
    pub label: Label,
    /// Why it diverges, most severe first; empty when it restates.
    pub reasons: Vec<Reason>,
    /// Similarity in [0, 1]: word similarity for quotes (1 for the same
    /// words), subject similarity for figures.
    pub score: f64,
    pub basis: Basis,
    /// Word diff from `a` to `b`, for quotes with nearly the same words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffOp>>,
}

/// Items linked by pairs, directly or through each other: one claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Rank: 0 is the most severe contested claim.
    pub id: usize,
    /// `figure` for claims about figures, else `quote`.
    pub kind: ItemKind,
    pub items: Vec<ItemRef>,
    /// Indexes into the pair list these claims were made from.
    pub pairs: Vec<usize>,
    /// Ids of the articles that carry the claim.
    pub articles: Vec<i64>,
    /// Any pair diverges.
    pub contested: bool,
    /// All reasons of its pairs, most severe first.
    pub reasons: Vec<Reason>,
    /// The most severe reason.
    pub severity: Option<Reason>,
}

impl Claim {
    fn empty(kind: ItemKind) -> Self {
        Claim {
            id: 0,
            kind,
            items: Vec::new(),
            pairs: Vec::new(),
            articles: Vec::new(),
            contested: false,
            reasons: Vec::new(),
            severity: None,
        }
    }
}

/// An article largely taken from an earlier one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    /// The derived (later) article.
    pub article: i64,
    /// The article it comes from.
    pub source: i64,
    /// Share of its words in sentences taken from the source, in [0, 1].
    pub share: f64,
    /// Share of its quotes matched in the source.
    pub quote_share: f64,
    pub shared_sentences: usize,
    pub sentences: usize,
    pub shared_quotes: usize,
    pub quotes: usize,
}

/// The result of matching a set of articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Matching {
    pub pairs: Vec<Pair>,
    /// Claims, ranked (contested and most severe first).
    pub claims: Vec<Claim>,
    /// Derived articles, each with its best source.
    pub lineage: Vec<Derivation>,
}

/// Thresholds and limits. The defaults suit news text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// Word similarity from which two quotes are the same quote.
    pub quote_similarity: f64,
    /// Content-word overlap from which reported speech of the same speaker
    /// is the same statement.
    pub paraphrase_similarity: f64,
    /// Share of a quote's words found in order in another article's
    /// narration for the narration to restate it.
    pub narration_similarity: f64,
    /// Subject similarity from which two figures measure the same thing
    /// (stricter for years, dates, small counts and for differing values).
    pub figure_subject: f64,
    /// Share of an article's text taken from an earlier one from which it
    /// is derived.
    pub derived_share: f64,
    /// Blocking: keys carried by more items than this are too common to
    /// look up (unless an item has nothing rarer).
    pub max_postings: usize,
    /// Blocking: postings a figure may look at, rarest keys first.
    pub figure_budget: usize,
    /// Compare every quote and figure with every other (no blocking), for
    /// measuring what blocking misses. Narration is still found through the
    /// index. Quadratic: for small sets only.
    pub exhaustive: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            quote_similarity: 0.8,
            paraphrase_similarity: 0.5,
            narration_similarity: 0.9,
            figure_subject: 0.45,
            derived_share: 0.4,
            max_postings: 64,
            figure_budget: 64,
            exhaustive: false,
        }
    }
}

/// Adds `(fi, fid)` to `cands` for every figure in `hits` (other fid,
/// weight) whose weights add up to 2 or more; returns how many. Empties
/// `hits`.
fn met_twice(hits: &mut Vec<(u32, u32)>, fi: u32, cands: &mut Vec<(u32, u32)>) -> usize {
    hits.sort_unstable();
    let before = cands.len();
    let mut k = 0;
    while k < hits.len() {
        let fid = hits[k].0;
        let mut weight = 0;
        while k < hits.len() && hits[k].0 == fid {
            weight += hits[k].1;
            k += 1;
        }
        if weight >= 2 {
            cands.push((fi, fid));
        }
    }
    hits.clear();
    cands.len() - before
}

/// A quote's or a narration sentence's place in the quote index.
#[derive(Debug, Clone, Copy)]
struct Passage {
    article: u32,
    /// Quote index, or sentence index with `NARRATION` set.
    local: u32,
}

const NARRATION: u32 = 1 << 31;

/// A figure key carried by at most this many figures is rare enough to
/// make a candidate on its own.
const RARE_FIGURE_KEY: usize = 8;

/// Speaker keys (speaker with a telling word) two quotes must share to be
/// compared on account of their speaker.
const SPEAKER_HITS: usize = 3;

/// Quote words met in narration are checked only through keys carried by
/// at most this many passages: a quote copied without marks is copied into
/// few articles, while a common phrase that happens to span 16 letters
/// meets quotes everywhere.
const NARRATION_CAP: usize = 16;

/// A narration key carried by at most this many passages is rare enough
/// to count as evidence that two articles share text.
const RARE_NARRATION: usize = 8;

/// Evidence (3 per quote or narration pair, 1 per rare shared narration
/// key) from which two articles are measured for derivation.
const LINK_EVIDENCE: u32 = 12;

/// Incremental matcher: holds the articles added so far and their indexes.
#[derive(Debug, Default)]
pub struct Matcher {
    opts: Options,
    aliases: Aliases,
    articles: Vec<Prepared>,
    passages: Vec<Passage>,
    figure_refs: Vec<(u32, u32)>,
    quote_index: KeyIndex,
    figure_index: KeyIndex,
    /// Figure pair keys (two near words), built after `figure_index`,
    /// whose counts choose the words.
    pair_index: KeyIndex,
    pairs: Vec<Pair>,
    derivations: Vec<Derivation>,
    /// Quote features of every article, kept only in exhaustive mode
    /// (where every quote meets every other); otherwise recomputed for the
    /// few candidates.
    features: Vec<Vec<QuoteFeatures>>,
}

/// Keys of a new article kept from indexing until it is probed.
struct ProbeKeys {
    narration: Vec<NarrationKey>,
    /// (figure index, pair key), by figure.
    figure_pairs: Vec<(u32, u32)>,
}

/// Everything one article's probe found.
#[derive(Default)]
struct Probe {
    pairs: Vec<Pair>,
    /// Evidence of shared material with each earlier article (internal
    /// index): 3 per quote or narration pair, 1 per shared narration gram.
    links: HashMap<u32, u32>,
}

impl Matcher {
    /// A matcher with default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// A matcher with the given options.
    pub fn with_options(opts: Options) -> Self {
        Matcher {
            opts,
            ..Self::default()
        }
    }

    /// Declares that `alias` names the same speaker as `name` ("Putin's
    /// top spy" → "Alexander Bortnikov"). Applies to articles added after.
    pub fn add_alias(&mut self, alias: &str, name: &str) {
        self.aliases.insert(alias, name);
    }

    /// Number of articles added.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// No article added yet.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Adds one article; returns its pairs with the articles added before.
    pub fn add(&mut self, article: ArticleInput) -> Vec<Pair> {
        self.extend(vec![article])
    }

    /// Adds many articles at once, in parallel; returns the new pairs: those
    /// among the new articles and between them and the ones added before.
    pub fn extend(&mut self, articles: Vec<ArticleInput>) -> Vec<Pair> {
        let (first, keys) = self.admit(articles);
        self.probe_from(first, keys)
    }

    /// Adds articles that were matched before (their pairs are stored):
    /// they are indexed, so later articles are compared with them, but no
    /// pairs are computed among them.
    pub fn load(&mut self, articles: Vec<ArticleInput>) {
        let _ = self.admit(articles);
    }

    /// Prepares, indexes and weighs new articles; returns the internal
    /// index of the first and, per article, the keys kept for probing.
    fn admit(&mut self, articles: Vec<ArticleInput>) -> (usize, Vec<ProbeKeys>) {
        let first = self.articles.len();
        let aliases = &self.aliases;
        let (prepared, keys): (Vec<Prepared>, Vec<ArticleKeys>) = articles
            .into_par_iter()
            .map(|a| prepare(a, aliases))
            .unzip();
        // Only narration keys are needed after indexing.
        let keys: Vec<Vec<NarrationKey>> = self.index(first, keys);
        if self.opts.exhaustive {
            let aliases = &self.aliases;
            let feats: Vec<Vec<QuoteFeatures>> = prepared
                .par_iter()
                .map(|p| {
                    p.input
                        .quotes
                        .iter()
                        .map(|q| QuoteFeatures::new(q, aliases))
                        .collect()
                })
                .collect();
            self.features.extend(feats);
        }
        self.articles.extend(prepared);
        let total = self.figure_refs.len();
        let figure_index = &self.figure_index;
        // Weighing reads the counts of the near words, which also choose
        // the pair keys: (figure index, key) per article.
        let pair_keys: Vec<Vec<(u32, u32)>> = self.articles[first..]
            .par_iter_mut()
            .map(|p| {
                let mut out = Vec::new();
                for (fi, f) in p.figures.iter_mut().enumerate() {
                    for k in f.weigh(figure_index, total, RARE_FIGURE_KEY) {
                        out.push((fi as u32, k));
                    }
                }
                out
            })
            .collect();
        // Figure ids of the new articles run on from the earlier ones.
        let added: usize = self.articles[first..].iter().map(|p| p.figures.len()).sum();
        let mut fid = (total - added) as u64;
        let mut postings = Vec::with_capacity(pair_keys.iter().map(Vec::len).sum());
        for (p, keys) in self.articles[first..].iter().zip(&pair_keys) {
            postings.extend(
                keys.iter()
                    .map(|&(fi, k)| (u64::from(k) << 32) | (fid + u64::from(fi))),
            );
            fid += p.figures.len() as u64;
        }
        self.pair_index.insert(postings);
        let keys = keys
            .into_iter()
            .zip(pair_keys)
            .map(|(narration, figure_pairs)| ProbeKeys {
                narration,
                figure_pairs,
            })
            .collect();
        (first, keys)
    }

    /// Compares articles `first..` with everything added before each.
    fn probe_from(&mut self, first: usize, keys: Vec<ProbeKeys>) -> Vec<Pair> {
        let this = &*self;
        let probes: Vec<Probe> = (first..this.articles.len())
            .into_par_iter()
            .map(|j| this.probe(j, &keys[j - first]))
            .collect();

        // Rewrites: article pairs with enough shared material.
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for (k, probe) in probes.iter().enumerate() {
            let j = first + k;
            for (&i, &c) in &probe.links {
                if c >= LINK_EVIDENCE {
                    candidates.push((i as usize, j));
                }
            }
        }
        candidates.sort_unstable();
        let derivations: Vec<Derivation> = candidates
            .par_iter()
            .filter_map(|&(i, j)| {
                let (e, l) = if this.earlier(i, j) { (i, j) } else { (j, i) };
                let (ide, idl) = (this.articles[e].input.id, this.articles[l].input.id);
                let between: Vec<&Pair> = probes[j - first]
                    .pairs
                    .iter()
                    .filter(|p| {
                        (p.a.article == ide && p.b.article == idl)
                            || (p.a.article == idl && p.b.article == ide)
                    })
                    .collect();
                lineage::derive(&this.articles[e], &this.articles[l], &between, &this.opts)
            })
            .collect();

        let new_pairs: Vec<Pair> = probes.into_iter().flat_map(|p| p.pairs).collect();
        self.pairs.extend(new_pairs.iter().cloned());
        self.derivations.extend(derivations);
        new_pairs
    }

    /// Registers the keys of new articles (numbered from `first`), dropping
    /// each article's keys as soon as they are copied (memory), except the
    /// narration keys, which are returned for probing.
    fn index(&mut self, first: usize, keys: Vec<ArticleKeys>) -> Vec<Vec<NarrationKey>> {
        let count = |f: fn(&ArticleKeys) -> usize| keys.iter().map(f).sum::<usize>();
        let mut qpost = Vec::with_capacity(count(|k| {
            k.narration.len()
                + k.quotes
                    .iter()
                    .chain(&k.speakers)
                    .map(Vec::len)
                    .sum::<usize>()
        }));
        let mut fpost = Vec::with_capacity(count(|k| k.figures.iter().map(Vec::len).sum()));
        let mut narration = Vec::with_capacity(keys.len());
        for (k, ks) in keys.into_iter().enumerate() {
            let art = (first + k) as u32;
            for (qi, (qk, sk)) in ks.quotes.iter().zip(&ks.speakers).enumerate() {
                let pid = self.passages.len() as u64;
                self.passages.push(Passage {
                    article: art,
                    local: qi as u32,
                });
                qpost.extend(qk.iter().chain(sk).map(|&key| (u64::from(key) << 32) | pid));
            }
            let mut sentence_pid: HashMap<u32, u64> = HashMap::new();
            for &(key, sentence) in &ks.narration {
                let pid = *sentence_pid.entry(sentence).or_insert_with(|| {
                    self.passages.push(Passage {
                        article: art,
                        local: sentence | NARRATION,
                    });
                    (self.passages.len() - 1) as u64
                });
                qpost.push((u64::from(key) << 32) | pid);
            }
            for (fi, fk) in ks.figures.iter().enumerate() {
                let fid = self.figure_refs.len() as u64;
                self.figure_refs.push((art, fi as u32));
                fpost.extend(fk.iter().map(|&key| (u64::from(key) << 32) | fid));
            }
            narration.push(ks.narration);
        }
        self.quote_index.insert(qpost);
        self.figure_index.insert(fpost);
        narration
    }

    /// Whether article `i` is earlier than article `j` (both internal
    /// indexes): by publication date when both have one, else by order added.
    fn earlier(&self, i: usize, j: usize) -> bool {
        let (a, b) = (&self.articles[i].input, &self.articles[j].input);
        match (a.published.as_deref(), b.published.as_deref()) {
            (Some(x), Some(y)) if x != y => x < y,
            _ => i < j,
        }
    }

    fn item_ref(&self, article: usize, kind: ItemKind, index: usize) -> ItemRef {
        let a = &self.articles[article].input;
        let (start, end) = match kind {
            ItemKind::Quote => (a.quotes[index].start, a.quotes[index].end),
            ItemKind::Figure => (a.figures[index].start, a.figures[index].end),
            ItemKind::Narration => (0, 0),
        };
        ItemRef {
            article: a.id,
            kind,
            index,
            start,
            end,
        }
    }

    /// A pair from a verdict, oriented earlier → later.
    fn pair(&self, (i, ri): (usize, ItemRef), (j, rj): (usize, ItemRef), v: Verdict) -> Pair {
        let label = if v.reasons.is_empty() {
            Label::Restates
        } else {
            Label::Diverges
        };
        let (a, b, diff) = if self.earlier(i, j) {
            (ri, rj, v.diff)
        } else {
            // The diff was computed from `i`'s side; flip it.
            let flipped = v.diff.map(|ops| {
                ops.into_iter()
                    .map(|d| DiffOp {
                        op: match d.op {
                            DiffKind::Insert => DiffKind::Delete,
                            DiffKind::Delete => DiffKind::Insert,
                            DiffKind::Equal => DiffKind::Equal,
                        },
                        text: d.text,
                    })
                    .collect()
            });
            (rj, ri, flipped)
        };
        Pair {
            a,
            b,
            label,
            reasons: v.reasons,
            score: v.score,
            basis: v.basis,
            diff,
        }
    }

    /// Finds and scores the pairs between article `j` and earlier-added ones.
    fn probe(&self, j: usize, keys: &ProbeKeys) -> Probe {
        let narration = &keys.narration[..];
        let me = &self.articles[j];
        let cap = self.opts.max_postings;
        let mut out = Probe::default();
        let owned: Vec<QuoteFeatures>;
        let mine: &[QuoteFeatures] = match self.features.get(j) {
            Some(f) => f,
            None => {
                owned = me
                    .input
                    .quotes
                    .iter()
                    .map(|q| QuoteFeatures::new(q, &self.aliases))
                    .collect();
                &owned
            }
        };
        // Candidates: (my quote, other quote passage), (my quote, other
        // article, sentence), (other quote passage, my sentence).
        let mut qq: Vec<(u32, u32)> = Vec::new();
        let mut qn: Vec<(u32, u32, u32)> = Vec::new();
        let mut nq: Vec<(u32, u32)> = Vec::new();
        if self.opts.exhaustive {
            for (pid, p) in self.passages.iter().enumerate() {
                if (p.article as usize) < j && p.local & NARRATION == 0 {
                    for qi in 0..mine.len() {
                        qq.push((qi as u32, pid as u32));
                    }
                }
            }
        }
        let mut by_speaker: Vec<u32> = Vec::new();
        // Passages of article `j` and later have ids from here on.
        let first_pid = self.passages.partition_point(|p| (p.article as usize) < j) as u32;
        for (qi, f) in mine.iter().enumerate() {
            if self.opts.exhaustive {
                break;
            }
            by_speaker.clear();
            let sk = f.speaker_keys(&me.input.quotes[qi]);
            for postings in probe_keys(&self.quote_index, &sk, cap, 0, first_pid) {
                postings.for_each(|pid| {
                    if (self.passages[pid as usize].article as usize) < j {
                        by_speaker.push(pid);
                    }
                });
            }
            // The same speaker with three of the quote's telling words (a
            // rewording shares at least that many): fewer is chance for a
            // speaker quoted often.
            by_speaker.sort_unstable();
            for w in by_speaker.windows(SPEAKER_HITS) {
                if w[0] == w[SPEAKER_HITS - 1] {
                    qq.push((qi as u32, w[0]));
                }
            }
        }
        for (qi, f) in mine.iter().enumerate() {
            for postings in probe_keys(&self.quote_index, &f.gram_keys(), cap, 2, first_pid) {
                postings.for_each(|pid| {
                    let p = self.passages[pid as usize];
                    if p.article as usize >= j {
                        return;
                    }
                    if p.local & NARRATION != 0 {
                        if postings.len() <= NARRATION_CAP {
                            qn.push((qi as u32, p.article, p.local & !NARRATION));
                        }
                    } else if !self.opts.exhaustive {
                        qq.push((qi as u32, pid));
                    }
                });
            }
        }
        for &(key, sentence) in narration {
            let postings = self.quote_index.get(key);
            if postings.len() > cap {
                continue;
            }
            // Only rare shared narration is evidence of a rewrite: common
            // phrases meet in unrelated articles.
            let rare = postings.len() <= RARE_NARRATION;
            postings.for_each(|pid| {
                let p = self.passages[pid as usize];
                if p.article as usize >= j {
                    return;
                }
                if p.local & NARRATION != 0 {
                    if rare {
                        *out.links.entry(p.article).or_default() += 1;
                    }
                } else if postings.len() <= NARRATION_CAP {
                    nq.push((pid, sentence));
                }
            });
        }
        qq.sort_unstable();
        qq.dedup();

        qn.sort_unstable();
        qn.dedup();
        nq.sort_unstable();
        nq.dedup();

        // Features of the earlier quotes met, computed once per probe.
        let mut theirs: HashMap<u32, QuoteFeatures> = HashMap::new();
        if self.features.is_empty() {
            for pid in qq.iter().map(|c| c.1).chain(nq.iter().map(|c| c.0)) {
                theirs.entry(pid).or_insert_with(|| {
                    let p = self.passages[pid as usize];
                    let q = &self.articles[p.article as usize].input.quotes[p.local as usize];
                    QuoteFeatures::new(q, &self.aliases)
                });
            }
        }
        let features_of = |pid: u32| -> &QuoteFeatures {
            let p = self.passages[pid as usize];
            match self.features.get(p.article as usize) {
                Some(f) => &f[p.local as usize],
                None => &theirs[&pid],
            }
        };

        // Quote against quote.
        for &(qi, pid) in &qq {
            let p = self.passages[pid as usize];
            let (i, oi) = (p.article as usize, p.local as usize);
            let other = &self.articles[i];
            let fa = features_of(pid);
            let a = QuoteSide {
                quote: &other.input.quotes[oi],
                f: fa,
            };
            let b = QuoteSide {
                quote: &me.input.quotes[qi as usize],
                f: &mine[qi as usize],
            };
            if let Some(v) = compare_quotes(a, b, &self.opts) {
                *out.links.entry(i as u32).or_default() += 3;
                out.pairs.push(self.pair(
                    (i, self.item_ref(i, ItemKind::Quote, oi)),
                    (j, self.item_ref(j, ItemKind::Quote, qi as usize)),
                    v,
                ));
            }
        }

        // My quotes in earlier articles' narration.
        let mut k = 0;
        while k < qn.len() {
            let (qi, art) = (qn[k].0, qn[k].1);
            let mut sentences = Vec::new();
            while k < qn.len() && qn[k].0 == qi && qn[k].1 == art {
                sentences.push(qn[k].2);
                k += 1;
            }
            let i = art as usize;
            let (text, near) = self.narration_window(i, &sentences);
            let side = QuoteSide {
                quote: &me.input.quotes[qi as usize],
                f: &mine[qi as usize],
            };
            let outlet = self.articles[i].outlet.as_ref();
            if let Some(hit) = compare_quote_narration(side, &text, &near, outlet, &self.opts) {
                let narr = self.narration_ref(i, &hit);
                let mine = self.item_ref(j, ItemKind::Quote, qi as usize);
                *out.links.entry(art).or_default() += 3;
                out.pairs.push(self.pair((i, narr), (j, mine), hit.verdict));
            }
        }

        // Earlier articles' quotes in my narration.
        if !nq.is_empty() {
            let mut k = 0;
            while k < nq.len() {
                let pid = nq[k].0;
                let mut sentences = Vec::new();
                while k < nq.len() && nq[k].0 == pid {
                    sentences.push(nq[k].1);
                    k += 1;
                }
                let p = self.passages[pid as usize];
                let (i, oi) = (p.article as usize, p.local as usize);
                let other = &self.articles[i];
                let fo = features_of(pid);
                let side = QuoteSide {
                    quote: &other.input.quotes[oi],
                    f: fo,
                };
                let (text, near) = self.narration_window(j, &sentences);
                if let Some(hit) =
                    compare_quote_narration(side, &text, &near, me.outlet.as_ref(), &self.opts)
                {
                    let narr = self.narration_ref(j, &hit);
                    let theirs = self.item_ref(i, ItemKind::Quote, oi);
                    *out.links.entry(i as u32).or_default() += 3;
                    out.pairs
                        .push(self.pair((i, theirs), (j, narr), hit.verdict));
                }
            }
        }

        out.pairs.extend(self.figure_pairs(j, &keys.figure_pairs));
        out
    }

    fn narration_ref(&self, article: usize, hit: &score::NarrationHit) -> ItemRef {
        ItemRef {
            article: self.articles[article].input.id,
            kind: ItemKind::Narration,
            index: hit.sentence,
            start: hit.start,
            end: hit.end,
        }
    }

    /// The tokens and narration runs of the sentences of article `i` around
    /// `sentences` (one before the first to one after the last), recomputed
    /// on demand: only candidates need them, and only that stretch.
    fn narration_window(&self, i: usize, sentences: &[u32]) -> (ArticleText, Vec<(usize, usize)>) {
        let p = &self.articles[i];
        let text = &p.input.text;
        let n = p.sentences.len();
        if n == 0 {
            return (ArticleText::default(), Vec::new());
        }
        let lo = sentences
            .iter()
            .min()
            .map_or(0, |&s| s.saturating_sub(1) as usize)
            .min(n - 1);
        let hi = sentences
            .iter()
            .max()
            .map_or(0, |&s| s as usize + 1)
            .min(n - 1);
        let (from, to) = (p.sentences[lo].0 as usize, p.sentences[hi].1 as usize);
        let Some(slice) = text.get(from..to) else {
            return (ArticleText::default(), Vec::new());
        };
        let shift = |(a, b): (usize, usize)| (a.clamp(from, to) - from, b.clamp(from, to) - from);
        let spans: Vec<(usize, usize)> = quote_spans(&p.input)
            .into_iter()
            .filter(|&(a, b)| b > from && a < to)
            .map(shift)
            .collect();
        let sents: Vec<(u32, u32)> = p.sentences[lo..=hi]
            .iter()
            .map(|&(a, b)| (a - from as u32, b - from as u32))
            .collect();
        let mut window = ArticleText::new(slice, &sents, &spans, &[]);
        let runs = window.narration_runs(&spans);
        // Back to offsets and sentence numbers of the whole article.
        for t in &mut window.tokens {
            t.start += from as u32;
            t.end += from as u32;
        }
        for s in &mut window.sentence_of {
            *s += lo as u32;
        }
        (window, runs)
    }

    /// Figure pairs between article `j` and earlier ones, at most one pair
    /// per figure and other article (the best), so that two figures of one
    /// sentence ("$81 million … and $12 million …") do not cross-pair.
    fn figure_pairs(&self, j: usize, pair_keys: &[(u32, u32)]) -> Vec<Pair> {
        let me = &self.articles[j];
        let mut cands: Vec<(u32, u32)> = Vec::new(); // (my figure, other fid)
        let mut hits: Vec<(u32, u32)> = Vec::new(); // (other fid, weight)
        let budget = self.opts.figure_budget;
        // Figures of article `j` and later have ids from here on.
        let first_fid = self.figure_refs.partition_point(|r| (r.0 as usize) < j) as u32;
        for (fi, f) in me.figures.iter().enumerate() {
            if self.opts.exhaustive {
                for (fid, &(art, ofi)) in self.figure_refs.iter().enumerate() {
                    if (art as usize) < j
                        && self.articles[art as usize].figures[ofi as usize].class == f.class
                    {
                        cands.push((fi as u32, fid as u32));
                    }
                }
                continue;
            }
            let keys = f.keys();
            hits.clear();
            for postings in budget_keys(&self.figure_index, &keys, self.opts.figure_budget, 2) {
                // A rare key alone makes a candidate; a commoner one must
                // be met twice (figures about one thing share several
                // words around them).
                let weight = if postings.len() <= RARE_FIGURE_KEY {
                    2
                } else {
                    1
                };
                postings.for_each(|fid| {
                    if (self.figure_refs[fid as usize].0 as usize) < j {
                        hits.push((fid, weight));
                    }
                });
            }
            // Two shared near words at once: a candidate, unless that pair
            // of words is itself common.
            let from = pair_keys.partition_point(|p| p.0 < fi as u32);
            let to = from + pair_keys[from..].partition_point(|p| p.0 == fi as u32);
            let my_pairs = &pair_keys[from..to];
            for &(_, key) in my_pairs {
                let postings = self.pair_index.get(key);
                if postings.len() > self.opts.figure_budget {
                    continue;
                }
                postings.for_each(|fid| {
                    if (self.figure_refs[fid as usize].0 as usize) < j {
                        hits.push((fid, 2));
                    }
                });
            }
            let found = met_twice(&mut hits, fi as u32, &mut cands);
            if found > 0 {
                continue;
            }
            // Nothing found: every key may be too common, as for a story
            // reprinted by more outlets than the budget. The two rarest
            // common keys (single words or pairs) are read, the latest
            // `budget` earlier figures of each, and a figure met in both is
            // a candidate: copies of one story carry both keys and the
            // latest of them fall in both windows; unrelated figures that
            // share two common words seldom do.
            let mut common: Vec<_> = keys
                .iter()
                .map(|&k| self.figure_index.get(k))
                .chain(my_pairs.iter().map(|&(_, k)| self.pair_index.get(k)))
                .filter(|p| p.len() > budget)
                .collect();
            common.sort_unstable_by_key(|p| p.len());
            hits.clear();
            for postings in common.iter().take(2) {
                postings
                    .last_before(first_fid, budget)
                    .for_each(|fid| hits.push((fid, 1)));
            }
            met_twice(&mut hits, fi as u32, &mut cands);
        }
        cands.sort_unstable();
        cands.dedup();
        // (other article, agrees, score, my figure, other figure, verdict)
        let mut scored: Vec<(u32, bool, f64, u32, u32, Verdict)> = Vec::new();
        for (fi, fid) in cands {
            let (art, ofi) = self.figure_refs[fid as usize];
            let other = &self.articles[art as usize];
            let v = compare_figures(
                &other.input.figures[ofi as usize],
                &other.figures[ofi as usize],
                &me.input.figures[fi as usize],
                &me.figures[fi as usize],
                &self.opts,
            );
            if let Some(v) = v {
                let agrees = !v
                    .reasons
                    .iter()
                    .any(|r| matches!(r, Reason::Value | Reason::Unit));
                scored.push((art, agrees, v.score, fi, ofi, v));
            }
        }
        // Best first within each other article: agreeing values, then score.
        scored.sort_by(|x, y| {
            x.0.cmp(&y.0)
                .then(y.1.cmp(&x.1))
                .then(y.2.total_cmp(&x.2))
                .then((x.3, x.4).cmp(&(y.3, y.4)))
        });
        let mut out = Vec::new();
        let mut used_mine: Vec<(u32, u32)> = Vec::new();
        let mut used_theirs: Vec<(u32, u32)> = Vec::new();
        for (art, _, _, fi, ofi, v) in scored {
            if used_mine.contains(&(art, fi)) || used_theirs.contains(&(art, ofi)) {
                continue;
            }
            used_mine.push((art, fi));
            used_theirs.push((art, ofi));
            let i = art as usize;
            out.push(self.pair(
                (i, self.item_ref(i, ItemKind::Figure, ofi as usize)),
                (j, self.item_ref(j, ItemKind::Figure, fi as usize)),
                v,
            ));
        }
        out.sort_by_key(|p| (p.a.article, p.a.index, p.b.article, p.b.index));
        out
    }

    /// All pairs found so far.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// Claims over all pairs found so far, ranked.
    pub fn claims(&self) -> Vec<Claim> {
        cluster::claims(&self.pairs)
    }

    /// Derived articles so far, each with its best source.
    pub fn lineage(&self) -> Vec<Derivation> {
        lineage::best_sources(&self.derivations)
    }

    /// Pairs, claims and lineage of everything added so far.
    pub fn matching(&self) -> Matching {
        Matching {
            pairs: self.pairs.clone(),
            claims: self.claims(),
            lineage: self.lineage(),
        }
    }

    /// Like [`Matcher::matching`], consuming the matcher.
    pub fn into_matching(self) -> Matching {
        let claims = self.claims();
        let lineage = self.lineage();
        Matching {
            pairs: self.pairs,
            claims,
            lineage,
        }
    }
}

/// Matches a batch of articles in parallel: every pair between different
/// articles, the claims they form, and the derived articles.
pub fn match_all(articles: Vec<ArticleInput>) -> Matching {
    let mut m = Matcher::new();
    m.extend(articles);
    m.into_matching()
}

/// Like [`match_all`] but compares every quote and figure with every
/// other, without blocking: the reference for measuring blocking recall.
/// Quadratic; for small sets.
pub fn match_all_exhaustive(articles: Vec<ArticleInput>) -> Matching {
    let mut m = Matcher::with_options(Options {
        exhaustive: true,
        ..Options::default()
    });
    m.extend(articles);
    m.into_matching()
}
