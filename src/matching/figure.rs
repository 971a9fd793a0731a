//! Figures in matching: what a figure counts and the event around it
//! (its features, built from the article's tokens), its form, and whether
//! two figures from different articles are about the same thing and agree.

use crate::extract::model::{DurationUnit, Figure, FigureKind, Unit};

use super::article::subject_stem;
use super::article::{ArticleText, ArticleToken, BREAK, CONCEPT, IN_FIGURE, NUMERIC, STOP};
use super::block::{self, family, key2};
use super::normalize::{hash_str, is_stop_word, mix64, tokens};
use super::score::{count_sorted_common, Verdict};
use super::{Basis, Options, Reason};

/// What a figure measures, for comparison: only figures of one class pair.
pub(crate) fn figure_class(kind: FigureKind) -> u8 {
    match kind {
        FigureKind::Money => 0,
        FigureKind::Count => 1,
        FigureKind::Percent => 2,
        FigureKind::Duration => 3,
        FigureKind::Year => 4,
        FigureKind::Date => 5,
        FigureKind::Other => 6,
    }
}

/// Words around a figure in the article: what it counts or measures.
#[derive(Debug, Clone)]
pub(crate) struct FigureFeatures {
    pub class: u8,
    /// (stem id, weight), sorted by stem id. Before `weigh`, weights are
    /// proximity only; after, proximity × rarity.
    pub subject: Vec<(u32, f32)>,
    /// Euclidean norm of the weights.
    pub norm: f32,
    /// Whole words (not stems) within seven words of the figure: the
    /// blocking keys, rarer than stems.
    /// (word id, stem id) of each.
    pub near: Vec<(u32, u32)>,
    /// The value rounded to two significant digits (or the date), hashed.
    pub value_bucket: u64,
    /// The event around the figure: the anchors (see [`anchor`]) of the
    /// other figures in its sentence and the sentences either side,
    /// sorted. Two figures whose contexts share an anchor are told about
    /// the same event ("sentenced to 11 years" beside "$9.4 million").
    pub context: Vec<u64>,
    /// The words right around the figure in its sentence: two before, two
    /// after ("sentenced to _ in prison"), as word ids (concept ids for
    /// words of a concept group; 0 for none, a number or another figure)
    /// and whether each is a content word.
    pub frame: [(u32, bool); 4],
}

