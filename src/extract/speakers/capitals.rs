//! Scans for capitalised words: single capitalised words and runs of them
//! (candidate names), read from the bytes of the text or from tokens, for
//! the name index.

use std::ops::Range;

use super::tokens::{wl, Tok};
use super::words::{has_exact, is_acronym, is_cap, is_particle, strip_possessive, F_PARTICLE};
use crate::extract::lexicon::RUN_PARTICLE_PREFIXES;

/// Call `f` with the byte range of every capitalised word in `lo..hi`.
pub(super) fn for_each_cap_word(text: &str, lo: usize, hi: usize, mut f: impl FnMut(Range<usize>)) {
    let bytes = text.as_bytes();
    // Callers may bound the scan inside a character; words are whole.
    let hi = ceil_char(text, hi);
    let mut i = lo;
    while i < hi {
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let we = skip_word(text, i, hi);
        if c.is_uppercase() {
            f(i..we);
        }
        i = we;
    }
}

pub(super) fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// Skip the word starting at `i` (letters, digits, inner `.'’-&`).
fn skip_word(text: &str, i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let mut k = i;
    while k < end {
        let c = b[k];
        if c.is_ascii_alphanumeric() {
            k += 1;
        } else if c < 0x80 {
            let inner = matches!(c, b'.' | b'\'' | b'-' | b'&');
            if inner && k + 1 < end && b[k + 1].is_ascii_alphanumeric() {
                k += 1;
            } else {
                break;
            }
        } else {
            let ch = text[k..].chars().next().unwrap_or(' ');
            if ch.is_alphanumeric()
                || (ch == '’'
                    && text
                        .get(k + 3..end)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|d| d.is_alphanumeric()))
            {
                k += ch.len_utf8();
            } else {
                break;
            }
        }
    }
    k.max(i + 1).min(end)
}

/// Token index one past the run of capitalised words (with initials and
/// name particles) that starts at token 0; a possessive ends the run.
pub(super) fn run_end(text: &str, toks: &[Tok]) -> usize {
    let n = toks.len();
    let mut e = 0;
    while e < n && toks[e].word {
        let w2 = wl(text, &toks[e]);
        let ok = is_cap(w2)
            || is_acronym(w2)
            || (e > 0
                && is_particle(w2)
                && e + 1 < n
                && toks[e + 1].word
                && is_cap(wl(text, &toks[e + 1])));
        if !ok {
            break;
        }
        e += 1;
        if strip_possessive(w2).1 {
            break;
        }
    }
    e
}

/// Byte ranges of runs of two or more capitalised words (joined by single
/// spaces, name particles allowed between them): candidate names. One pass
/// over the bytes; lower-case words are skipped without decoding.
pub(super) fn cap_runs(text: &str, out: &mut Vec<Range<usize>>) {
    let b = text.as_bytes();
    let n = b.len();
    let upper_at = |i: usize| -> bool {
        if i >= n {
            return false;
        }
        let c = b[i];
        if c < 0x80 {
            c.is_ascii_uppercase()
        } else {
            text.is_char_boundary(i) && text[i..].chars().next().is_some_and(|ch| ch.is_uppercase())
        }
    };
    // End of the word starting at `i`: the next space or separator (a
    // curly apostrophe stays inside: "Obama’s").
    let word_end = |mut i: usize| -> usize {
        while i < n {
            let c = b[i];
            if matches!(
                c,
                b' ' | b'\n'
                    | b'\t'
                    | b'\r'
                    | b','
                    | b';'
                    | b':'
                    | b'!'
                    | b'?'
                    | b'('
                    | b')'
                    | b'['
                    | b']'
                    | b'"'
                    | b'/'
            ) {
                break;
            }
            if c == 0xE2
                && i + 2 < n
                && b[i + 1] == 0x80
                && matches!(b[i + 2], 0x9C | 0x9D | 0x98 | 0x94 | 0x93)
            {
                break;
            }
            i += 1;
        }
        i
    };
    let word_start = |i: usize| -> bool {
        if i == 0 {
            return true;
        }
        let p = b[i - 1];
        if p < 0x80 {
            !p.is_ascii_alphanumeric() && p != b'\'' && p != b'-'
        } else {
            text.is_char_boundary(i)
                && !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|ch| ch.is_alphanumeric() || ch == '’')
        }
    };
    // A name particle and its space ("von der Leyen"): the end of the
    // particle's lower-case letters, if a space follows them.
    let particle_end = |j: usize| -> Option<usize> {
        let k = j + b[j..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        (k > j && b.get(k) == Some(&b' ') && has_exact(&text[j..k], F_PARTICLE)).then_some(k + 1)
    };
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c < 0x80 && !c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if !(upper_at(i) && word_start(i)) {
            i = word_end(i).max(i + 1);
            continue;
        }
        let s = i;
        let mut e = word_end(i);
        let mut words = 1;
        // One space, an optional particle, then a capitalised word.
        while e + 1 < n && b[e] == b' ' {
            let mut j = e + 1;
            if let Some(k) = particle_end(j) {
                j = k;
            }
            let hyphen_particle = RUN_PARTICLE_PREFIXES
                .iter()
                .any(|p| b[j..].starts_with(p.as_bytes()) && upper_at(j + p.len()));
            if !(upper_at(j) || hyphen_particle) {
                break;
            }
            e = word_end(j).max(j + 1);
            words += 1;
        }
        if words >= 2 {
            out.push(s..e);
        }
        i = e.max(i + 1);
    }
}
