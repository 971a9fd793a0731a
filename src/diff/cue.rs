//! The attribution of a quote as written: its cue verb with the hedges and
//! adverbs in front of it ("said", "reportedly said", "is reported to have
//! told"), so that a diff can say what changed ("said → reportedly said")
//! and whether the credit grew weaker or firmer.

use std::ops::Range;

use crate::extract::model::Quote;

/// Words that hedge an attribution wherever they stand in it
/// ("reportedly said", "allegedly told", "may have said").
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "apparently",
    "supposedly",
    "ostensibly",
    "seemingly",
    "reputedly",
    "may",
    "might",
];

/// Cue verbs that are themselves a hedge: the writer does not vouch for
/// the words ("said" → "claimed").
const HEDGING_CUES: &[&str] = &[
    "claimed",
    "claims",
    "claim",
    "claiming",
    "alleged",
    "alleges",
    "alleging",
    "purported",
];

/// Verbs that hedge when "to" or "as" follows ("is said to have",
/// "was reported to have", "was quoted as saying").
const HEDGING_BEFORE_TO: &[&str] = &[
    "said",
    "reported",
    "believed",
    "thought",
    "alleged",
    "rumored",
    "rumoured",
    "understood",
    "claimed",
    "quoted",
];

/// Adverbs ending in "-ly" that are not manner adverbs of a cue.
const NOT_ADVERBS: &[&str] = &["only", "early", "daily", "family", "rally", "reply", "ally"];

/// How far before the cue verb its hedges and adverbs may stand, in words.
const REACH: usize = 4;

/// A quote's attribution as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The cue with its hedges and adverbs, as written ("reportedly said").
    pub phrase: String,
    /// The hedges in it, folded ("reportedly", "reported to").
    pub hedges: Vec<String>,
}

/// A word of the text and where it is.
struct Word<'a> {
    range: Range<usize>,
    text: &'a str,
}

fn words_in(text: &str, span: Range<usize>) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let slice = &text[span.clone()];
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        let inner = matches!(c, '\'' | '\u{2019}' | '-') && start.is_some();
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let range = span.start + s..span.start + i;
            out.push(Word {
                text: &text[range.clone()],
                range,
            });
        }
    }
    out
}

fn fold(w: &str) -> String {
    w.to_lowercase().replace('\u{2019}', "'")
}

/// Words that make a hedging construction after "to" or "as" ("reported
/// to have", "believed to be", "quoted as saying"); "said to reporters"
/// is none.
const HEDGING_AFTER_TO: &[&str] = &["have", "be", "been", "saying", "having"];

/// Whether `ws[i]` opens a hedging construction ("reported to have"), and
/// its name ("reported to").
fn construction(ws: &[Word], i: usize) -> Option<String> {
    let (w, n, n2) = (ws.get(i)?, ws.get(i + 1)?, ws.get(i + 2)?);
    let (w, n, n2) = (fold(w.text), fold(n.text), fold(n2.text));
    (HEDGING_BEFORE_TO.contains(&w.as_str())
        && (n == "to" || n == "as")
        && HEDGING_AFTER_TO.contains(&n2.as_str()))
    .then(|| format!("{w} {n}"))
}

/// Whether `ws[i]` hedges an attribution, and how it is named: a hedge
/// word, or a verb opening a hedging construction.
fn hedge(ws: &[Word], i: usize) -> Option<String> {
    let w = fold(ws[i].text);
    if HEDGES.contains(&w.as_str()) || HEDGING_CUES.contains(&w.as_str()) {
        return Some(w);
    }
    construction(ws, i)
}

/// Whether `b` follows `a` in the same clause: only spaces between, and
/// not a capitalised word (a name).
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    text[a.range.end..b.range.start].trim().is_empty()
        && !b.text.chars().next().is_some_and(char::is_uppercase)
}

fn adverb(word: &str) -> bool {
    let w = fold(word);
    w.len() > 4 && w.ends_with("ly") && !NOT_ADVERBS.contains(&w.as_str())
}

