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
mod figure;
mod lineage;
mod normalize;
mod probe;
mod relation;
mod score;
pub(crate) mod sentence;
mod sketch;
pub(crate) mod speaker;

#[cfg(test)]
mod order_tests;
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

use article::{prepare, ArticleKeys, NarrationKey, Prepared, QuoteFeatures};
use block::KeyIndex;
use score::Verdict;
use speaker::Aliases;

pub use normalize::normalize;
pub use relation::Relations;
pub use sketch::{lookup, IndexRow, Lookup};

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

/// A word diff read the other way round (from `b` to `a`).
pub fn reversed(ops: &[DiffOp]) -> Vec<DiffOp> {
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

/// An item that repeats another word for word: the same quote with the
/// same speaker, title and cue, or the same figure with the same words
/// around it, as in a reprint of a wire story. Only the first item of a
/// form is compared with others; each reprint of it costs this one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reprint {
    /// The repeating item.
    pub item: ItemRef,
    /// The first item added with the same form.
    pub of: ItemRef,
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
    /// Items that repeat an earlier item's form: they belong to its claim
    /// and relate to every other item as it does.
    #[serde(default)]
    pub reprints: Vec<Reprint>,
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
    /// Compare only the first item of each form and record the others as
    /// its reprints (see [`Reprint`]). Off, every item is compared: for a
    /// few candidates, where each copy's own pairs are wanted (audits).
    pub reprints: bool,
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
            reprints: true,
            exhaustive: false,
        }
    }
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
    reprints: Vec<Reprint>,
    /// The first item of each form: form → (internal article, item index),
    /// quotes and figures in separate maps.
    quote_forms: HashMap<u64, (u32, u32)>,
    figure_forms: HashMap<u64, (u32, u32)>,
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
        let (mut prepared, keys): (Vec<Prepared>, Vec<ArticleKeys>) = articles
            .into_par_iter()
            .map(|a| prepare(a, aliases))
            .unzip();
        self.find_reprints(first, &mut prepared);
        for (p, k) in prepared.iter_mut().zip(&keys) {
            p.sketch = sketch::sketch(
                k,
                |qi| p.quote_reprints[qi].is_some(),
                |fi| p.figure_reprints[fi].is_some(),
            );
        }
        // Only narration keys are needed after indexing.
        let keys: Vec<Vec<NarrationKey>> = self.index(first, keys, &prepared);
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
                    for k in f.weigh(figure_index, RARE_FIGURE_KEY) {
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
                    .filter(|&&(fi, _)| p.figure_reprints[fi as usize].is_none())
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

    /// Marks the quotes and figures of new articles (numbered from `first`)
    /// whose form an earlier item has, in the order added, and records
    /// them as reprints of it. Items of one article never reprint each
    /// other: a quote repeated within an article is still its own item.
    fn find_reprints(&mut self, first: usize, prepared: &mut [Prepared]) {
        if !self.opts.reprints {
            return;
        }
        for (k, p) in prepared.iter_mut().enumerate() {
            let art = (first + k) as u32;
            for (qi, &form) in p.quote_forms.iter().enumerate() {
                match self.quote_forms.get(&form) {
                    Some(&(a, i)) if a != art => p.quote_reprints[qi] = Some((a, i)),
                    Some(_) => {}
                    None => {
                        self.quote_forms.insert(form, (art, qi as u32));
                    }
                }
            }
            for (fi, &form) in p.figure_forms.iter().enumerate() {
                match self.figure_forms.get(&form) {
                    Some(&(a, i)) if a != art => p.figure_reprints[fi] = Some((a, i)),
                    Some(_) => {}
                    None => {
                        self.figure_forms.insert(form, (art, fi as u32));
                    }
                }
            }
        }
    }

    /// Reprint records of articles `first..` (all added by now).
    fn reprints_from(&self, first: usize) -> Vec<Reprint> {
        let mut out = Vec::new();
        for j in first..self.articles.len() {
            let p = &self.articles[j];
            let kinds = [
                (ItemKind::Quote, &p.quote_reprints),
                (ItemKind::Figure, &p.figure_reprints),
            ];
            for (kind, reprints) in kinds {
                for (i, r) in reprints.iter().enumerate() {
                    if let Some((a, oi)) = *r {
                        out.push(Reprint {
                            item: self.item_ref(j, kind, i),
                            of: self.item_ref(a as usize, kind, oi as usize),
                        });
                    }
                }
            }
        }
        out
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
                let mut matched: Vec<usize> = probes[j - first]
                    .pairs
                    .iter()
                    .filter(|p| {
                        (p.a.article == ide && p.b.article == idl)
                            || (p.a.article == idl && p.b.article == ide)
                    })
                    .flat_map(|p| [p.a, p.b])
                    .filter(|r| r.article == idl && r.kind == ItemKind::Quote)
                    .map(|r| r.index)
                    .collect();
                // Reprints between the two, either way round.
                let (pe, pl) = (&this.articles[e], &this.articles[l]);
                for (qi, r) in pl.quote_reprints.iter().enumerate() {
                    if r.is_some_and(|(a, _)| a as usize == e) {
                        matched.push(qi);
                    }
                }
                for &(a, oi) in pe.quote_reprints.iter().flatten() {
                    if a as usize == l {
                        matched.push(oi as usize);
                    }
                }
                lineage::derive(pe, pl, matched, &this.opts)
            })
            .collect();

        let new_pairs: Vec<Pair> = probes.into_iter().flat_map(|p| p.pairs).collect();
        self.pairs.extend(new_pairs.iter().cloned());
        let reprints = self.reprints_from(first);
        self.reprints.extend(reprints);
        self.derivations.extend(derivations);
        new_pairs
    }

    /// Registers the keys of new articles (numbered from `first`), dropping
    /// each article's keys as soon as they are copied (memory), except the
    /// narration keys, which are returned for probing.
    fn index(
        &mut self,
        first: usize,
        keys: Vec<ArticleKeys>,
        prepared: &[Prepared],
    ) -> Vec<Vec<NarrationKey>> {
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
            let p = &prepared[k];
            for (qi, (qk, sk)) in ks.quotes.iter().zip(&ks.speakers).enumerate() {
                if p.quote_reprints[qi].is_some() {
                    continue;
                }
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
                if p.figure_reprints[fi].is_some() {
                    continue;
                }
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
            (rj, ri, v.diff.as_deref().map(reversed))
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

    /// All pairs found so far.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// Reprints among the articles added with [`Matcher::extend`] so far
    /// (not those of [`Matcher::load`]: they were recorded before).
    pub fn reprints(&self) -> &[Reprint] {
        &self.reprints
    }

    /// Reprints among every article held, loaded or added: a pure function
    /// of the articles and the order they came in, so a store can derive
    /// them again on every run instead of keeping them apart.
    pub fn all_reprints(&self) -> Vec<Reprint> {
        self.reprints_from(0)
    }

    /// Claims over all pairs and reprints found so far, ranked.
    pub fn claims(&self) -> Vec<Claim> {
        cluster::claims(&self.pairs, &self.reprints)
    }

    /// Derived articles so far, each with its best source.
    pub fn lineage(&self) -> Vec<Derivation> {
        lineage::best_sources(&self.derivations)
    }

    /// Pairs, claims and lineage of everything added so far.
    pub fn matching(&self) -> Matching {
        Matching {
            pairs: self.pairs.clone(),
            reprints: self.reprints.clone(),
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
            reprints: self.reprints,
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
