//! Claims as clusters through the binary: reprints cost one row each and
//! are named, claim ids survive later ingests (a merged one says where it
//! went), and the same final set of articles gives the same claims in
//! whatever order and however many runs it was ingested.

use std::collections::BTreeSet;

use crate::util::{seed_text, Dir};

/// A wire story and its copies: the seeds, reprints of seed 002 by other
/// outlets (paragraphs in another order), one that changes the Lurk
/// figures and one that rewords a quote.
fn corpus(dir: &Dir) -> Vec<String> {
    let mut names = Vec::new();
    for (i, prefix) in ["000", "001", "002", "003", "004"].iter().enumerate() {
        let name = format!("seed{i}.txt");
        dir.write(&name, seed_text(prefix));
        names.push(name);
    }
    let wire = seed_text("002");
    let paras: Vec<&str> = wire.split("\n\n").collect();
    for k in 0..6 {
        let mut p = paras.clone();
        p.rotate_left(k % paras.len().max(1));
        let mut text = p.join("\n\n");
        if k == 4 {
            text = text.replace("arrest of 50 members", "arrest of 40 members");
            text = text.replace("more than 3 billion rubles", "nearly 3 billion rubles");
        }
        let name = format!("copy{k}.txt");
        dir.write(&name, text);
        dir.write(
            &format!("copy{k}.meta.json"),
            format!("{{\"outlet\": \"Reprinter {k}\"}}"),
        );
        names.push(name);
    }
    names
}

/// The claims of a store, comparable across stores: each claim as its
/// items (file name, kind, byte range), whether contested, and its reasons.
/// A claim as compared: items (file, kind, start, end), contested, reasons.
type Shape = (Vec<(String, String, u64, u64)>, bool, String);

fn shape(dir: &Dir) -> BTreeSet<Shape> {
    let articles = dir.run(&["articles", "--json"]).json();
    let file_of = |id: u64| -> String {
        let a = articles
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"].as_u64() == Some(id))
            .expect("article of a claim item");
        let path = a["path"].as_str().unwrap_or_default();
        path.rsplit('/').next().unwrap_or_default().to_string()
    };
    let claims = dir.run(&["claims", "--json"]).json();
    claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut items: Vec<(String, String, u64, u64)> = c["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| {
                    (
                        file_of(i["article"].as_u64().unwrap()),
                        i["kind"].as_str().unwrap().to_string(),
                        i["start"].as_u64().unwrap(),
                        i["end"].as_u64().unwrap(),
                    )
                })
                .collect();
            items.sort();
            (
                items,
                c["contested"].as_bool().unwrap(),
                c["reasons"].to_string(),
            )
        })
        .collect()
}

#[test]
fn the_same_articles_give_the_same_claims_in_any_order_and_runs() {
    let one = Dir::new();
    let names = corpus(&one);
    let mut args = vec!["ingest", "-q"];
    args.extend(names.iter().map(String::as_str));
    one.run(&args).expect_code(0);
    let expected = shape(&one);
    assert!(expected.len() >= 10, "{expected:?}");
    assert!(expected.iter().any(|c| c.1 && c.2.contains("value")));

    // One at a time, last first; then in three runs of a shuffled order.
    let mut reversed = names.clone();
    reversed.reverse();
    let mut shuffled = names.clone();
    let mut state = 7u64;
    for i in (1..shuffled.len()).rev() {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        shuffled.swap(i, (state >> 33) as usize % (i + 1));
    }
    let orders: [(Vec<String>, usize); 2] = [(reversed, 1), (shuffled, 4)];
    for (order, per_run) in orders {
        let dir = Dir::new();
        corpus(&dir);
        for run in order.chunks(per_run) {
            let mut args = vec!["ingest", "-q"];
            args.extend(run.iter().map(String::as_str));
            dir.run(&args).expect_code(0);
        }
        assert_eq!(shape(&dir), expected, "order {order:?}, {per_run} per run");
    }
}

