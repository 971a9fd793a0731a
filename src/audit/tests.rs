//! Unit tests of the citation audit.

use super::*;
use crate::extract::extract;
use crate::matching::Basis;

fn coverage(id: i64, outlet: &str, text: &str) -> Coverage {
    let x = extract(text);
    Coverage {
        input: ArticleInput {
            id,
            outlet: Some(outlet.to_string()),
            published: Some("2020-01-01".into()),
            text: text.to_string(),
            quotes: x.quotes,
            figures: x.figures,
        },
        title: Some(format!("{outlet} story")),
    }
}

fn run(draft: &str, cov: Vec<Coverage>) -> Audit {
    audit(draft, &extract(draft), cov)
}

fn statuses(a: &Audit) -> Vec<(ItemKind, Status, Option<MismatchKind>)> {
    a.findings
        .iter()
        .map(|f| (f.item, f.status, f.kind))
        .collect()
}

const STORY: &str = "The minister spoke in the capital on Tuesday. \
    \"We will double the budget for cyber defence before the winter elections,\" \
    said Anna Kowalski, the interior minister. \
    The police arrested 50 people in the raid. \
    The group was believed to have stolen nearly three billion rubles from banks. \
    Critics were unconvinced by the announcement in parliament yesterday.";

// A pair built by hand, source (article 7, item 0) → draft item 0.
fn pair(kind: ItemKind, label: Label, reasons: Vec<Reason>) -> Pair {
    let r = |article, start, end| ItemRef {
        article,
        kind,
        index: 0,
        start,
        end,
    };
    Pair {
        a: r(7, 0, 5),
        b: r(DRAFT_ID, 0, 5),
        label,
        reasons,
        score: 1.0,
        basis: Basis::Exact,
        diff: None,
    }
}

fn one_quote(speaker: Option<&str>, kind: Option<SpeakerKind>) -> (ArticleInput, Coverage) {
    let q = Quote {
        text: "words".into(),
        start: 0,
        end: 5,
        kind: crate::extract::model::QuoteKind::Direct,
        speaker: speaker.map(str::to_string),
        speaker_as_written: None,
        speaker_title: None,
        speaker_kind: kind,
        cue: None,
        via: None,
    };
    let draft = ArticleInput {
        id: DRAFT_ID,
        outlet: None,
        published: None,
        text: "words".into(),
        quotes: vec![q.clone()],
        figures: vec![],
    };
    let mut cov = coverage(7, "Wire", "words");
    cov.input.quotes = vec![q];
    (draft, cov)
}

#[test]
fn classification_table() {
    use Status::*;
    let person = (Some("Anna Kowalski"), Some(SpeakerKind::Person));
    let anon = (Some("a source"), Some(SpeakerKind::Anonymous));
    let nobody = (None, None);
    let restates = || vec![pair(ItemKind::Quote, Label::Restates, vec![])];
    let speaker = || {
        vec![pair(
            ItemKind::Quote,
            Label::Diverges,
            vec![Reason::Speaker, Reason::Wording],
        )]
    };
    type Credit<'a> = (Option<&'a str>, Option<SpeakerKind>);
    let cases: Vec<(Credit, Vec<Pair>, Status)> = vec![
        (person, restates(), Ok),
        (person, speaker(), Mismatch),
        (person, vec![], Unverified),
        // One restating source outweighs a divergent one.
        (person, [speaker(), restates()].concat(), Ok),
        (anon, restates(), Anonymous),
        (anon, vec![], Anonymous),
        (anon, speaker(), Mismatch),
        (nobody, restates(), Unattributed),
        (nobody, vec![], Unattributed),
    ];
    for ((name, kind), pairs, want) in cases {
        let (draft, cov) = one_quote(name, kind);
        let f = classify(&draft, &pairs, &[cov]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].status, want, "{name:?} {pairs:?}");
        if want == Mismatch {
            // The most severe reason names the kind.
            assert_eq!(f[0].kind, Some(MismatchKind::Speaker));
            assert_eq!(f[0].reasons, [Reason::Speaker, Reason::Wording]);
        } else {
            assert_eq!(f[0].kind, None);
        }
    }
}

