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

use crate::extract::model::{Figure, FigureKind};

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
    let from = head
        .rfind(|c: char| !c.is_ascii_alphanumeric())
        .map_or(0, |i| i + 1);
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

/// Figures the token parser does not make, added where no other figure
/// is: "half a century", "half an hour", "a half-century" (durations of
/// half a unit); "two-thirds", "one fifth", "about one-tenth" (fractions,
/// kind `other`, with a qualifier written before them); a bare number
/// after a verb that counts people ("killed 12.").
fn extra_figures(text: &str, out: &mut Vec<Figure>) {
    static HALF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?-u:\b)half(?:\s+an?\s+|-)(century|decade|year|month|week|day|hour|minute)(?-u:\b)",
        )
        .expect("half regex")
    });
    static BARE_VERB: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?-u:\b)(?:killed|killing|injured|injuring|wounded|wounding|arrested|detained|evacuated|rescued|hospitali[sz]ed)$",
        )
        .expect("bare verb regex")
    });
    static FRACTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?-u:\b)(one|two|three|four|five|six|seven|eight|nine)[- ](half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?-u:\b)",
        )
        .expect("fraction regex")
    });
    // "injured some 40", "killed 12": a bare number after a verb that
    // counts people is a count of them (what it counts left unnamed).
    static BARE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?-u:\b)(?:killed|killing|injured|injuring|wounded|wounding|arrested|detained|evacuated|rescued|hospitali[sz]ed)\s+(\d{1,3}(?:,\d{3})*|\d+)(?-u:\b)",
        )
        .expect("bare count regex")
    });
    let mut extra = Vec::new();
    for m in BARE.captures_iter(text) {
        let num = m.get(1).expect("number");
        // Only a number that ends its phrase ("killed 12." / "killed 12
        // and"), not one before a noun ("killed 12 soldiers" is a figure
        // already).
        let after = text[num.end()..].trim_start();
        let ends = after.is_empty()
            || after.starts_with(['.', ',', ';', ')', ':'])
            || after.starts_with("and ")
            || after.starts_with("in ")
            || after.starts_with("on ");
        if let (true, Ok(v)) = (ends, num.as_str().replace(',', "").parse::<f64>()) {
            extra.push((num.start(), num.end(), v, None, FigureKind::Count));
        }
    }
    for f in out.iter_mut() {
        // A qualified bare number after such a verb ("injured some 40").
        if f.kind == FigureKind::Other && f.unit.is_none() && f.counts.is_none() {
            // The qualifier is part of the figure; look at the few words
            // before it only (never the whole text: that would be
            // quadratic).
            let mut lo = f.start.saturating_sub(24);
            while !text.is_char_boundary(lo) {
                lo += 1;
            }
            let head = text[lo..f.start].trim_end().to_ascii_lowercase();
            if BARE_VERB.is_match(&head) {
                f.kind = FigureKind::Count;
            }
        }
    }
    if text.contains("alf") {
        for m in HALF.captures_iter(text) {
            let (all, unit) = (m.get(0).expect("match"), &m[1]);
            if let Some(u) = duration_unit(unit.to_ascii_lowercase().as_bytes()) {
                extra.push((all.start(), all.end(), 0.5, Some(u), FigureKind::Duration));
            }
        }
    }
    // The denominators are rare words: find them with a literal scan, then
    // match the fraction in the few bytes before each.
    static DENOMINATOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)half|halves|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth",
        )
        .expect("denominator regex")
    });
    let mut seen_to = 0;
    for d in DENOMINATOR.find_iter(text) {
        let mut lo = d.start().saturating_sub(7).max(seen_to);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let hi = (d.end() + 2).min(text.len());
        let hi = (hi..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        seen_to = hi;
        for m in FRACTION.captures_iter(&text[lo..hi]) {
            let all = m.get(0).expect("match");
            let (s0, e0) = (lo + all.start(), lo + all.end());
            let n = match number_word(m[1].to_ascii_lowercase().as_bytes()) {
                Some(Nw::Unit(v)) => f64::from(v),
                _ => continue,
            };
            let d = match m[2].to_ascii_lowercase().trim_end_matches('s') {
                "half" | "halve" => 2.0,
                "third" => 3.0,
                "quarter" | "fourth" => 4.0,
                "fifth" => 5.0,
                "sixth" => 6.0,
                "seventh" => 7.0,
                "eighth" => 8.0,
                "ninth" => 9.0,
                _ => 10.0,
            };
            // "one third" with "one" as a count of a thing is rare; "the
            // third" (an ordinal) has no number word and never matches.
            extra.push((s0, e0, n / d, None, FigureKind::Other));
        }
    }
    if extra.is_empty() {
        return;
    }
    let mut added = false;
    for (start, end, value, unit, kind) in extra {
        if out.iter().any(|f| f.start < end && start < f.end) {
            continue;
        }
        // A qualifier right before it ("about one-tenth"), in the few
        // bytes before it.
        let mut lo = start.saturating_sub(24);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let head = &text[lo..start].trim_end();
        let lower = head.to_ascii_lowercase();
        let (start, qualifier) = QUALIFIERS
            .iter()
            .find_map(|(words, q)| {
                let phrase = words
                    .iter()
                    .map(|w| std::str::from_utf8(w).unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join(" ");
                let at = lower.strip_suffix(&phrase)?;
                let boundary = at.is_empty() || at.ends_with(|c: char| !c.is_ascii_alphanumeric());
                boundary.then(|| (lo + at.len(), Some(q.to_string())))
            })
            .unwrap_or((start, None));
        if out.iter().any(|f| f.start < end && start < f.end) {
            continue;
        }
        out.push(Figure {
            text: text[start..end].to_string(),
            start,
            end,
            value: Some(value),
            high: None,
            unit: unit.map(str::to_string),
            qualifier,
            kind,
            counts: None,
            date: None,
            linked_to: None,
        });
        added = true;
    }
    if added {
        // Keep the order by start; links are indices, so renumber them.
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| out[i].start);
        let mut new_index = vec![0; out.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut sorted: Vec<Figure> = order.iter().map(|&i| out[i].clone()).collect();
        for f in &mut sorted {
            f.linked_to = f.linked_to.map(|l| new_index[l]);
        }
        *out = sorted;
    }
}

/// Decades and centuries are counted in years ("seven decades" is 70
/// years), so that durations written either way compare.
fn in_years(f: &mut Figure) {
    let factor = match f.unit.as_deref() {
        Some("decade") => 10.0,
        Some("century") => 100.0,
        _ => return,
    };
    f.unit = Some("year".into());
    f.value = f.value.map(|v| v * factor);
    f.high = f.high.map(|v| v * factor);
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    /// A run of letters (ASCII or any Unicode alphabetic char).
    Word,
    /// Digits, with optional `,ddd` groups and one decimal part.
    Num,
    /// Any other single non-space char.
    Sym(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    s: usize,
    e: usize,
    k: K,
    /// Whitespace (or the start of the chunk) comes right before this token.
    sp: bool,
}

/// Past this many tokens in one line, a chunk is cut after the next
/// sentence-ending mark; past the hard limit, at the next whitespace. This
/// only bounds the token buffer for pathological single-line inputs.
const SOFT_MAX_TOKS: usize = 16_384;
const HARD_MAX_TOKS: usize = 65_536;

/// Tokenise from `pos` to the end of the line (or a chunk limit); returns
/// where the next chunk starts. Always makes progress.
fn lex_chunk(text: &str, pos: usize, toks: &mut Vec<Tok>) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = pos;
    let mut sp = true;
    while i < n {
        let c = b[i];
        if c == b'\n' {
            return i + 1;
        }
        if c == b' ' || c == b'\t' || c == b'\r' || c == 0x0b || c == 0x0c {
            if toks.len() >= HARD_MAX_TOKS {
                return i + 1;
            }
            sp = true;
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let e = lex_num(b, i);
            toks.push(Tok {
                s: i,
                e,
                k: K::Num,
                sp,
            });
            sp = false;
            i = e;
            continue;
        }
        if c.is_ascii_alphabetic() {
            let e = lex_word(text, i + 1);
            toks.push(Tok {
                s: i,
                e,
                k: K::Word,
                sp,
            });
            sp = false;
            i = e;
            continue;
        }
        if c < 0x80 {
            toks.push(Tok {
                s: i,
                e: i + 1,
                k: K::Sym(c as char),
                sp,
            });
            sp = false;
            i += 1;
            if toks.len() >= SOFT_MAX_TOKS && matches!(c, b'.' | b'!' | b'?' | b';') {
                return i;
            }
            continue;
        }
        // Non-ASCII: `i` is always on a char boundary here.
        let ch = match text.get(i..).and_then(|s| s.chars().next()) {
            Some(ch) => ch,
            None => return n,
        };
        let len = ch.len_utf8();
        if matches!(ch, '\u{2028}' | '\u{2029}' | '\u{85}') {
            return i + len;
        }
        if ch.is_whitespace() {
            if toks.len() >= HARD_MAX_TOKS {
                return i + len;
            }
            sp = true;
            i += len;
            continue;
        }
        if ch.is_alphabetic() {
            let e = lex_word(text, i + len);
            toks.push(Tok {
                s: i,
                e,
                k: K::Word,
                sp,
            });
        } else {
            toks.push(Tok {
                s: i,
                e: i + len,
                k: K::Sym(ch),
                sp,
            });
        }
        sp = false;
        i = toks.last().map_or(i + len, |t| t.e);
    }
    n
}

/// End of a word whose remaining letters start at `i`.
fn lex_word(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            i += 1;
        } else if c >= 0x80 {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

/// End of a number starting at digit `i`: `\d+`, or `\d{1,3}(,\d{3})+`, then
/// an optional `.\d+`.
fn lex_num(b: &[u8], i: usize) -> usize {
    let n = b.len();
    let mut e = i;
    while e < n && b[e].is_ascii_digit() {
        e += 1;
    }
    if e - i <= 3 {
        while e + 4 <= n
            && b[e] == b','
            && b[e + 1].is_ascii_digit()
            && b[e + 2].is_ascii_digit()
            && b[e + 3].is_ascii_digit()
            && (e + 4 == n || !b[e + 4].is_ascii_digit())
        {
            e += 4;
        }
    }
    if e + 1 < n && b[e] == b'.' && b[e + 1].is_ascii_digit() {
        e += 1;
        while e < n && b[e].is_ascii_digit() {
            e += 1;
        }
    }
    e
}

/// The parsed digits of a `Num` token.
#[derive(Clone, Copy, Debug)]
struct NumInfo {
    /// All significant digits as an integer.
    mant: u64,
    /// How many of them follow the decimal point.
    frac: u32,
    /// Digits before the decimal point.
    int_digits: usize,
    commas: bool,
    /// More than one digit and a leading zero before any decimal point
    /// (`007`, `0100`): an identifier, not a quantity.
    lead0: bool,
}

impl NumInfo {
    /// Digits only: no commas, no decimals.
    fn plain(&self) -> bool {
        !self.commas && self.frac == 0
    }

    /// The value times `10^exp`, exact for ordinary inputs.
    fn value(&self, exp: i32) -> f64 {
        let m = self.mant as f64;
        let d = exp - self.frac as i32;
        if d >= 0 {
            m * 10f64.powi(d)
        } else {
            m / 10f64.powi(-d)
        }
    }
}

/// Parse a number token; `None` when it has more than 18 digits (such a
/// string is an identifier or junk, never a figure in prose).
fn num_info(s: &str) -> Option<NumInfo> {
    let b = s.as_bytes();
    let mut mant: u64 = 0;
    let mut digits = 0usize;
    let mut frac = 0u32;
    let mut int_digits = 0usize;
    let mut commas = false;
    let mut after_point = false;
    for &c in b {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                if digits > 18 {
                    return None;
                }
                mant = mant * 10 + u64::from(c - b'0');
                if after_point {
                    frac += 1;
                } else {
                    int_digits += 1;
                }
            }
            b',' => commas = true,
            b'.' => after_point = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let lead0 = int_digits > 1 && b[0] == b'0';
    Some(NumInfo {
        mant,
        frac,
        int_digits,
        commas,
        lead0,
    })
}

// ---------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------

/// A lower-cased ASCII copy of a short word, on the stack.
#[derive(Clone, Copy)]
struct Low {
    buf: [u8; 16],
    len: usize,
}

impl Low {
    const EMPTY: Low = Low {
        buf: [0; 16],
        len: 0,
    };

    fn of(s: &str) -> Low {
        let b = s.as_bytes();
        if b.len() > 16 || !b.is_ascii() {
            return Low::EMPTY;
        }
        let mut l = Low {
            buf: [0; 16],
            len: b.len(),
        };
        for (d, c) in l.buf.iter_mut().zip(b) {
            *d = c.to_ascii_lowercase();
        }
        l
    }

    fn b(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Nw {
    /// 0..=9
    Unit(u8),
    /// 10..=19
    Teen(u8),
    /// 20, 30, ... 90
    Tens(u8),
    Hundred,
    /// thousand, million, billion, trillion (power of ten).
    Scale(i32),
    Dozen,
}

fn number_word(w: &[u8]) -> Option<Nw> {
    Some(match w {
        b"zero" => Nw::Unit(0),
        b"one" => Nw::Unit(1),
        b"two" => Nw::Unit(2),
        b"three" => Nw::Unit(3),
        b"four" => Nw::Unit(4),
        b"five" => Nw::Unit(5),
        b"six" => Nw::Unit(6),
        b"seven" => Nw::Unit(7),
        b"eight" => Nw::Unit(8),
        b"nine" => Nw::Unit(9),
        b"ten" => Nw::Teen(10),
        b"eleven" => Nw::Teen(11),
        b"twelve" => Nw::Teen(12),
        b"thirteen" => Nw::Teen(13),
        b"fourteen" => Nw::Teen(14),
        b"fifteen" => Nw::Teen(15),
        b"sixteen" => Nw::Teen(16),
        b"seventeen" => Nw::Teen(17),
        b"eighteen" => Nw::Teen(18),
        b"nineteen" => Nw::Teen(19),
        b"twenty" => Nw::Tens(20),
        b"thirty" => Nw::Tens(30),
        b"forty" | b"fourty" => Nw::Tens(40),
        b"fifty" => Nw::Tens(50),
        b"sixty" => Nw::Tens(60),
        b"seventy" => Nw::Tens(70),
        b"eighty" => Nw::Tens(80),
        b"ninety" => Nw::Tens(90),
        b"hundred" => Nw::Hundred,
        b"thousand" => Nw::Scale(3),
        b"million" => Nw::Scale(6),
        b"billion" => Nw::Scale(9),
        b"trillion" => Nw::Scale(12),
        b"dozen" => Nw::Dozen,
        _ => return None,
    })
}

/// A scale word written after digits with a space (`3 billion`, `5 bn`).
fn spaced_scale(w: &[u8]) -> Option<i32> {
    Some(match w {
        b"thousand" => 3,
        b"million" | b"mn" | b"mln" => 6,
        b"billion" | b"bn" | b"bln" => 9,
        b"trillion" | b"tn" | b"trn" => 12,
        b"lakh" => 5,
        b"crore" => 7,
        _ => return None,
    })
}

/// A scale abbreviation glued to digits (`5bn`, `$3m`). The one-letter
/// forms (`m`, `k`, `b`) are "weak": they only count next to a currency,
/// since `50m` alone may well be fifty metres.
fn glued_scale(w: &[u8]) -> Option<(i32, bool)> {
    Some(match w {
        b"bn" | b"bln" => (9, false),
        b"mn" | b"mln" => (6, false),
        b"tn" | b"trn" => (12, false),
        b"m" => (6, true),
        b"b" => (9, true),
        b"k" => (3, true),
        _ => return None,
    })
}

fn currency_sym(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₽' => "RUB",
        '₹' => "INR",
        '₩' => "KRW",
        '₺' => "TRY",
        '₴' => "UAH",
        '₪' => "ILS",
        '₦' => "NGN",
        _ => return None,
    })
}

/// Letters written glued before `$`: `US$`, `A$`, `HK$` ...
fn dollar_prefix(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "US" | "U.S." => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" | "CAN" => "CAD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" | "SG" => "SGD",
        "R" => "BRL",
        "MX" => "MXN",
        "NT" => "TWD",
        _ => return None,
    })
}

