//! `extract`, `eval` and the listings over real seed articles.

use crate::util::{seed_dir, Dir};

#[test]
fn extract_json_follows_the_contract() {
    let dir = Dir::new();
    let seed = seed_dir().join("004_1d986be399768a2f.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let run = dir.run(&["extract", seed.to_str().unwrap(), "--json"]);
    run.expect_code(0);
    let j = run.json();
    for q in j["quotes"].as_array().unwrap() {
        for key in [
            "text",
            "start",
            "end",
            "kind",
            "speaker",
            "speaker_as_written",
            "speaker_title",
            "speaker_kind",
            "cue",
            "via",
        ] {
            assert!(q.get(key).is_some(), "quote lacks {key}: {q}");
        }
    }
    let figures = j["figures"].as_array().unwrap();
    for f in figures {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], f["text"].as_str().unwrap());
    }
    let rubles = figures
        .iter()
        .position(|f| f["text"] == "nearly three billion rubles")
        .expect("the ruble figure");
    assert_eq!(figures[rubles]["value"], 3_000_000_000u64);
    assert_eq!(figures[rubles]["unit"], "RUB");
    assert_eq!(figures[rubles]["qualifier"], "nearly");
    let dollars = &figures[rubles + 1];
    assert_eq!(dollars["text"], "$45 million");
    assert_eq!(dollars["value"], 45_000_000u64);
    assert_eq!(dollars["linked_to"], rubles);
}

#[test]
fn extract_from_stdin_needs_no_store() {
    let dir = Dir::new();
    let run = dir.run_stdin(
        &["extract", "-", "--json"],
        Some("\u{201c}We are ready,\u{201d} Gen. Alexander Bortnikov said.\n".as_bytes()),
    );
    run.expect_code(0);
    let q = &run.json()["quotes"][0];
    assert_eq!(q["text"], "We are ready");
    assert_eq!(q["speaker"], "Alexander Bortnikov");
    assert_eq!(q["speaker_as_written"], "Gen. Alexander Bortnikov");
    assert_eq!(q["cue"], "said");
    assert!(!dir.db().exists());
}

// A no-break space or a zero-width character in a speaker's name made
// another speaker, or none.
#[test]
fn invisible_characters_in_a_name_keep_the_speaker() {
    let dir = Dir::new();
    let article = |name: &str| {
        format!(
            "\u{201c}We are ready,\u{201d} {name} said on Monday.\n\n\
             {name} told reporters that the deal was worth $45\u{a0}million.\n"
        )
    };
    let speakers = |file: &str| {
        let run = dir.run(&["extract", file, "--json"]);
        run.expect_code(0);
        let j = run.json();
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        for item in j["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .chain(j["figures"].as_array().unwrap())
        {
            let (s, e) = (
                item["start"].as_u64().unwrap() as usize,
                item["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text.get(s..e),
                item["text"].as_str(),
                "{file}: {item} does not slice the file"
            );
        }
        j["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["speaker"].clone())
            .collect::<Vec<_>>()
    };
    dir.write("plain.txt", article("Anna Berg"));
    let plain = speakers("plain.txt");
    assert_eq!(plain.len(), 2, "{plain:?}");
    assert!(plain.iter().all(|s| s == "Anna Berg"), "{plain:?}");
    for (file, name) in [
        ("nbsp.txt", "Anna\u{a0}Berg"),
        ("narrow.txt", "Anna\u{202f}Berg"),
        ("zwsp.txt", "Anna Be\u{200b}rg"),
        ("shy.txt", "Anna Be\u{ad}rg"),
        ("bom.txt", "\u{feff}Anna\u{2060} Berg"),
    ] {
        dir.write(file, article(name));
        assert_eq!(speakers(file), plain, "{file}");
    }
}

#[test]
fn eval_meets_the_targets_on_the_seeds() {
    let dir = Dir::new();
    let run = dir.run(&["eval", env!("CARGO_MANIFEST_DIR"), "--json"]);
    run.expect_code(0);
    let j = run.json();
    let seeds = j["articles"].as_array().unwrap();
    assert_eq!(seeds.iter().filter(|a| a["split"] == "seeds").count(), 5);
    let splits: Vec<&str> = j["splits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["split"].as_str().unwrap())
        .collect();
    assert_eq!(splits[0], "seeds", "{splits:?}");
    for s in j["splits"].as_array().unwrap() {
        for field in ["title_accuracy", "cue_accuracy"] {
            let v = s[field].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&v), "{field} {v}");
        }
        assert!(s["indirect_speaker"]["f1"].is_number());
    }
    let speaker_f1 = j["overall"]["quote_speaker"]["f1"].as_f64().unwrap();
    let figure_f1 = j["overall"]["figures"]["f1"].as_f64().unwrap();
    assert!(speaker_f1 >= 0.90, "quote F1 with speaker {speaker_f1}");
    assert!(figure_f1 >= 0.95, "figure F1 {figure_f1}");
    let table = dir.run(&["eval", env!("CARGO_MANIFEST_DIR")]).stdout();
    assert!(
        table.lines().last().unwrap().starts_with("overall"),
        "{table}"
    );
}

#[test]
fn listings_after_ingest() {
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    dir.run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);

    let q = dir
        .run(&["quotes", "--speaker", "Bortnikov", "--json"])
        .json();
    let q = q.as_array().unwrap();
    assert!(q.len() >= 3, "{q:?}");
    assert!(q.iter().all(|r| r["speaker"] == "Alexander Bortnikov"));
    let outlets: std::collections::HashSet<String> =
        q.iter().map(|r| r["outlet"].to_string()).collect();
    assert!(outlets.len() >= 2);

    let vice = dir.run(&["quotes", "--outlet", "VICE", "--json"]).json();
    assert!(vice
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["outlet"] == "VICE News"));

    let money = dir.run(&["figures", "--kind", "money", "--json"]).json();
    let money = money.as_array().unwrap();
    assert!(money.iter().all(|f| f["kind"] == "money"));
    assert!(money
        .iter()
        .any(|f| f["text"] == "more than 3 billion rubles"));

    let speakers = dir.run(&["speakers", "--json"]).json();
    let bortnikov = speakers
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Alexander Bortnikov")
        .expect("Bortnikov is a speaker");
    let aliases: Vec<&str> = bortnikov["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(aliases.contains(&"Gen. Alexander Bortnikov"), "{aliases:?}");

    let found = dir.run(&["search", "impenetrable", "--json"]).json();
    assert!(!found["quotes"].as_array().unwrap().is_empty());
    let none = dir.run(&["search", "zzzzunlikelyword", "--json"]).json();
    assert!(none["quotes"].as_array().unwrap().is_empty());
    assert!(none["articles"].as_array().unwrap().is_empty());
    // People's view of a listing works too.
    let table = dir.run(&["speakers"]).stdout();
    assert!(table.contains("Alexander Bortnikov"));
}

#[test]
fn closed_pipe_is_a_clean_exit() {
    use std::process::{Command, Stdio};
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    dir.run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
        .arg("--db")
        .arg(dir.db())
        .args(["quotes", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
