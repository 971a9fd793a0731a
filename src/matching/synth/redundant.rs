//! Redundant coverage: wire stories reprinted 10 to 500 times, rewrites,
//! updates and independent stories, as `generate_redundant` makes them.

use std::rc::Rc;

use crate::extract::model::{Figure, FigureKind, Quote, QuoteKind, SpeakerKind, Unit};

use super::*;

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
pub(super) const REPRINTS_MIN: usize = 10;
pub(super) const REPRINTS_MAX: usize = 500;
/// ln 30: the median before clamping is 30 reprints.
const REPRINTS_MU: f64 = 3.4;
const REPRINTS_SIGMA: f64 = 1.0;
/// A wire story's k reprints fall due at random within the k × SPREAD
/// articles after it (later when too many are due at once).
const REPRINT_SPREAD: usize = 4;
/// Share of reprints with one planted change.
pub(super) const REPRINT_CHANGED: f64 = 0.05;
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