/// ISO 4217 codes, upper case exactly as written.
fn iso_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "RUB" => "RUB",
        "CNY" | "RMB" => "CNY",
        "JPY" => "JPY",
        "INR" => "INR",
        "CHF" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "UAH" => "UAH",
        "TRY" => "TRY",
        "KRW" => "KRW",
        "BRL" => "BRL",
        "MXN" => "MXN",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "NZD" => "NZD",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "PLN" => "PLN",
        "ZAR" => "ZAR",
        "ILS" => "ILS",
        "SAR" => "SAR",
        "AED" => "AED",
        "NGN" => "NGN",
        "PKR" => "PKR",
        "EGP" => "EGP",
        _ => return None,
    })
}

/// Currency words written after the number. `pounds` and `won` are handled
/// by the caller because they are ambiguous (weight; the verb).
fn currency_word(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        // "dlr", "dlrs": wire copy.
        b"dollar" | b"dollars" | b"dlr" | b"dlrs" => "USD",
        b"euro" | b"euros" => "EUR",
        b"sterling" => "GBP",
        b"ruble" | b"rubles" | b"rouble" | b"roubles" => "RUB",
        b"yuan" | b"renminbi" => "CNY",
        b"yen" => "JPY",
        b"rupee" | b"rupees" => "INR",
        b"hryvnia" | b"hryvnias" | b"hryvnas" | b"hryvnya" => "UAH",
        b"franc" | b"francs" => "CHF",
        b"lira" | b"liras" | b"lire" => "TRY",
        b"shekel" | b"shekels" => "ILS",
        b"riyal" | b"riyals" => "SAR",
        b"dirham" | b"dirhams" => "AED",
        b"zloty" | b"zlotys" => "PLN",
        b"naira" => "NGN",
        b"peso" | b"pesos" => "MXN",
        b"real" | b"reais" => "BRL",
        b"rand" => "ZAR",
        b"krona" | b"kronor" => "SEK",
        _ => return None,
    })
}

/// A word between the number and a currency word that changes or keeps its
/// code (`Canadian dollars`, `US dollars`, `Swiss francs`).
fn currency_adjective(raw: &str) -> Option<Option<&'static str>> {
    Some(match raw {
        "US" | "American" => Some("USD"),
        "Canadian" => Some("CAD"),
        "Australian" => Some("AUD"),
        "Singapore" | "Singaporean" => Some("SGD"),
        "Taiwan" | "Taiwanese" => Some("TWD"),
        "Hong" => Some("HKD"), // "Hong Kong dollars": "Kong" is skipped below
        "Egyptian" => Some("EGP"),
        "Pakistani" => Some("PKR"),
        "British" => Some("GBP"),
        "Mexican" => Some("MXN"),
        "Brazilian" => Some("BRL"),
        "Swiss" | "Russian" | "Chinese" | "Japanese" | "Indian" | "Ukrainian" | "Turkish"
        | "Israeli" | "Saudi" | "Polish" | "Swedish" | "Nigerian" | "South" | "African"
        | "Korean" => None,
        _ => return None,
    })
}

fn duration_unit(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"year" | b"years" | b"yr" | b"yrs" => "year",
        b"month" | b"months" => "month",
        b"week" | b"weeks" => "week",
        b"day" | b"days" => "day",
        b"hour" | b"hours" | b"hr" | b"hrs" => "hour",
        b"minute" | b"minutes" => "minute",
        b"second" | b"seconds" => "second",
        b"decade" | b"decades" => "decade",
        b"century" | b"centuries" => "century",
        _ => return None,
    })
}

