//! Synthetic coverage for blocking-recall and scale tests and for the
//! matching benchmark (`benches/matching.rs`): articles of Zipf-distributed
//! words, with quotes and figures, some of which are planted restatements
//! (exact, re-punctuated, hyphenated, partial, one word changed, other
//! speaker, other title) and planted figure copies (same, reworded
//! context, hedged, opposite qualifier, other value, other unit) of an
//! earlier article, a few near-complete rewrites (sentences recombined from
//! a source), and a few "famous" quotes repeated everywhere.
//!
//! `generate_redundant` makes coverage as redundant as real news: wire
//! stories reprinted 10 to 500 times (a few reprints with one planted
//! change), rewrites, updates, and independent stories planted as above;
//! its texts are written so that claimtrack's own extractor finds every
//! quote and figure in them (real titles and counted nouns), for
//! benchmarks through the binary (`benches/scale.rs`).
//!
//! Every quote and figure carries an origin (the item it was first made
//! as), so the ground truth is known for any pair, planted or not: two
//! items are the same claim exactly when they share an origin.
//!
//! Public (but hidden from the docs) only for the benchmark and examples:
//! not a stable API.

use std::collections::HashMap;
use std::rc::Rc;

use crate::extract::model::{Currency, Figure, FigureKind, Quote, QuoteKind, SpeakerKind, Unit};

use super::{ArticleInput, ItemKind, Reason};

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        super::normalize::mix64(self.0)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u = 1.0 - self.unit();
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

const STOP: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "for", "it", "on", "was", "with", "as",
    "by", "at", "be", "this", "from", "have", "not", "but", "or", "are", "an", "they", "which",
    "were", "their", "has", "had", "its", "would", "there", "been", "more", "we", "our", "all",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ner", "po", "stu", "va", "ri", "den", "sol", "tra", "qui", "ber", "mon",
    "zel", "fa", "gor", "hin", "jup", "kel", "lar", "mur", "nix", "orp", "pel", "ros", "sav",
    "tor", "ulm", "vex", "wen", "yar", "bal", "cor", "dun", "eth", "fim", "gal", "hul", "ist",
];

/// The vocabulary and its Zipf distribution.
struct Vocab {
    /// The words one after the other (one allocation, for locality):
    /// word `i` is `text[ends[i - 1]..ends[i]]`.
    text: String,
    ends: Vec<u32>,
    cdf: Vec<f64>,
    /// For u in [b/GUIDE, (b+1)/GUIDE): the word index lies between
    /// `guide[b]` and `guide[b + 1]` (both included), so `word` searches a
    /// short stretch of `cdf` instead of all of it (same result).
    guide: Vec<u32>,
}

/// Buckets of `Vocab::guide` (a power of two: u·GUIDE is exact).
const GUIDE: usize = 1 << 16;

impl Vocab {
    pub fn new(size: usize) -> Self {
        let mut words: Vec<String> = STOP.iter().map(|s| (*s).to_owned()).collect();
        let mut i = 0usize;
        while words.len() < size {
            let mut n = i + SYLLABLES.len();
            let mut w = String::new();
            while n > 0 {
                w.push_str(SYLLABLES[n % SYLLABLES.len()]);
                n /= SYLLABLES.len();
            }
            words.push(w);
            i += 1;
        }
        let mut cdf = Vec::with_capacity(size);
        let mut acc = 0.0;
        for r in 0..size {
            acc += 1.0 / ((r + 1) as f64).powf(1.05);
            cdf.push(acc);
        }
        for c in &mut cdf {
            *c /= acc;
        }
        let guide = (0..=GUIDE)
            .map(|b| {
                let u = b as f64 / GUIDE as f64;
                cdf.partition_point(|&c| c < u) as u32
            })
            .collect();
        let text = words.concat();
        let ends = words
            .iter()
            .scan(0u32, |end, w| {
                *end += w.len() as u32;
                Some(*end)
            })
            .collect();
        Vocab {
            text,
            ends,
            cdf,
            guide,
        }
    }

    pub fn word(&self, rng: &mut Rng) -> &str {
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        let b = (u * GUIDE as f64) as usize;
        let (lo, hi) = (self.guide[b] as usize, self.guide[b + 1] as usize);
        let i = (lo + self.cdf[lo..hi.min(self.cdf.len())].partition_point(|&c| c < u))
            .min(self.ends.len() - 1);
        self.at(i)
    }

    /// A word from the rare half of the vocabulary: names, events.
    pub fn rare(&self, rng: &mut Rng) -> &str {
        let n = self.ends.len();
        self.at(n / 2 + rng.below(n / 2))
    }

    fn at(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// Between `lo` and `hi` words, appended to `out` with a space
    /// between them.
    pub fn push_words(&self, rng: &mut Rng, out: &mut String, lo: usize, hi: usize) {
        for k in 0..rng.range(lo, hi) {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(self.word(rng));
        }
    }

    /// Between `lo` and `hi` words.
    pub fn words(&self, rng: &mut Rng, lo: usize, hi: usize) -> Vec<String> {
        let n = rng.range(lo, hi);
        (0..n).map(|_| self.word(rng).to_owned()).collect()
    }
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A quote before it is placed in a text.
#[derive(Clone)]
struct QuoteSpec {
    /// The quote it was first made as (copies keep it).
    origin: u32,
    words: Vec<String>,
    kind: QuoteKind,
    speaker: String,
    speaker_kind: SpeakerKind,
    title: Option<String>,
}

/// A figure with its sentence, before it is placed in a text.
#[derive(Clone)]
struct FigureSpec {
    /// The figure it was first made as (copies keep it).
    origin: u32,
    left: Vec<String>,
    right: Vec<String>,
    text: String,
    value: f64,
    unit: Option<Unit>,
    qualifier: Option<String>,
    kind: FigureKind,
}

/// What one article is made of, kept so that later articles can copy it.
#[derive(Clone, Default)]
struct ArticleSpec {
    sentences: Vec<Vec<String>>,
    quotes: Vec<QuoteSpec>,
    figures: Vec<FigureSpec>,
}

/// How a planted quote differs from its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuoteVariant {
    /// The same words.
    Exact,
    /// First word upper-cased, "!" after the last.
    Punctuation,
    /// Two words joined by a hyphen.
    Hyphen,
    /// A run of at least six of the words, quoted as a partial quote.
    Partial,
    /// One word replaced by another.
    OneWord,
    /// Credited to another speaker (with that speaker's title).
    OtherSpeaker,
    /// The same speaker with another title.
    OtherTitle,
}

impl QuoteVariant {
    /// Every variant, in declaration order.
    pub const ALL: [QuoteVariant; 7] = [
        QuoteVariant::Exact,
        QuoteVariant::Punctuation,
        QuoteVariant::Hyphen,
        QuoteVariant::Partial,
        QuoteVariant::OneWord,
        QuoteVariant::OtherSpeaker,
        QuoteVariant::OtherTitle,
    ];

    /// The reasons a correct matcher gives for this change (empty: the
    /// pair restates).
    pub fn reasons(self) -> &'static [Reason] {
        match self {
            QuoteVariant::Exact
            | QuoteVariant::Punctuation
            | QuoteVariant::Hyphen
            | QuoteVariant::Partial => &[],
            QuoteVariant::OneWord => &[Reason::Wording],
            QuoteVariant::OtherSpeaker => &[Reason::Speaker],
            QuoteVariant::OtherTitle => &[Reason::SpeakerTitle],
        }
    }
}

/// How a planted figure differs from its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureVariant {
    /// Copied unchanged.
    Same,
    /// One word of the context before it replaced.
    Context,
    /// "nearly" put on a money figure that had no bound ("about" or no
    /// qualifier): a hedge, not a contradiction.
    Hedge,
    /// A bound turned the other way ("more than" ↔ "nearly").
    Qualifier,
    /// The value multiplied by 1.5 (not for years).
    Value,
    /// Dollars turned into euros, same number.
    Unit,
}

