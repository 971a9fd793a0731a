//! Month names and their standard abbreviations: the one month table.
//! Dates in running text (`figures`), dates in metadata
//! (`ingest::meta::normalise_date`) and the abbreviations after which a
//! full stop does not end a sentence (`segment`, `matching::sentence`) all
//! read it.

/// Month names and abbreviations, lower case, sorted: month number and
/// whether the word is an abbreviation (which may take a full stop).
const MONTHS: &[(&str, u32, bool)] = &[
    ("apr", 4, true),
    ("april", 4, false),
    ("aug", 8, true),
    ("august", 8, false),
    ("dec", 12, true),
    ("december", 12, false),
    ("feb", 2, true),
    ("february", 2, false),
    ("jan", 1, true),
    ("january", 1, false),
    ("jul", 7, true),
    ("july", 7, false),
    ("jun", 6, true),
    ("june", 6, false),
    ("mar", 3, true),
    ("march", 3, false),
    ("may", 5, false),
    ("nov", 11, true),
    ("november", 11, false),
    ("oct", 10, true),
    ("october", 10, false),
    ("sep", 9, true),
    ("sept", 9, true),
    ("september", 9, false),
];

/// Month number of a month name or its standard abbreviation ("October",
/// "oct", "Sept", "SEP"), compared without case, and whether it is an
/// abbreviation (which may take a full stop). Whole words only: "Junk" and
/// "Mayor" are not months.
pub fn month_number(word: &str) -> Option<(u32, bool)> {
    let lower = || word.bytes().map(|c| c.to_ascii_lowercase());
    let i = MONTHS
        .binary_search_by(|(k, _, _)| k.bytes().cmp(lower()))
        .ok()?;
    let (_, m, abbr) = MONTHS[i];
    Some((m, abbr))
}

/// A month abbreviation ("jan", "Sept"), compared without case.
pub(crate) fn is_month_abbreviation(word: &str) -> bool {
    month_number(word).is_some_and(|(_, abbr)| abbr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_sorted() {
        assert!(MONTHS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    /// The speakers' calendar words name no month this table does not know.
    #[test]
    fn calendar_words_are_months_or_weekdays() {
        let weekdays = "monday tuesday wednesday thursday friday saturday sunday";
        for w in super::super::CALENDAR.split_whitespace() {
            let month = month_number(w.trim_end_matches('.')).is_some();
            assert!(month || weekdays.contains(w), "{w}");
        }
    }

    #[test]
    fn abbreviations() {
        assert!(is_month_abbreviation("Jan") && is_month_abbreviation("sept"));
        assert!(!is_month_abbreviation("May") && !is_month_abbreviation("june"));
    }
}
