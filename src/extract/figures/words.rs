//! The figure lexicon: number words, scale words, currency symbols, codes,
//! words and adjectives, duration units and month names; and the calendar
//! a date must be on.

/// A lower-cased ASCII copy of a short word, on the stack.
#[derive(Clone, Copy)]
pub(super) struct Low {
    buf: [u8; 16],
    len: usize,
}

impl Low {
    pub(super) const EMPTY: Low = Low {
        buf: [0; 16],
        len: 0,
    };

    pub(super) fn of(s: &str) -> Low {
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

    pub(super) fn b(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Nw {
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

pub(super) fn number_word(w: &[u8]) -> Option<Nw> {
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
pub(super) fn spaced_scale(w: &[u8]) -> Option<i32> {
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
pub(super) fn glued_scale(w: &[u8]) -> Option<(i32, bool)> {
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

pub(super) fn currency_sym(c: char) -> Option<&'static str> {
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
pub(super) fn dollar_prefix(raw: &str) -> Option<&'static str> {
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
pub(super) fn iso_code(raw: &str) -> Option<&'static str> {
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
pub(super) fn currency_word(w: &[u8]) -> Option<&'static str> {
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
pub(super) fn currency_adjective(raw: &str) -> Option<Option<&'static str>> {
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

pub(super) fn duration_unit(w: &[u8]) -> Option<&'static str> {
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

pub(super) fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‑'
}

/// The most days month `m` has in any year (February: 29), for a day
/// written without its year.
pub(super) fn days_in_month(m: u32) -> u32 {
    // 2000 is a leap year, so its months are as long as months get.
    calendar_date(2000, m, 1).map_or(0, |d| d.days_in_month() as u32)
}
