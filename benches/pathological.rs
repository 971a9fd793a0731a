//! Pathological inputs run in linear time: each is timed at two sizes and
//! the ratio of times must stay near the ratio of sizes (2), well under the
//! 4 a quadratic blow-up gives. Fails (panics) when a ratio exceeds 3. The
//! peak heap memory of each run (counted by a wrapping allocator) is reported per input byte and must stay under `MAX_MEMORY_PER_BYTE`.
//!
//! Run: `cargo bench --bench pathological` (CLAIMTRACK_BENCH_MB sets the
//! smaller size in MB; default 8, so the largest input is 16 MB, and the seed
//! text case runs at 50 and 100 MB).

mod common;

/// The most peak heap memory an extraction may take, in bytes per input
/// byte: its segmentation, marks and tokens, and the quotes it returns
/// (text made only of short quotes returns about 20 bytes of quotes per
/// byte). A constant per byte, never a blow-up.
const MAX_MEMORY_PER_BYTE: f64 = 32.0;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use claimtrack::extract::extract;
use claimtrack::ingest::format::{to_text, Format};

/// Counts heap bytes in use and their peak, so each run's peak is exact
/// and independent of what the allocator kept from earlier runs.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now =
                    IN_USE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// One run: seconds, peak heap bytes beyond what was in use at the start,
/// and the bytes the result itself holds (quotes and figures found).
fn measure<T, F: FnOnce() -> T>(f: F) -> (f64, usize, usize) {
    let before = IN_USE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let start = Instant::now();
    let out = std::hint::black_box(f());
    let t = start.elapsed().as_secs_f64();
    let held = IN_USE.load(Relaxed).saturating_sub(before);
    drop(out);
    (t, PEAK.load(Relaxed) - before, held)
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

fn main() {
    let mb: usize = std::env::var("CLAIMTRACK_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let small = mb * 1_000_000;
    let seeds = common::seed_texts().concat();
    type Make = Box<dyn Fn(usize) -> String>;
    let seeds_for = seeds.clone();
    let cases: Vec<(&str, Make, bool)> = vec![
        (
            "quote marks only",
            Box::new(|n| repeat_to("\u{201c}", n)),
            false,
        ),
        (
            "straight quotes and words",
            Box::new(|n| repeat_to("\"a said \" ", n)),
            false,
        ),
        (
            "one line, no spaces",
            Box::new(|n| repeat_to("x", n)),
            false,
        ),
        (
            "NUL bytes and said that",
            Box::new(|n| repeat_to("\0said that\0", n)),
            false,
        ),
        (
            "speech cues, no spaces",
            Box::new(|n| repeat_to("\u{fffd}said\0that\0", n)),
            false,
        ),
        (
            "dense cues and clauses",
            Box::new(|n| repeat_to("A, who said B, said that C said ", n)),
            false,
        ),
        (
            "right-to-left text",
            Box::new(|n| repeat_to("\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{201c}\u{5d0}\u{201d} ", n)),
            false,
        ),
        (
            "every quote mark and dash",
            Box::new(|n| {
                repeat_to("\"'\u{2018}\u{2019}\u{201c}\u{201d}\u{201e}\u{ab}\u{bb}\u{2039}\u{203a}-\u{2013}\u{2014}\u{2212} said. ", n)
            }),
            false,
        ),
        (
            "nested HTML tags",
            Box::new(|n| {
                let depth = n / 11;
                "<div>".repeat(depth) + "text" + &"</div>".repeat(depth)
            }),
            true,
        ),
        (
            "seed articles (x50 MB)",
            Box::new(move |n| repeat_to(&seeds_for, n * 50 / 8)),
            false,
        ),
    ];
    println!(
        "{:<28} {:>10} {:>10} {:>10} {:>10} {:>6} {:>9} {:>6} {:>9}",
        "input", "size", "time", "2x size", "time", "ratio", "peak", "/byte", "result"
    );
    let mut worst: f64 = 0.0;
    let mut worst_mem: f64 = 0.0;
    let mut failures = Vec::new();
    for (name, make, html) in &cases {
        let a = make(small);
        let b = make(2 * small);
        let run = |s: &str| {
            if *html {
                let (text, _) = to_text(s, Format::Html);
                extract(&text)
            } else {
                extract(s)
            }
        };
        let cut = (0..=a.len().min(100_000))
            .rev()
            .find(|&i| a.is_char_boundary(i))
            .unwrap_or(0);
        run(&a[..cut]); // warm up
        let (ta, ma, _) = measure(|| run(&a));
        let (tb, mb, held) = measure(|| run(&b));
        let ratio = tb / ta.max(1e-9);
        worst = worst.max(ratio);
        // Peak heap per input byte at the larger size, and how it grew.
        let per_byte = mb as f64 / b.len() as f64;
        let mem_ratio = mb as f64 / ma.max(1) as f64;
        worst_mem = worst_mem.max(per_byte);
        println!(
            "{name:<28} {:>8.1}MB {:>9.3}s {:>8.1}MB {:>9.3}s {ratio:>6.2} {:>7.0}MB {per_byte:>6.1} {:>7.0}MB",
            a.len() as f64 / 1e6,
            ta,
            b.len() as f64 / 1e6,
            tb,
            mb as f64 / 1e6,
            held as f64 / 1e6,
        );
        if ratio >= 3.0 {
            failures.push(format!(
                "{name}: doubling the input multiplied the time by {ratio:.2}"
            ));
        }
        if per_byte >= MAX_MEMORY_PER_BYTE {
            failures.push(format!(
                "{name}: {per_byte:.1} bytes of peak memory per input byte"
            ));
        }
        if ma > 1_000_000 && mem_ratio >= 3.0 {
            failures.push(format!(
                "{name}: doubling the input multiplied peak memory by {mem_ratio:.2}"
            ));
        }
    }
    println!("worst time ratio {worst:.2} (linear: 2; quadratic: 4)");
    println!("worst peak memory {worst_mem:.1} bytes per input byte (limit {MAX_MEMORY_PER_BYTE})");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