impl FigureVariant {
    /// Every variant, in declaration order.
    pub const ALL: [FigureVariant; 6] = [
        FigureVariant::Same,
        FigureVariant::Context,
        FigureVariant::Hedge,
        FigureVariant::Qualifier,
        FigureVariant::Value,
        FigureVariant::Unit,
    ];

    /// The reasons a correct matcher gives for this change (empty: the
    /// pair restates).
    pub fn reasons(self) -> &'static [Reason] {
        match self {
            FigureVariant::Same | FigureVariant::Context | FigureVariant::Hedge => &[],
            FigureVariant::Qualifier => &[Reason::Qualifier],
            FigureVariant::Value => &[Reason::Value],
            FigureVariant::Unit => &[Reason::Unit],
        }
    }
}

/// An item of a generated article: (article id, index).
pub type ItemAt = (i64, usize);

/// A generated corpus with what was planted in it.
pub struct Synth {
    /// Article `k` has id `k`; none has a date, so input order decides
    /// which of two is earlier.
    pub articles: Vec<ArticleInput>,
    /// (source article, quote) → (copying article, quote), with the variant.
    pub planted_quotes: Vec<(ItemAt, ItemAt, QuoteVariant)>,
    /// (source article, figure) → (copying article, figure).
    pub planted_figures: Vec<(ItemAt, ItemAt)>,
    /// The same pairs as `planted_figures`, with the change made.
    pub planted_figure_variants: Vec<(ItemAt, ItemAt, FigureVariant)>,
    /// (source, rewrite) article pairs.
    pub rewrites: Vec<(i64, i64)>,
    /// Origin of each quote, by article id then quote index.
    pub quote_origins: Vec<Vec<u32>>,
    /// Origin of each figure, by article id then figure index.
    pub figure_origins: Vec<Vec<u32>>,
    /// (wire story, reprint) article pairs (`generate_redundant` only).
    pub reprints: Vec<(i64, i64)>,
    /// (article, its update) pairs (`generate_redundant` only).
    pub updates: Vec<(i64, i64)>,
}

impl Synth {
    /// Whether two items are copies of one original (the same claim),
    /// through a planted pair, a chain of them, or a famous quote. Items
    /// of different kinds, and narration, never are.
    pub fn same_origin(&self, kind: ItemKind, a: ItemAt, b: ItemAt) -> bool {
        let origins = match kind {
            ItemKind::Quote => &self.quote_origins,
            ItemKind::Figure => &self.figure_origins,
            ItemKind::Narration => return false,
        };
        let of = |(article, index): ItemAt| {
            usize::try_from(article)
                .ok()
                .and_then(|k| origins.get(k))
                .and_then(|v| v.get(index))
        };
        matches!((of(a), of(b)), (Some(x), Some(y)) if x == y)
    }
}

fn speaker_pool(vocab: &Vocab, rng: &mut Rng, n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|_| {
            let name = format!(
                "{} {}",
                capitalise(vocab.rare(rng)),
                capitalise(vocab.rare(rng))
            );
            let title = format!(
                "{} of the {} {}",
                vocab.rare(rng),
                capitalise(vocab.rare(rng)),
                capitalise(vocab.rare(rng))
            );
            (name, title)
        })
        .collect()
}

/// Hands out origins: one per quote or figure made afresh.
fn next_origin(counter: &mut u32) -> u32 {
    *counter += 1;
    *counter
}

fn new_quote(
    vocab: &Vocab,
    rng: &mut Rng,
    speakers: &[(String, String)],
    origin: u32,
) -> QuoteSpec {
    let (speaker, title) = speakers[rng.below(speakers.len())].clone();
    QuoteSpec {
        origin,
        words: vocab.words(rng, 8, 30),
        kind: QuoteKind::Direct,
        speaker,
        speaker_kind: SpeakerKind::Person,
        title: Some(title),
    }
}

fn new_figure(vocab: &Vocab, rng: &mut Rng, origin: u32) -> FigureSpec {
    let mut left = vocab.words(rng, 5, 9);
    // An event word makes the subject identifiable, as names do in news.
    left.push(vocab.rare(rng).to_owned());
    let right = vocab.words(rng, 5, 9);
    let (text, value, unit, kind, qualifier) = figure_value(vocab, rng);
    FigureSpec {
        origin,
        left,
        right,
        text,
        value,
        unit,
        qualifier: qualifier.map(str::to_owned),
        kind,
    }
}

/// What a figure is written as, its value, unit, kind and qualifier.
fn figure_value(
    vocab: &Vocab,
    rng: &mut Rng,
) -> (String, f64, Option<Unit>, FigureKind, Option<&'static str>) {
    match rng.below(10) {
        0..=3 => {
            let v = rng.range(2, 900);
            let q = [None, Some("more than"), Some("nearly"), Some("about")][rng.below(4)];
            let t = format!(
                "{}${v} million",
                q.map(|q| format!("{q} ")).unwrap_or_default()
            );
            (
                t,
                v as f64 * 1e6,
                Some(Unit::Currency(Currency::new(b"USD"))),
                FigureKind::Money,
                q,
            )
        }
        4..=6 => {
            let v = rng.range(2, 500);
            let noun = vocab.word(rng).to_owned();
            (
                format!("{v} {noun}"),
                v as f64,
                None,
                FigureKind::Count,
                None,
            )
        }
        7 | 8 => {
            let v = rng.range(1990, 2024);
            (v.to_string(), v as f64, None, FigureKind::Year, None)
        }
        _ => {
            let v = rng.range(1, 99);
            (
                format!("{v}%"),
                v as f64,
                Some(Unit::Percent),
                FigureKind::Percent,
                None,
            )
        }
    }
}

/// Changes a copied quote one way, chosen uniformly (one word only for
/// quotes of 10 words or more; shorter ones get another title instead).
fn plant_quote(
    q: &mut QuoteSpec,
    vocab: &Vocab,
    rng: &mut Rng,
    speakers: &[(String, String)],
) -> QuoteVariant {
    match rng.below(7) {
        0 => QuoteVariant::Exact,
        1 => {
            q.words[0] = q.words[0].to_uppercase();
            let last = q.words.len() - 1;
            q.words[last].push('!');
            QuoteVariant::Punctuation
        }
        2 => {
            let k = rng.below(q.words.len() - 1);
            let joined = format!("{}-{}", q.words[k], q.words[k + 1]);
            q.words.splice(k..k + 2, [joined]);
            QuoteVariant::Hyphen
        }
        3 => {
            let len = rng.range(6, q.words.len().max(6));
            let from = rng.below(q.words.len() - len.min(q.words.len()) + 1);
            let part = &q.words[from..(from + len).min(q.words.len())];
            // A run of function words is not a quotable part.
            if part.iter().filter(|w| !STOP.contains(&w.as_str())).count() >= 2 {
                q.words = part.to_vec();
            }
            q.kind = QuoteKind::Partial;
            QuoteVariant::Partial
        }
        4 if q.words.len() >= 10 => {
            let k = rng.below(q.words.len());
            q.words[k] = vocab.rare(rng).to_owned();
            QuoteVariant::OneWord
        }
        5 => {
            let (s, t) = speakers[rng.below(speakers.len())].clone();
            q.speaker = s;
            q.title = Some(t);
            QuoteVariant::OtherSpeaker
        }
        _ => {
            q.title = Some(format!("{} {}", vocab.rare(rng), vocab.rare(rng)));
            QuoteVariant::OtherTitle
        }
    }
}

