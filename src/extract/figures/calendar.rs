//! Months and the calendar: a capitalised month name in running text, and
//! whether a day is on the calendar.

use crate::extract::lexicon::month_number;

/// A capitalised month name or abbreviation in running text (see
/// [`month_number`]); lower case "may" and "march" are verbs.
pub(super) fn month(raw: &str) -> Option<(u32, bool)> {
    if !raw.as_bytes().first()?.is_ascii_uppercase() {
        return None;
    }
    month_number(raw)
}

/// The day `y`-`m`-`d` if the calendar has it: no February 30, no April
/// 31, February 29 only in leap years.
pub fn calendar_date(y: u32, m: u32, d: u32) -> Option<jiff::civil::Date> {
    let y = i16::try_from(y).ok()?;
    let m = i8::try_from(m).ok()?;
    let d = i8::try_from(d).ok()?;
    jiff::civil::Date::new(y, m, d).ok()
}

/// The most days month `m` has in any year (February: 29), for a day
/// written without its year.
pub(super) fn days_in_month(m: u32) -> u32 {
    // 2000 is a leap year, so its months are as long as months get.
    calendar_date(2000, m, 1).map_or(0, |d| d.days_in_month() as u32)
}
