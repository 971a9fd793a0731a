//! The contested-claims report and its companions over the seed articles.

use crate::util::Dir;

fn seeded() -> Dir {
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    dir.run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);
    dir
}

fn reasons(claim: &serde_json::Value) -> Vec<String> {
    claim["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect()
}

fn texts(claim: &serde_json::Value) -> Vec<String> {
    claim["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn lurk_figure_divergence_comes_first() {
    let dir = seeded();
    let claims = dir.run(&["contested", "--json"]).json();
    let first = &claims[0];
    assert_eq!(first["kind"], "figure");
    assert_eq!(first["severity"], "qualifier");
    let t = texts(first);
    assert!(
        t.contains(&"more than 3 billion rubles".to_string()),
        "{t:?}"
    );
    assert!(
        t.contains(&"nearly three billion rubles".to_string()),
        "{t:?}"
    );
    // The dollar figure is restated alike, not contested.
    let all = dir.run(&["claims", "--json"]).json();
    let dollars = all
        .as_array()
        .unwrap()
        .iter()
        .find(|c| texts(c).iter().all(|t| t == "$45 million"))
        .expect("the $45 million claim");
    assert_eq!(dollars["contested"], false);
}

/// The rewrite shortens Michael Daniel's and David Kris's titles ("CEO of
/// the Cyber Threat Alliance, who was coordinator of …" against "formerly
/// the coordinator of …"): shown beside the claim, not a contradiction.
#[test]
fn shortened_titles_of_the_rewrite_are_shown_not_contested() {
    let dir = seeded();
    let contested = dir.run(&["contested", "--json"]).json();
    let titled: Vec<&serde_json::Value> = contested
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| reasons(c).contains(&"speaker_title".to_string()))
        .collect();
    assert!(titled.is_empty(), "{titled:#?}");
    let all = dir.run(&["claims", "--json"]).json();
    let daniel_titles: Vec<String> = all
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["items"].as_array().unwrap().iter())
        .filter(|i| i["speaker"] == "Michael Daniel")
        .filter_map(|i| i["speaker_title"].as_str().map(str::to_string))
        .collect();
    assert!(daniel_titles
        .iter()
        .any(|t| t.starts_with("CEO of the Cyber Threat Alliance")));
    assert!(daniel_titles
        .iter()
        .any(|t| t.starts_with("formerly the coordinator")));
}

#[test]
fn narrator_words_that_became_one_sources_quote() {
    let dir = seeded();
    let claims = dir.run(&["contested", "--json"]).json();
    let attribution = claims
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            reasons(c).contains(&"attribution".to_string())
                && texts(c)
                    .iter()
                    .any(|t| t.contains("some consultation at a practical level"))
        })
        .expect("the consultation claim is contested on attribution");
    let speakers: Vec<String> = attribution["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["speaker"].as_str().map(str::to_string))
        .collect();
    assert!(
        speakers
            .iter()
            .any(|s| s.eq_ignore_ascii_case("one source")),
        "{speakers:?}"
    );
}

#[test]
fn rewrite_relation_is_found() {
    let dir = seeded();
    let lineage = dir.run(&["lineage", "--json"]).json();
    let rows = lineage.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    // Article 2 (seed 001) derives from article 1 (seed 000).
    assert_eq!(rows[0]["article"], 2);
    assert_eq!(rows[0]["source"], 1);
    assert!(rows[0]["share"].as_f64().unwrap() > 0.5);
    let report = dir.run(&["contested"]).stdout();
    assert!(
        report.contains("article 2 (outlet unknown) derives from article 1 (The Daily Beast)"),
        "{report}"
    );
}

