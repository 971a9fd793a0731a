//! Figure extraction: money, counts, percentages, durations, dates, years
//! and other clear quantities in English news prose, normalised as described
//! in `docs/extraction.md`.
//!
//! The extractor is a hand-written, single-pass scanner rather than a set of
//! regular expressions. The text is cut into lines (a figure never spans a
//! line break); each line is split into tokens (words, numbers, single
//! symbols) with a note of whether whitespace precedes each one; a parser
//! then walks the tokens once, left to right, and only does any real work at
//! tokens that can start a figure (digits, currency symbols, number words,
//! month names, ISO currency codes). Every rule looks at a bounded number of
//! neighbouring tokens, so the whole pass is linear in the input size and
//! allocates only the token buffer (reused across lines) and the output.
//!
//! The rules are general rules about English news prose:
//!
//! * **money**: a currency symbol or code before the number (`$9.4 million`,
//!   `€5bn`, `US$3`, `USD 5m`) or a currency word after it (`3 billion
//!   rubles`, `three billion roubles`, `50 million US dollars`); the value is
//!   in whole units of the currency (ISO 4217 code in `unit`). A money figure
//!   that restates the one just before it in another currency, in brackets
//!   or after "or" (`3 billion rubles ($45 million)`), gets `linked_to`.
//! * **percent**: `5%`, `5 percent`, `five per cent`, `2 percentage points`.
//! * **duration**: a number and a time unit (`six months`, `11 years`,
//!   `40 minutes`), also hyphenated (`two-hour meeting`, `45-year-old`).
//! * **date**: `October 31, 2016`, `31 October 2016`, `Oct. 31, 2016`,
//!   `2016-10-31`; month and year (`October 2016`, `July of 2018`).
//! * **year**: a bare plausible year (`in 2013`, `the 2016 election`),
//!   decades (`the 1990s`, `mid-1990s`, `'90s`) with the last year in `high`.
//! * **count**: a number followed by the plural noun phrase it counts (`122
//!   countries`, `12 Russian military intelligence officials`).
//! * **other**: a bare number that is clearly a quantity (qualified, scaled,
//!   comma-grouped, or a `from`/`between` range) but counts nothing named.
//! * ranges (`2009-11`, `from 2012 to 2017`, `between 10 and 20 people`,
//!   `$5-10 million`, `5% to 10%`) put the low end in `value` and the high
//!   end in `high`.
//! * qualifiers written just before the figure (`nearly`, `more than`, `at
//!   least`, ...) are part of its text and are given in lower case.
//!
//! Not figures: `one` as a pronoun or determiner (`one of the`, `one
//! source`), ordinals, digits glued to letters or inside URLs and paths
//! (`G20`, `9/11`, `a73900`), phone-like digit groups, times of day, vague
//! plurals (`thousands of`, `a number of`), month and day without a year.
//!
//! The pass is cut into submodules: `tokens` (the lexer), `parser` (the walk
//! over a line's tokens, one file per kind of rule: numbers, units, counted
//! nouns, dates, quantities) and `extra` (the figures found by patterns after
//! that walk), with months and the calendar in `calendar`. The words they
//! read (number words, currencies, units, word classes) are data in
//! [`crate::extract::lexicon`].

mod calendar;
mod extra;
mod parser;
mod tokens;

use crate::extract::model::{DurationUnit, Figure, Unit};

pub use crate::extract::lexicon::month_number;
pub use calendar::calendar_date;

use crate::extract::lexicon::{number_word, NumberWord as Nw};
use extra::extra_figures;
use parser::Parser;
use tokens::{lex_chunk, Tok};

/// Extract every figure in `text`, in order of start offset.
///
/// Pure and total: never panics, whatever the input (arbitrary Unicode, NUL
/// bytes, absurdly long digit runs). Every returned figure satisfies
/// `f.text == text[f.start..f.end]`, with both offsets on char boundaries,
/// and figures never overlap.
pub fn figures(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut toks: Vec<Tok> = Vec::with_capacity(256);
    let mut pos = 0;
    while pos < text.len() {
        toks.clear();
        pos = lex_chunk(text, pos, &mut toks);
        if !toks.is_empty() {
            Parser { text, t: &toks }.run(&mut out);
        }
    }
    extra_figures(text, &mut out);
    let mut prev_end = 0;
    for f in &mut out {
        in_years(f);
        or_range(text, f, prev_end);
        prev_end = f.end;
    }
    out
}

/// "four or five buyers", "1 or 2 days": a number, "or", then a figure
/// make a range from the number to the figure's value.
fn or_range(text: &str, f: &mut Figure, prev_end: usize) {
    let (Some(high), None) = (f.value, f.high) else {
        return;
    };
    if !f.text.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return;
    }
    let Some(head) = text[..f.start].strip_suffix(" or ") else {
        return;
    };
    // After the last character that is not an ASCII letter or digit,
    // which may be several bytes long.
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[from..];
    let low = match word.parse::<f64>() {
        Ok(v) if !word.is_empty() => Some(v),
        _ => match number_word(word.to_ascii_lowercase().as_bytes()) {
            Some(Nw::Unit(v) | Nw::Teen(v) | Nw::Tens(v)) => Some(f64::from(v)),
            _ => None,
        },
    };
    // Never over the figure before it: figures do not overlap.
    if let Some(low) = low.filter(|&l| l < high && l > 0.0 && from >= prev_end) {
        f.start = from;
        f.text = text[from..f.end].to_string();
        f.value = Some(low);
        f.high = Some(high);
    }
}

/// Decades and centuries are counted in years ("seven decades" is 70
/// years), so that durations written either way compare.
fn in_years(f: &mut Figure) {
    let factor = match f.unit {
        Some(Unit::Duration(DurationUnit::Decade)) => 10.0,
        Some(Unit::Duration(DurationUnit::Century)) => 100.0,
        _ => return,
    };
    f.unit = Some(Unit::Duration(DurationUnit::Year));
    f.value = f.value.map(|v| v * factor);
    f.high = f.high.map(|v| v * factor);
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_time;