/// Changes a copied figure one way (or leaves it the same).
fn plant_figure(f: &mut FigureSpec, vocab: &Vocab, rng: &mut Rng) -> FigureVariant {
    match rng.below(5) {
        0 if f.kind == FigureKind::Money => {
            let was = f.qualifier.clone();
            f.qualifier = Some(if was.as_deref() == Some("nearly") {
                "more than".into()
            } else {
                "nearly".into()
            });
            f.text = format!("{} {}", f.qualifier.as_deref().unwrap_or(""), f.text);
            // Only a bound turned round contradicts the source.
            if matches!(was.as_deref(), Some("nearly" | "more than")) {
                FigureVariant::Qualifier
            } else {
                FigureVariant::Hedge
            }
        }
        1 if f.kind != FigureKind::Year => {
            f.value *= 1.5;
            f.text.push('0');
            FigureVariant::Value
        }
        2 if f.kind == FigureKind::Money => {
            f.unit = Some(Unit::Currency(Currency::new(b"EUR")));
            f.text = f.text.replace('$', "€");
            FigureVariant::Unit
        }
        3 => {
            // Reworded context.
            let k = rng.below(f.left.len());
            f.left[k] = vocab.word(rng).to_owned();
            FigureVariant::Context
        }
        _ => FigureVariant::Same,
    }
}

/// Builds the article text and its extraction from a spec.
fn render(id: i64, spec: &ArticleSpec) -> ArticleInput {
    let mut text = String::new();
    let mut quotes = Vec::new();
    let mut figures = Vec::new();
    let (nq, nf, ns) = (
        spec.quotes.len(),
        spec.figures.len(),
        spec.sentences.len().max(1),
    );
    for (s, sentence) in spec.sentences.iter().enumerate() {
        text.push_str(&capitalise(&sentence.join(" ")));
        text.push_str(". ");
        // Spread quotes and figures over the sentences.
        for (k, f) in spec.figures.iter().enumerate() {
            if k * ns / nf.max(1) != s {
                continue;
            }
            text.push_str(&capitalise(&f.left.join(" ")));
            text.push(' ');
            let start = text.len();
            text.push_str(&f.text);
            let end = text.len();
            text.push(' ');
            text.push_str(&f.right.join(" "));
            text.push_str(". ");
            figures.push(Figure {
                text: f.text.clone(),
                start,
                end,
                value: Some(f.value),
                high: None,
                unit: f.unit.clone(),
                qualifier: f.qualifier.clone(),
                kind: f.kind,
                counts: None,
                date: None,
                linked_to: None,
            });
        }
        for (k, q) in spec.quotes.iter().enumerate() {
            if k * ns / nq.max(1) != s {
                continue;
            }
            let words = q.words.join(" ");
            let (start, end);
            if q.kind == QuoteKind::Indirect {
                text.push_str(&format!("According to {}, ", q.speaker));
                start = text.len();
                text.push_str(&words);
                end = text.len();
                text.push_str(".\n");
            } else {
                text.push('“');
                start = text.len();
                text.push_str(&capitalise(&words));
                end = text.len();
                text.push_str(",” said ");
                text.push_str(&q.speaker);
                if let Some(t) = &q.title {
                    text.push_str(", ");
                    text.push_str(t);
                }
                text.push_str(".\n");
            }
            quotes.push(Quote {
                text: text[start..end].to_owned(),
                start,
                end,
                kind: q.kind,
                speaker: Some(q.speaker.clone()),
                speaker_as_written: Some(q.speaker.clone()),
                speaker_title: q.title.clone(),
                speaker_kind: Some(q.speaker_kind),
                cue: Some("said".into()),
                via: None,
            });
        }
    }
    ArticleInput {
        id,
        outlet: Some(format!("Outlet {}", id % 37)),
        published: None,
        text,
        quotes,
        figures,
    }
}

/// Generates `n` articles of `quotes` quotes and `figures` figures each
/// (at least 2 of each), the same for the same arguments.
pub fn generate(n: usize, quotes: usize, figures: usize, seed: u64) -> Synth {
    let mut rng = Rng::new(seed);
    let vocab = Vocab::new(40_000);
    let speakers = speaker_pool(&vocab, &mut rng, 3_000);
    let mut origin = 0u32;
    let famous: Vec<QuoteSpec> = (0..8)
        .map(|_| new_quote(&vocab, &mut rng, &speakers, next_origin(&mut origin)))
        .collect();
    let mut specs: Vec<ArticleSpec> = Vec::with_capacity(n);
    let mut out = Synth {
        articles: Vec::with_capacity(n),
        planted_quotes: Vec::new(),
        planted_figures: Vec::new(),
        planted_figure_variants: Vec::new(),
        rewrites: Vec::new(),
        quote_origins: Vec::with_capacity(n),
        figure_origins: Vec::with_capacity(n),
        reprints: Vec::new(),
        updates: Vec::new(),
    };
    for id in 0..n {
        let mut spec = ArticleSpec {
            sentences: (0..rng.range(20, 30))
                .map(|_| vocab.words(&mut rng, 10, 22))
                .collect(),
            quotes: (0..quotes)
                .map(|_| new_quote(&vocab, &mut rng, &speakers, next_origin(&mut origin)))
                .collect(),
            figures: (0..figures)
                .map(|_| new_figure(&vocab, &mut rng, next_origin(&mut origin)))
                .collect(),
        };
        if rng.chance(0.002) {
            let k = rng.below(spec.quotes.len().max(1));
            if let Some(q) = spec.quotes.get_mut(k) {
                *q = famous[rng.below(famous.len())].clone();
            }
        }
        if id > 0 && rng.chance(0.3) {
            let src = id - rng.range(1, id.min(300));
            let source = specs[src].clone();
            // A few rewrites copy most of the source.
            if rng.chance(0.1) {
                for (k, s) in source.sentences.iter().enumerate() {
                    if k < spec.sentences.len() && rng.chance(0.8) {
                        spec.sentences[k] = s.clone();
                    }
                }
                out.rewrites.push((src as i64, id as i64));
            }
            for _ in 0..3 {
                let (sq, dq) = (rng.below(source.quotes.len()), rng.below(spec.quotes.len()));
                let mut q = source.quotes[sq].clone();
                let variant = plant_quote(&mut q, &vocab, &mut rng, &speakers);
                spec.quotes[dq] = q;
                out.planted_quotes
                    .push(((src as i64, sq), (id as i64, dq), variant));
            }
            // Two different figures of the source (one figure copied twice
            // would pair only once: figure pairs are one to one).
            let first = rng.below(source.figures.len());
            let second = (first + 1 + rng.below(source.figures.len() - 1)) % source.figures.len();
            for sf in [first, second] {
                let df = rng.below(spec.figures.len());
                let mut f = source.figures[sf].clone();
                let variant = plant_figure(&mut f, &vocab, &mut rng);
                spec.figures[df] = f;
                out.planted_figure_variants
                    .push(((src as i64, sf), (id as i64, df), variant));
            }
        }
        out.articles.push(render(id as i64, &spec));
        out.quote_origins
            .push(spec.quotes.iter().map(|q| q.origin).collect());
        out.figure_origins
            .push(spec.figures.iter().map(|f| f.origin).collect());
        specs.push(spec);
        // Sources are at most 300 articles back: forget older specs.
        if id >= 300 {
            specs[id - 300] = ArticleSpec::default();
        }
    }
    // Drop planted items overwritten by a later plant in the same slot.
    out.planted_quotes = last_per_slot(std::mem::take(&mut out.planted_quotes), |p| p.1);
    out.planted_figure_variants =
        last_per_slot(std::mem::take(&mut out.planted_figure_variants), |p| p.1);
    out.planted_figures = out
        .planted_figure_variants
        .iter()
        .map(|p| (p.0, p.1))
        .collect();
    out
}

/// Keeps, of the plants into one slot, only the last (in order).
fn last_per_slot<T>(plants: Vec<T>, slot: impl Fn(&T) -> ItemAt) -> Vec<T> {
    let last: HashMap<ItemAt, usize> = plants
        .iter()
        .enumerate()
        .map(|(k, p)| (slot(p), k))
        .collect();
    plants
        .into_iter()
        .enumerate()
        .filter(|(k, p)| last[&slot(p)] == *k)
        .map(|(_, p)| p)
        .collect()
}

