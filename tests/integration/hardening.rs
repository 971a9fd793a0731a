//! Crash safety and concurrency: the store survives kill -9 and parallel
//! writers, and never holds half an article.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::util::{seed_text, Dir};

/// Write `n` distinct articles made from the seeds into `dir/name/`: the
/// words of every line shuffled differently per article, so that they keep
/// their quote marks and figures but do not all restate each other (which
/// would make matching quadratic in `n`). Not seed 004: its "Original url:"
/// line would make every copy a version of one article.
pub fn corpus(dir: &Dir, name: &str, n: usize) -> String {
    let seeds: Vec<String> = ["000", "001", "002", "003"]
        .iter()
        .map(|p| seed_text(p))
        .collect();
    for i in 0..n {
        let mut state = i as u64 * 2_654_435_761 + 1;
        let mut text = format!("Report number {i}.\n\n");
        for line in seeds[i % seeds.len()].lines() {
            let mut words: Vec<&str> = line.split(' ').collect();
            for k in (1..words.len()).rev() {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                words.swap(k, (state >> 33) as usize % (k + 1));
            }
            text.push_str(&words.join(" "));
            text.push('\n');
        }
        dir.write(&format!("{name}/a{i:04}.txt"), text);
    }
    dir.path().join(name).display().to_string()
}

/// The store is whole: integrity check passes, every article has a version,
/// and every version holds exactly the quotes and figures its text yields.
fn assert_whole(dir: &Dir) -> i64 {
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS
             (SELECT 1 FROM versions v WHERE v.article_id = a.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "articles without a version");
    let mut stmt = conn
        .prepare(
            "SELECT v.text, (SELECT count(*) FROM quotes q WHERE q.version_id = v.id),
                    (SELECT count(*) FROM figures f WHERE f.version_id = v.id)
             FROM versions v",
        )
        .unwrap();
    let rows: Vec<(String, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for (text, quotes, figures) in &rows {
        let x = claimtrack::extract::extract(text);
        assert_eq!(*quotes, x.quotes.len() as i64, "a version lost quotes");
        assert_eq!(*figures, x.figures.len() as i64, "a version lost figures");
    }
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0, "dangling foreign keys");
    rows.len() as i64
}

/// Versions committed so far, read by a separate connection (WAL lets it
/// read while the ingest writes); 0 while the store is not there yet.
fn committed(dir: &Dir) -> i64 {
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(dir.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM versions", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn kill_9_mid_ingest_leaves_whole_articles() {
    let dir = Dir::new();
    let folder = corpus(&dir, "many", 600);
    let mut partial = 0;
    // Kill at a spread of moments: before anything is committed, and once
    // the first, second and third batch (200 articles each) are in. Each
    // round starts a fresh store.
    for kill_after in [0i64, 1, 201, 401] {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", dir.db().display()));
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
            .args(["--db", dir.db().to_str().unwrap(), "ingest", "-q", &folder])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if kill_after == 0 {
            std::thread::sleep(Duration::from_millis(50));
        } else {
            while committed(&dir) < kill_after && child.try_wait().unwrap().is_none() {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if !dir.db().exists() {
            continue;
        }
        // claimtrack itself opens it (finishing a migration cut short)...
        dir.run(&["articles"]).expect_code(0);
        // ...and it holds whole articles only.
        let n = assert_whole(&dir);
        if 0 < n && n < 600 {
            partial += 1;
        }
        // Running the ingest again completes the job.
        dir.run(&["ingest", "-q", &folder]).expect_code(0);
        assert_eq!(assert_whole(&dir), 600);
    }
    assert!(partial >= 2, "only {partial} kills landed mid-ingest");
}

#[test]
fn parallel_writers_and_readers() {
    let dir = Dir::new();
    let a = corpus(&dir, "a", 150);
    // b shares 50 files' content with a but at other paths: distinct articles.
    let b = corpus(&dir, "b", 100);
    let spawn = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_claimtrack"))
            .arg("--db")
            .arg(dir.db())
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Create the store first so readers have something to open.
    dir.write("first.txt", "The first article, said nobody.\n");
    dir.run(&["ingest", "first.txt"]).expect_code(0);
    let writers = vec![
        spawn(&["ingest", "-q", &a]),
        spawn(&["ingest", "-q", &b]),
        spawn(&["ingest", "-q", &a]),
    ];
    let mut readers = Vec::new();
    for i in 0..6 {
        let reader: &[&str] = if i % 2 == 0 {
            &["articles", "--json"]
        } else {
            &["contested", "--json"]
        };
        readers.push(spawn(reader));
        std::thread::sleep(Duration::from_millis(30));
    }
    for child in writers.into_iter().chain(readers) {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a process failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(assert_whole(&dir), 251);
    let rows = dir.run(&["articles", "--json"]).json();
    assert_eq!(rows.as_array().unwrap().len(), 251);
}
