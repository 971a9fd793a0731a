//! Output for people: aligned tables, and text made safe for a terminal.

pub mod claims;
pub mod csv;
pub mod diff;

use std::fmt::Write;

/// Replace control characters (terminal escapes among them) so that text
/// from articles cannot drive the terminal; newlines become spaces.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if is_unsafe(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Characters that must not reach a terminal raw: C0 and C1 controls and
/// DEL (escape sequences, window titles, clearing the screen), and the
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), which reorder what follows them on the line.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text for a terminal: as [`sanitize`], but line breaks and tabs kept,
/// and colour codes (SGR: `ESC [ digits ; … m`, which only set colour and
/// weight) left alone for the reports that colour their output.
/// Everything the commands print for people passes through it.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c != '\n' && c != '\t' && is_unsafe(c);
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' {
            let sgr = rest[1..].strip_prefix('[').and_then(|r| {
                let n = r.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
                (r.as_bytes()[n] == b'm').then_some(n + 3)
            });
            if let Some(len) = sgr {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        out.push(if bad(c) { '\u{fffd}' } else { c });
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// JSON text with the characters of [`is_unsafe`] that JSON allows raw
/// (C1 controls, DEL, bidirectional controls) written as `\uXXXX`
/// escapes: the same values for a JSON reader, nothing live for a
/// terminal. Outside strings JSON text is ASCII, so only strings change.
pub fn json_safe(json: String) -> String {
    if !json.chars().any(is_unsafe) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Shorten `s` to at most `max` characters, marking the cut with "…".
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A plain table: a header row, then rows, columns padded to fit. Cells
/// are sanitised and cut to `max_width` characters.
pub fn table(headers: &[&str], rows: &[Vec<String>], max_width: usize) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| truncate(&sanitize(c), max_width))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, row: &[String]| {
        let n = row.len().min(widths.len());
        for (i, c) in row.iter().take(n).enumerate() {
            if i + 1 == n {
                out.push_str(c);
            } else {
                let pad = widths[i] - c.chars().count();
                let _ = write!(out, "{c}{}  ", " ".repeat(pad));
            }
        }
        out.push('\n');
    };
    let head: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    line(&mut out, &head);
    for row in &cells {
        line(&mut out, row);
    }
    out
}

/// `Some(x)` as text, `None` as "-".
pub fn or_dash<T: ToString>(v: &Option<T>) -> String {
    v.as_ref()
        .map_or_else(|| "-".to_string(), |x| x.to_string())
}

/// A count with its noun: "1 article", "2 articles", "0 claims". `plural`
/// is the noun for any number but one.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// [`count`] for nouns whose plural adds an "s".
pub fn counted(n: usize, noun: &str) -> String {
    count(n, noun, &format!("{noun}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_strips_escapes() {
        assert_eq!(sanitize("a\x1b[31mb\nc"), "a\u{fffd}[31mb c");
        // Broke: C1 CSI and the right-to-left override reached the terminal.
        assert_eq!(sanitize("a\u{9b}2Jb\u{202e}c"), "a\u{fffd}2Jb\u{fffd}c");
        assert_eq!(
            terminal_safe("a\n\tb\u{2066}\u{1b}"),
            "a\n\tb\u{fffd}\u{fffd}"
        );
        assert_eq!(
            terminal_safe("\u{1b}[1;31mred\u{1b}[0m \u{1b}]0;title\u{7} \u{1b}[2J"),
            "\u{1b}[1;31mred\u{1b}[0m \u{fffd}]0;title\u{fffd} \u{fffd}[2J"
        );
    }

    #[test]
    fn counts_agree_with_their_number() {
        use super::{count, counted};
        assert_eq!(counted(0, "article"), "0 articles");
        assert_eq!(counted(1, "article"), "1 article");
        assert_eq!(counted(2, "contested claim"), "2 contested claims");
        assert_eq!(count(1, "new pair", "new pairs"), "1 new pair");
        assert_eq!(count(3, "was", "were"), "3 were");
    }

    #[test]
    fn json_safe_keeps_the_values() {
        let v = serde_json::json!({"t": "x\u{202e}y\u{85}z\u{7f}\u{1b}\n", "n": 1});
        let text = json_safe(serde_json::to_string_pretty(&v).unwrap());
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text}");
        assert!(text.contains("\\u202e"));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn table_aligns() {
        let t = table(
            &["id", "name"],
            &[vec!["1".into(), "x".into()], vec!["10".into(), "yy".into()]],
            20,
        );
        assert_eq!(t, "id  name\n1   x\n10  yy\n");
    }

    #[test]
    fn truncate_marks_cut() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
