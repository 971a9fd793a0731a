//! Matcher tests over whole articles: small hand-made ones for each label
//! and reason, and generated ones for blocking recall and incremental use.

use std::collections::HashSet;

use crate::extract::model::{Figure, FigureKind, Quote, QuoteKind, SpeakerKind};

use super::synth::{generate, ItemAt, QuoteVariant};
use super::*;

/// An article built from sentences; `«…»` marks a quote (credited to
/// `speaker`), `{…}` a figure described by the closure.
struct Builder {
    text: String,
    quotes: Vec<Quote>,
    figures: Vec<Figure>,
}

impl Builder {
    fn new() -> Self {
        Builder {
            text: String::new(),
            quotes: Vec::new(),
            figures: Vec::new(),
        }
    }

    fn say(mut self, s: &str) -> Self {
        self.text.push_str(s);
        self.text.push(' ');
        self
    }

    fn quote(mut self, words: &str, kind: QuoteKind, speaker: &str, title: Option<&str>) -> Self {
        let anonymous = speaker.starts_with(char::is_lowercase);
        if kind == QuoteKind::Indirect {
            self.text.push_str(&format!("According to {speaker}, "));
        } else {
            self.text.push_str(&format!("{speaker} said: “"));
        }
        let start = self.text.len();
        self.text.push_str(words);
        let end = self.text.len();
        self.text.push_str(if kind == QuoteKind::Indirect {
            ". "
        } else {
            ".” "
        });
        self.quotes.push(Quote {
            text: words.into(),
            start,
            end,
            kind,
            speaker: Some(speaker.into()),
            speaker_as_written: Some(speaker.into()),
            speaker_title: title.map(Into::into),
            speaker_kind: Some(if anonymous {
                SpeakerKind::Anonymous
            } else {
                SpeakerKind::Person
            }),
            cue: Some("said".into()),
            via: None,
        });
        self
    }

    #[allow(clippy::too_many_arguments)]
    fn figure(
        mut self,
        before: &str,
        text: &str,
        after: &str,
        value: f64,
        unit: Option<&str>,
        qualifier: Option<&str>,
        kind: FigureKind,
    ) -> Self {
        self.text.push_str(before);
        self.text.push(' ');
        let start = self.text.len();
        self.text.push_str(text);
        let end = self.text.len();
        self.text.push(' ');
        self.text.push_str(after);
        self.text.push(' ');
        self.figures.push(Figure {
            text: text.into(),
            start,
            end,
            value: Some(value),
            high: None,
            unit: unit.map(Into::into),
            qualifier: qualifier.map(Into::into),
            kind,
            counts: None,
            date: None,
            linked_to: None,
        });
        self
    }

    fn build(self, id: i64, outlet: Option<&str>) -> ArticleInput {
        ArticleInput {
            id,
            outlet: outlet.map(Into::into),
            published: None,
            text: self.text,
            quotes: self.quotes,
            figures: self.figures,
        }
    }
}

/// The pairs, with each reprint as an exact restatement of the item it
/// repeats.
fn linked(m: &Matching) -> Vec<Pair> {
    let mut out = m.pairs.clone();
    out.extend(m.reprints.iter().map(|r| Pair {
        a: r.of,
        b: r.item,
        label: Label::Restates,
        reasons: Vec::new(),
        score: 1.0,
        basis: Basis::Exact,
        diff: None,
    }));
    out
}

fn only(pairs: &[Pair], kind: ItemKind) -> Vec<&Pair> {
    pairs
        .iter()
        .filter(|p| p.b.kind == kind || p.a.kind == kind)
        .collect()
}

const LURK_BEFORE: &str =
    "Stoyanov helped in the arrest of 50 members of a cyber-crime ring known as Lurk that stole";
const LURK_AFTER: &str = "from banks in Russia and other countries.";

fn lurk(id: i64, text: &str, value: f64, unit: &str, qualifier: Option<&str>) -> ArticleInput {
    Builder::new()
        .say("Unrelated opening words about the weather in Moscow.")
        .figure(
            LURK_BEFORE,
            text,
            LURK_AFTER,
            value,
            Some(unit),
            qualifier,
            FigureKind::Money,
        )
        .say("In 2016 many other things happened elsewhere.")
        .build(id, None)
}

