use crate::everyday::{claim_signature, edit_sidecar, fresh_signature, seeded, sql};
use crate::util::Dir;

#[test]
fn lists_seed_metadata_from_sidecars() {
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    dir.run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);
    let run = dir.run(&["articles", "--json"]);
    run.expect_code(0);
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let mt = rows
        .iter()
        .find(|r| r["outlet"] == "The Moscow Times")
        .expect("The Moscow Times article");
    assert_eq!(mt["published"], "2021-05-14");
    assert_eq!(mt["versions"], 1);
    assert!(mt["words"].as_i64().unwrap() > 900);
    let table = dir.run(&["articles"]).stdout();
    assert!(table.contains("Can the U.S. Still Cooperate"), "{table}");
    assert!(table.ends_with("5 articles\n"), "{table}");
}

#[test]
fn missing_store_is_an_error_not_a_new_store() {
    let dir = Dir::new();
    let run = dir.run(&["articles"]);
    run.expect_code(2);
    assert!(run.stderr().contains("no store here"), "{}", run.stderr());
    assert!(!dir.db().exists());
}

/// Rows left anywhere in the store for an article's version(s).
fn rows_of_version(dir: &Dir, version: i64) -> i64 {
    [
        format!("SELECT count(*) FROM versions WHERE id = {version}"),
        format!("SELECT count(*) FROM quotes WHERE version_id = {version}"),
        format!("SELECT count(*) FROM figures WHERE version_id = {version}"),
        format!(
            "SELECT count(*) FROM matches WHERE a_version = {version} OR b_version = {version}"
        ),
        format!("SELECT count(*) FROM claim_items WHERE version_id = {version}"),
        format!("SELECT count(*) FROM blocking WHERE version_id = {version}"),
        format!("SELECT count(*) FROM forms WHERE version_id = {version}"),
    ]
    .iter()
    .map(|q| sql(dir, q))
    .sum()
}

#[test]
fn rm_removes_an_article_and_regroups_its_claims() {
    let dir = seeded();
    let version = sql(&dir, "SELECT id FROM versions WHERE article_id = 5");
    assert!(rows_of_version(&dir, version) > 20);
    let before = dir.run(&["contested", "--json"]).json();
    let lurk = before[0]["id"].as_i64().unwrap();
    assert!(before[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["article"] == 5));
    let run = dir.run(&["articles", "rm", "5"]);
    run.expect_code(0);
    let out = run.stdout();
    assert!(
        out.starts_with("removed article 5 (The Moscow Times, ‘Can the U.S. Still Cooperate With Russia's Security Agencies?’, 2021-05-14): 1 version, 2 quotes, 11 figures\n"),
        "{out}"
    );
    assert!(out.contains("matched again: article 3;"), "{out}");
    assert_eq!(rows_of_version(&dir, version), 0);
    assert_eq!(sql(&dir, "SELECT count(*) FROM articles WHERE id = 5"), 0);
    assert_eq!(
        sql(
            &dir,
            "SELECT count(*) FROM outlets WHERE name = 'The Moscow Times'"
        ),
        0
    );
    // Its text is gone from the full-text index too.
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    let hits: Vec<i64> = conn
        .prepare(
            "SELECT v.article_id FROM versions_fts JOIN versions v ON v.id = versions_fts.rowid
             WHERE versions_fts MATCH 'Lurk'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(hits, vec![3]);
    // Both full-text indexes agree with their tables (FTS5 checks).
    for fts in ["versions_fts", "quotes_fts"] {
        conn.execute(
            &format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)"),
            [],
        )
        .unwrap();
    }
    // The claim it shared with one other article is no longer listed.
    let show = dir.run(&["show", &lurk.to_string()]);
    show.expect_code(2);
    assert!(show.stderr().contains("is gone"), "{}", show.stderr());
    // The store now holds what the other four alone would give.
    assert_eq!(
        claim_signature(&dir),
        fresh_signature(|n| !n.starts_with("004"), |_| {})
    );
}

