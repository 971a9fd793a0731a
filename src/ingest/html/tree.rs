//! A small arena tree of a page's elements and text, built from the
//! html5gum token stream, and what the page's head says (`<meta>` tags,
//! JSON-LD, `<title>`) collected on the way.
//!
//! Nodes are stored in document order, so a parent always comes before its
//! children: walking the indices forwards visits ancestors first, backwards
//! visits descendants first. Nothing here recurses, so nesting depth costs
//! heap, never stack.

use std::collections::{BTreeMap, HashMap};

use html5gum::{DefaultEmitter, HtmlString, Token, Tokenizer};

/// The most bytes of `<title>` text, and of one JSON-LD block, kept.
const MAX_HEAD_TEXT: usize = 1 << 20;

/// One element or run of text.
#[derive(Debug, Default)]
pub struct Node {
    /// Lower-case tag name; empty for text.
    pub tag: Box<str>,
    /// The text of a text node (entities decoded); empty for elements.
    pub text: Box<str>,
    /// The parent's index (the root is its own parent).
    pub parent: usize,
    pub children: Vec<usize>,
    /// `class` and `id`, lower-cased, space-separated.
    pub hint: Box<str>,
    /// Hidden from readers: `hidden`, `aria-hidden="true"`, or a style of
    /// `display: none` or `visibility: hidden`.
    pub hidden: bool,
    /// `itemprop`, `role`, `rel` and `datetime`/`content`, where present.
    pub itemprop: Option<Box<str>>,
    pub role: Option<Box<str>>,
    pub rel: Option<Box<str>>,
    pub value: Option<Box<str>>,
}

impl Node {
    pub fn is_text(&self) -> bool {
        self.tag.is_empty()
    }
}

/// A parsed page.
#[derive(Debug, Default)]
pub struct Page {
    /// The nodes, root (a synthetic element with an empty-string tag
    /// `#root`) first.
    pub nodes: Vec<Node>,
    /// `<meta>` tags as (`property` or `name` or `itemprop`, lower-cased;
    /// `content`).
    pub metas: Vec<(String, String)>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// The text of `<title>`.
    pub title: String,
    /// The text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
}

/// Elements whose content is never read: not text for readers, or
/// (`title`) read into [`Page::title`] instead.
fn is_dropped(tag: &[u8]) -> bool {
    matches!(
        tag,
        b"script"
            | b"style"
            | b"noscript"
            | b"template"
            | b"svg"
            | b"math"
            | b"iframe"
            | b"button"
            | b"select"
            | b"textarea"
            | b"object"
            | b"canvas"
            | b"title"
            | b"head"
    )
}

