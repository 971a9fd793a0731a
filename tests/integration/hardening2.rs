//! Hardening, round two: inputs and races that once broke a run. Each test
//! names what broke; each fails without its fix.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::hardening::corpus;
use crate::util::{seed_text, Dir, Run};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimtrack"));
    cmd.env_remove("CLAIMTRACK_DB");
    cmd
}

/// Start claimtrack in `dir` with `args`, its output captured.
fn spawn(dir: &Path, args: &[&str]) -> std::process::Child {
    bin()
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Wait for a child, killing it (and failing) if it takes longer than `secs`.
fn wait_for(mut child: std::process::Child, secs: u64, what: &str) -> std::process::Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            panic!("{what}: still running after {secs} s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// Run claimtrack in `dir` as an unprivileged user: through `setpriv` as
/// nobody when the tests run as root (whom permissions do not stop), as
/// ourselves otherwise. None, with the reason printed, when neither works.
fn run_unprivileged(dir: &Dir, args: &[&str]) -> Option<Run> {
    if is_root() {
        run_as(65534, dir, args)
    } else {
        Some(dir.run(args))
    }
}

/// Run claimtrack in `dir` as user (and group) `uid`, through `setpriv`
/// (so only when the tests run as root). None, with the reason printed,
/// when that cannot work here.
fn run_as(uid: u32, dir: &Dir, args: &[&str]) -> Option<Run> {
    if !is_root() {
        eprintln!("skipped: switching users needs root (for setpriv)");
        return None;
    }
    let out = Command::new("setpriv")
        .arg(format!("--reuid={uid}"))
        .arg(format!("--regid={uid}"))
        .arg("--clear-groups")
        .arg(env!("CARGO_BIN_EXE_claimtrack"))
        .current_dir(dir.path())
        .env_remove("CLAIMTRACK_DB")
        .arg("--db")
        .arg(dir.db())
        .args(args)
        .output();
    match out {
        Ok(out) if out.status.code() == Some(127) || out.status.code() == Some(126) => {
            eprintln!("skipped: setpriv cannot run claimtrack as user {uid} here");
            None
        }
        Ok(out) => Some(Run {
            cmd: format!("(as {uid}) claimtrack {}", args.join(" ")),
            out,
        }),
        Err(e) => {
            eprintln!("skipped: cannot run setpriv: {e}");
            None
        }
    }
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_tag_with_50000_attributes_neither_aborts_nor_costs_the_batch() {
    // Broke: html5gum recursed per attribute; `extract` aborted with a
    // stack overflow, and in `ingest` it took every other file with it.
    let dir = Dir::new();
    let wide = format!(
        "<html><body><p{}>\u{201c}We are ready,\u{201d} Bortnikov said.</p></body></html>",
        r#" a="1""#.repeat(50_000)
    );
    let wide = dir.write("in/b-wide.html", wide);
    dir.write("in/a.txt", seed_text("000"));
    dir.write("in/c.txt", seed_text("001"));
    let run = dir.run(&["extract", "--json", &wide.display().to_string()]);
    run.expect_code(0);
    assert_eq!(run.json()["quotes"][0]["speaker"], "Bortnikov");
    dir.run(&["ingest", "-q", "in"]).expect_code(0);
    assert_eq!(count(&dir.db(), "SELECT count(*) FROM articles"), 3);
}

#[test]
fn pipes_and_devices_in_a_folder_are_skipped_and_bounded_on_the_command_line() {
    // Broke: a named pipe hung ingest in open(); a link to /dev/zero was
    // read without limit (its reported size is 0).
    let dir = Dir::new();
    dir.write("in/a.txt", seed_text("000"));
    let fifo = dir.path().join("in/pipe.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("in/zero.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", dir.path().join("in/random.md")).unwrap();
    let child = spawn(dir.path(), &["--db", "store.db", "ingest", "-q", "in"]);
    let out = wait_for(child, 60, "ingest of a folder with a pipe and devices");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("pipe.txt: not a regular file; skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("zero.txt: not a regular file; skipped"),
        "{stderr}"
    );
    assert_eq!(count(&dir.db(), "SELECT count(*) FROM articles"), 1);

    // Named on the command line, a device is read up to --max-bytes.
    let child = spawn(
        dir.path(),
        &[
            "--db",
            "store.db",
            "ingest",
            "--max-bytes",
            "100000",
            "in/random.md",
        ],
    );
    let out = wait_for(child, 60, "ingest of /dev/urandom");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "random.md: file is larger than the 0.1 MB limit (raise it with --max-bytes)"
        ) || stderr.contains("random.md: binary file, not text"),
        "{stderr}"
    );
    let run = dir.run(&["extract", "--max-bytes", "1000", "in/zero.txt"]);
    run.expect_code(2);
    assert!(run
        .stderr()
        .contains("zero.txt: file is larger than the 0.0 MB limit"));
}

#[test]
fn an_unreadable_subfolder_is_reported_and_the_walk_goes_on() {
    // Broke: the walk stopped at the first error, so every file sorted
    // after an unreadable folder was silently never read.
    let dir = Dir::new();
    chmod(dir.path(), 0o777);
    dir.write("in/a.txt", seed_text("000"));
    dir.write("in/b/hidden.txt", seed_text("001"));
    dir.write("in/c.txt", seed_text("002"));
    dir.write("in/d/e.txt", seed_text("003"));
    chmod(&dir.path().join("in/b"), 0o000);
    let Some(run) = run_unprivileged(&dir, &["ingest", "-q", "in"]) else {
        return;
    };
    chmod(&dir.path().join("in/b"), 0o755);
    run.expect_code(1);
    assert!(
        run.stderr()
            .contains("in/b: Permission denied (os error 13)"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stdout()
            .contains("4 articles: 3 new, 0 updated, 0 unchanged, 1 failed"),
        "{}",
        run.stdout()
    );
}

#[test]
fn two_ingests_at_once_give_what_one_after_the_other_would() {
    // Broke: into a new store the second failed ("table outlets already
    // exists"); into an existing one both matched the same new versions
    // and every pair was stored twice.
    let seq = Dir::new();
    let a = corpus(&seq, "a", 20);
    let b = corpus(&seq, "b", 20);
    seq.run(&["ingest", "-q", &a]).expect_code(0);
    seq.run(&["ingest", "-q", &b]).expect_code(0);
    let pairs = count(&seq.db(), "SELECT count(*) FROM matches");
    assert!(pairs > 0);
    for round in 0..3 {
        let dir = Dir::new();
        let a = corpus(&dir, "a", 20);
        let b = corpus(&dir, "b", 20);
        if round == 2 {
            // An existing store, with new articles from both at once.
            dir.write("first.txt", seed_text("004"));
            dir.run(&["ingest", "-q", "first.txt"]).expect_code(0);
        }
        let ingest = |path: &str| spawn(dir.path(), &["--db", "store.db", "ingest", "-q", path]);
        let (x, y) = (ingest(&a), ingest(&b));
        for out in [wait_for(x, 120, "ingest a"), wait_for(y, 120, "ingest b")] {
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let dupes = count(
            &dir.db(),
            "SELECT count(*) FROM (SELECT 1 FROM matches
             GROUP BY min(a_version, b_version), max(a_version, b_version), detail
             HAVING count(*) > 1)",
        );
        assert_eq!(dupes, 0, "pairs stored twice (round {round})");
        if round < 2 {
            assert_eq!(count(&dir.db(), "SELECT count(*) FROM articles"), 40);
            assert_eq!(count(&dir.db(), "SELECT count(*) FROM matches"), pairs);
        }
    }
}

#[test]
fn a_writer_waits_its_turn_instead_of_failing_busy() {
    // Broke: a long matching transaction held the store, so a one-file
    // ingest gave up after the busy timeout ("store is busy").
    let dir = Dir::new();
    dir.write("one.txt", seed_text("000"));
    dir.run(&["ingest", "-q", "one.txt"]).expect_code(0);
    // Another writer holds the store's turn for longer than the busy timeout.
    let lock = std::fs::File::create(dir.path().join("store.db.lock")).unwrap();
    lock.lock().unwrap();
    dir.write("two.txt", seed_text("001"));
    let child = spawn(dir.path(), &["--db", "store.db", "ingest", "-q", "two.txt"]);
    std::thread::sleep(Duration::from_secs(2));
    // Meanwhile readers are not held up.
    dir.run(&["articles"]).expect_code(0);
    drop(lock);
    let out = wait_for(child, 60, "the waiting ingest");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("waiting for it to finish"), "{stderr}");
    assert_eq!(count(&dir.db(), "SELECT count(*) FROM articles"), 2);
}

#[test]
fn quiet_ingest_catches_up_matching_left_undone() {
    // Broke: with -q and nothing new, the catch-up was skipped, so a run
    // killed between storing and matching left the store without pairs.
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    let seeds = seeds.display().to_string();
    dir.run(&["ingest", "-q", &seeds]).expect_code(0);
    let pairs = count(&dir.db(), "SELECT count(*) FROM matches");
    assert!(pairs > 0);
    // What a kill after storing, before matching, leaves.
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    conn.execute_batch("DELETE FROM matches; DELETE FROM claims; UPDATE versions SET matched = 0;")
        .unwrap();
    drop(conn);
    let run = dir.run(&["ingest", "-q", &seeds]);
    run.expect_code(0);
    assert!(run.stdout().contains("5 unchanged"), "{}", run.stdout());
    assert_eq!(count(&dir.db(), "SELECT count(*) FROM matches"), pairs);
}

#[test]
fn hostile_file_names_never_reach_the_terminal_raw() {
    // Broke: the progress bar showed file names unescaped (window-title
    // and clear-screen sequences); U+202E and C1 controls passed the
    // sanitiser and reached listings and JSON.
    let dir = Dir::new();
    for i in 0..8 {
        dir.write(
            &format!("in/x{i}\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}\u{9b}31m.txt"),
            format!(
                "Article {i}. \u{201c}Words\u{202e} here, and the \u{9b}31m rest of what she \
                 said,\u{201d} Anna Berg said.\n"
            ),
        );
    }
    // A terminal on stderr, so the progress bar is drawn.
    let cmd = format!(
        "{} --db store.db ingest in",
        env!("CARGO_BIN_EXE_claimtrack")
    );
    let out = Command::new("script")
        .current_dir(dir.path())
        .args(["-qec", &cmd, "/dev/null"])
        .env_remove("CLAIMTRACK_DB")
        .output();
    let Ok(out) = out else {
        eprintln!("skipped the progress-bar half: no `script` to give a terminal");
        return;
    };
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{shown}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for raw in ["\u{1b}]0;pwned", "\u{1b}[2J", "\u{202e}", "\u{9b}"] {
        assert!(
            !shown.contains(raw),
            "{raw:?} reached the terminal: {shown:?}"
        );
    }
    for args in [
        &["quotes"][..],
        &["articles"],
        &["speakers"],
        &["search", "Words"],
    ] {
        let run = dir.run(args);
        run.expect_code(0);
        for raw in ["\u{202e}", "\u{9b}", "\u{1b}"] {
            assert!(!run.stdout().contains(raw), "{args:?} printed {raw:?}");
        }
    }
    let run = dir.run(&["quotes", "--json"]);
    run.expect_code(0);
    assert!(!run.stdout().contains('\u{202e}') && !run.stdout().contains('\u{9b}'));
    assert!(run.stdout().contains("\\u202e"), "{}", run.stdout());
    assert!(run.json()[0]["text"].as_str().unwrap().contains('\u{202e}'));
}

#[test]
fn a_listing_by_another_user_leaves_no_files_the_owner_cannot_write() {
    // Broke: another user's listing left -wal/-shm files owned by them,
    // and the owner's next ingest failed "store is read-only". Both users
    // are unprivileged (root may write anything, whoever owns it).
    let dir = Dir::new();
    chmod(dir.path(), 0o777);
    dir.write("a.txt", seed_text("000"));
    dir.write("b.txt", seed_text("001"));
    let Some(owner) = run_as(65534, &dir, &["ingest", "-q", "a.txt"]) else {
        return;
    };
    owner.expect_code(0);
    let Some(other) = run_as(65533, &dir, &["quotes", "--json"]) else {
        return;
    };
    other.expect_code(0);
    assert!(!other.json().as_array().unwrap().is_empty());
    for suffix in ["-wal", "-shm"] {
        let mut name = dir.db().into_os_string();
        name.push(suffix);
        if let Ok(m) = std::fs::metadata(&name) {
            use std::os::unix::fs::MetadataExt;
            assert_eq!(m.uid(), 65534, "{suffix} left owned by the other user");
        }
    }
    let owner = run_as(65534, &dir, &["ingest", "-q", "b.txt"]).unwrap();
    owner.expect_code(0);
    assert_eq!(count(&dir.db(), "SELECT count(*) FROM articles"), 2);
}

#[test]
fn a_listing_in_a_read_only_folder_works() {
    // Broke: SQLite could not create -shm beside the store, so listings of
    // a store in a read-only folder failed, though the docs promise them.
    let dir = Dir::new();
    chmod(dir.path(), 0o777);
    dir.write("a.txt", seed_text("000"));
    dir.run(&["ingest", "-q", "a.txt"]).expect_code(0);
    chmod(dir.path(), 0o555);
    let run = run_unprivileged(&dir, &["quotes", "--json"]);
    chmod(dir.path(), 0o777);
    let Some(run) = run else { return };
    run.expect_code(0);
    assert!(!run.json().as_array().unwrap().is_empty());
}

#[test]
fn an_empty_db_file_is_not_turned_into_a_store_by_a_listing() {
    let dir = Dir::new();
    dir.write("store.db", "");
    let run = dir.run(&["articles"]);
    run.expect_code(2);
    assert!(run
        .stderr()
        .contains("store.db: is an empty file, not a store"));
    assert_eq!(std::fs::metadata(dir.db()).unwrap().len(), 0);
}

#[test]
fn a_full_disk_reports_only_what_was_committed() {
    // Broke: ingest printed 400 articles as "new" while only the first
    // batch of 200 had been committed.
    let dir = Dir::new();
    let many = corpus(&dir, "many", 400);
    // A file size limit: writes past it fail (EFBIG) as on a full disk.
    let cmd = format!(
        "trap '' XFSZ; ulimit -f 3000; exec {} --db store.db ingest {many}",
        env!("CARGO_BIN_EXE_claimtrack")
    );
    let out = Command::new("sh")
        .current_dir(dir.path())
        .args(["-c", &cmd])
        .env_remove("CLAIMTRACK_DB")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    let stored = count(&dir.db(), "SELECT count(*) FROM articles");
    assert!(stored < 400, "the limit did not bite");
    let listed = stdout.lines().filter(|l| l.ends_with(")")).count() as i64;
    assert_eq!(listed, stored, "{stdout}");
    assert!(
        stderr.contains(&format!(
            "; {stored} articles were stored, {} were not",
            400 - stored
        )),
        "{stderr}"
    );
    assert!(
        stdout.contains(&format!("400 articles: {stored} new")),
        "{stdout}"
    );
}

#[test]
fn non_utf8_file_names_that_differ_only_in_bad_bytes_stay_two_articles() {
    use std::os::unix::ffi::OsStrExt;
    let dir = Dir::new();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    for (byte, seed) in [(0xffu8, "000"), (0xfe, "001")] {
        let bytes = [b'a', byte, b'.', b't', b'x', b't'];
        let name = std::ffi::OsStr::from_bytes(&bytes);
        std::fs::write(dir.path().join("in").join(name), seed_text(seed)).unwrap();
    }
    let run = dir.run(&["ingest", "in"]);
    run.expect_code(0);
    assert!(
        run.stdout().contains("2 articles: 2 new"),
        "{}",
        run.stdout()
    );
    let run = dir.run(&["ingest", "in"]);
    assert!(
        run.stdout()
            .contains("2 articles: 0 new, 0 updated, 2 unchanged"),
        "{}",
        run.stdout()
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    let dir = Dir::new();
    let text = seed_text("001");
    let bytes: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let path = dir.write("utf16.txt", bytes);
    dir.write("utf8.txt", &text);
    let a = dir.run(&["extract", "--json", &path.display().to_string()]);
    a.expect_code(0);
    let b = dir.run(&["extract", "--json", "utf8.txt"]);
    assert_eq!(a.json(), b.json());
}

#[test]
fn speaker_filter_takes_percent_literally_and_max_bytes_is_at_least_one() {
    let dir = Dir::new();
    dir.write("a.txt", seed_text("000"));
    dir.run(&["ingest", "-q", "a.txt"]).expect_code(0);
    let all = dir.run(&["quotes", "--json"]).json();
    assert!(!all.as_array().unwrap().is_empty());
    let run = dir.run(&["quotes", "--json", "--speaker", "%"]);
    run.expect_code(0);
    assert_eq!(run.json().as_array().unwrap().len(), 0);
    for cmd in [
        &["ingest", "a.txt"][..],
        &["extract", "a.txt"],
        &["audit", "a.txt"],
    ] {
        let args: Vec<&str> = cmd.iter().copied().chain(["--max-bytes", "0"]).collect();
        let run = dir.run(&args);
        run.expect_code(2);
        assert!(run.stderr().contains("--max-bytes"), "{}", run.stderr());
    }
    let run = dir.run(&["diff", "a.txt", "a.txt", "--max-bytes", "10"]);
    run.expect_code(2);
    assert!(run.stderr().contains("(raise it with --max-bytes)"));
}

#[test]
fn a_value_of_the_wrong_type_in_the_store_is_told_in_words() {
    // Broke: rusqlite's own wording reached users ("Invalid column type
    // Text at index: 7, name: …").
    let dir = Dir::new();
    dir.write("a.txt", seed_text("000"));
    dir.run(&["ingest", "-q", "a.txt"]).expect_code(0);
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    conn.execute("UPDATE versions SET words = 'many'", [])
        .unwrap();
    drop(conn);
    let run = dir.run(&["articles"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("store: the store holds a value this claimtrack cannot read"),
        "{}",
        run.stderr()
    );
    assert!(!run.stderr().contains("Invalid column type"));
}
