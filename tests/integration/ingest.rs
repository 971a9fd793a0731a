use crate::util::{seed_text, Dir};

/// Articles and versions in the store, counted with SQL.
fn counts(dir: &Dir) -> (i64, i64) {
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    let a = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    let v = conn
        .query_row("SELECT count(*) FROM versions", [], |r| r.get(0))
        .unwrap();
    (a, v)
}

#[test]
fn seeds_go_in_once() {
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    let first = dir.run(&["ingest", seeds.to_str().unwrap()]);
    first.expect_code(0);
    assert!(
        first
            .stdout()
            .contains("\n5 articles: 5 new, 0 updated, 0 unchanged, 0 failed\n"),
        "{}",
        first.stdout()
    );
    let again = dir.run(&["ingest", "--json", seeds.to_str().unwrap()]);
    again.expect_code(0);
    let j = again.json();
    assert_eq!(j["unchanged"], 5);
    assert_eq!(j["new"], 0);
    assert_eq!(counts(&dir), (5, 5));
    // Every version is in the full-text index.
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM versions_fts WHERE versions_fts MATCH 'Bortnikov'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hits, 3);
}

#[test]
fn edited_copy_with_same_url_adds_one_version() {
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    dir.run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);
    let edited = seed_text("004").replace("nearly three billion", "more than three billion");
    dir.write("edited/copy.txt", &edited);
    let sidecar = std::fs::read(seeds.join("004_1d986be399768a2f.meta.json")).unwrap();
    dir.write("edited/copy.meta.json", sidecar);
    let run = dir.run(&["ingest", "edited/copy.txt"]);
    run.expect_code(0);
    assert!(run.stdout().contains("new version"), "{}", run.stdout());
    assert_eq!(counts(&dir), (5, 6));
    let rows = dir.run(&["articles", "--json"]).json();
    let mt = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["outlet"] == "The Moscow Times")
        .unwrap()
        .clone();
    assert_eq!(mt["versions"], 2);
    // The same edit again adds nothing.
    dir.run(&["ingest", "edited/copy.txt"]).expect_code(0);
    assert_eq!(counts(&dir), (5, 6));
}

#[test]
fn same_path_changed_text_is_a_new_version() {
    let dir = Dir::new();
    dir.write("a.txt", "First version of the story.\n");
    dir.run(&["ingest", "a.txt"]).expect_code(0);
    dir.write("a.txt", "Second version of the story.\n");
    dir.run(&["ingest", "a.txt"]).expect_code(0);
    assert_eq!(counts(&dir), (1, 2));
}

#[test]
fn stdin_with_flags() {
    let dir = Dir::new();
    let run = dir.run_stdin(
        &[
            "ingest",
            "-",
            "--outlet",
            "Example News",
            "--url",
            "https://example.test/a",
            "--published",
            "May 14, 2021",
        ],
        Some(b"Officials said on Monday that the talks had resumed.\n"),
    );
    run.expect_code(0);
    let rows = dir.run(&["articles", "--json"]).json();
    assert_eq!(rows[0]["outlet"], "Example News");
    assert_eq!(rows[0]["url"], "https://example.test/a");
    assert_eq!(rows[0]["published"], "2021-05-14");
}

// A sidecar saved with a UTF-8 byte order mark was refused as bad JSON.
#[test]
fn sidecar_with_a_byte_order_mark_is_read() {
    let dir = Dir::new();
    dir.write(
        "a.txt",
        "Officials said on Monday that the talks had resumed.\n",
    );
    dir.write(
        "a.meta.json",
        "\u{feff}{\"outlet\": \"Example News\", \"published\": \"May 14, 2021\"}\n",
    );
    dir.run(&["ingest", "a.txt"]).expect_code(0);
    let rows = dir.run(&["articles", "--json"]).json();
    assert_eq!(rows[0]["outlet"], "Example News");
    assert_eq!(rows[0]["published"], "2021-05-14");
}

// Days that do not exist were stored as dates: 2021-02-29 as is, and
// "Junk 5, 2021" as June 5.
#[test]
fn impossible_dates_are_refused() {
    let dir = Dir::new();
    for date in ["2021-02-29", "2021-05-14T25:99", "Junk 5, 2021"] {
        dir.write(
            "a.txt",
            "Officials said on Monday that the talks had resumed.\n",
        );
        dir.write("a.meta.json", format!("{{\"published\": \"{date}\"}}"));
        let run = dir.run(&["ingest", "a.txt"]);
        run.expect_code(1);
        assert!(run.stderr().contains("bad sidecar"), "{}", run.stderr());
        let run = dir.run_stdin(
            &["ingest", "-", "--published", date],
            Some(b"Officials said the talks had resumed.\n"),
        );
        run.expect_code(2);
        assert!(run.stderr().contains("is not a date"), "{}", run.stderr());
    }
    assert_eq!(counts(&dir), (0, 0));
}

