//! The article page: the text with its quotes (coloured by speaker) and
//! figures marked, each at an anchor named by its byte offset (`#q-START`,
//! `#f-START`), beside its speakers, versions and lineage.

use std::collections::HashSet;

use maud::{html, Markup};

use super::html::{external_link, layout, Nav, Page};
use crate::store::view::{ArticleView, Link};

/// Speaker colours in the stylesheet (`.sp-0` … `.sp-7`).
const COLOURS: usize = 8;

/// One marked span of the text.
struct Span {
    start: usize,
    end: usize,
    /// `q` or `f`.
    prefix: &'static str,
    class: String,
    label: String,
}

/// Distinct speakers in order of first quote.
fn speakers(v: &ArticleView) -> Vec<&str> {
    let mut seen = Vec::new();
    for q in &v.quotes {
        let name = q.speaker.as_deref().unwrap_or("unattributed");
        if !seen.contains(&name) {
            seen.push(name);
        }
    }
    seen
}

fn spans(v: &ArticleView) -> Vec<Span> {
    let names = speakers(v);
    let colour = |name: &str| names.iter().position(|n| *n == name).unwrap_or(0) % COLOURS;
    let offset = |n: i64| usize::try_from(n).ok();
    let mut out: Vec<Span> = Vec::new();
    for q in &v.quotes {
        let (Some(start), Some(end)) = (offset(q.start), offset(q.end)) else {
            continue;
        };
        let name = q.speaker.as_deref().unwrap_or("unattributed");
        let mut label = format!("{} quote, {name}", q.kind);
        if let Some(t) = &q.speaker_title {
            label.push_str(&format!(" ({t})"));
        }
        out.push(Span {
            start,
            end,
            prefix: "q",
            class: format!("quote sp-{}", colour(name)),
            label,
        });
    }
    for f in &v.figures {
        let (Some(start), Some(end)) = (offset(f.start), offset(f.end)) else {
            continue;
        };
        let mut label = format!("figure: {}", f.kind);
        if let Some(q) = &f.qualifier {
            label.push_str(&format!(", {q}"));
        }
        if let Some(u) = &f.unit {
            label.push_str(&format!(", {u}"));
        }
        out.push(Span {
            start,
            end,
            prefix: "f",
            class: "figure".into(),
            label,
        });
    }
    // Outer spans first where two start together, so they nest.
    out.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.prefix));
    out
}

/// The text with spans marked. Spans nest; one that crosses the end of
/// the span it starts in is cut there. A span whose offsets are not
/// character boundaries of the text is left out.
pub fn marked_text(v: &ArticleView) -> Markup {
    let text = v.text.as_str();
    let fits = |s: &Span| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut html_out = String::with_capacity(text.len() * 2);
    let mut ids: HashSet<String> = HashSet::new();
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    let esc = |s: &str| maud::html! { (s) }.into_string();
    for s in spans(v).iter().filter(|s| fits(s)) {
        while let Some(&end) = open.last() {
            if end > s.start {
                break;
            }
            html_out.push_str(&esc(&text[at..end]));
            html_out.push_str("</span>");
            at = end;
            open.pop();
        }
        if s.start < at {
            continue;
        }
        html_out.push_str(&esc(&text[at..s.start]));
        at = s.start;
        let end = open.last().map_or(s.end, |&outer| s.end.min(outer));
        let id = format!("{}-{}", s.prefix, s.start);
        let id_attr = if ids.insert(id.clone()) {
            format!(" id=\"{id}\"")
        } else {
            String::new()
        };
        html_out.push_str(&format!(
            "<span class=\"{}\"{id_attr} title=\"{}\">",
            s.class,
            esc(&s.label)
        ));
        open.push(end);
    }
    while let Some(end) = open.pop() {
        html_out.push_str(&esc(&text[at..end]));
        html_out.push_str("</span>");
        at = end;
    }
    html_out.push_str(&esc(&text[at..]));
    maud::PreEscaped(html_out)
}

fn link(l: &Link) -> Markup {
    html! {
        a href=(format!("/articles/{}", l.article)) {
            (l.name.outlet.as_deref().unwrap_or("outlet unknown"))
            @if let Some(t) = &l.name.title { ", ‘" (t) "’" }
        }
        " (article " (l.article) ", " (format!("{:.0}", l.share * 100.0)) "% of its sentences shared)"
    }
}

/// `/articles/{id}`.
pub fn page(v: &ArticleView) -> Page {
    let title = v
        .title
        .clone()
        .unwrap_or_else(|| format!("Article {}", v.id));
    let names = speakers(v);
    let first_quote = |name: &str| {
        v.quotes
            .iter()
            .find(|q| q.speaker.as_deref().unwrap_or("unattributed") == name)
            .map(|q| format!("#q-{}", q.start))
            .unwrap_or_default()
    };
    let latest = v.versions.last().map_or(v.version, |x| x.seq);
    layout(
        &title,
        Nav::None,
        html! {
            h1 { (title) @if v.draft { " " span.badge { "draft" } } }
            dl.meta {
                dt { "Outlet" } dd { (v.outlet.as_deref().unwrap_or("unknown")) }
                @if let Some(d) = &v.published { dt { "Published" } dd { (d) } }
                @if let Some(a) = &v.author { dt { "Author" } dd { (a) } }
                @if let Some(u) = &v.url { dt { "URL" } dd { (external_link(u)) } }
                dt { "Version" } dd { (v.version) " of " (latest) ", " (v.words) " words, read as " (v.format) }
            }
            div.article-layout {
                article.article-text aria-label="Article text" {
                    div.text { (marked_text(v)) }
                }
                aside.side aria-label="About this article" {
                    h2 { "Speakers" }
                    @if names.is_empty() { p { "No quotes found." } }
                    ul.speakers {
                        @for (n, name) in names.iter().enumerate() {
                            li {
                                span class=(format!("swatch sp-{}", n % COLOURS)) aria-hidden="true" {}
                                a href=(first_quote(name)) { (name) }
                                " (" (v.quotes.iter().filter(|q| q.speaker.as_deref().unwrap_or("unattributed") == *name).count()) ")"
                            }
                        }
                    }
                    p.legend { span.figure { "12 figures" } " are marked like this." }
                    p { (v.quotes.len()) " quotes, " (v.figures.len()) " figures." }
                    h2 { "Versions" }
                    ol.versions-list {
                        @for x in &v.versions {
                            li {
                                "Version " (x.seq) ", " (x.ingested_at.chars().take(10).collect::<String>())
                                @if x.seq > 1 {
                                    " · " a href=(format!("/articles/{}/diff?from={}&to={}", v.id, x.seq - 1, x.seq)) { "changes from " (x.seq - 1) }
                                }
                            }
                        }
                    }
                    h2 { "Lineage" }
                    @if v.lineage.derives_from.is_none() && v.lineage.derived_by.is_empty() {
                        p { "Neither a rewrite of another article nor rewritten by one." }
                    }
                    @if let Some(l) = &v.lineage.derives_from {
                        p { "Derives from " (link(l)) "." }
                    }
                    @if !v.lineage.derived_by.is_empty() {
                        p { "Rewritten by:" }
                        ul { @for l in &v.lineage.derived_by { li { (link(l)) } } }
                    }
                    p.api { a href=(format!("/api/articles/{}", v.id)) { "This article as JSON" } }
                }
            }
        },
    )
}