// Redundant coverage: wire stories and their reprints, rewrites, updates,
// and independent stories, as `generate_redundant` makes them.

/// What an article of the redundant corpus is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// A story of its own; with probability 0.3 it copies three quotes and
    /// two figures of a recent article, each changed one way (planted, as
    /// `generate` does).
    Independent,
    /// A wire agency's story, reprinted 10–500 times.
    Wire,
    /// A wire story reprinted by another outlet: same sentences, quotes and
    /// figures verbatim, a few paragraphs moved; 5% carry one planted
    /// change of one quote or figure.
    Reprint { wire: i64 },
    /// 50–90% of a recent article's sentences and about half its quotes
    /// and figures, verbatim, with new material.
    Rewrite { source: i64 },
    /// A recent article again, same outlet, one sentence replaced.
    Update { of: i64 },
}

/// How far back (in articles) sources of plants, rewrites and updates are.
const WINDOW: usize = 300;
/// Reprints per wire story: round(e^(MU + SIGMA·z)), clamped.
const REPRINTS_MIN: usize = 10;
const REPRINTS_MAX: usize = 500;
/// ln 30: the median before clamping is 30 reprints.
const REPRINTS_MU: f64 = 3.4;
const REPRINTS_SIGMA: f64 = 1.0;
/// A wire story's k reprints fall due at random within the k × SPREAD
/// articles after it (later when too many are due at once).
const REPRINT_SPREAD: usize = 4;
/// Share of reprints with one planted change.
const REPRINT_CHANGED: f64 = 0.05;
/// Of the articles that are not reprints: wire stories, updates, rewrites
/// (the rest are independent). With about 50 reprints per wire story, half
/// the corpus is reprints, a third independent.
const P_WIRE: f64 = 0.02;
const P_UPDATE: f64 = 0.12;
const P_REWRITE: f64 = 0.2;
/// Outlets other than the wires (a prime, so a wire's reprints can all
/// be by different outlets).
const OUTLETS: usize = 1499;
const WIRE_OUTLETS: usize = 4;
/// What speakers are ("director of the Murcorfa Stuorplar"): real words,
/// so that claimtrack's extractor reads them as titles.
const ROLES: &[&str] = &[
    "director",
    "head",
    "chairman",
    "president",
    "secretary",
    "governor",
    "chief economist",
    "deputy director",
    "minister",
    "mayor",
    "spokesman",
    "founder",
    "commissioner",
    "ambassador",
    "chief executive",
    "treasurer",
];
/// What counts count ("67 workers"): real plural nouns, which the
/// extractor reads as counts (it passes over "67 losol").
const COUNT_NOUNS: &[&str] = &[
    "people",
    "workers",
    "jobs",
    "homes",
    "schools",
    "soldiers",
    "patients",
    "companies",
    "villages",
    "cars",
    "flights",
    "students",
    "families",
    "stores",
    "miles",
    "votes",
    "members",
    "visitors",
    "cases",
    "arrests",
];

/// A number as a figure's text writes it: whole, or with one decimal.
fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// The number a figure's text shows for its value.
fn shown(kind: FigureKind, value: f64) -> f64 {
    if kind == FigureKind::Money {
        value / 1e6
    } else {
        value
    }
}

/// A piece of an article, in reading order.
#[derive(Clone, Copy, Debug)]
enum Block {
    Sentence(u32),
    Quote(u32),
    Figure(u32),
}

/// A quote of the redundant corpus: [`QuoteSpec`] with its words in one
/// string (words never hold a space) and shared speaker names, so that
/// making, copying and dropping one is cheap.
#[derive(Clone)]
struct RQuote {
    origin: u32,
    words: String,
    kind: QuoteKind,
    speaker: Rc<str>,
    speaker_kind: SpeakerKind,
    title: Option<Rc<str>>,
}

impl RQuote {
    fn spec(&self) -> QuoteSpec {
        QuoteSpec {
            origin: self.origin,
            words: self.words.split(' ').map(str::to_owned).collect(),
            kind: self.kind,
            speaker: self.speaker.to_string(),
            speaker_kind: self.speaker_kind,
            title: self.title.as_deref().map(str::to_owned),
        }
    }

    fn from_spec(q: QuoteSpec) -> RQuote {
        RQuote {
            origin: q.origin,
            words: q.words.join(" "),
            kind: q.kind,
            speaker: Rc::from(q.speaker),
            speaker_kind: q.speaker_kind,
            title: q.title.map(Rc::from),
        }
    }
}

/// A figure of the redundant corpus: [`FigureSpec`] with the words around
/// it in one string each.
#[derive(Clone)]
struct RFigure {
    origin: u32,
    left: String,
    right: String,
    text: String,
    value: f64,
    unit: Option<Unit>,
    qualifier: Option<String>,
    kind: FigureKind,
}

impl RFigure {
    fn spec(&self) -> FigureSpec {
        let words = |s: &str| s.split(' ').map(str::to_owned).collect();
        FigureSpec {
            origin: self.origin,
            left: words(&self.left),
            right: words(&self.right),
            text: self.text.clone(),
            value: self.value,
            unit: self.unit.clone(),
            qualifier: self.qualifier.clone(),
            kind: self.kind,
        }
    }

    fn from_spec(f: FigureSpec) -> RFigure {
        RFigure {
            origin: f.origin,
            left: f.left.join(" "),
            right: f.right.join(" "),
            text: f.text,
            value: f.value,
            unit: f.unit,
            qualifier: f.qualifier,
            kind: f.kind,
        }
    }
}

/// Appends `s` with its first letter upper-cased.
fn push_capitalised(out: &mut String, s: &str) {
    let mut c = s.chars();
    out.extend(c.next().into_iter().flat_map(char::to_uppercase));
    out.push_str(c.as_str());
}

/// An article of the redundant corpus before rendering. Quotes and figures
/// are shared with the articles they are copied from.
#[derive(Clone)]
struct Story {
    sentences: Vec<Rc<str>>,
    quotes: Vec<Rc<RQuote>>,
    figures: Vec<Rc<RFigure>>,
    /// Reading order. Quote `k` is the k-th quote in it, figure `k` the
    /// k-th figure, so indexes are those of the rendered article.
    blocks: Vec<Block>,
    /// End (exclusive) of each paragraph in `blocks`.
    paragraphs: Vec<u32>,
    outlet: Rc<str>,
}

impl Story {
    /// Lays the sentences out in order with quotes and figures spread over
    /// them (as `render` does); a paragraph ends after a quote or three
    /// sentences.
    fn laid_out(
        sentences: Vec<Rc<str>>,
        quotes: Vec<Rc<RQuote>>,
        figures: Vec<Rc<RFigure>>,
        outlet: Rc<str>,
    ) -> Story {
        let (ns, nq, nf) = (sentences.len().max(1), quotes.len(), figures.len());
        let mut blocks = Vec::with_capacity(sentences.len() + nq + nf);
        let mut paragraphs = Vec::new();
        let (mut q, mut f, mut run) = (0, 0, 0);
        for s in 0..ns {
            if s < sentences.len() {
                blocks.push(Block::Sentence(s as u32));
                run += 1;
            }
            while f < nf && f * ns / nf == s {
                blocks.push(Block::Figure(f as u32));
                f += 1;
            }
            let mut quoted = false;
            while q < nq && q * ns / nq == s {
                blocks.push(Block::Quote(q as u32));
                q += 1;
                quoted = true;
            }
            if quoted || run >= 3 {
                paragraphs.push(blocks.len() as u32);
                run = 0;
            }
        }
        if paragraphs.last().copied() != Some(blocks.len() as u32) {
            paragraphs.push(blocks.len() as u32);
        }
        Story {
            sentences,
            quotes,
            figures,
            blocks,
            paragraphs,
            outlet,
        }
    }