#[test]
fn restated_quotes_are_not_contested() {
    let dir = seeded();
    let claims = dir.run(&["claims", "--json"]).json();
    let bortnikov = claims
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            texts(c)
                .iter()
                .any(|t| t.starts_with("We are maintaining working contacts"))
        })
        .expect("Bortnikov's quote is a claim in two articles");
    assert_eq!(bortnikov["contested"], false);
    let contested = dir.run(&["contested", "--json"]).json();
    for c in contested.as_array().unwrap() {
        assert!(
            !texts(c)
                .iter()
                .any(|t| t.starts_with("We are maintaining working contacts")),
            "restated quote reported as contested: {c}"
        );
    }
}

#[test]
fn filters_show_and_incremental_matching() {
    let dir = seeded();
    let vice = dir.run(&["contested", "--outlet", "VICE", "--json"]).json();
    for c in vice.as_array().unwrap() {
        assert!(c["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["outlet"] == "VICE News"));
    }
    let many = dir
        .run(&["contested", "--min-outlets", "3", "--json"])
        .json();
    for c in many.as_array().unwrap() {
        assert!(c["outlets"].as_u64().unwrap() >= 3);
    }
    let first = dir.run(&["contested", "--json"]).json()[0]["id"]
        .as_i64()
        .unwrap();
    let shown = dir.run(&["show", &first.to_string(), "--json"]).json();
    assert_eq!(shown["id"], first);
    dir.run(&["show", "99999"]).expect_code(2);
    // Re-ingesting unchanged articles matches nothing new and keeps the claims.
    let before = dir
        .run(&["claims", "--json"])
        .json()
        .as_array()
        .unwrap()
        .len();
    let seeds = dir.path().join("seeds");
    let again = dir
        .run(&["ingest", "--json", seeds.to_str().unwrap()])
        .json();
    assert_eq!(again["matching"]["matched"], 0);
    assert_eq!(
        dir.run(&["claims", "--json"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        before
    );
}

/// Wire copy: a story reprinted by 100 outlets, then one outlet changes
/// the figure and rewords the quote. The change must show up as contested
/// although every phrase of the story is common in the store.
#[test]
fn a_changed_reprint_of_a_wire_story_is_contested() {
    let dir = Dir::new();
    let story = |figure: &str, quote: &str| {
        format!(
            "The ministry said it had spent {figure} on the Zephyrine project last year. \
             “{quote},” Minister Oleg Petrovsky said on Tuesday.\n"
        )
    };
    let words = "We are maintaining working contacts with our partners in the region";
    for i in 0..100 {
        dir.write(
            &format!("wire/copy{i:03}.txt"),
            story("more than 3 billion rubles", words),
        );
    }
    dir.write(
        "wire/zchanged.txt",
        story(
            "nearly 2 billion rubles",
            "We are maintaining contacts with our partners in the region",
        ),
    );
    let wire = dir.path().join("wire");
    dir.run(&["ingest", "-q", wire.to_str().unwrap()])
        .expect_code(0);
    let claims = dir.run(&["contested", "--json"]).json();
    let claims = claims.as_array().unwrap();
    let figure = claims
        .iter()
        .find(|c| c["kind"] == "figure")
        .expect("the changed figure is contested");
    assert!(texts(figure).contains(&"nearly 2 billion rubles".to_string()));
    assert!(reasons(figure).contains(&"value".to_string()), "{figure}");
    let quote = claims
        .iter()
        .find(|c| c["kind"] == "quote" && texts(c).iter().any(|t| t.contains("maintaining")))
        .expect("the reworded quote is contested");
    assert!(reasons(quote).contains(&"wording".to_string()), "{quote}");
    // The ministry's reported words changed their number: a value change.
    let reported = claims
        .iter()
        .find(|c| texts(c).iter().any(|t| t.contains("had spent")))
        .expect("the reported words with a changed number are contested");
    assert_eq!(reasons(reported), ["value"]);
}

fn ids(claims: &serde_json::Value) -> Vec<i64> {
    claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect()
}

fn articles_of(claim: &serde_json::Value) -> Vec<i64> {
    claim["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["article"].as_i64().unwrap())
        .collect()
}

#[test]
fn filters_by_date_reason_article_and_limit() {
    let dir = seeded();
    let all = dir.run(&["contested", "--json"]).json();
    let all_ids = ids(&all);
    assert!(all_ids.len() >= 2, "{all}");
    // Dates: only The Moscow Times (article 5) has one, 2021-05-14.
    let since = dir
        .run(&["contested", "--since", "2021-05-14", "--json"])
        .json();
    let want: Vec<i64> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| articles_of(c).contains(&5))
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(ids(&since), want);
    let before = dir
        .run(&["contested", "--until", "May 13, 2021", "--json"])
        .json();
    assert_eq!(ids(&before), Vec::<i64>::new());
    // A claim qualifies when any of its articles falls within.
    dir.run(&["articles", "set", "1", "--published", "2021-05-10"])
        .expect_code(0);
    let window = dir
        .run(&[
            "contested",
            "--since",
            "2021-05-01",
            "--until",
            "2021-05-13",
            "--json",
        ])
        .json();
    let want: Vec<i64> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| articles_of(c).contains(&1))
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids(&window), want);
    assert!(
        !ids(&window).contains(&all_ids[0]),
        "the Lurk claim is article 3 and 5"
    );
    let bad = dir.run(&["contested", "--since", "last week"]);
    bad.expect_code(2);
    assert!(bad.stderr().contains("not a date"), "{}", bad.stderr());

    // Reasons, by the names reports print, or with a hyphen.
    for (flag, name) in [
        ("qualifier", "qualifier"),
        ("speaker-title", "speaker_title"),
        ("attribution", "attribution"),
    ] {
        let got = dir.run(&["contested", "--reason", flag, "--json"]).json();
        let want: Vec<i64> = all
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| reasons(c).contains(&name.to_string()))
            .map(|c| c["id"].as_i64().unwrap())
            .collect();
        // The seeds' title changes only shorten titles: none conflicts.
        assert_eq!(want.is_empty(), name == "speaker_title", "{name}");
        assert_eq!(ids(&got), want, "{flag}");
    }
    let two = dir
        .run(&["contested", "--reason", "qualifier,attribution", "--json"])
        .json();
    assert_eq!(ids(&two).len(), 2, "{two}");
    let unknown = dir.run(&["contested", "--reason", "tone"]);
    unknown.expect_code(2);
    assert!(
        unknown.stderr().contains(
            "unknown reason \"tone\"; valid reasons: value, unit, qualifier, attribution, speaker, wording, speaker_title"
        ),
        "{}",
        unknown.stderr()
    );

    // One article's claims; and the most serious few.
    let moscow = dir.run(&["contested", "--article", "5", "--json"]).json();
    assert!(!ids(&moscow).is_empty());
    assert!(ids(&moscow).len() < all_ids.len());
    for c in moscow.as_array().unwrap() {
        assert!(articles_of(c).contains(&5), "{c}");
    }
    let limited = dir.run(&["contested", "--limit", "2", "--json"]).json();
    assert_eq!(ids(&limited), all_ids[..2].to_vec());
}

#[test]
fn rewrite_lines_only_for_listed_claims_and_min_outlets_checked() {
    let dir = seeded();
    let none = dir.run(&["contested", "--outlet", "Nope"]);
    none.expect_code(0);
    assert_eq!(none.stdout(), "0 contested claims\n");
    let moscow = dir.run(&["contested", "--outlet", "Moscow"]).stdout();
    assert!(!moscow.contains("Rewrite:"), "{moscow}");
    assert!(moscow.ends_with("\n1 contested claim\n"), "{moscow}");
    let beast = dir.run(&["contested", "--outlet", "Daily Beast"]).stdout();
    assert!(
        beast.contains(
            "Rewrite: article 2 (outlet unknown) derives from article 1 (The Daily Beast)"
        ),
        "{beast}"
    );
    for n in ["0", "1"] {
        let run = dir.run(&["contested", "--min-outlets", n]);
        run.expect_code(2);
        assert!(
            run.stderr().contains("must be 2 or more"),
            "{}",
            run.stderr()
        );
    }
    dir.run(&["contested", "--min-outlets", "2"]).expect_code(0);
}

/// Reads CSV by RFC 4180 (quoted fields, doubled quotes, line breaks in
/// quotes).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![vec![String::new()]];
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let row = rows.last_mut().unwrap();
        match (c, quoted) {
            ('"', false) => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                row.last_mut().unwrap().push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => row.push(String::new()),
            ('\n', false) => rows.push(vec![String::new()]),
            (c, _) => row.last_mut().unwrap().push(c),
        }
    }
    rows.pop_if(|r| r.len() == 1 && r[0].is_empty());
    rows
}

