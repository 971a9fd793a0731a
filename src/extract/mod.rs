//! Extraction: quotes and figures from article text. Pure functions: text
//! in, values out, no I/O.

pub(crate) mod doc;
pub mod figures;
pub mod invisible;
pub mod lexicon;
pub mod model;
pub mod quotes;
pub mod segment;
pub mod speakers;
pub mod wrap;

use invisible::Folded;
use model::Extraction;

/// Extract every quote and figure from `text`.
///
/// The line breaks of hard-wrapped paragraphs read as spaces (see
/// [`wrap`]), no-break spaces between the parts of a name and zero-width
/// characters or soft hyphens inside one are folded away (see
/// [`invisible`]), so "Jane\nDoe", "Anna\u{a0}Berg" and "Be\u{200b}rg" are
/// the speakers "Jane Doe" and "Anna Berg"; offsets and `text` fields still
/// refer to `text` as given.
pub fn extract(text: &str) -> Extraction {
    on_readable(text, |t| Extraction {
        quotes: quotes::scan(t),
        figures: figures::figures(t),
    })
}

/// Run `extract` on the text as it reads (soft line breaks as spaces,
/// invisible characters folded) and move what it finds back onto `text`:
/// offsets mapped, `text` fields re-sliced from `text`.
pub(crate) fn on_readable(text: &str, extract: impl Fn(&str) -> Extraction) -> Extraction {
    let soft = wrap::soften_breaks(text);
    // Same length as `text`: its offsets are `text`'s.
    let base = soft.as_deref().unwrap_or(text);
    let mut x = match Folded::of(base) {
        None => extract(base),
        Some(folded) => {
            // Restoring re-slices every `text` from `text` itself.
            let mut x = extract(&folded.text);
            folded.restore(text, &mut x);
            return x;
        }
    };
    if soft.is_some() {
        for q in &mut x.quotes {
            q.text = text[q.start..q.end].to_string();
        }
        for f in &mut x.figures {
            f.text = text[f.start..f.end].to_string();
        }
    }
    x
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
            Just("\u{a0}"), Just("\u{202f}"), Just("\u{200b}"), Just("\u{ad}"), Just("\u{feff}"),
            Just("Anna\u{a0}Be\u{200d}rg"),
        ], 0..80)) {
            check(&parts.concat());
        }
    }

    /// A sentence with `NAME` replaced by `name`.
    fn with_name(name: &str) -> String {
        "The plan is working, \u{201c}we are confident of it,\u{201d} NAME said on Monday. \
         NAME told reporters that costs rose to $45\u{a0}million in 2021.\n\n\
         \u{201c}It is a good day,\u{201d} said NAME, a spokeswoman."
            .replace("NAME", name)
    }

    // A no-break space between the parts of a name, or a zero-width
    // character inside one, made another speaker or none.
    #[test]
    fn invisible_characters_do_not_change_the_speaker() {
        let plain = extract(&with_name("Anna Berg"));
        assert_eq!(plain.quotes.len(), 3, "{plain:#?}");
        for q in &plain.quotes {
            assert_eq!(q.speaker.as_deref(), Some("Anna Berg"), "{q:?}");
        }
        for name in [
            "Anna\u{a0}Berg",
            "Anna\u{202f}Berg",
            "Anna\u{2007}Berg",
            "Anna Be\u{200b}rg",
            "Anna Be\u{200c}rg",
            "Anna Be\u{200d}rg",
            "An\u{2060}na Berg",
            "\u{feff}Anna Berg",
            "Anna Be\u{ad}rg",
            "Anna\u{a0}\u{200b}Be\u{ad}rg\u{200b}",
        ] {
            let text = with_name(name);
            let x = extract(&text);
            check(&text);
            assert_eq!(x.quotes.len(), plain.quotes.len(), "{name:?}: {x:#?}");
            for (q, p) in x.quotes.iter().zip(&plain.quotes) {
                assert_eq!(q.speaker, p.speaker, "{name:?}: {q:?}");
                assert_eq!(q.speaker_as_written, p.speaker_as_written, "{name:?}");
                assert_eq!(q.speaker_title, p.speaker_title, "{name:?}");
                assert_eq!(q.cue, p.cue, "{name:?}");
                assert_eq!(q.kind, p.kind, "{name:?}");
                assert_eq!(q.text, p.text, "{name:?}");
            }
            let figures = |x: &Extraction| -> Vec<(Option<f64>, Option<model::Unit>)> {
                x.figures
                    .iter()
                    .map(|f| (f.value, f.unit.clone()))
                    .collect()
            };
            assert_eq!(figures(&x), figures(&plain), "{name:?}");
            // quotes() alone gives what extract() gives.
            assert_eq!(quotes::quotes(&text), x.quotes, "{name:?}");
        }
    }

    // Quote and figure text is the original's, invisible characters and
    // all; only the speaker fields are folded.
    #[test]
    fn invisible_characters_stay_in_the_text_they_sit_in() {
        let text = "\u{201c}We are\u{a0}ready for\u{200b} it,\u{201d} Anna\u{a0}Berg said of the $45\u{a0}million deal.";
        let x = extract(text);
        check(text);
        let q = &x.quotes[0];
        assert_eq!(q.text, "We are\u{a0}ready for\u{200b} it");
        assert_eq!(q.speaker.as_deref(), Some("Anna Berg"));
        assert_eq!(q.speaker_as_written.as_deref(), Some("Anna Berg"));
        let f = &x.figures[0];
        assert_eq!(f.text, "$45\u{a0}million");
        assert_eq!(f.value, Some(45e6));
    }

    #[test]
    fn pathological_inputs_do_not_panic() {
        check(&"\u{201c}".repeat(100_000));
        check(&"\"".repeat(100_000));
        check(&"a".repeat(1_000_000));
        check(&"\u{0}said that\u{0}".repeat(10_000));
        check(&"\u{2018}\u{201c}".repeat(50_000));
    }

    /// `text` wrapped at 70 columns, each paragraph (a line of `text`)
    /// separated from the next by `sep`.
    fn wrap70(text: &str, sep: &str) -> String {
        let mut out = Vec::new();
        for para in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut lines: Vec<String> = vec![String::new()];
            for word in para.split(' ') {
                let last = lines.last_mut().unwrap();
                if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > 70 {
                    lines.push(word.to_string());
                } else {
                    if !last.is_empty() {
                        last.push(' ');
                    }
                    last.push_str(word);
                }
            }
            out.push(lines.join("\n"));
        }
        out.join(sep) + "\n"
    }

    /// What extraction found, in order, with whitespace runs as one space.
    fn summary(x: &Extraction) -> Vec<String> {
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let quotes = x.quotes.iter().map(|q| {
            format!(
                "{:?} {:?} {:?} {:?} {}",
                q.kind,
                q.speaker,
                q.speaker_title,
                q.cue,
                norm(&q.text)
            )
        });
        let figures = x.figures.iter().map(|f| {
            format!(
                "{:?} {:?} {:?} {:?} {}",
                f.kind,
                f.value,
                f.unit,
                f.qualifier,
                norm(&f.text)
            )
        });
        quotes.chain(figures).collect()
    }

    #[test]
    fn hard_wrapped_seeds_give_what_the_seeds_give() {
        // Broke: a line break inside a wrapped paragraph cut names, quotes
        // and figure phrases ("Jane\nDoe" gave "Jane").
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut seeds = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // One paragraph per line, as the wrapped copies are made.
            let flat: String = text
                .split("\n\n")
                .map(|p| p.replace('\n', " "))
                .collect::<Vec<_>>()
                .join("\n");
            let want = summary(&extract(&flat));
            // Paragraphs apart by a blank line, as wire copy has them. (With
            // no blank line, a headline that fills a line reads as wrapped.)
            let wrapped = wrap70(&flat, "\n\n");
            check(&wrapped);
            assert_eq!(summary(&extract(&wrapped)), want, "{}", path.display());
            seeds += 1;
        }
        assert_eq!(seeds, 5);
    }
}
