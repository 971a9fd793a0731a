//! What the benchmarks share: the seed texts, and filling a store the way
//! `ingest` does (prepared on all cores, written in batches).

#![allow(dead_code)] // each bench uses part of this

use std::path::PathBuf;

use claimtrack::ingest::{self, Input, Options};
use claimtrack::store::Store;

/// The seed articles' texts, in file-name order.
pub fn seed_texts() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Ingest `inputs` into `store` in batches of 500, as `claimtrack ingest`
/// does (without the matching step).
pub fn store_all(store: &mut Store, inputs: &[Input]) {
    let mut in_batch = 0;
    ingest::prepare_all(inputs, &Options::default(), |_, prepared| {
        if in_batch == 0 {
            store.begin_batch()?;
        }
        ingest::store(store, &prepared?)?;
        in_batch += 1;
        if in_batch == 500 {
            store.commit_batch()?;
            in_batch = 0;
        }
        Ok(())
    })
    .unwrap();
    store.commit_batch().unwrap();
}
