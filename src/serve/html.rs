//! The page frame and small pieces every page uses: word diffs, links that
//! are only links when safe, query strings.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::diff::words::{Op, WordOp};
use crate::matching::{DiffKind, DiffOp};

/// The stylesheet, served at `/static/style.css`.
pub const STYLE: &str = include_str!("static/style.css");

/// Which main section a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Contested,
    Search,
    Audit,
    None,
}

/// A whole page: language, viewport, the stylesheet, a skip link, the
/// navigation with a search box, and `body` as the main content.
pub fn layout(title: &str, nav: Nav, body: Markup) -> Page {
    let item = |href: &str, label: &str, here: bool| {
        html! {
            @if here { a href=(href) aria-current="page" { (label) } }
            @else { a href=(href) { (label) } }
        }
    };
    Page(html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · claimtrack" }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.site {
                    nav aria-label="Main" {
                        a.brand href="/" { "claimtrack" }
                        (item("/", "Contested", nav == Nav::Contested))
                        (item("/search", "Search", nav == Nav::Search))
                        (item("/audit", "Audit a draft", nav == Nav::Audit))
                    }
                    form.quick role="search" action="/search" method="get" {
                        label.visually-hidden for="site-q" { "Search quotes and articles" }
                        input #site-q type="search" name="q" placeholder="Search quotes and articles";
                        button type="submit" { "Search" }
                    }
                }
                main #main tabindex="-1" { (body) }
                footer.site {
                    p { "claimtrack, served locally. The same data as JSON under " code { "/api/" } "." }
                }
            }
        }
    })
}

/// A rendered page, answered as `text/html`.
pub struct Page(pub Markup);

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            self.0.into_string(),
        )
            .into_response()
    }
}

/// A stored word diff (`DiffOp`s from side a to side b) inline, deletions
/// struck out and insertions marked.
pub fn diff_ops(ops: &[DiffOp]) -> Markup {
    html! {
        @for (i, d) in ops.iter().enumerate() {
            @if i > 0 { " " }
            @match d.op {
                DiffKind::Equal => (d.text),
                DiffKind::Delete => del { (d.text) },
                DiffKind::Insert => ins { (d.text) },
            }
        }
    }
}

/// One side of a word diff: the old text with what went struck out
/// (`old_side`), or the new text with what came marked.
pub fn diff_side(ops: &[WordOp], old_side: bool) -> Markup {
    html! {
        @for w in ops {
            @match (w.op, old_side) {
                (Op::Equal, _) => (w.text),
                (Op::Delete, true) => del { (w.text) },
                (Op::Insert, false) => ins { (w.text) },
                _ => "",
            }
        }
    }
}

/// `url` as a link when it is http or https, else as plain text (never a
/// `javascript:` or `data:` link from an article's metadata).
pub fn external_link(url: &str) -> Markup {
    let lower = url.trim_start().to_ascii_lowercase();
    let safe = (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace());
    html! {
        @if safe { a href=(url) rel="noreferrer noopener" { (url) } }
        @else { span.url { (url) } }
    }
}

/// `s` percent-encoded for a query string (`application/x-www-form-urlencoded`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A query string of `pairs`.
pub fn query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Raw HTML made by the library's own escaping renderers.
pub fn trusted(html: String) -> Markup {
    PreEscaped(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_links() {
        let link = |u: &str| external_link(u).into_string();
        assert!(link("https://example.com/a?b=1&c")
            .starts_with("<a href=\"https://example.com/a?b=1&amp;c\""));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "http://a b",
            "/local",
        ] {
            let out = link(bad);
            assert!(!out.contains("href"), "{bad}: {out}");
        }
    }

    #[test]
    fn encodes_query_values() {
        assert_eq!(
            query(&[("q".into(), "\"joint unit\" & <x>".into())]),
            "q=%22joint+unit%22+%26+%3Cx%3E"
        );
    }
}