impl FigureFeatures {
    /// Blocking keys: the figure's class with each whole word near it (the
    /// far words only refine the similarity), and the same with the value
    /// too, which stays rare even for common words, so that restatements
    /// of the same number are found in any corpus.
    pub fn keys(&self) -> Vec<u32> {
        let mut keys: Vec<u32> = self
            .near
            .iter()
            .flat_map(|&(w, stem)| {
                [
                    key2(family::FIGURE, u64::from(self.class), u64::from(w)),
                    // With the value the key is rare enough to use the stem,
                    // which meets inflections ("stole" / "stolen").
                    key2(
                        family::FIGURE_VALUE,
                        self.value_bucket ^ u64::from(self.class),
                        u64::from(stem),
                    ),
                ]
            })
            .chain(
                self.context
                    .iter()
                    .map(|&a| key2(family::FIGURE_CONTEXT, u64::from(self.class), a)),
            )
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Weighs the subject words and returns the figure's pair keys (see
    /// [`FigureFeatures::pair_keys`]).
    ///
    /// Weights are proximity × a fixed rarity (near words count more than
    /// far ones), never the corpus frequency: a weight read from the corpus
    /// would depend on what was matched before, and the same articles would
    /// form other claims in another order. (On the synthetic benchmark the
    /// fixed weights also pair fewer unrelated figures.) The pair keys,
    /// which only find candidates, do read the frequencies in the index.
    pub fn weigh(&mut self, index: &block::KeyIndex, rare: usize) -> Vec<u32> {
        let class = u64::from(self.class);
        // (df, word, stem) of each near word.
        let mut near: Vec<(usize, u32, u32)> = self
            .near
            .iter()
            .map(|&(word, stem)| {
                let df = index.df(key2(family::FIGURE, class, u64::from(word)));
                (df, word, stem)
            })
            .collect();
        let mut norm = 0.0f32;
        for (_, w) in &mut self.subject {
            *w *= if *w >= NEAR { NEAR_RARITY } else { FAR_RARITY };
            norm += *w * *w;
        }
        self.norm = norm.sqrt();
        near.sort_unstable();
        self.pair_keys(&near, rare)
    }

    /// Pair keys: the figure's class with two of its near words, for every
    /// two of its `PAIR_WORDS` rarest near words that are too common to
    /// make a candidate alone (carried by more than `rare` figures; rarer
    /// ones do on their own). Figures about one thing share several words
    /// around them; two shared words that are each common are, together,
    /// rare, so a pair key finds them however large the corpus, where
    /// single words fall over the blocking budget. `near` is (df, word,
    /// stem), sorted.
    fn pair_keys(&self, near: &[(usize, u32, u32)], rare: usize) -> Vec<u32> {
        let class = u64::from(self.class);
        let words: Vec<u32> = near
            .iter()
            .filter(|w| w.0 > rare)
            .take(PAIR_WORDS)
            .map(|w| w.1)
            .collect();
        let mut keys = Vec::with_capacity(words.len() * words.len().saturating_sub(1) / 2);
        for (i, &a) in words.iter().enumerate() {
            for &b in &words[i + 1..] {
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                let both = (u64::from(lo) << 32) | u64::from(hi);
                keys.push(key2(family::FIGURE_PAIR, class, both));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// Near words of a figure whose pairs are indexed: the rarest this many
/// (of those too common to count alone), so a figure has at most
/// `PAIR_WORDS * (PAIR_WORDS - 1) / 2` pair keys.
pub(crate) const PAIR_WORDS: usize = 4;

/// Proximity weight from which a subject word is near enough to index
/// (seven words or closer).
const NEAR: f32 = 0.4;

/// The value of a figure rounded to two significant digits ("3 billion" and
/// "3.04 billion" meet), or its date or exact year, hashed.
pub(crate) fn value_bucket(f: &Figure) -> u64 {
    if let Some(d) = &f.date {
        return hash_str(d);
    }
    if f.kind == FigureKind::Year {
        // Years compare exactly: "2016" and "2020" are not one bucket.
        return super::normalize::mix64(f.value.unwrap_or(0.0).to_bits());
    }
    match f.value {
        Some(v) if v != 0.0 && v.is_finite() => {
            let scale = 10f64.powf(v.abs().log10().floor() - 1.0);
            let rounded = (v / scale).round() * scale;
            super::normalize::mix64(rounded.to_bits())
        }
        Some(_) => 0,
        None => hash_str(&f.text),
    }
}

/// A figure that can tell which event a sentence reports: an amount with
/// at least two significant digits
/// ("$9.4 million", "122 countries"), not a year, a date or a round
/// small number that recurs everywhere. Its anchor is its class and
/// value bucket.
pub(crate) fn anchor(f: &Figure, ff: &FigureFeatures) -> Option<u64> {
    let v = f.value?.abs();
    let specific = match f.kind {
        FigureKind::Year | FigureKind::Date => false,
        FigureKind::Money => significant_digits(v) >= 2,
        _ => v > 12.0 && significant_digits(v) >= 2,
    };
    specific.then(|| super::normalize::mix64(ff.value_bucket ^ u64::from(ff.class)))
}

/// Significant digits of a positive value ("9.4 million" 2, "50" 1).
pub(crate) fn significant_digits(v: f64) -> u32 {
    if !(v.is_finite() && v > 0.0) {
        return 0;
    }
    let mut m = v / 10f64.powf(v.log10().floor());
    let mut n = 1;
    while n < 6 && (m - m.round()).abs() > 1e-6 {
        m *= 10.0;
        n += 1;
    }
    n
}

/// Fills each figure's [`FigureFeatures::context`] from the anchors of the
/// other figures within one sentence of it.
pub(crate) fn add_contexts(
    figs: &[Figure],
    sentences: &[(u32, u32)],
    features: &mut [FigureFeatures],
) {
    let sentence_of = |at: usize| sentences.partition_point(|s| (s.1 as usize) <= at);
    let at: Vec<(usize, Option<u64>)> = figs
        .iter()
        .zip(features.iter())
        .map(|(f, ff)| (sentence_of(f.start), anchor(f, ff)))
        .collect();
    for (i, ff) in features.iter_mut().enumerate() {
        let mut ctx: Vec<u64> = at
            .iter()
            .enumerate()
            .filter(|&(j, &(s, a))| j != i && a.is_some() && s.abs_diff(at[i].0) <= 1)
            .filter_map(|(_, &(_, a))| a)
            .filter(|&a| Some(a) != at[i].1)
            .collect();
        ctx.sort_unstable();
        ctx.dedup();
        ff.context = ctx;
    }
}

/// Fixed rarity of near and far subject words.
const NEAR_RARITY: f32 = 3.0;
const FAR_RARITY: f32 = 2.0;

/// Words on each side of a figure that describe it.
const SUBJECT_WINDOW: usize = 12;

/// A figure's form: a hash of the figure as extracted (text, value, unit,
/// qualifier, what it counts, date) and of its subject words and their
/// distances, so two figures of one form score alike against any third.
pub(crate) fn figure_form(f: &Figure, ff: &FigureFeatures) -> u64 {
    let mut h = hash_str("figure");
    let mut add = |x: u64| h = mix64(h ^ x);
    add(hash_str(&f.text));
    add(hash_str(&format!("{:?}", f.kind)));
    add(f.value.map_or(0, f64::to_bits));
    add(f.high.map_or(1, f64::to_bits));
    add(f.unit.as_ref().map_or(0, |u| hash_str(u.as_ref())));
    for o in [&f.qualifier, &f.counts, &f.date] {
        add(o.as_deref().map_or(2, hash_str));
    }
    add(u64::from(ff.class));
    for &(w, c) in &ff.frame {
        add(u64::from(w) << 1 | u64::from(c));
    }
    for &a in &ff.context {
        add(a);
    }
    add(ff.context.len() as u64);
    for &(stem, w) in &ff.subject {
        add(u64::from(stem) << 32 | u64::from(w.to_bits()));
    }
    add(ff.subject.len() as u64);
    h
}

pub(crate) fn figure_features(f: &Figure, text: &ArticleText) -> FigureFeatures {
    let class = figure_class(f.kind);
    let mut subject: Vec<(u32, f32)> = Vec::new();
    let mut add = |stem: u32, w: f32| match subject.iter_mut().find(|p| p.0 == stem) {
        Some(p) => p.1 = p.1.max(w),
        None => subject.push((stem, w)),
    };
    let toks = &text.tokens;
    let first = toks.partition_point(|t| (t.end as usize) <= f.start);
    let last = toks.partition_point(|t| (t.start as usize) < f.end); // one past
    let useful = |t: &ArticleToken| t.flags & (STOP | NUMERIC | IN_FIGURE) == 0;
    let mut near: Vec<(u32, u32)> = Vec::new();
    // Left of the figure, stopping at a line break.
    let mut d = 0;
    let mut i = first;
    while i > 0 && d < SUBJECT_WINDOW {
        if i < toks.len() && toks[i].flags & BREAK != 0 {
            break;
        }
        i -= 1;
        d += 1;
        if useful(&toks[i]) {
            add(toks[i].stem, proximity(d));
            if proximity(d) >= NEAR {
                near.push(near_word(&toks[i]));
            }
        }
    }
    // Right of it.
    let mut d = 0;
    let mut i = last;
    while i < toks.len() && d < SUBJECT_WINDOW {
        if toks[i].flags & BREAK != 0 {
            break;
        }
        d += 1;
        if useful(&toks[i]) {
            add(toks[i].stem, proximity(d));
            if proximity(d) >= NEAR {
                near.push(near_word(&toks[i]));
            }
        }
        i += 1;
    }
    // What a count counts is the most telling word of all.
    if let Some(c) = &f.counts {
        for t in tokens(c) {
            if !is_stop_word(&t.norm) {
                add(subject_stem(&t.norm).0, 1.5);
            }
        }
    }
    subject.sort_unstable_by_key(|p| p.0);
    let norm = subject.iter().map(|p| p.1 * p.1).sum::<f32>().sqrt();
    near.sort_unstable();
    near.dedup();
    FigureFeatures {
        class,
        subject,
        norm,
        near,
        value_bucket: value_bucket(f),
        context: Vec::new(),
        frame: frame(toks, first, last),
    }
}

/// The frame of a figure whose tokens are `first..last`: see
/// [`FigureFeatures::frame`]. A line break or a sentence end bounds it.
pub(crate) fn frame(toks: &[ArticleToken], first: usize, last: usize) -> [(u32, bool); 4] {
    let mut out = [(0, false); 4];
    let word = |t: &ArticleToken| {
        if t.flags & (NUMERIC | IN_FIGURE) != 0 {
            (0, false)
        } else if t.flags & CONCEPT != 0 {
            (t.stem, true)
        } else {
            (t.word, t.flags & STOP == 0)
        }
    };
    // Left: first-1, then first-2, within the sentence and paragraph.
    if first > 0 && first <= toks.len() {
        let s = toks
            .get(first)
            .map(|t| t.flags & BREAK == 0)
            .unwrap_or(true);
        if s {
            out[1] = word(&toks[first - 1]);
            if first > 1 && toks[first - 1].flags & BREAK == 0 {
                out[0] = word(&toks[first - 2]);
            }
        }
    }
    if last < toks.len() && toks[last].flags & BREAK == 0 {
        out[2] = word(&toks[last]);
        if last + 1 < toks.len() && toks[last + 1].flags & BREAK == 0 {
            out[3] = word(&toks[last + 1]);
        }
    }
    out
}

/// A near word as (word id, stem id); a word of a concept group is the
/// group for both, so that synonyms share blocking keys.
pub(crate) fn near_word(t: &ArticleToken) -> (u32, u32) {
    if t.flags & CONCEPT != 0 {
        (t.stem, t.stem)
    } else {
        (t.word, t.stem)
    }
}

/// Weight of a word `d` tokens away from the figure.
pub(crate) fn proximity(d: usize) -> f32 {
    1.0 / (1.0 + (d as f32 - 1.0) / 4.0)
}

/// Whether two figure frames (see `FigureFeatures::frame`) agree in three
/// of four places, one of them a content word.
pub(crate) fn same_frame(a: &[(u32, bool); 4], b: &[(u32, bool); 4]) -> bool {
    let same: Vec<bool> = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x.0 != 0 && x.0 == y.0)
        .map(|(x, _)| x.1)
        .collect();
    same.len() >= 3 && same.contains(&true)
}

/// Which way a qualifier bends a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// The true value is above: "more than", "over", "at least".
    Lower,
    /// The true value is below: "nearly", "almost", "up to", "fewer than".
    Upper,
    /// Round: "about", "some", "around".
    Approximate,
}

fn bound(qualifier: Option<&str>) -> Option<Bound> {
    Some(match qualifier?.trim() {
        "more than" | "over" | "at least" | "just over" | "upwards of" | "in excess of" => {
            Bound::Lower
        }
        "nearly" | "almost" | "up to" | "fewer than" | "less than" | "under" | "at most"
        | "as many as" | "as much as" | "just under" | "close to" => Bound::Upper,
        _ => Bound::Approximate,
    })
}

/// Hours in one duration unit, so "12 months" meets "1 year".
fn hours(unit: Option<&Unit>) -> Option<f64> {
    let Unit::Duration(d) = unit? else {
        return None;
    };
    Some(match d {
        DurationUnit::Minute => 1.0 / 60.0,
        DurationUnit::Hour => 1.0,
        DurationUnit::Day => 24.0,
        DurationUnit::Week => 168.0,
        DurationUnit::Month => 730.0,
        DurationUnit::Year => 8766.0,
        DurationUnit::Decade => 87_660.0,
        DurationUnit::Second | DurationUnit::Century => return None,
    })
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    let m = a.abs().max(b.abs());
    m == 0.0 || (a - b).abs() / m <= tolerance
}

/// Whether two figure values agree, given their ranges and qualifiers.
pub(crate) fn values_agree(a: &Figure, b: &Figure, scale_a: f64, scale_b: f64) -> Option<bool> {
    if a.kind == FigureKind::Date || (a.value.is_none() && b.value.is_none()) {
        let (da, db) = (a.date.as_deref()?, b.date.as_deref()?);
        // Month precision against day precision: "2016-10" holds "2016-10-31".
        return Some(da.starts_with(db) || db.starts_with(da));
    }
    let (va, vb) = (a.value? * scale_a, b.value? * scale_b);
    let exact_kind = matches!(a.kind, FigureKind::Year | FigureKind::Count)
        && a.qualifier.is_none()
        && b.qualifier.is_none();
    let tol = if exact_kind {
        0.0
    } else if a.qualifier.is_some() || b.qualifier.is_some() {
        0.05
    } else {
        0.01
    };
    let (ha, hb) = (a.high.map(|h| h * scale_a), b.high.map(|h| h * scale_b));
    Some(match (ha, hb) {
        (None, None) => close(va, vb, tol),
        (Some(ha), Some(hb)) => close(va, vb, tol) && close(ha, hb, tol),
        // A point inside the other's range agrees with it.
        (Some(h), None) => vb >= va * (1.0 - tol) && vb <= h * (1.0 + tol),
        (None, Some(h)) => va >= vb * (1.0 - tol) && va <= h * (1.0 + tol),
    })
}

/// Subject similarity of two figures: weighted cosine of their subject
/// words, and how many words they share.
pub(crate) fn subject_similarity(a: &FigureFeatures, b: &FigureFeatures) -> (f64, usize) {
    let (mut i, mut j, mut dot, mut shared) = (0, 0, 0.0f32, 0usize);
    while i < a.subject.len() && j < b.subject.len() {
        match a.subject[i].0.cmp(&b.subject[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a.subject[i].1 * b.subject[j].1;
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let denom = a.norm * b.norm;
    let sim = if denom > 0.0 {
        f64::from(dot / denom)
    } else {
        0.0
    };
    (sim.clamp(0.0, 1.0), shared)
}

/// Compares two figures from different articles. `None` when they do not
/// measure the same thing.
pub(crate) fn compare_figures(
    a: &Figure,
    fa: &FigureFeatures,
    b: &Figure,
    fb: &FigureFeatures,
    opts: &Options,
) -> Option<Verdict> {
    if fa.class != fb.class {
        return None;
    }
    let (sim, shared) = subject_similarity(fa, fb);
    // Figures about one thing share a word right next to them (within
    // seven words), not only words further off.
    let near_shared = fa
        .near
        .iter()
        .filter(|(_, s)| fb.near.iter().any(|(_, t)| t == s))
        .count();
    if shared == 0 || near_shared == 0 {
        return None;
    }
    let mut reasons = Vec::new();
    let (mut scale_a, mut scale_b) = (1.0, 1.0);
    let mut unit_differs = false;
    match a.kind {
        FigureKind::Duration => {
            // Same length in other units is the same claim.
            if a.unit != b.unit {
                scale_a = hours(a.unit.as_ref())?;
                scale_b = hours(b.unit.as_ref())?;
            }
        }
        _ => unit_differs = a.unit != b.unit,
    }
    let agree = values_agree(a, b, scale_a, scale_b)?;
    // Told beside the same other figure: the same event ("sentenced to 11
    // years" and "got 14 years" each beside "$9.4 million").
    let same_event = count_sorted_common(&fa.context, &fb.context) > 0;
    // Told in the same words right around it ("sentenced to _ in prison"):
    // three of the four frame words, one of them a content word.
    let framed = same_frame(&fa.frame, &fb.frame);
    // The same specific amount ("$9.4 million", "122 countries") is
    // itself rare evidence.
    let specific = agree && a.value == b.value && near_shared >= 2 && anchor(a, fa).is_some();
    // Years, dates and small counts recur everywhere ("2016", "two
    // countries"): they need more shared context to be the same claim.
    let small =
        a.value.is_some_and(|v| v.abs() <= 12.0) || b.value.is_some_and(|v| v.abs() <= 12.0);
    let strict = matches!(a.kind, FigureKind::Year | FigureKind::Date)
        || (small
            && matches!(
                a.kind,
                FigureKind::Count | FigureKind::Duration | FigureKind::Other
            ));
    let base = opts.figure_subject;
    let (need_sim, need_shared) = match (agree, strict) {
        _ if same_event => (base - 0.15, 2),
        _ if framed => (base - 0.2, 1),
        (true, false) if specific => (base - 0.2, 2),
        (true, false) => (base, 2),
        (true, true) => (base + 0.15, 3),
        (false, false) => (base + 0.2, 3),
        (false, true) => (base + 0.35, 4),
    };
    if sim < need_sim || shared < need_shared {
        return None;
    }
    match (agree, unit_differs) {
        (true, true) => reasons.push(Reason::Unit),
        (false, false) => reasons.push(Reason::Value),
        // Different number in a different unit: most likely a conversion
        // ("3 billion rubles ($45 million)") or another quantity.
        (false, true) => return None,
        (true, false) => {}
    }
    if agree {
        let (ba, bb) = (bound(a.qualifier.as_deref()), bound(b.qualifier.as_deref()));
        if matches!(
            (ba, bb),
            (Some(Bound::Lower), Some(Bound::Upper)) | (Some(Bound::Upper), Some(Bound::Lower))
        ) {
            reasons.push(Reason::Qualifier);
        }
    }
    reasons.sort();
    Some(Verdict {
        basis: Basis::Subject,
        score: sim,
        reasons,
        diff: None,
    })
}