/// The stretch of text around a quote where its cue is written: the
/// sentences it spans, and the one after it when the quote ends a
/// sentence (`“…,” she said.` may be cut after the mark).
fn around(text: &str, sentences: &[Range<usize>], q: &Quote) -> Range<usize> {
    let containing = |pos: usize| sentences.iter().find(|r| r.start <= pos && pos < r.end);
    let from = containing(q.start).map_or(q.start, |r| r.start.min(q.start));
    let to = containing(q.end.saturating_sub(1))
        .or_else(|| containing(q.end))
        .map_or(q.end, |r| r.end.max(q.end));
    let to = sentences
        .iter()
        .find(|r| r.start >= q.end && r.start <= to + 1)
        .map_or(to, |r| r.end.max(to));
    from.min(text.len())..to.min(text.len())
}

/// The attribution of `q` as written in `text`: its cue verb nearest the
/// quote with the hedges and "-ly" adverbs in front of it (up to four
/// words back, within the clause, stopping at a capitalised word: the
/// speaker's name). `None` when the quote has no cue or it cannot be found.
pub fn cue_of(text: &str, sentences: &[Range<usize>], q: &Quote) -> Option<Cue> {
    let cue: Vec<String> = q.cue.as_deref()?.split_whitespace().map(fold).collect();
    if cue.is_empty() {
        return None;
    }
    let span = around(text, sentences, q);
    let before = words_in(text, span.start..q.start.clamp(span.start, span.end));
    let after = words_in(text, q.end.clamp(span.start, span.end)..span.end);
    let at = |ws: &[Word], k: usize| {
        k + cue.len() <= ws.len()
            && ws[k..k + cue.len()]
                .iter()
                .zip(&cue)
                .all(|(w, c)| fold(w.text) == *c)
    };
    // The nearest occurrence on either side of the quote.
    let after_k = (0..after.len()).find(|&k| at(&after, k));
    let before_k = (0..before.len()).rev().find(|&k| at(&before, k));
    let (ws, k) = match (before_k, after_k) {
        (Some(b), Some(a)) => {
            if q.start - before[b + cue.len() - 1].range.end <= after[a].range.start - q.end {
                (&before, b)
            } else {
                (&after, a)
            }
        }
        (Some(b), None) => (&before, b),
        (None, Some(a)) => (&after, a),
        (None, None) => return None,
    };
    let mut last = k + cue.len() - 1;
    // Walk back over lower-case words joined by spaces only.
    let mut first = k;
    let mut hedges = Vec::new();
    let mut j = k;
    while j > 0 && k - j < REACH {
        if !joined(text, &ws[j - 1], &ws[j])
            || ws[j - 1]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            break;
        }
        if let Some(h) = hedge(ws, j - 1) {
            hedges.push(h);
            first = j - 1;
        } else if adverb(ws[j - 1].text) {
            first = j - 1;
        }
        j -= 1;
    }
    // The cue verb may open the construction ("reported to have said"):
    // the phrase runs on to its verb.
    if let Some(h) = construction(ws, last) {
        if joined(text, &ws[last], &ws[last + 1]) && joined(text, &ws[last + 1], &ws[last + 2]) {
            hedges.push(h);
            last += 2;
            let aux = matches!(fold(ws[last].text).as_str(), "have" | "be" | "been");
            if aux && ws.get(last + 1).is_some_and(|v| joined(text, &ws[last], v)) {
                last += 1;
            }
        }
    }
    hedges.reverse();
    // The cue verb itself may be the hedge ("claimed").
    if let Some(h) = HEDGING_CUES.iter().find(|h| cue.iter().any(|c| c == *h)) {
        if !hedges.iter().any(|x| x.split(' ').next() == Some(h)) {
            hedges.push((*h).to_string());
        }
    }
    Some(Cue {
        phrase: text[ws[first].range.start..ws[last].range.end].to_string(),
        hedges,
    })
}

