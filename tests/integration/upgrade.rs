//! A store made by the first released schema opens with this build,
//! migrates, and keeps all its data.

use crate::util::Dir;

#[test]
fn first_released_store_opens_and_keeps_its_data() {
    let dir = Dir::new();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store-v1.db");
    std::fs::copy(&fixture, dir.db()).unwrap();
    // Its contested claims, by id and words, before the upgrade.
    let old_claims: Vec<(i64, String)> = {
        let conn = rusqlite::Connection::open(dir.db()).unwrap();
        let mut stmt = conn
            .prepare("SELECT id, summary FROM claims WHERE contested ORDER BY id")
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        rows
    };
    assert!(!old_claims.is_empty());
    let rows = dir.run(&["articles", "--json"]).json();
    assert_eq!(rows.as_array().unwrap().len(), 5);
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, claimtrack::store::SCHEMA_VERSION);
    let quotes: i64 = conn
        .query_row("SELECT count(*) FROM quotes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(quotes, 86);
    drop(conn);
    let contested = dir.run(&["contested", "--json"]).json();
    assert!(!contested.as_array().unwrap().is_empty());
    // And it takes new articles.
    dir.write(
        "new.txt",
        "\u{201c}We are ready,\u{201d} Ann Lee said on Monday.\n",
    );
    let run = dir.run(&["ingest", "new.txt"]);
    run.expect_code(0);
    // The first run after the upgrade builds the matching index.
    assert!(run.stdout().contains("(all of them)"), "{}", run.stdout());
    // Claim ids carry over the upgrade and the new article.
    let contested = dir.run(&["contested", "--json"]).json();
    for (id, summary) in &old_claims {
        let c = contested
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"].as_i64() == Some(*id))
            .unwrap_or_else(|| panic!("claim {id} lost: {contested}"));
        let words: Vec<&str> = c["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|i| i["text"].as_str())
            .collect();
        assert!(
            words.contains(&summary.as_str()),
            "{id}: {summary} not in {words:?}"
        );
    }
    // The next one reads only what it needs.
    dir.write(
        "newer.txt",
        "\u{201c}We are not ready,\u{201d} Bo Chen said.\n",
    );
    let run = dir.run(&["ingest", "newer.txt"]);
    run.expect_code(0);
    assert!(!run.stdout().contains("(all of them)"), "{}", run.stdout());
    assert_eq!(
        dir.run(&["articles", "--json"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        7
    );
}
