//! Extraction throughput on one core: MB/s of article text through
//! `extract::extract`, over two corpora of at least 50 MB: one made from the
//! seeds, one from the gold articles of `claims/dev` and `claims/test` (real
//! news from many outlets, some hard-wrapped).
//!
//! Run: `cargo bench --bench extract`.

use std::time::Instant;

mod common;

fn main() {
    run("seeds", &common::seed_texts());
    let mut gold = Vec::new();
    for split in ["dev", "test"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("claims")
            .join(split);
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("claims split")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        gold.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("article")),
        );
    }
    run("gold news", &gold);
}

fn run(name: &str, seeds: &[String]) {
    // Articles of realistic size, varied so no two are the same text.
    let mut corpus = Vec::new();
    let mut bytes = 0;
    let mut i = 0usize;
    while bytes < 50_000_000 {
        let s = &seeds[i % seeds.len()];
        let text = s.replace("2016", &(1990 + i % 40).to_string());
        bytes += text.len();
        corpus.push(text);
        i += 1;
    }
    let mut best = f64::MAX;
    let (mut quotes, mut figures) = (0, 0);
    for _ in 0..3 {
        let start = Instant::now();
        quotes = 0;
        figures = 0;
        for text in &corpus {
            let x = claimtrack::extract::extract(text);
            quotes += x.quotes.len();
            figures += x.figures.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "extract ({name}): {} articles, {:.1} MB, one core: best of 3 {best:.2} s = {:.1} MB/s ({quotes} quotes, {figures} figures)",
        corpus.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best
    );
}