#[test]
fn figures_restate_or_diverge_by_value_unit_and_qualifier() {
    type Case<'a> = (&'a str, f64, &'a str, Option<&'a str>, &'a [Reason]);
    let cases: [Case; 6] = [
        (
            "more than 3 billion rubles",
            3e9,
            "RUB",
            Some("more than"),
            &[],
        ),
        ("over 3 billion rubles", 3e9, "RUB", Some("over"), &[]),
        (
            "nearly three billion rubles",
            3e9,
            "RUB",
            Some("nearly"),
            &[Reason::Qualifier],
        ),
        ("about 3 billion rubles", 3e9, "RUB", Some("about"), &[]),
        ("5 billion rubles", 5e9, "RUB", None, &[Reason::Value]),
        ("3 billion dollars", 3e9, "USD", None, &[Reason::Unit]),
    ];
    for (text, value, unit, qualifier, reasons) in cases {
        let m = match_all(vec![
            lurk(
                1,
                "more than 3 billion rubles",
                3e9,
                "RUB",
                Some("more than"),
            ),
            lurk(2, text, value, unit, qualifier),
        ]);
        let all = linked(&m);
        let figs = only(&all, ItemKind::Figure);
        assert_eq!(figs.len(), 1, "{text}: {figs:?}");
        assert_eq!(figs[0].reasons, reasons, "{text}");
        let label = if reasons.is_empty() {
            Label::Restates
        } else {
            Label::Diverges
        };
        assert_eq!(figs[0].label, label);
        assert!(figs[0].score > 0.5 && figs[0].score <= 1.0);
    }
}

#[test]
fn figures_that_merely_share_a_value_do_not_pair() {
    let a = Builder::new()
        .figure(
            "Voters went to the polls in the",
            "2016",
            "presidential election across America.",
            2016.0,
            None,
            None,
            FigureKind::Year,
        )
        .figure(
            "The startup raised",
            "$45 million",
            "in venture funding for its apps.",
            45e6,
            Some("USD"),
            None,
            FigureKind::Money,
        )
        .build(1, None);
    let b = Builder::new()
        .figure(
            "The football club was founded in",
            "2016",
            "by local fans near the stadium.",
            2016.0,
            None,
            None,
            FigureKind::Year,
        )
        .figure(
            "The hackers stole",
            "$45 million",
            "from a bank in Ecuador last spring.",
            45e6,
            Some("USD"),
            None,
            FigureKind::Money,
        )
        .build(2, None);
    let m = match_all(vec![a, b]);
    assert!(m.pairs.is_empty(), "{:?}", m.pairs);
}

#[test]
fn two_figures_of_one_sentence_pair_one_to_one() {
    let make = |id: i64, first: f64, second: f64| {
        Builder::new()
            .figure(
                "The group also used Swift to steal",
                &format!("${first} million"),
                "from Bangladesh's central bank and",
                first * 1e6,
                Some("USD"),
                None,
                FigureKind::Money,
            )
            .figure(
                "",
                &format!("${second} million"),
                "from an Ecuadorean bank, investigators said.",
                second * 1e6,
                Some("USD"),
                None,
                FigureKind::Money,
            )
            .build(id, None)
    };
    let m = match_all(vec![make(1, 81.0, 12.0), make(2, 81.0, 12.0)]);
    let all = linked(&m);
    let figs = only(&all, ItemKind::Figure);
    assert_eq!(figs.len(), 2, "{figs:?}");
    assert!(figs
        .iter()
        .all(|p| p.label == Label::Restates && p.a.index == p.b.index));
}

