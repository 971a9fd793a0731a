//! Diff time for two 10,000-word versions of an article (both layers:
//! text and claims, extraction included).
//!
//! Run: `cargo bench --bench diff`.

use std::time::Instant;

mod common;

fn main() {
    let seeds = common::seed_texts();
    // A long article: the seeds one after another until 10,000 words.
    let mut old = String::new();
    let mut i = 0;
    while old.split_whitespace().count() < 10_000 {
        old.push_str(&seeds[i % seeds.len()].replace("2016", &(2000 + i).to_string()));
        old.push_str("\n\n");
        i += 1;
    }
    // The new version: edits spread through it, one paragraph moved.
    let mut paras: Vec<String> = old.split('\n').map(str::to_string).collect();
    for (k, p) in paras.iter_mut().enumerate() {
        if k % 7 == 0 {
            *p = p
                .replacen(" said", " reportedly said", 1)
                .replacen("nearly", "more than", 1);
        }
    }
    let moved = paras.remove(3);
    paras.push(moved);
    let new = paras.join("\n");
    let words = (
        old.split_whitespace().count(),
        new.split_whitespace().count(),
    );
    let mut times = Vec::new();
    let mut changes = (0, 0);
    for _ in 0..7 {
        let start = Instant::now();
        let d = claimtrack::diff::diff(&old, &new);
        times.push(start.elapsed().as_secs_f64() * 1e3);
        changes = (d.text.len(), d.claims.len());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "diff: {} → {} words: median {:.1} ms, best {:.1} ms over 7 runs ({} text changes, {} claim changes)",
        words.0, words.1, times[3], times[0], changes.0, changes.1
    );
}
