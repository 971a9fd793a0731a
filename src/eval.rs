//! Scoring extraction against hand-checked expectations (the rule is in
//! `docs/extraction.md`). Pure: expected and predicted values in, counts out.

use serde::Serialize;

use crate::extract::model::{Extraction, Figure, Quote, QuoteKind};

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// From matched, predicted and expected counts. An empty side scores
    /// 1.0 when the other is empty too.
    pub fn new(matched: usize, predicted: usize, expected: usize) -> Prf {
        let ratio = |part: usize, whole: usize| {
            if whole > 0 {
                part as f64 / whole as f64
            } else if predicted == 0 && expected == 0 {
                1.0
            } else {
                0.0
            }
        };
        let precision = ratio(matched, predicted);
        let recall = ratio(matched, expected);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Counts for one article (or summed over several).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub expected_quotes: usize,
    pub predicted_quotes: usize,
    /// Quotes matched on text overlap.
    pub quotes_matched: usize,
    /// Of those, with the speaker right too.
    pub quotes_speaker_matched: usize,
    /// Indirect quotes expected and predicted, and those matched as
    /// indirect with the speaker right.
    pub expected_indirect: usize,
    pub predicted_indirect: usize,
    pub indirect_speaker_matched: usize,
    /// Of the matched quotes, those with the speaker's title right (equal,
    /// or one containing the other, ignoring case; both null is right).
    pub titles_right: usize,
    /// Of the matched quotes, those with the cue right (equal ignoring
    /// case; both null is right).
    pub cues_right: usize,
    pub expected_figures: usize,
    pub predicted_figures: usize,
    /// Figures matched on overlap with value, unit and qualifier right.
    pub figures_matched: usize,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.expected_quotes += o.expected_quotes;
        self.predicted_quotes += o.predicted_quotes;
        self.quotes_matched += o.quotes_matched;
        self.quotes_speaker_matched += o.quotes_speaker_matched;
        self.expected_indirect += o.expected_indirect;
        self.predicted_indirect += o.predicted_indirect;
        self.indirect_speaker_matched += o.indirect_speaker_matched;
        self.titles_right += o.titles_right;
        self.cues_right += o.cues_right;
        self.expected_figures += o.expected_figures;
        self.predicted_figures += o.predicted_figures;
        self.figures_matched += o.figures_matched;
    }

    pub fn quote_text(&self) -> Prf {
        Prf::new(
            self.quotes_matched,
            self.predicted_quotes,
            self.expected_quotes,
        )
    }

    pub fn quote_speaker(&self) -> Prf {
        Prf::new(
            self.quotes_speaker_matched,
            self.predicted_quotes,
            self.expected_quotes,
        )
    }

    /// Indirect speech with the right speaker.
    pub fn indirect_speaker(&self) -> Prf {
        Prf::new(
            self.indirect_speaker_matched,
            self.predicted_indirect,
            self.expected_indirect,
        )
    }

    /// Share of matched quotes with the speaker's title right (1 when
    /// nothing matched).
    pub fn title_accuracy(&self) -> f64 {
        ratio(self.titles_right, self.quotes_matched)
    }

    /// Share of matched quotes with the cue right (1 when nothing matched).
    pub fn cue_accuracy(&self) -> f64 {
        ratio(self.cues_right, self.quotes_matched)
    }

    pub fn figures(&self) -> Prf {
        Prf::new(
            self.figures_matched,
            self.predicted_figures,
            self.expected_figures,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// True when two titles agree: both absent, or one contains the other
/// (ignoring case), since a title is often shortened in a later mention.
fn title_agrees(e: &Option<String>, p: &Option<String>) -> bool {
    match (e, p) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            let (x, y) = (x.to_lowercase(), y.to_lowercase());
            x.contains(&y) || y.contains(&x)
        }
        _ => false,
    }
}

