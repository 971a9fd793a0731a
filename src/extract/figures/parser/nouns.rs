//! The counted noun phrase after a number ("122 countries", "12 Russian
//! military intelligence officials") and whether a word is plural.

use super::Parser;
use crate::extract::figures::calendar::month;
use crate::extract::figures::tokens::Low;
use crate::extract::lexicon::{
    duration_unit, irregular_plural, is_figure_stop, not_plural, number_word,
};

impl Parser<'_> {
    /// The plural noun phrase right after a number at token `k`, as a token
    /// range ending at its first plural word ("Russian military intelligence
    /// officials", "people").
    pub(super) fn count_np(&self, k: usize) -> Option<(usize, usize)> {
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
            if is_figure_stop(w)
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
                    && !is_figure_stop(self.low(e).b())
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
}
