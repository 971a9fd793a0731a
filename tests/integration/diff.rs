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

/// A store holding `old` then `new` as versions 1 and 2 of one article
/// (the same path, so the same key), ready for `diff 1`.
fn versions(old: &str, new: &str) -> Dir {
    let dir = Dir::new();
    dir.write("article.txt", old);
    dir.run(&["ingest", "article.txt"]).expect_code(0);
    dir.write("article.txt", new);
    dir.run(&["ingest", "article.txt"]).expect_code(0);
    dir
}

/// `text` with `from` replaced by `to` once; `from` must be there.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "no {from:?} to edit");
    text.replacen(from, to, 1)
}

fn claims_of(d: &serde_json::Value) -> Vec<serde_json::Value> {
    d["claims"].as_array().unwrap().clone()
}

/// The claim change about the quote starting with `words`.
fn about<'a>(claims: &'a [serde_json::Value], words: &str) -> Vec<&'a serde_json::Value> {
    claims
        .iter()
        .filter(|c| {
            [&c["old"], &c["new"]]
                .iter()
                .any(|s| s["text"].as_str().is_some_and(|t| t.starts_with(words)))
        })
        .collect()
}

#[test]
fn hedged_attributions_print_what_changed() {
    let old = seed_text("003");
    // Each edit: from, to, the quote it is about, the change, its sides.
    let cases = [
        (
            "\u{201d} Coats said.",
            "\u{201d} Coats reportedly said.",
            "The warning lights",
            "attribution_softened",
            "said",
            "reportedly said",
        ),
        (
            "Eurasia, told VICE News.",
            "Eurasia, allegedly told VICE News.",
            "The idea of a joint",
            "attribution_softened",
            "told",
            "allegedly told",
        ),
        (
            "\u{201d} Moriuchi said.",
            "\u{201d} Moriuchi is reported to have said.",
            "Putin does not seek",
            "attribution_softened",
            "said",
            "reported to have said",
        ),
    ];
    for (from, to, quote, kind, was, now) in cases {
        let new = edit(&old, from, to);
        for (a, b, kind, was, now) in [
            (&old, &new, kind, was, now),
            // And back: the hedge dropped firms the attribution up.
            (&new, &old, "attribution_strengthened", now, was),
        ] {
            let dir = versions(a, b);
            let d = dir.run(&["diff", "1", "--json"]).json();
            let claims = claims_of(&d);
            assert_eq!(claims.len(), 1, "{from} → {to}: {claims:#?}");
            let c = about(&claims, quote);
            assert_eq!(c.len(), 1, "{from} → {to}: {claims:#?}");
            assert_eq!(c[0]["kind"], kind);
            assert_eq!(
                (c[0]["from"].as_str(), c[0]["to"].as_str()),
                (Some(was), Some(now))
            );
            let out = dir.run(&["diff", "1"]).stdout();
            assert!(out.contains(&format!("({was} → {now})")), "{out}");
        }
    }
}

#[test]
fn another_name_of_the_same_speaker_is_no_speaker_change() {
    // The first mention loses the full name: the later quotes credited to
    // "Carpenter" are still Michael Carpenter's.
    let old = seed_text("003");
    let new = edit(
        &old,
        "\u{201d} Michael Carpenter, a former",
        "\u{201d} a former",
    );
    let dir = versions(&old, &new);
    let claims = claims_of(&dir.run(&["diff", "1", "--json"]).json());
    for later in ["We're supposed to", "The mere suggestion"] {
        assert!(about(&claims, later).is_empty(), "{later}: {claims:#?}");
    }
    assert!(
        !claims
            .iter()
            .any(|c| c["kind"] == "speaker_changed" && c["to"] == "Carpenter"),
        "{claims:#?}"
    );
    // Gen. Alexander Bortnikov written as plain "Bortnikov": nothing changed.
    let old = seed_text("000");
    let new = edit(&old, "said Gen. Alexander Bortnikov,", "said Bortnikov,");
    let d = versions(&old, &new).run(&["diff", "1", "--json"]).json();
    assert_eq!(claims_of(&d), Vec::<serde_json::Value>::new());
    // A different person with the same surname is a change.
    let new = edit(
        &old,
        "said Gen. Alexander Bortnikov,",
        "said Natalia Bortnikov,",
    );
    let claims = claims_of(&versions(&old, &new).run(&["diff", "1", "--json"]).json());
    let c = about(&claims, "We are maintaining");
    assert_eq!(c.len(), 1, "{claims:#?}");
    assert_eq!(c[0]["kind"], "speaker_changed");
}

