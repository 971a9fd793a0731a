//! Ingest throughput: articles/s and MB/s into a fresh store, over a corpus
//! of 10,000 articles made by varying the seed articles.
//!
//! Run: `cargo bench --bench ingest` (set CLAIMTRACK_BENCH_N to change N).

use std::path::PathBuf;
use std::time::Instant;

use claimtrack::ingest::{self, Input, Options};
use claimtrack::store::Store;

fn main() {
    let n: usize = std::env::var("CLAIMTRACK_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let seeds = seed_texts();
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
    let opts = Options::default();
    let start = Instant::now();
    let mut in_batch = 0;
    ingest::prepare_all(&inputs, &opts, |_, prepared| {
        if in_batch == 0 {
            store.begin_batch()?;
        }
        ingest::store(&mut store, &prepared?)?;
        in_batch += 1;
        if in_batch == 500 {
            store.commit_batch()?;
            in_batch = 0;
        }
        Ok(())
    })
    .unwrap();
    store.commit_batch().unwrap();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "ingest: {n} articles, {:.1} MB in {secs:.2} s = {:.0} articles/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}

fn seed_texts() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
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
