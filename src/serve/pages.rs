//! The pages about claims: the contested list, one claim, search results,
//! a version diff.

use maud::{html, Markup};

use super::html::{diff_ops, diff_side, encode, layout, query, trusted, Nav, Page};
use super::params::{Contested, PER_PAGE, REASONS};
use crate::diff::words::word_diff;
use crate::matching::{ItemKind, Label, Reason};
use crate::report::claims::{reason_text, ClaimReport};
use crate::store::enum_name;
use crate::store::matching::ItemView;
use crate::store::query::{ArticleHit, QuoteRow};

/// Where an item is in its article's page.
pub fn item_href(i: &ItemView) -> String {
    match i.kind {
        ItemKind::Quote => format!("/articles/{}#q-{}", i.article, i.start),
        ItemKind::Figure => format!("/articles/{}#f-{}", i.article, i.start),
        ItemKind::Narration => format!("/articles/{}", i.article),
    }
}

fn outlet(i: &ItemView) -> String {
    i.outlet.clone().unwrap_or_else(|| "outlet unknown".into())
}

fn kind_name(k: ItemKind) -> &'static str {
    match k {
        ItemKind::Quote => "quote",
        ItemKind::Figure => "figure",
        ItemKind::Narration => "passage",
    }
}

/// Who a version credits: "direct quote, Alexander Bortnikov (director of …)".
fn credit(i: &ItemView) -> Markup {
    html! {
        @match i.kind {
            ItemKind::Figure => "figure",
            ItemKind::Narration => "the narrator's own words",
            ItemKind::Quote => {
                (i.quote_kind.as_deref().unwrap_or("a")) " quote, "
                strong { (i.speaker.as_deref().unwrap_or("unattributed")) }
                @if let Some(t) = &i.speaker_title { " (" (t) ")" }
            }
        }
    }
}

/// What makes two items the same version for a reader.
type Key<'a> = (
    ItemKind,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn key(i: &ItemView) -> Key<'_> {
    (
        i.kind,
        i.text.as_str(),
        i.speaker.as_deref(),
        i.speaker_title.as_deref(),
        i.quote_kind.as_deref(),
    )
}

