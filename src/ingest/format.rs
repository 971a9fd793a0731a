//! Turning raw article bytes into plain text: decoding, and the three input
//! formats (plain text, Markdown, HTML). Pure functions: bytes in, text out.

use std::sync::LazyLock;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use regex::Regex;

use super::meta::{normalise_date, Meta};

/// The formats ingest understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
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
/// carries (HTML `<title>`, `og:` tags; a Markdown `# headline`).
pub fn to_text(raw: &str, format: Format) -> (String, Meta) {
    match format {
        Format::Text => (raw.to_string(), Meta::default()),
        Format::Markdown => markdown_to_text(raw),
        Format::Html => html_to_text(raw),
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

/// Elements whose content is never article text.
fn is_skipped(tag: &[u8]) -> bool {
    matches!(
        tag,
        b"script"
            | b"style"
            | b"noscript"
            | b"template"
            | b"svg"
            | b"nav"
            | b"header"
            | b"footer"
            | b"aside"
            | b"form"
            | b"iframe"
            | b"button"
            | b"select"
            | b"head"
    )
}

/// Elements that end a paragraph.
fn is_block(tag: &[u8]) -> bool {
    matches!(
        tag,
        b"p" | b"div"
            | b"br"
            | b"li"
            | b"ul"
            | b"ol"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"blockquote"
            | b"section"
            | b"article"
            | b"main"
            | b"tr"
            | b"table"
            | b"pre"
            | b"hr"
            | b"dd"
            | b"dt"
            | b"figcaption"
            | b"figure"
    )
}

/// Collects text, paragraph by paragraph.
#[derive(Default)]
struct TextSink {
    out: String,
    para: String,
}

impl TextSink {
    fn push(&mut self, s: &str) {
        if s.starts_with(char::is_whitespace) {
            self.space();
        }
        for (i, word) in s.split_whitespace().enumerate() {
            if i > 0 {
                self.para.push(' ');
            }
            self.para.push_str(word);
        }
        // Words split only by inline tags ("<b>para</b>graph") stay joined;
        // whitespace at either end of a string keeps them apart.
        if s.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    fn space(&mut self) {
        if !self.para.is_empty() && !self.para.ends_with(' ') {
            self.para.push(' ');
        }
    }

    fn end_paragraph(&mut self) {
        let p = self.para.trim();
        if !p.is_empty() && !is_boilerplate_line(p) {
            if !self.out.is_empty() {
                self.out.push_str("\n\n");
            }
            self.out.push_str(p);
        }
        self.para.clear();
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

/// The most attributes a tag keeps; the rest of a wider tag is dropped.
/// Real pages stay far below it (a few dozen at most).
pub const MAX_TAG_ATTRIBUTES: usize = 1000;

/// Drop the attributes of any tag beyond [`MAX_TAG_ATTRIBUTES`], keeping its
/// name and closing `>`. The tokenizer (html5gum) recurses once per
/// double-quoted attribute within a tag, so a single tag with tens of
/// thousands of them overflows the stack of any thread: bounding the
/// attribute count bounds that depth whatever the input. The scan follows
/// the tokenizer's tag states (names, `=`, quoted and unquoted values); it
/// also looks inside comments and scripts, where cutting a "tag" that wide
/// loses nothing of the article.
pub fn bound_tags(raw: &str) -> std::borrow::Cow<'_, str> {
    #[derive(Clone, Copy, PartialEq)]
    enum S {
        Name,
        BeforeAttr,
        AttrName,
        AfterName,
        BeforeValue,
        Double,
        Single,
        Unquoted,
    }
    let bytes = raw.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let open = i + off;
        let mut k = open + 1;
        if bytes.get(k) == Some(&b'/') {
            k += 1;
        }
        if !bytes.get(k).is_some_and(u8::is_ascii_alphabetic) {
            i = open + 1;
            continue;
        }
        let (mut state, mut attrs, mut cut) = (S::Name, 0usize, None);
        while k < bytes.len() {
            let c = bytes[k];
            let ws = matches!(c, b'\t' | b'\n' | b'\x0c' | b' ' | b'\r');
            let mut attr_start = || {
                attrs += 1;
                if attrs > MAX_TAG_ATTRIBUTES && cut.is_none() {
                    cut = Some(k);
                }
            };
            state = match (state, c) {
                (S::Double, b'"') | (S::Single, b'\'') => S::BeforeAttr,
                (S::Double | S::Single, _) => state,
                (_, b'>') => break,
                (S::Name, b'/') | (S::AttrName | S::AfterName, b'/') => S::BeforeAttr,
                (S::Name | S::BeforeAttr | S::Unquoted, _) if ws => S::BeforeAttr,
                (S::Name, _) => S::Name,
                (S::BeforeAttr, b'/') => S::BeforeAttr,
                (S::BeforeAttr, _) => {
                    attr_start();
                    S::AttrName
                }
                (S::AttrName, b'=') | (S::AfterName, b'=') => S::BeforeValue,
                (S::AttrName | S::AfterName, _) if ws => S::AfterName,
                (S::AttrName, _) => S::AttrName,
                (S::AfterName, _) => {
                    attr_start();
                    S::AttrName
                }
                (S::BeforeValue, _) if ws => S::BeforeValue,
                (S::BeforeValue, b'"') => S::Double,
                (S::BeforeValue, b'\'') => S::Single,
                (S::BeforeValue | S::Unquoted, _) => S::Unquoted,
            };
            k += 1;
        }
        if let Some(cut) = cut {
            let buf = out.get_or_insert_with(|| String::with_capacity(raw.len()));
            buf.push_str(&raw[copied..cut]);
            copied = k; // the closing `>` (or the end) stays
        }
        i = k.min(bytes.len());
        if i == bytes.len() {
            break;
        }
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&raw[copied..]);
            std::borrow::Cow::Owned(buf)
        }
        None => std::borrow::Cow::Borrowed(raw),
    }
}

fn html_to_text(raw: &str) -> (String, Meta) {
    let raw = &*bound_tags(raw);
    let mut emitter = DefaultEmitter::default();
    // Treat <script>, <style> and friends as raw text, as a browser does.
    emitter.naively_switch_states(true);
    let mut meta = Meta::default();
    let mut all = TextSink::default();
    let mut main = TextSink::default();
    let mut skip_depth: usize = 0;
    let mut main_depth: usize = 0;
    let mut in_title = false;
    let mut in_h1 = false;
    let mut title = String::new();
    let mut h1 = String::new();
    for token in Tokenizer::new_with_emitter(raw, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if name == b"title" {
                    in_title = true;
                } else if name == b"h1" {
                    in_h1 = true;
                } else if name == b"meta" {
                    html_meta(&tag.attributes, &mut meta);
                } else if name == b"link" {
                    let rel = attr(&tag.attributes, b"rel");
                    if rel.as_deref() == Some("canonical") && meta.url.is_none() {
                        meta.url = attr(&tag.attributes, b"href");
                    }
                }
                if tag.self_closing {
                    if is_block(name) {
                        all.end_paragraph();
                        main.end_paragraph();
                    }
                    continue;
                }
                if is_skipped(name) {
                    skip_depth += 1;
                } else if matches!(name, b"article" | b"main") {
                    main_depth += 1;
                }
                if is_block(name) {
                    all.end_paragraph();
                    main.end_paragraph();
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if name == b"title" {
                    in_title = false;
                } else if name == b"h1" {
                    in_h1 = false;
                }
                if is_skipped(name) {
                    skip_depth = skip_depth.saturating_sub(1);
                } else if matches!(name, b"article" | b"main") {
                    main_depth = main_depth.saturating_sub(1);
                }
                if is_block(name) {
                    all.end_paragraph();
                    main.end_paragraph();
                }
            }
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s);
                if in_title && title.len() < 1000 {
                    title.push_str(&s);
                }
                if skip_depth > 0 {
                    continue;
                }
                if in_h1 && h1.len() < 1000 {
                    h1.push_str(&s);
                }
                all.push(&s);
                if main_depth > 0 {
                    main.push(&s);
                }
            }
            _ => {}
        }
    }
    if meta.title.is_none() {
        let t = if h1.trim().is_empty() { &title } else { &h1 };
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            meta.title = Some(t);
        }
    }
    let main = main.finish();
    let text = if main.trim().is_empty() {
        all.finish()
    } else {
        main
    };
    (text, meta)
}

