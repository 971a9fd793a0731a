//! Everyday use: searching quotes and article text, naming articles in
//! `lineage`, counts in the singular; and the helpers the tests of
//! `articles set`/`rm` and `ingest` share to compare a store with one
//! built afresh.

use std::collections::HashMap;

use crate::util::Dir;

/// A store of the five seeds, in `seeds/` of a fresh folder.
pub fn seeded() -> Dir {
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    dir.run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);
    dir
}

/// One number from the store, by SQL.
pub fn sql(dir: &Dir, query: &str) -> i64 {
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    conn.query_row(query, [], |r| r.get(0)).unwrap()
}

/// Every live claim as (kind, contested, reasons, items), each item as
/// (file name of its article, byte range): comparable between stores
/// whose article ids differ.
pub fn claim_signature(dir: &Dir) -> Vec<String> {
    let articles = dir.run(&["articles", "--json"]).json();
    let name: HashMap<i64, String> = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let path = a["path"].as_str().unwrap_or_default();
            let file = std::path::Path::new(path).file_name().unwrap();
            (
                a["id"].as_i64().unwrap(),
                file.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let claims = dir.run(&["claims", "--json"]).json();
    let mut out: Vec<String> = claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut items: Vec<String> = c["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| {
                    format!(
                        "{}@{}..{}",
                        name[&i["article"].as_i64().unwrap()],
                        i["start"],
                        i["end"]
                    )
                })
                .collect();
            items.sort();
            format!(
                "{} contested={} {} [{}]",
                c["kind"],
                c["contested"],
                c["reasons"],
                items.join(", ")
            )
        })
        .collect();
    out.sort();
    out
}

/// The claims of a fresh store holding the seeds whose file names pass
/// `keep`, after `edit` has changed their copies (sidecars, say).
pub fn fresh_signature(keep: impl Fn(&str) -> bool, edit: impl Fn(&Dir)) -> Vec<String> {
    let fresh = Dir::new();
    let seeds = fresh.seeds("seeds");
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !keep(&name) {
            std::fs::remove_file(path).unwrap();
        }
    }
    edit(&fresh);
    fresh
        .run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);
    claim_signature(&fresh)
}

/// Sets fields of a seed's sidecar in `dir/seeds/`.
pub fn edit_sidecar(dir: &Dir, prefix: &str, fields: &[(&str, &str)]) {
    let seeds = dir.path().join("seeds");
    let path = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(prefix) && n.ends_with(".meta.json")
        })
        .unwrap();
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    for (k, v) in fields {
        meta[*k] = serde_json::Value::String(v.to_string());
    }
    std::fs::write(&path, serde_json::to_vec(&meta).unwrap()).unwrap();
}

#[test]
fn search_takes_quoted_phrases_and_looks_in_article_text() {
    let dir = seeded();
    let phrase = dir.run(&["search", "\"joint working group\"", "--json"]);
    phrase.expect_code(0);
    let found = phrase.json();
    let articles = found["articles"].as_array().unwrap();
    let ids: Vec<i64> = articles
        .iter()
        .map(|a| a["article"].as_i64().unwrap())
        .collect();
    assert!(ids.contains(&4) && ids.contains(&1), "{found}");
    for a in articles {
        let snippet = a["snippet"].as_str().unwrap();
        let marks = a["highlights"].as_array().unwrap();
        assert!(!marks.is_empty(), "{a}");
        for m in marks {
            let (s, e) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            assert_eq!(snippet[s..e].to_lowercase(), "joint working group", "{a}");
        }
    }
    assert_eq!(articles[0]["outlet"], "VICE News", "{found}");
    let quotes = found["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        assert!(
            q["text"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("joint working group"),
            "{q}"
        );
    }
    // The same words out of order are no phrase, but all of them occur.
    let swapped = dir
        .run(&["search", "\"working joint group\"", "--json"])
        .json();
    assert_eq!(swapped["articles"].as_array().unwrap().len(), 0);
    assert_eq!(swapped["quotes"].as_array().unwrap().len(), 0);
    let words = dir
        .run(&["search", "working", "joint", "group", "--json"])
        .json();
    assert!(words["articles"].as_array().unwrap().len() >= ids.len());
    // Narration is searched: "Lurk" is in no quote.
    let text = dir.run(&["search", "Lurk"]);
    text.expect_code(0);
    let out = text.stdout();
    assert!(out.contains("0 quotes\n"), "{out}");
    assert!(
        out.contains("article 5  The Moscow Times, 2021-05-14, ‘Can the U.S. Still Cooperate"),
        "{out}"
    );
    assert!(out.contains("The **Lurk** group"), "{out}");
    assert!(out.ends_with("2 articles\n"), "{out}");
    let one = dir.run(&["search", "Lurk", "--in", "articles", "--limit", "1"]);
    assert!(one.stdout().ends_with("\n1 article\n"), "{}", one.stdout());
    assert!(!one.stdout().contains("Quotes"), "{}", one.stdout());
}