/// A story reprinted by more outlets than any blocking budget (wire copy):
/// every key of its quote and figure is common. A copy with a changed
/// figure and reworded quote must still meet the earlier copies; before,
/// its new words counted as rare keys (carried only by itself) and the
/// common ones were never read.
#[test]
fn a_changed_copy_of_a_widely_reprinted_story_is_matched() {
    let copy = |id: i64, value: f64, text: &str, words: &str| {
        Builder::new()
            .quote(words, QuoteKind::Direct, "Oleg Petrovsky", Some("minister"))
            .figure(
                "The ministry said it had spent",
                text,
                "on the Zephyrine project last year.",
                value,
                Some("RUB"),
                None,
                FigureKind::Money,
            )
            .build(id, Some(&format!("Outlet {id}")))
    };
    let same = "We are maintaining working contacts with our partners in the region";
    let reworded = "We are maintaining contacts with our partners in the region";
    let copies = Options::default()
        .figure_budget
        .max(Options::default().max_postings)
        + 16;
    let mut articles: Vec<ArticleInput> = (1..=copies as i64)
        .map(|id| copy(id, 3e9, "3 billion rubles", same))
        .collect();
    let last = copies as i64 + 1;
    articles.push(copy(last, 2e9, "2 billion rubles", reworded));
    let m = match_all(articles);
    let of_last = |kind: ItemKind| -> Vec<&Pair> {
        only(&m.pairs, kind)
            .into_iter()
            .filter(|p| p.b.article == last || p.a.article == last)
            .collect()
    };
    let figs = of_last(ItemKind::Figure);
    assert!(!figs.is_empty(), "the changed figure met no copy");
    assert!(
        figs.iter().all(|p| p.reasons == [Reason::Value]),
        "{figs:?}"
    );
    let quotes = of_last(ItemKind::Quote);
    assert!(!quotes.is_empty(), "the reworded quote met no copy");
    assert!(
        quotes.iter().all(|p| p.reasons.contains(&Reason::Wording)),
        "{quotes:?}"
    );
}

const DANIEL: &str = "the U.S. and Russia do have some areas of common interest in cybersecurity where limited cooperation might be beneficial";

/// A figure whose every word is common (each carried by more figures than
/// the blocking budget, which never reads such a key alone) still meets a
/// restatement through its pairs of words, with a changed value too; the
/// unrelated figures that share one of its words do not pair.
#[test]
fn figures_of_common_words_meet_through_word_pairs() {
    let words = [
        "harbour", "pelican", "glacier", "orchid", "tundra", "lantern",
    ];
    // Distinct letter-only filler words.
    let filler = |k: usize, side: &str| {
        let letters: String = format!("{k:04}")
            .bytes()
            .map(|d| char::from(b'a' + (d - b'0')))
            .collect();
        format!("fill{side}{letters}")
    };
    let target = |id: i64, text: &str, value: f64| {
        Builder::new()
            .figure(
                &format!("{} {} {} paid", words[0], words[1], words[2]),
                text,
                &format!("for {} {} {}.", words[3], words[4], words[5]),
                value,
                Some("USD"),
                None,
                FigureKind::Money,
            )
            .build(id, None)
    };
    let mut articles = vec![target(1, "$45 million", 45e6)];
    let mut k = 0;
    for w in words {
        for _ in 0..12 {
            k += 1;
            articles.push(
                Builder::new()
                    .figure(
                        &format!("{} {} {w} paid", filler(k, "a"), filler(k, "b")),
                        "$12 million",
                        &format!("for {} {} today.", filler(k, "c"), filler(k, "d")),
                        12e6,
                        Some("USD"),
                        None,
                        FigureKind::Money,
                    )
                    .build(100 + k as i64, None),
            );
        }
    }
    articles.push(target(2, "$70 million", 70e6));
    let mut m = Matcher::with_options(Options {
        figure_budget: 8,
        ..Options::default()
    });
    let pairs = m.extend(articles);
    let figs = only(&pairs, ItemKind::Figure);
    let ids: Vec<(i64, i64)> = figs.iter().map(|p| (p.a.article, p.b.article)).collect();
    assert!(ids.contains(&(1, 2)), "{figs:?}");
    let p = figs
        .iter()
        .find(|p| p.a.article == 1 && p.b.article == 2)
        .unwrap();
    assert_eq!(p.reasons, [Reason::Value]);
    assert!(
        !ids.iter().any(|&(a, b)| (a < 100) != (b < 100)),
        "unrelated figures paired: {ids:?}"
    );
}

