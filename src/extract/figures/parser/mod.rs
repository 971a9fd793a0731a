//! The parser: one left-to-right walk over a line's tokens that tries a
//! figure only at tokens that can start one; the token helpers and context
//! checks every rule uses; and hits written out as figures.

mod dates;
mod nouns;
mod numbers;
mod quantities;
mod units;

use crate::extract::model::{Currency, DurationUnit, Figure, FigureKind, Unit};

use crate::extract::lexicon::{
    currency_sym, dollar_prefix, duration_unit, is_figure_stop, iso_code, number_word,
    NumberWord as Nw, QUALIFIERS,
};

use super::calendar::month;
use super::tokens::{num_info, Low, NumInfo, Tok, K};

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

/// The unit written right after an amount, if any.
#[derive(Clone, Copy, Debug, PartialEq)]
enum UnitAt {
    None,
    Pct,
    Cur(Currency),
    Dur(DurationUnit),
}

// The currencies the rules name.
const USD: Currency = Currency::new(b"USD");
const GBP: Currency = Currency::new(b"GBP");
const KRW: Currency = Currency::new(b"KRW");
const INR: Currency = Currency::new(b"INR");
const EGP: Currency = Currency::new(b"EGP");
const PKR: Currency = Currency::new(b"PKR");
const MXN: Currency = Currency::new(b"MXN");
const BRL: Currency = Currency::new(b"BRL");
const ZAR: Currency = Currency::new(b"ZAR");

#[derive(Debug)]
struct Hit {
    s: usize,
    e: usize,
    kind: FigureKind,
    value: Option<f64>,
    high: Option<f64>,
    unit: Option<Unit>,
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

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) t: &'a [Tok],
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

    pub(super) fn run(&self, out: &mut Vec<Figure>) {
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
            unit: Some(Unit::Duration(u)),
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
        !is_figure_stop(l.b()) && number_word(l.b()).is_none()
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
            self.link(out, start, h.unit.as_ref())
        } else {
            None
        };
        out.push(Figure {
            text: text.to_string(),
            start,
            end,
            value: h.value,
            high: h.high,
            unit: h.unit,
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
    fn link(&self, out: &[Figure], start: usize, unit: Option<&Unit>) -> Option<usize> {
        let prev = out.last()?;
        if prev.kind != FigureKind::Money || prev.unit.as_ref() == unit || prev.end > start {
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
