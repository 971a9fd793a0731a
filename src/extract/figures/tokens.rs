//! Tokens: a line cut into words, numbers and single symbols, each with a
//! note of whether whitespace precedes it; the parsed digits of a number
//! token; and a word lower-cased on the stack.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum K {
    /// A run of letters (ASCII or any Unicode alphabetic char).
    Word,
    /// Digits, with optional `,ddd` groups and one decimal part.
    Num,
    /// Any other single non-space char.
    Sym(char),
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) k: K,
    /// Whitespace (or the start of the chunk) comes right before this token.
    pub(super) sp: bool,
}

/// Past this many tokens in one line, a chunk is cut after the next
/// sentence-ending mark; past the hard limit, at the next whitespace. This
/// only bounds the token buffer for pathological single-line inputs.
const SOFT_MAX_TOKS: usize = 16_384;
const HARD_MAX_TOKS: usize = 65_536;

/// Tokenise from `pos` to the end of the line (or a chunk limit); returns
/// where the next chunk starts. Always makes progress.
pub(super) fn lex_chunk(text: &str, pos: usize, toks: &mut Vec<Tok>) -> usize {
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
pub(super) struct NumInfo {
    /// All significant digits as an integer.
    pub(super) mant: u64,
    /// How many of them follow the decimal point.
    pub(super) frac: u32,
    /// Digits before the decimal point.
    pub(super) int_digits: usize,
    pub(super) commas: bool,
    /// More than one digit and a leading zero before any decimal point
    /// (`007`, `0100`): an identifier, not a quantity.
    pub(super) lead0: bool,
}

impl NumInfo {
    /// Digits only: no commas, no decimals.
    pub(super) fn plain(&self) -> bool {
        !self.commas && self.frac == 0
    }

    /// The value times `10^exp`, exact for ordinary inputs.
    pub(super) fn value(&self, exp: i32) -> f64 {
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
pub(super) fn num_info(s: &str) -> Option<NumInfo> {
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

/// A hyphen or a non-breaking hyphen.
pub(super) fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‑'
}