#[test]
fn quote_labels_through_the_matcher() {
    let a = Builder::new()
        .say("A long opening sentence of the first outlet about cooperation.")
        .quote(DANIEL, QuoteKind::Partial, "Michael Daniel", Some("CEO of the Cyber Threat Alliance, who was coordinator of cybersecurity strategy"))
        .quote("We are maintaining working contacts with the Central Intelligence Agency and the Federal Bureau of Investigation", QuoteKind::Direct, "Alexander Bortnikov", None)
        .say("According to our sources there is indeed some consultation at a practical level between the two sides.")
        .build(1, Some("The Daily Beast"));
    let b = Builder::new()
        .say("Another outlet opens differently.")
        .quote(&DANIEL.replace("cybersecurity", "cyber-security").to_uppercase(), QuoteKind::Direct, "Daniel", Some("formerly the coordinator of cybersecurity strategy"))
        .quote("We are maintaining close contacts with the Central Intelligence Agency and the Federal Bureau of Investigation", QuoteKind::Direct, "Bortnikov", None)
        .quote("there is indeed some consultation at a practical level between the two sides", QuoteKind::Partial, "one source", None)
        .build(2, Some("Newsweek"));
    let a_text = a.text.clone();
    let m = match_all(vec![a, b]);
    let by_b = |i: usize| {
        m.pairs
            .iter()
            .find(|p| p.b.index == i && p.b.article == 2)
            .unwrap()
    };
    // Upper case and a hyphen: the same words; the title is shortened,
    // which restates it (the brief: not a contradiction).
    assert_eq!(by_b(0).basis, Basis::Exact);
    assert!(by_b(0).reasons.is_empty(), "{:?}", by_b(0));
    // One word changed: wording, with a diff.
    let w = by_b(1);
    assert_eq!(w.reasons, [Reason::Wording]);
    let diff = w.diff.as_ref().unwrap();
    assert!(diff.contains(&DiffOp {
        op: DiffKind::Delete,
        text: "working".into()
    }));
    assert!(diff.contains(&DiffOp {
        op: DiffKind::Insert,
        text: "close".into()
    }));
    // The narrator's words became a source's quote.
    let n = by_b(2);
    assert_eq!(
        (n.a.kind, n.reasons.as_slice()),
        (ItemKind::Narration, &[Reason::Attribution][..])
    );
    assert!(a_text[n.a.start..n.a.end].starts_with("there is indeed"));
    // Claims: attribution ranks above wording; the shortened title
    // restates.
    assert_eq!(m.claims[0].severity, Some(Reason::Attribution));
    assert_eq!(m.claims.len(), 3);
    assert_eq!(m.claims.iter().filter(|c| c.contested).count(), 2);
}

#[test]
fn quoting_the_narrating_outlet_is_a_correct_credit() {
    let prose = "Trump's Department of Homeland Security has made significant cuts in two key task forces of its agency";
    let a = Builder::new()
        .say(&format!("By contrast, {prose}."))
        .build(1, Some("The Daily Beast"));
    let b = Builder::new()
        .quote(prose, QuoteKind::Direct, "The Daily Beast", None)
        .build(2, None);
    let c = Builder::new()
        .quote(prose, QuoteKind::Direct, "Chris Finan", None)
        .build(3, None);
    let mut m = Matcher::new();
    assert!(m.add(a).is_empty());
    let pb = m.add(b);
    assert_eq!(pb.len(), 1);
    assert_eq!(
        (pb[0].label, pb[0].a.kind),
        (Label::Restates, ItemKind::Narration)
    );
    let pc = m.add(c);
    let narr: Vec<&Pair> = pc
        .iter()
        .filter(|p| p.a.kind == ItemKind::Narration)
        .collect();
    assert_eq!(narr.len(), 1);
    assert_eq!(narr[0].reasons, [Reason::Attribution]);
    // And 3 against 2: same words, another named speaker.
    let q: Vec<&Pair> = pc.iter().filter(|p| p.a.kind == ItemKind::Quote).collect();
    assert_eq!(q[0].reasons, [Reason::Speaker]);
}

