//! Reading an HTML page: its main text and what it says about itself.
//!
//! The page is bounded ([`bound_tags`]), parsed into an arena tree
//! ([`tree`]), its metadata read ([`meta`]), its story chosen by scoring
//! blocks ([`content`]) and written out as paragraphs ([`text`]), the
//! headline first. [`to_text`] is the one way HTML becomes text, for
//! `ingest` and `extract` alike, so offsets agree between them.

mod bound;
pub mod content;
pub mod meta;
pub mod text;
pub mod tree;

pub use bound::{bound_tags, MAX_TAG_ATTRIBUTES};

use crate::eval_html::words;
use crate::ingest::meta::Meta;

/// Below this many characters a pass's story is deemed too short, and the
/// next, looser pass is tried (Readability's 500).
const MIN_STORY_CHARS: usize = 500;

/// The main text of an HTML page, headline first, and its metadata.
pub fn to_text(raw: &str) -> (String, Meta) {
    let raw = &*bound_tags(raw);
    let page = tree::parse(raw);
    let meta = meta::read(&page);
    let body = story(&page);
    let mut out = String::new();
    if body.is_empty() {
        return (out, meta);
    }
    let title_words: Option<Vec<String>> = meta.title.as_deref().map(|t| words(t).collect());
    let mut skipped_title = false;
    if let Some(t) = &meta.title {
        out.push_str(t);
    }
    for p in &body {
        if !skipped_title
            && title_words
                .as_ref()
                .is_some_and(|t| words(p).eq(t.iter().cloned()))
        {
            skipped_title = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out.push('\n');
    (out, meta)
}

/// The story's paragraphs: the first pass that finds enough text, else
/// the longest; a page too small to score is read whole (its `<article>`
/// or `<main>` if it has one), furniture aside.
fn story(page: &tree::Page) -> Vec<String> {
    let mut best: Vec<String> = Vec::new();
    let mut best_len = 0;
    for rules in content::PASSES {
        let sel = content::select(page, rules);
        if sel.roots.is_empty() {
            continue;
        }
        let paras = text::paragraphs(page, &sel.roots, &sel.dropped);
        let len: usize = paras.iter().map(|p| p.chars().count()).sum();
        if len >= MIN_STORY_CHARS {
            return paras;
        }
        if len > best_len {
            best = paras;
            best_len = len;
        }
    }
    if !best.is_empty() {
        return best;
    }
    let rules = content::PASSES[content::PASSES.len() - 1];
    let dropped = content::furniture(page, rules);
    let is_main = |i: usize| matches!(&*page.nodes[i].tag, "article" | "main");
    // The outermost ones only: parents come first, so one pass marks
    // every node that has one above it.
    let mut under_main = vec![false; page.nodes.len()];
    let mut main = Vec::new();
    for (i, n) in page.nodes.iter().enumerate().skip(1) {
        under_main[i] = under_main[n.parent] || is_main(n.parent);
        if is_main(i) && !under_main[i] && !dropped[i] {
            main.push(i);
        }
    }
    let paras = text::paragraphs(page, &main, &dropped);
    if !paras.is_empty() {
        return paras;
    }
    text::paragraphs(page, &[0], &dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn html_keeps_paragraphs_drops_furniture() {
        let html = "<html><head><title>T</title><script>var a = '<p>no</p>';</script></head>\
            <body><nav>Home | World</nav><header>Site</header>\
            <p>First <b>para</b>graph.</p><p>ADVERTISEMENT</p><p>Second\n  one.</p>\
            <footer>(c) 2020</footer></body></html>";
        let (text, meta) = to_text(html);
        // The headline (here the page title) comes first.
        assert_eq!(text, "T\n\nFirst paragraph.\n\nSecond one.\n");
        assert_eq!(meta.title.as_deref(), Some("T"));
    }

    #[test]
    fn html_prefers_article_element() {
        let html = "<div>Menu stuff</div><article><h1>Head</h1><p>Body text.</p></article><div>Related</div>";
        let (text, meta) = to_text(html);
        assert_eq!(text, "Head\n\nBody text.\n");
        assert_eq!(meta.title.as_deref(), Some("Head"));
    }

    #[test]
    fn html_meta_tags() {
        let html = r#"<meta property="og:site_name" content="The Outlet"><meta property="og:url" content="https://x.test/a"><meta name="author" content="A. Writer"><p>x y</p>"#;
        let (_, meta) = to_text(html);
        assert_eq!(meta.outlet.as_deref(), Some("The Outlet"));
        assert_eq!(meta.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(meta.author.as_deref(), Some("A. Writer"));
    }

    /// Found by fuzzing: a published-date tag that is not a date was
    /// stored as written. It is dropped, and a later tag that is a date wins.
    #[test]
    fn html_meta_date_must_be_a_date() {
        let html = "<meta property=\"article:published_time\" content=\"2021-05-14T10\u{fffd}:00:00Z\"><meta name=\"date\" content=\"May 14, 2021\"><p>x</p>";
        let (_, meta) = to_text(html);
        assert_eq!(meta.published.as_deref(), Some("2021-05-14"));
        let (_, meta) = to_text("<meta name=date content=soon><p>x</p>");
        assert_eq!(meta.published, None);
    }

    #[test]
    fn html_entities_decoded() {
        let (text, _) = to_text("<p>Tom &amp; Jerry&rsquo;s &#8220;show&#8221;</p>");
        assert_eq!(text, "Tom & Jerry\u{2019}s \u{201c}show\u{201d}\n");
    }

    #[test]
    fn deep_nesting_is_fine() {
        let html = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        let (text, _) = to_text(&html);
        assert_eq!(text.trim(), "deep text");
    }

    #[test]
    fn a_tag_with_countless_attributes_does_not_overflow_the_stack() {
        // Broke: html5gum recursed once per double-quoted attribute, and
        // 50,000 of them aborted the process with a stack overflow.
        for attr in [r#" a="1""#, r#"a="""#, " a=1", " a='1'", " a"] {
            let html = format!("<p{}>kept text</p><p>after</p>", attr.repeat(200_000));
            let (text, _) = on_small_stack(move || to_text(&html));
            assert_eq!(text, "kept text\n\nafter\n", "{attr}");
        }
        let end_tag = format!("<p>a</p{}>b", r#" x="y""#.repeat(200_000));
        let (text, _) = on_small_stack(move || to_text(&end_tag));
        assert_eq!(text.split_whitespace().collect::<Vec<_>>(), ["a", "b"]);
    }
}
