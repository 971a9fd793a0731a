//! Tests of the synthetic corpora.

use std::collections::HashSet;

use super::redundant::*;
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
    let share = |f: &dyn Fn(&Role) -> bool| roles.iter().filter(|r| f(r)).count() as f64 / n as f64;
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
