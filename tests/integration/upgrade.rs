//! A store made by the first released schema opens with this build,
//! migrates, and keeps all its data.

use crate::util::Dir;

#[test]
fn first_released_store_opens_and_keeps_its_data() {
    let dir = Dir::new();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store-v1.db");
    std::fs::copy(&fixture, dir.db()).unwrap();
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
    dir.run(&["ingest", "new.txt"]).expect_code(0);
    assert_eq!(
        dir.run(&["articles", "--json"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        6
    );
}
