//! Scoring HTML reading against expected main text and metadata (the pages
//! of `tests/html/`). Pure: expected and extracted values in, counts out.
//!
//! Main text is scored as a bag of words: a text's words are its
//! whitespace-separated tokens, lower-cased, with every character that is
//! not a letter or digit removed ("U.S." is `us`, "don't" is `dont`, "—"
//! is no word); each word counts as often as it occurs. A word matches as
//! many times as it occurs in both texts, so precision is the share of
//! extracted words that are in the expected text and recall the share of
//! expected words that were extracted. Hard wrapping and paragraph breaks do
//! not count.

use std::collections::HashMap;

use serde::Serialize;

use crate::eval::Prf;

/// Word counts of one page (or summed over several).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WordCounts {
    pub expected: usize,
    pub extracted: usize,
    /// Words in both, each as often as in the text that has fewer.
    pub matched: usize,
}

impl WordCounts {
    /// Compare the words of `extracted` with those of `expected`.
    pub fn of(expected: &str, extracted: &str) -> WordCounts {
        let want = bag(expected);
        let got = bag(extracted);
        let matched = got
            .iter()
            .map(|(w, &n)| n.min(want.get(w).copied().unwrap_or(0)))
            .sum();
        WordCounts {
            expected: want.values().sum(),
            extracted: got.values().sum(),
            matched,
        }
    }

    /// Add another page's counts.
    pub fn add(&mut self, o: WordCounts) {
        self.expected += o.expected;
        self.extracted += o.extracted;
        self.matched += o.matched;
    }

    /// Precision, recall and F1 of these counts.
    pub fn prf(&self) -> Prf {
        Prf::new(self.matched, self.extracted, self.expected)
    }
}

/// The words of `text`, as the scoring counts them (see the module docs).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .map(|token| {
            token
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
}

fn bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in words(text) {
        *bag.entry(w).or_insert(0) += 1;
    }
    bag
}

/// True when `extracted` is the expected title: the same words in the same
/// order, as [`words`] reads them (case and punctuation aside).
pub fn same_title(expected: &str, extracted: Option<&str>) -> bool {
    extracted.is_some_and(|got| words(expected).eq(words(got)))
}

/// True when `extracted` names the expected day (`YYYY-MM-DD`): an ISO
/// date or date-time that starts with it, as written (no time-zone shift).
pub fn same_date(expected: &str, extracted: Option<&str>) -> bool {
    extracted.is_some_and(|got| got.get(..10) == Some(expected) && expected.len() == 10)
}

/// What one page scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageScore {
    pub words: WordCounts,
    /// Whether the title was right.
    pub title: bool,
    /// Whether the date was right; `None` when the page has none.
    pub date: Option<bool>,
}

/// Scores summed over the pages of a split.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SplitScore {
    pub pages: usize,
    /// Word counts pooled over all pages (a micro average).
    pub words: WordCounts,
    /// The sum of per-page F1, for the mean.
    pub f1_sum: f64,
    pub titles_right: usize,
    /// Pages with an expected date, and those whose date was right.
    pub dated: usize,
    pub dates_right: usize,
}

impl SplitScore {
    /// Add one page.
    pub fn add(&mut self, page: &PageScore) {
        self.pages += 1;
        self.words.add(page.words);
        self.f1_sum += page.words.prf().f1;
        self.titles_right += usize::from(page.title);
        if let Some(right) = page.date {
            self.dated += 1;
            self.dates_right += usize::from(right);
        }
    }

    /// The mean of per-page word F1 (a macro average).
    pub fn mean_f1(&self) -> f64 {
        ratio(self.f1_sum, self.pages)
    }

    /// The share of pages with the title right.
    pub fn title_rate(&self) -> f64 {
        ratio(self.titles_right as f64, self.pages)
    }

    /// The share of dated pages with the date right.
    pub fn date_rate(&self) -> f64 {
        ratio(self.dates_right as f64, self.dated)
    }
}

fn ratio(part: f64, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_punctuation_and_wrapping() {
        let w: Vec<_> = words("The U.S. said — \u{201c}don't\u{201d}\n wrap-\nped $45.").collect();
        assert_eq!(w, ["the", "us", "said", "dont", "wrap", "ped", "45"]);
    }

    #[test]
    fn word_counts_match_with_multiplicity() {
        let c = WordCounts::of("a a b c", "a b b d");
        assert_eq!(
            c,
            WordCounts {
                expected: 4,
                extracted: 4,
                matched: 2
            }
        );
        let prf = c.prf();
        assert_eq!((prf.precision, prf.recall, prf.f1), (0.5, 0.5, 0.5));
        let none = WordCounts::of("a b", "").prf();
        assert_eq!((none.precision, none.recall), (0.0, 0.0));
    }

    #[test]
    fn titles_and_dates() {
        assert!(same_title(
            "Obama's 'biggest' frustration",
            Some("obamas biggest FRUSTRATION")
        ));
        assert!(!same_title("A title", Some("A title - BBC News")));
        assert!(!same_title("A title", None));
        assert!(same_date("2015-07-24", Some("2015-07-24T05:36:09+01:00")));
        assert!(!same_date("2015-07-24", Some("2015-07")));
        assert!(!same_date("2015-07-24", None));
    }

    #[test]
    fn split_score_averages() {
        let mut s = SplitScore::default();
        s.add(&PageScore {
            words: WordCounts::of("a b", "a b"),
            title: true,
            date: None,
        });
        s.add(&PageScore {
            words: WordCounts::of("a b", "c d"),
            title: false,
            date: Some(true),
        });
        assert_eq!(s.mean_f1(), 0.5);
        assert_eq!(s.words.prf().precision, 0.5);
        assert_eq!((s.title_rate(), s.date_rate()), (0.5, 1.0));
    }
}
