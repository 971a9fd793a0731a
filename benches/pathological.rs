//! Pathological inputs run in linear time: each is timed at two sizes and
//! the ratio of times must stay near the ratio of sizes (2), well under the
//! 4 a quadratic blow-up gives. Fails (panics) when a ratio exceeds 3.
//!
//! Run: `cargo bench --bench pathological` (CLAIMTRACK_BENCH_MB sets the
//! smaller size in MB; default 8, so the largest input is 16 MB, and the seed
//! text case runs at 50 and 100 MB).

mod common;

use std::time::Instant;

use claimtrack::extract::extract;
use claimtrack::ingest::format::{to_text, Format};

fn time<F: FnMut()>(mut f: F) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64()
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
        "{:<28} {:>10} {:>10} {:>10} {:>10} {:>6}",
        "input", "size", "time", "2x size", "time", "ratio"
    );
    let mut worst: f64 = 0.0;
    for (name, make, html) in &cases {
        let a = make(small);
        let b = make(2 * small);
        let run = |s: &str| {
            if *html {
                let (text, _) = to_text(s, Format::Html);
                std::hint::black_box(extract(&text));
            } else {
                std::hint::black_box(extract(s));
            }
        };
        let cut = (0..=a.len().min(100_000))
            .rev()
            .find(|&i| a.is_char_boundary(i))
            .unwrap_or(0);
        run(&a[..cut]); // warm up
        let ta = time(|| run(&a));
        let tb = time(|| run(&b));
        let ratio = tb / ta.max(1e-9);
        worst = worst.max(ratio);
        println!(
            "{name:<28} {:>8.1}MB {:>9.3}s {:>8.1}MB {:>9.3}s {ratio:>6.2}",
            a.len() as f64 / 1e6,
            ta,
            b.len() as f64 / 1e6,
            tb
        );
        assert!(
            ratio < 3.0,
            "{name}: doubling the input multiplied the time by {ratio:.2}"
        );
    }
    println!("worst ratio {worst:.2} (linear: 2; quadratic: 4)");
}