/// Elements that have no content and no end tag.
fn is_void(tag: &[u8]) -> bool {
    matches!(
        tag,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// Elements whose start closes an open `<p>`, as in an HTML parser.
fn closes_p(tag: &[u8]) -> bool {
    matches!(
        tag,
        b"p" | b"div"
            | b"ul"
            | b"ol"
            | b"dl"
            | b"table"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"blockquote"
            | b"pre"
            | b"section"
            | b"article"
            | b"aside"
            | b"header"
            | b"footer"
            | b"nav"
            | b"figure"
            | b"form"
            | b"hr"
            | b"main"
            | b"address"
    )
}

type Attrs = BTreeMap<HtmlString, HtmlString>;

fn attr(attrs: &Attrs, key: &[u8]) -> Option<String> {
    attrs
        .iter()
        .find(|(k, _)| k.as_slice().eq_ignore_ascii_case(key))
        .map(|(_, v)| String::from_utf8_lossy(v).trim().to_string())
        .filter(|v| !v.is_empty())
}

struct Builder {
    page: Page,
    /// Open elements, innermost last (indices into `page.nodes`).
    open: Vec<usize>,
    /// How many elements of each name are open, so an end tag with no
    /// open element of its name is ignored without a search.
    open_count: HashMap<Box<str>, usize>,
}

impl Builder {
    fn current(&self) -> usize {
        *self.open.last().unwrap_or(&0)
    }

    fn push_node(&mut self, node: Node) -> usize {
        let id = self.page.nodes.len();
        let parent = node.parent;
        self.page.nodes.push(node);
        self.page.nodes[parent].children.push(id);
        id
    }

    fn open_element(&mut self, tag: &[u8], attrs: &Attrs) {
        if closes_p(tag) {
            self.close_if_current(b"p");
        }
        match tag {
            b"li" => self.close_within(b"li", &[b"ul", b"ol"]),
            b"dt" | b"dd" => {
                self.close_within(b"dt", &[b"dl"]);
                self.close_within(b"dd", &[b"dl"]);
            }
            b"tr" => self.close_within(b"tr", &[b"table"]),
            b"td" | b"th" => {
                self.close_within(b"td", &[b"tr", b"table"]);
                self.close_within(b"th", &[b"tr", b"table"]);
            }
            _ => {}
        }
        let mut hint = String::new();
        for key in [&b"class"[..], b"id"] {
            if let Some(v) = attr(attrs, key) {
                if !hint.is_empty() {
                    hint.push(' ');
                }
                hint.push_str(&v.to_ascii_lowercase());
            }
        }
        let style = attr(attrs, b"style")
            .map(|s| s.to_ascii_lowercase().replace(' ', ""))
            .unwrap_or_default();
        let hidden = attr(attrs, b"hidden").is_some()
            || attrs.keys().any(|k| k.as_slice() == b"hidden")
            || attr(attrs, b"aria-hidden").as_deref() == Some("true")
            || style.contains("display:none")
            || style.contains("visibility:hidden");
        let lower = |v: Option<String>| v.map(|v| v.to_ascii_lowercase().into_boxed_str());
        let node = Node {
            tag: String::from_utf8_lossy(tag).into(),
            parent: self.current(),
            hint: hint.into(),
            hidden,
            itemprop: lower(attr(attrs, b"itemprop")),
            role: lower(attr(attrs, b"role")),
            rel: lower(attr(attrs, b"rel")),
            value: attr(attrs, b"datetime")
                .or_else(|| attr(attrs, b"content"))
                .map(String::into_boxed_str),
            ..Node::default()
        };
        let id = self.push_node(node);
        if !is_void(tag) {
            self.open.push(id);
            *self
                .open_count
                .entry(String::from_utf8_lossy(tag).into())
                .or_insert(0) += 1;
        }
    }

    fn pop(&mut self) {
        if let Some(id) = self.open.pop() {
            if let Some(n) = self.open_count.get_mut(&self.page.nodes[id].tag) {
                *n = n.saturating_sub(1);
            }
        }
    }

    fn close_if_current(&mut self, tag: &[u8]) {
        if self
            .open
            .last()
            .is_some_and(|&id| self.page.nodes[id].tag.as_bytes() == tag)
        {
            self.pop();
        }
    }

    /// Close an open `tag` if one is open below the nearest of `scopes`
    /// (an `<li>` ends the `<li>` before it in the same list).
    fn close_within(&mut self, tag: &[u8], scopes: &[&[u8]]) {
        let name = String::from_utf8_lossy(tag);
        if self.open_count.get(&*name).copied().unwrap_or(0) == 0 {
            return;
        }
        // Look a few levels up only: lists nest shallowly between items.
        for depth in 0..self.open.len().min(8) {
            let id = self.open[self.open.len() - 1 - depth];
            let t = self.page.nodes[id].tag.as_bytes();
            if t == tag {
                for _ in 0..=depth {
                    self.pop();
                }
                return;
            }
            if scopes.contains(&t) {
                return;
            }
        }
    }

    fn close_element(&mut self, tag: &[u8]) {
        let name = String::from_utf8_lossy(tag);
        if self.open_count.get(&*name).copied().unwrap_or(0) == 0 {
            return;
        }
        // Each pop removes an element pushed once: linear overall.
        while let Some(&id) = self.open.last() {
            let done = self.page.nodes[id].tag.as_bytes() == tag;
            self.pop();
            if done {
                break;
            }
        }
    }

    fn text(&mut self, s: &str) {
        let parent = self.current();
        // Adjacent strings (split by entities or comments) make one node.
        if let Some(&last) = self.page.nodes[parent].children.last() {
            if self.page.nodes[last].is_text() {
                let mut t = std::mem::take(&mut self.page.nodes[last].text).into_string();
                t.push_str(s);
                self.page.nodes[last].text = t.into();
                return;
            }
        }
        self.push_node(Node {
            text: s.into(),
            parent,
            ..Node::default()
        });
    }
}

/// Parse `raw` (already bounded by [`super::bound_tags`]) into a [`Page`].
pub fn parse(raw: &str) -> Page {
    let mut emitter = DefaultEmitter::default();
    // Treat <script>, <style> and friends as raw text, as a browser does.
    emitter.naively_switch_states(true);
    let mut b = Builder {
        page: Page::default(),
        open: Vec::new(),
        open_count: HashMap::new(),
    };
    b.page.nodes.push(Node {
        tag: "#root".into(),
        ..Node::default()
    });
    // Inside a dropped element: its name, how deep, and whether its text
    // is collected (title, JSON-LD).
    let mut dropped: Option<(Vec<u8>, usize, Collect)> = None;
    for token in Tokenizer::new_with_emitter(raw, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if let Some((d, depth, _)) = &mut dropped {
                    if name == d.as_slice() && !tag.self_closing {
                        *depth += 1;
                    }
                    continue;
                }
                match name {
                    b"meta" => {
                        let key = attr(&tag.attributes, b"property")
                            .or_else(|| attr(&tag.attributes, b"name"))
                            .or_else(|| attr(&tag.attributes, b"itemprop"));
                        if let (Some(k), Some(c)) = (key, attr(&tag.attributes, b"content")) {
                            b.page.metas.push((k.to_ascii_lowercase(), c));
                        }
                    }
                    b"link" => {
                        let rel = attr(&tag.attributes, b"rel").map(|r| r.to_ascii_lowercase());
                        if rel.as_deref() == Some("canonical") && b.page.canonical.is_none() {
                            b.page.canonical = attr(&tag.attributes, b"href");
                        }
                    }
                    _ => {}
                }
                // <head> is transparent: its <title>, <meta> and scripts
                // are read, nothing else in it is text.
                if name == b"head" || name == b"html" || name == b"body" {
                    continue;
                }
                if is_dropped(name) {
                    if tag.self_closing {
                        continue;
                    }
                    let collect = if name == b"title" {
                        Collect::Title
                    } else if name == b"script"
                        && attr(&tag.attributes, b"type")
                            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                    {
                        b.page.json_ld.push(String::new());
                        Collect::JsonLd
                    } else {
                        Collect::Nothing
                    };
                    dropped = Some((name.to_vec(), 1, collect));
                    continue;
                }
                b.open_element(name, &tag.attributes);
                if tag.self_closing && !is_void(name) {
                    b.close_element(name);
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if let Some((d, depth, _)) = &mut dropped {
                    if name == d.as_slice() {
                        *depth -= 1;
                        if *depth == 0 {
                            dropped = None;
                        }
                    }
                    continue;
                }
                if name == b"br" {
                    // `</br>` is a line break, as browsers read it.
                    b.open_element(name, &Attrs::new());
                } else {
                    b.close_element(name);
                }
            }
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s);
                match &dropped {
                    Some((_, _, Collect::Title)) => {
                        if b.page.title.len() < MAX_HEAD_TEXT {
                            b.page.title.push_str(&s);
                        }
                    }
                    Some((_, _, Collect::JsonLd)) => {
                        if let Some(j) = b.page.json_ld.last_mut() {
                            if j.len() < MAX_HEAD_TEXT {
                                j.push_str(&s);
                            }
                        }
                    }
                    Some(_) => {}
                    None => b.text(&s),
                }
            }
            _ => {}
        }
    }
    b.page
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Collect {
    Nothing,
    Title,
    JsonLd,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(page: &Page) -> String {
        // Render tags and text in document order, closing by depth.
        let mut out = String::new();
        for (i, n) in page.nodes.iter().enumerate().skip(1) {
            let mut depth = 0;
            let mut p = n.parent;
            while p != 0 {
                depth += 1;
                p = page.nodes[p].parent;
            }
            let _ = i;
            out.push_str(&format!(
                "{}{}\n",
                " ".repeat(depth),
                if n.is_text() { &n.text } else { &n.tag }
            ));
        }
        out
    }

    #[test]
    fn builds_the_tree_as_a_browser_would_for_common_slips() {
        let page = parse("<div class='A b' id=X><p>one<p>two</div><ul><li>a<li>b</ul></br>");
        assert_eq!(
            shape(&page),
            "div\n p\n  one\n p\n  two\nul\n li\n  a\n li\n  b\nbr\n"
        );
        assert_eq!(&*page.nodes[1].hint, "a b x");
    }

    #[test]
    fn head_title_meta_and_json_ld_are_collected_not_text() {
        let page = parse(
            "<head><title>T &amp; U</title><meta property='og:title' content='O'>\
             <script type='application/ld+json'>{\"a\":1}</script><script>x</script></head>\
             <body><p hidden>h</p></body>",
        );
        assert_eq!(page.title, "T & U");
        assert_eq!(page.metas, [("og:title".to_string(), "O".to_string())]);
        assert_eq!(page.json_ld, ["{\"a\":1}"]);
        let p = page.nodes.iter().find(|n| &*n.tag == "p").unwrap();
        assert!(p.hidden);
        assert_eq!(shape(&page), "meta\np\n h\n");
    }

    #[test]
    fn stray_end_tags_are_ignored() {
        let page = parse("</div></p><b>x</i>y</b>");
        assert_eq!(shape(&page), "b\n xy\n");
    }
}