#[test]
fn added_and_removed_quotes_name_the_speaker() {
    let old = seed_text("003");
    let new = edit(
        &old,
        "\u{201c}We're supposed to now launch a joint unit to combat such attacks?\u{201d} Carpenter asks.",
        "\u{201c}We will not comment on intelligence matters,\u{201d} said Jane Doe, a spokeswoman for the State Department.",
    );
    let dir = versions(&old, &new);
    let claims = claims_of(&dir.run(&["diff", "1", "--json"]).json());
    let removed = about(&claims, "We're supposed to");
    assert_eq!(removed.len(), 1, "{claims:#?}");
    assert_eq!(removed[0]["kind"], "quote_removed");
    assert_eq!(removed[0]["old"]["speaker"], "Michael Carpenter");
    assert!(removed[0]["old"]["speaker_title"]
        .as_str()
        .is_some_and(|t| t.contains("Defense Department official")));
    let added = about(&claims, "We will not comment");
    assert_eq!(added.len(), 1, "{claims:#?}");
    assert_eq!(added[0]["kind"], "quote_added");
    assert_eq!(added[0]["new"]["speaker"], "Jane Doe");
    assert!(added[0]["new"]["speaker_title"]
        .as_str()
        .is_some_and(|t| t.contains("spokeswoman for the State Department")));
    let out = dir.run(&["diff", "1"]).stdout();
    let line = |label: &str, words: &str| {
        out.lines()
            .find(|l| l.contains(label) && l.contains(words))
            .unwrap_or_else(|| panic!("no {label} line for {words}:\n{out}"))
            .to_string()
    };
    assert!(
        line("quote removed", "We're supposed to")
            .contains("\u{201d} — Michael Carpenter, former top Defense Department official"),
        "{out}"
    );
    assert!(
        line("quote added", "We will not comment")
            .contains("\u{201d} — Jane Doe, spokeswoman for the State Department"),
        "{out}"
    );
    dir.run(&["diff", "1", "--html", "page.html"])
        .expect_code(0);
    let page = std::fs::read_to_string(dir.path().join("page.html")).unwrap();
    assert!(
        page.contains("— Jane Doe, spokeswoman for the State Department"),
        "{page}"
    );
    assert!(
        page.contains("— Michael Carpenter, former top Defense"),
        "{page}"
    );
}

#[test]
fn html_shows_a_quote_once_when_only_its_credit_changed() {
    let quote = "The idea of a joint cybersecurity unit between the United States and Russia is preposterous";
    let old = seed_text("003");
    let credit = "\u{201d} Michael Carpenter, a former top Defense Department official overseeing Russia and Eurasia, told VICE News.";
    // Each edit: the new credit, and what the page must mark as changed.
    let cases = [
        (
            "\u{201d} Alina Polyakova, a Brookings fellow, said.",
            "<del>Michael Carpenter</del><ins>Alina Polyakova</ins>",
        ),
        (
            "\u{201d} Michael Carpenter, a Brookings fellow, told VICE News.",
            "<del>former top Defense Department official overseeing Russia and Eurasia</del><ins>Brookings fellow</ins>",
        ),
    ];
    for (to, marked) in cases {
        let new = edit(&old, credit, to);
        let dir = versions(&old, &new);
        dir.run(&["diff", "1", "--html", "page.html"])
            .expect_code(0);
        let page = std::fs::read_to_string(dir.path().join("page.html")).unwrap();
        // Claims and text each show the quote once, never struck out or inserted.
        for piece in page.split("<del>").chain(page.split("<ins>")).skip(1) {
            let inside = piece.split("</").next().unwrap();
            assert!(!inside.contains("preposterous"), "{to}: {inside}\n{page}");
        }
        let items: Vec<&str> = page.lines().filter(|l| l.contains(quote)).collect();
        assert_eq!(items.len(), 2, "{to}: {page}");
        assert!(items[0].contains(marked), "{to}: {}", items[0]);
        assert!(
            items[1].starts_with("<li class=\"changed\">"),
            "{to}: {}",
            items[1]
        );
    }
}