/// Month number of a month name or its standard abbreviation ("October",
/// "oct", "Sept", "SEP"), compared without case, and whether it is an
/// abbreviation (which may take a full stop). Whole words only: "Junk" and
/// "Mayor" are not months. The one month lexicon: dates in running text
/// and dates in metadata (`ingest::meta::normalise_date`) both read it.
pub fn month_number(word: &str) -> Option<(u32, bool)> {
    let l = Low::of(word);
    Some(match l.b() {
        b"january" => (1, false),
        b"february" => (2, false),
        b"march" => (3, false),
        b"april" => (4, false),
        b"may" => (5, false),
        b"june" => (6, false),
        b"july" => (7, false),
        b"august" => (8, false),
        b"september" => (9, false),
        b"october" => (10, false),
        b"november" => (11, false),
        b"december" => (12, false),
        b"jan" => (1, true),
        b"feb" => (2, true),
        b"mar" => (3, true),
        b"apr" => (4, true),
        b"jun" => (6, true),
        b"jul" => (7, true),
        b"aug" => (8, true),
        b"sep" | b"sept" => (9, true),
        b"oct" => (10, true),
        b"nov" => (11, true),
        b"dec" => (12, true),
        _ => return None,
    })
}

/// A capitalised month name or abbreviation in running text (see
/// [`month_number`]); lower case "may" and "march" are verbs.
fn month(raw: &str) -> Option<(u32, bool)> {
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

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‑'
}

/// The most days month `m` has in any year (February: 29), for a day
/// written without its year.
fn days_in_month(m: u32) -> u32 {
    // 2000 is a leap year, so its months are as long as months get.
    calendar_date(2000, m, 1).map_or(0, |d| d.days_in_month() as u32)
}

/// Function words, pronouns, auxiliaries and adverbs: these end a counted
/// noun phrase, and a capitalised one before a number is not a name.
fn is_stop(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"an"
            | b"the"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"to"
            | b"for"
            | b"from"
            | b"by"
            | b"with"
            | b"without"
            | b"within"
            | b"about"
            | b"into"
            | b"onto"
            | b"over"
            | b"under"
            | b"after"
            | b"before"
            | b"during"
            | b"since"
            | b"until"
            | b"till"
            | b"between"
            | b"among"
            | b"amongst"
            | b"against"
            | b"across"
            | b"through"
            | b"throughout"
            | b"toward"
            | b"towards"
            | b"upon"
            | b"via"
            | b"per"
            | b"and"
            | b"or"
            | b"but"
            | b"nor"
            | b"so"
            | b"yet"
            | b"if"
            | b"then"
            | b"than"
            | b"as"
            | b"because"
            | b"while"
            | b"whereas"
            | b"although"
            | b"though"
            | b"when"
            | b"where"
            | b"which"
            | b"who"
            | b"whom"
            | b"whose"
            | b"what"
            | b"why"
            | b"how"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"being"
            | b"am"
            | b"has"
            | b"have"
            | b"had"
            | b"having"
            | b"do"
            | b"does"
            | b"did"
            | b"will"
            | b"would"
            | b"shall"
            | b"should"
            | b"can"
            | b"could"
            | b"may"
            | b"might"
            | b"must"
            | b"not"
            | b"no"
            | b"also"
            | b"more"
            | b"most"
            | b"less"
            | b"least"
            | b"fewer"
            | b"each"
            | b"every"
            | b"all"
            | b"both"
            | b"either"
            | b"neither"
            | b"any"
            | b"some"
            | b"many"
            | b"much"
            | b"few"
            | b"several"
            | b"other"
            | b"others"
            | b"another"
            | b"such"
            | b"own"
            | b"only"
            | b"just"
            | b"very"
            | b"too"
            | b"even"
            | b"still"
            | b"already"
            | b"again"
            | b"ever"
            | b"never"
            | b"often"
            | b"now"
            | b"here"
            | b"there"
            | b"ago"
            | b"later"
            | b"earlier"
            | b"old"
            | b"said"
            | b"says"
            | b"say"
            | b"according"
            | b"including"
            | b"like"
            | b"it"
            | b"its"
            | b"itself"
            | b"they"
            | b"them"
            | b"their"
            | b"he"
            | b"him"
            | b"his"
            | b"she"
            | b"her"
            | b"we"
            | b"us"
            | b"our"
            | b"you"
            | b"your"
            | b"i"
            | b"me"
            | b"my"
            | b"nearly"
            | b"almost"
            | b"around"
            | b"roughly"
            | b"approximately"
            | b"up"
            | b"out"
            | b"off"
            | b"down"
            | b"away"
            | b"back"
            | b"respectively"
            | b"total"
            | b"apiece"
            | b"altogether"
            | b"alone"
            | b"else"
            | b"instead"
            | b"today"
            | b"yesterday"
            | b"tomorrow"
            | b"last"
            | b"next"
            | b"once"
            | b"twice"
            | b"however"
            | b"thus"
            | b"hence"
            | b"therefore"
            | b"together"
            | b"well"
            | b"mostly"
            | b"mainly"
            | b"overall"
            | b"combined"
            | b"whether"
            | b"plus"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"top"
    )
}

/// Lower-case words ending in `s` that are not plural nouns.
fn not_plural(w: &[u8]) -> bool {
    if w.ends_with(b"ss") || w.ends_with(b"us") || w.ends_with(b"is") {
        return true;
    }
    matches!(
        w,
        b"as"
            | b"has"
            | b"was"
            | b"does"
            | b"his"
            | b"hers"
            | b"its"
            | b"ours"
            | b"yours"
            | b"theirs"
            | b"yes"
            | b"always"
            | b"perhaps"
            | b"sometimes"
            | b"whereas"
            | b"besides"
            | b"towards"
            | b"afterwards"
            | b"backwards"
            | b"forwards"
            | b"news"
            | b"gas"
            | b"chaos"
            | b"ethos"
            | b"lens"
            | b"alias"
            | b"atlas"
            | b"canvas"
            | b"bias"
            | b"politics"
            | b"physics"
            | b"economics"
            | b"ethics"
            | b"mathematics"
            | b"nowadays"
            | b"overseas"
            | b"says"
            | b"seems"
            | b"remains"
            | b"goes"
            | b"gets"
            | b"makes"
            | b"takes"
            | b"comes"
            | b"wants"
            | b"needs"
            | b"adds"
            | b"notes"
            | b"shows"
            | b"means"
    )
}

/// Nouns that count people or things even after a number that looks like a
/// year (`2000 people`).
fn strong_count_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"people"
            | b"persons"
            | b"men"
            | b"women"
            | b"children"
            | b"kids"
            | b"soldiers"
            | b"troops"
            | b"officers"
            | b"workers"
            | b"employees"
            | b"staff"
            | b"residents"
            | b"civilians"
            | b"users"
            | b"members"
            | b"students"
            | b"patients"
            | b"deaths"
            | b"cases"
            | b"jobs"
            | b"homes"
            | b"households"
            | b"refugees"
            | b"migrants"
            | b"protesters"
            | b"fighters"
            | b"prisoners"
            | b"hostages"
            | b"victims"
            | b"visitors"
            | b"passengers"
            | b"customers"
            | b"companies"
            | b"firms"
            | b"accounts"
            | b"documents"
            | b"emails"
            | b"messages"
            | b"votes"
            | b"signatures"
            | b"delegates"
            | b"participants"
            | b"miles"
            | b"kilometres"
            | b"kilometers"
            | b"metres"
            | b"meters"
            | b"feet"
            | b"tons"
            | b"tonnes"
            | b"barrels"
    )
}

/// Plural nouns that do not end in `s`, and collective nouns counted as is.
/// Compounds of "men" and "people" ("gunmen", "townspeople") are plurals,
/// but for the few singular nouns that end in "men".
fn irregular_plural(w: &[u8]) -> bool {
    let compound = (w.len() > 4 && w.ends_with(b"men") && !singular_men(w))
        || (w.len() > 6 && w.ends_with(b"people"));
    compound
        || matches!(
            w,
            b"people"
                | b"men"
                | b"women"
                | b"children"
                | b"police"
                | b"personnel"
                | b"staff"
                | b"crew"
                | b"cattle"
                | b"sheep"
                | b"fish"
                | b"deer"
                | b"aircraft"
                | b"data"
                | b"media"
                | b"feet"
                | b"teeth"
                | b"mice"
                | b"geese"
                | b"alumni"
                | b"bacteria"
                | b"criteria"
                | b"phenomena"
                | b"livestock"
                | b"spacecraft"
                | b"militants"
                | b"others"
        )
}

/// Singular nouns that end in "men" ("specimen", "abdomen").
fn singular_men(w: &[u8]) -> bool {
    matches!(
        w,
        b"specimen"
            | b"abdomen"
            | b"regimen"
            | b"stamen"
            | b"acumen"
            | b"bitumen"
            | b"albumen"
            | b"cerumen"
            | b"foramen"
            | b"gravamen"
            | b"dolmen"
    )
}

/// Qualifiers, longest first, as (words, normalised form).
const QUALIFIERS: &[(&[&[u8]], &str)] = &[
    (&[b"as", b"many", b"as"], "as many as"),
    (&[b"as", b"much", b"as"], "as much as"),
    (&[b"more", b"than"], "more than"),
    (&[b"at", b"least"], "at least"),
    (&[b"up", b"to"], "up to"),
    (&[b"fewer", b"than"], "fewer than"),
    (&[b"less", b"than"], "less than"),
    (&[b"at", b"most"], "at most"),
    (&[b"just", b"over"], "just over"),
    (&[b"just", b"under"], "just under"),
    (&[b"nearly"], "nearly"),
    (&[b"almost"], "almost"),
    (&[b"over"], "over"),
    (&[b"some"], "some"),
    (&[b"about"], "about"),
    (&[b"around"], "around"),
    (&[b"roughly"], "roughly"),
    (&[b"approximately"], "approximately"),
    (&[b"under"], "under"),
];

/// Qualifiers that make sense before a year (`around 2005`).
fn year_qualifier(q: &str) -> bool {
    matches!(q, "about" | "around" | "roughly" | "approximately")
}

