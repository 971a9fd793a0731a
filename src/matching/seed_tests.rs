//! Matching the seed articles (`seeds/*.txt`) with their hand-checked
//! extractions (`claims/*.json`): the divergences that the product brief
//! says a good tool finds in them.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::extract::model::Extraction;

use super::{match_all, ArticleInput, ItemKind, ItemRef, Label, Matching, Pair, Reason};

#[derive(Deserialize)]
struct Meta {
    outlet: Option<String>,
    published: Option<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The seed articles in file order, ids 0, 1, 2, … from their "NNN_" prefix.
fn seed_articles() -> Vec<(String, ArticleInput)> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("claims"))
        .expect("claims/ is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .map(|n| n.trim_end_matches(".json").to_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(root().join("seeds").join(format!("{name}.txt")))
                .expect("seed text");
            let ex: Extraction = serde_json::from_str(
                &std::fs::read_to_string(root().join("claims").join(format!("{name}.json")))
                    .expect("gold extraction"),
            )
            .expect("gold extraction parses");
            let meta: Option<Meta> =
                std::fs::read_to_string(root().join("seeds").join(format!("{name}.meta.json")))
                    .ok()
                    .and_then(|s| serde_json::from_str(&s).ok());
            let id: i64 = name[..3].parse().expect("NNN_ prefix");
            let (outlet, published) = meta.map_or((None, None), |m| (m.outlet, m.published));
            (
                name,
                ArticleInput {
                    id,
                    outlet,
                    published,
                    text,
                    quotes: ex.quotes,
                    figures: ex.figures,
                },
            )
        })
        .collect()
}

fn item_text<'a>(articles: &'a [(String, ArticleInput)], r: &super::ItemRef) -> &'a str {
    let a = &articles.iter().find(|(_, a)| a.id == r.article).unwrap().1;
    match r.kind {
        ItemKind::Quote => &a.quotes[r.index].text,
        ItemKind::Figure => &a.figures[r.index].text,
        ItemKind::Narration => &a.text[r.start..r.end],
    }
}

fn show(articles: &[(String, ArticleInput)], p: &Pair) -> String {
    let cut = |s: &str| s.chars().take(60).collect::<String>();
    format!(
        "{:03}:{:?}{} ~ {:03}:{:?}{} {:?} {:?} {:.2} {:?} | {:?} | {:?}",
        p.a.article,
        p.a.kind,
        p.a.index,
        p.b.article,
        p.b.kind,
        p.b.index,
        p.label,
        p.basis,
        p.score,
        p.reasons,
        cut(item_text(articles, &p.a)),
        cut(item_text(articles, &p.b)),
    )
}

fn find(m: &Matching, a: (i64, ItemKind, usize), b: (i64, ItemKind, usize)) -> Pair {
    let at = |(article, kind, index)| ItemRef {
        article,
        kind,
        index,
        start: 0,
        end: 0,
    };
    m.relations()
        .get(&at(a), &at(b))
        .unwrap_or_else(|| panic!("no pair {a:?} ~ {b:?}"))
}

#[test]
fn seed_articles_match_as_the_brief_says() {
    let articles = seed_articles();
    assert_eq!(articles.len(), 5);
    let m = match_all(articles.iter().map(|(_, a)| a.clone()).collect());
    for p in &m.pairs {
        eprintln!("{}", show(&articles, p));
    }
    for d in &m.lineage {
        eprintln!("{d:?}");
    }
    use ItemKind::{Figure, Quote};

    // Lurk: "more than 3 billion rubles" (002) against "nearly three billion
    // rubles" (004): opposite qualifiers. The dollar figure restates.
    let rubles = find(&m, (2, Figure, 17), (4, Figure, 5));
    assert_eq!(
        (rubles.label, rubles.reasons.as_slice()),
        (Label::Diverges, &[Reason::Qualifier][..])
    );
    let dollars = find(&m, (2, Figure, 18), (4, Figure, 6));
    assert_eq!(dollars.label, Label::Restates);

    // The rewrite (001) shortens Michael Daniel's and David Kris's titles:
    // a shortened title restates it (the brief: "not a contradiction").
    for (a, b) in [(5, 6), (6, 7), (7, 8)] {
        let p = find(&m, (0, Quote, a), (1, Quote, b));
        assert!(p.reasons.is_empty(), "{}", show(&articles, &p));
    }

    // "according to our sources there is indeed some consultation …" (the
    // narrator, 000) became a quote from "one source" (001).
    let sources = find(&m, (0, Quote, 3), (1, Quote, 4));
    assert_eq!(sources.reasons, [Reason::Attribution]);

    // Bortnikov's quote, word for word, title the same: restated.
    let bortnikov = find(&m, (0, Quote, 1), (1, Quote, 2));
    assert_eq!((bortnikov.label, bortnikov.score), (Label::Restates, 1.0));
    // Kris's quote relays Putin's words: the nested quotes inside the
    // other outlet's copy of the outer quote are no speaker divergence.
    for p in m
        .pairs
        .iter()
        .filter(|p| p.a.article == 0 && p.b.article == 1)
    {
        assert!(
            !p.reasons.contains(&Reason::Speaker),
            "{}",
            show(&articles, p)
        );
    }
    // So are Kris's nested Putin quotes and Trump's tweets.
    for (a, b) in [(8, 9), (9, 10), (10, 11), (11, 12), (23, 13), (24, 14)] {
        let p = find(&m, (0, Quote, a), (1, Quote, b));
        assert_eq!(p.label, Label::Restates, "{}", show(&articles, &p));
    }
    // 001 quotes The Daily Beast's own prose (000 is the Beast): a correct
    // credit of the narration, not a divergence.
    let prose: Vec<&Pair> = m
        .pairs
        .iter()
        .filter(|p| p.a.article == 0 && p.a.kind == ItemKind::Narration && p.b.article == 1)
        .collect();
    assert!(prose.len() >= 2, "the two closing quotes of 001");
    assert!(prose.iter().all(|p| p.label == Label::Restates));

    // 001 is derived from 000, with most of its text taken from it.
    let d = m
        .lineage
        .iter()
        .find(|d| d.article == 1)
        .expect("001 is derived");
    assert_eq!(d.source, 0);
    assert!(d.share >= 0.5, "{d:?}");
    assert!(d.quote_share >= 0.6, "{d:?}");
    assert_eq!(m.lineage.len(), 1, "{:?}", m.lineage);

    // Claims: contested first; the Lurk rubles claim ranks above any
    // quote-only claim (qualifier > attribution > … > speaker title).
    let first = &m.claims[0];
    assert!(first.contested);
    assert_eq!(first.severity, Some(Reason::Qualifier));
    assert!(first.articles == [2, 4]);
    // No claim pairs unrelated years just because they share a value.
    for p in &m.pairs {
        if p.a.kind == Figure {
            let fa = &articles[p.a.article as usize].1.figures[p.a.index];
            let fb = &articles[p.b.article as usize].1.figures[p.b.index];
            assert!(
                fa.value != Some(2016.0) || p.a.article == 0 && p.b.article == 1,
                "{}",
                show(&articles, p)
            );
            let _ = fb;
        }
    }
}
