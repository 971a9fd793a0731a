//! What a page says about its article: headline, author, date and outlet,
//! from JSON-LD (`NewsArticle` and its kin, inside `@graph` and arrays too),
//! Open Graph and `article:` tags, other `<meta>` names, `<time datetime>`,
//! `itemprop`, byline and date elements, and the date in the URL. Dates go
//! through [`normalise_date`], so only real dates are kept.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::tree::Page;
use crate::ingest::meta::{normalise_date, Meta};

/// JSON-LD types that are an article.
fn is_article_type(t: &str) -> bool {
    matches!(
        t,
        "NewsArticle"
            | "Article"
            | "ReportageNewsArticle"
            | "AnalysisNewsArticle"
            | "OpinionNewsArticle"
            | "BackgroundNewsArticle"
            | "ReviewNewsArticle"
            | "BlogPosting"
            | "LiveBlogPosting"
            | "Report"
            | "ScholarlyArticle"
            | "TechArticle"
    )
}

/// What JSON-LD says of the article.
#[derive(Debug, Default, PartialEq)]
pub struct LinkedData {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
}

/// Read the first article object in the JSON-LD blocks (any object with a
/// `datePublished` when none is typed as an article). Malformed blocks are
/// passed over.
pub fn linked_data(blocks: &[String]) -> LinkedData {
    let mut article: Option<&Value> = None;
    let mut fallback: Option<&Value> = None;
    let parsed: Vec<Value> = blocks
        .iter()
        .filter_map(|b| {
            let b = b.trim();
            let b = b.strip_prefix("<![CDATA[").unwrap_or(b);
            let b = b.strip_suffix("]]>").unwrap_or(b);
            // serde_json refuses nesting past 128 levels: no deep recursion.
            serde_json::from_str(b.trim()).ok()
        })
        .collect();
    let mut stack: Vec<&Value> = parsed.iter().rev().collect();
    let mut visited = 0;
    while let Some(v) = stack.pop() {
        visited += 1;
        if visited > 10_000 || article.is_some() {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                let typed = match map.get("@type") {
                    Some(Value::String(t)) => is_article_type(t),
                    Some(Value::Array(ts)) => {
                        ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                    }
                    _ => false,
                };
                if typed {
                    article = Some(v);
                } else if fallback.is_none() && map.contains_key("datePublished") {
                    fallback = Some(v);
                }
                stack.extend(map.values().rev().filter(|c| c.is_object() || c.is_array()));
            }
            _ => {}
        }
    }
    let Some(Value::Object(a)) = article.or(fallback) else {
        return LinkedData::default();
    };
    let text = |key: &str| {
        a.get(key)
            .and_then(Value::as_str)
            .map(clean)
            .filter(|s| !s.is_empty())
    };
    LinkedData {
        headline: text("headline").or_else(|| text("name")),
        authors: a.get("author").map(names).unwrap_or_default(),
        published: text("datePublished").and_then(|d| date(&d)),
        modified: text("dateModified").and_then(|d| date(&d)),
        publisher: a.get("publisher").and_then(|p| names(p).into_iter().next()),
    }
}

/// The names in an author or publisher value: a string, an object with a
/// `name`, or an array of either.
fn names(v: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(clean(s)),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(clean),
        _ => None,
    };
    let all: Vec<String> = match v {
        Value::Array(items) => items.iter().take(20).filter_map(one).collect(),
        v => one(v).into_iter().collect(),
    };
    all.into_iter()
        .filter(|n| !n.is_empty() && !n.contains("://"))
        .collect()
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date as pages write it, normalised: ISO (a date-time's day kept as
/// written), `Thu, 06 Oct 2011 08:10:27 EST`, `Fri Mar 13 21:30:09 EST
/// 2015`, `20170113`, `Published: 11/18/2011`, `March 11, 2015 3:46 PM`.
pub fn date(s: &str) -> Option<String> {
    static ISO_DAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{4}-\d{2}-\d{2})(?:[T ]|$)").unwrap());
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b").unwrap()
    });
    static MDY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:[\d:]+\s+\S+\s+)?(\d{4})\b",
        )
        .unwrap()
    });
    static COMPACT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^((?:19|20)\d{2})(\d{2})(\d{2})$").unwrap());
    static NUMERIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b").unwrap());
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(d) = normalise_date(s) {
        return Some(d);
    }
    if let Some(c) = ISO_DAY.captures(s) {
        return normalise_date(&c[1]);
    }
    if let Some(c) = COMPACT.captures(s) {
        return normalise_date(&format!("{}-{}-{}", &c[1], &c[2], &c[3]));
    }
    if let Some(c) = DMY.captures(s) {
        if let Some(d) = normalise_date(&format!("{} {} {}", &c[1], &c[2], &c[3])) {
            return Some(d);
        }
    }
    if let Some(c) = MDY.captures(s) {
        if let Some(d) = normalise_date(&format!("{} {}, {}", &c[1], &c[2], &c[3])) {
            return Some(d);
        }
    }
    let c = NUMERIC.captures(s)?;
    normalise_date(&format!("{}-{:0>2}-{:0>2}", &c[3], &c[1], &c[2]))
}

