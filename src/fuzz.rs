//! Entry points for the fuzz targets in `tests/fuzz/` and for the test that
//! replays their checked-in corpus on every `cargo test`.
//!
//! Each function takes arbitrary bytes, runs one stage the way `ingest` and
//! `extract` run it, and panics if the output breaks a promise the rest of
//! the tool relies on, so the fuzzer finds wrong answers as well as crashes.

use crate::extract::figures::figures as scan_figures;
use crate::extract::model::{Extraction, Figure};
use crate::extract::{extract as extract_all, quotes::quotes};
use crate::ingest::format::{decode, to_text, Format};
use crate::ingest::meta::{infer, normalise_date};

/// Bytes as the tool reads them: invalid UTF-8 replaced, as ingest does.
fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The extractor: quotes and figures of arbitrary text.
pub fn extract(data: &[u8]) {
    let text = text_of(data);
    let x = extract_all(&text);
    check_extraction(&text, &x);
    // The extractor is a pure function: the same text, the same answer
    // (quotes alone too, as `quotes` is called on its own elsewhere).
    assert_eq!(quotes(&text), x.quotes, "quotes() differs from extract()");
}

/// The HTML-to-text step (and Markdown, and format sniffing), then
/// metadata inference and extraction over what it produced.
pub fn html(data: &[u8]) {
    // What ingest does first: refuse binary and empty input.
    let raw = match decode(data) {
        Ok((text, _)) => text,
        Err(_) => text_of(data),
    };
    let _ = Format::sniff(&raw);
    for format in [Format::Html, Format::Markdown] {
        let (text, meta) = to_text(&raw, format);
        if let Some(date) = &meta.published {
            assert!(
                normalise_date(date).is_some(),
                "published date {date:?} is not a date"
            );
        }
        let inferred = infer(&text);
        if let Some(date) = &inferred.published {
            assert!(
                normalise_date(date).is_some(),
                "inferred date {date:?} is not a date"
            );
        }
        let x = extract_all(&text);
        check_extraction(&text, &x);
    }
}

/// The most HTML [`html_shapes`] builds from one input.
const SHAPES_MAX: usize = 256 << 10;

/// HTML built from the input as a few large shapes — tags with huge
/// attribute counts, deep nesting, long tag names and values, long or
/// unterminated comments, repeated text — far larger than the fuzzer's own
/// inputs may be, then checked as [`html`] checks. Each shape is four bytes
/// (kind, a repeat count of up to 262,140, a fragment length) and the
/// fragment. Up to 256 KiB: far past the tag-width bound (a tag of
/// 100,000 attributes fits) while the extraction of the text it yields
/// stays well inside the fuzzer's per-input timeout, even when that text
/// is nothing but speech cues.
pub fn html_shapes(data: &[u8]) {
    // The HTML path only: Markdown of a megabyte of tags is slow and tests
    // nothing these shapes are for.
    let raw = build_shapes(data);
    let (text, meta) = to_text(&raw, Format::Html);
    if let Some(date) = &meta.published {
        assert!(normalise_date(date).is_some(), "published date {date:?}");
    }
    let x = extract_all(&text);
    check_extraction(&text, &x);
}

/// The HTML of [`html_shapes`] (public for its tests and the seed corpus).
pub fn build_shapes(data: &[u8]) -> String {
    const ATTRS: [&str; 6] = [r#" a="1""#, r#"a="""#, " a=1", " a='1'", " a", " /"];
    let mut out = String::new();
    let mut open = 0usize;
    let mut rest = data;
    while rest.len() >= 4 && out.len() < SHAPES_MAX {
        let kind = rest[0] % 7;
        let n = usize::from(u16::from_le_bytes([rest[1], rest[2]])) * 4;
        let len = usize::from(rest[3] % 32).min(rest.len() - 4);
        let frag = String::from_utf8_lossy(&rest[4..4 + len]).into_owned();
        rest = &rest[4 + len..];
        let repeat = |out: &mut String, piece: &str| {
            for _ in 0..n {
                if out.len() >= SHAPES_MAX {
                    break;
                }
                out.push_str(piece);
            }
        };
        match kind {
            0 => {
                out.push_str("<p");
                repeat(&mut out, ATTRS[len % ATTRS.len()]);
                out.push_str(&frag);
                out.push('>');
            }
            1 => {
                repeat(&mut out, &format!("<div{frag}>"));
                open += n;
            }
            2 => repeat(&mut out, &frag),
            3 => {
                out.push_str("<p title=\"");
                repeat(&mut out, &frag);
                out.push_str("\">");
            }
            4 => {
                out.push('<');
                repeat(&mut out, "a");
                out.push_str(&frag);
                out.push('>');
            }
            5 => {
                out.push_str("<!--");
                repeat(&mut out, &frag);
                if len % 2 == 0 {
                    out.push_str("-->");
                }
            }
            _ => {
                let close = n.min(open);
                repeat(&mut out, "</div>");
                open -= close;
            }
        }
    }
    out
}

/// The figure scanner and normaliser on its own.
pub fn figures(data: &[u8]) {
    let text = text_of(data);
    let figs = scan_figures(&text);
    check_figures(&text, &figs);
    // The date normaliser ingest applies to metadata, on the same bytes.
    if let Some(iso) = normalise_date(&text) {
        assert_eq!(normalise_date(&iso), Some(iso.clone()), "not idempotent");
    }
}

/// Every promise the extraction output makes (docs/extraction.md): offsets
/// are char boundaries inside the text, the reported text is exactly that
/// slice, numbers are finite so JSON can carry them, links point at another
/// figure of the same list, and the output serialises.
pub fn check_extraction(text: &str, x: &Extraction) {
    for q in &x.quotes {
        check_span(text, q.start, q.end, &q.text, "quote");
        if let Some(s) = &q.speaker {
            assert!(!s.trim().is_empty(), "empty speaker name: {q:?}");
        }
    }
    check_figures(text, &x.figures);
    serde_json::to_string(x).expect("extraction serialises to JSON");
}

fn check_figures(text: &str, figs: &[Figure]) {
    for (i, f) in figs.iter().enumerate() {
        check_span(text, f.start, f.end, &f.text, "figure");
        for v in [f.value, f.high].into_iter().flatten() {
            assert!(v.is_finite(), "figure {i} has a non-finite value: {f:?}");
        }
        if let Some(date) = &f.date {
            assert!(
                normalise_date(date).is_some(),
                "figure {i} has a date that is not ISO: {f:?}"
            );
        }
        if let Some(j) = f.linked_to {
            assert!(
                j < figs.len() && j != i,
                "figure {i} links to {j} of {}",
                figs.len()
            );
        }
    }
}

fn check_span(text: &str, start: usize, end: usize, reported: &str, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what} span {start}..{end} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} span {start}..{end} splits a character"
    );
    assert_eq!(&text[start..end], reported, "{what} text is not its span");
}