#[test]
fn rm_of_a_rewrite_source_keeps_claims_as_a_fresh_store_would() {
    let dir = seeded();
    dir.run(&["articles", "rm", "1"]).expect_code(0);
    assert_eq!(sql(&dir, "SELECT count(*) FROM lineage"), 0);
    assert_eq!(
        sql(&dir, "SELECT count(*) FROM claims WHERE live AND contested"),
        1
    );
    assert_eq!(
        claim_signature(&dir),
        fresh_signature(|n| !n.starts_with("000"), |_| {})
    );
    // By path as well as by id.
    let path = dir.path().join("seeds/001_1bd334d6814caaa0.txt");
    dir.run(&["articles", "rm", path.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(sql(&dir, "SELECT count(*) FROM articles"), 3);
}

#[test]
fn rm_of_an_unknown_article_changes_nothing() {
    let dir = seeded();
    let claims = claim_signature(&dir);
    let run = dir.run(&["articles", "rm", "2", "99"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("no article 99 (see `claimtrack articles`)"),
        "{}",
        run.stderr()
    );
    assert_eq!(sql(&dir, "SELECT count(*) FROM articles"), 5);
    assert_eq!(claim_signature(&dir), claims);
    let none = Dir::new();
    none.run(&["articles", "rm", "1"]).expect_code(2);
    assert!(!none.db().exists());
}

#[test]
fn set_corrects_metadata_and_rematches_as_a_fresh_store_would() {
    let dir = seeded();
    let run = dir.run(&[
        "articles",
        "set",
        "2",
        "--outlet",
        "The Daily Beast",
        "--published",
        "May 15, 2021",
        "--author",
        "Jane Doe",
    ]);
    run.expect_code(0);
    let out = run.stdout();
    assert!(
        out.contains("article 2: outlet none → \"The Daily Beast\"\n"),
        "{out}"
    );
    assert!(
        out.contains("article 2: published none → \"2021-05-15\"\n"),
        "{out}"
    );
    assert!(
        out.contains("matched again: article 2 and article 1"),
        "{out}"
    );
    let rows = dir.run(&["articles", "--json"]).json();
    let a = &rows[1];
    assert_eq!(a["outlet"], "The Daily Beast");
    assert_eq!(a["published"], "2021-05-15");
    assert_eq!(
        sql(
            &dir,
            "SELECT count(*) FROM articles WHERE author = 'Jane Doe'"
        ),
        1
    );
    // One outlet now carries both articles: their contested claims, still
    // stored, span one outlet and leave the report.
    let only_1_and_2 = |c: &serde_json::Value| {
        c["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["article"] == 1 || i["article"] == 2)
    };
    let claims = dir.run(&["claims", "--json"]).json();
    let between: Vec<&serde_json::Value> = claims
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["contested"] == true && only_1_and_2(c))
        .collect();
    assert!(!between.is_empty());
    assert!(between.iter().all(|c| c["outlets"] == 1));
    let contested = dir.run(&["contested", "--json"]).json();
    assert!(!contested.as_array().unwrap().iter().any(only_1_and_2));
    assert_eq!(
        claim_signature(&dir),
        fresh_signature(
            |_| true,
            |d| edit_sidecar(
                d,
                "001",
                &[
                    ("outlet", "The Daily Beast"),
                    ("published", "2021-05-15"),
                    ("author", "Jane Doe")
                ]
            )
        )
    );
    // The same again changes nothing; an empty value clears a field.
    let again = dir.run(&["articles", "set", "2", "--outlet", "The Daily Beast"]);
    assert_eq!(again.stdout(), "article 2: nothing changed\n");
    let cleared = dir
        .run(&["articles", "set", "2", "--title", "", "--json"])
        .json();
    assert_eq!(cleared["changes"][0]["field"], "title");
    assert_eq!(cleared["changes"][0]["to"], serde_json::Value::Null);
    assert_eq!(cleared["matching"], serde_json::Value::Null);
    assert_eq!(
        sql(
            &dir,
            "SELECT count(*) FROM articles WHERE id = 2 AND title IS NULL"
        ),
        1
    );
}

#[test]
fn set_refuses_bad_input_and_changes_nothing() {
    let dir = seeded();
    let bad_date = dir.run(&["articles", "set", "5", "--published", "2021-02-30"]);
    bad_date.expect_code(2);
    assert!(
        bad_date
            .stderr()
            .contains("--published \"2021-02-30\" is not a date like 2021-05-14"),
        "{}",
        bad_date.stderr()
    );
    let unknown = dir.run(&["articles", "set", "42", "--outlet", "X"]);
    unknown.expect_code(2);
    assert!(
        unknown.stderr().contains("no article 42"),
        "{}",
        unknown.stderr()
    );
    dir.run(&["articles", "set", "5"]).expect_code(2);
    // A URL another article has: refused, and the outlet given with it
    // is not half-written.
    dir.run(&["articles", "set", "1", "--url", "https://example.com/a"])
        .expect_code(0);
    let taken = dir.run(&[
        "articles",
        "set",
        "5",
        "--outlet",
        "Someone Else",
        "--url",
        "https://example.com/a",
    ]);
    taken.expect_code(2);
    assert!(
        taken
            .stderr()
            .contains("article 1 already has the URL https://example.com/a"),
        "{}",
        taken.stderr()
    );
    let rows = dir.run(&["articles", "--json"]).json();
    assert_eq!(rows[4]["outlet"], "The Moscow Times");
    assert_eq!(
        sql(
            &dir,
            "SELECT count(*) FROM outlets WHERE name = 'Someone Else'"
        ),
        0
    );
}

#[test]
fn set_url_moves_the_key_of_an_article_known_by_url() {
    let dir = Dir::new();
    let text = b"Police in Kazan arrested 50 people on Monday, officials said.\n";
    dir.run_stdin(
        &["ingest", "-", "--url", "https://old.example/x"],
        Some(text),
    )
    .expect_code(0);
    dir.run(&["articles", "set", "1", "--url", "https://new.example/x"])
        .expect_code(0);
    let again = dir.run_stdin(
        &["ingest", "-", "--url", "https://new.example/x"],
        Some(text),
    );
    again.expect_code(0);
    assert!(
        again.stdout().contains("unchanged (article 1)"),
        "{}",
        again.stdout()
    );
    assert_eq!(sql(&dir, "SELECT count(*) FROM articles"), 1);
    let cleared = dir.run(&["articles", "set", "1", "--url", ""]);
    cleared.expect_code(2);
    assert!(
        cleared.stderr().contains("known by its URL"),
        "{}",
        cleared.stderr()
    );
}

#[test]
fn show_one_article() {
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    dir.run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);
    let text = dir.run(&["articles", "show", "5"]);
    text.expect_code(0);
    let out = text.stdout();
    assert!(out.starts_with("article 5: "), "{out}");
    assert!(out.contains("  outlet    The Moscow Times\n"), "{out}");
    assert!(out.contains("quotes,") && out.contains("figures,"), "{out}");

    let v = dir
        .run(&["articles", "show", "5", "--json"])
        .expect_code(0)
        .json();
    let body = v["text"].as_str().unwrap();
    assert_eq!(v["id"], 5);
    assert_eq!(v["versions"].as_array().unwrap().len(), 1);
    // Offsets point into the text.
    for item in v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["figures"].as_array().unwrap())
    {
        let (s, e) = (
            item["start"].as_u64().unwrap() as usize,
            item["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&body[s..e], item["text"].as_str().unwrap());
    }
    assert!(!v["figures"].as_array().unwrap().is_empty());
    // By path as other article commands take it; an unknown one is exit 2.
    let path = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".txt"))
        .unwrap();
    dir.run(&["articles", "show", path.to_str().unwrap(), "--json"])
        .expect_code(0);
    let missing = dir.run(&["articles", "show", "99"]);
    missing.expect_code(2);
    assert!(
        missing.stderr().contains("no article 99"),
        "{}",
        missing.stderr()
    );
}
