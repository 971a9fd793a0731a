//! Cross-article matching at scale, on the synthetic corpora of
//! `claimtrack::matching::synth` (articles of Zipf-distributed words).
//! By default the redundant corpus of `generate_redundant`: wire stories
//! reprinted 10–500 times (lognormal), some reprints carrying one planted
//! change, rewrites copying 50–90% of a source, updates, and independent
//! stories. With CLAIMTRACK_BENCH_CORPUS=independent, the earlier corpus
//! (10 quotes and 15 figures per article; about 30% copy three quotes and
//! two figures of an earlier article, changed in a known way). For each N
//! it reports:
//!
//! - the wall time of `match_all` (pairs, claims and lineage), and the CPU
//!   seconds spent in it (user + system, all threads);
//! - peak resident memory (VmHWM) of a child process that generated the
//!   corpus and matched it, and its resident memory just before matching;
//! - recall: planted pairs reported with the expected label and reasons;
//!   divergence recall: the same over the planted pairs that diverge;
//! - precision: reported pairs and reprints joining two copies of one
//!   original item (planted, or implied by chains of plants and famous
//!   quotes), over all reported pairs and reprints; false+ counts the
//!   others. A planted pair is found when its two items are paired or
//!   repeat items that are (`Matching::relations`);
//! - for N up to 1,000 (CLAIMTRACK_BENCH_EXHAUSTIVE_MAX), the share of the
//!   quote and figure pairs of `match_all_exhaustive` that blocked
//!   `match_all` finds too.
//!
//! VmHWM is per process and only grows, so each N runs in a child: this
//! binary re-executes itself with CLAIMTRACK_BENCH_CHILD=N, the child
//! prints one `ROW {json}` line, and the parent prints the table.
//!
//! Run: `cargo bench --bench matching`; choose N with
//! CLAIMTRACK_BENCH_SIZES="1000,10000" (default 1000,10000,100000).
//! See docs/benchmarks.md for definitions and measured figures.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use claimtrack::matching::synth::{
    generate, generate_redundant, FigureVariant, ItemAt, QuoteVariant, Synth,
};
use claimtrack::matching::{
    match_all, match_all_exhaustive, ItemKind, ItemRef, Label, Matching, Pair, Reason,
};
use serde::{Deserialize, Serialize};

const CHILD: &str = "CLAIMTRACK_BENCH_CHILD";
const SIZES: &str = "CLAIMTRACK_BENCH_SIZES";
const EXHAUSTIVE_MAX: &str = "CLAIMTRACK_BENCH_EXHAUSTIVE_MAX";
const CORPUS: &str = "CLAIMTRACK_BENCH_CORPUS";
const DEFAULT_SIZES: &[usize] = &[1_000, 10_000, 100_000];
const QUOTES: usize = 10;
const FIGURES: usize = 15;
const SEED: u64 = 1;

/// What one child measured for one N.
#[derive(Debug, Serialize, Deserialize)]
struct Row {
    n: usize,
    quotes: usize,
    figures: usize,
    text_mb: f64,
    generate_s: f64,
    match_s: f64,
    cpu_s: f64,
    input_rss_mb: f64,
    peak_rss_mb: f64,
    pairs: usize,
    planted: usize,
    planted_found: usize,
    planted_right: usize,
    divergent: usize,
    divergent_right: usize,
    /// Reported pairs joining two copies of one original.
    true_pairs: usize,
    /// Reported pairs that are planted pairs.
    planted_reported: usize,
    exhaustive: Option<Exhaustive>,
}

/// Blocked against exhaustive matching, quote and figure pairs only.
#[derive(Debug, Serialize, Deserialize)]
struct Exhaustive {
    pairs: usize,
    found: usize,
    seconds: f64,
}

