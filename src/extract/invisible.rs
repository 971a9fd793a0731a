//! Invisible characters: no-break spaces between the parts of a name and
//! zero-width characters or soft hyphens inside one.
//!
//! Web pages and wire copy put them in names ("Anna\u{a0}Berg",
//! "Be\u{200b}rg"), where they split a name or make it a different one.
//! Extraction runs on a [`Folded`] copy of the text, with no-break spaces
//! made plain spaces and the zero-width characters removed, and every
//! offset it finds is mapped back into the original text, so quotes and
//! figures still slice the text the caller has.

use crate::extract::model::{Extraction, Figure, Quote};

/// What folding does with `c`: `Some(Some(' '))` for a no-break space,
/// `Some(None)` for a character it removes, `None` to keep it.
fn fold(c: char) -> Option<Option<char>> {
    match c {
        // No-break space, figure space, narrow no-break space.
        '\u{a0}' | '\u{2007}' | '\u{202f}' => Some(Some(' ')),
        // Zero-width space, non-joiner and joiner, word joiner, byte order
        // mark (zero-width no-break space), soft hyphen.
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => Some(None),
        _ => None,
    }
}

fn is_removed(c: char) -> bool {
    fold(c) == Some(None)
}

/// Whether `text` holds any character [`Folded`] changes. A scan of bytes:
/// every such character starts with 0xC2, 0xE2 or 0xEF in UTF-8, and only
/// those lead bytes are looked at further.
pub fn has_invisible(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &lead)| match lead {
        // U+00A0, U+00AD
        0xC2 => matches!(b.get(i + 1), Some(0xA0 | 0xAD)),
        // U+2007, U+200B..U+200D, U+202F; U+2060
        0xE2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x87 | 0x8B..=0x8D | 0xAF)) | (Some(0x81), Some(0xA0))
        ),
        // U+FEFF
        0xEF => matches!((b.get(i + 1), b.get(i + 2)), (Some(0xBB), Some(0xBF))),
        _ => false,
    })
}

/// A text with its invisible characters folded, and the way back to the
/// original's offsets.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text: no-break spaces made `' '`; zero-width characters
    /// and soft hyphens removed.
    pub text: String,
    /// After each folded character: its end in `text` and in the original.
    /// Between two marks the texts are the same bytes.
    marks: Vec<(usize, usize)>,
}

impl Folded {
    /// Fold `original`, or `None` when it has nothing to fold (the usual
    /// case, found without allocating).
    pub fn of(original: &str) -> Option<Folded> {
        if !has_invisible(original) {
            return None;
        }
        let mut text = String::with_capacity(original.len());
        let mut marks = Vec::new();
        let mut kept = 0;
        for (i, c) in original.char_indices() {
            let Some(to) = fold(c) else { continue };
            text.push_str(&original[kept..i]);
            if let Some(to) = to {
                text.push(to);
            }
            kept = i + c.len_utf8();
            marks.push((text.len(), kept));
        }
        text.push_str(&original[kept..]);
        Some(Folded { text, marks })
    }

    /// The original offset of folded offset `p`, after any characters
    /// removed at `p`.
    fn after(&self, p: usize) -> usize {
        // The last mark at or before `p`: with several removed characters
        // in a row they all end at `p`, and the last one is past them all.
        match self.marks.partition_point(|&(f, _)| f <= p) {
            0 => p,
            k => {
                let (f, o) = self.marks[k - 1];
                o + (p - f)
            }
        }
    }

