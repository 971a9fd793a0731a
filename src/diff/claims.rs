//! The claim layer of a version diff: quotes added, removed and reworded,
//! speakers and titles changed, attributions added, removed or softened,
//! figures changed in value, unit or qualifier.

use std::collections::HashSet;

use serde::Serialize;

use super::text::{word_diff, WordOp};
use crate::extract::model::{Extraction, Figure, Quote, SpeakerKind, Unit};
use crate::extract::segment;

/// What changed about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimChangeKind {
    QuoteAdded,
    QuoteRemoved,
    QuoteReworded,
    SpeakerChanged,
    TitleChanged,
    AttributionAdded,
    AttributionRemoved,
    AttributionSoftened,
    FigureAdded,
    FigureRemoved,
    FigureValue,
    FigureUnit,
    FigureQualifier,
}

/// A quote or figure as it stands in one version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimSide {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// One claim-level change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimChange {
    pub kind: ClaimChangeKind,
    pub old: Option<ClaimSide>,
    pub new: Option<ClaimSide>,
    /// The changed attribute before and after ("said" → "reportedly said").
    pub from: Option<String>,
    pub to: Option<String>,
    /// For reworded quotes, the word diff.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordOp>,
}

fn quote_side(q: &Quote) -> ClaimSide {
    ClaimSide {
        start: q.start,
        end: q.end,
        text: q.text.clone(),
        speaker: q.speaker.clone(),
    }
}

