//! Extraction: quotes and figures from article text. Pure functions: text
//! in, values out, no I/O.

pub mod figures;
pub mod model;
pub mod quotes;
pub mod segment;
pub mod speakers;

use model::Extraction;

/// Extract every quote and figure from `text`.
pub fn extract(text: &str) -> Extraction {
    Extraction {
        quotes: quotes::quotes(text),
        figures: figures::figures(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every offset is a char boundary inside the text and the reported
    /// text is exactly the slice.
    fn check(text: &str) {
        let x = extract(text);
        for q in &x.quotes {
            assert!(q.start <= q.end && q.end <= text.len(), "{q:?}");
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            assert_eq!(&text[q.start..q.end], q.text);
        }
        for f in &x.figures {
            assert!(f.start <= f.end && f.end <= text.len(), "{f:?}");
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            assert_eq!(&text[f.start..f.end], f.text);
            if let Some(i) = f.linked_to {
                assert!(i < x.figures.len());
            }
        }
    }

    proptest! {
        #[test]
        fn offsets_hold_on_any_unicode(text in "\\PC{0,400}") {
            check(&text);
        }

        #[test]
        fn offsets_hold_on_news_like_soup(parts in proptest::collection::vec(prop_oneof![
            Just("\u{201c}"), Just("\u{201d}"), Just("\""), Just("'"), Just("\u{2018}"), Just("\u{2019}"),
            Just(" said "), Just("according to "), Just(" told "), Just(" that "), Just("Gen. "),
            Just("Alexander Bortnikov"), Just(" he "), Just("$45 million"), Just("nearly three billion rubles"),
            Just(" ("), Just(") "), Just(". "), Just(", "), Just(": "), Just("\n"), Just("\n\n"),
            Just("2016"), Just("-"), Just("\u{2014}"), Just("U.S."), Just("\u{0}"), Just("\u{5d0}\u{5d1}"),
            Just("more than"), Just(" 122 countries"), Just("October 31, 2016"),
        ], 0..80)) {
            check(&parts.concat());
        }
    }

    #[test]
    fn pathological_inputs_do_not_panic() {
        check(&"\u{201c}".repeat(100_000));
        check(&"\"".repeat(100_000));
        check(&"a".repeat(1_000_000));
        check(&"\u{0}said that\u{0}".repeat(10_000));
        check(&"\u{2018}\u{201c}".repeat(50_000));
    }
}
