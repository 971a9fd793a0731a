//! Hard-wrapped text: wire copy, email and plain-text archives break lines
//! at about 70 characters inside a paragraph, which splits names ("Jane\nDoe"),
//! quotes and figure phrases ("40 mln\ndlrs") across lines.
//!
//! Extraction reads such a line break as the space it stands for. The copy
//! it reads has each soft break replaced by spaces of the same length, so
//! every offset found in it is an offset into the original as well.

/// A wrapped paragraph's lines, all but its last, are at least this long
/// (in characters): filled up to the wrap width, give or take a word.
const FILLED: usize = 40;

/// ... and at most this long: wrapping is at 60 to 80 columns. A text with
/// one paragraph per line has longer lines, and its breaks stay.
const WIDTH: usize = 100;

/// A copy of `text` with the soft line breaks of its wrapped blocks (and a
/// `\r` before them) replaced by spaces, or `None` when it has none. A block
/// (lines between blank lines) is wrapped when no line is longer than
/// [`WIDTH`] characters and most lines but the last are at least [`FILLED`]
/// long. In it, the break after a line is soft when the line is filled —
/// the next line's first word would not have fitted on it within the
/// block's width — unless the next line opens a block of its own (a list
/// item, a heading, a quote block, a table row); the break after a line
/// that had room ends a paragraph and stays. One pass, linear in the text.
pub fn soften_breaks(text: &str) -> Option<String> {
    let mut out: Option<Vec<u8>> = None;
    // (start, end of content without `\r`, position of its `\n`)
    let mut para: Vec<(usize, usize, usize)> = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    loop {
        let nl = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map(|o| start + o);
        let end = nl.unwrap_or(bytes.len());
        let content_end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        if text[start..content_end].trim().is_empty() {
            soften(text, &para, &mut out);
            para.clear();
        } else {
            para.push((start, content_end, end));
        }
        match nl {
            Some(nl) => start = nl + 1,
            None => break,
        }
    }
    soften(text, &para, &mut out);
    // Only ASCII bytes were replaced, by ASCII: still UTF-8.
    out.map(|b| String::from_utf8(b).unwrap_or_else(|_| text.to_string()))
}

/// Make the soft breaks of one block spaces, if it is wrapped.
fn soften(text: &str, para: &[(usize, usize, usize)], out: &mut Option<Vec<u8>>) {
    let Some((_, inner)) = para.split_last() else {
        return;
    };
    if inner.is_empty() {
        return;
    }
    let width = |&(s, e, _): &(usize, usize, usize)| {
        let line = text[s..e].trim_end();
        // Bytes bound characters from above: count only when it matters.
        if line.len() < FILLED {
            line.len()
        } else {
            line.chars().count()
        }
    };
    let widths: Vec<usize> = para.iter().map(width).collect();
    let filled = widths[..inner.len()]
        .iter()
        .filter(|&&w| w >= FILLED)
        .count();
    if widths.iter().any(|&w| w > WIDTH) || 2 * filled < inner.len() {
        return;
    }
    // The wrap width: the longest line. A greedy wrapper breaks a line only
    // when the next word would not fit on it; a line the next word would
    // have fitted on ended its paragraph.
    let wrap = widths.iter().copied().max().unwrap_or(0);
    for (k, &(_, content_end, nl)) in inner.iter().enumerate() {
        let (next_start, next_end, _) = para[k + 1];
        let next = text[next_start..next_end].trim_start();
        let next_word = next.split(char::is_whitespace).next().unwrap_or("");
        let fits = widths[k] + 1 + next_word.chars().count() <= wrap;
        if widths[k] < FILLED || fits || starts_block(next) {
            continue;
        }
        let buf = out.get_or_insert_with(|| text.as_bytes().to_vec());
        for b in &mut buf[content_end..=nl] {
            *b = b' ';
        }
    }
}

/// Whether a line opens a block of its own: a list item, a Markdown heading
/// or quote block, a table row.
fn starts_block(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '+' | '•' | '#' | '>' | '|') => {
            matches!(chars.next(), Some(' ' | '#' | '-' | '|') | None)
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            digits <= 3 && matches!(line.as_bytes().get(digits..digits + 2), Some(b". " | b") "))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_inside_wrapped_paragraphs_become_spaces() {
        let text = "Headline of the story\nBy Jane Reporter\n\n\
                    The minister, who spoke on condition that he not be named, told\n\
                    reporters on Sunday that the talks with the union led by Jane\r\n\
                    Doe would resume.\n\
                    A new paragraph starts on the next line without a blank line.\n\n\
                    - first item of a list that is long enough to be filled\n\
                    - second item\n";
        let soft = soften_breaks(text).unwrap();
        assert_eq!(soft.len(), text.len());
        assert!(soft.contains("told reporters"));
        assert!(soft.contains("Jane  Doe"));
        // A line with room left for the next word ended its paragraph.
        assert!(soft.contains("resume.\nA new"));
        // Short lines keep their breaks; so do list items and blank lines.
        assert!(soft.starts_with("Headline of the story\nBy Jane Reporter\n\n"));
        assert!(soft.contains("filled\n- second"));
    }

    #[test]
    fn one_paragraph_per_line_is_not_wrapped_text() {
        let long = "A paragraph written on one line, as web pages and many archives give it, runs well past any wrap width.";
        let text = format!("{long}\n{long}\n{long}\n");
        assert_eq!(soften_breaks(&text), None);
    }

    #[test]
    fn unwrapped_text_is_left_alone() {
        assert_eq!(
            soften_breaks("One paragraph on one line, however long it may be.\n\nNext.\n"),
            None
        );
        assert_eq!(soften_breaks(""), None);
        assert_eq!(soften_breaks("\n\n\n"), None);
        let list = "A list of things that we are going to go through now:\n1. first\n2) second\n";
        assert_eq!(soften_breaks(list), None);
    }
}
