//! The text layer of a version diff: sentences added, removed, changed
//! (with a word diff) and moved. Pure: two texts in, changes out.

use std::collections::HashMap;

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::extract::segment;

pub use super::words::{word_diff, Op, WordOp};

/// A stretch of one version's text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Span {
    fn of(text: &str, r: &std::ops::Range<usize>) -> Span {
        Span {
            start: r.start,
            end: r.end,
            text: text[r.clone()].to_string(),
        }
    }
}

/// What happened to a sentence between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TextChangeKind {
    Added,
    Removed,
    Changed,
    Moved,
}

/// One sentence-level change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextChange {
    pub kind: TextChangeKind,
    pub old: Option<Span>,
    pub new: Option<Span>,
    /// For changed (and moved-and-changed) sentences, the word diff.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordOp>,
    /// Only whitespace or punctuation differ (moves are never trivial).
    pub trivial: bool,
}

/// Letters and digits only: what is left when whitespace and punctuation
/// changes are ignored.
fn substance(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of distinct words two sentences have in common (Jaccard).
fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let sa: std::collections::HashSet<&String> = a.iter().collect();
    let sb: std::collections::HashSet<&String> = b.iter().collect();
    let inter = sa.intersection(&sb).count();
    inter as f64 / (sa.len() + sb.len() - inter) as f64
}

/// Sentences sharing at least this share of words are one sentence, changed.
const SAME_SENTENCE: f64 = 0.5;
/// A quoted passage of at least this many words that two sentences both
/// carry makes them one sentence, however much of the rest changed.
const SHARED_QUOTE_WORDS: usize = 4;

/// The quoted passages of a sentence, as folded words: the stretches
/// between quotation marks, and a stretch at either end of the sentence
/// cut by a mark (a quote running over several sentences). Short ones are
/// left out: "said" in marks is no evidence.
fn quoted_passages(s: &str) -> Vec<Vec<String>> {
    let marks: Vec<(usize, char)> = s
        .char_indices()
        .filter(|&(_, c)| matches!(c, '\u{201c}' | '\u{201d}' | '"'))
        .collect();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (k, &(i, c)) in marks.iter().enumerate() {
        let opens = match c {
            '\u{201c}' => true,
            '\u{201d}' => false,
            _ => open.is_none(),
        };
        match (opens, open) {
            (true, _) => open = Some(i + c.len_utf8()),
            (false, Some(o)) => {
                cuts.push((o, i));
                open = None;
            }
            // A closing mark with none open: the quote began before.
            (false, None) if k == 0 => cuts.push((0, i)),
            (false, None) => {}
        }
    }
    if let Some(o) = open {
        cuts.push((o, s.len()));
    }
    cuts.into_iter()
        .map(|(a, b)| tokens(&s[a..b]))
        .filter(|w| w.len() >= SHARED_QUOTE_WORDS)
        .collect()
}
/// Largest block (removed × added sentences) paired by similarity; bigger
/// blocks of rewriting are paired only by exact substance, to stay fast.
const MAX_PAIRING: usize = 400 * 400;

