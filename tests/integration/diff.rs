//! `diff` over an edited copy of a real article, and over stored versions.

use crate::util::{seed_text, Dir};

/// Seed 003 with four edits: a figure changed, a quote reworded, an
/// attribution softened and a paragraph moved to the end.
fn edited() -> (String, String) {
    let old = seed_text("003");
    let moved = "So the idea that U.S. intelligence officials would share information with their Russian counterparts seems ludicrous.\n";
    assert!(old.contains(moved));
    let mut new = old
        .replacen(
            "12 Russian military intelligence officials",
            "13 Russian military intelligence officials",
            1,
        )
        .replacen(
            "The warning lights are blinking red again",
            "The warning lights are flashing red again",
            1,
        )
        .replacen(
            "\u{201d} Moriuchi said.",
            "\u{201d} Moriuchi reportedly said.",
            1,
        )
        .replacen(moved, "", 1);
    new.push('\n');
    new.push_str(moved);
    (old, new)
}

fn kinds(list: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap().to_string())
        .collect();
    k.sort();
    k
}

#[test]
fn edited_seed_diffs_to_exactly_its_edits() {
    let dir = Dir::new();
    let (old, new) = edited();
    dir.write("old.txt", &old);
    dir.write("new.txt", &new);
    let run = dir.run(&["diff", "old.txt", "new.txt", "--json"]);
    run.expect_code(0);
    let d = run.json();
    assert_eq!(
        kinds(&d["claims"]),
        ["attribution_softened", "figure_value", "quote_reworded"],
        "{:#}",
        d["claims"]
    );
    let figure = d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "figure_value")
        .unwrap();
    assert_eq!(
        (figure["from"].as_str(), figure["to"].as_str()),
        (Some("12"), Some("13"))
    );
    let text: Vec<&serde_json::Value> = d["text"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["trivial"] == false)
        .collect();
    let mut k: Vec<&str> = text.iter().map(|c| c["kind"].as_str().unwrap()).collect();
    k.sort();
    assert_eq!(
        k,
        ["changed", "changed", "changed", "moved"],
        "{:#}",
        d["text"]
    );
    let reworded = text
        .iter()
        .find(|c| c["old"]["text"].as_str().unwrap().contains("blinking"))
        .unwrap();
    let ops: Vec<(String, String)> = reworded["words"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["op"] != "equal")
        .map(|w| {
            (
                w["op"].as_str().unwrap().into(),
                w["text"].as_str().unwrap().trim().into(),
            )
        })
        .collect();
    assert_eq!(
        ops,
        [
            ("delete".into(), "blinking".into()),
            ("insert".into(), "flashing".into())
        ]
    );
}

#[test]
fn stored_versions_and_trivial_changes() {
    let dir = Dir::new();
    dir.write(
        "a.txt",
        "The group stole nearly $45 million, police said. It was, they said, a record.\n",
    );
    dir.run(&["ingest", "a.txt"]).expect_code(0);
    dir.write(
        "a.txt",
        "The group stole more than $45 million, police said. It was they said a record.\n",
    );
    dir.run(&["ingest", "a.txt"]).expect_code(0);
    let d = dir.run(&["diff", "1", "--json"]).json();
    assert_eq!(kinds(&d["claims"]), ["figure_qualifier"]);
    assert_eq!(d["text"].as_array().unwrap().len(), 2);
    let quiet = dir.run(&["diff", "1", "--ignore-trivial", "--json"]).json();
    assert_eq!(quiet["text"].as_array().unwrap().len(), 1);
    dir.run(&["diff", "1", "--from", "7"]).expect_code(2);
    dir.run(&["diff", "99"]).expect_code(2);
    // The human view names both changes and has no colour when piped.
    let out = dir.run(&["diff", "1"]).stdout();
    assert!(out.contains("figure qualifier changed"), "{out}");
    assert!(out.contains("[-nearly-]{+more than+}"), "{out}");
    assert!(!out.contains('\x1b'));
}

#[test]
fn html_page_is_written_and_escaped() {
    let dir = Dir::new();
    dir.write("old.txt", "Calm words today.\n");
    dir.write("new.txt", "Calm words today. <script>alert('x')</script>\n");
    dir.run(&["diff", "old.txt", "new.txt", "--html", "out.html"])
        .expect_code(0);
    let page = std::fs::read_to_string(dir.path().join("out.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;"));
}
