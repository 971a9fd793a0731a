//! Quantities: an amount with its currency prefix, unit, range, qualifier
//! and what it counts; among bare numbers, years, decades and counts.

use crate::extract::model::{Currency, DurationUnit, FigureKind, Unit};

use super::{Amt, Hit, Parser, UnitAt, INR, R};
use crate::extract::figures::tokens::K;
use crate::extract::lexicon::{
    currency_sym, dollar_prefix, is_figure_stop, iso_code, strong_count_noun, year_context,
    year_qualifier,
};

impl Parser<'_> {
    /// A currency prefix at `i`: the code and the token where the number
    /// starts.
    fn prefix_currency(&self, i: usize) -> (Option<Currency>, usize) {
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
                        return (Some(INR), j);
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
        cur: Option<Currency>,
        a1: &Amt,
    ) -> Option<(Amt, Option<Currency>)> {
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

    pub(super) fn quantity(&self, i: usize, floor: usize) -> R {
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
        let mut range: Option<(Amt, UnitAt, usize)> = None;
        if u1 == UnitAt::None {
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
                if u2 == u1 || (cur0.is_some() && u2 == UnitAt::None) {
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
            UnitAt::Pct => {
                hit.kind = FigureKind::Percent;
                hit.unit = Some(Unit::Percent);
            }
            UnitAt::Cur(c) => {
                hit.kind = FigureKind::Money;
                hit.unit = Some(Unit::Currency(cur0.unwrap_or(c)));
            }
            UnitAt::Dur(u) => {
                if a1.lone_one
                    && matches!(u, DurationUnit::Day | DurationUnit::Second)
                    && self.t[k1 - 1].sp
                {
                    // "one day" (some day), "one second" (a moment) are idioms.
                    return R::Miss;
                }
                hit.kind = FigureKind::Duration;
                hit.unit = Some(Unit::Duration(u));
            }
            UnitAt::None => {
                if let Some(c) = cur0 {
                    hit.kind = FigureKind::Money;
                    hit.unit = Some(Unit::Currency(c));
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
                    && !is_figure_stop(w.b())
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
        cur0: Option<Currency>,
        u: UnitAt,
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
            if cur0.is_none() && u == UnitAt::None {
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
            UnitAt::Pct => {
                hit.kind = FigureKind::Percent;
                hit.unit = Some(Unit::Percent);
            }
            UnitAt::Cur(c) => {
                hit.kind = FigureKind::Money;
                hit.unit = Some(Unit::Currency(cur0.unwrap_or(c)));
            }
            UnitAt::Dur(d) => {
                hit.kind = FigureKind::Duration;
                hit.unit = Some(Unit::Duration(d));
            }
            UnitAt::None => {
                if let Some(c) = cur0 {
                    hit.kind = FigureKind::Money;
                    hit.unit = Some(Unit::Currency(c));
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
}