#[test]
fn narration_pair_is_an_attribution_mismatch() {
    let (draft, cov) = one_quote(Some("Anna Kowalski"), Some(SpeakerKind::Person));
    let p = pair(ItemKind::Quote, Label::Diverges, vec![Reason::Attribution]);
    let mut p = p;
    p.a.kind = ItemKind::Narration;
    let f = classify(&draft, &[p], &[cov]);
    assert_eq!(f[0].status, Status::Mismatch);
    assert_eq!(f[0].kind, Some(MismatchKind::Attribution));
    assert_eq!(f[0].sources[0].item, ItemKind::Narration);
    assert_eq!(f[0].sources[0].speaker, None);
}

#[test]
fn pairs_with_unknown_articles_are_ignored() {
    let (draft, cov) = one_quote(Some("Anna Kowalski"), Some(SpeakerKind::Person));
    let mut p = pair(ItemKind::Quote, Label::Restates, vec![]);
    p.a.article = 99;
    let f = classify(&draft, &[p], &[cov]);
    assert_eq!(f[0].status, Status::Unverified);
    assert!(f[0].sources.is_empty());
}

#[test]
fn flipped_pairs_keep_the_diff_from_source_to_draft() {
    let (draft, cov) = one_quote(Some("Anna Kowalski"), Some(SpeakerKind::Person));
    let mut p = pair(ItemKind::Quote, Label::Diverges, vec![Reason::Wording]);
    std::mem::swap(&mut p.a, &mut p.b);
    p.diff = Some(vec![DiffOp {
        op: DiffKind::Insert,
        text: "old".into(),
    }]);
    let f = classify(&draft, &[p], &[cov]);
    let diff = f[0].diff.as_ref().expect("a diff");
    assert_eq!(diff[0].op, DiffKind::Delete);
}