#[test]
fn html_main_text_only() {
    let dir = Dir::new();
    dir.write(
        "page.html",
        r#"<html><head><title>Spy Chief Speaks</title><script>alert("x")</script>
        <meta property="og:site_name" content="Example Times"></head><body>
        <nav><a href="/">Home</a></nav><article><h1>Spy Chief Speaks</h1>
        <p>The agency said it had resumed contacts.</p><div>ADVERTISEMENT</div>
        <p>Critics were not convinced.</p></article><footer>Copyright</footer></body></html>"#,
    );
    dir.run(&["ingest", "page.html"]).expect_code(0);
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    let text: String = conn
        .query_row("SELECT text FROM versions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        text,
        "Spy Chief Speaks\n\nThe agency said it had resumed contacts.\n\nCritics were not convinced.\n"
    );
    let rows = dir.run(&["articles", "--json"]).json();
    assert_eq!(rows[0]["outlet"], "Example Times");
    assert_eq!(rows[0]["title"], "Spy Chief Speaks");
}

#[test]
fn missing_path_fails_but_others_go_in() {
    let dir = Dir::new();
    dir.write("good.txt", "A good article about nothing much.\n");
    let run = dir.run(&["ingest", "nope.txt", "good.txt"]);
    run.expect_code(1);
    assert!(run.stderr().contains("nope.txt"), "{}", run.stderr());
    assert_eq!(counts(&dir), (1, 1));
}

#[test]
fn folder_without_articles() {
    let dir = Dir::new();
    dir.write("empty/notes.csv", "a,b\n");
    let run = dir.run(&["ingest", "empty"]);
    run.expect_code(1);
    assert!(
        run.stderr().contains("empty: no articles"),
        "{}",
        run.stderr()
    );
}

#[test]
fn bad_files_are_named_and_skipped() {
    let dir = Dir::new();
    dir.write("in/a_empty.txt", "");
    dir.write(
        "in/b_binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0",
    );
    dir.write("in/c_good.txt", "The minister said the plan was sound.\n");
    dir.write("in/d_sidecar.txt", "Another article entirely.\n");
    dir.write("in/d_sidecar.meta.json", "{\"outlet\": \"X\",,}");
    let run = dir.run(&["ingest", "--json", "in"]);
    run.expect_code(1);
    let err = run.stderr();
    assert!(err.contains("a_empty.txt: empty article"), "{err}");
    assert!(err.contains("b_binary.txt: binary file"), "{err}");
    assert!(err.contains("d_sidecar.meta.json: bad sidecar"), "{err}");
    assert_eq!(err.lines().count(), 3, "{err}");
    let j = run.json();
    assert_eq!(j["new"], 1);
    assert_eq!(j["failed"], 3);
    assert_eq!(counts(&dir), (1, 1));
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let dir = Dir::new();
    dir.write("latin1.txt", b"Caf\xe9 owners said business was slow.\n");
    let run = dir.run(&["ingest", "latin1.txt"]);
    run.expect_code(0);
    assert!(
        run.stderr().contains("latin1.txt: invalid UTF-8 at byte 3"),
        "{}",
        run.stderr()
    );
    assert_eq!(counts(&dir), (1, 1));
}

#[test]
fn huge_file_is_refused_by_size() {
    let dir = Dir::new();
    let big = "word ".repeat(10 * 1024 * 1024); // 50 MiB
    dir.write("big.txt", big);
    let run = dir.run(&["ingest", "big.txt"]);
    run.expect_code(1);
    assert!(
        run.stderr().contains("big.txt: file is 52.4 MB, over the"),
        "{}",
        run.stderr()
    );
    // Raising the limit lets it in.
    dir.run(&["ingest", "-q", "--max-bytes", "60000000", "big.txt"])
        .expect_code(0);
    assert_eq!(counts(&dir), (1, 1));
}

#[test]
fn deeply_nested_html() {
    let dir = Dir::new();
    let html = "<div>".repeat(100_000)
        + "<p>Deep inside, the spokesman said nothing.</p>"
        + &"</div>".repeat(100_000);
    dir.write("deep.html", html);
    dir.run(&["ingest", "deep.html"]).expect_code(0);
    assert_eq!(counts(&dir), (1, 1));
}

