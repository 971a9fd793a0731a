//! Word diffs that keep every character: words, punctuation and spacing
//! are tokens of their own, so a comma that appears or goes is shown as
//! such ("Agency[-,-] the Federal Bureau"), and the kept and deleted steps
//! put back together give the old text exactly, the kept and inserted
//! steps the new one.

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};

/// One step of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

/// A run of text that is kept, inserted or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordOp {
    pub op: Op,
    pub text: String,
}

/// Characters that join two word characters into one word: "U.S",
/// "don't", "e-mail", "3.5", "AT&T".
fn joins(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | '&' | ',')
}

/// Split text into words (letters and digits, with inner joiners), runs of
/// whitespace, and single other characters (punctuation, quote marks,
/// symbols). The tokens put together are the text.
pub fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        if c.is_whitespace() {
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
        } else if c.is_alphanumeric() {
            loop {
                match chars.peek() {
                    Some(&(i, d)) if d.is_alphanumeric() => {
                        end = i + d.len_utf8();
                        chars.next();
                    }
                    // A joiner stays in the word only between word
                    // characters; a comma only between digits ("1,500").
                    Some(&(i, d)) if joins(d) => {
                        let next = s[i + d.len_utf8()..].chars().next();
                        let prev = s[..i].chars().next_back();
                        let inner = match d {
                            ',' => {
                                prev.is_some_and(|p| p.is_ascii_digit())
                                    && next.is_some_and(|n| n.is_ascii_digit())
                            }
                            _ => next.is_some_and(char::is_alphanumeric),
                        };
                        if !inner {
                            break;
                        }
                        end = i + d.len_utf8();
                        chars.next();
                    }
                    _ => break,
                }
            }
        }
        out.push(&s[start..end]);
    }
    out
}

/// One stretch of the diff before the steps are written out: kept text,
/// or a change (what went, what came).
enum Stretch {
    Kept(String),
    Changed(String, String),
}

/// Word-level diff of two strings. Punctuation and spacing are kept in the
/// steps; a change is written as its deletion, then its insertion; two
/// changes separated only by whitespace are shown as one ("[-former top
/// official-]{+Brookings fellow+}", not word by word).
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let (a, b) = (tokens(old), tokens(new));
    let mut stretches: Vec<Stretch> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (tag, ra, rb) = op.as_tag_tuple();
        let (gone, came) = (a[ra].concat(), b[rb].concat());
        match (tag, stretches.last_mut()) {
            (DiffTag::Equal, Some(Stretch::Kept(k))) => k.push_str(&came),
            (DiffTag::Equal, _) => stretches.push(Stretch::Kept(came)),
            (_, Some(Stretch::Changed(d, i))) => {
                d.push_str(&gone);
                i.push_str(&came);
            }
            _ => stretches.push(Stretch::Changed(gone, came)),
        }
    }
    // Whitespace alone between two changes joins them.
    let mut joined: Vec<Stretch> = Vec::new();
    let mut rest = stretches.into_iter().peekable();
    while let Some(s) = rest.next() {
        match s {
            Stretch::Kept(k)
                if k.trim().is_empty()
                    && matches!(joined.last(), Some(Stretch::Changed(..)))
                    && matches!(rest.peek(), Some(Stretch::Changed(..))) =>
            {
                let Some(Stretch::Changed(nd, ni)) = rest.next() else {
                    unreachable!("peeked a change");
                };
                if let Some(Stretch::Changed(d, i)) = joined.last_mut() {
                    d.push_str(&k);
                    d.push_str(&nd);
                    i.push_str(&k);
                    i.push_str(&ni);
                }
            }
            s => joined.push(s),
        }
    }
    let mut out = Vec::new();
    let mut push = |op: Op, text: String| {
        if !text.is_empty() {
            out.push(WordOp { op, text });
        }
    };
    for s in joined {
        match s {
            Stretch::Kept(k) => push(Op::Equal, k),
            Stretch::Changed(d, i) => {
                push(Op::Delete, d);
                push(Op::Insert, i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The diff written inline, as the terminal report does.
    fn inline(ops: &[WordOp]) -> String {
        ops.iter()
            .map(|w| match w.op {
                Op::Equal => w.text.clone(),
                Op::Delete => format!("[-{}-]", w.text),
                Op::Insert => format!("{{+{}+}}", w.text),
            })
            .collect()
    }

    fn side(ops: &[WordOp], skip: Op) -> String {
        ops.iter()
            .filter(|w| w.op != skip)
            .map(|w| w.text.as_str())
            .collect()
    }

    #[test]
    fn tokens_keep_every_character() {
        let s = "Agency, the U.S. \u{201c}FBI\u{201d} didn't pay $1,500.5 (e-mail).";
        let t = tokens(s);
        assert_eq!(t.concat(), s);
        for w in [
            "Agency", ",", "U.S", ".", "\u{201c}", "didn't", "$", "1,500.5", "e-mail",
        ] {
            assert!(t.contains(&w), "{w} in {t:?}");
        }
    }

    #[test]
    fn punctuation_is_kept_and_shown() {
        // Each case: old, new, the inline diff.
        let cases = [
            (
                "the Central Intelligence Agency, the Federal Bureau of Investigation",
                "the Central Intelligence Agency the Federal Bureau of Investigation",
                "the Central Intelligence Agency[-,-] the Federal Bureau of Investigation",
            ),
            (
                "Agency, the Federal Bureau and the Drug Enforcement Agency",
                "Agency, the Federal Bureau, the Drug Enforcement Agency",
                "Agency, the Federal Bureau[- and-]{+,+} the Drug Enforcement Agency",
            ),
            (
                "He said no, then left.",
                "He said yes; then left!",
                "He said [-no,-]{+yes;+} then left[-.-]{+!+}",
            ),
            (
                "a former top Defense Department official, told VICE",
                "a Brookings fellow, told VICE",
                "a [-former top Defense Department official-]{+Brookings fellow+}, told VICE",
            ),
        ];
        for (old, new, want) in cases {
            let d = word_diff(old, new);
            assert_eq!(inline(&d), want, "{old} → {new}");
        }
    }

    #[test]
    fn identical_texts_are_one_equal_step() {
        let d = word_diff("Same, exactly.", "Same, exactly.");
        assert_eq!(
            d,
            vec![WordOp {
                op: Op::Equal,
                text: "Same, exactly.".into()
            }]
        );
    }

    proptest! {
        // The kept and deleted steps are the old text; kept and inserted the new.
        #[test]
        fn sides_rebuild_both_texts(old in "[a-c ,.;\u{201c}\u{201d}'-]{0,40}", new in "[a-c ,.;\u{201c}\u{201d}'-]{0,40}") {
            let d = word_diff(&old, &new);
            prop_assert_eq!(side(&d, Op::Insert), old);
            prop_assert_eq!(side(&d, Op::Delete), new);
        }
    }
}
