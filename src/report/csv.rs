//! CSV for spreadsheets (RFC 4180): fields separated by commas, a field
//! holding a comma, a double quote or a line break written in double
//! quotes with its double quotes doubled, one record per line.
//!
//! A text field that begins like a formula (`=`, `+`, `-`, `@`, a tab or
//! a carriage return) gets a leading `'`, so that a spreadsheet shows an
//! article's words instead of running them (OWASP's advice on CSV
//! injection). Numbers are written as they are.

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
