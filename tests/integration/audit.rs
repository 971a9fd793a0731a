use serde_json::Value;

use crate::util::{para, Dir};

/// A draft made of unaltered sentences from three seeds: quotes with
/// their speakers, and the Lurk figures.
fn clean_draft() -> String {
    [
        "Russia and America: partners in cyberspace?".to_string(),
        para("000", "We are maintaining working contacts"),
        para("004", "The most important moment of cooperation"),
        para("004", "The Lurk group was believed"),
        para("003", "The warning lights are blinking red again"),
        para("003", "Priscilla Moriuchi, who spent"),
        para("003", "Enabling Russia to gain"),
        para(
            "000",
            "Russian cybercriminals operate with relative impunity",
        ),
    ]
    .join("\n\n")
        + "\n"
}

/// The clean draft with a misquote, a wrong figure, a quote moved to
/// another speaker and an invented quote.
fn tampered_draft() -> String {
    let clean = clean_draft();
    let draft = clean
        .replacen("special unit heads", "special unit chiefs", 1)
        .replacen("45 million)", "65 million)", 1)
        .replacen("she told VICE News", "Michael Carpenter told VICE News", 1);
    assert_eq!(draft.matches("chiefs").count(), 1);
    assert_eq!(draft.matches("65 million").count(), 1);
    assert_eq!(draft.matches("Michael Carpenter").count(), 1);
    draft + "\n“We will open a joint cyber office in Geneva next spring,” said Sergei Lavrov.\n"
}

/// A folder with the seeds ingested.
fn seeded() -> Dir {
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    dir.run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);
    dir
}

fn articles(dir: &Dir) -> usize {
    let run = dir.run(&["articles", "--json"]);
    run.expect_code(0);
    run.json().as_array().unwrap().len()
}

/// The findings that are not ok, as (status, kind, item, text).
fn problems(report: &Value) -> Vec<(String, String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] != "ok")
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("status"), s("kind"), s("item"), s("text"))
        })
        .collect()
}

fn finding<'a>(report: &'a Value, needle: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no finding with {needle:?}: {report:#}"))
}

#[test]
fn clean_draft_passes() {
    let dir = seeded();
    dir.write("clean.txt", clean_draft());
    let run = dir.run(&["audit", "clean.txt", "--json"]);
    run.expect_code(0);
    let j = run.json();
    assert_eq!(problems(&j), [], "{j:#}");
    assert_eq!(j["failed"], false);
    // Quotes of three seeds, the Lurk figures and the others.
    assert!(j["summary"]["ok"].as_u64().unwrap() >= 10, "{j:#}");
    assert_eq!(j["summary"]["ok"], j["summary"]["items"]);
    // Where the Bortnikov quote was found: The Daily Beast and its rewrite.
    let q = finding(&j, "We are maintaining working contacts");
    assert_eq!(q["speaker"], "Alexander Bortnikov");
    let sources = q["sources"].as_array().unwrap();
    assert_eq!(sources[0]["outlet"], "The Daily Beast");
    assert_eq!(sources[0]["label"], "restates");
    assert!(sources[0]["article"].as_i64().unwrap() > 0);
    for key in ["title", "published", "text", "speaker"] {
        assert!(sources[0].get(key).is_some(), "{key} missing: {q:#}");
    }
    // The draft's offsets point into the draft.
    let draft = clean_draft();
    let (s, e) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&draft[s..e], q["text"].as_str().unwrap());
}