#[test]
fn store_that_is_not_sqlite() {
    let dir = Dir::new();
    std::fs::write(
        dir.db(),
        "this is not a database, just some text\n".repeat(100),
    )
    .unwrap();
    dir.write("a.txt", "An article.\n");
    let run = dir.run(&["ingest", "a.txt"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("store.db: not a SQLite database"),
        "{}",
        run.stderr()
    );
    assert_eq!(run.stderr().lines().count(), 1);
}

#[test]
fn read_only_store() {
    let dir = Dir::new();
    dir.write("a.txt", "An article.\n");
    dir.write("b.txt", "Another article.\n");
    dir.run(&["ingest", "a.txt"]).expect_code(0);
    let mut perms = std::fs::metadata(dir.db()).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(dir.db(), perms).unwrap();
    let run = dir.run(&["ingest", "b.txt"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("store.db: store is read-only"),
        "{}",
        run.stderr()
    );
    // Reading still works.
    dir.run(&["articles"]).expect_code(0);
    assert_eq!(counts(&dir), (1, 1));
}

#[test]
fn newer_schema_is_refused_untouched() {
    let dir = Dir::new();
    {
        let conn = rusqlite::Connection::open(dir.db()).unwrap();
        conn.execute_batch("CREATE TABLE versions (x); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = std::fs::read(dir.db()).unwrap();
    dir.write("a.txt", "An article.\n");
    let run = dir.run(&["ingest", "a.txt"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("newer than this claimtrack"),
        "{}",
        run.stderr()
    );
    assert_eq!(std::fs::read(dir.db()).unwrap(), before);
}

#[test]
fn failed_article_leaves_nothing_half_written() {
    // A sidecar error happens before the transaction; a store error inside
    // it rolls back. Either way no article without its version remains.
    let dir = Dir::new();
    dir.write("a.txt", "An article.\n");
    dir.write("a.meta.json", "{\"published\": \"not a date\"}");
    dir.run(&["ingest", "a.txt"]).expect_code(1);
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS
             (SELECT 1 FROM versions v WHERE v.article_id = a.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    assert_eq!(counts(&dir), (0, 0));
}

#[test]
fn unchanged_text_with_new_metadata_corrects_the_article() {
    use crate::everyday::{claim_signature, edit_sidecar, fresh_signature, seeded};
    let dir = seeded();
    let seed = dir.path().join("seeds/001_1bd334d6814caaa0.txt");
    let seed = seed.to_str().unwrap();
    let run = dir.run(&[
        "ingest",
        seed,
        "--outlet",
        "VICE News",
        "--published",
        "2021-05-01",
    ]);
    run.expect_code(0);
    let out = run.stdout();
    assert!(
        out.contains(": unchanged, metadata updated: outlet, published (article 2)\n"),
        "{out}"
    );
    assert!(
        out.contains("1 article: 0 new, 0 updated, 1 unchanged, 1 metadata updated, 0 failed\n"),
        "{out}"
    );
    // The article's pairs were made again with its new outlet and date.
    assert!(out.contains("(all of them)"), "{out}");
    let rows = dir.run(&["articles", "--json"]).json();
    assert_eq!(rows[1]["outlet"], "VICE News");
    assert_eq!(rows[1]["published"], "2021-05-01");
    assert_eq!(rows[1]["versions"], 1);
    assert_eq!(
        claim_signature(&dir),
        fresh_signature(
            |_| true,
            |d| edit_sidecar(
                d,
                "001",
                &[("outlet", "VICE News"), ("published", "2021-05-01")]
            )
        )
    );
    // The same again: nothing to correct.
    let again = dir
        .run(&["ingest", "--json", seed, "--outlet", "VICE News"])
        .json();
    assert_eq!(again["metadata_updated"], 0);
    assert_eq!(again["matching"]["matched"], 0);
    // Re-ingesting the folder (whose sidecar names no outlet) keeps the
    // correction; what the text itself suggests never overrides it.
    let seeds = dir.path().join("seeds");
    let plain = dir
        .run(&["ingest", "--json", seeds.to_str().unwrap()])
        .json();
    assert_eq!(plain["metadata_updated"], 0);
    assert_eq!(
        dir.run(&["articles", "--json"]).json()[1]["outlet"],
        "VICE News"
    );
    // A corrected sidecar is metadata given too.
    edit_sidecar(&dir, "004", &[("title", "Lurk and the FSB")]);
    let side = dir
        .run(&["ingest", "--json", seeds.to_str().unwrap()])
        .json();
    assert_eq!(side["metadata_updated"], 1);
    let item = side["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["article"] == 5)
        .unwrap();
    assert_eq!(item["metadata"][0]["field"], "title");
    assert_eq!(item["metadata"][0]["to"], "Lurk and the FSB");
    // A title does not change pairs: nothing is matched again.
    assert_eq!(side["matching"]["matched"], 0);
}

#[test]
fn an_empty_folder_is_no_failed_article() {
    let dir = Dir::new();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    dir.write("notes/readme.pdf", "not an article");
    let run = dir.run(&["ingest", "empty", "notes"]);
    run.expect_code(1);
    assert_eq!(
        run.stdout(),
        "no articles to ingest (2 folders hold no articles)\n"
    );
    assert!(
        run.stderr().contains(
            "claimtrack: empty: no articles in this folder (looked for .txt, .md, .html)"
        ),
        "{}",
        run.stderr()
    );
    assert!(!dir.db().exists());
    let json = dir.run(&["ingest", "--json", "empty"]).json();
    assert_eq!(json["failed"], 0);
    assert_eq!(json["empty_folders"][0], "empty");
    // Beside articles: they go in, the summary says the folder held none.
    dir.write("a.txt", "Police arrested 50 people in Kazan on Monday.\n");
    let mixed = dir.run(&["ingest", "a.txt", "empty"]);
    mixed.expect_code(1);
    assert!(
        mixed.stdout().contains(
            "1 article: 1 new, 0 updated, 0 unchanged, 0 failed (1 folder holds no articles)\n"
        ),
        "{}",
        mixed.stdout()
    );
    assert_eq!(counts(&dir), (1, 1));
}