/// `<meta>` names that give the publication date, most trusted first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "article:published",
    "datepublished",
    "og:published_time",
    "published_time",
    "publish-date",
    "publish_date",
    "published-date",
    "published_at",
    "publication_date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "dcsext.articlefirstpublished",
    "article:publicationdate",
    "sailthru.date",
    "parsely-pub-date",
    "pdate",
    "displaydate",
];

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
        .unwrap()
});

/// The date in an article's URL (`/2015/03/18/`, `-20190520/`).
pub fn url_date(url: &str) -> Option<String> {
    let c = URL_DATE.captures(url)?;
    normalise_date(&format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

fn meta_value<'a>(page: &'a Page, key: &str) -> Option<&'a str> {
    page.metas
        .iter()
        .find(|(k, v)| k == key && !v.trim().is_empty())
        .map(|(_, v)| v.as_str())
}

/// The text of a node's subtree, whitespace collapsed, at most `max` bytes.
fn text_of(page: &Page, node: usize, max: usize) -> String {
    let mut out = String::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if out.len() > max {
            break;
        }
        let node = &page.nodes[n];
        if node.hidden {
            continue;
        }
        if node.is_text() {
            out.push_str(&node.text);
        } else {
            if matches!(&*node.tag, "br" | "p" | "div" | "li") {
                out.push(' ');
            }
            stack.extend(node.children.iter().rev());
        }
    }
    clean(&out)
}

static BYLINE_HINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"byline|author|writer|contributor").unwrap());
static DATE_HINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"date|time|publish|posted|byline|author|meta").unwrap());

/// Metadata of a page.
pub fn read(page: &Page) -> Meta {
    let ld = linked_data(&page.json_ld);
    let url = page
        .canonical
        .clone()
        .or_else(|| meta_value(page, "og:url").map(str::to_string));
    let mut published = ld.published.clone();
    for key in DATE_KEYS {
        if published.is_some() {
            break;
        }
        published = page
            .metas
            .iter()
            .filter(|(k, _)| k == key)
            .find_map(|(_, v)| date(v));
    }
    let mut by_hint = None;
    let mut author_el = None;
    let mut time_el = None;
    for (i, n) in page.nodes.iter().enumerate() {
        if n.is_text() || n.hidden {
            continue;
        }
        if published.is_none() && n.itemprop.as_deref() == Some("datepublished") {
            published = n
                .value
                .as_deref()
                .and_then(date)
                .or_else(|| date(&text_of(page, i, 200)));
        }
        if time_el.is_none() && &*n.tag == "time" {
            time_el = n.value.as_deref().and_then(date);
        }
        if by_hint.is_none() && DATE_HINT.is_match(&n.hint) {
            let t = text_of(page, i, 200);
            if t.len() <= 120 {
                by_hint = date(&t);
            }
        }
        if author_el.is_none()
            && (n.rel.as_deref() == Some("author")
                || n.itemprop.as_deref() == Some("author")
                || BYLINE_HINT.is_match(&n.hint))
        {
            author_el = byline_name(&text_of(page, i, 200));
        }
    }
    let published = published
        .or(time_el)
        .or(by_hint)
        .or_else(|| url.as_deref().and_then(url_date));
    let author = (!ld.authors.is_empty())
        .then(|| ld.authors.join(", "))
        .or_else(|| {
            [
                "author",
                "article:author",
                "parsely-author",
                "sailthru.author",
                "byl",
            ]
            .iter()
            .filter_map(|k| meta_value(page, k))
            .find_map(byline_name)
        })
        .or(author_el);
    Meta {
        outlet: meta_value(page, "og:site_name").map(clean).or(ld.publisher),
        url,
        title: title(page, ld.headline),
        published,
        author,
    }
}

/// A writer's name from a byline ("By JOE HILDEBRAND", "By Jane Doe |
/// March 25, 2015"): what follows "By", up to a date, bar or line end.
pub fn byline_name(s: &str) -> Option<String> {
    static BY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s*by[:\s]+").unwrap());
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(\||•|·|—|\bon\b|\bupdated\b|\bpublished\b|\bposted\b|\d|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b).*$").unwrap()
    });
    let s = clean(s);
    let s = BY.replace(&s, "");
    let s = CUT.replace(&s, "");
    let s = s.trim().trim_end_matches([',', ';', ':', '-']).trim();
    let words = s.split_whitespace().count();
    // Names are capitalised, bar joining words ("Ann and Bo", "van Gogh").
    let capitalised = s.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                w,
                "and" | "de" | "da" | "van" | "von" | "der" | "la" | "le" | "bin"
            )
    });
    let name_like = (1..=8).contains(&words) && s.len() <= 80 && !s.contains("://") && capitalised;
    name_like.then(|| s.to_string())
}

