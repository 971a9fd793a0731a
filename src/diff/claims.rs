//! The claim layer of a version diff: quotes added, removed and reworded,
//! speakers and titles changed, attributions added, removed or softened,
//! figures changed in value, unit or qualifier.

use std::cmp::Ordering;
use std::collections::HashSet;

use serde::Serialize;

use super::cue::{self, Cue};
use super::words::{word_diff, WordOp};
use crate::extract::model::{Extraction, Figure, Quote, SpeakerKind, Unit};
use crate::extract::segment;
use crate::matching::speaker::{self, Aliases, SpeakerName};

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
    /// A hedge dropped ("reportedly said" → "said"), or an unnamed source
    /// named.
    AttributionStrengthened,
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
    /// Who the quote is credited to (its fullest name in the article).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The speaker's title or affiliation as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_title: Option<String>,
    /// The attribution as written, hedges included ("reportedly said").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
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

fn quote_side(q: &Quote, cue: &Cue) -> ClaimSide {
    ClaimSide {
        start: q.start,
        end: q.end,
        text: q.text.clone(),
        speaker: q.speaker.clone(),
        speaker_title: q.speaker_title.clone(),
        cue: (!cue.phrase.is_empty()).then(|| cue.phrase.clone()),
    }
}

fn figure_side(f: &Figure) -> ClaimSide {
    ClaimSide {
        start: f.start,
        end: f.end,
        text: f.text.clone(),
        speaker: None,
        speaker_title: None,
        cue: None,
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

fn named(q: &Quote) -> bool {
    q.speaker.is_some() && q.speaker_kind != Some(SpeakerKind::Anonymous)
}

/// Whether two quotes are credited to the same source: the same name up to
/// case, or, for named sources, one name another's surname, acronym or
/// spelling variant ("Carpenter" is "Michael Carpenter"), as matching
/// across articles decides it.
fn same_speaker(a: &Quote, b: &Quote) -> bool {
    match (&a.speaker, &b.speaker) {
        (None, None) => true,
        (Some(x), Some(y)) if x.to_lowercase() == y.to_lowercase() => true,
        (Some(x), Some(y)) if named(a) && named(b) => {
            let aliases = Aliases::default();
            match (
                SpeakerName::parse(x, a.speaker_kind, &aliases),
                SpeakerName::parse(y, b.speaker_kind, &aliases),
            ) {
                (Some(x), Some(y)) => speaker::same_name(&x, &y) || ends_with_name(&x, &y),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Whether one name of two or more words ends the other: a title read
/// into the name ("Director of National Intelligence Dan Coats") does not
/// make another person of "Dan Coats".
fn ends_with_name(a: &SpeakerName, b: &SpeakerName) -> bool {
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    short.words.len() >= 2 && long.words.ends_with(&short.words)
}

/// Text folded for comparing titles: lower case, straight apostrophes,
/// single spaces.
fn fold_title(s: &str) -> String {
    s.to_lowercase()
        .replace('\u{2019}', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a quote's title changed between versions in the words of the
/// article: the titles differ (up to case, spacing and apostrophes) and
/// one of them is written in only one version. A title still written in
/// the new version but no longer linked to the quote (its first mention
/// lost the name, so a later "Carpenter" meets no title) is no edit of the
/// title.
fn title_changed(a: &Option<String>, b: &Option<String>, old: &str, new: &str) -> bool {
    let (fa, fb) = (a.as_deref().map(fold_title), b.as_deref().map(fold_title));
    if fa == fb {
        return false;
    }
    let gone = fa.is_some_and(|t| !new.contains(&t));
    let came = fb.is_some_and(|t| !old.contains(&t));
    gone || came
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
    let (old_folded, new_folded) = (fold_title(old), fold_title(new));
    let old_cues: Vec<Cue> = old_x
        .quotes
        .iter()
        .map(|q| cue::attribution(old, &old_sent, q))
        .collect();
    let new_cues: Vec<Cue> = new_x
        .quotes
        .iter()
        .map(|q| cue::attribution(new, &new_sent, q))
        .collect();

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
        let (ca, cb) = (&old_cues[i], &new_cues[j]);
        let change = |kind, from: Option<String>, to: Option<String>| ClaimChange {
            kind,
            old: Some(quote_side(a, ca)),
            new: Some(quote_side(b, cb)),
            from,
            to,
            words: Vec::new(),
        };
        if ow[i] != nw[j] {
            let mut c = change(ClaimChangeKind::QuoteReworded, None, None);
            c.words = word_diff(&a.text, &b.text);
            out.push(c);
        }
        let as_written = |q: &Quote| q.speaker_as_written.clone().or(q.speaker.clone());
        let same = same_speaker(a, b);
        match (named(a), named(b)) {
            (true, false) if b.speaker.is_some() => out.push(change(
                ClaimChangeKind::AttributionSoftened,
                as_written(a),
                as_written(b),
            )),
            (false, true) if a.speaker.is_some() => out.push(change(
                ClaimChangeKind::AttributionStrengthened,
                as_written(a),
                as_written(b),
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
            _ if !same => out.push(change(
                ClaimChangeKind::SpeakerChanged,
                a.speaker.clone(),
                b.speaker.clone(),
            )),
            _ => {}
        }
        // Credited in both, as a named or as an unnamed source both times
        // (whoever it is now): did a hedge come or go?
        if a.speaker.is_some() && b.speaker.is_some() && named(a) == named(b) {
            let kind = match cb.hedges.len().cmp(&ca.hedges.len()) {
                Ordering::Greater => Some(ClaimChangeKind::AttributionSoftened),
                Ordering::Less => Some(ClaimChangeKind::AttributionStrengthened),
                Ordering::Equal => None,
            };
            if let Some(kind) = kind {
                out.push(change(
                    kind,
                    Some(ca.phrase.clone()),
                    Some(cb.phrase.clone()),
                ));
            }
        }
        if same
            && a.speaker.is_some()
            && title_changed(&a.speaker_title, &b.speaker_title, &old_folded, &new_folded)
        {
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
                old: Some(quote_side(q, &old_cues[i])),
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
                new: Some(quote_side(q, &new_cues[j])),
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
        // What changed is printed, not the bare verb twice.
        assert_eq!(c[0].from.as_deref(), Some("said"));
        assert_eq!(c[0].to.as_deref(), Some("reportedly said"));
        // And back: the hedge dropped.
        let c = diff_claims(new, &mk(new), old, &mk(old));
        assert_eq!(kinds(&c), vec![ClaimChangeKind::AttributionStrengthened]);
        assert_eq!(c[0].from.as_deref(), Some("reportedly said"));
        assert_eq!(c[0].to.as_deref(), Some("said"));
    }

    /// One quote in `text` with its speaker as written, title and cue.
    fn credited(
        text: &str,
        quoted: &str,
        speaker: &str,
        title: Option<&str>,
        cue: &str,
    ) -> Extraction {
        let mut q = quote(quoted, text, Some(speaker), Some(SpeakerKind::Person));
        q.speaker_title = title.map(str::to_string);
        q.cue = Some(cue.into());
        Extraction {
            quotes: vec![q],
            figures: vec![],
        }
    }

    #[test]
    fn attribution_phrases() {
        // Each case: old attribution, new attribution (after the quote),
        // the cue verb in each, and the change expected with its sides.
        type Case<'a> = (&'a str, &'a str, &'a str, &'a str, Expected<'a>);
        type Expected<'a> = Option<(ClaimChangeKind, &'a str, &'a str)>;
        let cases: &[Case] = &[
            (
                "Coats said.",
                "Coats reportedly told reporters.",
                "said",
                "told",
                Some((
                    ClaimChangeKind::AttributionSoftened,
                    "said",
                    "reportedly told",
                )),
            ),
            (
                "Coats told reporters.",
                "Coats allegedly told reporters.",
                "told",
                "told",
                Some((
                    ClaimChangeKind::AttributionSoftened,
                    "told",
                    "allegedly told",
                )),
            ),
            (
                "Coats said.",
                "Coats claimed.",
                "said",
                "claimed",
                Some((ClaimChangeKind::AttributionSoftened, "said", "claimed")),
            ),
            (
                "Coats allegedly said.",
                "Coats said.",
                "said",
                "said",
                Some((
                    ClaimChangeKind::AttributionStrengthened,
                    "allegedly said",
                    "said",
                )),
            ),
            // A hedge elsewhere in the sentence is about something else.
            (
                "Coats said.",
                "Coats said, as hackers allegedly struck.",
                "said",
                "said",
                None,
            ),
            // Another verb or a manner adverb is no hedge.
            ("Coats said.", "Coats told reporters.", "said", "told", None),
            ("Coats said.", "Coats angrily said.", "said", "said", None),
        ];
        for &(a, b, cue_a, cue_b, want) in cases {
            let old = format!("\u{201c}The plan is dead,\u{201d} {a}");
            let new = format!("\u{201c}The plan is dead,\u{201d} {b}");
            let ox = credited(&old, "The plan is dead", "Dan Coats", None, cue_a);
            let nx = credited(&new, "The plan is dead", "Dan Coats", None, cue_b);
            let got: Vec<(ClaimChangeKind, String, String)> = diff_claims(&old, &ox, &new, &nx)
                .into_iter()
                .map(|c| (c.kind, c.from.unwrap_or_default(), c.to.unwrap_or_default()))
                .collect();
            let want: Vec<(ClaimChangeKind, String, String)> = want
                .iter()
                .map(|&(k, f, t)| (k, f.into(), t.into()))
                .collect();
            assert_eq!(got, want, "{a} → {b}");
        }
    }

    #[test]
    fn another_name_of_the_same_speaker_is_no_change() {
        // Each case: old speaker, new speaker, whether that is a change.
        let cases = [
            ("Michael Carpenter", "Carpenter", false),
            ("Carpenter", "Michael Carpenter", false),
            ("Gen. Alexander Bortnikov", "Alexander Bortnikov", false),
            ("Dmitry Peskov", "Dmitri Peskov", false),
            (
                "Dan Coats",
                "Director of National Intelligence Dan Coats",
                false,
            ),
            ("Michael Carpenter", "Dan Coats", true),
            ("Michael Carpenter", "Sarah Carpenter", true),
        ];
        let text = "\u{201c}The plan is dead,\u{201d} he said.";
        for (a, b, changed) in cases {
            let ox = credited(text, "The plan is dead", a, None, "said");
            let nx = credited(text, "The plan is dead", b, None, "said");
            let c = diff_claims(text, &ox, text, &nx);
            let want = if changed {
                vec![ClaimChangeKind::SpeakerChanged]
            } else {
                vec![]
            };
            assert_eq!(kinds(&c), want, "{a} → {b}");
        }
    }

    #[test]
    fn new_speaker_and_new_hedge_both_show() {
        let old = "\u{201c}The plan is dead,\u{201d} Dan Coats said.";
        let new = "\u{201c}The plan is dead,\u{201d} Michael Carpenter reportedly said.";
        let ox = credited(old, "The plan is dead", "Dan Coats", None, "said");
        let nx = credited(new, "The plan is dead", "Michael Carpenter", None, "said");
        let c = diff_claims(old, &ox, new, &nx);
        assert_eq!(
            kinds(&c),
            vec![
                ClaimChangeKind::SpeakerChanged,
                ClaimChangeKind::AttributionSoftened
            ]
        );
        assert_eq!(c[1].to.as_deref(), Some("reportedly said"));
    }

    #[test]
    fn title_changes_are_edits_of_the_title() {
        let title = "a former Defense Department official";
        let old = format!(
            "Michael Carpenter, {title}, spoke. \u{201c}The plan is dead,\u{201d} Carpenter said."
        );
        // The name left the first mention; the title is still written.
        let unlinked = format!("Officials, including {title}, spoke. \u{201c}The plan is dead,\u{201d} Carpenter said.");
        // The title itself was rewritten.
        let rewritten = "Michael Carpenter, a Brookings fellow, spoke. \u{201c}The plan is dead,\u{201d} Carpenter said.";
        let ox = credited(
            &old,
            "The plan is dead",
            "Michael Carpenter",
            Some(title),
            "said",
        );
        let nx = credited(&unlinked, "The plan is dead", "Carpenter", None, "said");
        assert!(diff_claims(&old, &ox, &unlinked, &nx).is_empty());
        let rx = credited(
            rewritten,
            "The plan is dead",
            "Michael Carpenter",
            Some("a Brookings fellow"),
            "said",
        );
        let c = diff_claims(&old, &ox, rewritten, &rx);
        assert_eq!(kinds(&c), vec![ClaimChangeKind::TitleChanged]);
        assert_eq!(c[0].to.as_deref(), Some("a Brookings fellow"));
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
        let c = diff_claims(old, &ox, new, &nx);
        let mut k = kinds(&c);
        k.sort();
        assert_eq!(
            k,
            vec![ClaimChangeKind::QuoteAdded, ClaimChangeKind::QuoteRemoved]
        );
        // Both sides say who is quoted.
        for side in c.iter().flat_map(|c| c.old.iter().chain(c.new.iter())) {
            assert_eq!(side.speaker.as_deref(), Some("Ann Lee"));
            assert_eq!(side.cue.as_deref(), Some("said"));
        }
    }
}