#[test]
fn word_diffs_keep_punctuation() {
    let old = seed_text("000");
    // A reworded quote: the comma and the word it replaced both show.
    let new = edit(
        &old,
        "Investigation and the Drug",
        "Investigation, the Drug",
    );
    let dir = versions(&old, &new);
    let out = dir.run(&["diff", "1"]).stdout();
    let shown =
        "Agency, the Federal Bureau of Investigation[- and-]{+,+} the Drug Enforcement Agency";
    assert!(
        out.lines()
            .any(|l| l.contains("quote reworded") && l.contains(shown)),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("~ changed:") && l.contains(shown)),
        "{out}"
    );
    // A comma dropped alone: a trivial text change that still shows it.
    let new = edit(
        &old,
        "Intelligence Agency, the Federal",
        "Intelligence Agency the Federal",
    );
    let dir = versions(&old, &new);
    let d = dir.run(&["diff", "1", "--json"]).json();
    let text = d["text"].as_array().unwrap();
    assert_eq!(text.len(), 1, "{text:#?}");
    assert_eq!(text[0]["trivial"], true);
    // The steps rebuild both sentences exactly.
    let side = |skip: &str| -> String {
        text[0]["words"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["op"] != skip)
            .map(|w| w["text"].as_str().unwrap())
            .collect()
    };
    assert_eq!(side("insert"), text[0]["old"]["text"].as_str().unwrap());
    assert_eq!(side("delete"), text[0]["new"]["text"].as_str().unwrap());
    let out = dir.run(&["diff", "1"]).stdout();
    assert!(
        out.contains("Intelligence Agency[-,-] the Federal Bureau"),
        "{out}"
    );
}

#[test]
fn exit_status_gates_on_fail_on() {
    let old = seed_text("004");
    // A figure changed in value: a claim altered.
    let altered = edit(&old, "a total of 50 people", "a total of 40 people");
    let dir = versions(&old, &altered);
    dir.run(&["diff", "1"]).expect_code(0);
    for (level, code) in [("none", 0), ("altered", 1), ("claims", 1), ("any", 1)] {
        dir.run(&["diff", "1", "--fail-on", level])
            .expect_code(code);
        dir.run(&["diff", "1", "--json", "--fail-on", level])
            .expect_code(code);
    }
    // Only a quote added: a claim, but nothing that stood was altered.
    let mut added = old.clone();
    added.push_str("\n\u{201c}We will publish the full list of suspects next week,\u{201d} said Irina Volk, a spokeswoman for the Interior Ministry.\n");
    let dir = versions(&old, &added);
    let claims = claims_of(&dir.run(&["diff", "1", "--json"]).json());
    assert!(
        !claims.is_empty() && claims.iter().all(|c| c["kind"] == "quote_added"),
        "{claims:#?}"
    );
    for (level, code) in [("altered", 0), ("claims", 1), ("any", 1)] {
        dir.run(&["diff", "1", "--fail-on", level])
            .expect_code(code);
    }
    // Only a trivial text change: no claim; `any` counts it unless hidden.
    let trivial = edit(&old, "a total of 50 people.", "a total of 50 people!");
    let dir = versions(&old, &trivial);
    dir.run(&["diff", "1", "--fail-on", "claims"])
        .expect_code(0);
    dir.run(&["diff", "1", "--fail-on", "any"]).expect_code(1);
    dir.run(&["diff", "1", "--fail-on", "any", "--ignore-trivial"])
        .expect_code(0);
    // Two files work the same way; errors are 2 whatever the level.
    dir.write("old.txt", &old);
    dir.write("new.txt", &altered);
    dir.run(&["diff", "old.txt", "new.txt", "--fail-on", "altered"])
        .expect_code(1);
    dir.run(&["diff", "old.txt", "old.txt", "--fail-on", "any"])
        .expect_code(0);
    dir.run(&["diff", "99", "--fail-on", "none"]).expect_code(2);
    dir.run(&["diff", "old.txt", "missing.txt", "--fail-on", "claims"])
        .expect_code(2);
    dir.run(&["diff", "1", "--fail-on", "sometimes"])
        .expect_code(2);
}