fn main() {
    if let Ok(n) = std::env::var(CHILD) {
        let n: usize = n.parse().expect("CLAIMTRACK_BENCH_CHILD: a number");
        let row = child(n);
        println!("ROW {}", serde_json::to_string(&row).expect("row as JSON"));
        return;
    }
    parent();
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

fn parent() {
    let exe = std::env::current_exe().expect("own path");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    eprintln!(
        "matching bench: {cores} cores, load average {} at start; \
         one child process per N (progress below)",
        load_average()
    );
    let mut rows: Vec<(usize, Result<Row, String>, String)> = Vec::new();
    for n in sizes() {
        let before = load_average();
        let mut cmd = Command::new(&exe);
        cmd.args(&args)
            .env(CHILD, n.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let result = match cmd.spawn() {
            Err(e) => Err(format!("could not start: {e}")),
            Ok(mut child) => {
                let mut row = None;
                if let Some(out) = child.stdout.take() {
                    for line in BufReader::new(out).lines().map_while(Result::ok) {
                        match line.strip_prefix("ROW ") {
                            Some(json) => row = serde_json::from_str::<Row>(json).ok(),
                            None => println!("{line}"),
                        }
                    }
                }
                let status = child.wait().map_err(|e| e.to_string());
                match (row, status) {
                    (Some(r), Ok(s)) if s.success() => Ok(r),
                    (_, Ok(s)) => Err(format!("child failed: {s}")),
                    (_, Err(e)) => Err(format!("child failed: {e}")),
                }
            }
        };
        rows.push((n, result, format!("{before}→{}", load_average())));
    }
    print_table(&rows, cores);
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

fn pct(num: usize, den: usize) -> String {
    if den == 0 {
        "-".into()
    } else {
        format!("{:.2}%", 100.0 * num as f64 / den as f64)
    }
}

fn print_table(rows: &[(usize, Result<Row, String>, String)], cores: usize) {
    println!();
    println!(
        "matching: synthetic corpus ({QUOTES} quotes, {FIGURES} figures per article, seed {SEED}), \
         match_all on {cores} cores"
    );
    let header = [
        "N",
        "text MB",
        "match_all",
        "CPU",
        "art/s",
        "peak RSS",
        "input RSS",
        "pairs",
        "recall",
        "div recall",
        "precision",
        "false+",
        "blocked/exh",
        "load",
    ];
    let mut table: Vec<Vec<String>> = vec![header.iter().map(|s| (*s).to_owned()).collect()];
    for (n, row, load) in rows {
        let r = match row {
            Ok(r) => r,
            Err(e) => {
                let mut cells = vec![thousands(*n), e.clone()];
                cells.resize(header.len() - 1, String::new());
                cells.push(load.clone());
                table.push(cells);
                continue;
            }
        };
        let exh = r.exhaustive.as_ref().map_or("-".to_owned(), |e| {
            format!("{} ({:.0} s)", pct(e.found, e.pairs), e.seconds)
        });
        table.push(vec![
            thousands(r.n),
            format!("{:.0}", r.text_mb),
            format!("{:.2} s", r.match_s),
            format!("{:.1} s", r.cpu_s),
            thousands((r.n as f64 / r.match_s.max(1e-9)) as usize),
            format!("{:.0} MB", r.peak_rss_mb),
            format!("{:.0} MB", r.input_rss_mb),
            thousands(r.pairs),
            pct(r.planted_right, r.planted),
            pct(r.divergent_right, r.divergent),
            pct(r.true_pairs, r.pairs),
            thousands(r.pairs - r.true_pairs),
            exh,
            load.clone(),
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
    println!(
        "recall: planted pairs reported with the expected label and reasons; div recall: the same \
         over planted divergences;\nprecision: reported pairs joining copies of one original \
         (planted or implied) / reported pairs; blocked/exh: exhaustive quote and figure pairs \
         also found by match_all.\nload: 1-minute load average before→after the child. \
         Definitions: docs/benchmarks.md."
    );
}

/// A /proc/self/status field in MB.
fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU seconds of this process so far (user + system, all threads).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|st| {
            let f: Vec<&str> = st.rsplit(')').next()?.split_whitespace().collect();
            Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / 100.0)
        })
        .unwrap_or(0.0)
}

fn at(r: &ItemRef) -> ItemAt {
    (r.article, r.index)
}

type PairKey = (ItemAt, ItemAt);

/// The corpus: redundant coverage (wire stories reprinted 10–500 times,
/// rewrites, updates and independent stories), or with
/// CLAIMTRACK_BENCH_CORPUS=independent the earlier generator's articles,
/// which copy little from each other.
fn corpus(n: usize) -> Synth {
    match std::env::var(CORPUS).as_deref() {
        Ok("independent") => generate(n, QUOTES, FIGURES, SEED),
        _ => generate_redundant(n, SEED),
    }
}

fn child(n: usize) -> Row {
    let tag = format!("[N={}]", thousands(n));
    let t = Instant::now();
    let mut s = corpus(n);
    let generate_s = t.elapsed().as_secs_f64();
    let text_mb = s.articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
    let quotes = s.articles.iter().map(|a| a.quotes.len()).sum();
    let figures = s.articles.iter().map(|a| a.figures.len()).sum();
    eprintln!(
        "{tag} generated {text_mb:.0} MB of text, {quotes} quotes, {figures} figures in {generate_s:.1} s; matching"
    );
    let exhaustive_max: usize = std::env::var(EXHAUSTIVE_MAX)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    // What each planted quote should be judged, read before the articles
    // go to the matcher.
    let expected: Vec<&'static [Reason]> = s
        .planted_quotes
        .iter()
        .map(|&(src, dst, v)| v.reasons_in(&s.articles, src, dst))
        .collect();
    let articles = std::mem::take(&mut s.articles);
    let input_rss_mb = status_mb("VmRSS");
    let c0 = cpu_seconds();
    let t = Instant::now();
    let m = match_all(articles);
    let match_s = t.elapsed().as_secs_f64();
    let cpu_s = cpu_seconds() - c0;
    let peak_rss_mb = status_mb("VmHWM");
    eprintln!(
        "{tag} match_all {match_s:.2} s ({cpu_s:.1} CPU s): {} pairs, {} claims ({} contested), {} derived",
        m.pairs.len(),
        m.claims.len(),
        m.claims.iter().filter(|c| c.contested).count(),
        m.lineage.len()
    );
    let acc = accuracy(&s, &expected, &m, &tag);
    let exhaustive = (n <= exhaustive_max).then(|| {
        let blocked: HashSet<(ItemRef, ItemRef)> = m.pairs.iter().map(|p| (p.a, p.b)).collect();
        drop(m);
        let s = corpus(n);
        let t = Instant::now();
        let e = match_all_exhaustive(s.articles);
        let seconds = t.elapsed().as_secs_f64();
        let mut total = (0, 0);
        for kind in [ItemKind::Quote, ItemKind::Figure] {
            let want: Vec<&Pair> = e
                .pairs
                .iter()
                .filter(|p| p.a.kind == kind && p.b.kind == kind)
                .collect();
            let found = want
                .iter()
                .filter(|p| blocked.contains(&(p.a, p.b)))
                .count();
            eprintln!(
                "{tag} exhaustive {kind:?} pairs also found by match_all: {found}/{} ({})",
                want.len(),
                pct(found, want.len())
            );
            total = (total.0 + want.len(), total.1 + found);
        }
        eprintln!("{tag} match_all_exhaustive {seconds:.1} s");
        Exhaustive {
            pairs: total.0,
            found: total.1,
            seconds,
        }
    });
    Row {
        n,
        quotes,
        figures,
        text_mb,
        generate_s,
        match_s,
        cpu_s,
        input_rss_mb,
        peak_rss_mb,
        pairs: acc.pairs,
        planted: acc.planted,
        planted_found: acc.planted_found,
        planted_right: acc.planted_right,
        divergent: acc.divergent,
        divergent_right: acc.divergent_right,
        true_pairs: acc.true_pairs,
        planted_reported: acc.planted_reported,
        exhaustive,
    }
}

/// The two items of a pair or reprint.
struct Side {
    a: ItemRef,
    b: ItemRef,
}

#[derive(Default)]
struct Accuracy {
    pairs: usize,
    planted: usize,
    planted_found: usize,
    planted_right: usize,
    divergent: usize,
    divergent_right: usize,
    true_pairs: usize,
    planted_reported: usize,
}

/// Per variant: (planted, found, found with the expected label and reasons).
#[derive(Default, Clone, Copy)]
struct Tally {
    planted: usize,
    found: usize,
    right: usize,
}

/// Scores reported pairs and reprints against the ground truth of the
/// corpus. A planted pair counts as found when the two items are paired,
/// or repeat items that are (see `Matching::relations`).
fn accuracy(s: &Synth, expected: &[&'static [Reason]], m: &Matching, tag: &str) -> Accuracy {
    let pairs = &m.pairs;
    let mut acc = Accuracy {
        pairs: pairs.len() + m.reprints.len(),
        ..Accuracy::default()
    };
    let relations = m.relations();
    let item = |kind: ItemKind, (article, index): ItemAt| ItemRef {
        article,
        kind,
        index,
        start: 0,
        end: 0,
    };
    let mut planted: HashSet<(ItemKind, PairKey)> = HashSet::new();

    let mut score = |found: Option<&Pair>, expected: &[claimtrack::matching::Reason]| {
        let right = found.is_some_and(|p| {
            let label = if expected.is_empty() {
                Label::Restates
            } else {
                Label::Diverges
            };
            p.label == label && p.reasons == expected
        });
        acc.planted += 1;
        acc.planted_found += usize::from(found.is_some());
        acc.planted_right += usize::from(right);
        if !expected.is_empty() {
            acc.divergent += 1;
            acc.divergent_right += usize::from(right);
        }
        (found.is_some(), right)
    };

    let mut quote_tally: HashMap<QuoteVariant, Tally> = HashMap::new();
    for (&(src, dst, variant), &want) in s.planted_quotes.iter().zip(expected) {
        planted.insert((ItemKind::Quote, (src, dst)));
        let rel = relations.get(&item(ItemKind::Quote, src), &item(ItemKind::Quote, dst));
        let (found, right) = score(rel.as_ref(), want);
        let t = quote_tally.entry(variant).or_default();
        t.planted += 1;
        t.found += usize::from(found);
        t.right += usize::from(right);
    }
    let mut figure_tally: HashMap<FigureVariant, Tally> = HashMap::new();
    for &(src, dst, variant) in &s.planted_figure_variants {
        planted.insert((ItemKind::Figure, (src, dst)));
        let rel = relations.get(&item(ItemKind::Figure, src), &item(ItemKind::Figure, dst));
        let (found, right) = score(rel.as_ref(), variant.reasons());
        let t = figure_tally.entry(variant).or_default();
        t.planted += 1;
        t.found += usize::from(found);
        t.right += usize::from(right);
    }

    let mut false_by_kind: HashMap<(ItemKind, ItemKind), usize> = HashMap::new();
    let as_pairs = m.reprints.iter().map(|r| (r.of, r.item));
    for (a, b) in pairs.iter().map(|p| (p.a, p.b)).chain(as_pairs) {
        let p = Side { a, b };
        let key = (at(&p.a), at(&p.b));
        let same_kind = p.a.kind == p.b.kind;
        if same_kind && s.same_origin(p.a.kind, key.0, key.1) {
            acc.true_pairs += 1;
            acc.planted_reported += usize::from(planted.contains(&(p.a.kind, key)));
        } else {
            *false_by_kind.entry((p.a.kind, p.b.kind)).or_default() += 1;
        }
    }

    let line = |t: &Tally| format!("{}/{} right ({} found)", t.right, t.planted, t.found);
    let quotes: Vec<String> = QuoteVariant::ALL
        .iter()
        .filter_map(|v| quote_tally.get(v).map(|t| format!("{v:?} {}", line(t))))
        .collect();
    let figures: Vec<String> = FigureVariant::ALL
        .iter()
        .filter_map(|v| figure_tally.get(v).map(|t| format!("{v:?} {}", line(t))))
        .collect();
    eprintln!("{tag} planted quotes: {}", quotes.join(", "));
    eprintln!("{tag} planted figures: {}", figures.join(", "));
    let mut false_kinds: Vec<String> = false_by_kind
        .iter()
        .map(|((a, b), c)| format!("{a:?}-{b:?} {c}"))
        .collect();
    false_kinds.sort();
    eprintln!(
        "{tag} reported {} pairs and reprints: {} planted, {} implied (chains of plants, famous quotes), {} false ({})",
        acc.pairs,
        acc.planted_reported,
        acc.true_pairs - acc.planted_reported,
        acc.pairs - acc.true_pairs,
        if false_kinds.is_empty() {
            "none".to_owned()
        } else {
            false_kinds.join(", ")
        }
    );
    acc
}
