//! Rewrite detection: how much of a later article comes from an earlier
//! one. A rewrite repeats its source's quotes and sentences, so it is not
//! independent confirmation of them.

use std::collections::HashSet;

use super::article::{ArticleText, Prepared};
use super::block::anchored_grams;
use super::{Derivation, Options};

/// A sentence counts as taken from the other article when at least this
/// share of its word grams appear there.
const SENTENCE_SHARED: f64 = 0.5;

/// Fewest shared sentences for a derivation: one copied paragraph is a
/// citation, not a rewrite.
const MIN_SHARED_SENTENCES: usize = 3;

fn text_of(p: &Prepared) -> ArticleText {
    ArticleText::new(&p.input.text, &p.sentences, &[], &[])
}

/// All anchored grams of an article.
fn gram_set(t: &ArticleText) -> HashSet<u32> {
    let anchors: Vec<u32> = t.tokens.iter().map(|x| x.sq).collect();
    let mut grams = Vec::new();
    anchored_grams(t.squashed.as_bytes(), &anchors, &mut grams);
    grams.into_iter().map(|g| g.0).collect()
}

/// Measures how much of `later` comes from `earlier`. `matched` are the
/// indexes of `later`'s quotes found in `earlier` (paired or reprinted);
/// they give the share of its quotes taken from there.
pub(crate) fn derive(
    earlier: &Prepared,
    later: &Prepared,
    mut matched: Vec<usize>,
    opts: &Options,
) -> Option<Derivation> {
    let (te, tl) = (text_of(earlier), text_of(later));
    let source = gram_set(&te);
    let anchors: Vec<u32> = tl.tokens.iter().map(|x| x.sq).collect();
    let mut grams = Vec::new();
    anchored_grams(tl.squashed.as_bytes(), &anchors, &mut grams);
    // Per sentence: words, grams, grams found.
    let n = later.sentences.len();
    let mut words = vec![0usize; n];
    let mut total = vec![0usize; n];
    let mut found = vec![0usize; n];
    for &s in &tl.sentence_of {
        if let Some(w) = words.get_mut(s as usize) {
            *w += 1;
        }
    }
    for (key, i) in grams {
        let s = tl.sentence_of[i] as usize;
        total[s] += 1;
        if source.contains(&key) {
            found[s] += 1;
        }
    }
    let mut shared_sentences = 0;
    let (mut shared_words, mut all_words) = (0usize, 0usize);
    for s in 0..n {
        all_words += words[s];
        // Sentences too short for a gram (under GRAM_LEN letters) decide nothing.
        if total[s] > 0 && found[s] as f64 >= SENTENCE_SHARED * total[s] as f64 {
            shared_sentences += 1;
            shared_words += words[s];
        }
    }
    let share = if all_words == 0 {
        0.0
    } else {
        shared_words as f64 / all_words as f64
    };
    let later_id = later.input.id;
    matched.sort_unstable();
    matched.dedup();
    let quotes = later.input.quotes.len();
    let quote_share = if quotes == 0 {
        0.0
    } else {
        matched.len() as f64 / quotes as f64
    };
    let derived = (share >= opts.derived_share && shared_sentences >= MIN_SHARED_SENTENCES)
        || (quote_share >= 0.5 && matched.len() >= 3 && share >= opts.derived_share / 2.0);
    derived.then_some(Derivation {
        article: later_id,
        source: earlier.input.id,
        share,
        quote_share,
        shared_sentences,
        sentences: n,
        shared_quotes: matched.len(),
        quotes,
    })
}

/// The best source of each derived article: the one it shares most with.
pub(crate) fn best_sources(all: &[Derivation]) -> Vec<Derivation> {
    let mut best: Vec<Derivation> = Vec::new();
    for d in all {
        match best.iter_mut().find(|b| b.article == d.article) {
            Some(b) if d.share > b.share => *b = d.clone(),
            Some(_) => {}
            None => best.push(d.clone()),
        }
    }
    best
}