#[test]
fn quotes_and_figures_against_real_matching() {
    let cov = vec![coverage(1, "Wire", STORY)];
    // The same sentences: everything is found.
    let a = run(STORY, cov.clone());
    assert!(
        a.findings.iter().all(|f| f.status == Status::Ok),
        "{:#?}",
        a.findings
    );
    assert_eq!(a.summary.items, a.summary.ok);
    let q = a
        .findings
        .iter()
        .find(|f| f.item == ItemKind::Quote)
        .unwrap();
    assert_eq!(q.sources[0].article, 1);
    assert_eq!(q.sources[0].outlet.as_deref(), Some("Wire"));

    // Words changed, speaker changed, figure changed, a quote invented.
    let draft = "\"We will triple the budget for cyber defence before the winter elections,\" \
        said Anna Kowalski, the interior minister. \
        The police arrested 50 people in the raid. \
        The group was believed to have stolen more than three billion rubles from banks. \
        \"Nobody in this government has ever read the report on the harbour,\" said Piotr Nowak.";
    let a = run(draft, cov.clone());
    let got = statuses(&a);
    assert!(
        got.contains(&(
            ItemKind::Quote,
            Status::Mismatch,
            Some(MismatchKind::Wording)
        )),
        "{got:?}"
    );
    let wording = a
        .findings
        .iter()
        .find(|f| f.kind == Some(MismatchKind::Wording))
        .unwrap();
    let line = diff_line(wording.diff.as_ref().unwrap(), 3);
    assert_eq!(line, "We will [-double-] {+triple+} the budget for …");
    assert!(
        got.contains(&(
            ItemKind::Figure,
            Status::Mismatch,
            Some(MismatchKind::Qualifier)
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(ItemKind::Quote, Status::Unverified, None)),
        "{got:?}"
    );

    let moved = "\"We will double the budget for cyber defence before the winter elections,\" \
        said Piotr Nowak, the opposition leader.";
    let a = run(moved, cov);
    assert_eq!(
        statuses(&a),
        [(
            ItemKind::Quote,
            Status::Mismatch,
            Some(MismatchKind::Speaker)
        )]
    );
    assert_eq!(
        a.findings[0].sources[0].speaker.as_deref(),
        Some("Anna Kowalski")
    );
}

#[test]
fn narrator_words_quoted_as_someone_s() {
    let cov = vec![coverage(
        1,
        "Wire",
        "The ministry has quietly shelved every plan to modernise the northern railway \
         network this decade. Officials declined to comment.",
    )];
    let draft = "\"The ministry has quietly shelved every plan to modernise the northern \
         railway network this decade,\" said Anna Kowalski.";
    let a = run(draft, cov);
    let f = &a.findings[0];
    assert_eq!(
        (f.status, f.kind),
        (Status::Mismatch, Some(MismatchKind::Attribution)),
        "{:#?}",
        a.findings
    );
    assert_eq!(f.sources[0].item, ItemKind::Narration);
}

#[test]
fn fail_levels() {
    let mut a = run("Nothing here.", vec![]);
    assert!(!a.fails(Some(Status::Anonymous)));
    let (draft, cov) = one_quote(Some("a source"), Some(SpeakerKind::Anonymous));
    a.findings = classify(&draft, &[], &[cov]);
    assert!(a.fails(Some(Status::Anonymous)));
    assert!(!a.fails(Some(Status::Unattributed)));
    assert!(!a.fails(Some(Status::Mismatch)));
    assert!(!a.fails(None));
}

#[test]
fn search_terms_are_distinctive_and_literal() {
    assert_eq!(
        distinctive_terms("The FSB said that \"Bortnikov\" met the CIA in 2016.", 3),
        ["bortnikov", "2016", "fsb"]
    );
    assert_eq!(fts_term("a\"b"), r#""a""b""#);
    let text = "He said: \"Sanctions will hurt everyone in the region.\" Prices rose 5 percent.";
    let items = search_items(text, &extract(text));
    assert!(items
        .iter()
        .any(|i| i.quotes && i.terms.contains(&"sanctions".to_string())));
    assert!(items
        .iter()
        .any(|i| !i.quotes && i.terms.contains(&"prices".to_string())));
}

#[test]
fn queries_use_the_rarest_words_in_the_store() {
    let item = SearchItem {
        terms: ["alpha", "beta", "gamma", "delta", "epsilon", "absent"]
            .map(String::from)
            .to_vec(),
        quotes: true,
    };
    let docs: HashMap<String, u64> = [
        ("alpha", 5000),
        ("beta", 3),
        ("gamma", 40),
        ("delta", 7),
        ("epsilon", 9000),
    ]
    .into_iter()
    .map(|(t, n)| (t.to_string(), n))
    .collect();
    let q = build_query(&item, &docs).unwrap();
    // beta, delta, gamma, alpha: every pair; absent words are dropped.
    assert_eq!(q.any.matches(" AND ").count(), 6);
    assert!(!q.any.contains("epsilon") && !q.any.contains("absent"));
    assert_eq!(q.all.as_deref(), Some(r#""beta" AND "delta" AND "gamma""#));
    assert!(q.ranked, "{q:?}");
    // Common words only: too many rows to rank.
    let common: HashMap<String, u64> = docs.keys().map(|t| (t.clone(), 5000)).collect();
    assert!(!build_query(&item, &common).unwrap().ranked);
    // Nothing the store holds: no search.
    assert_eq!(build_query(&item, &HashMap::new()), None);
}

#[test]
fn candidates_take_each_search_s_best_first() {
    let ranked = vec![vec![1, 2, 3], vec![4, 1], vec![], vec![5]];
    assert_eq!(pick_candidates(&ranked, &[], 3), [1, 4, 5]);
    assert_eq!(pick_candidates(&ranked, &[4], 10), [1, 5, 2, 3]);
}