#[test]
fn csv_has_one_row_per_claim() {
    let dir = seeded();
    let json = dir.run(&["contested", "--json"]).json();
    let run = dir.run(&["contested", "--format", "csv"]);
    run.expect_code(0);
    let rows = read_csv(&run.stdout());
    assert_eq!(
        rows[0],
        [
            "rank",
            "claim",
            "kind",
            "severity",
            "reasons",
            "outlets",
            "independent",
            "outlet_names",
            "articles",
            "first_published",
            "last_published",
            "text",
            "versions"
        ]
    );
    let claims = json.as_array().unwrap();
    assert_eq!(rows.len(), claims.len() + 1);
    for (row, c) in rows[1..].iter().zip(claims) {
        assert_eq!(row.len(), 13, "{row:?}");
        assert_eq!(row[1], c["id"].to_string());
        assert_eq!(row[2], c["kind"].as_str().unwrap());
        assert_eq!(row[3], c["severity"].as_str().unwrap());
        assert_eq!(row[5], c["outlets"].to_string());
        assert_eq!(row[11], c["items"][0]["text"].as_str().unwrap());
    }
    let lurk = &rows[1];
    assert_eq!(lurk[8], "3 5");
    assert_eq!(lurk[9], "2021-05-14");
    assert!(
        lurk[12].contains("“nearly three billion rubles” (The Moscow Times [article 5])"),
        "{lurk:?}"
    );
    // Who is credited is part of a version: the attribution claim's two
    // copies of the same words are two versions.
    let attribution = rows.iter().find(|r| r[3] == "attribution").unwrap();
    assert!(attribution[11].contains(", but"), "a field with commas");
    assert!(
        attribution[12].contains("(our sources; The Daily Beast [article 1])"),
        "{attribution:?}"
    );
    assert!(
        attribution[12].contains("(One source; outlet unknown [article 2])"),
        "{attribution:?}"
    );
    let both = dir.run(&["contested", "--json", "--format", "csv"]);
    both.expect_code(2);
    let limited = dir.run(&["contested", "--format", "csv", "--limit", "1"]);
    assert_eq!(read_csv(&limited.stdout()).len(), 2);
}