/// The headline: an `<h1>` (or `itemprop="headline"`) that agrees with
/// what the metadata calls the title; else the metadata title with the
/// site's name cut off; else the first `<h1>`; else `<title>`.
fn title(page: &Page, ld_headline: Option<String>) -> Option<String> {
    let reference = ld_headline
        .or_else(|| meta_value(page, "og:title").map(clean))
        .or_else(|| meta_value(page, "twitter:title").map(clean))
        .or_else(|| Some(clean(&page.title)).filter(|t| !t.is_empty()));
    let mut heads = Vec::new();
    for (i, n) in page.nodes.iter().enumerate() {
        if heads.len() >= 8 {
            break;
        }
        if !n.hidden && (&*n.tag == "h1" || n.itemprop.as_deref() == Some("headline")) {
            let t = text_of(page, i, 600);
            if !t.is_empty() && t.len() <= 500 {
                heads.push(t);
            }
        }
    }
    let key = |s: &str| crate::eval_html::words(s).collect::<Vec<_>>().join(" ");
    if let Some(r) = &reference {
        let r_key = key(r);
        let agrees = |h: &&String| {
            let h_key = key(h);
            h_key.split(' ').count() >= 2 && (r_key.contains(&h_key) || h_key.contains(&r_key))
        };
        if let Some(h) = heads.iter().find(agrees) {
            return Some(h.clone());
        }
        let site = meta_value(page, "og:site_name").map(key);
        return Some(strip_site(r, site.as_deref()));
    }
    heads.into_iter().next()
}

/// A title without the site's name before or after it ("Story - Site",
/// "Site | Story").
fn strip_site(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
    let mut t = title.trim().to_string();
    for _ in 0..3 {
        let Some((at, sep)) = SEPARATORS
            .iter()
            .filter_map(|s| t.rfind(s).map(|at| (at, *s)))
            .max_by_key(|&(at, _)| at)
        else {
            break;
        };
        let (head, tail) = (&t[..at], &t[at + sep.len()..]);
        let tail_key = crate::eval_html::words(tail).collect::<Vec<_>>().join(" ");
        let is_site = site.is_some_and(|s| s == tail_key) || tail.split_whitespace().count() <= 3;
        if !is_site || head.split_whitespace().count() < 3 {
            break;
        }
        t = head.trim().to_string();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_pages_write_them() {
        for (written, iso) in [
            ("2019-04-28 06:01:07", "2019-04-28 06:01:07"),
            ("2017-11-03 03:01:00.000000", "2017-11-03 03:01:00.000000"),
            ("2017-11-16T14:15+0000", "2017-11-16T14:15+0000"),
            ("2015-04-16T20:02:01.5+0000Z", "2015-04-16"),
            ("Thu, 06 Oct 2011 08:10:27 EST", "2011-10-06"),
            ("Fri Mar 13 21:30:09 EST 2015", "2015-03-13"),
            ("20170113", "2017-01-13"),
            ("Published: 11/18/2011 2:27 AM", "2011-11-18"),
            ("March 11, 2015 3:46 PM", "2015-03-11"),
            ("Updated 24 July 2015", "2015-07-24"),
        ] {
            assert_eq!(date(written).as_deref(), Some(iso), "{written:?}");
        }
        for junk in ["comment_date", "", "2021-02-30", "13/45/2011"] {
            assert_eq!(date(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn json_ld_in_graphs_and_arrays() {
        let blocks = [
            "not json {".to_string(),
            r#"[{"@type":"WebSite","name":"X"},{"@graph":[{"@type":["NewsArticle"],
               "headline":" A  head ","datePublished":"2021-05-14T10:00:00Z",
               "dateModified":"bad","author":[{"@type":"Person","name":"Ann Lee"},"Bo Wu"],
               "publisher":{"name":"The Daily"}}]}]"#
                .to_string(),
        ];
        let ld = linked_data(&blocks);
        assert_eq!(
            ld,
            LinkedData {
                headline: Some("A head".into()),
                authors: vec!["Ann Lee".into(), "Bo Wu".into()],
                published: Some("2021-05-14T10:00:00Z".into()),
                modified: None,
                publisher: Some("The Daily".into()),
            }
        );
        let deep = "[".repeat(100_000);
        assert_eq!(linked_data(&[deep]), LinkedData::default());
    }

    #[test]
    fn bylines_and_url_dates() {
        assert_eq!(
            byline_name("By JOE HILDEBRAND").as_deref(),
            Some("JOE HILDEBRAND")
        );
        assert_eq!(
            byline_name("By Nathan Willis\n March 25, 2015").as_deref(),
            Some("Nathan Willis")
        );
        assert_eq!(byline_name("Share this"), None);
        assert_eq!(
            url_date("http://x.com/2015/03/18/story.html").as_deref(),
            Some("2015-03-18")
        );
        assert_eq!(
            url_date("https://q.org/heroines-20190520/").as_deref(),
            Some("2019-05-20")
        );
        assert_eq!(url_date("https://q.org/id/1234567890"), None);
    }

    #[test]
    fn site_names_come_off_titles() {
        assert_eq!(
            strip_site("Getting LEAN with Digital Ad UX | IAB", None),
            "Getting LEAN with Digital Ad UX"
        );
        assert_eq!(
            strip_site("Raspberry Pi 3 - The credit card sized PC", None),
            "Raspberry Pi 3 - The credit card sized PC"
        );
    }
}