fn figure_side(f: &Figure) -> ClaimSide {
    ClaimSide {
        start: f.start,
        end: f.end,
        text: f.text.clone(),
        speaker: None,
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let sa: HashSet<&String> = a.iter().collect();
    let sb: HashSet<&String> = b.iter().collect();
    if sa.is_empty() && sb.is_empty() {
        return 1.0;
    }
    let inter = sa.intersection(&sb).count();
    inter as f64 / (sa.len() + sb.len() - inter) as f64
}

/// Greedy one-to-one pairing of old and new items by a score, best first,
/// keeping pairs scoring at least `min`.
fn pair_by(
    n_old: usize,
    n_new: usize,
    min: f64,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize)> {
    let mut cand = Vec::new();
    for i in 0..n_old {
        for j in 0..n_new {
            let s = score(i, j);
            if s >= min {
                cand.push((s, i, j));
            }
        }
    }
    cand.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut uo, mut un) = (vec![false; n_old], vec![false; n_new]);
    let mut pairs = Vec::new();
    for (_, i, j) in cand {
        if !uo[i] && !un[j] {
            uo[i] = true;
            un[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Words that hedge an attribution ("reportedly said", "is said to").
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "apparently",
    "supposedly",
    "reported",
    "rumored",
    "rumoured",
    "claimed",
    "claims",
    "may",
    "might",
];

/// Hedge words in the sentences a quote spans, outside the quote itself
/// (a multi-sentence quote has its cue after the last sentence).
fn hedges(text: &str, sentences: &[std::ops::Range<usize>], start: usize, end: usize) -> usize {
    let containing = |pos: usize| sentences.iter().find(|r| r.start <= pos && pos < r.end);
    let from = containing(start).map_or(start, |r| r.start.min(start));
    let to = containing(end.saturating_sub(1))
        .or_else(|| containing(end))
        .map_or(end, |r| r.end.max(end));
    // The sentence after the quote's end may hold the cue (`”, she said.`).
    let to = sentences
        .iter()
        .find(|r| r.start >= end && r.start <= to + 1)
        .map_or(to, |r| r.end.max(to));
    let (Some(before), Some(after)) = (text.get(from..start), text.get(end..to)) else {
        return 0;
    };
    words(before)
        .iter()
        .chain(words(after).iter())
        .filter(|w| HEDGES.contains(&w.as_str()))
        .count()
}

fn named(q: &Quote) -> bool {
    q.speaker.is_some() && q.speaker_kind != Some(SpeakerKind::Anonymous)
}

fn same_name(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.to_lowercase() == y.to_lowercase(),
        (None, None) => true,
        _ => false,
    }
}

/// Quotes pair when they share at least this share of words.
const SAME_QUOTE: f64 = 0.5;

/// Claim-level changes between two versions and their extractions.
pub fn diff_claims(
    old: &str,
    old_x: &Extraction,
    new: &str,
    new_x: &Extraction,
) -> Vec<ClaimChange> {
    let mut out = Vec::new();
    let old_sent = segment::sentences(old);
    let new_sent = segment::sentences(new);

    let ow: Vec<Vec<String>> = old_x.quotes.iter().map(|q| words(&q.text)).collect();
    let nw: Vec<Vec<String>> = new_x.quotes.iter().map(|q| words(&q.text)).collect();
    let pairs = pair_by(
        old_x.quotes.len(),
        new_x.quotes.len(),
        SAME_QUOTE,
        |i, j| jaccard(&ow[i], &nw[j]),
    );
    let (mut used_old, mut used_new) = (
        vec![false; old_x.quotes.len()],
        vec![false; new_x.quotes.len()],
    );
    for &(i, j) in &pairs {
        used_old[i] = true;
        used_new[j] = true;
        let (a, b) = (&old_x.quotes[i], &new_x.quotes[j]);
        let change = |kind, from: Option<String>, to: Option<String>| ClaimChange {
            kind,
            old: Some(quote_side(a)),
            new: Some(quote_side(b)),
            from,
            to,
            words: Vec::new(),
        };
        if ow[i] != nw[j] {
            let mut c = change(ClaimChangeKind::QuoteReworded, None, None);
            c.words = word_diff(&a.text, &b.text);
            out.push(c);
        }
        match (named(a), named(b)) {
            (true, false) if b.speaker.is_some() => out.push(change(
                ClaimChangeKind::AttributionSoftened,
                a.speaker_as_written.clone().or(a.speaker.clone()),
                b.speaker_as_written.clone().or(b.speaker.clone()),
            )),
            _ if a.speaker.is_some() && b.speaker.is_none() => out.push(change(
                ClaimChangeKind::AttributionRemoved,
                a.speaker.clone(),
                None,
            )),
            _ if a.speaker.is_none() && b.speaker.is_some() => out.push(change(
                ClaimChangeKind::AttributionAdded,
                None,
                b.speaker.clone(),
            )),
            _ if !same_name(&a.speaker, &b.speaker) => out.push(change(
                ClaimChangeKind::SpeakerChanged,
                a.speaker.clone(),
                b.speaker.clone(),
            )),
            _ => {
                let (ha, hb) = (
                    hedges(old, &old_sent, a.start, a.end),
                    hedges(new, &new_sent, b.start, b.end),
                );
                if hb > ha {
                    out.push(change(
                        ClaimChangeKind::AttributionSoftened,
                        a.cue.clone(),
                        b.cue.clone(),
                    ));
                }
            }
        }
        if same_name(&a.speaker, &b.speaker) && !same_name(&a.speaker_title, &b.speaker_title) {
            out.push(change(
                ClaimChangeKind::TitleChanged,
                a.speaker_title.clone(),
                b.speaker_title.clone(),
            ));
        }
    }
    for (i, q) in old_x.quotes.iter().enumerate() {
        if !used_old[i] {
            out.push(ClaimChange {
                kind: ClaimChangeKind::QuoteRemoved,
                old: Some(quote_side(q)),
                new: None,
                from: None,
                to: None,
                words: Vec::new(),
            });
        }
    }
    for (j, q) in new_x.quotes.iter().enumerate() {
        if !used_new[j] {
            out.push(ClaimChange {
                kind: ClaimChangeKind::QuoteAdded,
                old: None,
                new: Some(quote_side(q)),
                from: None,
                to: None,
                words: Vec::new(),
            });
        }
    }

    // Figures pair by kind and the words of their sentence around them.
    let context = |text: &str, sents: &[std::ops::Range<usize>], f: &Figure| -> Vec<String> {
        let s = sents
            .iter()
            .find(|r| r.start <= f.start && f.start < r.end)
            .cloned()
            .unwrap_or(f.start..f.end);
        let mut w = words(&text[s.start..f.start.max(s.start)]);
        w.extend(words(
            &text[f.end.min(s.end).max(s.start)..s.end.max(f.end.min(s.end))],
        ));
        w
    };
    let oc: Vec<Vec<String>> = old_x
        .figures
        .iter()
        .map(|f| context(old, &old_sent, f))
        .collect();
    let nc: Vec<Vec<String>> = new_x
        .figures
        .iter()
        .map(|f| context(new, &new_sent, f))
        .collect();
    let fpairs = pair_by(old_x.figures.len(), new_x.figures.len(), 0.5, |i, j| {
        let (a, b) = (&old_x.figures[i], &new_x.figures[j]);
        if a.kind != b.kind {
            return 0.0;
        }
        // Identical figures in identical places score highest.
        jaccard(&oc[i], &nc[j]) + if a.text == b.text { 0.01 } else { 0.0 }
    });
    let (mut fo, mut fnew) = (
        vec![false; old_x.figures.len()],
        vec![false; new_x.figures.len()],
    );
    for &(i, j) in &fpairs {
        fo[i] = true;
        fnew[j] = true;
        let (a, b) = (&old_x.figures[i], &new_x.figures[j]);
        let change = |kind, from: String, to: String| ClaimChange {
            kind,
            old: Some(figure_side(a)),
            new: Some(figure_side(b)),
            from: Some(from),
            to: Some(to),
            words: Vec::new(),
        };
        let num = |v: Option<f64>, d: &Option<String>| {
            v.map(|v| v.to_string()).or(d.clone()).unwrap_or_default()
        };
        if a.value != b.value || a.high != b.high || a.date != b.date {
            out.push(change(
                ClaimChangeKind::FigureValue,
                num(a.value, &a.date),
                num(b.value, &b.date),
            ));
        }
        if a.unit != b.unit {
            out.push(change(
                ClaimChangeKind::FigureUnit,
                a.unit.as_ref().map(Unit::to_string).unwrap_or_default(),
                b.unit.as_ref().map(Unit::to_string).unwrap_or_default(),
            ));
        }
        if a.qualifier != b.qualifier {
            out.push(change(
                ClaimChangeKind::FigureQualifier,
                a.qualifier.clone().unwrap_or_default(),
                b.qualifier.clone().unwrap_or_default(),
            ));
        }
    }
    for (i, f) in old_x.figures.iter().enumerate() {
        if !fo[i] {
            out.push(ClaimChange {
                kind: ClaimChangeKind::FigureRemoved,
                old: Some(figure_side(f)),
                new: None,
                from: None,
                to: None,
                words: Vec::new(),
            });
        }
    }
    for (j, f) in new_x.figures.iter().enumerate() {
        if !fnew[j] {
            out.push(ClaimChange {
                kind: ClaimChangeKind::FigureAdded,
                old: None,
                new: Some(figure_side(f)),
                from: None,
                to: None,
                words: Vec::new(),
            });
        }
    }
    out.sort_by_key(|c| {
        (
            c.new.as_ref().map_or(usize::MAX, |s| s.start),
            c.old.as_ref().map_or(0, |s| s.start),
            c.kind,
        )
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::figures::figures;
    use crate::extract::model::QuoteKind;

    fn with_figures(text: &str) -> Extraction {
        Extraction {
            quotes: Vec::new(),
            figures: figures(text),
        }
    }

    fn quote(text: &str, whole: &str, speaker: Option<&str>, kind: Option<SpeakerKind>) -> Quote {
        let start = whole.find(text).unwrap();
        Quote {
            text: text.into(),
            start,
            end: start + text.len(),
            kind: QuoteKind::Direct,
            speaker: speaker.map(str::to_string),
            speaker_as_written: speaker.map(str::to_string),
            speaker_title: None,
            speaker_kind: kind,
            cue: Some("said".into()),
            via: None,
        }
    }

    fn kinds(c: &[ClaimChange]) -> Vec<ClaimChangeKind> {
        c.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn figure_qualifier_and_value_changes() {
        let old = "The group stole nearly three billion rubles from banks. It had 50 members.";
        let new = "The group stole more than three billion rubles from banks. It had 40 members.";
        let c = diff_claims(old, &with_figures(old), new, &with_figures(new));
        assert_eq!(
            kinds(&c),
            vec![
                ClaimChangeKind::FigureQualifier,
                ClaimChangeKind::FigureValue
            ]
        );
        assert_eq!(c[0].from.as_deref(), Some("nearly"));
        assert_eq!(c[0].to.as_deref(), Some("more than"));
        assert_eq!(c[1].to.as_deref(), Some("40"));
    }

    #[test]
    fn unchanged_figures_are_silent() {
        let t = "In 2016 the group stole $45 million.";
        assert!(diff_claims(t, &with_figures(t), t, &with_figures(t)).is_empty());
    }

    #[test]
    fn reworded_quote_and_softened_attribution() {
        let old = "\u{201c}We are ready to talk about it now,\u{201d} Ivan Petrov said.";
        let new = "\u{201c}We are ready to talk about it soon,\u{201d} a source said.";
        let ox = Extraction {
            quotes: vec![quote(
                "We are ready to talk about it now",
                old,
                Some("Ivan Petrov"),
                Some(SpeakerKind::Person),
            )],
            figures: vec![],
        };
        let nx = Extraction {
            quotes: vec![quote(
                "We are ready to talk about it soon",
                new,
                Some("a source"),
                Some(SpeakerKind::Anonymous),
            )],
            figures: vec![],
        };
        let c = diff_claims(old, &ox, new, &nx);
        assert_eq!(
            kinds(&c),
            vec![
                ClaimChangeKind::QuoteReworded,
                ClaimChangeKind::AttributionSoftened
            ]
        );
        assert_eq!(c[1].to.as_deref(), Some("a source"));
    }

    #[test]
    fn hedged_cue_softens() {
        let old = "\u{201c}The plan is dead,\u{201d} Ivan Petrov said on Monday.";
        let new = "\u{201c}The plan is dead,\u{201d} Ivan Petrov reportedly said on Monday.";
        let mk = |t: &str| Extraction {
            quotes: vec![quote(
                "The plan is dead",
                t,
                Some("Ivan Petrov"),
                Some(SpeakerKind::Person),
            )],
            figures: vec![],
        };
        let c = diff_claims(old, &mk(old), new, &mk(new));
        assert_eq!(kinds(&c), vec![ClaimChangeKind::AttributionSoftened]);
    }

    #[test]
    fn quote_removed_and_added() {
        let old = "\u{201c}Alpha beta gamma delta,\u{201d} she said.";
        let new = "\u{201c}Something else entirely different,\u{201d} she said.";
        let ox = Extraction {
            quotes: vec![quote(
                "Alpha beta gamma delta",
                old,
                Some("Ann Lee"),
                Some(SpeakerKind::Person),
            )],
            figures: vec![],
        };
        let nx = Extraction {
            quotes: vec![quote(
                "Something else entirely different",
                new,
                Some("Ann Lee"),
                Some(SpeakerKind::Person),
            )],
            figures: vec![],
        };
        let mut k = kinds(&diff_claims(old, &ox, new, &nx));
        k.sort();
        assert_eq!(
            k,
            vec![ClaimChangeKind::QuoteAdded, ClaimChangeKind::QuoteRemoved]
        );
    }
}
