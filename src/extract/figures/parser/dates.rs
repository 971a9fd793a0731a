//! Dates: month first, day first and ISO 8601, with or without the day;
//! decades written with two digits ("'90s").

use crate::extract::model::FigureKind;

use super::{Hit, Parser, R};
use crate::extract::figures::calendar::{calendar_date, days_in_month, month};

impl Parser<'_> {
    /// "October 31, 2016", "Oct. 31, 2016", "October 2016", "July of 2018";
    /// a month and day without a year is consumed without a figure.
    pub(super) fn date_month_first(&self, i: usize, m: u32, abbr: bool) -> R {
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
    pub(super) fn date_num_first(&self, i: usize) -> R {
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
    pub(super) fn year_tok_raw(&self, i: usize) -> Option<u32> {
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
    pub(super) fn short_decade(&self, i: usize) -> R {
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
}
