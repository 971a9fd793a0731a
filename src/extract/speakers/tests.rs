//! Unit tests of `extract::speakers`: small sentences, one rule each.

use super::*;

fn np_of(t: &str) -> Option<(String, NpKind, Option<String>)> {
    let mut toks = Vec::new();
    tokenize(t, 0, t.len(), &mut toks);
    let np = parse_np(t, &toks, 0, toks.len())?;
    if np.tok_end != toks.len() {
        return None;
    }
    Some((
        t[np.name.clone()].to_string(),
        np.kind,
        np.title.map(|r| t[r].to_string()),
    ))
}

#[test]
fn noun_phrases() {
    let cases: &[(&str, &str, NpKind, Option<&str>)] = &[
        (
            "Gen. Alexander Bortnikov",
            "Alexander Bortnikov",
            NpKind::Person,
            None,
        ),
        (
            "CIA Director John Brennan",
            "John Brennan",
            NpKind::Person,
            Some("CIA Director"),
        ),
        (
            "Russian Foreign Minister Sergei Lavrov",
            "Sergei Lavrov",
            NpKind::Person,
            Some("Russian Foreign Minister"),
        ),
        (
            "Foreign Ministry spokeswoman Maria Zakharova",
            "Maria Zakharova",
            NpKind::Person,
            Some("Foreign Ministry spokeswoman"),
        ),
        (
            "Russian security expert Alexander Sukharenko",
            "Alexander Sukharenko",
            NpKind::Person,
            Some("Russian security expert"),
        ),
        (
            "Alex Grigsby of the Council on Foreign Relations",
            "Alex Grigsby",
            NpKind::Person,
            Some("of the Council on Foreign Relations"),
        ),
        ("an FSB official", "an FSB official", NpKind::Anon, None),
        (
            "spokespersons for both the CIA and the DEA",
            "spokespersons for both the CIA and the DEA",
            NpKind::Anon,
            None,
        ),
        (
            "a National Security Council spokesman",
            "a National Security Council spokesman",
            NpKind::Anon,
            None,
        ),
        (
            "A White House statement",
            "A White House statement",
            NpKind::Doc,
            None,
        ),
        ("The Daily Beast", "The Daily Beast", NpKind::Pub, None),
        (
            "the publication",
            "the publication",
            NpKind::PubGeneric,
            None,
        ),
        ("the president", "the president", NpKind::Definite, None),
        (
            "Officials in Ukraine",
            "Officials in Ukraine",
            NpKind::Anon,
            None,
        ),
        (
            "U.S. intelligence officials",
            "U.S. intelligence officials",
            NpKind::Anon,
            None,
        ),
        (
            "at least one source",
            "at least one source",
            NpKind::Anon,
            None,
        ),
        ("the Kremlin", "the Kremlin", NpKind::Org, None),
        (
            "President Donald J. Trump",
            "Donald J. Trump",
            NpKind::Person,
            Some("President"),
        ),
        (
            "Syrian President Bassar al-Assad",
            "Bassar al-Assad",
            NpKind::Person,
            Some("Syrian President"),
        ),
        ("Republicans", "Republicans", NpKind::Anon, None),
    ];
    for (t, name, kind, title) in cases {
        let got = np_of(t).unwrap_or_else(|| panic!("no np for {t:?}"));
        assert_eq!(got.0, *name, "{t}");
        assert_eq!(got.1, *kind, "{t}");
        assert_eq!(got.2.as_deref(), *title, "{t}");
    }
}

#[test]
fn not_noun_phrases() {
    for t in ["the simple truth", "Daniel’s", "just in"] {
        assert!(np_of(t).is_none(), "{t}");
    }
}

#[test]
fn tokenizer_keeps_abbreviations() {
    let t = "said Gen. Alexander Bortnikov, the U.S. envoy. Coats’ comments";
    let mut toks = Vec::new();
    tokenize(t, 0, t.len(), &mut toks);
    let words: Vec<&str> = toks.iter().map(|k| &t[k.s..k.e]).collect();
    assert_eq!(
        words,
        vec![
            "said",
            "Gen.",
            "Alexander",
            "Bortnikov",
            ",",
            "the",
            "U.S.",
            "envoy",
            ".",
            "Coats",
            "’",
            "comments"
        ]
    );
}

#[test]
fn names_resolve_to_fullest() {
    let t = "Gen. Alexander Bortnikov spoke. Bortnikov left. President Donald J. Trump and Donald Trump. Trump.";
    let idx = NameIndex::build(t, &|_| true);
    assert_eq!(idx.resolve("Bortnikov"), "Alexander Bortnikov");
    assert_eq!(idx.resolve("Trump"), "Donald J. Trump");
    assert_eq!(idx.resolve("Donald Trump"), "Donald J. Trump");
    assert_eq!(idx.resolve("Nobody"), "Nobody");
}
