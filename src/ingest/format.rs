//! Turning raw article bytes into plain text: decoding, and the three input
//! formats (plain text, Markdown, HTML). Pure functions: bytes in, text out.

use std::sync::LazyLock;

use regex::Regex;

pub use super::html::{bound_tags, MAX_TAG_ATTRIBUTES};
use super::meta::Meta;

/// The formats ingest understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, kept byte for byte.
    Text,
    /// Markdown: markup removed, text kept.
    Markdown,
    /// HTML: main text only, boilerplate dropped.
    Html,
}

impl Format {
    /// The format an extension names, if any (`txt`, `md`, `html`, ...).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guess the format of text with no telling extension (stdin, say).
    pub fn sniff(text: &str) -> Format {
        let head: String = text.trim_start().chars().take(512).collect();
        let lower = head.to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || (lower.starts_with('<') && (lower.contains("<p") || lower.contains("<div")))
        {
            Format::Html
        } else {
            Format::Text
        }
    }

    /// The lower-case name, as stored.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// Why bytes cannot be taken as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// The bytes hold NUL or many control bytes: not text.
    Binary,
    /// Nothing but whitespace.
    Empty,
}

/// Decode article bytes: UTF-8, or UTF-16 when a byte-order mark says so
/// (a UTF-8 mark is dropped). Bad sequences are replaced (U+FFFD) and
/// reported as the byte offset of the first one, so the caller can warn;
/// see [`encoding_of`] for what to call the encoding in that warning.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<usize>), DecodeProblem> {
    let (text, bad_at) = match bytes {
        [0xff, 0xfe, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xfe, 0xff, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => {
            let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            let head = &bytes[..bytes.len().min(8192)];
            let control = head
                .iter()
                .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b))
                .count();
            if head.contains(&0) || control * 10 > head.len() {
                return Err(DecodeProblem::Binary);
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => (s.to_string(), None),
                Err(e) => (
                    String::from_utf8_lossy(bytes).into_owned(),
                    Some(e.valid_up_to()),
                ),
            }
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeProblem::Empty);
    }
    if bad_at.is_none() && text.contains('\0') {
        return Err(DecodeProblem::Binary);
    }
    Ok((text, bad_at))
}

/// The name of the encoding [`decode`] reads `bytes` as.
pub fn encoding_of(bytes: &[u8]) -> &'static str {
    match bytes {
        [0xff, 0xfe, ..] => "UTF-16LE",
        [0xfe, 0xff, ..] => "UTF-16BE",
        _ => "UTF-8",
    }
}

/// UTF-16 after its byte-order mark; the offset of the first bad unit
/// (an unpaired surrogate or a last odd byte) counts the mark.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, Option<usize>) {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len());
    let mut bad_at = None;
    let mut at = 2;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                at += 2 * c.len_utf16();
                text.push(c);
            }
            Err(_) => {
                bad_at.get_or_insert(at);
                at += 2;
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if bytes.len() % 2 == 1 {
        bad_at.get_or_insert(at);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (text, bad_at)
}

/// Plain text of an article in `format`, plus any metadata the markup
/// carries (HTML: see [`super::html`]; a Markdown `# headline`).
pub fn to_text(raw: &str, format: Format) -> (String, Meta) {
    match format {
        Format::Text => (raw.to_string(), Meta::default()),
        Format::Markdown => markdown_to_text(raw),
        Format::Html => super::html::to_text(raw),
    }
}

/// Lines that are page furniture, not article text.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(advertisement|advertisements|ad|sponsored|sponsored content|skip advertisement|story continues below( advertisement)?|continue reading( below)?|share this article|share|subscribe|sign up|read more|loading\.*)\s*$",
    )
    .unwrap()
});

/// True when a line is page furniture ("ADVERTISEMENT", "Share").
pub fn is_boilerplate_line(line: &str) -> bool {
    line.len() < 60 && BOILERPLATE.is_match(line)
}

static MD_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[[^\]\n]*\]\([^)\n]*\)").unwrap());
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\n]*)\]\([^)\n]*\)").unwrap());
static MD_AUTOLINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(https?://[^>\s]+)>").unwrap());
static MD_STRONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__").unwrap());
static MD_EM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*([^*\n]+)\*").unwrap());
static MD_ESCAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\([\\`*_{}\[\]()#+\-.!$<>|])").unwrap());
static MD_BLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)").unwrap());

fn markdown_to_text(raw: &str) -> (String, Meta) {
    let mut meta = Meta::default();
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            continue;
        }
        if meta.title.is_none() && trimmed.starts_with("# ") {
            meta.title = Some(inline_markdown(trimmed[2..].trim()));
        }
        let body = MD_BLOCK.replace(line, "");
        let text = inline_markdown(&body);
        if is_boilerplate_line(&text) || is_rule(text.trim()) {
            continue;
        }
        let text = text.trim_end();
        // One blank line between paragraphs, however many the markup left.
        if text.is_empty() && (out.is_empty() || out.ends_with("\n\n")) {
            continue;
        }
        out.push_str(text);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    (out, meta)
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3 && line.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '))
}

fn inline_markdown(s: &str) -> String {
    let s = MD_IMAGE.replace_all(s, "");
    let s = MD_LINK.replace_all(&s, "$1");
    let s = MD_AUTOLINK.replace_all(&s, "$1");
    let s = MD_STRONG.replace_all(&s, "$1$2");
    let s = MD_EM.replace_all(&s, "$1");
    MD_ESCAPE.replace_all(&s, "$1").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_markup_removed() {
        let md = "# The Head\n\n**Bold** and *em* with [a link](http://x) and \\$45 million.\n\n![img](x.png)\n\nADVERTISEMENT\n";
        let (text, meta) = to_text(md, Format::Markdown);
        assert_eq!(meta.title.as_deref(), Some("The Head"));
        assert_eq!(
            text,
            "The Head\n\nBold and em with a link and $45 million.\n"
        );
    }

    #[test]
    fn decode_refuses_binary_and_empty() {
        assert_eq!(decode(b"ab\0cd"), Err(DecodeProblem::Binary));
        assert_eq!(decode(b"  \n\t "), Err(DecodeProblem::Empty));
        let (s, bad) = decode(b"ok \xff then").unwrap();
        assert_eq!(bad, Some(3));
        assert!(s.contains('\u{fffd}'));
    }

    #[test]
    fn decode_reads_utf16_with_a_byte_order_mark() {
        // Broke: the NUL bytes of UTF-16 made it "binary file, not text".
        let text = "\u{201c}We are ready,\u{201d} he said. \u{1f600}";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le), Ok((text.to_string(), None)));
        assert_eq!(decode(&be), Ok((text.to_string(), None)));
        assert_eq!(
            (encoding_of(&le), encoding_of(&be)),
            ("UTF-16LE", "UTF-16BE")
        );
        // An unpaired surrogate, then an odd last byte.
        let (s, bad) = decode(&[0xff, 0xfe, b'a', 0, 0x00, 0xd8, b'b', 0, b'c']).unwrap();
        assert_eq!((s.as_str(), bad), ("a\u{fffd}b\u{fffd}", Some(4)));
        // UTF-16 of nothing but NULs is still not text.
        assert_eq!(
            decode(&[0xff, 0xfe, 0, 0, 0, 0]),
            Err(DecodeProblem::Binary)
        );
        assert_eq!(
            decode(b"\xef\xbb\xbfplain"),
            Ok(("plain".to_string(), None))
        );
    }
}