fn attr(
    attrs: &std::collections::BTreeMap<html5gum::HtmlString, html5gum::HtmlString>,
    key: &[u8],
) -> Option<String> {
    attrs
        .iter()
        .find(|(k, _)| k.as_slice().eq_ignore_ascii_case(key))
        .map(|(_, v)| String::from_utf8_lossy(v).trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Read article metadata from `<meta>` tags (Open Graph and the usual names).
fn html_meta(
    attrs: &std::collections::BTreeMap<html5gum::HtmlString, html5gum::HtmlString>,
    meta: &mut Meta,
) {
    let key = attr(attrs, b"property")
        .or_else(|| attr(attrs, b"name"))
        .map(|k| k.to_ascii_lowercase());
    let (Some(key), Some(content)) = (key, attr(attrs, b"content")) else {
        return;
    };
    let slot = match key.as_str() {
        "og:title" => &mut meta.title,
        "og:url" => &mut meta.url,
        "og:site_name" => &mut meta.outlet,
        "author" | "article:author" => &mut meta.author,
        "article:published_time" | "date" | "pubdate" | "publish-date" => {
            // A date that is not a date is dropped, so a later tag or the
            // text itself can still give one: the store holds ISO dates.
            let Some(date) = normalise_date(&content) else {
                return;
            };
            if meta.published.is_none() {
                meta.published = Some(date);
            }
            return;
        }
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(content);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_paragraphs_drops_furniture() {
        let html = "<html><head><title>T</title><script>var a = '<p>no</p>';</script></head>\
            <body><nav>Home | World</nav><header>Site</header>\
            <p>First <b>para</b>graph.</p><p>ADVERTISEMENT</p><p>Second\n  one.</p>\
            <footer>(c) 2020</footer></body></html>";
        let (text, meta) = to_text(html, Format::Html);
        assert_eq!(text, "First paragraph.\n\nSecond one.\n");
        assert_eq!(meta.title.as_deref(), Some("T"));
    }

    #[test]
    fn html_prefers_article_element() {
        let html = "<div>Menu stuff</div><article><h1>Head</h1><p>Body text.</p></article><div>Related</div>";
        let (text, meta) = to_text(html, Format::Html);
        assert_eq!(text, "Head\n\nBody text.\n");
        assert_eq!(meta.title.as_deref(), Some("Head"));
    }

    #[test]
    fn html_meta_tags() {
        let html = r#"<meta property="og:site_name" content="The Outlet"><meta property="og:url" content="https://x.test/a"><meta name="author" content="A. Writer"><p>x y</p>"#;
        let (_, meta) = to_text(html, Format::Html);
        assert_eq!(meta.outlet.as_deref(), Some("The Outlet"));
        assert_eq!(meta.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(meta.author.as_deref(), Some("A. Writer"));
    }

    /// Found by fuzzing: a published-date tag that is not a date was
    /// stored as written. It is dropped, and a later tag that is a date wins.
    #[test]
    fn html_meta_date_must_be_a_date() {
        let html = "<meta property=\"article:published_time\" content=\"2021-05-14T10\u{fffd}:00:00Z\"><meta name=\"date\" content=\"May 14, 2021\"><p>x</p>";
        let (_, meta) = to_text(html, Format::Html);
        assert_eq!(meta.published.as_deref(), Some("2021-05-14"));
        let (_, meta) = to_text("<meta name=date content=soon><p>x</p>", Format::Html);
        assert_eq!(meta.published, None);
    }

    #[test]
    fn html_entities_decoded() {
        let (text, _) = to_text(
            "<p>Tom &amp; Jerry&rsquo;s &#8220;show&#8221;</p>",
            Format::Html,
        );
        assert_eq!(text, "Tom & Jerry\u{2019}s \u{201c}show\u{201d}\n");
    }

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

    #[test]
    fn deep_nesting_is_fine() {
        let html = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        let (text, _) = to_text(&html, Format::Html);
        assert_eq!(text.trim(), "deep text");
    }

    /// Run `f` on a thread with a small stack: what it parses must not
    /// need stack in proportion to the input.
    fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    fn a_tag_with_countless_attributes_does_not_overflow_the_stack() {
        // Broke: html5gum recursed once per double-quoted attribute, and
        // 50,000 of them aborted the process with a stack overflow.
        for attr in [r#" a="1""#, r#"a="""#, " a=1", " a='1'", " a"] {
            let html = format!("<p{}>kept text</p><p>after</p>", attr.repeat(200_000));
            let (text, _) = on_small_stack(move || to_text(&html, Format::Html));
            assert_eq!(text, "kept text\n\nafter\n", "{attr}");
        }
        let end_tag = format!("<p>a</p{}>b", r#" x="y""#.repeat(200_000));
        let (text, _) = on_small_stack(move || to_text(&end_tag, Format::Html));
        assert_eq!(text.split_whitespace().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn bound_tags_keeps_ordinary_markup_as_it_is() {
        let html = r#"<p class="a>b" id='c>d' data-x=e/f>t</p><!-- <x> --><br/>"#;
        assert!(matches!(bound_tags(html), std::borrow::Cow::Borrowed(_)));
        let wide = format!("<p{}>t</p>", r#" a="1""#.repeat(MAX_TAG_ATTRIBUTES + 5));
        let bounded = bound_tags(&wide);
        assert_eq!(bounded.matches("a=").count(), MAX_TAG_ATTRIBUTES);
        assert!(bounded.ends_with(">t</p>"));
        // Unterminated: the tag runs to the end of the input.
        let open = format!("x<p{}", r#" a="1""#.repeat(MAX_TAG_ATTRIBUTES + 5));
        assert_eq!(bound_tags(&open).matches("a=").count(), MAX_TAG_ATTRIBUTES);
    }
}
