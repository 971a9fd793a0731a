//! Amounts: a number in digits, with a glued or spaced scale word (`5bn`,
//! `3 billion`), or in words ("forty-two", "two hundred and fifty", "half
//! a million", "two dozen").

use super::{Amt, Parser};
use crate::extract::figures::tokens::{is_hyphen, K};
use crate::extract::lexicon::{glued_scale, number_word, spaced_scale, NumberWord as Nw};

impl Parser<'_> {
    pub(super) fn amount(&self, i: usize) -> Option<Amt> {
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
}