#[test]
fn published_dates_order_pairs_and_lineage() {
    let body: Vec<String> = (0..8)
        .map(|i| format!("Sentence number {i} tells a distinct part of the long story about event {i} in detail."))
        .collect();
    let source = ArticleInput {
        id: 10,
        outlet: None,
        published: Some("2020-01-02".into()),
        text: body.join(" "),
        quotes: vec![],
        figures: vec![],
    };
    let rewrite = ArticleInput {
        id: 11,
        outlet: None,
        published: Some("2020-01-05".into()),
        text: format!(
            "A new opening line. {} A closing line of its own.",
            body[..6].join(" ")
        ),
        quotes: vec![],
        figures: vec![],
    };
    // Added in reverse order; the dates decide which is the source.
    let m = match_all(vec![rewrite, source]);
    assert_eq!(m.lineage.len(), 1, "{:?}", m.lineage);
    let d = &m.lineage[0];
    assert_eq!((d.article, d.source), (11, 10));
    assert!(d.share > 0.7, "{d:?}");
}

#[test]
fn unrelated_articles_are_not_derived() {
    let s = generate(40, 8, 10, 7);
    let m = match_all(s.articles);
    let planted: HashSet<(i64, i64)> = s.rewrites.into_iter().collect();
    for d in &m.lineage {
        assert!(planted.contains(&(d.source, d.article)), "{d:?}");
    }
}

fn key(p: &Pair) -> (ItemRef, ItemRef) {
    (p.a, p.b)
}

#[test]
fn blocking_finds_what_exhaustive_comparison_finds() {
    let s = generate(120, 10, 15, 42);
    let blocked = match_all(s.articles.clone());
    let exhaustive = match_all_exhaustive(s.articles.clone());
    let got: HashSet<(ItemRef, ItemRef)> = blocked.pairs.iter().map(key).collect();
    let want: Vec<&Pair> = exhaustive
        .pairs
        .iter()
        .filter(|p| p.a.kind != ItemKind::Narration && p.b.kind != ItemKind::Narration)
        .collect();
    let found = want.iter().filter(|p| got.contains(&key(p))).count();
    let recall = found as f64 / want.len() as f64;
    assert!(want.len() > 50, "{}", want.len());
    let missed: Vec<&&Pair> = want.iter().filter(|p| !got.contains(&key(p))).collect();
    assert!(
        recall >= 0.99,
        "recall {recall}: {found}/{} missed {missed:?}",
        want.len()
    );
    // Blocking adds nothing that exhaustive comparison would not find.
    let all: HashSet<(ItemRef, ItemRef)> = exhaustive.pairs.iter().map(key).collect();
    let extra: Vec<&Pair> = blocked
        .pairs
        .iter()
        .filter(|p| !all.contains(&key(p)) && p.a.kind != ItemKind::Narration)
        .collect();
    assert!(extra.is_empty(), "{extra:?}");
}

#[test]
fn planted_restatements_are_found_and_labelled() {
    let s = generate(150, 10, 15, 3);
    let m = match_all(s.articles.clone());
    let rel = m.relations();
    let at = |kind, (article, index): ItemAt| ItemRef {
        article,
        kind,
        index,
        start: 0,
        end: 0,
    };
    let mut missed = Vec::new();
    for (src, dst, variant) in &s.planted_quotes {
        let Some(p) = rel.get(&at(ItemKind::Quote, *src), &at(ItemKind::Quote, *dst)) else {
            missed.push((src, dst, variant));
            continue;
        };
        let expected: &[Reason] = match variant {
            QuoteVariant::Exact
            | QuoteVariant::Punctuation
            | QuoteVariant::Hyphen
            | QuoteVariant::Partial => &[],
            QuoteVariant::OneWord => &[Reason::Wording],
            QuoteVariant::OtherSpeaker => &[Reason::Speaker],
            QuoteVariant::OtherTitle => variant.reasons_in(&s.articles, *src, *dst),
        };
        assert_eq!(p.reasons, expected, "{variant:?} {p:?}");
    }
    assert!(
        missed.is_empty(),
        "{} of {} missed: {missed:?}",
        missed.len(),
        s.planted_quotes.len()
    );
    let found = s
        .planted_figures
        .iter()
        .filter(|(a, b)| {
            rel.get(&at(ItemKind::Figure, *a), &at(ItemKind::Figure, *b))
                .is_some()
        })
        .count();
    assert!(
        found as f64 >= 0.95 * s.planted_figures.len() as f64,
        "{found}/{}",
        s.planted_figures.len()
    );
}