    /// The paragraphs in the order given, quotes and figures renumbered in
    /// reading order. Returns the story and, for each new quote and figure
    /// index, the old one.
    fn reordered(&self, order: &[usize], outlet: Rc<str>) -> (Story, Vec<usize>, Vec<usize>) {
        let mut blocks = Vec::with_capacity(self.blocks.len());
        let mut paragraphs = Vec::with_capacity(self.paragraphs.len());
        let mut quotes = Vec::with_capacity(self.quotes.len());
        let mut figures = Vec::with_capacity(self.figures.len());
        let (mut quote_from, mut figure_from) = (Vec::new(), Vec::new());
        for &p in order {
            let from = if p == 0 { 0 } else { self.paragraphs[p - 1] };
            for &b in &self.blocks[from as usize..self.paragraphs[p] as usize] {
                blocks.push(match b {
                    Block::Sentence(_) => b,
                    Block::Quote(k) => {
                        quote_from.push(k as usize);
                        quotes.push(self.quotes[k as usize].clone());
                        Block::Quote(quotes.len() as u32 - 1)
                    }
                    Block::Figure(k) => {
                        figure_from.push(k as usize);
                        figures.push(self.figures[k as usize].clone());
                        Block::Figure(figures.len() as u32 - 1)
                    }
                });
            }
            paragraphs.push(blocks.len() as u32);
        }
        let story = Story {
            sentences: self.sentences.clone(),
            quotes,
            figures,
            blocks,
            paragraphs,
            outlet,
        };
        (story, quote_from, figure_from)
    }

    fn render(&self, id: i64) -> ArticleInput {
        let mut text = String::with_capacity(4096);
        let mut quotes = Vec::with_capacity(self.quotes.len());
        let mut figures = Vec::with_capacity(self.figures.len());
        let mut from = 0;
        for &end in &self.paragraphs {
            for (k, &b) in self.blocks[from..end as usize].iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                match b {
                    Block::Sentence(s) => text.push_str(&self.sentences[s as usize]),
                    Block::Figure(i) => {
                        debug_assert_eq!(i as usize, figures.len());
                        figures.push(render_figure(&mut text, &self.figures[i as usize]));
                    }
                    Block::Quote(i) => {
                        debug_assert_eq!(i as usize, quotes.len());
                        quotes.push(render_quote(&mut text, &self.quotes[i as usize]));
                    }
                }
            }
            text.push_str("\n\n");
            from = end as usize;
        }
        ArticleInput {
            id,
            outlet: Some(self.outlet.to_string()),
            published: None,
            text,
            quotes,
            figures,
        }
    }
}

/// Writes a figure's sentence (as `render` does) and returns the figure.
fn render_figure(text: &mut String, f: &RFigure) -> Figure {
    push_capitalised(text, &f.left);
    text.push(' ');
    let start = text.len();
    text.push_str(&f.text);
    let end = text.len();
    text.push(' ');
    text.push_str(&f.right);
    text.push('.');
    Figure {
        text: f.text.clone(),
        start,
        end,
        value: Some(f.value),
        high: None,
        unit: f.unit.clone(),
        qualifier: f.qualifier.clone(),
        kind: f.kind,
        counts: None,
        date: None,
        linked_to: None,
    }
}

/// Writes a quote with its attribution (as `render` does) and returns it.
fn render_quote(text: &mut String, q: &RQuote) -> Quote {
    let (start, end);
    if q.kind == QuoteKind::Indirect {
        text.push_str("According to ");
        text.push_str(&q.speaker);
        text.push_str(", ");
        start = text.len();
        text.push_str(&q.words);
        end = text.len();
        text.push('.');
    } else {
        text.push('“');
        start = text.len();
        push_capitalised(text, &q.words);
        end = text.len();
        text.push_str(",” said ");
        text.push_str(&q.speaker);
        if let Some(t) = &q.title {
            text.push_str(", ");
            text.push_str(t);
        }
        text.push('.');
    }
    Quote {
        text: text[start..end].to_owned(),
        start,
        end,
        kind: q.kind,
        speaker: Some(q.speaker.to_string()),
        speaker_as_written: Some(q.speaker.to_string()),
        speaker_title: q.title.as_deref().map(str::to_owned),
        speaker_kind: Some(q.speaker_kind),
        cue: Some("said".into()),
        via: None,
    }
}

/// A wire story whose reprints are not all out yet.
struct Wire {
    id: i64,
    story: Rc<Story>,
    /// Reprints to make in all, and made so far.
    reprints: usize,
    done: usize,
    /// Reprint `j` is by outlet `(base + j·step) mod OUTLETS`: all differ.
    base: usize,
    step: usize,
}

/// What makes new material: the random stream, the vocabulary, speakers,
/// famous quotes and the origin counter.
struct Maker {
    rng: Rng,
    vocab: Vocab,
    /// Names and titles, as `plant_quote` takes them and shared.
    speakers: Vec<(String, String)>,
    shared_speakers: Vec<(Rc<str>, Rc<str>)>,
    famous: Vec<Rc<RQuote>>,
    origin: u32,
}

impl Maker {
    fn sentence(&mut self) -> Rc<str> {
        let n = self.rng.range(10, 22);
        let mut s = String::with_capacity(n * 8);
        for k in 0..n {
            let w = self.vocab.word(&mut self.rng);
            if k == 0 {
                push_capitalised(&mut s, w);
            } else {
                s.push(' ');
                s.push_str(w);
            }
        }
        s.push('.');
        Rc::from(s)
    }

    /// A new quote, drawn as `new_quote` draws one.
    fn quote(&mut self) -> Rc<RQuote> {
        let origin = next_origin(&mut self.origin);
        let (speaker, title) = &self.shared_speakers[self.rng.below(self.shared_speakers.len())];
        let mut words = String::with_capacity(160);
        self.vocab.push_words(&mut self.rng, &mut words, 8, 30);
        Rc::new(RQuote {
            origin,
            words,
            kind: QuoteKind::Direct,
            speaker: speaker.clone(),
            speaker_kind: SpeakerKind::Person,
            title: Some(title.clone()),
        })
    }

    /// A new figure, drawn as `new_figure` draws one.
    fn figure(&mut self) -> Rc<RFigure> {
        let origin = next_origin(&mut self.origin);
        let mut left = String::with_capacity(80);
        self.vocab.push_words(&mut self.rng, &mut left, 5, 9);
        left.push(' ');
        left.push_str(self.vocab.rare(&mut self.rng));
        let mut right = String::with_capacity(80);
        self.vocab.push_words(&mut self.rng, &mut right, 5, 9);
        let (mut text, value, unit, kind, qualifier) = figure_value(&self.vocab, &mut self.rng);
        if kind == FigureKind::Count {
            let noun = COUNT_NOUNS[self.rng.below(COUNT_NOUNS.len())];
            text = format!("{} {noun}", number(value));
        }
        Rc::new(RFigure {
            origin,
            left,
            right,
            text,
            value,
            unit,
            qualifier: qualifier.map(str::to_owned),
            kind,
        })
    }

    /// A title like the speakers' ("mayor of the Kalo Vex").
    fn title(&mut self) -> String {
        let role = ROLES[self.rng.below(ROLES.len())];
        let a = capitalise(self.vocab.rare(&mut self.rng));
        let b = capitalise(self.vocab.rare(&mut self.rng));
        format!("{role} of the {a} {b}")
    }

    /// A copy of `q` changed one way, as `generate` plants one; another
    /// title is one the extractor reads as a title.
    fn planted_quote(&mut self, q: &RQuote) -> (Rc<RQuote>, QuoteVariant) {
        let mut spec = q.spec();
        let v = plant_quote(&mut spec, &self.vocab, &mut self.rng, &self.speakers);
        if v == QuoteVariant::OtherTitle {
            spec.title = Some(self.title());
        }
        (Rc::new(RQuote::from_spec(spec)), v)
    }

