//! Bounding what the tokenizer is given: no tag wider than it can take.

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

#[cfg(test)]
mod tests {
    use super::*;

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