/// A draft (as `audit --save` marks one) that rewords Bortnikov's quote
/// makes a restated claim contested only with `--drafts`; a published
/// copy of the draft, whose quote repeats the draft's word for word,
/// makes it contested without.
#[test]
fn drafts_count_only_when_asked() {
    let dir = seeded();
    let before = dir.run(&["contested", "--json"]).json();
    let draft = crate::util::seed_text("001").replace(
        "maintaining working contacts",
        "maintaining regular contacts",
    );
    dir.write("drafts/draft.txt", &draft);
    dir.run(&["ingest", "-q", "drafts/draft.txt", "--outlet", "Our Draft"])
        .expect_code(0);
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    conn.execute("UPDATE articles SET draft = 1 WHERE id = 6", [])
        .unwrap();
    drop(conn);
    let without = dir.run(&["contested", "--json"]).json();
    assert_eq!(ids(&without), ids(&before));
    for c in without.as_array().unwrap() {
        assert!(!articles_of(c).contains(&6), "{c}");
    }
    let text = dir.run(&["contested"]).stdout();
    assert!(!text.contains("Our Draft"), "{text}");
    let with = dir.run(&["contested", "--drafts", "--json"]).json();
    let reworded = with
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            texts(c)
                .iter()
                .any(|t| t.contains("maintaining regular contacts"))
        })
        .expect("the draft's rewording is contested with --drafts");
    assert!(reasons(reworded).contains(&"wording".to_string()));
    assert!(articles_of(reworded).contains(&6));
    let all = dir.run(&["contested", "--drafts"]).stdout();
    assert!(all.contains("Rewrite: article 6 (Our Draft)"), "{all}");
    let claims = dir.run(&["claims", "--json"]).json();
    assert!(!claims
        .as_array()
        .unwrap()
        .iter()
        .any(|c| articles_of(c).contains(&6)));

    // Published word for word: the copy stands for the draft.
    dir.write("wire/copy.txt", &draft);
    dir.run(&["ingest", "-q", "wire/copy.txt", "--outlet", "Wire"])
        .expect_code(0);
    let published = dir.run(&["contested", "--json"]).json();
    let reworded = published
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            texts(c)
                .iter()
                .any(|t| t.contains("maintaining regular contacts"))
        })
        .expect("the published copy's rewording is contested");
    assert!(reasons(reworded).contains(&"wording".to_string()));
    let arts = articles_of(reworded);
    assert!(arts.contains(&7) && !arts.contains(&6), "{reworded}");
    for p in reworded["pairs"].as_array().unwrap() {
        assert_ne!(p["a"]["article"], 6, "{p}");
        assert_ne!(p["b"]["article"], 6, "{p}");
    }
    for n in reworded["copies"].as_array().unwrap() {
        assert_ne!(n["article"], 6, "{n}");
        assert_ne!(n["source"], 6, "{n}");
    }
}

