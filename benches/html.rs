//! HTML reading: word precision, recall and F1 of the main text, title and
//! date right, per split of `tests/html/`, and pages per second on one
//! core, through `ingest::load` alone and through the whole of ingest
//! (load, extract, store).
//!
//! Run: `cargo bench --bench html` (add `-- --pages` to list every page of
//! the dev split; set CLAIMTRACK_BENCH_N to change the number of pages
//! ingested for the speed figure, 2,000 by default).

use std::path::{Path, PathBuf};
use std::time::Instant;

use claimtrack::eval_html::{same_date, same_title, PageScore, SplitScore, WordCounts};
use claimtrack::ingest::{self, Input, Options};
use claimtrack::store::Store;

/// What `tests/html/NAME.json` says of a page.
#[derive(serde::Deserialize)]
struct Expected {
    title: String,
    published: Option<String>,
}

fn pages(split: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/html")
        .join(split);
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

fn main() {
    // One core: the speed figures are per core.
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()
        .unwrap();
    let list = std::env::args().any(|a| a == "--pages");
    let mut all = Vec::new();
    for split in ["dev", "test"] {
        let mut score = SplitScore::default();
        let mut secs = 0.0;
        for page in pages(split) {
            let want = std::fs::read_to_string(page.with_extension("txt")).unwrap();
            let json = std::fs::read_to_string(page.with_extension("json")).unwrap();
            let expected: Expected = serde_json::from_str(&json).unwrap();
            let start = Instant::now();
            let loaded = ingest::load(&Input::File(page.clone()), &Options::default());
            secs += start.elapsed().as_secs_f64();
            let (text, meta) = match loaded {
                Ok(l) => (l.text, l.meta),
                Err(_) => Default::default(),
            };
            let s = PageScore {
                words: WordCounts::of(&want, &text),
                title: same_title(&expected.title, meta.title.as_deref()),
                date: expected
                    .published
                    .as_deref()
                    .map(|d| same_date(d, meta.published.as_deref())),
            };
            if list && split == "dev" {
                let prf = s.words.prf();
                println!(
                    "  {:<28} P {:.3} R {:.3} F1 {:.3} title {} date {}  {:?} {:?}",
                    page.file_stem().unwrap().to_string_lossy(),
                    prf.precision,
                    prf.recall,
                    prf.f1,
                    if s.title { "ok" } else { "--" },
                    match s.date {
                        Some(true) => "ok",
                        Some(false) => "--",
                        None => "  ",
                    },
                    meta.title.unwrap_or_default(),
                    meta.published.unwrap_or_default(),
                );
            }
            score.add(&s);
            all.push(page);
        }
        let prf = score.words.prf();
        println!(
            "{split:<4} {:>2} pages  words P {:.3} R {:.3} F1 {:.3} (mean page F1 {:.3})  \
             title {}/{} ({:.0}%)  date {}/{} ({:.0}%)  load {:.0} pages/s",
            score.pages,
            prf.precision,
            prf.recall,
            prf.f1,
            score.mean_f1(),
            score.titles_right,
            score.pages,
            100.0 * score.title_rate(),
            score.dates_right,
            score.dated,
            100.0 * score.date_rate(),
            score.pages as f64 / secs,
        );
    }
    ingest_speed(&all);
}

/// Pages per second through the whole of ingest on one core: the pages of
/// both splits, copied until there are N, into a fresh store.
fn ingest_speed(pages: &[PathBuf]) {
    let n: usize = std::env::var("CLAIMTRACK_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut inputs = Vec::with_capacity(n);
    let mut bytes = 0;
    for i in 0..n {
        let html = std::fs::read(&pages[i % pages.len()]).unwrap();
        bytes += html.len();
        let path = dir.path().join(format!("p{i:05}.html"));
        std::fs::write(&path, html).unwrap();
        inputs.push(Input::File(path));
    }
    let mut store = Store::open(&dir.path().join("bench.db")).unwrap();
    let start = Instant::now();
    // As `claimtrack ingest`: a page that yields no article is reported
    // and passed over (counted here), the rest stored.
    let mut refused = 0;
    store.begin_batch().unwrap();
    ingest::prepare_all(&inputs, &Options::default(), |_, prepared| {
        match prepared {
            Ok(p) => {
                ingest::store(&mut store, &p)?;
            }
            Err(_) => refused += 1,
        };
        Ok(())
    })
    .unwrap();
    store.commit_batch().unwrap();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "ingest: {n} pages ({refused} refused), {:.1} MB in {secs:.2} s on one core \
         = {:.0} pages/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}
