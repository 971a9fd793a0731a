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

/// What a figure is counted in. In JSON it is the string it was before it
/// had a type: an ISO 4217 code ("USD"), "%", or a singular duration unit
/// ("year"), so the `extract --json` contract, the store and the gold files
/// are unchanged.
///
/// Extraction makes only the first three. A string that is none of them
/// (from a hand-written gold file or a store written by another version)
/// is kept as written in `Other`: it reads back and writes out unchanged
/// and compares equal only to itself, as the string did, instead of
/// failing a whole store or gold file over one unit.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Money, in whole units of the currency.
    Currency(Currency),
    /// A percentage, or percentage points.
    Percent,
    /// A length of time.
    Duration(DurationUnit),
    /// Any other string, as written.
    Other(String),
}

impl Unit {
    /// The unit as written in JSON and in the store.
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Currency(c) => c.as_str(),
            Unit::Percent => "%",
            Unit::Duration(d) => d.as_str(),
            Unit::Other(s) => s,
        }
    }
}

impl From<&str> for Unit {
    fn from(s: &str) -> Unit {
        match s {
            "%" => Unit::Percent,
            _ => match (DurationUnit::parse(s), Currency::parse(s)) {
                (Some(d), _) => Unit::Duration(d),
                (None, Some(c)) => Unit::Currency(c),
                (None, None) => Unit::Other(s.to_string()),
            },
        }
    }
}

impl From<String> for Unit {
    fn from(s: String) -> Unit {
        match Unit::from(s.as_str()) {
            Unit::Other(_) => Unit::Other(s),
            u => u,
        }
    }
}

impl AsRef<str> for Unit {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Written as its string (`"USD"`), as the unit was before it had a type,
/// so debug listings (`eval`'s missed figures) read as they did.
impl std::fmt::Debug for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Unit, D::Error> {
        String::deserialize(d).map(Unit::from)
    }
}

/// An ISO 4217 currency code: three upper-case ASCII letters.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// The currency with code `code`, for tables and constants: a code that
    /// is not three upper-case ASCII letters does not compile.
    pub const fn new(code: &[u8; 3]) -> Currency {
        assert!(
            code[0].is_ascii_uppercase()
                && code[1].is_ascii_uppercase()
                && code[2].is_ascii_uppercase(),
            "a currency code is three upper-case letters"
        );
        Currency(*code)
    }

    /// The code as written, if it is three upper-case ASCII letters.
    pub fn parse(s: &str) -> Option<Currency> {
        let code: [u8; 3] = s.as_bytes().try_into().ok()?;
        code.iter()
            .all(u8::is_ascii_uppercase)
            .then_some(Currency(code))
    }

    /// The three-letter code ("USD").
    pub fn as_str(&self) -> &str {
        // Always three ASCII letters (see `new` and `parse`).
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl std::fmt::Debug for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A unit of time, written singular ("year"). Decades and centuries are
/// read from the text but given in years (see `docs/extraction.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl DurationUnit {
    const ALL: [DurationUnit; 9] = [
        DurationUnit::Second,
        DurationUnit::Minute,
        DurationUnit::Hour,
        DurationUnit::Day,
        DurationUnit::Week,
        DurationUnit::Month,
        DurationUnit::Year,
        DurationUnit::Decade,
        DurationUnit::Century,
    ];

    /// The singular name ("year").
    pub fn as_str(self) -> &'static str {
        match self {
            DurationUnit::Second => "second",
            DurationUnit::Minute => "minute",
            DurationUnit::Hour => "hour",
            DurationUnit::Day => "day",
            DurationUnit::Week => "week",
            DurationUnit::Month => "month",
            DurationUnit::Year => "year",
            DurationUnit::Decade => "decade",
            DurationUnit::Century => "century",
        }
    }

    /// The unit named exactly `s` (singular, lower case).
    pub fn parse(s: &str) -> Option<DurationUnit> {
        DurationUnit::ALL.into_iter().find(|d| d.as_str() == s)
    }
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
    pub unit: Option<Unit>,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit string reads as its variant and writes out as it was
    /// read, in JSON too.
    #[test]
    fn units_round_trip_as_strings() {
        let cases = [
            ("USD", Unit::Currency(Currency::new(b"USD"))),
            ("RUB", Unit::Currency(Currency::new(b"RUB"))),
            ("%", Unit::Percent),
            ("year", Unit::Duration(DurationUnit::Year)),
            ("minute", Unit::Duration(DurationUnit::Minute)),
            ("decade", Unit::Duration(DurationUnit::Decade)),
            // Not made by extraction: kept as written.
            ("usd", Unit::Other("usd".into())),
            ("Year", Unit::Other("Year".into())),
            ("years", Unit::Other("years".into())),
            ("percentage points", Unit::Other("percentage points".into())),
            ("US$", Unit::Other("US$".into())),
            ("", Unit::Other(String::new())),
        ];
        for (s, unit) in cases {
            assert_eq!(Unit::from(s), unit, "{s:?}");
            assert_eq!(Unit::from(s.to_string()), unit, "{s:?}");
            assert_eq!(unit.as_str(), s);
            let json = serde_json::to_string(&unit).unwrap();
            assert_eq!(json, serde_json::to_string(s).unwrap());
            assert_eq!(serde_json::from_str::<Unit>(&json).unwrap(), unit);
            // Listings print it as the string was printed.
            assert_eq!(format!("{:?}", Some(&unit)), format!("{:?}", Some(s)));
        }
        for d in DurationUnit::ALL {
            assert_eq!(DurationUnit::parse(d.as_str()), Some(d));
        }
    }

    #[test]
    fn a_figure_reads_back_unchanged() {
        for unit in ["\"USD\"", "\"%\"", "\"week\"", "\"furlong\"", "null"] {
            let json = format!(
                r#"{{"text":"x","start":0,"end":1,"value":1,"unit":{unit},"qualifier":null,"kind":"other","counts":null}}"#
            );
            let f: Figure = serde_json::from_str(&json).unwrap();
            assert_eq!(serde_json::to_string(&f).unwrap(), json);
        }
    }
}