#[test]
fn incremental_adds_give_the_batch_pairs() {
    let s = generate(60, 8, 10, 11);
    let batch = match_all(s.articles.clone());
    let mut m = Matcher::new();
    let mut pairs = Vec::new();
    for a in s.articles {
        let new = m.add(a.clone());
        // Every new pair involves the new article.
        assert!(new
            .iter()
            .all(|p| p.a.article == a.id || p.b.article == a.id));
        pairs.extend(new);
    }
    let set = |ps: &[Pair]| ps.iter().map(key).collect::<HashSet<_>>();
    // Rarity (document frequencies) differs as the index grows, so allow a
    // sliver of difference at the thresholds.
    let (a, b) = (set(&pairs), set(&batch.pairs));
    let common = a.intersection(&b).count();
    assert!(
        common as f64 >= 0.98 * b.len() as f64,
        "{common} of {}",
        b.len()
    );
    assert_eq!(m.pairs().len(), pairs.len());
}

#[test]
fn output_serialises_with_lower_case_names() {
    let m = match_all(vec![
        lurk(
            1,
            "more than 3 billion rubles",
            3e9,
            "RUB",
            Some("more than"),
        ),
        lurk(2, "nearly three billion rubles", 3e9, "RUB", Some("nearly")),
    ]);
    let json = serde_json::to_string(&m).unwrap();
    assert!(json.contains("\"label\":\"diverges\""), "{json}");
    assert!(json.contains("\"reasons\":[\"qualifier\"]"), "{json}");
    assert!(json.contains("\"kind\":\"figure\""), "{json}");
    assert!(json.contains("\"basis\":\"subject\""), "{json}");
    let back: Matching = serde_json::from_str(&json).unwrap();
    assert_eq!(back, m);
    assert_eq!(
        serde_json::to_string(&Reason::SpeakerTitle).unwrap(),
        "\"speaker_title\""
    );
}

#[test]
fn odd_input_does_not_panic() {
    let q = Quote {
        text: "words that are not in the text at all".into(),
        start: 5000,
        end: 9000,
        kind: QuoteKind::Nested,
        speaker: Some(String::new()),
        speaker_as_written: None,
        speaker_title: Some(String::new()),
        speaker_kind: None,
        cue: None,
        via: Some("".into()),
    };
    let f = Figure {
        text: "?".into(),
        start: 3,
        end: 1,
        value: None,
        high: None,
        unit: None,
        qualifier: None,
        kind: FigureKind::Date,
        counts: Some("".into()),
        date: None,
        linked_to: None,
    };
    let a = ArticleInput {
        id: 1,
        outlet: Some(String::new()),
        published: None,
        text: "Ünïcödé — “…” [ ] ... \n\n".into(),
        quotes: vec![q.clone(), q.clone()],
        figures: vec![f.clone(), f.clone()],
    };
    let mut b = a.clone();
    b.id = 2;
    let empty = ArticleInput {
        id: 3,
        outlet: None,
        published: None,
        text: String::new(),
        quotes: vec![],
        figures: vec![],
    };
    let m = match_all(vec![a, b, empty]);
    let _ = serde_json::to_string(&m).unwrap();
}