/// Words before a number from 1000 to 1899 that make it a year.
fn year_context(w: &[u8]) -> bool {
    matches!(
        w,
        b"in"
            | b"since"
            | b"by"
            | b"until"
            | b"till"
            | b"from"
            | b"of"
            | b"the"
            | b"year"
            | b"circa"
            | b"before"
            | b"after"
            | b"during"
            | b"early"
            | b"late"
            | b"mid"
            | b"summer"
            | b"winter"
            | b"spring"
            | b"autumn"
            | b"fall"
            | b"between"
            | b"back"
    )
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

/// A number, digits or words, with any scale word.
#[derive(Clone, Copy, Debug)]
struct Amt {
    /// One past the last token.
    e: usize,
    /// The value with its scale applied.
    val: f64,
    /// The value before any scale word.
    raw: f64,
    /// Power of ten of the scale word, if any.
    scale: Option<i32>,
    /// The scale is a one-letter abbreviation (`m`, `k`, `b`).
    weak: bool,
    /// Written in words.
    words: bool,
    /// Just the word "one".
    lone_one: bool,
    /// Plain digits (no commas, no decimals, no scale): their count.
    plain_digits: Option<usize>,
    commas: bool,
}

impl Amt {
    /// A plain four-digit number from 1000 to 2100.
    fn year(&self) -> Option<u32> {
        if self.plain_digits == Some(4) && (1000.0..=2100.0).contains(&self.val) {
            Some(self.val as u32)
        } else {
            None
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    None,
    Pct,
    Cur(&'static str),
    Dur(&'static str),
}

#[derive(Debug)]
struct Hit {
    s: usize,
    e: usize,
    kind: FigureKind,
    value: Option<f64>,
    high: Option<f64>,
    unit: Option<&'static str>,
    qual: Option<&'static str>,
    counts: Option<(usize, usize)>,
    date: Option<String>,
}

enum R {
    Hit(Hit),
    /// Tokens up to here are consumed without a figure (a month and day
    /// with no year).
    Skip(usize),
    Miss,
}

struct Parser<'a> {
    text: &'a str,
    t: &'a [Tok],
}

impl<'a> Parser<'a> {
    // --- token helpers -----------------------------------------------------

    fn n(&self) -> usize {
        self.t.len()
    }

    fn txt(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) => self.text.get(t.s..t.e).unwrap_or(""),
            None => "",
        }
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if t.k == K::Word)
    }

    fn is_num(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if t.k == K::Num)
    }

    fn sym(&self, i: usize) -> Option<char> {
        match self.t.get(i) {
            Some(Tok { k: K::Sym(c), .. }) => Some(*c),
            _ => None,
        }
    }

    /// Token `i` exists and is glued to the token before it.
    fn adj(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if !t.sp)
    }

    /// Token `i` exists and has whitespace before it.
    fn spaced(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if t.sp)
    }

    /// Lower-cased word at `i` (empty when not a short ASCII word).
    fn low(&self, i: usize) -> Low {
        if self.is_word(i) {
            Low::of(self.txt(i))
        } else {
            Low::EMPTY
        }
    }

    fn word_is(&self, i: usize, w: &[u8]) -> bool {
        self.is_word(i) && self.txt(i).as_bytes().eq_ignore_ascii_case(w)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.is_word(i)
            && self
                .txt(i)
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_uppercase)
    }

    fn num(&self, i: usize) -> Option<NumInfo> {
        if self.is_num(i) {
            num_info(self.txt(i))
        } else {
            None
        }
    }

    /// A plain number token of 1–2 digits with a value in `lo..=hi`.
    fn small(&self, i: usize, lo: u64, hi: u64) -> Option<u32> {
        let n = self.num(i)?;
        (n.plain() && n.int_digits <= 2 && (lo..=hi).contains(&n.mant)).then_some(n.mant as u32)
    }

    /// A plain 4-digit year token from 1000 to 2100, with nothing glued
    /// after it.
    fn year_tok(&self, i: usize) -> Option<u32> {
        let n = self.num(i)?;
        if n.plain()
            && n.int_digits == 4
            && (1000..=2100).contains(&n.mant)
            && !self.right_bad(i + 1, true)
        {
            Some(n.mant as u32)
        } else {
            None
        }
    }

    // --- driver ------------------------------------------------------------

    fn run(&self, out: &mut Vec<Figure>) {
        let n = self.n();
        let mut i = 0;
        let mut floor = 0;
        while i < n {
            match self.at(i, floor) {
                R::Hit(h) if h.e > i => {
                    i = h.e;
                    floor = h.e;
                    self.emit(h, out);
                }
                R::Skip(e) if e > i => {
                    i = e;
                    floor = e;
                }
                _ => i += 1,
            }
        }
    }

    fn at(&self, i: usize, floor: usize) -> R {
        let t = self.t[i];
        match t.k {
            K::Num => match self.date_num_first(i) {
                R::Miss => self.quantity(i, floor),
                r => r,
            },
            K::Sym(c) => {
                if currency_sym(c).is_some() {
                    self.quantity(i, floor)
                } else if matches!(c, '\'' | '’' | '‘') {
                    self.short_decade(i)
                } else {
                    R::Miss
                }
            }
            K::Word => {
                let len = t.e - t.s;
                if len > 13 {
                    return R::Miss;
                }
                let raw = self.txt(i);
                if let Some((m, abbr)) = month(raw) {
                    // A capitalised month name only ever starts a date ("May"
                    // the verb is never followed by a day or a year).
                    return self.date_month_first(i, m, abbr);
                }
                if self.word_trigger(i, raw) {
                    self.quantity(i, floor)
                } else if matches!(raw, "a" | "an" | "A" | "An") {
                    self.a_and_a_half(i, floor)
                } else {
                    R::Miss
                }
            }
        }
    }

    /// Words that can start a number or a money figure.
    fn word_trigger(&self, i: usize, raw: &str) -> bool {
        let l = Low::of(raw);
        let w = l.b();
        if w.is_empty() {
            return false;
        }
        if number_word(w).is_some() {
            return true;
        }
        if self.sym(i + 1) == Some('$') && self.adj(i + 1) && dollar_prefix(raw).is_some() {
            return true;
        }
        match w {
            b"a" | b"an" => matches!(
                number_word(self.low(i + 1).b()),
                Some(Nw::Hundred | Nw::Scale(_) | Nw::Dozen)
            ),
            b"half" => {
                self.word_is(i + 1, b"a")
                    && matches!(number_word(self.low(i + 2).b()), Some(Nw::Scale(_)))
            }
            _ => {
                (iso_code(raw).is_some() && self.is_num(i + 1))
                    || (raw == "Rs" && (self.is_num(i + 1) || self.sym(i + 1) == Some('.')))
            }
        }
    }

    /// "a year and a half", "an hour and a half": a duration of 1.5 units.
    fn a_and_a_half(&self, i: usize, floor: usize) -> R {
        let u = match duration_unit(self.low(i + 1).b()) {
            Some(u) if !self.txt(i + 1).ends_with('s') => u,
            _ => return R::Miss,
        };
        let ok = (i + 1..i + 5).all(|k| self.spaced(k))
            && self.word_is(i + 2, b"and")
            && self.word_is(i + 3, b"a")
            && self.word_is(i + 4, b"half");
        if !ok || self.right_bad(i + 5, false) {
            return R::Miss;
        }
        let q = self.qualifier(i, floor);
        R::Hit(Hit {
            s: q.map_or(i, |q| q.1),
            e: i + 5,
            kind: FigureKind::Duration,
            value: Some(1.5),
            high: None,
            unit: Some(u),
            qual: q.map(|q| q.0),
            counts: None,
            date: None,
        })
    }

    // --- context checks ------------------------------------------------------

    /// Is the figure token at `i` glued on its left to something that makes
    /// it part of a name, path, code or another number (`G20`, `/2021`,
    /// `COVID-19`, `+1`, `No. 5`)?
    fn left_bad(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if self.spaced(i) || i >= self.n() {
            // "No. 5", "no. 5", "Nos. 5": a rank or a label.
            return self.sym(i - 1) == Some('.')
                && i >= 2
                && self.adj(i - 1)
                && matches!(
                    self.low(i - 2).b(),
                    b"no" | b"nos" | b"nr" | b"vol" | b"art" | b"pp" | b"p"
                );
        }
        match self.t[i - 1].k {
            K::Word | K::Num => true,
            K::Sym(c) => match c {
                '/' | ':' | '@' | '_' | '=' | '#' | '+' | '^' | '&' | '.' | ',' | '|' | '<'
                | '>' | '°' => true,
                // A hyphen glued to a word or number on its left: "F-16",
                // "COVID-19", "555-0100"; but "mid-1990s", "pre-2014".
                '-' | '‑' => {
                    i >= 2
                        && self.adj(i - 1)
                        && match self.t[i - 2].k {
                            K::Num => true,
                            K::Word => !matches!(
                                self.low(i - 2).b(),
                                b"mid" | b"pre" | b"post" | b"early" | b"late" | b"circa"
                            ),
                            K::Sym(_) => false,
                        }
                }
                _ => false,
            },
        }
    }

    /// Is token `i`, glued to the figure's last token, something that makes
    /// the figure part of a larger code (`9/11`, `1.2.3`, `11:30`, `5km`,
    /// `10-member`)? `hyphen_word_ok` allows a hyphen compound after it
    /// (`2016-era`).
    fn right_bad(&self, i: usize, hyphen_word_ok: bool) -> bool {
        if !self.adj(i) {
            return false;
        }
        match self.t[i].k {
            K::Word | K::Num => true,
            K::Sym(c) => {
                let next_glued = self.adj(i + 1);
                let next_word = next_glued && self.is_word(i + 1);
                let next_num = next_glued && self.is_num(i + 1);
                match c {
                    '/' | '@' | '_' | '=' | '^' | '\\' | '°' | '#' => true,
                    ':' | ',' => next_num,
                    '.' => next_num || next_word,
                    '-' | '‑' | '–' => next_num || (next_word && !hyphen_word_ok),
                    _ => false,
                }
            }
        }
    }

    /// A capitalised, non-function word right before `i`: the number is part
    /// of a name (`Section 230`, `Apollo 11`).
    fn named_left(&self, i: usize) -> bool {
        if i == 0 || !self.spaced(i) || !self.is_word(i - 1) {
            return false;
        }
        // "Section", "Apollo", but also "iPhone", "eBay".
        let raw = self.txt(i - 1);
        if !raw.chars().any(char::is_uppercase) {
            return false;
        }
        let l = self.low(i - 1);
        !is_stop(l.b()) && number_word(l.b()).is_none()
    }

    /// A qualifier ending right before token `s`, not reaching below
    /// `floor`: returns its normalised text and first token.
    fn qualifier(&self, s: usize, floor: usize) -> Option<(&'static str, usize)> {
        if !self.spaced(s) {
            return None;
        }
        'outer: for (words, norm) in QUALIFIERS {
            let k = words.len();
            if s < floor + k {
                continue;
            }
            let first = s - k;
            for (j, w) in words.iter().enumerate() {
                let ti = first + j;
                if !self.word_is(ti, w) || (j > 0 && !self.spaced(ti)) {
                    continue 'outer;
                }
            }
            return Some((norm, first));
        }
        None
    }

    /// The lower-case word right before `s` if it is one of `words`.
    fn prev_word(&self, s: usize, floor: usize, w: &[u8]) -> bool {
        s > floor && self.spaced(s) && self.word_is(s - 1, w)
    }

    // --- numbers -------------------------------------------------------------

    fn amount(&self, i: usize) -> Option<Amt> {
        match self.t.get(i)?.k {
            K::Num => self.digit_amount(i),
            K::Word => self.word_amount(i),
            K::Sym(_) => None,
        }
    }

    fn digit_amount(&self, i: usize) -> Option<Amt> {
        let info = self.num(i)?;
        if info.lead0 {
            return None;
        }
        let mut e = i + 1;
        let mut scale = None;
        let mut weak = false;
        if self.is_word(e) {
            let l = self.low(e);
            if self.adj(e) {
                if let Some((x, w)) = glued_scale(l.b()) {
                    scale = Some(x);
                    weak = w;
                    e += 1;
                }
            } else if let Some(x) = spaced_scale(l.b()) {
                scale = Some(x);
                e += 1;
            }
        } else if self.sym(e).is_some_and(is_hyphen) && self.adj(e) && self.adj(e + 1) {
            // "$5.5-billion", "a 2-million-strong army".
            if let Some(x @ 6..) = spaced_scale(self.low(e + 1).b()) {
                scale = Some(x);
                e += 2;
            }
        }
        let raw = info.value(0);
        let val = info.value(scale.unwrap_or(0));
        if !val.is_finite() {
            return None;
        }
        Some(Amt {
            e,
            val,
            raw,
            scale,
            weak,
            words: false,
            lone_one: false,
            plain_digits: (info.plain() && scale.is_none()).then_some(info.int_digits),
            commas: info.commas,
        })
    }

    /// Spelled-out numbers: "twelve", "forty-two", "two hundred and fifty",
    /// "three billion", "a million", "half a million", "two dozen".
    fn word_amount(&self, i: usize) -> Option<Amt> {
        // A capitalised number word glued to a word before it ("the Big
        // Three", "Ocean's Eleven") is a name.
        if self.capitalised(i) && i > 0 && self.is_word(i - 1) {
            return None;
        }
        let first = self.low(i);
        let n = self.n();
        // State: 0 start, 1 unit, 2 teen, 3 tens, 4 hundred, 5 scale, 6 dozen.
        let mut last = 0u8;
        let mut total = 0f64;
        let mut cur = 0f64;
        let mut last_scale = i32::MAX;
        let mut top_scale = None;
        let mut k = i;
        let mut end = i;
        let mut nwords = 0;
        match first.b() {
            b"a" | b"an" => {
                cur = 1.0;
                last = 1;
                k = i + 1;
            }
            b"half" => {
                // "half a million"
                let s = match number_word(self.low(i + 2).b()) {
                    Some(Nw::Scale(s)) => s,
                    _ => return None,
                };
                let val = 0.5 * 10f64.powi(s);
                return Some(Amt {
                    e: i + 3,
                    val,
                    raw: 0.5,
                    scale: Some(s),
                    weak: false,
                    words: true,
                    lone_one: false,
                    plain_digits: None,
                    commas: false,
                });
            }
            _ => {}
        }
        while k < n && self.is_word(k) {
            if k > i && !self.t[k].sp {
                // Only "forty-two" style hyphenation is allowed, handled below.
                break;
            }
            let w = match number_word(self.low(k).b()) {
                Some(w) => w,
                None => {
                    // "two hundred and fifty"
                    if self.word_is(k, b"and")
                        && matches!(last, 4 | 5)
                        && self.spaced(k + 1)
                        && matches!(
                            number_word(self.low(k + 1).b()),
                            Some(Nw::Unit(1..) | Nw::Teen(_) | Nw::Tens(_))
                        )
                    {
                        k += 1;
                        continue;
                    }
                    break;
                }
            };
            match w {
                Nw::Unit(u) => {
                    if !matches!(last, 0 | 3 | 4 | 5) {
                        break;
                    }
                    cur += f64::from(u);
                    last = 1;
                }
                Nw::Teen(u) => {
                    if !matches!(last, 0 | 4 | 5) {
                        break;
                    }
                    cur += f64::from(u);
                    last = 2;
                }
                Nw::Tens(u) => {
                    if !matches!(last, 0 | 4 | 5) {
                        break;
                    }
                    cur += f64::from(u);
                    last = 3;
                    // "forty-two"
                    if self.sym(k + 1).is_some_and(|c| c == '-' || c == '‑')
                        && self.adj(k + 1)
                        && self.adj(k + 2)
                        && matches!(number_word(self.low(k + 2).b()), Some(Nw::Unit(1..)))
                    {
                        if let Some(Nw::Unit(u2)) = number_word(self.low(k + 2).b()) {
                            cur += f64::from(u2);
                            last = 1;
                            nwords += 1;
                            end = k + 3;
                            k += 3;
                            continue;
                        }
                    }
                }
                Nw::Hundred => {
                    if !matches!(last, 1..=3) || cur <= 0.0 || cur >= 100.0 {
                        break;
                    }
                    cur *= 100.0;
                    last = 4;
                }
                Nw::Scale(s) => {
                    if !matches!(last, 1 | 2 | 3 | 4 | 6) || s >= last_scale || cur <= 0.0 {
                        break;
                    }
                    total += cur * 10f64.powi(s);
                    cur = 0.0;
                    last_scale = s;
                    top_scale.get_or_insert(s);
                    last = 5;
                }
                Nw::Dozen => {
                    if !matches!(last, 1..=3) || cur <= 0.0 {
                        break;
                    }
                    cur *= 12.0;
                    last = 6;
                }
            }
            nwords += 1;
            k += 1;
            end = k;
        }
        if nwords == 0 {
            return None;
        }
        let mut half = 0.0;
        // "two and a half years"
        if matches!(last, 1..=3)
            && total == 0.0
            && self.word_is(end, b"and")
            && self.word_is(end + 1, b"a")
            && self.word_is(end + 2, b"half")
            && self.spaced(end)
            && self.spaced(end + 1)
            && self.spaced(end + 2)
        {
            half = 0.5;
            end += 3;
        }
        let val = total + cur + half;
        let lone_one = nwords == 1 && first.b() == b"one" && half == 0.0;
        Some(Amt {
            e: end,
            val,
            raw: val,
            scale: top_scale,
            weak: false,
            words: true,
            lone_one,
            plain_digits: None,
            commas: false,
        })
    }

    // --- units ---------------------------------------------------------------

    /// The unit right after an amount ending at `k`: percent, currency word
    /// or symbol, duration. Returns the unit and the token after it.
    fn unit_at(&self, k: usize, a: &Amt) -> (Unit, usize) {
        let n = self.n();
        if k >= n {
            return (Unit::None, k);
        }
        if let Some(c) = self.sym(k) {
            if c == '%' {
                return (Unit::Pct, k + 1);
            }
            if let Some(code) = currency_sym(c) {
                // "5€", "5 €" (continental style); not "5 $10" lists.
                if !self.is_num(k + 1) {
                    return (Unit::Cur(code), k + 1);
                }
            }
            // "a 50-percent stake".
            if is_hyphen(c) && self.adj(k) && self.adj(k + 1) && self.word_is(k + 1, b"percent") {
                return (Unit::Pct, k + 2);
            }
            // "two-hour", "45-year-old", "three-day".
            if (c == '-' || c == '‑') && self.adj(k) && self.adj(k + 1) && self.is_word(k + 1) {
                if let Some(u) = duration_unit(self.low(k + 1).b()) {
                    return (Unit::Dur(u), self.old_suffix(k + 2));
                }
            }
            return (Unit::None, k);
        }
        if !self.is_word(k) {
            return (Unit::None, k);
        }
        let glued = self.adj(k);
        let l = self.low(k);
        let w = l.b();
        if glued {
            // "5pc" (British percent).
            if w == b"pc" && !a.words {
                return (Unit::Pct, k + 1);
            }
            return (Unit::None, k);
        }
        match w {
            b"percent" | b"pct" => return (Unit::Pct, k + 1),
            b"per" if self.word_is(k + 1, b"cent") && self.spaced(k + 1) => {
                return (Unit::Pct, k + 2)
            }
            b"percentage"
                if self.spaced(k + 1) && matches!(self.low(k + 1).b(), b"point" | b"points") =>
            {
                return (Unit::Pct, k + 2)
            }
            _ => {}
        }
        if let Some(code) = currency_word(w) {
            // "real" and "rand" only after a scale: "3 billion real".
            if !matches!(w, b"real" | b"rand") || a.scale.is_some() {
                let e = if self.word_is(k + 1, b"sterling") && self.spaced(k + 1) {
                    k + 2
                } else {
                    k + 1
                };
                return (Unit::Cur(code), e);
            }
        }
        // "pounds" is money only with a scale or "sterling" (else weight);
        // "won" only after a scale word ("3 billion won").
        if matches!(w, b"pound" | b"pounds")
            && (a.scale.is_some() || self.word_is(k + 1, b"sterling"))
        {
            let e = if self.word_is(k + 1, b"sterling") {
                k + 2
            } else {
                k + 1
            };
            return (Unit::Cur("GBP"), e);
        }
        if w == b"won" && a.scale.is_some() {
            return (Unit::Cur("KRW"), k + 1);
        }
        if let Some(code) = iso_code(self.txt(k)) {
            return (Unit::Cur(code), k + 1);
        }
        if let Some(u) = duration_unit(w) {
            return (Unit::Dur(u), self.old_suffix(k + 1));
        }
        // "50 million US dollars", "3 billion Canadian dollars", "U.S. dollars".
        if let Some((code, e)) = self.adjective_currency(k) {
            return (Unit::Cur(code), e);
        }
        (Unit::None, k)
    }

    /// "US dollars", "U.S. dollars", "Hong Kong dollars", "Swiss francs".
    fn adjective_currency(&self, k: usize) -> Option<(&'static str, usize)> {
        let raw = self.txt(k);
        let (adj_code, mut j) =
            if raw == "U" && self.sym(k + 1) == Some('.') && self.word_is(k + 2, b"S") {
                // "U.S." = U . S . (the final stop is optional)
                let mut j = k + 3;
                if self.sym(j) == Some('.') && self.adj(j) {
                    j += 1;
                }
                (Some("USD"), j)
            } else {
                (currency_adjective(raw)?, k + 1)
            };
        if raw == "Hong" && self.txt(j) == "Kong" {
            j += 1;
        }
        if raw == "South" && self.txt(j) == "African" {
            j += 1;
        }
        if !self.spaced(j) {
            return None;
        }
        let l = self.low(j);
        let w = l.b();
        let base = match w {
            b"pound" | b"pounds" => Some("GBP"),
            b"won" => Some("KRW"),
            _ => currency_word(w),
        }?;
        let code = match (adj_code, w) {
            (Some(c), b"dollar" | b"dollars" | b"dlr" | b"dlrs") => c,
            (Some("EGP"), b"pound" | b"pounds") => "EGP",
            (Some("PKR"), b"rupee" | b"rupees") => "PKR",
            (Some("MXN"), b"peso" | b"pesos") => "MXN",
            (Some("BRL"), _) => "BRL",
            (_, b"rand") => "ZAR",
            _ => base,
        };
        Some((code, j + 1))
    }

    /// Extend a hyphenated duration over a glued "-old" ("45-year-old" is one
    /// word). A separate "old" is left out ("over 5 years old" gives "over 5
    /// years"), as in the gold annotations.
    fn old_suffix(&self, k: usize) -> usize {
        if self.sym(k).is_some_and(|c| c == '-' || c == '‑')
            && self.adj(k)
            && self.adj(k + 1)
            && self.word_is(k + 1, b"old")
        {
            return k + 2;
        }
        k
    }

    // --- counted noun phrase ---------------------------------------------------

    /// The plural noun phrase right after a number at token `k`, as a token
    /// range ending at its first plural word ("Russian military intelligence
    /// officials", "people").
    fn count_np(&self, k: usize) -> Option<(usize, usize)> {
        if !self.spaced(k) || !self.is_word(k) {
            return None;
        }
        let mut j = k;
        for _ in 0..5 {
            if !self.is_word(j) || (j > k && !self.spaced(j)) {
                return None;
            }
            let l = self.low(j);
            let w = l.b();
            if is_stop(w)
                || number_word(w).is_some()
                || duration_unit(w).is_some()
                || month(self.txt(j)).is_some()
            {
                return None;
            }
            if matches!(w, b"am" | b"pm" | b"times") {
                return None;
            }
            // One "word": letters joined by hyphens ("cyber-crime") or an
            // initialism with stops ("U.S.").
            let mut last = j;
            let mut e = j + 1;
            loop {
                let hyph = self.sym(e).is_some_and(|c| c == '-' || c == '‑');
                let hyphen_word = hyph && self.adj(e) && self.adj(e + 1) && self.is_word(e + 1);
                let initialism = self.sym(e) == Some('.')
                    && self.adj(e)
                    && self.txt(last).len() == 1
                    && self.adj(e + 1)
                    && self.is_word(e + 1)
                    && self.txt(e + 1).len() == 1;
                if hyphen_word || initialism {
                    last = e + 1;
                    e += 2;
                } else {
                    break;
                }
            }
            if self.txt(last).len() == 1 && self.sym(e) == Some('.') && self.adj(e) && e > j + 1 {
                e += 1; // the final stop of "U.S."
            }
            if self.plural(last) {
                // "aircraft carriers", "police officers": a non-"s" plural
                // that is really a modifier of the plural after it.
                if irregular_plural(self.low(last).b())
                    && self.spaced(e)
                    && self.is_word(e)
                    && !is_stop(self.low(e).b())
                    && self.txt(e).ends_with('s')
                    && self.plural(e)
                {
                    return Some((k, e + 1));
                }
                return Some((k, e));
            }
            // An apostrophe or any other glued mark ends the phrase.
            if self.adj(e) {
                return None;
            }
            j = e;
        }
        None
    }

    fn plural(&self, i: usize) -> bool {
        let raw = self.txt(i);
        let b = raw.as_bytes();
        if b.len() < 2 {
            return false;
        }
        let l = Low::of(raw);
        let w = l.b();
        if irregular_plural(w) {
            return true;
        }
        // Ends in a lower-case "s": "officials", "MPs"; not "US", "CBS".
        if b[b.len() - 1] != b's' {
            return false;
        }
        if b[..b.len() - 1].iter().all(u8::is_ascii_uppercase) {
            return b.len() >= 3; // "MPs"-like needs an upper-case stem
        }
        w.len() >= 3 && !not_plural(w)
    }

    // --- dates -----------------------------------------------------------------

    /// "October 31, 2016", "Oct. 31, 2016", "October 2016", "July of 2018";
    /// a month and day without a year is consumed without a figure.
    fn date_month_first(&self, i: usize, m: u32, abbr: bool) -> R {
        let mut k = i + 1;
        if abbr && self.sym(k) == Some('.') && self.adj(k) {
            k += 1;
        }
        if self.word_is(k, b"of") && self.spaced(k + 1) {
            if let Some(y) = self.year_tok(k + 1) {
                return R::Hit(self.month_hit(i, k + 2, y, m));
            }
            return R::Miss;
        }
        if !self.spaced(k) || !self.is_num(k) {
            return R::Miss;
        }
        if let Some(y) = self.year_tok(k) {
            return R::Hit(self.month_hit(i, k + 1, y, m));
        }
        let d = match self.small(k, 1, u64::from(days_in_month(m))) {
            Some(d) => d,
            None => return R::Miss,
        };
        let mut e = k + 1;
        if self.adj(e) && matches!(self.low(e).b(), b"st" | b"nd" | b"rd" | b"th") {
            e += 1;
        }
        // "July 15-16, 2018": a day range, dated by its first day.
        let mut last = d;
        if self.sym(e).is_some_and(|c| c == '-' || c == '–') && self.adj(e) && self.adj(e + 1) {
            if let Some(d2) = self.small(e + 1, 1, 31) {
                last = d2;
                e += 2;
            }
        }
        if self.right_bad(e, false) {
            return R::Miss;
        }
        let mut y = e;
        if self.sym(y) == Some(',') && self.adj(y) {
            y += 1;
        }
        if self.spaced(y) {
            if let Some(yr) = self.year_tok(y) {
                // February 29 of a common year, or a range running past the
                // month's end, is no date; the year alone still counts.
                if calendar_date(yr, m, last).is_none() {
                    return R::Miss;
                }
                return self.day_hit(i, y + 1, yr, m, d);
            }
        }
        R::Skip(e)
    }

    /// "31 October 2016", "31st of October, 2016", "2016-10-31"; a day and
    /// month without a year is consumed without a figure.
    fn date_num_first(&self, i: usize) -> R {
        if self.left_bad(i) {
            return R::Miss;
        }
        // ISO 8601.
        if let Some(y) = self.year_tok_raw(i) {
            if self.sym(i + 1) == Some('-')
                && self.adj(i + 1)
                && self.adj(i + 2)
                && self.txt(i + 2).len() == 2
                && self.sym(i + 3) == Some('-')
                && self.adj(i + 3)
                && self.adj(i + 4)
                && self.txt(i + 4).len() == 2
            {
                if let (Some(m), Some(d)) = (self.small(i + 2, 1, 12), self.small(i + 4, 1, 31)) {
                    if !self.right_bad(i + 5, false) {
                        return self.day_hit(i, i + 5, y, m, d);
                    }
                }
                return R::Miss;
            }
            return R::Miss;
        }
        let d = match self.small(i, 1, 31) {
            Some(d) => d,
            None => return R::Miss,
        };
        let mut k = i + 1;
        if self.adj(k) && matches!(self.low(k).b(), b"st" | b"nd" | b"rd" | b"th") {
            k += 1;
        }
        if self.word_is(k, b"of") && self.spaced(k) {
            k += 1;
        }
        if !self.spaced(k) || !self.is_word(k) {
            return R::Miss;
        }
        let (m, abbr) = match month(self.txt(k)) {
            Some(x) => x,
            None => return R::Miss,
        };
        let mut e = k + 1;
        if abbr && self.sym(e) == Some('.') && self.adj(e) {
            e += 1;
        }
        // "31 February 2016": not a date, and not "February 2016" either;
        // the day and month are passed over and the year alone counts.
        if d > days_in_month(m) {
            return R::Skip(e);
        }
        let mut y = e;
        if self.sym(y) == Some(',') && self.adj(y) {
            y += 1;
        }
        if self.spaced(y) {
            if let Some(yr) = self.year_tok(y) {
                return match self.day_hit(i, y + 1, yr, m, d) {
                    R::Miss => R::Skip(e),
                    hit => hit,
                };
            }
        }
        R::Skip(e)
    }

    /// A plain 4-digit year token (no right-context check).
    fn year_tok_raw(&self, i: usize) -> Option<u32> {
        let n = self.num(i)?;
        (n.plain() && n.int_digits == 4 && (1000..=2100).contains(&n.mant)).then_some(n.mant as u32)
    }

    /// A full date figure, or a miss if the calendar has no such day
    /// ("February 29, 2021", "2016-04-31").
    fn day_hit(&self, s: usize, e: usize, y: u32, m: u32, d: u32) -> R {
        match calendar_date(y, m, d) {
            Some(day) => R::Hit(Self::date_figure(s, e, day.to_string())),
            None => R::Miss,
        }
    }

    /// A month-and-year date figure ("October 2016").
    fn month_hit(&self, s: usize, e: usize, y: u32, m: u32) -> Hit {
        Self::date_figure(s, e, format!("{y:04}-{m:02}"))
    }

    fn date_figure(s: usize, e: usize, date: String) -> Hit {
        Hit {
            s,
            e,
            kind: FigureKind::Date,
            value: None,
            high: None,
            unit: None,
            qual: None,
            counts: None,
            date: Some(date),
        }
    }

    /// "'90s", "’60s": a decade written with two digits.
    fn short_decade(&self, i: usize) -> R {
        if i > 0 && !self.t[i].sp && !matches!(self.sym(i - 1), Some('-' | '(' | '“' | '"')) {
            return R::Miss;
        }
        let n = match self.num(i + 1) {
            Some(n) if self.adj(i + 1) && n.plain() && n.int_digits == 2 && n.mant % 10 == 0 => n,
            _ => return R::Miss,
        };
        if !(self.adj(i + 2) && self.txt(i + 2) == "s") || self.right_bad(i + 3, true) {
            return R::Miss;
        }
        let y = if n.mant >= 30 {
            1900 + n.mant
        } else {
            2000 + n.mant
        } as f64;
        R::Hit(Hit {
            s: i,
            e: i + 3,
            kind: FigureKind::Year,
            value: Some(y),
            high: Some(y + 9.0),
            unit: None,
            qual: None,
            counts: None,
            date: None,
        })
    }

    // --- quantities ----------------------------------------------------------------

    /// A currency prefix at `i`: the code and the token where the number
    /// starts.
    fn prefix_currency(&self, i: usize) -> (Option<&'static str>, usize) {
        let Some(tok) = self.t.get(i) else {
            return (None, i);
        };
        match tok.k {
            K::Sym(c) => match currency_sym(c) {
                Some(code) if self.is_num(i + 1) => (Some(code), i + 1),
                // "$US2 billion", "$A3m" (Australian style).
                Some(_)
                    if c == '$'
                        && self.adj(i + 1)
                        && self.adj(i + 2)
                        && self.is_num(i + 2)
                        && dollar_prefix(self.txt(i + 1)).is_some() =>
                {
                    (dollar_prefix(self.txt(i + 1)), i + 2)
                }
                _ => (None, i),
            },
            K::Word => {
                let raw = self.txt(i);
                if self.sym(i + 1) == Some('$') && self.adj(i + 1) && self.is_num(i + 2) {
                    if let Some(code) = dollar_prefix(raw) {
                        return (Some(code), i + 2);
                    }
                }
                if let Some(code) = iso_code(raw) {
                    if self.is_num(i + 1) {
                        return (Some(code), i + 1);
                    }
                }
                if raw == "Rs" {
                    let j = if self.sym(i + 1) == Some('.') && self.adj(i + 1) {
                        i + 2
                    } else {
                        i + 1
                    };
                    if self.is_num(j) {
                        return (Some("INR"), j);
                    }
                }
                (None, i)
            }
            K::Num => (None, i),
        }
    }

    /// A range connector after token `k-1`: returns the token after it.
    fn connector(&self, k: usize, between: bool, a1: &Amt) -> Option<usize> {
        match self.t.get(k)?.k {
            K::Sym(c) => {
                let dash = c == '-' || c == '‑';
                let en = c == '–';
                // "10-20" glued; "10–20" or "10 – 20" with an en dash;
                // "2009 - 2011" with a spaced hyphen between two years.
                let spaced_years = dash
                    && self.spaced(k)
                    && self.spaced(k + 1)
                    && a1.year().is_some()
                    && self.year_tok_raw(k + 1).is_some();
                if (dash && self.adj(k) && self.adj(k + 1))
                    || (en && self.adj(k) == self.adj(k + 1))
                    || spaced_years
                {
                    Some(k + 1)
                } else {
                    None
                }
            }
            K::Word => {
                if !self.spaced(k) || !self.spaced(k + 1) {
                    return None;
                }
                let l = self.low(k);
                match l.b() {
                    b"to" => Some(k + 1),
                    b"and" if between => Some(k + 1),
                    b"through" | b"until" | b"till" if a1.year().is_some() => Some(k + 1),
                    _ => None,
                }
            }
            K::Num => None,
        }
    }

    /// The second amount of a range after a connector ending before `m`,
    /// with an optional repeated currency prefix.
    fn second_amount(
        &self,
        m: usize,
        cur: Option<&'static str>,
        a1: &Amt,
    ) -> Option<(Amt, Option<&'static str>)> {
        let (c2, j) = self.prefix_currency(m);
        if c2.is_some() && cur.is_some() && c2 != cur {
            return None;
        }
        if c2.is_some() && cur.is_none() {
            return None;
        }
        // "2009-11", "1990–91": a year range with a two-digit end.
        if let Some(y) = a1.year() {
            if c2.is_none() && self.adj(m) && self.txt(m).len() == 2 {
                let nn = self.small(m, 0, 99)?;
                let hi = y / 100 * 100 + nn;
                if hi <= y {
                    return None;
                }
                return Some((
                    Amt {
                        e: m + 1,
                        val: f64::from(hi),
                        raw: f64::from(hi),
                        scale: None,
                        weak: false,
                        words: false,
                        lone_one: false,
                        plain_digits: Some(4),
                        commas: false,
                    },
                    c2,
                ));
            }
        }
        let a2 = self.amount(j)?;
        if a2.words != a1.words && !(a2.words && a2.scale.is_some()) && !a1.words {
            // "5 to ten" mixes styles: not a range.
            return None;
        }
        Some((a2, c2))
    }

    fn quantity(&self, i: usize, floor: usize) -> R {
        let (cur0, j) = self.prefix_currency(i);
        if self.t[i].k != K::Num && cur0.is_none() && self.t[i].k != K::Word {
            return R::Miss;
        }
        if self.left_bad(i) {
            return R::Miss;
        }
        let a1 = match self.amount(j) {
            Some(a) => a,
            None => return R::Miss,
        };
        if cur0.is_some() && a1.words {
            return R::Miss;
        }
        // "mid-1990s", "mid-2016": the prefix is part of the figure.
        let mut start = i;
        if cur0.is_none()
            && i >= floor + 2
            && self.sym(i - 1).is_some_and(|c| c == '-' || c == '‑')
            && self.adj(i)
            && self.adj(i - 1)
            && self.word_is(i - 2, b"mid")
        {
            start = i - 2;
        }

        // Decades: "1990s", "1990's".
        if cur0.is_none() {
            if let Some(y) = a1.year() {
                let glued_s = self.adj(a1.e) && self.txt(a1.e) == "s";
                let apos_s = self.sym(a1.e).is_some_and(|c| c == '\'' || c == '’')
                    && self.adj(a1.e)
                    && self.adj(a1.e + 1)
                    && self.txt(a1.e + 1) == "s";
                // "2016's" with a non-round year is a possessive, not a decade.
                if glued_s || (apos_s && y % 10 == 0) {
                    let e = if glued_s { a1.e + 1 } else { a1.e + 2 };
                    if y % 10 != 0 || self.right_bad(e, true) {
                        return R::Miss;
                    }
                    return R::Hit(Hit {
                        s: start,
                        e,
                        kind: FigureKind::Year,
                        value: Some(f64::from(y)),
                        high: Some(f64::from(y + 9)),
                        unit: None,
                        qual: None,
                        counts: None,
                        date: None,
                    });
                }
            }
        }

        let between = self.prev_word(start, floor, b"between");
        let from = self.prev_word(start, floor, b"from");
        let (u1, k1) = self.unit_at(a1.e, &a1);

        // Range, shared unit: "5-10%", "$5-10 million", "from 2012 to 2017",
        // "between 10 and 20 people".
        let mut range: Option<(Amt, Unit, usize)> = None;
        if u1 == Unit::None {
            if let Some(m) = self.connector(a1.e, between, &a1) {
                if let Some((a2, _)) = self.second_amount(m, cur0, &a1) {
                    let (u2, k2) = self.unit_at(a2.e, &a2);
                    range = Some((a2, u2, k2));
                }
            }
        } else if let Some(m) = self.connector(k1, between, &a1) {
            // Range, unit repeated: "5% to 10%", "$5 million to $10 million".
            if let Some((a2, _)) = self.second_amount(m, cur0, &a1) {
                let (u2, k2) = self.unit_at(a2.e, &a2);
                if u2 == u1 || (cur0.is_some() && u2 == Unit::None) {
                    range = Some((a2, u1, k2));
                }
            }
        }
        if let Some((a2, u2, k2)) = range {
            if let Some(h) = self.range_hit(start, floor, &a1, &a2, cur0, u2, k2, between || from) {
                return R::Hit(h);
            }
        }

        // A number glued to a hyphen and a number that is not a range
        // (phone numbers, scores, codes) is nothing.
        if self.sym(a1.e).is_some_and(|c| c == '-' || c == '‑')
            && self.adj(a1.e)
            && self.adj(a1.e + 1)
            && self.is_num(a1.e + 1)
        {
            return R::Miss;
        }

        let q = self.qualifier(start, floor);
        let mut hit = Hit {
            s: start,
            e: k1,
            kind: FigureKind::Other,
            value: Some(a1.val),
            high: None,
            unit: None,
            qual: None,
            counts: None,
            date: None,
        };
        match u1 {
            Unit::Pct => {
                hit.kind = FigureKind::Percent;
                hit.unit = Some("%");
            }
            Unit::Cur(c) => {
                hit.kind = FigureKind::Money;
                hit.unit = Some(cur0.unwrap_or(c));
            }
            Unit::Dur(u) => {
                if a1.lone_one && matches!(u, "day" | "second") && self.t[k1 - 1].sp {
                    // "one day" (some day), "one second" (a moment) are idioms.
                    return R::Miss;
                }
                hit.kind = FigureKind::Duration;
                hit.unit = Some(u);
            }
            Unit::None => {
                if let Some(c) = cur0 {
                    hit.kind = FigureKind::Money;
                    hit.unit = Some(c);
                } else {
                    // A one-letter scale with no currency counts only with a plural
                    // noun after it ("1.2m visitors", not "the 50m sprint").
                    if a1.lone_one || (a1.weak && self.count_np(a1.e).is_none()) {
                        return R::Miss;
                    }
                    return self.bare(a1, start, floor, q, hit);
                }
            }
        }
        if self.right_bad(hit.e, true) {
            return R::Miss;
        }
        if let Some((qs, qi)) = q {
            hit.qual = Some(qs);
            hit.s = qi;
        }
        R::Hit(hit)
    }

    /// A number with no unit: year, count, other, or nothing.
    fn bare(
        &self,
        a1: Amt,
        start: usize,
        floor: usize,
        q: Option<(&'static str, usize)>,
        mut hit: Hit,
    ) -> R {
        let np = self.count_np(a1.e);
        let named = self.named_left(start);
        if let Some(y) = a1.year() {
            let year_like_q = q.is_some_and(|(qs, _)| year_qualifier(qs));
            // "over 2016 and 2017", "up to 2020": prepositions, not qualifiers,
            // unless a counted noun follows.
            let prep_q = q.is_some_and(|(qs, _)| matches!(qs, "over" | "under" | "up to"));
            let qty_q = q.is_some() && !year_like_q && !(prep_q && np.is_none());
            let strong = np.is_some_and(|(_, e)| strong_count_noun(self.low(e - 1).b()));
            let as_year = if y >= 1900 {
                !(strong || qty_q)
            } else {
                np.is_none() && !qty_q && self.year_context_before(start, floor)
            };
            if as_year {
                if self.right_bad(a1.e, true) {
                    return R::Miss;
                }
                hit.kind = FigureKind::Year;
                hit.e = a1.e;
                if let Some((qs, qi)) = q.filter(|_| year_like_q && y >= 1900) {
                    hit.qual = Some(qs);
                    hit.s = qi;
                }
                return R::Hit(hit);
            }
        }
        if self.right_bad(a1.e, false) {
            return R::Miss;
        }
        let np = np.or_else(|| {
            if named || a1.val < 2.0 || a1.year().is_some() {
                None
            } else {
                self.partitive(a1.e)
            }
        });
        if let Some((s, e)) = np {
            // "Section 230 protections" is a name; a count of one is
            // singular and never reaches here except as junk ("1 people").
            if named || a1.val == 1.0 {
                return R::Miss;
            }
            hit.kind = FigureKind::Count;
            hit.counts = Some((s, e));
            hit.e = e;
        } else {
            // Clearly a quantity even without a noun: qualified ("some
            // 250"), scaled ("3 million"), or comma-grouped ("2,000").
            // Anything else ("the 9.4 figure", "Republicans won 222") is
            // too likely to be a label, a score or an age.
            let clear = (q.is_some() || a1.scale.is_some() || a1.commas) && a1.val > 1.0;
            if !clear || named {
                return R::Miss;
            }
            hit.kind = FigureKind::Other;
            hit.e = a1.e;
        }
        if let Some((qs, qi)) = q {
            hit.qual = Some(qs);
            hit.s = qi;
        }
        R::Hit(hit)
    }

    /// "two of those charged", "five of the victims": a count of a group
    /// named after "of" and a determiner; returns the token range from the
    /// determiner on. Not after "one" (handled by the caller) and not when
    /// the group is itself counted ("nine of the 12 jurors").
    fn partitive(&self, k: usize) -> Option<(usize, usize)> {
        if !self.word_is(k, b"of") || !self.spaced(k) || !self.spaced(k + 1) {
            return None;
        }
        let d = k + 1;
        match self.low(d).b() {
            b"those" | b"these" => {
                if let Some((_, e)) = self.count_np(d + 1) {
                    return Some((d, e));
                }
                // "those charged", "those arrested": one more word.
                let w = self.low(d + 1);
                if self.spaced(d + 1)
                    && !w.b().is_empty()
                    && !is_stop(w.b())
                    && !self.capitalised(d + 1)
                {
                    return Some((d, d + 2));
                }
                None
            }
            b"the" | b"its" | b"their" | b"our" | b"his" | b"her" | b"my" | b"your" => {
                self.count_np(d + 1).map(|(_, e)| (d, e))
            }
            _ => None,
        }
    }

    fn year_context_before(&self, s: usize, floor: usize) -> bool {
        if s <= floor {
            return false;
        }
        if self.sym(s - 1) == Some('(') {
            return true;
        }
        // "1812, 1813 and 1815": a list continuing from a year.
        let after_year = s >= 2 && self.year_tok_raw(s - 2).is_some();
        if after_year && (self.sym(s - 1) == Some(',') || self.word_is(s - 1, b"or")) {
            return true;
        }
        let l = self.low(s - 1);
        match l.b() {
            b"and" | b"to" => after_year,
            w => year_context(w),
        }
    }

    /// Build the hit for a range, or `None` when it is not a valid one.
    #[allow(clippy::too_many_arguments)]
    fn range_hit(
        &self,
        start: usize,
        floor: usize,
        a1: &Amt,
        a2: &Amt,
        cur0: Option<&'static str>,
        u: Unit,
        k2: usize,
        framed: bool,
    ) -> Option<Hit> {
        // Year ranges: both ends plain years (or a two-digit end).
        let y1 = a1.year();
        let y2 = a2.year();
        let mut lo = a1.val;
        let hi = a2.val;
        let mut s = start;
        if framed {
            s = start - 1;
        }
        if let (Some(y1), Some(y2)) = (y1, y2) {
            if cur0.is_none() && u == Unit::None {
                if y2 <= y1 || self.right_bad(a2.e, true) {
                    return None;
                }
                return Some(Hit {
                    s,
                    e: a2.e,
                    kind: FigureKind::Year,
                    value: Some(f64::from(y1)),
                    high: Some(f64::from(y2)),
                    unit: None,
                    qual: None,
                    counts: None,
                    date: None,
                });
            }
        }
        // A year-looking first number only ranges with another year.
        if y1.is_some_and(|y| y >= 1900) && y2.is_none() {
            return None;
        }
        if a1.weak && cur0.is_none() || a2.weak && cur0.is_none() {
            return None;
        }
        // "$5-10 million": the scale of the high end carries to the low end.
        if a1.scale.is_none() && a2.scale.is_some() && a1.raw < a2.raw {
            lo = a1.raw * 10f64.powi(a2.scale.unwrap_or(0));
        }
        if hi <= lo || !lo.is_finite() {
            return None;
        }
        let mut hit = Hit {
            s,
            e: k2,
            kind: FigureKind::Other,
            value: Some(lo),
            high: Some(hi),
            unit: None,
            qual: None,
            counts: None,
            date: None,
        };
        match u {
            Unit::Pct => {
                hit.kind = FigureKind::Percent;
                hit.unit = Some("%");
            }
            Unit::Cur(c) => {
                hit.kind = FigureKind::Money;
                hit.unit = Some(cur0.unwrap_or(c));
            }
            Unit::Dur(d) => {
                hit.kind = FigureKind::Duration;
                hit.unit = Some(d);
            }
            Unit::None => {
                if let Some(c) = cur0 {
                    hit.kind = FigureKind::Money;
                    hit.unit = Some(c);
                } else if let Some((ns, ne)) = self.count_np(a2.e) {
                    hit.kind = FigureKind::Count;
                    hit.counts = Some((ns, ne));
                    hit.e = ne;
                } else if framed {
                    hit.e = a2.e;
                } else {
                    return None;
                }
            }
        }
        if self.right_bad(hit.e, true) {
            return None;
        }
        if !framed {
            if let Some((qs, qi)) = self.qualifier(start, floor) {
                hit.qual = Some(qs);
                hit.s = qi;
            }
        }
        Some(hit)
    }

    // --- output --------------------------------------------------------------

    fn emit(&self, h: Hit, out: &mut Vec<Figure>) {
        let (Some(first), Some(last)) = (
            self.t.get(h.s),
            h.e.checked_sub(1).and_then(|e| self.t.get(e)),
        ) else {
            return;
        };
        let (start, end) = (first.s, last.e);
        let Some(text) = self.text.get(start..end) else {
            return;
        };
        let counts = h.counts.and_then(|(s, e)| {
            let a = self.t.get(s)?.s;
            let b = self.t.get(e.checked_sub(1)?)?.e;
            self.text.get(a..b).map(str::to_string)
        });
        let linked_to = if h.kind == FigureKind::Money {
            self.link(out, start, h.unit)
        } else {
            None
        };
        out.push(Figure {
            text: text.to_string(),
            start,
            end,
            value: h.value,
            high: h.high,
            unit: h.unit.map(str::to_string),
            qualifier: h.qual.map(str::to_string),
            kind: h.kind,
            counts,
            date: h.date,
            linked_to,
        });
    }

    /// Does a money figure starting at `start` restate the previous figure
    /// in another currency? Only when the gap between them is an opening
    /// bracket or "or" ("3 billion rubles ($45 million)", "€5bn, or $5.5bn").
    fn link(&self, out: &[Figure], start: usize, unit: Option<&'static str>) -> Option<usize> {
        let prev = out.last()?;
        if prev.kind != FigureKind::Money || prev.unit.as_deref() == unit || prev.end > start {
            return None;
        }
        let gap = self.text.get(prev.end..start)?;
        if gap.len() > 12 {
            return None;
        }
        let mut buf = [0u8; 12];
        let mut n = 0;
        for c in gap.bytes() {
            if c.is_ascii_whitespace() || c == b'\\' {
                continue;
            }
            if n == buf.len() {
                return None;
            }
            buf[n] = c.to_ascii_lowercase();
            n += 1;
        }
        match &buf[..n] {
            b"(" | b"[" | b"or" | b",or" | b"(or" | b"--" => Some(out.len() - 1),
            // "£3bn ($3.7bn; €3.4bn)": a further restatement of the same figure.
            b";" | b"," | b";or" => prev.linked_to,
            _ if gap.trim() == "—" || gap.trim() == "–" || gap.trim() == "(≈" => {
                Some(out.len() - 1)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
