//! Article metadata: from flags, from a sidecar file, or inferred from text.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What is known about an article besides its text. Every field is
/// optional: unknown is `None`, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// ISO date (`2021-05-14`) or date-time.
    pub published: Option<String>,
    pub author: Option<String>,
}

impl Meta {
    /// Fill the fields `self` lacks from `other` (`self` wins).
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            outlet: self.outlet.or(other.outlet),
            url: self.url.or(other.url),
            title: self.title.or(other.title),
            published: self.published.or(other.published),
            author: self.author.or(other.author),
        }
    }
}

/// The sidecar of an article file: `NAME.meta.json` beside `NAME.ext`.
pub fn sidecar_path(article: &Path) -> PathBuf {
    article.with_extension("meta.json")
}

/// True when `path` is a sidecar, not an article.
pub fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".meta.json"))
}

/// Read the sidecar of `article`, if there is one.
pub fn read_sidecar(article: &Path) -> Result<Option<Meta>> {
    let path = sidecar_path(article);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut meta: Meta = serde_json::from_slice(&bytes).map_err(|e| Error::Sidecar {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    if let Some(p) = meta.published.take() {
        meta.published = Some(normalise_date(&p).ok_or_else(|| Error::Sidecar {
            path: path.clone(),
            reason: format!("published date {p:?} is not a date like 2021-05-14"),
        })?);
    }
    Ok(Some(meta))
}

static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^\s*(?:original\s+url|source\s+url|source|url)\s*:\s*<?(https?://[^\s>]+)>?\s*$",
    )
    .unwrap()
});
static URL_NEXT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^\s*(?:original\s+url|source\s+url|url)\s*:\s*\n(?:\s*\n)*\s*<?(https?://[^\s>]+)>?",
    )
    .unwrap()
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*By\s+\[?([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\]?(?:\([^)]*\))?\s*$")
        .unwrap()
});
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$").unwrap()
});

/// Infer metadata from article text: an "Original url:" line, a headline
/// in the first lines, a "By Name" byline, a date on a line of its own
/// near the top.
pub fn infer(text: &str) -> Meta {
    let url = URL_LINE
        .captures(text)
        .or_else(|| URL_NEXT_LINE.captures(text))
        .map(|c| c[1].to_string());
    let head: String = text.lines().take(40).collect::<Vec<_>>().join("\n");
    Meta {
        outlet: url.as_deref().and_then(host_of),
        url,
        title: text
            .lines()
            .map(|l| l.trim().trim_start_matches('#').trim())
            .filter(|l| !l.is_empty())
            .take(3)
            .find(|l| looks_like_headline(l))
            .map(str::to_string),
        published: DATE_LINE
            .captures(&head)
            .and_then(|c| normalise_date(&c[1])),
        author: BYLINE.captures(&head).map(|c| c[1].to_string()),
    }
}

/// A headline: short, several words, not ending like a sentence.
fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.len() <= 200
        && words >= 3
        && !line.ends_with(['.', ',', ';', ':'])
        && !line.starts_with(['“', '"', '*', '<', '('])
}

/// The host of a URL without `www.` ("themoscowtimes.com").
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Normalise a date as people write it to ISO: `2021-05-14`,
/// `2021-05-14T10:00:00Z`, `May 14, 2021`, `14 May 2021`. `None` if it is
/// not a date.
pub fn normalise_date(s: &str) -> Option<String> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})-(\d{2})(?:-(\d{2}))?([T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$").unwrap()
    });
    static MDY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$").unwrap());
    static DMY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$").unwrap());
    let s = s.trim();
    let ymd = |y: &str, m: u32, d: u32| -> Option<String> {
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y}-{m:02}-{d:02}"))
    };
    let month = |name: &str| -> Option<u32> {
        let lower = name.to_ascii_lowercase();
        let i = MONTHS.iter().position(|m| lower.starts_with(m))?;
        Some(i as u32 + 1)
    };
    if let Some(c) = ISO.captures(s) {
        let m: u32 = c[2].parse().ok()?;
        let d: u32 = c.get(3).map_or(Some(1), |d| d.as_str().parse().ok())?;
        ymd(&c[1], m, d)?;
        return Some(s.to_string());
    }
    if let Some(c) = MDY.captures(s) {
        return ymd(&c[3], month(&c[1])?, c[2].parse().ok()?);
    }
    if let Some(c) = DMY.captures(s) {
        return ymd(&c[3], month(&c[2])?, c[1].parse().ok()?);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infers_url_title_byline_date() {
        let text = "# Can We Cooperate?\n\nBy [Jane Doe](#)\n\nMay 14, 2021\n\nBody.\n\nOriginal url:\n\n<https://www.example.com/2021/a>\n";
        let m = infer(text);
        assert_eq!(m.url.as_deref(), Some("https://www.example.com/2021/a"));
        assert_eq!(m.outlet.as_deref(), Some("example.com"));
        assert_eq!(m.title.as_deref(), Some("Can We Cooperate?"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.published.as_deref(), Some("2021-05-14"));
    }

    #[test]
    fn a_first_sentence_is_not_a_headline() {
        let m = infer("The head of the agency said on Monday that talks resumed.\nMore.\n");
        assert_eq!(m.title, None);
        assert_eq!(m.url, None);
    }

    #[test]
    fn dates() {
        assert_eq!(normalise_date("2021-05-14").as_deref(), Some("2021-05-14"));
        assert_eq!(
            normalise_date("Oct. 31, 2016").as_deref(),
            Some("2016-10-31")
        );
        assert_eq!(
            normalise_date("31 October 2016").as_deref(),
            Some("2016-10-31")
        );
        assert_eq!(normalise_date("2021-13-01"), None);
        assert_eq!(normalise_date("yesterday"), None);
    }
}