/// What went wrong in one article, for `eval --details`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Misses {
    /// Expected quotes no prediction matched.
    pub missed_quotes: Vec<Quote>,
    /// Predicted quotes that match nothing expected.
    pub spurious_quotes: Vec<Quote>,
    /// Matched quotes with the wrong speaker: (expected, predicted).
    pub wrong_speaker: Vec<(Quote, Quote)>,
    /// Matched quotes with the wrong title or cue: (expected, predicted).
    pub wrong_title: Vec<(Quote, Quote)>,
    pub wrong_cue: Vec<(Quote, Quote)>,
    pub missed_figures: Vec<Figure>,
    pub spurious_figures: Vec<Figure>,
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// One-to-one pairs of (expected, predicted) indices, greedily by overlap,
/// among candidate pairs that `ok` accepts.
fn pair<E, P>(
    expected: &[E],
    predicted: &[P],
    span_e: impl Fn(&E) -> (usize, usize),
    span_p: impl Fn(&P) -> (usize, usize),
    ok: impl Fn(&E, &P, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (i, e) in expected.iter().enumerate() {
        for (j, p) in predicted.iter().enumerate() {
            let o = overlap(span_e(e), span_p(p));
            if o > 0 && ok(e, p, o) {
                candidates.push((o, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_e = vec![false; expected.len()];
    let mut used_p = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !used_e[i] && !used_p[j] {
            used_e[i] = true;
            used_p[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

fn same_number(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

fn same_text<T: AsRef<str>>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.as_ref().to_lowercase() == y.as_ref().to_lowercase(),
        _ => false,
    }
}

/// True when a predicted figure has the expected value, range, unit,
/// qualifier and date.
pub fn figure_agrees(e: &Figure, p: &Figure) -> bool {
    same_number(e.value, p.value)
        && same_number(e.high, p.high)
        && same_text(&e.unit, &p.unit)
        && same_text(&e.qualifier, &p.qualifier)
        && same_text(&e.date, &p.date)
}

/// Score one article's predicted extraction against its expectation.
pub fn score(expected: &Extraction, predicted: &Extraction) -> (Counts, Misses) {
    let span_q = |q: &Quote| (q.start, q.end);
    let qpairs = pair(
        &expected.quotes,
        &predicted.quotes,
        span_q,
        span_q,
        |e, p, o| {
            let longer = (e.end - e.start).max(p.end - p.start);
            2 * o >= longer
        },
    );
    let span_f = |f: &Figure| (f.start, f.end);
    let fpairs = pair(
        &expected.figures,
        &predicted.figures,
        span_f,
        span_f,
        |e, p, _| figure_agrees(e, p),
    );
    let mut misses = Misses::default();
    let (mut speaker_ok, mut indirect_ok, mut titles_right, mut cues_right) = (0, 0, 0, 0);
    for &(i, j) in &qpairs {
        let (e, p) = (&expected.quotes[i], &predicted.quotes[j]);
        if same_text(&e.speaker, &p.speaker) {
            speaker_ok += 1;
            if e.kind == QuoteKind::Indirect && p.kind == QuoteKind::Indirect {
                indirect_ok += 1;
            }
        } else {
            misses.wrong_speaker.push((e.clone(), p.clone()));
        }
        if title_agrees(&e.speaker_title, &p.speaker_title) {
            titles_right += 1;
        } else {
            misses.wrong_title.push((e.clone(), p.clone()));
        }
        if same_text(&e.cue, &p.cue) {
            cues_right += 1;
        } else {
            misses.wrong_cue.push((e.clone(), p.clone()));
        }
    }
    let indirect = |x: &Extraction| {
        x.quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .count()
    };
    let unmatched = |n: usize, taken: &mut dyn Iterator<Item = usize>| {
        let mut used = vec![false; n];
        for i in taken {
            used[i] = true;
        }
        (0..n).filter(move |&i| !used[i])
    };
    misses.missed_quotes = unmatched(expected.quotes.len(), &mut qpairs.iter().map(|p| p.0))
        .map(|i| expected.quotes[i].clone())
        .collect();
    misses.spurious_quotes = unmatched(predicted.quotes.len(), &mut qpairs.iter().map(|p| p.1))
        .map(|i| predicted.quotes[i].clone())
        .collect();
    misses.missed_figures = unmatched(expected.figures.len(), &mut fpairs.iter().map(|p| p.0))
        .map(|i| expected.figures[i].clone())
        .collect();
    misses.spurious_figures = unmatched(predicted.figures.len(), &mut fpairs.iter().map(|p| p.1))
        .map(|i| predicted.figures[i].clone())
        .collect();
    let counts = Counts {
        expected_quotes: expected.quotes.len(),
        predicted_quotes: predicted.quotes.len(),
        quotes_matched: qpairs.len(),
        quotes_speaker_matched: speaker_ok,
        expected_indirect: indirect(expected),
        predicted_indirect: indirect(predicted),
        indirect_speaker_matched: indirect_ok,
        titles_right,
        cues_right,
        expected_figures: expected.figures.len(),
        predicted_figures: predicted.figures.len(),
        figures_matched: fpairs.len(),
    };
    (counts, misses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::model::{FigureKind, QuoteKind};

    fn quote(start: usize, end: usize, speaker: Option<&str>) -> Quote {
        Quote {
            text: String::new(),
            start,
            end,
            kind: QuoteKind::Direct,
            speaker: speaker.map(str::to_string),
            speaker_as_written: None,
            speaker_title: None,
            speaker_kind: None,
            cue: None,
            via: None,
        }
    }

    fn figure(start: usize, end: usize, value: f64, qualifier: Option<&str>) -> Figure {
        Figure {
            text: String::new(),
            start,
            end,
            value: Some(value),
            high: None,
            unit: None,
            qualifier: qualifier.map(str::to_string),
            kind: FigureKind::Count,
            counts: None,
            date: None,
            linked_to: None,
        }
    }

    #[test]
    fn quotes_need_half_overlap_and_pair_one_to_one() {
        let expected = Extraction {
            quotes: vec![quote(0, 100, Some("A B")), quote(200, 210, None)],
            figures: vec![],
        };
        let predicted = Extraction {
            quotes: vec![
                quote(10, 100, Some("a b")), // 90 of 100: match, speaker right
                quote(0, 50, Some("A B")),   // second claim on the same quote: spurious
                quote(200, 230, None),       // 10 of 30: under half
            ],
            figures: vec![],
        };
        let (c, m) = score(&expected, &predicted);
        assert_eq!((c.quotes_matched, c.quotes_speaker_matched), (1, 1));
        assert_eq!(m.spurious_quotes.len(), 2);
        assert_eq!(m.missed_quotes.len(), 1);
        let p = c.quote_text();
        assert!((p.precision - 1.0 / 3.0).abs() < 1e-12);
        assert!((p.recall - 0.5).abs() < 1e-12);
    }

    #[test]
    fn wrong_speaker_counts_for_text_not_speaker() {
        let e = Extraction {
            quotes: vec![quote(0, 10, Some("A"))],
            figures: vec![],
        };
        let p = Extraction {
            quotes: vec![quote(0, 10, None)],
            figures: vec![],
        };
        let (c, m) = score(&e, &p);
        assert_eq!((c.quotes_matched, c.quotes_speaker_matched), (1, 0));
        assert_eq!(m.wrong_speaker.len(), 1);
    }

    #[test]
    fn figures_need_value_and_qualifier() {
        let e = Extraction {
            quotes: vec![],
            figures: vec![
                figure(0, 10, 3e9, Some("nearly")),
                figure(20, 30, 45e6, None),
            ],
        };
        let p = Extraction {
            quotes: vec![],
            figures: vec![
                figure(0, 10, 3e9, Some("more than")),
                figure(22, 30, 45e6, None),
            ],
        };
        let (c, _) = score(&e, &p);
        assert_eq!(c.figures_matched, 1);
        assert_eq!(Prf::new(0, 0, 0).f1, 1.0);
        assert_eq!(Prf::new(0, 3, 0).f1, 0.0);
    }

    #[test]
    fn titles_contain_each_other_cues_are_equal_indirect_counts_kind() {
        let q = |speaker: &str, title: Option<&str>, cue: Option<&str>, kind: QuoteKind| Quote {
            speaker_title: title.map(str::to_string),
            cue: cue.map(str::to_string),
            kind,
            ..quote(0, 10, Some(speaker))
        };
        let at = |mut x: Quote, s: usize| {
            x.start = s;
            x.end = s + 10;
            x
        };
        let e = Extraction {
            quotes: vec![
                at(
                    q(
                        "A",
                        Some("Health Minister of Ruritania"),
                        Some("said"),
                        QuoteKind::Indirect,
                    ),
                    0,
                ),
                at(
                    q(
                        "A",
                        Some("Health Minister"),
                        Some("told"),
                        QuoteKind::Indirect,
                    ),
                    20,
                ),
                at(q("A", None, None, QuoteKind::Direct), 40),
            ],
            figures: vec![],
        };
        let p = Extraction {
            quotes: vec![
                at(
                    q(
                        "a",
                        Some("health minister"),
                        Some("Said"),
                        QuoteKind::Indirect,
                    ),
                    0,
                ),
                at(
                    q(
                        "A",
                        Some("year Health Minister"),
                        Some("said"),
                        QuoteKind::Partial,
                    ),
                    20,
                ),
                at(q("A", Some("minister"), None, QuoteKind::Direct), 40),
            ],
            figures: vec![],
        };
        let (c, m) = score(&e, &p);
        assert_eq!((c.titles_right, c.cues_right), (2, 2));
        assert_eq!((m.wrong_title.len(), m.wrong_cue.len()), (1, 1));
        assert_eq!((c.expected_indirect, c.predicted_indirect), (2, 1));
        assert_eq!(c.indirect_speaker_matched, 1);
        assert!((c.title_accuracy() - 2.0 / 3.0).abs() < 1e-12);
    }
}
