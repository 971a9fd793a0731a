//! Hostile strings are data: SQL and FTS5 syntax in search terms and
//! outlet names, shell metacharacters in file names, terminal escapes in
//! article metadata.

use crate::util::Dir;

#[test]
fn sql_and_fts_syntax_in_search_and_filters() {
    let dir = Dir::new();
    dir.write(
        "a.txt",
        "\u{201c}We will not drop the tables,\u{201d} said Robert Tables, a database expert.\n",
    );
    dir.run(&[
        "ingest",
        "--outlet",
        "O'Brien \"Daily\"; DROP TABLE articles;--",
        "a.txt",
    ])
    .expect_code(0);
    for term in [
        "\"unbalanced",
        "tables OR NOT",
        "NEAR(a b)",
        "col:tables",
        "*",
        "'; DROP TABLE quotes; --",
        "^tables",
    ] {
        let run = dir.run(&["search", term]);
        run.expect_code(0);
    }
    let run = dir.run(&["quotes", "--outlet", "'; DROP TABLE articles;--"]);
    run.expect_code(0);
    let run = dir.run(&["quotes", "--speaker", "%"]);
    run.expect_code(0);
    let rows = dir.run(&["articles", "--json"]).json();
    assert_eq!(
        rows[0]["outlet"],
        "O'Brien \"Daily\"; DROP TABLE articles;--"
    );
}

#[test]
fn shell_metacharacters_in_file_names() {
    let dir = Dir::new();
    let name = "$(touch pwned) `id`; rm -rf x & | > <.txt";
    dir.write(name, "An article with an odd name, officials said.\n");
    dir.run(&["ingest", name]).expect_code(0);
    assert!(!dir.path().join("pwned").exists());
    let rows = dir.run(&["articles", "--json"]).json();
    assert!(rows[0]["path"].as_str().unwrap().ends_with(name));
}

#[test]
fn terminal_escapes_are_not_printed_raw() {
    let dir = Dir::new();
    dir.write("a.txt", "Some article text here.\n");
    dir.run(&[
        "ingest",
        "--outlet",
        "Evil\x1b[2J\x1b]0;title\x07 News",
        "a.txt",
    ])
    .expect_code(0);
    let table = dir.run(&["articles"]).stdout();
    assert!(!table.contains('\x1b'), "{table:?}");
    assert!(!table.contains('\x07'), "{table:?}");
    // JSON keeps the data exactly (escaped by the JSON encoder).
    let rows = dir.run(&["articles", "--json"]).json();
    assert_eq!(rows[0]["outlet"], "Evil\x1b[2J\x1b]0;title\x07 News");
}

#[test]
fn escapes_in_file_names_are_not_printed_raw() {
    let dir = Dir::new();
    let name = "bad\x1b[31mname.txt";
    dir.write(name, "");
    let run = dir.run(&["ingest", name]);
    run.expect_code(1);
    assert!(!run.stderr().contains('\x1b'), "{:?}", run.stderr());
    assert!(run.stderr().contains("empty article"));
}