#[test]
fn tampered_draft_finds_exactly_the_planted_problems() {
    let dir = seeded();
    dir.write("draft.txt", tampered_draft());
    let run = dir.run(&["audit", "draft.txt", "--json"]);
    run.expect_code(1);
    let j = run.json();
    let mut got = problems(&j);
    got.sort();
    let mut want: Vec<(&str, &str, &str, &str)> = vec![
        ("mismatch", "wording", "quote", "special unit chiefs"),
        ("mismatch", "value", "figure", "$65 million"),
        ("mismatch", "speaker", "quote", "Enabling Russia to gain"),
        ("unverified", "", "quote", "joint cyber office in Geneva"),
    ];
    want.sort();
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for ((gs, gk, gi, gt), (ws, wk, wi, wt)) in got.iter().zip(&want) {
        assert_eq!((gs.as_str(), gk.as_str(), gi.as_str()), (*ws, *wk, *wi));
        assert!(gt.contains(wt), "{gt:?} lacks {wt:?}");
    }
    assert_eq!(j["summary"]["mismatch"], 3);
    assert_eq!(j["summary"]["unverified"], 1);
    assert_eq!(j["failed"], true);

    // The misquote: the word diff from the source to the draft.
    let misquote = finding(&j, "special unit chiefs");
    let diff = misquote["diff"].as_array().unwrap();
    let op = |kind: &str| {
        diff.iter()
            .filter(|d| d["op"] == kind)
            .map(|d| d["text"].as_str().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(op("delete"), ["heads"]);
    assert_eq!(op("insert"), ["chiefs"]);
    assert_eq!(misquote["reasons"], serde_json::json!(["wording"]));

    // The wrong figure: the sources that say otherwise.
    let figure = finding(&j, "$65 million");
    let said: Vec<&str> = figure["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(said.contains(&"$45 million"), "{figure:#}");

    // The moved quote: who the coverage credits it to.
    let moved = finding(&j, "Enabling Russia to gain");
    assert_eq!(moved["sources"][0]["speaker"], "Priscilla Moriuchi");
    assert_eq!(moved["sources"][0]["outlet"], "VICE News");

    // The report for people says the same, with a summary line.
    let run = dir.run(&["audit", "draft.txt"]);
    run.expect_code(1);
    let out = run.stdout();
    assert!(out.contains("MISMATCH (3)"), "{out}");
    assert!(out.contains("UNVERIFIED (1)"), "{out}");
    assert!(out.contains("[-heads-] {+chiefs+}"), "{out}");
    assert!(out.contains("Priscilla Moriuchi"), "{out}");
    assert!(
        out.trim_end()
            .ends_with("3 mismatch, 1 unverified, 0 unattributed, 0 anonymous"),
        "{out}"
    );
}

#[test]
fn fail_on_levels() {
    let dir = seeded();
    dir.write("draft.txt", tampered_draft());
    dir.run(&["audit", "draft.txt", "--fail-on", "none"])
        .expect_code(0);
    dir.run(&["audit", "draft.txt", "--fail-on", "unverified"])
        .expect_code(1);

    // Only an invented quote: unverified, below the default level.
    dir.write(
        "invented.txt",
        "“We will open a joint cyber office in Geneva next spring,” said Sergei Lavrov.\n",
    );
    dir.run(&["audit", "invented.txt"]).expect_code(0);
    dir.run(&["audit", "invented.txt", "--fail-on", "unverified"])
        .expect_code(1);

    // A claim credited only to an anonymous source, as the coverage has it.
    dir.write(
        "anonymous.txt",
        para(
            "000",
            "According to an FBI official, had the agency been told",
        ),
    );
    let run = dir.run(&["audit", "anonymous.txt", "--json"]);
    run.expect_code(0);
    let j = run.json();
    let f = finding(&j, "it would have changed everything");
    assert_eq!(f["status"], "anonymous", "{j:#}");
    assert_eq!(f["speaker_kind"], "anonymous");
    dir.run(&["audit", "anonymous.txt", "--fail-on", "anonymous"])
        .expect_code(1);
    dir.run(&["audit", "anonymous.txt", "--fail-on", "unattributed"])
        .expect_code(0);

    // A quote from nobody.
    dir.write(
        "nobody.txt",
        "“The idea of a joint cybersecurity unit between the United States and Russia is \
         preposterous.”\n",
    );
    let run = dir.run(&["audit", "nobody.txt", "--json"]);
    let j = run.json();
    assert_eq!(
        finding(&j, "preposterous")["status"],
        "unattributed",
        "{j:#}"
    );
    dir.run(&["audit", "nobody.txt", "--fail-on", "unattributed"])
        .expect_code(1);

    dir.run(&["audit", "draft.txt", "--fail-on", "bogus"])
        .expect_code(2);
}

#[test]
fn narrator_words_quoted_as_a_source_are_an_attribution_mismatch() {
    let dir = seeded();
    // The Daily Beast's own words (000), put in an official's mouth.
    dir.write(
        "draft.txt",
        "“Behind-the-scenes cooperation with the Trump administration, particularly when it \
         comes to cybercrime and terrorism, is a theme the Kremlin likes to push onto center \
         stage every so often,” said John Smith, a State Department official.\n",
    );
    let run = dir.run(&["audit", "draft.txt", "--json"]);
    run.expect_code(1);
    let j = run.json();
    let f = finding(&j, "Behind-the-scenes cooperation");
    assert_eq!(
        (&f["status"], &f["kind"]),
        (&"mismatch".into(), &"attribution".into()),
        "{j:#}"
    );
    assert_eq!(f["sources"][0]["item"], "narration");
    assert_eq!(f["sources"][0]["outlet"], "The Daily Beast");
}

#[test]
fn draft_is_stored_only_with_save() {
    let dir = seeded();
    dir.write("draft.txt", tampered_draft());
    assert_eq!(articles(&dir), 5);
    dir.run(&["audit", "draft.txt"]).expect_code(1);
    dir.run(&["audit", "draft.txt", "--json"]).expect_code(1);
    assert_eq!(articles(&dir), 5, "audit without --save wrote the draft");

    let run = dir.run(&["audit", "draft.txt", "--save", "--json"]);
    run.expect_code(1);
    let j = run.json();
    assert_eq!(j["saved"]["outcome"], "new");
    let id = j["saved"]["article"].as_i64().unwrap();
    assert_eq!(articles(&dir), 6);
    // Its quotes are stored like an ingested article's.
    let run = dir.run(&["search", "Geneva"]);
    run.expect_code(0);
    assert!(
        run.stdout().contains("joint cyber office"),
        "{}",
        run.stdout()
    );

    // Audited again, the stored draft is not its own source.
    let run = dir.run(&["audit", "draft.txt", "--json"]);
    run.expect_code(1);
    let j = run.json();
    assert_eq!(j["summary"]["unverified"], 1, "{j:#}");
    assert!(j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["sources"].as_array().unwrap())
        .all(|s| s["article"] != id));
    // Saving the same text again stores nothing new.
    let run = dir.run(&["audit", "draft.txt", "--save"]);
    assert!(
        run.stdout().contains("saved: unchanged"),
        "{}",
        run.stdout()
    );
    assert_eq!(articles(&dir), 6);
}

#[test]
fn draft_from_stdin_and_markup() {
    let dir = seeded();
    let run = dir.run_stdin(&["audit", "-", "--json"], Some(tampered_draft().as_bytes()));
    run.expect_code(1);
    assert_eq!(run.json()["draft"], "<stdin>");
    assert_eq!(run.json()["summary"]["mismatch"], 3);

    let html: String = clean_draft()
        .split("\n\n")
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    dir.write(
        "clean.html",
        format!("<html><body><nav>Home | World</nav><article>{html}</article></body></html>"),
    );
    let run = dir.run(&["audit", "clean.html", "--json"]);
    run.expect_code(0);
    assert_eq!(problems(&run.json()), []);
}

#[test]
fn unusable_input_exits_2() {
    let dir = seeded();
    let run = dir.run(&["audit", "missing.txt"]);
    run.expect_code(2);
    assert!(run.stderr().contains("missing.txt"), "{}", run.stderr());
    assert!(run.stdout().is_empty());

    dir.write("empty.txt", "  \n");
    dir.run(&["audit", "empty.txt"]).expect_code(2);

    // No store yet: nothing to check against, and none is created.
    let fresh = Dir::new();
    fresh.write("draft.txt", clean_draft());
    let run = fresh.run(&["audit", "draft.txt"]);
    run.expect_code(2);
    assert!(run.stderr().contains("no store"), "{}", run.stderr());
    assert!(!fresh.db().exists());
}

#[test]
fn hostile_draft_text_is_data() {
    let dir = seeded();
    dir.write(
        "draft.txt",
        "“Drop \"tables\" OR NEAR(x y) * ^col: \u{1b}[31mred; DELETE FROM quotes;” said \
         Robert Tables.\n",
    );
    let run = dir.run(&["audit", "draft.txt"]);
    run.expect_code(0);
    assert!(!run.stdout().contains('\u{1b}'), "{}", run.stdout());
    assert_eq!(articles(&dir), 5);
}