#[test]
fn independent_only_drops_claims_carried_by_one_rewrite_chain() {
    let dir = seeded();
    let all = dir.run(&["contested", "--json"]).json();
    let all = all.as_array().unwrap();
    // The seeds hold a rewrite: some contested claim rests on one
    // independent outlet, and some on two or more.
    assert!(all.iter().any(|c| c["independent"] == 1), "{all:?}");
    assert!(all.iter().any(|c| c["independent"].as_u64() >= Some(2)));
    let independent = dir.run(&["contested", "--independent", "--json"]).json();
    let independent = independent.as_array().unwrap();
    assert!(!independent.is_empty());
    assert!(independent
        .iter()
        .all(|c| c["independent"].as_u64() >= Some(2)));
    let expected: Vec<&serde_json::Value> = all
        .iter()
        .filter(|c| c["independent"].as_u64() >= Some(2))
        .map(|c| &c["id"])
        .collect();
    let got: Vec<&serde_json::Value> = independent.iter().map(|c| &c["id"]).collect();
    assert_eq!(got, expected);
}

#[test]
fn limit_keeps_the_most_serious_in_order() {
    let dir = seeded();
    let all = dir.run(&["claims", "--json"]).json();
    let contested = dir.run(&["contested", "--json"]).json();
    let one = dir.run(&["contested", "--limit", "1", "--json"]).json();
    assert_eq!(one.as_array().unwrap().len(), 1);
    assert_eq!(one[0]["id"], contested[0]["id"]);
    // `claims` lists contested claims first, in the same order.
    let n = contested.as_array().unwrap().len();
    let first: Vec<_> = all.as_array().unwrap()[..n]
        .iter()
        .map(|c| &c["id"])
        .collect();
    let want: Vec<_> = contested
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["id"])
        .collect();
    assert_eq!(first, want);
}
