//! Scale, end to end: redundant coverage ingested through the real binary
//! into a real store.
//!
//! For each N, the corpus of `claimtrack::matching::synth::generate_redundant`
//! (seed 1; wire stories reprinted 10–500 times, rewrites, updates,
//! independent stories; see docs/benchmarks.md) is generated for N + 20
//! articles and written as plain-text files, `dNNNN/aNNNNNNNN.txt`, in a
//! temporary folder: only the text, the binary extracts quotes and figures
//! itself. Each file has a sidecar `aNNNNNNNN.meta.json` with its outlet, a
//! publication date (500 articles a day from 2024-01-01, in article order)
//! and a URL; an update has the URL of the article it updates, so the store
//! keeps it as a new version of that article. The first N go in one folder,
//! the last 20 in another. Then, as child processes:
//!
//! 1. `claimtrack --db STORE ingest -q CORPUS` into a new store (read,
//!    extract, store, then match everything);
//! 2. `claimtrack --db STORE ingest -q NEW`: 20 new articles into that
//!    store, matched against it.
//!
//! Reported, per N:
//!
//! - **text MB**: bytes of article text written (sidecars not counted);
//! - **ingest**: wall time of step 1, start to exit; **CPU**: its user +
//!   system CPU seconds; **art/s**: N / ingest;
//! - **peak RSS**: the child's peak resident memory (`ru_maxrss` from
//!   `wait4`, per child);
//! - **store**: the store file plus its `-wal` and `-shm` files after step
//!   1, and **×text**: store / text bytes;
//! - **quotes**, **figures**: rows in the store's `quotes` and `figures`
//!   tables / items the generator wrote (all versions);
//! - **pairs**, **claims**: rows of `matches` and `claims` after step 1;
//! - **+20**: wall time of step 2, and **+20 RSS** its peak memory;
//! - **load**: 1-minute load average before → after.
//!
//! The binary is the one cargo builds for this bench (`target/release/
//! claimtrack`, the bench profile is the release profile); set
//! CLAIMTRACK_BIN to run another.
//!
//! Run: `cargo bench --bench scale`; choose N with
//! CLAIMTRACK_SCALE_N="10000,100000" (default 10000). The files and the
//! store go to a temporary folder under CLAIMTRACK_SCALE_DIR (default the
//! system's), removed afterwards unless CLAIMTRACK_SCALE_KEEP=1.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use claimtrack::matching::synth::{generate_redundant_each, Role};

const SIZES: &str = "CLAIMTRACK_SCALE_N";
const DEFAULT_SIZES: &[usize] = &[10_000];
const NEW: usize = 20;
const SEED: u64 = 1;
const PER_DAY: usize = 500;

/// What a child process took.
struct Run {
    wall_s: f64,
    cpu_s: f64,
    peak_rss_mb: f64,
    ok: bool,
    output: String,
}

/// What one N measured.
struct Row {
    n: usize,
    text_bytes: u64,
    write_s: f64,
    ingest: Run,
    store_bytes: u64,
    quotes: (i64, usize),
    figures: (i64, usize),
    articles: i64,
    versions: i64,
    pairs: i64,
    claims: i64,
    lineage: i64,
    new: Run,
    store_after_bytes: u64,
    load: String,
}

fn main() {
    let bin = binary();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    eprintln!(
        "scale bench: {} ({cores} cores, load average {} at start)",
        bin.display(),
        load_average()
    );
    let mut rows = Vec::new();
    for n in sizes() {
        rows.push(measure(&bin, n));
    }
    print_table(&rows, cores);
}

/// The binary to run: CLAIMTRACK_BIN, else the one cargo built for this
/// bench.
fn binary() -> PathBuf {
    let bin = std::env::var_os("CLAIMTRACK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_claimtrack")));
    if !bin.is_file() {
        eprintln!(
            "scale bench: {} not found: run cargo build --release first (or set CLAIMTRACK_BIN)",
            bin.display()
        );
        std::process::exit(2);
    }
    bin
}

