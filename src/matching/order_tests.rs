//! Order independence: the same final set of articles gives the same
//! claims (membership, contested or not, reasons) whether it was matched in
//! one run, in several (as a store does: earlier articles loaded, new ones
//! added), or in another order.

use proptest::prelude::*;

use super::synth::generate;
use super::{cluster, ArticleInput, ItemKind, Matcher, Pair, Reason, Reprint};

/// A claim as compared: its items (article, kind, index), sorted, whether
/// contested, and its reasons.
type Shape = (Vec<(i64, ItemKind, usize)>, bool, Vec<Reason>);

fn shapes(pairs: &[Pair], reprints: &[Reprint]) -> Vec<Shape> {
    let mut out: Vec<Shape> = cluster::claims(pairs, reprints)
        .into_iter()
        .map(|c| {
            let mut items: Vec<_> = c
                .items
                .iter()
                .map(|r| (r.article, r.kind, r.index))
                .collect();
            items.sort_unstable();
            (items, c.contested, c.reasons)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Matches `articles` in runs cut at `cuts`, as the store does: each run
/// loads what earlier runs matched and adds its own; pairs accumulate, and
/// reprints are derived again from everything held.
fn in_runs(articles: &[ArticleInput], cuts: &[usize]) -> Vec<Shape> {
    let mut bounds: Vec<usize> = cuts.iter().map(|&c| c.min(articles.len())).collect();
    bounds.push(articles.len());
    bounds.sort_unstable();
    let (mut from, mut pairs, mut reprints) = (0, Vec::new(), Vec::new());
    for to in bounds {
        if to <= from {
            continue;
        }
        let mut m = Matcher::new();
        m.load(articles[..from].to_vec());
        pairs.extend(m.extend(articles[from..to].to_vec()));
        reprints = m.all_reprints();
        from = to;
    }
    shapes(&pairs, &reprints)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn claims_do_not_depend_on_runs_or_order(
        seed in 0u64..1_000,
        cuts in proptest::collection::vec(0usize..60, 0..4),
        rotate in 0usize..60,
    ) {
        let s = generate(60, 6, 8, seed);
        let one = in_runs(&s.articles, &[]);
        prop_assert!(!one.is_empty());
        prop_assert_eq!(&in_runs(&s.articles, &cuts), &one, "runs cut at {:?}", cuts);
        // Another order: the same articles, rotated.
        let mut other = s.articles.clone();
        other.rotate_left(rotate);
        prop_assert_eq!(&in_runs(&other, &cuts), &one, "rotated by {}", rotate);
    }
}
