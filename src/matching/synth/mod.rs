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

    /// The reasons a correct matcher gives for the planted copy `dst` of
    /// `src` in `articles`: [`QuoteVariant::reasons`], except that another
    /// title restates when the copy also gives the speaker the source's
    /// title elsewhere (the article then says both; no conflict).
    pub fn reasons_in(
        self,
        articles: &[ArticleInput],
        src: ItemAt,
        dst: ItemAt,
    ) -> &'static [Reason] {
        if self != QuoteVariant::OtherTitle {
            return self.reasons();
        }
        let quote = |(article, index): ItemAt| {
            articles
                .iter()
                .find(|a| a.id == article)
                .and_then(|a| a.quotes.get(index).map(|q| (a, q)))
        };
        let (Some((_, sq)), Some((da, dq))) = (quote(src), quote(dst)) else {
            return self.reasons();
        };
        let both = da
            .quotes
            .iter()
            .any(|q| q.speaker == dq.speaker && q.speaker_title == sq.speaker_title);
        if both {
            &[]
        } else {
            self.reasons()
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

mod redundant;
pub use redundant::*;

#[cfg(test)]
mod tests;
