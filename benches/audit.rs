//! Audit latency: a draft of about 2,000 words (seed sentences with a
//! misquote, a wrong figure, a quote moved to another speaker and an
//! invented quote) checked against a store of 10,000 articles made by
//! varying the seed articles: paragraphs dropped, mixed across seeds and
//! reordered, words respun from a made-up vocabulary, outlets and dates
//! changed, so that each quote of the draft is in some articles, not all.
//!
//! Run: `cargo bench --bench audit` (CLAIMTRACK_BENCH_N changes the store
//! size, CLAIMTRACK_BENCH_DB keeps the store at that path and reuses it).

use std::path::{Path, PathBuf};
use std::time::Instant;

use claimtrack::audit::Status;
use claimtrack::ingest::{self, Input, Options};
use claimtrack::ops::audit::check;
use claimtrack::store::Store;

mod common;

fn main() {
    let n: usize = std::env::var("CLAIMTRACK_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let seeds = common::seed_texts();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = std::env::var_os("CLAIMTRACK_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.db"));
    if !db.exists() {
        build_store(&db, dir.path(), &seeds, n);
    }
    let store = Store::open(&db).expect("store");
    let articles = store.articles().expect("articles").len();

    let draft_path = dir.path().join("draft.txt");
    std::fs::write(&draft_path, draft(&seeds)).unwrap();
    let input = Input::File(draft_path);
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..7 {
        let start = Instant::now();
        let prepared = ingest::prepare(&input, &Options::default()).expect("draft");
        let audit = check(&store, &prepared).expect("audit");
        times.push(start.elapsed().as_secs_f64());
        last = Some((prepared.words, audit));
    }
    let (words, audit) = last.unwrap();
    for f in audit.findings.iter().filter(|f| f.status > Status::Ok) {
        eprintln!(
            "  {:<12} {:<11} {:?}",
            f.status.name(),
            f.kind.map_or("", |k| k.name()),
            f.text.chars().take(70).collect::<String>()
        );
    }
    let first = times[0];
    times.sort_by(f64::total_cmp);
    let c = &audit.summary;
    println!(
        "audit: {words}-word draft against {articles} articles: first {:.0} ms, median {:.0} ms, \
         best {:.0} ms ({} items: {} ok, {} mismatch, {} unverified, {} unattributed, \
         {} anonymous; {} articles compared)",
        first * 1e3,
        times[times.len() / 2] * 1e3,
        times[0] * 1e3,
        c.items,
        c.ok,
        c.mismatch,
        c.unverified,
        c.unattributed,
        c.anonymous,
        audit.compared
    );
}

/// Writes `n` varied articles (with sidecars) and ingests them.
fn build_store(db: &Path, dir: &Path, seeds: &[String], n: usize) {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut rng = Rng(0x5eed);
    let lexicon = Lexicon::new(&mut rng, 20_000);
    let mut inputs = Vec::with_capacity(n);
    for i in 0..n {
        let path = corpus.join(format!("a{i:06}.txt"));
        std::fs::write(&path, vary(seeds, i, &mut rng, &lexicon)).unwrap();
        let meta = format!(
            "{{\"outlet\": \"Outlet {}\", \"title\": \"Story {i}\", \"published\": \"20{:02}-{:02}-{:02}\"}}",
            i % 60,
            10 + i % 12,
            1 + i % 12,
            1 + i % 28
        );
        std::fs::write(corpus.join(format!("a{i:06}.meta.json")), meta).unwrap();
        inputs.push(Input::File(path));
    }
    let start = Instant::now();
    let mut store = Store::open(db).unwrap();
    common::store_all(&mut store, &inputs);
    eprintln!(
        "built a store of {n} articles in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() >= 8)
        .collect()
}

/// A distinct article: most paragraphs of one seed and a few of another,
/// rotated; half the paragraphs respun (a third of their longer words
/// replaced by made-up ones, so quotes in them no longer match).
fn vary(seeds: &[String], i: usize, rng: &mut Rng, lexicon: &Lexicon) -> String {
    let base = paragraphs(&seeds[i % seeds.len()]);
    let other = paragraphs(&seeds[(i / seeds.len() + i + 1) % seeds.len()]);
    let mut paras: Vec<&str> = base.iter().copied().filter(|_| rng.chance(0.6)).collect();
    for _ in 0..rng.below(4) {
        paras.push(other[rng.below(other.len())]);
    }
    if paras.is_empty() {
        paras.push(base[0]);
    }
    let k = rng.below(paras.len());
    paras.rotate_left(k);
    let mut out = format!("Dispatch {i}\n\n");
    for p in paras {
        let p = if rng.chance(0.5) {
            respin(p, rng, lexicon)
        } else {
            p.to_string()
        };
        out.push_str(&p);
        out.push_str("\n\n");
    }
    out
}

fn respin(p: &str, rng: &mut Rng, lexicon: &Lexicon) -> String {
    p.split(' ')
        .map(|w| {
            let long = w.len() >= 6 && w.chars().all(|c| c.is_ascii_lowercase());
            if long && rng.chance(0.35) {
                lexicon.pick(rng).to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// About 2,000 words from the seeds, with four planted problems.
fn draft(seeds: &[String]) -> String {
    let mut text = String::new();
    for (seed, take) in [(0, 14), (3, 20), (4, 16), (2, 3)] {
        for p in paragraphs(&seeds[seed]).into_iter().take(take) {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    let text = text
        .replacen("special unit heads", "special unit chiefs", 1)
        .replacen("45 million)", "65 million)", 1)
        .replacen("again,” Coats said", "again,” Polyakova said", 1);
    format!(
        "{text}“We will open a joint cyber office in Geneva next spring,” said Sergei Lavrov.\n"
    )
}

/// A made-up vocabulary with a Zipf-like pick.
struct Lexicon(Vec<String>);

impl Lexicon {
    fn new(rng: &mut Rng, size: usize) -> Lexicon {
        const SYL: &[&str] = &[
            "ka", "lo", "mi", "ner", "po", "stu", "va", "ri", "den", "sol", "tra", "qui", "ber",
            "mon", "zel", "fa", "gor", "hin", "jup", "kel", "lar", "mur", "nix", "orp",
        ];
        let words = (0..size)
            .map(|_| {
                (0..2 + rng.below(3))
                    .map(|_| SYL[rng.below(SYL.len())])
                    .collect()
            })
            .collect();
        Lexicon(words)
    }

    fn pick(&self, rng: &mut Rng) -> &str {
        // Squaring a uniform draw favours the first words, as in real text.
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        &self.0[((u * u) * self.0.len() as f64) as usize % self.0.len()]
    }
}

/// splitmix64: small, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}
