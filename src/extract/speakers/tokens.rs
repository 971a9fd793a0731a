//! Tokens: a window of text cut into words and punctuation, as byte
//! ranges into the text, with abbreviations and initials keeping their
//! full stop (`Gen.`, `J.`, `U.S.`).

use super::words::{has, F_DOT_ABBR};
use crate::extract::lexicon::is_month_abbreviation;

/// A token of a window of text: a word or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Byte offset of the first byte.
    pub s: usize,
    /// Byte offset one past the last byte.
    pub e: usize,
    /// A word (letters, digits, inner `.'’-&`) rather than punctuation.
    pub word: bool,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        // General punctuation: quotation marks, dashes, spaces.
        false
    } else {
        c.is_alphanumeric()
    }
}

fn is_inner_char(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '‑' | '&')
}

/// Tokenise `text[lo..hi]` into words and punctuation (whitespace dropped).
///
/// Words keep a final `.` only when they are abbreviations or initials
/// (`Gen.`, `J.`, `U.S.`); a trailing apostrophe (`Coats’`) is split off.
pub fn tokenize(text: &str, lo: usize, hi: usize, out: &mut Vec<Tok>) {
    out.clear();
    let hi = hi.min(text.len());
    if lo >= hi || !text.is_char_boundary(lo) || !text.is_char_boundary(hi) {
        return;
    }
    let bytes = text.as_bytes();
    let mut i = lo;
    while i < hi {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            char_at(text, i)
        };
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                s: i,
                e: i + len,
                word: false,
            });
            i += len;
            continue;
        }
        let s = i;
        let mut e = i + len;
        while e < hi {
            let b2 = bytes[e];
            if b2.is_ascii_alphanumeric() {
                e += 1;
                continue;
            }
            let (c2, l2) = if b2 < 0x80 {
                (b2 as char, 1)
            } else {
                char_at(text, e)
            };
            if is_word_char(c2) {
                e += l2;
            } else if c2 == ','
                && bytes[e - 1].is_ascii_digit()
                && e + 1 < hi
                && bytes[e + 1].is_ascii_digit()
            {
                // Thousands separator: "3,000".
                e += 1;
            } else if is_inner_char(c2) {
                // Inner punctuation stays when a word character follows; a
                // final dot stays on abbreviations and initials.
                let n = e + l2;
                let next_word = n < hi && {
                    let b3 = bytes[n];
                    if b3 < 0x80 {
                        b3.is_ascii_alphanumeric()
                    } else {
                        is_word_char(char_at(text, n).0)
                    }
                };
                if next_word {
                    e = n;
                } else {
                    if c2 == '.' && keeps_final_dot(&text[s..e]) {
                        e += 1;
                    }
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Tok { s, e, word: true });
        i = e;
    }
}

/// The (non-ASCII) character at byte `i` and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

/// Does the word keep a final full stop as part of itself (`Gen.`, `J.`,
/// `U.S.`, `Jan.`)?
fn keeps_final_dot(w: &str) -> bool {
    let mut ch = w.chars();
    if let (Some(c), None) = (ch.next(), ch.next()) {
        return c.is_uppercase();
    }
    if w.contains('.') {
        return true;
    }
    has(w, F_DOT_ABBR) || is_month_abbreviation(w)
}

pub(super) fn wl<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.s..t.e]
}