/// Distinct versions of a claim (the words and who they are credited to),
/// each with every item carrying it, in the claim's order.
pub fn versions(c: &ClaimReport) -> Vec<Vec<&ItemView>> {
    let mut groups: Vec<Vec<&ItemView>> = Vec::new();
    for i in &c.items {
        match groups.iter_mut().find(|g| key(g[0]) == key(i)) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

fn reason_badges(c: &ClaimReport) -> Markup {
    html! {
        ul.reasons aria-label="Why outlets disagree" {
            @for r in &c.reasons {
                li class=(format!("reason r-{}", enum_name(r))) title=(reason_text(*r)) { (enum_name(r).replace('_', " ")) }
            }
        }
    }
}

/// The versions side by side, the words that differ from the first
/// version marked.
/// How many outlets carrying a version the front page lists (the claim's
/// own page lists them all).
const CARRIERS_LISTED: usize = 6;

fn side_by_side(c: &ClaimReport, full: bool) -> Markup {
    let groups = versions(c);
    // Which item reprints which: (article, start) → the source article.
    let reprint_of: std::collections::HashMap<(i64, usize), i64> = c
        .copies
        .iter()
        .filter(|n| n.how == "reprint")
        .filter_map(|n| Some(((n.article, n.item?.0), n.source)))
        .collect();
    let first = groups.first().map(|g| g[0].text.as_str()).unwrap_or("");
    let other = groups.get(1).map(|g| g[0].text.as_str()).unwrap_or(first);
    html! {
        div.versions {
            @for (n, g) in groups.iter().enumerate() {
                @let i = g[0];
                section.version aria-label=(format!("Version {}", n + 1)) {
                    p.words {
                        "“"
                        @if n == 0 { (diff_side(&word_diff(first, other), true)) }
                        @else { (diff_side(&word_diff(first, &i.text), false)) }
                        "”"
                    }
                    p.credit { (credit(i)) }
                    @if full {
                        @if let Some(s) = &i.sentence {
                            @if s.trim() != i.text.trim() { p.sentence { "in: " (sentence_with(s, &i.text)) } }
                        }
                    }
                    @let shown = if full { g.len() } else { g.len().min(CARRIERS_LISTED) };
                    ul.carried {
                        @for m in &g[..shown] {
                            li {
                                a href=(item_href(m)) { (outlet(m)) }
                                @if let Some(d) = &m.published { " · " (d) }
                                @if full { @if let Some(t) = &m.title { " · " span.title { (t) } } }
                                " " span.aid { "article " (m.article) }
                                @if let Some(source) = reprint_of.get(&(m.article, m.start)) {
                                    " " span.copy { "reprint of article " (source) }
                                }
                            }
                        }
                        @if shown < g.len() {
                            li.more {
                                a href=(format!("/claims/{}", c.id)) { "and " (g.len() - shown) " more" }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A sentence with the figure's words marked.
fn sentence_with(sentence: &str, needle: &str) -> Markup {
    match sentence.find(needle).filter(|_| !needle.is_empty()) {
        Some(at) => html! { (sentence[..at]) mark { (needle) } (sentence[at + needle.len()..]) },
        None => html! { (sentence) },
    }
}

fn summary_line(c: &ClaimReport) -> Markup {
    html! {
        (kind_name(c.kind)) ", " (c.outlets) " outlets"
        @if c.independent < c.outlets { ", " (c.independent) " independent" }
        @if let Some(s) = c.severity { " — " span.status { (reason_text(s)) } }
    }
}

/// `/`: the contested claims, filters as a GET form, paged.
pub fn contested(f: &Contested, claims: &[ClaimReport], more: bool) -> Page {
    let page = f.page.unwrap_or(1);
    let link = |p: usize| {
        let mut q = f.pairs();
        q.push(("page".into(), p.to_string()));
        format!("/?{}", query(&q))
    };
    let filters = query(&f.pairs());
    let api = if filters.is_empty() {
        "/api/contested".to_string()
    } else {
        format!("/api/contested?{filters}")
    };
    layout(
        "Contested claims",
        Nav::Contested,
        html! {
            h1 { "Contested claims" }
            p.lead { "Claims on which outlets disagree, the most serious first." }
            (filter_form(f))
            @if claims.is_empty() {
                p.empty { "No contested claim matches these filters." }
            } @else {
                p.count { "Claims " ((page - 1) * PER_PAGE + 1) "–" ((page - 1) * PER_PAGE + claims.len()) @if more { ", more on the next page" } "." }
                ol.claims start=((page - 1) * PER_PAGE + 1) {
                    @for c in claims {
                        li.claim {
                            h2 { a href=(format!("/claims/{}", c.id)) { "Claim " (c.id) } }
                            p.meta { (summary_line(c)) }
                            (reason_badges(c))
                            (side_by_side(c, false))
                        }
                    }
                }
            }
            nav.pages aria-label="Pages" {
                @if page > 1 { a rel="prev" href=(link(page - 1)) { "← Previous" } }
                @if more { a rel="next" href=(link(page + 1)) { "Next →" } }
                a.api href=(api) { "This list as JSON" }
            }
        },
    )
}

fn filter_form(f: &Contested) -> Markup {
    html! {
        form.filters method="get" action="/" {
            fieldset.reasons {
                legend { "Reasons" }
                @for r in REASONS {
                    @let name = enum_name(r);
                    label {
                        input type="checkbox" name="reason" value=(name) checked[f.reasons.contains(r)];
                        " " (name.replace('_', " "))
                    }
                }
            }
            div.fields {
                label for="outlet" { "Outlet" }
                input #outlet type="text" name="outlet" value=[f.outlet.as_deref()];
                label for="since" { "Published since" }
                input #since type="date" name="since" value=[f.since.as_deref()];
                label for="until" { "until" }
                input #until type="date" name="until" value=[f.until.as_deref()];
            }
            div.checks {
                label { input type="checkbox" name="independent" value="1" checked[f.min_independent >= 2]; " Independent sources only (2 or more)" }
                label { input type="checkbox" name="drafts" value="1" checked[f.drafts]; " Count saved drafts" }
            }
            div.actions {
                button type="submit" { "Filter" }
                a href="/" { "Clear filters" }
            }
        }
    }
}

/// `/claims/{id}`: one claim in full.
pub fn claim(c: &ClaimReport) -> Page {
    let text_at = |article: i64, start: usize| {
        c.items
            .iter()
            .find(|i| i.article == article && i.start == start)
    };
    layout(
        &format!("Claim {}", c.id),
        Nav::Contested,
        html! {
            h1 { "Claim " (c.id) }
            p.meta {
                @if c.contested { strong.contested { "Contested" } ": " } @else { "Restated alike: " }
                (summary_line(c))
            }
            @if !c.reasons.is_empty() {
                h2 { "Why outlets disagree" }
                ul.why { @for r in &c.reasons { li { (reason_text(*r)) } } }
            }
            h2 { "Versions" }
            (side_by_side(c, true))
            @let diverging: Vec<_> = c.pairs.iter().filter(|p| p.label == Label::Diverges).collect();
            @if !diverging.is_empty() {
                h2 { "Divergences" }
                ul.pairs {
                    @for p in diverging {
                        li {
                            a href=(text_at(p.a.article, p.a.start).map_or(format!("/articles/{}", p.a.article), item_href)) { "article " (p.a.article) }
                            " vs "
                            a href=(text_at(p.b.article, p.b.start).map_or(format!("/articles/{}", p.b.article), item_href)) { "article " (p.b.article) }
                            ": " (p.reasons.iter().map(|r: &Reason| reason_text(*r)).collect::<Vec<_>>().join("; "))
                            " " span.score { "(similarity " (format!("{:.2}", p.score)) ")" }
                            @if let Some(d) = &p.diff {
                                p.diff { (diff_ops(d)) }
                            }
                        }
                    }
                }
            }
            @let rewrites: Vec<_> = c.copies.iter().filter(|n| n.how == "rewrite").collect();
            @if !rewrites.is_empty() {
                h2 { "Rewrites" }
                p { "A rewrite is not independent confirmation." }
                ul {
                    @for n in rewrites {
                        li {
                            a href=(format!("/articles/{}", n.article)) { (n.outlet.as_deref().unwrap_or("outlet unknown")) " [article " (n.article) "]" }
                            " derives from "
                            a href=(format!("/articles/{}", n.source)) { (n.source_outlet.as_deref().unwrap_or("outlet unknown")) " [article " (n.source) "]" }
                        }
                    }
                }
            }
            p.api { a href=(format!("/api/claims/{}", c.id)) { "This claim as JSON" } }
        },
    )
}

/// `/search`: quotes and articles matching the words.
pub fn search(q: &str, found: Option<(&[QuoteRow], &[ArticleHit])>, limit: usize) -> Page {
    layout(
        if q.is_empty() {
            "Search"
        } else {
            "Search results"
        },
        Nav::Search,
        html! {
            h1 { "Search" }
            form.search method="get" action="/search" role="search" {
                label for="q" { "Words (all must occur; \"a phrase\" in double quotes)" }
                input #q type="search" name="q" value=(q);
                button type="submit" { "Search" }
            }
            @match found {
                None if !q.trim().is_empty() => p.empty { "Give at least one word." },
                None => "",
                Some((quotes, articles)) => {
                    h2 { "Quotes (" (quotes.len()) @if quotes.len() >= limit { "+" } ")" }
                    @if quotes.is_empty() { p.empty { "No quote matches." } }
                    ul.hits {
                        @for r in quotes {
                            li {
                                a href=(format!("/articles/{}#q-{}", r.article, r.start)) { "“" (r.text) "”" }
                                " — " (r.speaker.as_deref().unwrap_or("unattributed"))
                                p.where { (r.outlet.as_deref().unwrap_or("outlet unknown")) @if let Some(t) = &r.title { ", " (t) } " · article " (r.article) }
                            }
                        }
                    }
                    h2 { "Articles (" (articles.len()) @if articles.len() >= limit { "+" } ")" }
                    @if articles.is_empty() { p.empty { "No article matches." } }
                    ul.hits {
                        @for h in articles {
                            li {
                                a href=(format!("/articles/{}", h.article)) { (h.title.as_deref().unwrap_or("(no title)")) }
                                p.where { (h.outlet.as_deref().unwrap_or("outlet unknown")) @if let Some(d) = &h.published { ", " (d) } " · article " (h.article) }
                                p.snippet { (snippet(h)) }
                            }
                        }
                    }
                    p.api { a href=(format!("/search?q={}", encode(q))) { "Link to this search" } }
                }
            }
        },
    )
}

fn snippet(h: &ArticleHit) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut at = 0;
    for &(s, e) in &h.highlights {
        if let (Some(before), Some(m)) = (h.snippet.get(at..s), h.snippet.get(s..e)) {
            parts.push((false, before));
            parts.push((true, m));
            at = e;
        }
    }
    parts.push((false, h.snippet.get(at..).unwrap_or("")));
    html! { @for (hit, t) in parts { @if hit { mark { (t) } } @else { (t) } } }
}

/// `/articles/{id}/diff`: what changed between two versions.
pub fn diff(id: i64, title: &str, from: i64, to: i64, latest: i64, body: String) -> Page {
    layout(
        &format!("Article {id}: version {from} → {to}"),
        Nav::None,
        html! {
            p.crumbs { a href=(format!("/articles/{id}")) { "← " (title) } }
            h1 { "Version " (from) " → version " (to) }
            form.versions-pick method="get" action=(format!("/articles/{id}/diff")) {
                label for="from" { "From version" }
                input #from type="number" name="from" min="1" max=(latest) value=(from);
                label for="to" { "to" }
                input #to type="number" name="to" min="1" max=(latest) value=(to);
                button type="submit" { "Compare" }
            }
            div.diff { (trusted(body)) }
        },
    )
}
