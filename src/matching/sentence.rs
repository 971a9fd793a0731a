//! A small sentence splitter, enough to tell the narrator's sentences apart
//! and to measure how much of an article another one shares. It does not
//! depend on the extractor's segmenter so that matching stays usable on
//! any text and offsets.

use crate::extract::lexicon::is_month_abbreviation;

/// Words that end with a dot without ending a sentence (and the month
/// abbreviations of the lexicon's month table).
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = w.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "sen"
            | "rep"
            | "st"
            | "jr"
            | "sr"
            | "lt"
            | "col"
            | "gov"
            | "prof"
            | "adm"
            | "capt"
            | "sgt"
            | "no"
            | "vs"
            | "etc"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
    ) || is_month_abbreviation(&lower)
        || (w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
        // "U.S." or "D.C.": dots inside the word.
        || w.contains('.')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Byte spans of the sentences of `text`, trimmed of surrounding space.
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing marks after
/// it) followed by space and a capital, digit or opening mark; and at
/// every line break, so headlines and list lines stand alone.
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trimmed = seg.trim();
        if !trimmed.is_empty() {
            out.push((s + lead, s + lead + trimmed.len()));
        }
    };
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '\n' {
            push(start, i, &mut out);
            start = i + 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Swallow runs of terminators and closing marks.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // Need whitespace, then a sentence opener.
        let rest = &text[end..];
        let after_space = rest.trim_start_matches(|d: char| d.is_whitespace() && d != '\n');
        if after_space.len() == rest.len() {
            continue;
        }
        let next = after_space.chars().next();
        let opens = next.is_some_and(|d| {
            d.is_uppercase()
                || d.is_ascii_digit()
                || matches!(d, '"' | '“' | '‘' | '\'' | '(' | '[' | '\n' | '\r')
        });
        if !opens {
            continue;
        }
        if c == '.' {
            let word_start = text[..i]
                .char_indices()
                .rev()
                .find(|&(_, ch)| ch.is_whitespace())
                .map_or(0, |(p, ch)| p + ch.len_utf8());
            if is_abbreviation(&text[word_start..i]) {
                continue;
            }
        }
        push(start, end, &mut out);
        start = end;
    }
    push(start, text.len(), &mut out);
    out
}

/// The span of the sentence holding byte `at`, as [`split`] finds it: a
/// line break always ends a sentence, so only `at`'s line is split.
pub(crate) fn around(text: &str, at: usize) -> Option<(usize, usize)> {
    if !text.is_char_boundary(at) {
        return None;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
    split(&text[line_start..line_end])
        .into_iter()
        .map(|(a, b)| (line_start + a, line_start + b))
        .find(|&(a, b)| a <= at && at < b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn around_finds_what_split_finds() {
        let text = "Headline here\nHe said 5 people came. Then U.S. officials left! \
                    \"Why?\" she asked.\n\nLast line 7.";
        let spans = split(text);
        for (at, _) in text.char_indices() {
            let want = spans.iter().copied().find(|&(a, b)| a <= at && at < b);
            assert_eq!(around(text, at), want, "at {at}");
        }
        assert_eq!(around("é", 1), None);
    }

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splits_on_terminators_and_lines() {
        assert_eq!(
            sentences("Headline here\n\nGen. Bortnikov spoke. “We are ready,” he said. Then the U.S. Army left! Why?"),
            [
                "Headline here",
                "Gen. Bortnikov spoke.",
                "“We are ready,” he said.",
                "Then the U.S. Army left!",
                "Why?"
            ]
        );
    }

    #[test]
    fn keeps_quotes_with_their_terminator() {
        assert_eq!(
            sentences("He said: “It is over.” She left."),
            ["He said: “It is over.”", "She left."]
        );
        assert_eq!(sentences("Donald J. Trump won."), ["Donald J. Trump won."]);
    }

    #[test]
    fn wide_spaces_before_an_abbreviation() {
        // An ideographic or no-break space is several bytes long: the
        // abbreviation after it must still be read whole, without panicking.
        assert_eq!(
            sentences("He left.\u{3000}Gen. Smith spoke.\u{a0}Sen. Doe agreed."),
            ["He left.", "Gen. Smith spoke.", "Sen. Doe agreed."]
        );
    }
}