#[test]
fn search_syntax_is_taken_literally() {
    let dir = seeded();
    for q in [
        &["NEAR(joint", "group)"][..],
        &["joint", "OR", "*"],
        &["\"joint working", "group"],
        &["Lurk:", "^y", "{a b}", "--", "-x"],
    ] {
        let mut args = vec!["search"];
        args.extend_from_slice(q);
        let run = dir.run(&args);
        run.expect_code(0);
        assert!(!run.stderr().contains("fts5"), "{}", run.stderr());
    }
    // Punctuation alone finds nothing; an empty phrase is no search.
    let dots = dir.run(&["search", "...", "*", "--json"]);
    dots.expect_code(0);
    assert_eq!(dots.json()["articles"].as_array().unwrap().len(), 0);
    let nothing = dir.run(&["search", "\"\"", " "]);
    nothing.expect_code(2);
    assert!(nothing.stderr().contains("give at least one word"));
}

#[test]
fn lineage_names_outlets_and_titles() {
    let dir = seeded();
    let run = dir.run(&["lineage"]);
    run.expect_code(0);
    let out = run.stdout();
    assert!(
        out.contains("2 outlet unknown, ‘Putin's Top Spy Says Russia And…’"),
        "{out}"
    );
    assert!(out.contains("1 The Daily Beast"), "{out}");
    assert!(out.ends_with("1 rewrite\n"), "{out}");
    let json = dir.run(&["lineage", "--json"]).json();
    assert_eq!(json[0]["article"], 2);
    assert_eq!(
        json[0]["article_name"]["title"],
        "Putin's Top Spy Says Russia And U.S. Are Teaming Up On Cybersecurity"
    );
    assert_eq!(json[0]["source_name"]["outlet"], "The Daily Beast");
}

#[test]
fn counts_of_one_are_singular() {
    let dir = Dir::new();
    dir.write("a.txt", "Police arrested 50 people in Kazan on Monday.\n");
    let run = dir.run(&["ingest", "a.txt"]);
    run.expect_code(0);
    let out = run.stdout();
    assert!(
        out.contains("\n1 article: 1 new, 0 updated, 0 unchanged, 0 failed\n"),
        "{out}"
    );
    assert!(
        out.contains("matched 1 article, read 0 stored articles: 0 new pairs; the store holds 0 claims, 0 contested"),
        "{out}"
    );
    assert!(dir.run(&["articles"]).stdout().ends_with("\n1 article\n"));
    assert!(dir.run(&["figures"]).stdout().ends_with("\n1 figure\n"));
    let seeds = seeded();
    let one = seeds.run(&["contested", "--limit", "1"]).stdout();
    assert!(one.ends_with("\n1 contested claim\n"), "{one}");
    let claims = seeds.run(&["claims"]).stdout();
    let last = claims.lines().last().unwrap_or_default();
    let n: usize = last
        .strip_suffix(" claims")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{claims}"));
    assert!(n > 1, "{claims}");
}
