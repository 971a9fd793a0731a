//! Writes the quotes of a synthetic corpus (`claimtrack::matching::synth`)
//! as JSON lines, one JSON string per quote, and times claimtrack's
//! matcher over the same corpus, for `bench/compare_rapidfuzz.sh`.
//!
//! Run: `cargo run --release --example export_quotes -- N OUT.jsonl`
//!
//! Prints `key=value` lines: articles, quotes, match_all_s (whole
//! articles: quotes, figures, narration, claims, lineage), quotes_only_s
//! (the same articles with their figures removed), the pairs each found,
//! best of three runs each.

use std::io::{BufWriter, Write};
use std::time::Instant;

use claimtrack::matching::synth::generate;
use claimtrack::matching::{match_all, ArticleInput, ItemKind};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|s| s.replace('_', "").parse().ok())
        .unwrap_or(3_000);
    let out = args.next().unwrap_or_else(|| "quotes.jsonl".to_owned());
    let s = generate(n, 10, 15, 1);

    let mut w = BufWriter::new(std::fs::File::create(&out).expect("create output file"));
    let mut quotes = 0usize;
    for q in s.articles.iter().flat_map(|a| &a.quotes) {
        let line = serde_json::to_string(&q.text).expect("quote as JSON");
        writeln!(w, "{line}").expect("write quote");
        quotes += 1;
    }
    w.flush().expect("write quotes");

    let quotes_only: Vec<ArticleInput> = s
        .articles
        .iter()
        .map(|a| ArticleInput {
            figures: Vec::new(),
            ..a.clone()
        })
        .collect();
    let best = |articles: &[ArticleInput]| {
        let mut best = f64::MAX;
        let mut pairs = (0, 0);
        for _ in 0..3 {
            let input = articles.to_vec();
            let t = Instant::now();
            let m = match_all(input);
            best = best.min(t.elapsed().as_secs_f64());
            let qq = m
                .pairs
                .iter()
                .filter(|p| p.a.kind == ItemKind::Quote && p.b.kind == ItemKind::Quote)
                .count();
            pairs = (m.pairs.len(), qq);
        }
        (best, pairs)
    };
    let (full_s, (full_pairs, _)) = best(&s.articles);
    let (quotes_s, (q_pairs, qq_pairs)) = best(&quotes_only);
    println!("articles={n}");
    println!("quotes={quotes}");
    println!("out={out}");
    println!("threads={}", rayon::current_num_threads());
    println!("match_all_s={full_s:.3}");
    println!("match_all_pairs={full_pairs}");
    println!("quotes_only_s={quotes_s:.3}");
    println!("quotes_only_pairs={q_pairs}");
    println!("quote_quote_pairs={qq_pairs}");
}
