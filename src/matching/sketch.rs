//! What a store keeps so that a later run finds an article's candidates
//! without loading every article: a sketch of each article's blocking keys
//! (a few per quote and figure, one per narration sentence) and the form of
//! each item that is the first of its form. A new article's sketch is
//! looked up to find the stored articles worth loading; the matcher then
//! blocks and scores among those as usual.

use std::collections::HashMap;

use super::article::{prepare, ArticleKeys, Prepared};
use super::speaker::Aliases;
use super::{ArticleInput, ItemKind, Matcher};

/// Gram keys kept per quote and keys per figure: the smallest few (a
/// bottom-k sketch), which two items sharing most of their keys share
/// with high probability.
const PER_QUOTE: usize = 4;
const PER_FIGURE: usize = 4;

fn bottom(keys: &[u32], k: usize, out: &mut Vec<u32>) {
    let mut v: Vec<u32> = keys.to_vec();
    v.sort_unstable();
    v.dedup();
    out.extend(v.into_iter().take(k));
}

/// The sketch of an article's keys, leaving out the items `skip_quote` and
/// `skip_figure` say are reprints (the item they repeat is sketched).
pub(crate) fn sketch(
    keys: &ArticleKeys,
    skip_quote: impl Fn(usize) -> bool,
    skip_figure: impl Fn(usize) -> bool,
) -> Vec<u32> {
    let mut out = Vec::new();
    for (qi, (grams, speaker)) in keys.quotes.iter().zip(&keys.speakers).enumerate() {
        if !skip_quote(qi) {
            bottom(grams, PER_QUOTE, &mut out);
            // Rewordings of one speaker meet through these alone.
            out.extend(speaker);
        }
    }
    for (fi, fk) in keys.figures.iter().enumerate() {
        if !skip_figure(fi) {
            bottom(fk, PER_FIGURE, &mut out);
        }
    }
    // The smallest narration key of each sentence: rewrites share sentences.
    let mut by_sentence: HashMap<u32, u32> = HashMap::new();
    for &(k, s) in &keys.narration {
        let e = by_sentence.entry(s).or_insert(k);
        *e = (*e).min(k);
    }
    out.extend(by_sentence.into_values());
    out.sort_unstable();
    out.dedup();
    out
}

/// What to look up for a new article: the sketch of all its keys and the
/// form of each quote and figure.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    pub keys: Vec<u32>,
    pub forms: Vec<u64>,
}

/// The lookup of an article not matched yet.
pub fn lookup(input: ArticleInput) -> Lookup {
    let (p, keys) = prepare(input, &Aliases::default());
    let mut forms = p.quote_forms.clone();
    forms.extend(&p.figure_forms);
    forms.sort_unstable();
    forms.dedup();
    Lookup {
        keys: sketch(&keys, |_| false, |_| false),
        forms,
    }
}

/// What a store keeps of one matched article: its sketch, and the form of
/// each of its items that is the first of its form.
#[derive(Debug, Clone)]
pub struct IndexRow {
    pub article: i64,
    pub keys: Vec<u32>,
    /// (kind, index, form) of each first-of-form item.
    pub forms: Vec<(ItemKind, usize, u64)>,
}

pub(crate) fn index_row(p: &Prepared) -> IndexRow {
    let mut forms = Vec::new();
    for (i, (&f, r)) in p.quote_forms.iter().zip(&p.quote_reprints).enumerate() {
        if r.is_none() {
            forms.push((ItemKind::Quote, i, f));
        }
    }
    for (i, (&f, r)) in p.figure_forms.iter().zip(&p.figure_reprints).enumerate() {
        if r.is_none() {
            forms.push((ItemKind::Figure, i, f));
        }
    }
    IndexRow {
        article: p.input.id,
        keys: p.sketch.clone(),
        forms,
    }
}

impl Matcher {
    /// The index rows of every article added from the `first`-th on (in
    /// the order added): what a store keeps to find them again.
    pub fn index_rows(&self, first: usize) -> Vec<IndexRow> {
        self.articles
            .get(first..)
            .unwrap_or_default()
            .iter()
            .map(index_row)
            .collect()
    }
}