    /// A copy of `f` changed one way (or the same), as `generate` plants
    /// one, its text written as a reporter would ("nearly $300 million",
    /// not "nearly more than $200 million0").
    fn planted_figure(&mut self, f: &RFigure) -> (Rc<RFigure>, FigureVariant) {
        let mut spec = f.spec();
        let v = plant_figure(&mut spec, &self.vocab, &mut self.rng);
        match v {
            FigureVariant::Value => {
                let (old, new) = (shown(f.kind, f.value), shown(f.kind, spec.value));
                spec.text = f.text.replacen(&number(old), &number(new), 1);
            }
            FigureVariant::Qualifier | FigureVariant::Hedge => {
                let bare = f
                    .qualifier
                    .as_deref()
                    .and_then(|q| f.text.strip_prefix(q))
                    .map_or(f.text.as_str(), str::trim_start);
                let q = spec.qualifier.as_deref().unwrap_or_default();
                spec.text = format!("{q} {bare}");
            }
            _ => {}
        }
        (Rc::new(RFigure::from_spec(spec)), v)
    }

    /// A new story: 12–20 sentences, 4–8 quotes (one of them, rarely, a
    /// famous quote), 5–10 figures.
    fn story(&mut self, outlet: Rc<str>) -> Story {
        let sentences = (0..self.rng.range(12, 20))
            .map(|_| self.sentence())
            .collect();
        let mut quotes: Vec<_> = (0..self.rng.range(4, 8)).map(|_| self.quote()).collect();
        let figures = (0..self.rng.range(5, 10)).map(|_| self.figure()).collect();
        if self.rng.chance(0.002) {
            let k = self.rng.below(quotes.len());
            quotes[k] = self.famous[self.rng.below(self.famous.len())].clone();
        }
        Story::laid_out(sentences, quotes, figures, outlet)
    }
}

/// Generates `n` articles of redundant coverage, the same for the same
/// arguments; see [`generate_redundant_each`].
pub fn generate_redundant(n: usize, seed: u64) -> Synth {
    let mut articles = Vec::with_capacity(n);
    let mut out = generate_redundant_each(n, seed, |a, _| articles.push(a));
    out.articles = articles;
    out
}

/// Generates `n` articles of redundant coverage and hands each to `emit`
/// in order (article `k` has id `k`), with what it is; the returned
/// `Synth` has the ground truth but no articles. Time and memory are O(n)
/// for the ground truth; stories are kept only while they can still be
/// copied (the last 300 articles, and wire stories with reprints to come).
///
/// The corpus: wire stories, each reprinted k times (k lognormal, median
/// 30 before clamping to 10..=500) by as many different outlets, within
/// about 4k articles after it; reprints keep every sentence, quote and
/// figure verbatim with a few paragraphs moved, and 5% of them carry one
/// planted change of one quote or figure (`planted_quotes` /
/// `planted_figure_variants`, the wire story as source). About half the
/// articles are reprints, a third are independent stories (planted copies
/// from a recent article as in [`generate`]), a tenth rewrites
/// (`rewrites`), and 6% updates (`updates`). Every copied item keeps its
/// origin; the tail holds no unfinished wire story. Articles are a third
/// smaller than `generate`'s (12–20 sentences, 4–8 quotes, 5–10 figures,
/// about 3.3 KB), speakers' titles start with a real role ("director of
/// the …") and counts count real nouns ("67 workers"), so that the
/// extractor reads the texts as the ground truth says.
pub fn generate_redundant_each(
    n: usize,
    seed: u64,
    mut emit: impl FnMut(ArticleInput, Role),
) -> Synth {
    use std::cmp::Reverse;
    use std::collections::{BinaryHeap, VecDeque};

    let mut rng = Rng::new(seed);
    let vocab = Vocab::new(40_000);
    // Titles with real roles: "director of the …", not "vamonlar of the …".
    let speakers: Vec<(String, String)> = speaker_pool(&vocab, &mut rng, 3_000)
        .into_iter()
        .enumerate()
        .map(|(k, (name, title))| {
            let rest = title.split_once(' ').map_or("", |t| t.1);
            (name, format!("{} {rest}", ROLES[k % ROLES.len()]))
        })
        .collect();
    let mut origin = 0u32;
    let famous: Vec<Rc<RQuote>> = (0..8)
        .map(|_| {
            let q = new_quote(&vocab, &mut rng, &speakers, next_origin(&mut origin));
            Rc::new(RQuote::from_spec(q))
        })
        .collect();
    let shared_speakers = speakers
        .iter()
        .map(|(s, t)| (Rc::from(s.as_str()), Rc::from(t.as_str())))
        .collect();
    let mut m = Maker {
        rng,
        vocab,
        speakers,
        shared_speakers,
        famous,
        origin,
    };
    let outlets: Vec<Rc<str>> = (0..OUTLETS)
        .map(|k| Rc::from(format!("Outlet {k}")))
        .collect();
    let wire_outlets: Vec<Rc<str>> = (0..WIRE_OUTLETS)
        .map(|k| Rc::from(format!("Wire Service {k}")))
        .collect();
    let mut out = Synth {
        articles: Vec::new(),
        planted_quotes: Vec::new(),
        planted_figures: Vec::new(),
        planted_figure_variants: Vec::new(),
        rewrites: Vec::new(),
        quote_origins: Vec::with_capacity(n),
        figure_origins: Vec::with_capacity(n),
        reprints: Vec::new(),
        updates: Vec::new(),
    };
    // The last WINDOW stories, oldest first.
    let mut window: VecDeque<Rc<Story>> = VecDeque::with_capacity(WINDOW + 1);
    let mut wires: Vec<Option<Wire>> = Vec::new();
    let mut free: Vec<usize> = Vec::new();
    // Reprints to make: (due at article, wire slot).
    let mut due: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();

    for id in 0..n {
        let left = n - id;
        let reprint_now = due
            .peek()
            .is_some_and(|Reverse((at, _))| *at <= id || due.len() >= left);
        let (story, role) = if reprint_now {
            let Some(Reverse((_, slot))) = due.pop() else {
                unreachable!("peeked")
            };
            let wire = wires[slot].as_mut().expect("a wire with reprints due");
            let outlet = outlets[(wire.base + wire.done * wire.step) % OUTLETS].clone();
            wire.done += 1;
            let wire_id = wire.id;
            let src = wire.story.clone();
            if wire.done == wire.reprints {
                wires[slot] = None;
                free.push(slot);
            }
            // A few paragraphs after the first change places.
            let np = src.paragraphs.len();
            let mut order: Vec<usize> = (0..np).collect();
            if np > 2 {
                for _ in 0..m.rng.range(2, 4) {
                    let (a, b) = (1 + m.rng.below(np - 1), 1 + m.rng.below(np - 1));
                    order.swap(a, b);
                }
            }
            let (mut story, quote_from, figure_from) = src.reordered(&order, outlet);
            if m.rng.chance(REPRINT_CHANGED) {
                if m.rng.chance(0.5) {
                    let k = m.rng.below(story.quotes.len());
                    let (q, v) = m.planted_quote(&story.quotes[k]);
                    story.quotes[k] = q;
                    out.planted_quotes
                        .push(((wire_id, quote_from[k]), (id as i64, k), v));
                } else {
                    let k = m.rng.below(story.figures.len());
                    let (f, v) = m.planted_figure(&story.figures[k]);
                    story.figures[k] = f;
                    out.planted_figure_variants.push((
                        (wire_id, figure_from[k]),
                        (id as i64, k),
                        v,
                    ));
                }
            }
            out.reprints.push((wire_id, id as i64));
            (story, Role::Reprint { wire: wire_id })
        } else {
            let u = m.rng.unit();
            // A recent article, `back` articles before this one.
            let back = if id > 0 {
                m.rng.range(1, id.min(WINDOW))
            } else {
                0
            };
            let recent = |back: usize| window[window.len() - back].clone();
            if u < P_WIRE {
                let z = m.rng.normal();
                let k = ((REPRINTS_MU + REPRINTS_SIGMA * z).exp().round() as usize)
                    .clamp(REPRINTS_MIN, REPRINTS_MAX);
                let outlet = wire_outlets[m.rng.below(WIRE_OUTLETS)].clone();
                let story = m.story(outlet);
                if due.len() + k < left {
                    let slot = free.pop().unwrap_or_else(|| {
                        wires.push(None);
                        wires.len() - 1
                    });
                    for _ in 0..k {
                        due.push(Reverse((id + 1 + m.rng.below(k * REPRINT_SPREAD), slot)));
                    }
                    wires[slot] = Some(Wire {
                        id: id as i64,
                        story: Rc::new(story.clone()),
                        reprints: k,
                        done: 0,
                        base: m.rng.below(OUTLETS),
                        step: 1 + m.rng.below(OUTLETS - 1),
                    });
                    (story, Role::Wire)
                } else {
                    // Its reprints would not fit before the end.
                    (story, Role::Independent)
                }
            } else if back > 0 && u < P_WIRE + P_UPDATE {
                let src = recent(back);
                let mut story = (*src).clone();
                let k = m.rng.below(story.sentences.len());
                story.sentences[k] = m.sentence();
                let of = (id - back) as i64;
                out.updates.push((of, id as i64));
                (story, Role::Update { of })
            } else if back > 0 && u < P_WIRE + P_UPDATE + P_REWRITE {
                let src = recent(back);
                let source = (id - back) as i64;
                let outlet = outlets[m.rng.below(OUTLETS)].clone();
                let story = rewrite(&mut m, &src, outlet);
                out.rewrites.push((source, id as i64));
                (story, Role::Rewrite { source })
            } else {
                let outlet = outlets[m.rng.below(OUTLETS)].clone();
                let mut story = m.story(outlet);
                if back > 0 && m.rng.chance(0.3) {
                    let source = recent(back);
                    let src_id = (id - back) as i64;
                    plant_copies(&mut m, &source, src_id, &mut story, id as i64, &mut out);
                }
                (story, Role::Independent)
            }
        };
        out.quote_origins
            .push(story.quotes.iter().map(|q| q.origin).collect());
        out.figure_origins
            .push(story.figures.iter().map(|f| f.origin).collect());
        emit(story.render(id as i64), role);
        window.push_back(Rc::new(story));
        if window.len() > WINDOW {
            window.pop_front();
        }
    }
    debug_assert!(due.is_empty());
    out.planted_quotes = last_per_slot(std::mem::take(&mut out.planted_quotes), |p| p.1);
    out.planted_figure_variants =
        last_per_slot(std::mem::take(&mut out.planted_figure_variants), |p| p.1);
    out.planted_figures = out
        .planted_figure_variants
        .iter()
        .map(|p| (p.0, p.1))
        .collect();
    out
}

