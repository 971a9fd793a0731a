//! Ingest throughput: articles/s and MB/s into a fresh store, over a corpus
//! of 10,000 articles made by varying the seed articles.
//!
//! Run: `cargo bench --bench ingest` (set CLAIMTRACK_BENCH_N to change N).

use std::time::Instant;

use claimtrack::ingest::Input;
use claimtrack::store::Store;

mod common;

fn main() {
    let n: usize = std::env::var("CLAIMTRACK_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let seeds = common::seed_texts();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut inputs = Vec::with_capacity(n);
    let mut bytes = 0usize;
    for i in 0..n {
        let text = vary(&seeds[i % seeds.len()], i);
        bytes += text.len();
        let path = dir.path().join(format!("a{i:06}.txt"));
        std::fs::write(&path, text).unwrap();
        inputs.push(Input::File(path));
    }
    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db).unwrap();
    let start = Instant::now();
    common::store_all(&mut store, &inputs);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "ingest: {n} articles, {:.1} MB in {secs:.2} s = {:.0} articles/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}

/// A distinct article: the seed with its paragraphs rotated, one figure
/// changed and a dateline added, so every text hashes differently.
fn vary(seed: &str, i: usize) -> String {
    let paras: Vec<&str> = seed.split("\n\n").collect();
    let k = i % paras.len().max(1);
    let mut out = format!("Dateline {i}: updated report.\n\n");
    for p in paras[k..].iter().chain(paras[..k].iter()) {
        out.push_str(p);
        out.push_str("\n\n");
    }
    out.replace("2016", &format!("{}", 1990 + i % 40))
}