#[test]
fn reprints_cost_one_row_each_and_are_named() {
    let dir = Dir::new();
    dir.write("wire.txt", seed_text("002"));
    for k in 0..30 {
        dir.write(&format!("r{k:02}.txt"), seed_text("002"));
        dir.write(
            &format!("r{k:02}.meta.json"),
            format!("{{\"outlet\": \"Paper {k:02}\", \"url\": \"https://paper{k}.example/lurk\"}}"),
        );
    }
    dir.run(&["ingest", "-q", "."]).expect_code(0);
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    // No pairs among 31 identical copies: each copy is a reprint.
    assert_eq!(count("SELECT count(*) FROM matches"), 0);
    let items = count("SELECT count(*) FROM quotes WHERE version_id = 1")
        + count("SELECT count(*) FROM figures WHERE version_id = 1");
    assert!(items > 5);
    assert_eq!(
        count("SELECT count(*) FROM claim_items WHERE reprint_of IS NOT NULL"),
        30 * items
    );
    let claims = dir.run(&["claims", "--json"]).json();
    let first = &claims.as_array().unwrap()[0];
    assert_eq!(first["outlets"], 31);
    assert_eq!(first["independent"], 1, "{first}");
    let id = first["id"].as_i64().unwrap().to_string();
    let show = dir.run(&["show", &id]);
    show.expect_code(0);
    assert!(
        show.stdout()
            .contains("reprinted word for word by 30: Paper 01"),
        "{}",
        show.stdout()
    );
    assert!(show.stdout().contains("and 22 more"), "{}", show.stdout());
    assert!(show.stdout().lines().count() < 20, "{}", show.stdout());
}

#[test]
fn claim_ids_survive_later_ingests_and_a_merged_one_says_where_it_went() {
    let dir = Dir::new();
    let say = |q: &str| format!("Officials met on Monday.\n\n\u{201c}{q}\u{201d} Ann Lee said.\n");
    let deal = "We will never accept a deal on these terms, whatever happens next.";
    let ferry = "The ferry will resume on Friday morning at the latest, weather permitting.";
    dir.write("a.txt", say(deal));
    dir.write("b.txt", say(deal));
    dir.write("c.txt", say(ferry));
    dir.write("d.txt", say(ferry));
    dir.run(&["ingest", "-q", "a.txt", "b.txt", "c.txt", "d.txt"])
        .expect_code(0);
    let ids = |dir: &Dir| -> Vec<i64> {
        let mut v: Vec<i64> = dir
            .run(&["claims", "--json"])
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect();
        v.sort_unstable();
        v
    };
    let before = ids(&dir);
    assert_eq!(before.len(), 2, "{before:?}");

    // An unrelated article leaves both claims as they were.
    dir.write(
        "e.txt",
        say("Nothing about either matter was decided today at all."),
    );
    dir.run(&["ingest", "-q", "e.txt"]).expect_code(0);
    assert_eq!(ids(&dir), before);

    // One quote holding both joins the two claims: the older id stays.
    dir.write("f.txt", say(&format!("{deal} {ferry}")));
    dir.run(&["ingest", "-q", "f.txt"]).expect_code(0);
    assert_eq!(ids(&dir), vec![before[0]]);
    let gone = before[1].to_string();
    let show = dir.run(&["show", &gone]);
    assert_ne!(show.code(), 0);
    assert!(
        show.stderr()
            .contains(&format!("claim {gone} was merged into claim {}", before[0])),
        "{}",
        show.stderr()
    );
}

#[test]
fn new_articles_read_only_their_candidates() {
    let dir = Dir::new();
    let names = corpus(&dir);
    let mut args = vec!["ingest", "-q"];
    args.extend(names.iter().map(String::as_str));
    dir.run(&args).expect_code(0);
    // An article sharing nothing with the store loads no stored article.
    dir.write(
        "other.txt",
        "\u{201c}The orchard opens in May,\u{201d} said Ruth Oduya.\n",
    );
    let run = dir.run(&["ingest", "other.txt"]);
    run.expect_code(0);
    assert!(
        run.stdout().contains("read 0 stored articles"),
        "{}",
        run.stdout()
    );
    // A reprint of the wire story loads the article it repeats, not all.
    dir.write("again.txt", seed_text("002"));
    let run = dir.run(&["ingest", "again.txt"]);
    run.expect_code(0);
    let read: usize = run
        .stdout()
        .split("read ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("how many stored articles were read");
    assert!((1..12).contains(&read), "{}", run.stdout());
}
