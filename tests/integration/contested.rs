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
        .find(|c| c["kind"] == "quote" && texts(c).iter().any(|t| t.contains("had spent")))
        .expect("the reported words with a changed number are contested");
    assert_eq!(reasons(reported), ["value"]);
}
