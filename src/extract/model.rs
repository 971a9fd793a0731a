//! The values extraction produces: quotes and figures, in the JSON shape of
//! the public `claimtrack extract --json` contract (see `docs/extraction.md`).

use serde::{Deserialize, Serialize};

/// How a quote appears in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole sentence or more inside quotation marks.
    Direct,
    /// A fragment in quotation marks inside the narrator's own sentence.
    Partial,
    /// A quote inside another quote (single marks inside double).
    Nested,
    /// Reported speech without quotation marks ("X said that ...",
    /// "according to X, ...").
    Indirect,
}

/// What sort of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Publication,
    Document,
    Anonymous,
}

/// One attributed quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, exactly `input[start..end]` (without the marks).
    pub text: String,
    /// Byte offset of the first quoted byte.
    pub start: usize,
    /// Byte offset one past the last quoted byte.
    pub end: usize,
    pub kind: QuoteKind,
    /// The speaker's fullest name in the article ("Alexander Bortnikov").
    pub speaker: Option<String>,
    /// The speaker as written at this quote ("Gen. Alexander Bortnikov", "he").
    pub speaker_as_written: Option<String>,
    /// Title or affiliation as written ("CEO of the Cyber Threat Alliance").
    pub speaker_title: Option<String>,
    pub speaker_kind: Option<SpeakerKind>,
    /// The attribution cue ("said", "told", "according to").
    pub cue: Option<String>,
    /// For a nested quote: who relays it (the outer quote's speaker).
    pub via: Option<String>,
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    Money,
    Count,
    Percent,
    Duration,
    Date,
    Year,
    Other,
}

/// One figure, normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure phrase, exactly `input[start..end]`, qualifier included
    /// ("nearly three billion rubles").
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The number (money in units of `unit`, counts, percent points,
    /// duration in `unit`s, a year); for a range, the low end. Null for
    /// full dates and month-year dates (see `date`).
    #[serde(serialize_with = "ser_number")]
    pub value: Option<f64>,
    /// For a range ("2009-11", "from 2012 to 2017"), the high end.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_number"
    )]
    pub high: Option<f64>,
    /// Money: ISO 4217 code ("USD", "RUB", "EUR", "GBP"); percent: "%";
    /// duration: singular unit ("year", "month", "week", "day", "hour",
    /// "minute"); otherwise null.
    pub unit: Option<String>,
    /// Lower-case qualifier as written ("nearly", "more than", "at least").
    pub qualifier: Option<String>,
    pub kind: FigureKind,
    /// For a count: the noun it counts, as written ("countries", "Russian nationals").
    pub counts: Option<String>,
    /// For dates: ISO form ("2016-10-31", "2016-10").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Index (in the same figure list) of the figure this one restates in
    /// another unit: "3 billion rubles ($45 million)" links the dollars to
    /// the rubles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_to: Option<usize>,
}

/// Serialise whole numbers as JSON integers (3000000000, not 3000000000.0).
fn ser_number<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(x as i64),
        Some(x) => s.serialize_f64(x),
        None => s.serialize_none(),
    }
}

/// Everything extracted from one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
}
