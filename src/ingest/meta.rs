//! Article metadata: from flags, from a sidecar file, or inferred from text.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::extract::figures::{calendar_date, month_number};

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
    // Editors on Windows save UTF-8 with a byte order mark, which JSON
    // parsers refuse.
    let json = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut meta: Meta = serde_json::from_slice(json).map_err(|e| Error::Sidecar {
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

/// Normalise a date as people write it to ISO: `2021-05-14`, `2021-05`,
/// `2021-05-14T10:00:00Z`, `May 14, 2021`, `Sept. 5, 2021`, `14 May 2021`.
/// `None` if it is not a date, or names a day, time or offset that does
/// not exist (`2021-02-29`, `April 31, 2021`, `2021-05-14T25:00`).
///
/// ISO input comes back as written (trimmed), so a stored date-time keeps
/// its time and offset; other forms come back as `YYYY-MM-DD`. Either way
/// the result normalises to itself.
pub fn normalise_date(s: &str) -> Option<String> {
    // The shape is checked here and the numbers by the calendar below.
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^(\d{4})-(\d{2})",
            r"(?:-(\d{2})",
            r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?",
            r"(Z|([+-])(\d{2}):?(\d{2}))?)?)?$",
        ))
        .unwrap()
    });
    static MDY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([A-Za-z]{3,9})(\.?)\s+(\d{1,2}),?\s+(\d{4})$").unwrap());
    static DMY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})\s+([A-Za-z]{3,9})(\.?),?\s+(\d{4})$").unwrap());
    let s = s.trim();
    if let Some(c) = ISO.captures(s) {
        let num = |i: usize| -> Option<u32> { c.get(i)?.as_str().parse().ok() };
        let (y, m) = (num(1)?, num(2)?);
        calendar_date(y, m, num(3).unwrap_or(1))?;
        if let Some(hour) = num(4) {
            let nanos = c.get(7).map_or(Some(0), |f| {
                format!("{:0<9}", f.as_str()).parse::<i32>().ok()
            })?;
            clock_time(hour, num(5)?, num(6).unwrap_or(0), nanos)?;
        }
        if c.get(9).is_some() {
            // An offset is hours and minutes of a clock (RFC 3339: 00-23,
            // 00-59), and so within what jiff accepts as an offset.
            clock_time(num(10)?, num(11)?, 0, 0)?;
        }
        return Some(s.to_string());
    }
    let (d, month, dot, y) = if let Some(c) = MDY.captures(s) {
        (
            c[3].parse().ok()?,
            c.get(1)?,
            !c[2].is_empty(),
            c[4].parse().ok()?,
        )
    } else if let Some(c) = DMY.captures(s) {
        (
            c[1].parse().ok()?,
            c.get(2)?,
            !c[3].is_empty(),
            c[4].parse().ok()?,
        )
    } else {
        return None;
    };
    let (m, abbr) = month_number(month.as_str())?;
    if dot && !abbr {
        return None;
    }
    let date = calendar_date(y, m, d)?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    ))
}

/// The time of day `h:m:s.nanos` if a clock shows it (no 25:00, no 10:60,
/// no leap second 23:59:60).
fn clock_time(h: u32, m: u32, s: u32, nanos: i32) -> Option<jiff::civil::Time> {
    let small = |n: u32| i8::try_from(n).ok();
    jiff::civil::Time::new(small(h)?, small(m)?, small(s)?, nanos).ok()
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

    // A sidecar saved with a UTF-8 byte order mark was a "bad sidecar".
    #[test]
    fn sidecar_with_a_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        for (json, outlet) in [
            ("\u{feff}{\"outlet\": \"X\"}", Some("X")),
            ("{\"outlet\": \"Y\"}", Some("Y")),
        ] {
            std::fs::write(sidecar_path(&article), json).unwrap();
            let meta = read_sidecar(&article).unwrap().unwrap();
            assert_eq!(meta.outlet.as_deref(), outlet, "{json:?}");
        }
        // Only a leading mark is dropped; one inside is still bad JSON.
        std::fs::write(sidecar_path(&article), "{\u{feff}\"outlet\": \"X\"}").unwrap();
        assert!(read_sidecar(&article).is_err());
    }

    #[test]
    fn dates() {
        for (written, iso) in [
            ("2021-05-14", "2021-05-14"),
            (" 2021-05-14\n", "2021-05-14"),
            ("2021-05", "2021-05"),
            ("2021-05-14T10:00:00Z", "2021-05-14T10:00:00Z"),
            ("2021-05-14T10:00", "2021-05-14T10:00"),
            ("2021-05-14 23:59:59", "2021-05-14 23:59:59"),
            ("2021-05-14T10:00:00.123Z", "2021-05-14T10:00:00.123Z"),
            ("2021-05-14T10:00:00+03:00", "2021-05-14T10:00:00+03:00"),
            ("2021-05-14T10:00:00-0530", "2021-05-14T10:00:00-0530"),
            ("2020-02-29", "2020-02-29"),
            ("2000-02-29", "2000-02-29"),
            ("Oct. 31, 2016", "2016-10-31"),
            ("October 31, 2016", "2016-10-31"),
            ("october 31 2016", "2016-10-31"),
            ("MAY 14, 2021", "2021-05-14"),
            ("Sept. 5, 2021", "2021-09-05"),
            ("Sep 5, 2021", "2021-09-05"),
            ("31 October 2016", "2016-10-31"),
            ("5 Sept. 2021", "2021-09-05"),
            ("14 May, 2021", "2021-05-14"),
            ("February 29, 2020", "2020-02-29"),
        ] {
            assert_eq!(normalise_date(written).as_deref(), Some(iso), "{written:?}");
        }
    }

    // The regexes checked only 1-12 and 1-31, and a month name's first
    // three letters: all of these were dates.
    #[test]
    fn impossible_dates_are_not_dates() {
        for written in [
            "2021-13-01",
            "2021-00-10",
            "2021-02-30",
            "2021-02-29",
            "1900-02-29",
            "2021-04-31",
            "2021-05-00",
            "2021-05-14T25:00",
            "2021-05-14T24:00:00Z",
            "2021-05-14T10:60",
            "2021-05-14T25:99",
            "2021-05-14T10:00:60Z",
            "2021-05-14T10:00:00+25:00",
            "2021-05-14T10:00:00+03:99",
            "2021-05-14T10",
            "2021-05-14T:",
            "2021-05T10:00",
            "February 30, 2021",
            "February 29, 2021",
            "April 31, 2021",
            "31 April 2021",
            "30 Feb 2021",
            "May 0, 2021",
            "Junk 5, 2021",
            "Mayo 5, 2021",
            "Octo 31, 2016",
            "Septem 5, 2021",
            "5 Junk 2021",
            "March. 5, 2021",
            "May. 5, 2021",
            "yesterday",
            "",
        ] {
            assert_eq!(normalise_date(written), None, "{written:?}");
        }
    }

    #[test]
    fn normalised_dates_normalise_to_themselves() {
        for written in [
            "2021-05-14T10:00:00.5+05:30",
            "Oct. 31, 2016",
            "14 May 2021",
            "2021-05",
        ] {
            let iso = normalise_date(written).unwrap();
            assert_eq!(normalise_date(&iso).as_deref(), Some(iso.as_str()));
        }
    }
}
