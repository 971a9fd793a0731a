//! Output for people: aligned tables, and text made safe for a terminal.

pub mod claims;
pub mod diff;

use std::fmt::Write;

/// Replace control characters (terminal escapes among them) so that text
/// from articles cannot drive the terminal; newlines become spaces.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_strips_escapes() {
        assert_eq!(sanitize("a\x1b[31mb\nc"), "a\u{fffd}[31mb c");
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
