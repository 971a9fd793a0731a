//! Where a finding is in the draft as the user wrote it: the line of the
//! file, also when the file is HTML or Markdown and the finding's offsets
//! point into the converted text.

use regex::Regex;

/// Words of a finding looked for in the source.
const WORDS: usize = 6;

/// The 1-based line of `text[start..]` in `text`.
fn line_in(text: &str, start: usize) -> usize {
    let mut at = start.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].matches('\n').count() + 1
}

/// A pattern for the first words of `words`, with anything a conversion
/// drops between them allowed: spaces, punctuation, tags and entities.
fn words_pattern(words: &str) -> Option<Regex> {
    let ws: Vec<String> = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(WORDS)
        .map(regex::escape)
        .collect();
    if ws.is_empty() {
        return None;
    }
    let gap = r"(?:[^\p{L}\p{N}<&]|<[^>]*>|&#?\w{1,10};?)+";
    Regex::new(&ws.join(gap)).ok()
}

/// The line in the source where the words at `text[start..end]` are:
/// the same occurrence of the words (the k-th in the converted text is
/// looked for as the k-th in the source). Without a source, or when the
/// words are not found there, the line in the converted text.
pub fn source_line(text: &str, source: Option<&str>, start: usize, end: usize) -> usize {
    let fallback = line_in(text, start);
    let Some(source) = source else {
        return fallback;
    };
    let Some(words) = text.get(start.min(end)..end) else {
        return fallback;
    };
    let Some(re) = words_pattern(words) else {
        return fallback;
    };
    let nth = re.find_iter(text).take_while(|m| m.start() < start).count();
    let found = re.find_iter(source).nth(nth).map(|m| m.start());
    found.map_or(fallback, |at| line_in(source, at))
}

#[cfg(test)]
mod tests {
    use super::source_line;

    #[test]
    fn lines_of_plain_text() {
        let t = "one\ntwo \"quoted words\"\nthree";
        let at = t.find("quoted").unwrap();
        assert_eq!(source_line(t, None, at, at + 12), 2);
    }

    #[test]
    fn lines_point_into_the_html_source() {
        let html = "<html>\n<body>\n<p>Intro.</p>\n<p>He said &ldquo;we <em>are</em>\nready&rdquo; today.</p>\n</body>";
        let text = "Intro.\n\nHe said “we are ready” today.";
        let at = text.find("we are").unwrap();
        assert_eq!(source_line(text, Some(html), at, at + 12), 4);
    }

    #[test]
    fn the_same_words_twice_keep_their_order() {
        let src = "<p>a</p>\n<p>50 people</p>\n<p>b</p>\n<p>50 people</p>";
        let text = "a\n\n50 people\n\nb\n\n50 people";
        let second = text.rfind("50 people").unwrap();
        assert_eq!(source_line(text, Some(src), second, second + 9), 4);
        let first = text.find("50 people").unwrap();
        assert_eq!(source_line(text, Some(src), first, first + 9), 2);
    }
}
