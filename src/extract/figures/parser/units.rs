//! The unit after an amount: percent, a currency symbol, code or word (with
//! its adjective: "Canadian dollars"), or a duration.

use crate::extract::model::Currency;

use super::{Amt, Parser, UnitAt, BRL, EGP, GBP, KRW, MXN, PKR, USD, ZAR};
use crate::extract::figures::tokens::is_hyphen;
use crate::extract::lexicon::{
    currency_adjective, currency_sym, currency_word, duration_unit, iso_code,
};

impl Parser<'_> {
    /// The unit right after an amount ending at `k`: percent, currency word
    /// or symbol, duration. Returns the unit and the token after it.
    pub(super) fn unit_at(&self, k: usize, a: &Amt) -> (UnitAt, usize) {
        let n = self.n();
        if k >= n {
            return (UnitAt::None, k);
        }
        if let Some(c) = self.sym(k) {
            if c == '%' {
                return (UnitAt::Pct, k + 1);
            }
            if let Some(code) = currency_sym(c) {
                // "5€", "5 €" (continental style); not "5 $10" lists.
                if !self.is_num(k + 1) {
                    return (UnitAt::Cur(code), k + 1);
                }
            }
            // "a 50-percent stake".
            if is_hyphen(c) && self.adj(k) && self.adj(k + 1) && self.word_is(k + 1, b"percent") {
                return (UnitAt::Pct, k + 2);
            }
            // "two-hour", "45-year-old", "three-day".
            if (c == '-' || c == '‑') && self.adj(k) && self.adj(k + 1) && self.is_word(k + 1) {
                if let Some(u) = duration_unit(self.low(k + 1).b()) {
                    return (UnitAt::Dur(u), self.old_suffix(k + 2));
                }
            }
            return (UnitAt::None, k);
        }
        if !self.is_word(k) {
            return (UnitAt::None, k);
        }
        let glued = self.adj(k);
        let l = self.low(k);
        let w = l.b();
        if glued {
            // "5pc" (British percent).
            if w == b"pc" && !a.words {
                return (UnitAt::Pct, k + 1);
            }
            return (UnitAt::None, k);
        }
        match w {
            b"percent" | b"pct" => return (UnitAt::Pct, k + 1),
            b"per" if self.word_is(k + 1, b"cent") && self.spaced(k + 1) => {
                return (UnitAt::Pct, k + 2)
            }
            b"percentage"
                if self.spaced(k + 1) && matches!(self.low(k + 1).b(), b"point" | b"points") =>
            {
                return (UnitAt::Pct, k + 2)
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
                return (UnitAt::Cur(code), e);
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
            return (UnitAt::Cur(GBP), e);
        }
        if w == b"won" && a.scale.is_some() {
            return (UnitAt::Cur(KRW), k + 1);
        }
        if let Some(code) = iso_code(self.txt(k)) {
            return (UnitAt::Cur(code), k + 1);
        }
        if let Some(u) = duration_unit(w) {
            return (UnitAt::Dur(u), self.old_suffix(k + 1));
        }
        // "50 million US dollars", "3 billion Canadian dollars", "U.S. dollars".
        if let Some((code, e)) = self.adjective_currency(k) {
            return (UnitAt::Cur(code), e);
        }
        (UnitAt::None, k)
    }

    /// "US dollars", "U.S. dollars", "Hong Kong dollars", "Swiss francs".
    fn adjective_currency(&self, k: usize) -> Option<(Currency, usize)> {
        let raw = self.txt(k);
        let (adj_code, mut j) =
            if raw == "U" && self.sym(k + 1) == Some('.') && self.word_is(k + 2, b"S") {
                // "U.S." = U . S . (the final stop is optional)
                let mut j = k + 3;
                if self.sym(j) == Some('.') && self.adj(j) {
                    j += 1;
                }
                (Some(USD), j)
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
            b"pound" | b"pounds" => Some(GBP),
            b"won" => Some(KRW),
            _ => currency_word(w),
        }?;
        let code = match (adj_code, w) {
            (Some(c), b"dollar" | b"dollars" | b"dlr" | b"dlrs") => c,
            (Some(EGP), b"pound" | b"pounds") => EGP,
            (Some(PKR), b"rupee" | b"rupees") => PKR,
            (Some(MXN), b"peso" | b"pesos") => MXN,
            (Some(BRL), _) => BRL,
            (_, b"rand") => ZAR,
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
}