/// Sentence-level diff of two versions of a text.
pub fn diff_text(old: &str, new: &str) -> Vec<TextChange> {
    let old_s = segment::sentences(old);
    let new_s = segment::sentences(new);
    let old_keys: Vec<&str> = old_s.iter().map(|r| &old[r.clone()]).collect();
    let new_keys: Vec<&str> = new_s.iter().map(|r| &new[r.clone()]).collect();
    let ops = capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);

    // Sentences that are gone from one place and new in another.
    let mut removed: Vec<usize> = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    // Which diff block each removed/added sentence came from.
    let mut block_of_removed: Vec<usize> = Vec::new();
    let mut block_of_added: Vec<usize> = Vec::new();
    for (b, op) in ops.iter().enumerate() {
        match *op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for i in old_index..old_index + old_len {
                    removed.push(i);
                    block_of_removed.push(b);
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for j in new_index..new_index + new_len {
                    added.push(j);
                    block_of_added.push(b);
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                for i in old_index..old_index + old_len {
                    removed.push(i);
                    block_of_removed.push(b);
                }
                for j in new_index..new_index + new_len {
                    added.push(j);
                    block_of_added.push(b);
                }
            }
        }
    }

    let mut paired_old: Vec<Option<usize>> = vec![None; removed.len()];
    let mut paired_new: Vec<Option<usize>> = vec![None; added.len()];
    // 1. Same substance anywhere: a move if from another block, a trivial
    //    change if from the same block.
    let mut by_substance: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, &j) in added.iter().enumerate() {
        by_substance
            .entry(substance(new_keys[j]))
            .or_default()
            .push(k);
    }
    for (a, &i) in removed.iter().enumerate() {
        if let Some(list) = by_substance.get_mut(&substance(old_keys[i])) {
            if let Some(pos) = list.iter().position(|&k| paired_new[k].is_none()) {
                let k = list.remove(pos);
                paired_old[a] = Some(k);
                paired_new[k] = Some(a);
            }
        }
    }
    // 2. Similar sentences: within a block a change, across blocks a move.
    //    Sentences that carry the same quote are one sentence whose
    //    attribution changed, not a quote struck out and put back.
    let old_tok: Vec<Vec<String>> = removed.iter().map(|&i| tokens(old_keys[i])).collect();
    let new_tok: Vec<Vec<String>> = added.iter().map(|&j| tokens(new_keys[j])).collect();
    let old_quoted: Vec<Vec<Vec<String>>> = removed
        .iter()
        .map(|&i| quoted_passages(old_keys[i]))
        .collect();
    let new_quoted: Vec<Vec<Vec<String>>> = added
        .iter()
        .map(|&j| quoted_passages(new_keys[j]))
        .collect();
    if removed.len() * added.len() <= MAX_PAIRING {
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for a in 0..removed.len() {
            if paired_old[a].is_some() {
                continue;
            }
            for k in 0..added.len() {
                if paired_new[k].is_some() {
                    continue;
                }
                let mut s = overlap(&old_tok[a], &new_tok[k]);
                if s < SAME_SENTENCE && old_quoted[a].iter().any(|q| new_quoted[k].contains(q)) {
                    s = SAME_SENTENCE;
                }
                if s >= SAME_SENTENCE {
                    candidates.push((s, a, k));
                }
            }
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for (_, a, k) in candidates {
            if paired_old[a].is_none() && paired_new[k].is_none() {
                paired_old[a] = Some(k);
                paired_new[k] = Some(a);
            }
        }
    }

    let mut changes = Vec::new();
    for (a, &i) in removed.iter().enumerate() {
        let old_span = Span::of(old, &old_s[i]);
        match paired_old[a] {
            None => changes.push(TextChange {
                kind: TextChangeKind::Removed,
                old: Some(old_span),
                new: None,
                words: Vec::new(),
                trivial: false,
            }),
            Some(k) => {
                let j = added[k];
                let same_block = block_of_removed[a] == block_of_added[k];
                let same_text = old_keys[i] == new_keys[j];
                let trivial = substance(old_keys[i]) == substance(new_keys[j]);
                let kind = if same_block {
                    TextChangeKind::Changed
                } else {
                    TextChangeKind::Moved
                };
                changes.push(TextChange {
                    kind,
                    old: Some(old_span),
                    new: Some(Span::of(new, &new_s[j])),
                    words: if same_text {
                        Vec::new()
                    } else {
                        word_diff(old_keys[i], new_keys[j])
                    },
                    trivial: trivial && kind == TextChangeKind::Changed,
                });
            }
        }
    }
    for (k, &j) in added.iter().enumerate() {
        if paired_new[k].is_none() {
            changes.push(TextChange {
                kind: TextChangeKind::Added,
                old: None,
                new: Some(Span::of(new, &new_s[j])),
                words: Vec::new(),
                trivial: false,
            });
        }
    }
    // In reading order of the new text (removals at their old position).
    changes.sort_by_key(|c| {
        c.new
            .as_ref()
            .map(|s| (s.start, 1))
            .unwrap_or_else(|| (c.old.as_ref().map_or(0, |s| s.start), 0))
    });
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(changes: &[TextChange]) -> Vec<(TextChangeKind, bool)> {
        changes.iter().map(|c| (c.kind, c.trivial)).collect()
    }

    #[test]
    fn identical_texts_have_no_changes() {
        let t = "One sentence here. Another one there.\n\nA new paragraph.";
        assert!(diff_text(t, t).is_empty());
    }

    #[test]
    fn reworded_sentence_has_word_diff() {
        let old = "The group stole nearly three billion rubles. Police said so.";
        let new = "The group stole more than three billion rubles. Police said so.";
        let c = diff_text(old, new);
        assert_eq!(kinds(&c), vec![(TextChangeKind::Changed, false)]);
        let del: Vec<&str> = c[0]
            .words
            .iter()
            .filter(|w| w.op == Op::Delete)
            .map(|w| w.text.as_str())
            .collect();
        let ins: Vec<&str> = c[0]
            .words
            .iter()
            .filter(|w| w.op == Op::Insert)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(del.concat().trim(), "nearly");
        assert_eq!(ins.concat().trim(), "more than");
    }

    #[test]
    fn punctuation_only_change_is_trivial() {
        let c = diff_text("He said no, then left.", "He said no then left.");
        assert_eq!(kinds(&c), vec![(TextChangeKind::Changed, true)]);
    }

    #[test]
    fn moved_paragraph() {
        let old = "Alpha starts the story today.\n\nBravo continues with detail.\n\nCharlie ends it well.";
        let new = "Bravo continues with detail.\n\nCharlie ends it well.\n\nAlpha starts the story today.";
        let c = diff_text(old, new);
        assert_eq!(kinds(&c), vec![(TextChangeKind::Moved, false)]);
        assert_eq!(
            c[0].old.as_ref().unwrap().text,
            "Alpha starts the story today."
        );
    }

    #[test]
    fn sentence_keeping_its_quote_is_changed_not_replaced() {
        let old = "It began. \u{201c}The idea of a joint unit is preposterous,\u{201d} Michael Carpenter, a former top Defense Department official overseeing Russia and Eurasia, told VICE News. It ended.";
        let new = "It began. \u{201c}The idea of a joint unit is preposterous,\u{201d} Alina Polyakova said. It ended.";
        let c = diff_text(old, new);
        assert_eq!(kinds(&c), vec![(TextChangeKind::Changed, false)]);
        let kept: String = c[0]
            .words
            .iter()
            .filter(|w| w.op == Op::Equal)
            .map(|w| w.text.as_str())
            .collect();
        assert!(
            kept.contains("\u{201c}The idea of a joint unit is preposterous,\u{201d}"),
            "{:?}",
            c[0].words
        );
        // A short quoted word in common is not enough.
        let c = diff_text(
            "Officials called it \u{201c}absurd\u{201d} on Monday morning.",
            "Nobody else in the building found the plan \u{201c}absurd\u{201d} at all.",
        );
        let mut k: Vec<TextChangeKind> = c.iter().map(|c| c.kind).collect();
        k.sort_by_key(|k| *k as u8);
        assert_eq!(k, vec![TextChangeKind::Added, TextChangeKind::Removed]);
    }

    #[test]
    fn word_diff_keeps_punctuation() {
        let old = "It works with the Central Intelligence Agency, the Federal Bureau of Investigation and others.";
        let new = "It works with the Central Intelligence Agency the Federal Bureau of Investigation, and others.";
        let c = diff_text(old, new);
        assert_eq!(kinds(&c), vec![(TextChangeKind::Changed, true)]);
        let ops: Vec<(Op, &str)> = c[0].words.iter().map(|w| (w.op, w.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                (Op::Equal, "It works with the Central Intelligence Agency"),
                (Op::Delete, ","),
                (Op::Equal, " the Federal Bureau of Investigation"),
                (Op::Insert, ","),
                (Op::Equal, " and others."),
            ]
        );
    }

    #[test]
    fn added_and_removed() {
        let old = "Keep this one. Drop this sentence entirely.";
        let new = "Keep this one. A wholly different addition appears.";
        let c = diff_text(old, new);
        let mut k: Vec<TextChangeKind> = c.iter().map(|c| c.kind).collect();
        k.sort_by_key(|k| *k as u8);
        assert_eq!(k, vec![TextChangeKind::Added, TextChangeKind::Removed]);
    }
}