    /// The original span of the folded span `start..end`: removed
    /// characters at either edge are left outside, those inside are kept.
    /// Both ends are char boundaries of `original` when they are of the
    /// folded text.
    pub fn span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let s = self.after(start);
        let mut e = self.after(end);
        while e > s {
            match original[..e].chars().next_back() {
                Some(c) if is_removed(c) => e -= c.len_utf8(),
                _ => break,
            }
        }
        (s, e)
    }

    /// Move quotes found in the folded text onto `original`: offsets mapped
    /// back and text re-sliced; speakers, titles and cues stay folded.
    pub fn restore_quotes(&self, original: &str, quotes: &mut [Quote]) {
        for q in quotes {
            (q.start, q.end) = self.span(original, q.start, q.end);
            q.text = original[q.start..q.end].to_string();
        }
    }

    /// Move figures found in the folded text onto `original`, as
    /// [`Folded::restore_quotes`] does for quotes.
    pub fn restore_figures(&self, original: &str, figures: &mut [Figure]) {
        for f in figures {
            (f.start, f.end) = self.span(original, f.start, f.end);
            f.text = original[f.start..f.end].to_string();
        }
    }

    /// Move a whole extraction of the folded text onto `original`.
    pub fn restore(&self, original: &str, x: &mut Extraction) {
        self.restore_quotes(original, &mut x.quotes);
        self.restore_figures(original, &mut x.figures);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_and_maps_back() {
        // (original, folded, a word of the folded text and where it is in
        // the original)
        let table = [
            ("Anna\u{a0}Berg said", "Anna Berg said", "Berg", "Berg"),
            (
                "Anna\u{202f}Berg said",
                "Anna Berg said",
                "Anna Berg",
                "Anna\u{202f}Berg",
            ),
            (
                "Anna\u{2007}Berg",
                "Anna Berg",
                "Anna Berg",
                "Anna\u{2007}Berg",
            ),
            (
                "Anna Be\u{200b}rg said",
                "Anna Berg said",
                "Berg",
                "Be\u{200b}rg",
            ),
            ("Anna Be\u{ad}rg said", "Anna Berg said", "said", "said"),
            (
                "An\u{200c}\u{200d}na",
                "Anna",
                "Anna",
                "An\u{200c}\u{200d}na",
            ),
            ("\u{feff}Anna\u{2060}", "Anna", "Anna", "Anna"),
            ("x \u{200b}Anna\u{200b} y", "x Anna y", "Anna", "Anna"),
            ("“Yes,\u{a0}” Berg", "“Yes, ” Berg", "Berg", "Berg"),
        ];
        for (original, folded, word, want) in table {
            let f = Folded::of(original).expect(original);
            assert_eq!(f.text, folded, "{original:?}");
            let s = f.text.find(word).unwrap();
            let (a, b) = f.span(original, s, s + word.len());
            assert_eq!(&original[a..b], want, "{original:?}");
        }
    }

    #[test]
    fn nothing_to_fold() {
        for text in [
            "",
            "Anna Berg said",
            "“Yes,” — ‘no’ … ü € \u{2009}",
            "\u{c2}",
        ] {
            assert!(!has_invisible(text), "{text:?}");
            assert!(Folded::of(text).is_none());
        }
    }

    #[test]
    fn an_empty_span_at_a_removed_character_stays_empty() {
        let original = "ab\u{200b}cd";
        let f = Folded::of(original).unwrap();
        let (s, e) = f.span(original, 2, 2);
        assert_eq!(s, e);
        assert!(original.is_char_boundary(s));
    }

    proptest! {
        #[test]
        fn the_byte_check_agrees_with_the_chars(text in "[a \u{a0}\u{ad}\u{2007}-\u{2010}\u{2028}-\u{2030}\u{205f}-\u{2061}\u{feff}\u{fefe}“”é]{0,20}") {
            prop_assert_eq!(has_invisible(&text), text.chars().any(|c| fold(c).is_some()));
        }

        #[test]
        fn spans_map_to_char_boundaries_in_order(text in "[a \u{a0}\u{ad}\u{200b}\u{200d}\u{202f}\u{feff}é]{0,24}") {
            if let Some(f) = Folded::of(&text) {
                prop_assert!(!has_invisible(&f.text));
                let bounds: Vec<usize> = (0..=f.text.len()).filter(|&i| f.text.is_char_boundary(i)).collect();
                for (k, &s) in bounds.iter().enumerate() {
                    for &e in &bounds[k..] {
                        let (a, b) = f.span(&text, s, e);
                        prop_assert!(a <= b && b <= text.len());
                        prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                        // The original span folds to the folded one.
                        let back: String = text[a..b].chars().filter_map(|c| match fold(c) {
                            None => Some(c),
                            Some(to) => to,
                        }).collect();
                        prop_assert_eq!(back.as_str(), &f.text[s..e]);
                    }
                }
            }
        }
    }
}
