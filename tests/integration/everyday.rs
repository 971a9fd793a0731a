//! Helpers the tests of `articles set`/`rm` and `ingest` share to
//! compare a store with one built afresh.

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