/// A rewrite of `src`: 50–90% of its sentences in their order with 2–5 new
/// ones among them, each of its quotes and figures with probability 0.5
/// (at least one of each), new ones to make 4–8 quotes and 5–10 figures.
fn rewrite(m: &mut Maker, src: &Story, outlet: Rc<str>) -> Story {
    let share = 0.5 + 0.4 * m.rng.unit();
    let ns = src.sentences.len();
    let mut keep = ((share * ns as f64).round() as usize).clamp(1, ns);
    // Selection sampling: `keep` of the `ns` sentences, in order.
    let mut sentences = Vec::with_capacity(keep + 5);
    for (k, s) in src.sentences.iter().enumerate() {
        if m.rng.below(ns - k) < keep {
            sentences.push(s.clone());
            keep -= 1;
        }
    }
    for _ in 0..m.rng.range(2, 5) {
        let at = m.rng.below(sentences.len() + 1);
        let s = m.sentence();
        sentences.insert(at, s);
    }
    let pick = |items_len: usize, rng: &mut Rng| -> Vec<usize> {
        let mut taken: Vec<usize> = (0..items_len).filter(|_| rng.chance(0.5)).collect();
        if taken.is_empty() {
            taken.push(rng.below(items_len));
        }
        taken
    };
    let mut quotes: Vec<Rc<RQuote>> = pick(src.quotes.len(), &mut m.rng)
        .into_iter()
        .map(|k| src.quotes[k].clone())
        .collect();
    let want = m.rng.range(4, 8).max(quotes.len());
    while quotes.len() < want {
        let q = m.quote();
        quotes.push(q);
    }
    let mut figures: Vec<Rc<RFigure>> = pick(src.figures.len(), &mut m.rng)
        .into_iter()
        .map(|k| src.figures[k].clone())
        .collect();
    let want = m.rng.range(5, 10).max(figures.len());
    while figures.len() < want {
        let f = m.figure();
        figures.push(f);
    }
    shuffle(&mut quotes, &mut m.rng);
    shuffle(&mut figures, &mut m.rng);
    Story::laid_out(sentences, quotes, figures, outlet)
}

fn shuffle<T>(v: &mut [T], rng: &mut Rng) {
    for k in (1..v.len()).rev() {
        v.swap(k, rng.below(k + 1));
    }
}