/// The attribution of `q` as [`cue_of`] finds it; when the cue cannot be
/// placed (no cue, or a continuation quote whose cue is in another
/// sentence), the hedges anywhere in the sentences around the quote, in
/// front of the cue as extracted.
pub fn attribution(text: &str, sentences: &[Range<usize>], q: &Quote) -> Cue {
    if let Some(c) = cue_of(text, sentences, q) {
        return c;
    }
    let span = around(text, sentences, q);
    let outside = [
        span.start..q.start.clamp(span.start, span.end),
        q.end.clamp(span.start, span.end)..span.end,
    ];
    let hedges: Vec<String> = outside
        .into_iter()
        .flat_map(|r| words_in(text, r))
        .map(|w| fold(w.text))
        .filter(|w| HEDGES.contains(&w.as_str()))
        .collect();
    let phrase = hedges
        .iter()
        .map(String::as_str)
        .chain(q.cue.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    Cue { phrase, hedges }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::model::QuoteKind;
    use crate::extract::segment;

    fn cue(text: &str, quoted: &str, verb: &str) -> Option<Cue> {
        let start = text.find(quoted).unwrap();
        let q = Quote {
            text: quoted.into(),
            start,
            end: start + quoted.len(),
            kind: QuoteKind::Direct,
            speaker: Some("Dan Coats".into()),
            speaker_as_written: Some("Coats".into()),
            speaker_title: None,
            speaker_kind: None,
            cue: Some(verb.into()),
            via: None,
        };
        cue_of(text, &segment::sentences(text), &q)
    }

    #[test]
    fn phrases_and_hedges() {
        // Each case: text, quoted words, cue verb, phrase, hedges.
        let cases: &[(&str, &str, &str, &str, &[&str])] = &[
            (
                "\u{201c}The lights are red,\u{201d} Coats said.",
                "The lights are red",
                "said",
                "said",
                &[],
            ),
            (
                "\u{201c}The lights are red,\u{201d} Coats reportedly said.",
                "The lights are red",
                "said",
                "reportedly said",
                &["reportedly"],
            ),
            (
                "Coats allegedly told reporters: \u{201c}The lights are red.\u{201d}",
                "The lights are red.",
                "told",
                "allegedly told",
                &["allegedly"],
            ),
            (
                "\u{201c}The lights are red,\u{201d} Coats is reported to have said on Monday.",
                "The lights are red",
                "said",
                "reported to have said",
                &["reported to"],
            ),
            (
                "\u{201c}The lights are red,\u{201d} Coats angrily said.",
                "The lights are red",
                "said",
                "angrily said",
                &[],
            ),
            (
                "\u{201c}The lights are red,\u{201d} Coats is reported to have said.",
                "The lights are red",
                "reported",
                "reported to have said",
                &["reported to"],
            ),
            (
                "\u{201c}The lights are red,\u{201d} Coats is alleged to have said.",
                "The lights are red",
                "alleged",
                "alleged to have said",
                &["alleged to"],
            ),
            (
                "\u{201c}The lights are red,\u{201d} Coats was quoted as saying.",
                "The lights are red",
                "quoted",
                "quoted as saying",
                &["quoted as"],
            ),
            (
                "\u{201c}The lights are red,\u{201d} Coats said to reporters.",
                "The lights are red",
                "said",
                "said",
                &[],
            ),
            (
                "\u{201c}The lights are red,\u{201d} Coats claimed.",
                "The lights are red",
                "claimed",
                "claimed",
                &["claimed"],
            ),
            // A hedge elsewhere in the sentence is not the attribution's.
            (
                "\u{201c}The lights are red,\u{201d} Coats said, after hackers allegedly struck.",
                "The lights are red",
                "said",
                "said",
                &[],
            ),
        ];
        for &(text, quoted, verb, phrase, hedges) in cases {
            let c = cue(text, quoted, verb).unwrap_or_else(|| panic!("no cue in {text}"));
            assert_eq!(c.phrase, phrase, "{text}");
            assert_eq!(c.hedges, hedges, "{text}");
        }
    }

    #[test]
    fn missing_cue_is_none() {
        assert_eq!(
            cue(
                "\u{201c}The lights are red.\u{201d}",
                "The lights are red.",
                "said"
            ),
            None
        );
    }
}