/// Scale check, run by hand in release mode:
/// `cargo test --release bench_100k -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_100k() {
    let n: usize = std::env::var("MATCH_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let t = std::time::Instant::now();
    let s = generate(n, 10, 15, 1);
    let bytes: usize = s.articles.iter().map(|a| a.text.len()).sum();
    eprintln!(
        "generated {n} articles, {} MB of text, in {:?}",
        bytes >> 20,
        t.elapsed()
    );
    let rss = |field: &str| {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|st| st.lines().find(|l| l.starts_with(field)).map(str::to_owned))
    };
    eprintln!("resident before matching (the input): {:?}", rss("VmRSS"));
    // Peak memory of matching alone: reset the high-water mark (Linux).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    // CPU seconds of this process (user + system), from /proc (Linux).
    let cpu = || {
        std::fs::read_to_string("/proc/self/stat")
            .ok()
            .and_then(|st| {
                let f: Vec<&str> = st.rsplit(')').next()?.split_whitespace().collect();
                Some((f[11].parse::<f64>().ok()? + f[12].parse::<f64>().ok()?) / 100.0)
            })
            .unwrap_or(0.0)
    };
    let c0 = cpu();
    let t = std::time::Instant::now();
    let m = match_all(s.articles);
    eprintln!("cpu seconds while matching: {:.1}", cpu() - c0);
    eprintln!("peak resident memory while matching: {:?}", rss("VmHWM"));
    eprintln!(
        "matched in {:?}: {} pairs, {} claims ({} contested), {} derived",
        t.elapsed(),
        m.pairs.len(),
        m.claims.len(),
        m.claims.iter().filter(|c| c.contested).count(),
        m.lineage.len()
    );
    let planted: HashSet<(ItemAt, ItemAt)> = s.planted_quotes.iter().map(|p| (p.0, p.1)).collect();
    let found = m
        .pairs
        .iter()
        .filter(|p| p.a.kind == ItemKind::Quote && p.b.kind == ItemKind::Quote)
        .filter(|p| planted.contains(&((p.a.article, p.a.index), (p.b.article, p.b.index))))
        .count();
    eprintln!("planted quote pairs found: {found}/{}", planted.len());
}

/// Blocking recall against exhaustive comparison on 1,000 articles, run by
/// hand in release mode: `cargo test --release recall_1000 -- --ignored --nocapture`.
#[test]
#[ignore]
fn recall_1000() {
    let s = generate(1000, 10, 15, 5);
    let t = std::time::Instant::now();
    let blocked = match_all(s.articles.clone());
    let tb = t.elapsed();
    let t = std::time::Instant::now();
    let exhaustive = match_all_exhaustive(s.articles);
    let te = t.elapsed();
    let got: HashSet<(ItemRef, ItemRef)> = blocked.pairs.iter().map(key).collect();
    for kind in [ItemKind::Quote, ItemKind::Figure] {
        let want: Vec<&Pair> = exhaustive
            .pairs
            .iter()
            .filter(|p| p.a.kind == kind && p.b.kind == kind)
            .collect();
        let found = want.iter().filter(|p| got.contains(&key(p))).count();
        eprintln!(
            "{kind:?}: blocked finds {found} of {} exhaustive pairs ({:.4})",
            want.len(),
            found as f64 / want.len() as f64
        );
        for p in want.iter().filter(|p| !got.contains(&key(p))).take(5) {
            eprintln!("  missed {p:?}");
        }
    }
    eprintln!("blocked {tb:?}, exhaustive {te:?}");
}

/// Loading stored articles and adding new ones yields the new pairs only:
/// the same pairs involving the new article as matching everything at once.
#[test]
fn load_then_extend_finds_only_new_pairs() {
    let quote = |text: &str| crate::extract::model::Quote {
        text: text.to_string(),
        start: 1,
        end: 1 + text.len(),
        kind: crate::extract::model::QuoteKind::Direct,
        speaker: Some("Ann Lee".into()),
        speaker_as_written: Some("Ann Lee".into()),
        speaker_title: None,
        speaker_kind: Some(crate::extract::model::SpeakerKind::Person),
        cue: Some("said".into()),
        via: None,
    };
    let article = |id: i64| {
        // One word differs from article to article: no two are reprints.
        let word = ["never", "not", "hardly"][id as usize % 3];
        let q = format!("We will {word} accept a deal on these terms, whatever happens");
        let q = q.as_str();
        ArticleInput {
            id,
            outlet: Some(format!("Outlet {id}")),
            published: None,
            text: format!("\u{201c}{q},\u{201d} Ann Lee said."),
            quotes: vec![quote(q)],
            figures: vec![],
        }
    };
    let mut m = Matcher::new();
    m.load(vec![article(1), article(2)]);
    let new = m.extend(vec![article(3)]);
    assert_eq!(new.len(), 2, "{new:?}");
    assert!(new.iter().all(|p| p.a.article == 3 || p.b.article == 3));
}