/// Copies three quotes and two different figures of `source` into random
/// slots of `story`, each changed one way, as `generate` does.
fn plant_copies(
    m: &mut Maker,
    source: &Story,
    src: i64,
    story: &mut Story,
    id: i64,
    out: &mut Synth,
) {
    for _ in 0..3 {
        let (sq, dq) = (
            m.rng.below(source.quotes.len()),
            m.rng.below(story.quotes.len()),
        );
        let (q, variant) = m.planted_quote(&source.quotes[sq]);
        story.quotes[dq] = q;
        out.planted_quotes.push(((src, sq), (id, dq), variant));
    }
    let nf = source.figures.len();
    let first = m.rng.below(nf);
    let second = (first + 1 + m.rng.below(nf - 1)) % nf;
    for sf in [first, second] {
        let df = m.rng.below(story.figures.len());
        let (f, variant) = m.planted_figure(&source.figures[sf]);
        story.figures[df] = f;
        out.planted_figure_variants
            .push(((src, sf), (id, df), variant));
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn sorted<T: Ord + Clone>(v: &[T]) -> Vec<T> {
        let mut v = v.to_vec();
        v.sort();
        v
    }

    #[test]
    fn reprint_counts_lie_within_bounds() {
        let n = 30_000;
        let mut roles = Vec::new();
        let s = generate_redundant_each(n, 3, |a, role| {
            assert_eq!(a.id as usize, roles.len());
            roles.push(role);
        });
        let mut per_wire: HashMap<i64, usize> = HashMap::new();
        for &(wire, reprint) in &s.reprints {
            assert!(wire < reprint);
            assert_eq!(roles[wire as usize], Role::Wire);
            assert_eq!(roles[reprint as usize], Role::Reprint { wire });
            *per_wire.entry(wire).or_default() += 1;
        }
        let wires = roles.iter().filter(|r| **r == Role::Wire).count();
        assert!(wires >= 100, "{wires} wire stories");
        assert_eq!(per_wire.len(), wires, "a wire story without reprints");
        for (wire, k) in &per_wire {
            assert!(
                (REPRINTS_MIN..=REPRINTS_MAX).contains(k),
                "wire {wire}: {k} reprints"
            );
        }
        assert!(per_wire.values().any(|&k| k > 100));
        assert_eq!(per_wire.values().min(), Some(&REPRINTS_MIN));
        let share =
            |f: &dyn Fn(&Role) -> bool| roles.iter().filter(|r| f(r)).count() as f64 / n as f64;
        let reprints = share(&|r| matches!(r, Role::Reprint { .. }));
        let independent = share(&|r| *r == Role::Independent);
        let rewrites = share(&|r| matches!(r, Role::Rewrite { .. }));
        let updates = share(&|r| matches!(r, Role::Update { .. }));
        assert!((0.4..0.6).contains(&reprints), "reprints {reprints}");
        assert!(
            (0.25..0.42).contains(&independent),
            "independent {independent}"
        );
        assert!((0.05..0.15).contains(&rewrites), "rewrites {rewrites}");
        assert!((0.03..0.1).contains(&updates), "updates {updates}");
        assert_eq!(s.rewrites.len(), (rewrites * n as f64).round() as usize);
        assert_eq!(s.updates.len(), (updates * n as f64).round() as usize);
    }

    #[test]
    fn copies_keep_their_origins() {
        let s = generate_redundant(8_000, 5);
        assert!(s.reprints.len() > 2_000, "{}", s.reprints.len());
        let changed: HashSet<i64> = s
            .planted_quotes
            .iter()
            .map(|p| p.1 .0)
            .chain(s.planted_figure_variants.iter().map(|p| p.1 .0))
            .collect();
        let quotes = |a: &ArticleInput| {
            let v: Vec<_> = a
                .quotes
                .iter()
                .map(|q| (q.text.clone(), q.speaker.clone(), q.speaker_title.clone()))
                .collect();
            sorted(&v)
        };
        let figures = |a: &ArticleInput| {
            let v: Vec<_> = a.figures.iter().map(|f| f.text.clone()).collect();
            sorted(&v)
        };
        let mut outlets: HashMap<i64, HashSet<String>> = HashMap::new();
        for &(w, r) in &s.reprints {
            let (w, r) = (w as usize, r as usize);
            let (wire, reprint) = (&s.articles[w], &s.articles[r]);
            assert_eq!(sorted(&s.quote_origins[w]), sorted(&s.quote_origins[r]));
            assert_eq!(sorted(&s.figure_origins[w]), sorted(&s.figure_origins[r]));
            let (a, b) = (quotes(wire), quotes(reprint));
            let differ = a.iter().filter(|q| !b.contains(q)).count();
            assert!(
                differ == 0 || (differ == 1 && changed.contains(&(r as i64))),
                "reprint {r} of {w}: {differ} quotes differ"
            );
            if !changed.contains(&(r as i64)) {
                assert_eq!(a, b);
                assert_eq!(figures(wire), figures(reprint));
            }
            let set = outlets.entry(w as i64).or_default();
            assert_ne!(wire.outlet, reprint.outlet);
            assert!(set.insert(reprint.outlet.clone().unwrap()), "outlet twice");
        }
        for &(a, u) in &s.updates {
            let (a, u) = (a as usize, u as usize);
            assert!(a < u);
            assert_eq!(s.quote_origins[a], s.quote_origins[u]);
            assert_eq!(s.figure_origins[a], s.figure_origins[u]);
            assert_eq!(s.articles[a].outlet, s.articles[u].outlet);
        }
        for &(src, rw) in &s.rewrites {
            let (src, rw) = (src as usize, rw as usize);
            assert!(src < rw);
            let shared = |o: &[Vec<u32>]| o[rw].iter().filter(|x| o[src].contains(x)).count();
            assert!(shared(&s.quote_origins) >= 1 && shared(&s.figure_origins) >= 1);
        }
    }

    #[test]
    fn planted_pairs_point_at_items_that_exist() {
        let s = generate_redundant(8_000, 7);
        let wire_of: HashMap<i64, i64> = s.reprints.iter().map(|&(w, r)| (r, w)).collect();
        let mut from_reprints = (0, 0);
        let mut slots = HashSet::new();
        for &((sa, si), (da, di), _) in &s.planted_quotes {
            assert!(sa < da);
            assert!(
                slots.insert((ItemKind::Quote, da, di)),
                "one slot planted twice"
            );
            let (src, dst) = (&s.articles[sa as usize], &s.articles[da as usize]);
            assert!(si < src.quotes.len() && di < dst.quotes.len());
            for (a, q) in [(src, &src.quotes[si]), (dst, &dst.quotes[di])] {
                assert_eq!(a.text[q.start..q.end], q.text);
            }
            assert!(s.same_origin(ItemKind::Quote, (sa, si), (da, di)));
            from_reprints.0 += usize::from(wire_of.get(&da) == Some(&sa));
        }
        for &((sa, si), (da, di), _) in &s.planted_figure_variants {
            assert!(sa < da);
            assert!(
                slots.insert((ItemKind::Figure, da, di)),
                "one slot planted twice"
            );
            let (src, dst) = (&s.articles[sa as usize], &s.articles[da as usize]);
            assert!(si < src.figures.len() && di < dst.figures.len());
            for (a, f) in [(src, &src.figures[si]), (dst, &dst.figures[di])] {
                assert_eq!(a.text[f.start..f.end], f.text);
            }
            assert!(s.same_origin(ItemKind::Figure, (sa, si), (da, di)));
            from_reprints.1 += usize::from(wire_of.get(&da) == Some(&sa));
        }
        assert_eq!(s.planted_figures.len(), s.planted_figure_variants.len());
        // About 5% of reprints carry one change, as many quotes as figures.
        let changed = from_reprints.0 + from_reprints.1;
        let expected = s.reprints.len() as f64 * REPRINT_CHANGED;
        assert!(
            (changed as f64 - expected).abs() < expected * 0.35,
            "{changed} changed reprints, expected about {expected}"
        );
        assert!(
            from_reprints.0 > 0 && from_reprints.1 > 0,
            "{from_reprints:?}"
        );
        // Independent stories' plants as in `generate`.
        assert!(s.planted_quotes.len() > 3 * from_reprints.0);
    }

    /// The texts say what the ground truth says they do: claimtrack's own
    /// extractor finds the quotes (with speaker and title) and the figures
    /// (with value and qualifier) where they were written, so a benchmark
    /// can feed the texts alone to the binary.
    #[test]
    fn extraction_finds_what_was_written() {
        let s = generate_redundant(400, 9);
        let (mut quotes, mut quotes_found, mut figures, mut figures_found) = (0, 0, 0, 0);
        for a in &s.articles {
            let x = crate::extract::extract(&a.text);
            quotes += a.quotes.len();
            quotes_found += a
                .quotes
                .iter()
                .filter(|q| {
                    x.quotes.iter().any(|e| {
                        (e.start, e.end) == (q.start, q.end)
                            && e.speaker == q.speaker
                            && e.speaker_title == q.speaker_title
                    })
                })
                .count();
            figures += a.figures.len();
            figures_found += a
                .figures
                .iter()
                .filter(|f| {
                    x.figures.iter().any(|e| {
                        (e.start, e.end) == (f.start, f.end)
                            && e.value == f.value
                            && e.qualifier == f.qualifier
                    })
                })
                .count();
        }
        assert!(
            quotes_found * 100 >= quotes * 99,
            "{quotes_found}/{quotes} quotes"
        );
        assert!(
            figures_found * 100 >= figures * 99,
            "{figures_found}/{figures} figures"
        );
    }

    #[test]
    fn same_seed_same_corpus() {
        let (a, b, c) = (
            generate_redundant(3_000, 11),
            generate_redundant(3_000, 11),
            generate_redundant(3_000, 12),
        );
        assert!(a.articles == b.articles);
        assert_eq!(a.planted_quotes, b.planted_quotes);
        assert_eq!(a.planted_figure_variants, b.planted_figure_variants);
        assert_eq!(
            (&a.rewrites, &a.reprints, &a.updates),
            (&b.rewrites, &b.reprints, &b.updates)
        );
        assert_eq!(a.quote_origins, b.quote_origins);
        assert_eq!(a.figure_origins, b.figure_origins);
        assert!(a.articles != c.articles);
        for (k, x) in a.articles.iter().enumerate() {
            assert_eq!(x.id, k as i64);
            assert_eq!(x.quotes.len(), a.quote_origins[k].len());
            assert_eq!(x.figures.len(), a.figure_origins[k].len());
        }
        for n in 0..30 {
            let s = generate_redundant(n, 1);
            assert_eq!(s.articles.len(), n);
            assert_eq!(s.quote_origins.len(), n);
        }
    }
}
