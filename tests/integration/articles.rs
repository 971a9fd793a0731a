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
