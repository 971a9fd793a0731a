//! Replays the fuzz corpus (`tests/fuzz/corpus/`) and every input that once
//! broke a target (`tests/fuzz/regressions/`) through the same checks the
//! fuzz targets run, so `cargo test` holds on to what fuzzing found without
//! needing a nightly toolchain.

use std::fs;
use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let mut n = 0;
    for kind in ["corpus", "regressions"] {
        let dir = root.join(kind).join(target);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{target} fails on {}", path.display());
            n += 1;
        }
    }
    assert!(
        n >= 20,
        "only {n} inputs for {target}: is the corpus there?"
    );
}

#[test]
fn extract_corpus() {
    replay("extract", claimtrack::fuzz::extract);
}

#[test]
fn html_corpus() {
    replay("html", claimtrack::fuzz::html);
}

#[test]
fn html_shapes_corpus() {
    replay("html_shapes", claimtrack::fuzz::html_shapes);
}

#[test]
fn figures_corpus() {
    replay("figures", claimtrack::fuzz::figures);
}