fn sizes() -> Vec<usize> {
    match std::env::var(SIZES) {
        Ok(v) if !v.trim().is_empty() => v
            .split(',')
            .map(|s| {
                s.trim()
                    .replace('_', "")
                    .parse()
                    .unwrap_or_else(|_| panic!("{SIZES}: not a number: {s:?}"))
            })
            .collect(),
        _ => DEFAULT_SIZES.to_vec(),
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// The generated items of the files written, and their text bytes.
#[derive(Default)]
struct Written {
    text_bytes: u64,
    quotes: usize,
    figures: usize,
}

/// Writes article `id` (text and sidecar) under `root`.
fn write_article(root: &Path, id: usize, text: &str, meta: &serde_json::Value) {
    let dir = root.join(format!("d{:04}", id / 1000));
    if !dir.exists() {
        std::fs::create_dir_all(&dir).expect("create folder");
    }
    std::fs::write(dir.join(format!("a{id:08}.txt")), text).expect("write article");
    let mut w = BufWriter::new(
        std::fs::File::create(dir.join(format!("a{id:08}.meta.json"))).expect("create sidecar"),
    );
    serde_json::to_writer(&mut w, meta).expect("write sidecar");
    w.flush().expect("write sidecar");
}

/// Writes the corpus: the first `n` articles under `corpus`, the next
/// `NEW` under `new`.
fn write_corpus(n: usize, corpus: &Path, new: &Path) -> (Written, Written) {
    let start = jiff::civil::date(2024, 1, 1);
    let mut canonical: Vec<u32> = Vec::with_capacity(n + NEW);
    let (mut old, mut fresh) = (Written::default(), Written::default());
    generate_redundant_each(n + NEW, SEED, |a, role| {
        let id = a.id as usize;
        // An update is a new version of the article it updates.
        let canon = match role {
            Role::Update { of } => canonical[of as usize],
            _ => id as u32,
        };
        canonical.push(canon);
        let outlet = a.outlet.clone().unwrap_or_default();
        let slug = outlet.to_lowercase().replace(' ', "-");
        let day = start
            .checked_add(jiff::Span::new().days((id / PER_DAY) as i64))
            .expect("a date");
        let meta = serde_json::json!({
            "outlet": outlet,
            "published": day.to_string(),
            "url": format!("https://{slug}.example/story/{canon}"),
        });
        let (root, w) = if id < n {
            (corpus, &mut old)
        } else {
            (new, &mut fresh)
        };
        write_article(root, id, &a.text, &meta);
        w.text_bytes += a.text.len() as u64;
        w.quotes += a.quotes.len();
        w.figures += a.figures.len();
    });
    (old, fresh)
}

/// Runs `bin --db db ingest -q folder`, measuring the child alone.
// The child is reaped by `wait4`, which also gives its own peak memory.
#[allow(clippy::zombie_processes)]
fn ingest(bin: &Path, db: &Path, folder: &Path) -> Run {
    let t = Instant::now();
    let child = Command::new(bin)
        .arg("--db")
        .arg(db)
        .args(["ingest", "-q"])
        .arg(folder)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start claimtrack");
    let pid = child.id() as libc::pid_t;
    // Read the (two-line) summary before waiting, so a full pipe cannot
    // block the child.
    let mut output = String::new();
    if let Some(mut out) = child.stdout {
        std::io::Read::read_to_string(&mut out, &mut output).expect("read output");
    }
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for our own child,
    // which std has not waited for (the `Child` is never waited on).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall_s = t.elapsed().as_secs_f64();
    assert_eq!(got, pid, "wait4: {}", std::io::Error::last_os_error());
    let secs = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    if !ok {
        eprintln!("scale bench: claimtrack ingest exited with status {status:#x}");
    }
    Run {
        wall_s,
        cpu_s: secs(usage.ru_utime) + secs(usage.ru_stime),
        peak_rss_mb: usage.ru_maxrss as f64 / 1024.0,
        ok,
        output,
    }
}

/// The store file and its -wal and -shm files, in bytes.
fn store_size(db: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| {
            let mut p = db.as_os_str().to_owned();
            p.push(suffix);
            std::fs::metadata(PathBuf::from(p)).ok().map(|m| m.len())
        })
        .sum()
}

fn count(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or(-1)
}

fn measure(bin: &Path, n: usize) -> Row {
    let tag = format!("[N={}]", thousands(n));
    let before = load_average();
    let mut tmp = tempfile::Builder::new();
    tmp.prefix("claimtrack-scale-");
    let dir = match std::env::var_os("CLAIMTRACK_SCALE_DIR") {
        Some(d) => tmp.tempdir_in(d),
        None => tmp.tempdir(),
    }
    .expect("temp folder");
    let (corpus, new, db) = (
        dir.path().join("corpus"),
        dir.path().join("new"),
        dir.path().join("store.db"),
    );
    let t = Instant::now();
    let (old, fresh) = write_corpus(n, &corpus, &new);
    let write_s = t.elapsed().as_secs_f64();
    eprintln!(
        "{tag} wrote {} + {NEW} articles ({:.1} MB of text, {} quotes, {} figures) in {write_s:.1} s to {}; ingesting",
        thousands(n),
        old.text_bytes as f64 / 1e6,
        old.quotes,
        old.figures,
        dir.path().display()
    );
    let run = ingest(bin, &db, &corpus);
    eprint!("{tag} ingest {:.1} s: {}", run.wall_s, run.output);
    let store_bytes = store_size(&db);
    let conn =
        rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the store");
    let [quotes, figures, articles, versions, pairs, claims, lineage] = [
        "quotes", "figures", "articles", "versions", "matches", "claims", "lineage",
    ]
    .map(|t| count(&conn, t));
    drop(conn);
    eprintln!(
        "{tag} store {:.1} MB: {articles} articles, {versions} versions, {quotes} quotes, {figures} figures, {pairs} pairs, {claims} claims, {lineage} rewrites; adding {NEW}",
        store_bytes as f64 / 1e6
    );
    let added = ingest(bin, &db, &new);
    eprint!("{tag} +{NEW} in {:.2} s: {}", added.wall_s, added.output);
    let store_after_bytes = store_size(&db);
    if std::env::var_os("CLAIMTRACK_SCALE_KEEP").is_some_and(|v| v == "1") {
        eprintln!("{tag} kept {}", dir.keep().display());
    }
    eprintln!(
        "{tag} (the {NEW} new articles: {:.0} KB of text, {} quotes, {} figures)",
        fresh.text_bytes as f64 / 1e3,
        fresh.quotes,
        fresh.figures
    );
    Row {
        n,
        text_bytes: old.text_bytes,
        write_s,
        ingest: run,
        store_bytes,
        quotes: (quotes, old.quotes),
        figures: (figures, old.figures),
        articles,
        versions,
        pairs,
        claims,
        lineage,
        new: added,
        store_after_bytes,
        load: format!("{before}→{}", load_average()),
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn count_cell(n: i64) -> String {
    if n < 0 {
        "?".into()
    } else {
        thousands(n as usize)
    }
}

fn print_table(rows: &[Row], cores: usize) {
    println!();
    println!(
        "scale: redundant coverage (generate_redundant, seed {SEED}) through `claimtrack ingest`, {cores} cores"
    );
    let header = [
        "N", "text MB", "ingest", "CPU", "art/s", "peak RSS", "store", "×text", "quotes",
        "figures", "pairs", "claims", "+20", "+20 RSS", "load",
    ];
    let mut table: Vec<Vec<String>> = vec![header.iter().map(|s| (*s).to_owned()).collect()];
    for r in rows {
        let failed = |run: &Run| if run.ok { "" } else { " (failed)" };
        table.push(vec![
            thousands(r.n),
            format!("{:.0}", r.text_bytes as f64 / 1e6),
            format!("{:.1} s{}", r.ingest.wall_s, failed(&r.ingest)),
            format!("{:.1} s", r.ingest.cpu_s),
            thousands((r.n as f64 / r.ingest.wall_s.max(1e-9)) as usize),
            format!("{:.0} MB", r.ingest.peak_rss_mb),
            format!("{:.0} MB", r.store_bytes as f64 / 1e6),
            format!("{:.2}", r.store_bytes as f64 / r.text_bytes.max(1) as f64),
            format!("{}/{}", count_cell(r.quotes.0), thousands(r.quotes.1)),
            format!("{}/{}", count_cell(r.figures.0), thousands(r.figures.1)),
            count_cell(r.pairs),
            count_cell(r.claims),
            format!("{:.2} s{}", r.new.wall_s, failed(&r.new)),
            format!("{:.0} MB", r.new.peak_rss_mb),
            r.load.clone(),
        ]);
    }
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            table
                .iter()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (k, cells) in table.iter().enumerate() {
        let line: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(s, &w)| format!("{s:>w$}"))
            .collect();
        println!("{}", line.join("  ").trim_end());
        if k == 0 {
            let total = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
            println!("{}", "-".repeat(total));
        }
    }
    for r in rows {
        println!(
            "N={}: {} articles ({} versions), {} rewrites found; files written in {:.1} s; store after +{NEW}: {:.0} MB",
            thousands(r.n),
            count_cell(r.articles),
            count_cell(r.versions),
            count_cell(r.lineage),
            r.write_s,
            r.store_after_bytes as f64 / 1e6
        );
    }
    println!(
        "ingest: wall time of `claimtrack ingest` (extract, store, match) into a new store; CPU: its user+system seconds;\n\
         peak RSS: the child's ru_maxrss; store: db + wal + shm after it, ×text: store / text bytes;\n\
         quotes, figures: rows in the store / items the generator wrote; pairs, claims: rows of matches and claims;\n\
         +20: {NEW} new articles ingested into that store. Definitions: docs/benchmarks.md."
    );
}
