//! CSV for spreadsheets (RFC 4180): fields separated by commas, a field
//! holding a comma, a double quote or a line break written in double
//! quotes with its double quotes doubled, one record per line.
//!
//! A text field that begins like a formula (`=`, `+`, `-`, `@`, a tab or
//! a carriage return) gets a leading `'`, so that a spreadsheet shows an
//! article's words instead of running them (OWASP's advice on CSV
//! injection). Numbers are written as they are.

use std::collections::HashSet;

use crate::matching::ItemKind;
use crate::report::claims::ClaimReport;
use crate::store::enum_name;

/// One field: the text, quoted where it must be.
pub fn field(s: &str) -> String {
    let guarded;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One record from fields already made with [`field`] (or numbers), with
/// its line break.
pub fn record(fields: &[String]) -> String {
    let mut line = fields.join(",");
    line.push('\n');
    line
}

/// One row per claim, for a spreadsheet: rank, id, kind, the most serious
/// reason and all reasons, outlets (how many, how many independent, their
/// names), the articles, the first and last publication dates, the first
/// item's words, and every distinct version (words and who is credited)
/// with where it first appeared, separated by ` | `.
pub fn claims(claims: &[ClaimReport]) -> String {
    let mut out = record(
        &[
            "rank",
            "claim",
            "kind",
            "severity",
            "reasons",
            "outlets",
            "independent",
            "outlet_names",
            "articles",
            "first_published",
            "last_published",
            "text",
            "versions",
        ]
        .map(String::from),
    );
    for (rank, c) in claims.iter().enumerate() {
        let mut articles: Vec<i64> = c.items.iter().map(|i| i.article).collect();
        articles.sort_unstable();
        articles.dedup();
        let mut dates: Vec<&str> = c
            .items
            .iter()
            .filter_map(|i| i.published.as_deref())
            .collect();
        dates.sort_unstable();
        // Each distinct version (words and credit) once, with the first
        // article carrying it.
        let mut seen = HashSet::new();
        let versions: Vec<String> = c
            .items
            .iter()
            .filter(|i| seen.insert((&i.text, &i.speaker, &i.speaker_title, &i.quote_kind)))
            .map(|i| {
                let mut credit = String::new();
                if i.kind == ItemKind::Quote {
                    credit = i.speaker.clone().unwrap_or_else(|| "unattributed".into());
                    if let Some(t) = &i.speaker_title {
                        credit = format!("{credit}, {t}");
                    }
                    credit.push_str("; ");
                }
                format!(
                    "\u{201c}{}\u{201d} ({credit}{} [article {}])",
                    i.text,
                    i.outlet.as_deref().unwrap_or("outlet unknown"),
                    i.article
                )
            })
            .collect();
        let reasons: Vec<String> = c.reasons.iter().map(enum_name).collect();
        out.push_str(&record(&[
            (rank + 1).to_string(),
            c.id.to_string(),
            field(&enum_name(&c.kind)),
            field(&c.severity.map(|r| enum_name(&r)).unwrap_or_default()),
            field(&reasons.join(";")),
            c.outlets.to_string(),
            c.independent.to_string(),
            field(&c.outlet_names().join("; ")),
            field(
                &articles
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            field(dates.first().copied().unwrap_or_default()),
            field(dates.last().copied().unwrap_or_default()),
            field(c.items.first().map_or("", |i| i.text.as_str())),
            field(&versions.join(" | ")),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{field, record};

    #[test]
    fn fields_are_quoted_where_they_must_be() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""),
            ("“curly” quotes", "“curly” quotes"),
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("+1", "'+1"),
            ("-2, then", "\"'-2, then\""),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
        ];
        for (raw, want) in cases {
            assert_eq!(field(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn a_record_reads_back_field_by_field() {
        let fields = ["1", "a, \"b\"", "c\nd"].map(field);
        let line = record(&fields);
        assert_eq!(line, "1,\"a, \"\"b\"\"\",\"c\nd\"\n");
        // Read it back by RFC 4180.
        let mut out = vec![String::new()];
        let (mut quoted, mut chars) = (false, line.trim_end_matches('\n').chars().peekable());
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', false) => quoted = true,
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    out.last_mut().unwrap().push('"');
                }
                ('"', true) => quoted = false,
                (',', false) => out.push(String::new()),
                (c, _) => out.last_mut().unwrap().push(c),
            }
        }
        assert_eq!(out, ["1", "a, \"b\"", "c\nd"]);
    }
}
