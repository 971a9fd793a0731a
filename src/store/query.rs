//! Read queries for the listing commands. Every user-given string is bound
//! as a parameter, never pasted into SQL.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{Store, LATEST};
use crate::error::Result;

/// A stored quote with where it appeared.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    pub id: i64,
    pub article: i64,
    pub version: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub start: i64,
    pub end: i64,
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_as_written: Option<String>,
    pub speaker_title: Option<String>,
    pub speaker_kind: Option<String>,
    pub cue: Option<String>,
    pub via: Option<String>,
}

/// A stored figure with where it appeared.
#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    pub id: i64,
    pub article: i64,
    pub version: i64,
    pub outlet: Option<String>,
    pub text: String,
    pub start: i64,
    pub end: i64,
    pub kind: String,
    pub value: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub counts: Option<String>,
    pub date: Option<String>,
}

/// A speaker with the names it was written as and how often it is quoted.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub quotes: i64,
    pub articles: i64,
}

/// What names an article for people.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleName {
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// Filters for [`Store::quotes`].
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter<'a> {
    /// Speaker name or any alias containing this (case-insensitive; `%`
    /// and `_` are characters like any other, not wildcards).
    pub speaker: Option<&'a str>,
    /// Outlet name containing this (case-insensitive).
    pub outlet: Option<&'a str>,
    /// FTS5 match over quote text (already made safe by [`fts_phrase`]).
    pub fts: Option<&'a str>,
}

/// Turn free text into an FTS5 query that matches all its words, each as a
/// literal string: FTS5 operators and punctuation in the input are data.
pub fn fts_phrase(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Turn a search as people type it into an FTS5 query: words in double
/// quotes are a phrase (those words together, in that order; an unclosed
/// quote runs to the end), every other word must occur somewhere. Each
/// term is an FTS5 string, so operators, `*`, `:` and parentheses in the
/// input are data (a term of punctuation alone finds nothing). `None`
/// when there is no term at all.
pub fn fts_search(text: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut add = |t: &str| {
        let t = t.trim();
        if !t.is_empty() {
            terms.push(format!("\"{}\"", t.replace('"', "\"\"")));
        }
    };
    for (i, part) in text.split('"').enumerate() {
        if i % 2 == 1 {
            add(part);
        } else {
            part.split_whitespace().for_each(&mut add);
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Marks FTS5 puts around each match in a snippet: private-use
/// characters, which news text does not hold (any it holds are dropped
/// from snippets).
const MATCH_START: char = '\u{e000}';
const MATCH_END: char = '\u{e001}';

/// An article whose latest text matches a search.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleHit {
    pub article: i64,
    pub version: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Words around the best matches, `…` where cut.
    pub snippet: String,
    /// Byte ranges of the matches in `snippet`.
    pub highlights: Vec<(usize, usize)>,
}

/// A snippet with FTS5's marks taken out, and where they were.
fn unmark(marked: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut open = None;
    for c in marked.chars() {
        match c {
            MATCH_START => open = Some(text.len()),
            MATCH_END => {
                if let Some(start) = open.take() {
                    spans.push((start, text.len()));
                }
            }
            c => text.push(c),
        }
    }
    (text, spans)
}

impl Store {
    /// Articles whose latest version matches an FTS5 query (made by
    /// [`fts_search`]), best match first (bm25), at most `limit`.
    pub fn search_text(&self, fts: &str, limit: Option<usize>) -> Result<Vec<ArticleHit>> {
        let sql = format!(
            "SELECT a.id, v.seq, o.name, a.title, a.published,
                    snippet(versions_fts, 0, ?2, ?3, '…', 20)
             FROM versions_fts JOIN versions v ON v.id = versions_fts.rowid
             JOIN articles a ON a.id = v.article_id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE versions_fts MATCH ?1 AND {LATEST}
             ORDER BY rank, a.id LIMIT ?4"
        );
        let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(
                params![fts, MATCH_START.to_string(), MATCH_END.to_string(), limit],
                |r| {
                    let (snippet, highlights) = unmark(&r.get::<_, String>(5)?);
                    Ok(ArticleHit {
                        article: r.get(0)?,
                        version: r.get(1)?,
                        outlet: r.get(2)?,
                        title: r.get(3)?,
                        published: r.get(4)?,
                        snippet,
                        highlights,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Quotes in the latest version of each article, in article order.
    pub fn quotes(&self, f: &QuoteFilter) -> Result<Vec<QuoteRow>> {
        let sql = format!(
            "SELECT q.id, a.id, v.seq, o.name, a.title, a.published, q.text, q.start, q.end,
                    q.kind, s.name, q.speaker_as_written, q.speaker_title, s.kind, q.cue, q.via
             FROM quotes q
             JOIN versions v ON v.id = q.version_id
             JOIN articles a ON a.id = v.article_id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             LEFT JOIN speakers s ON s.id = q.speaker_id
             WHERE {LATEST}
               AND (?1 IS NULL OR instr(lower(s.name), lower(?1)) OR EXISTS (
                    SELECT 1 FROM speaker_aliases sa WHERE sa.speaker_id = s.id
                    AND instr(lower(sa.alias), lower(?1))))
               AND (?2 IS NULL OR instr(lower(o.name), lower(?2)))
               AND (?3 IS NULL OR q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?3))
             ORDER BY a.id, q.start"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(params![f.speaker, f.outlet, f.fts], |r| {
                Ok(QuoteRow {
                    id: r.get(0)?,
                    article: r.get(1)?,
                    version: r.get(2)?,
                    outlet: r.get(3)?,
                    title: r.get(4)?,
                    published: r.get(5)?,
                    text: r.get(6)?,
                    start: r.get(7)?,
                    end: r.get(8)?,
                    kind: r.get(9)?,
                    speaker: r.get(10)?,
                    speaker_as_written: r.get(11)?,
                    speaker_title: r.get(12)?,
                    speaker_kind: r.get(13)?,
                    cue: r.get(14)?,
                    via: r.get(15)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// How an article is named for people: outlet, title and date, each
    /// if known (all unknown for an id not stored).
    pub fn article_name(&self, article: i64) -> Result<ArticleName> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT o.name, a.title, a.published FROM articles a
                 LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?1",
            )?
            .query_row([article], |r| {
                Ok(ArticleName {
                    outlet: r.get(0)?,
                    title: r.get(1)?,
                    published: r.get(2)?,
                })
            })
            .optional()?
            .unwrap_or_default())
    }

    /// An article's outlet name, if it has one.
    pub fn outlet_of(&self, article: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT o.name FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE a.id = ?1",
            )?
            .query_row([article], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }

    /// Ids of the articles whose outlet's name contains `needle`, in any
    /// case (as [`crate::report::claims::ClaimReport::has_outlet`] tells).
    pub fn articles_with_outlet(&self, needle: &str) -> Result<std::collections::HashSet<i64>> {
        let needle = needle.to_lowercase();
        let mut stmt = self
            .conn
            .prepare("SELECT a.id, o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .filter(|(_, name)| name.to_lowercase().contains(&needle))
            .map(|(id, _)| id)
            .collect())
    }

    /// The publication date of every article that has one, by id.
    pub fn article_dates(&self) -> Result<std::collections::HashMap<i64, String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, published FROM articles WHERE published IS NOT NULL")?;
        let dates = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(dates)
    }

    /// Ids of the articles saved as drafts (`audit --save`).
    pub fn draft_articles(&self) -> Result<std::collections::HashSet<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE draft = 1")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Marks an article as a draft (or not).
    pub fn set_draft(&self, article: i64, draft: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET draft = ?2 WHERE id = ?1",
            rusqlite::params![article, draft],
        )?;
        Ok(())
    }

    /// Figures in the latest version of each article, optionally of one kind.
    pub fn figures(&self, kind: Option<&str>) -> Result<Vec<FigureRow>> {
        let sql = format!(
            "SELECT f.id, a.id, v.seq, o.name, f.text, f.start, f.end, f.kind, f.value,
                    f.high, f.unit, f.qualifier, f.counts, f.date
             FROM figures f
             JOIN versions v ON v.id = f.version_id
             JOIN articles a ON a.id = v.article_id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE {LATEST} AND (?1 IS NULL OR f.kind = ?1)
             ORDER BY a.id, f.start"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(params![kind], |r| {
                Ok(FigureRow {
                    id: r.get(0)?,
                    article: r.get(1)?,
                    version: r.get(2)?,
                    outlet: r.get(3)?,
                    text: r.get(4)?,
                    start: r.get(5)?,
                    end: r.get(6)?,
                    kind: r.get(7)?,
                    value: r.get(8)?,
                    high: r.get(9)?,
                    unit: r.get(10)?,
                    qualifier: r.get(11)?,
                    counts: r.get(12)?,
                    date: r.get(13)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Every speaker, most quoted first.
    pub fn speakers(&self) -> Result<Vec<SpeakerRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.name, s.kind,
                    (SELECT group_concat(alias, char(31)) FROM
                        (SELECT alias FROM speaker_aliases WHERE speaker_id = s.id
                         AND alias <> s.name ORDER BY alias)),
                    count(q.id), count(DISTINCT v.article_id)
             FROM speakers s
             LEFT JOIN quotes q ON q.speaker_id = s.id
             LEFT JOIN versions v ON v.id = q.version_id
             GROUP BY s.id
             ORDER BY count(q.id) DESC, s.name",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let aliases: Option<String> = r.get(3)?;
                Ok(SpeakerRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    aliases: aliases
                        .map(|a| a.split('\u{1f}').map(str::to_string).collect())
                        .unwrap_or_default(),
                    quotes: r.get(4)?,
                    articles: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::{fts_phrase, fts_search, unmark, MATCH_END, MATCH_START};

    #[test]
    fn fts_input_is_data() {
        assert_eq!(fts_phrase("a OR b").unwrap(), r#""a" "OR" "b""#);
        assert_eq!(fts_phrase(r#"say "hi"*"#).unwrap(), r#""say" """hi""*""#);
        assert_eq!(fts_phrase("   "), None);
    }

    #[test]
    fn quoted_words_are_a_phrase_and_the_rest_all_words() {
        let cases: &[(&str, Option<&str>)] = &[
            ("joint unit", Some(r#""joint" "unit""#)),
            (r#""joint unit""#, Some(r#""joint unit""#)),
            (r#""joint unit" Putin"#, Some(r#""joint unit" "Putin""#)),
            (r#"Putin "joint  unit"#, Some(r#""Putin" "joint  unit""#)),
            // Operators and syntax are words like any other.
            ("a OR b NOT c", Some(r#""a" "OR" "b" "NOT" "c""#)),
            ("NEAR(a b) x:y *", Some(r#""NEAR(a" "b)" "x:y" "*""#)),
            (r#""a" AND "b""#, Some(r#""a" "AND" "b""#)),
            (r#""" ... "  ""#, Some(r#""...""#)),
            (r#""" "  ""#, None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(fts_search(input).as_deref(), *want, "{input:?}");
        }
    }

    #[test]
    fn snippet_marks_become_ranges() {
        let marked =
            format!("the {MATCH_START}joint unit{MATCH_END} is {MATCH_START}x{MATCH_END}…");
        let (text, spans) = unmark(&marked);
        assert_eq!(text, "the joint unit is x…");
        assert_eq!(spans, vec![(4, 14), (18, 19)]);
        assert_eq!(&text[spans[0].0..spans[0].1], "joint unit");
    }
}

/// One stored version of an article.
#[derive(Debug, Clone, Serialize)]
pub struct VersionRow {
    pub article: i64,
    pub seq: i64,
    pub text: String,
    pub ingested_at: String,
}

impl Store {
    /// The article an id, URL or file path names, if stored.
    pub fn find_article(&self, reference: &str) -> Result<Option<i64>> {
        if let Ok(id) = reference.parse::<i64>() {
            let found: Option<i64> = self
                .conn
                .query_row("SELECT id FROM articles WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            return Ok(found);
        }
        let path = std::fs::canonicalize(reference)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| reference.to_string());
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM articles WHERE url = ?1 OR path = ?2 ORDER BY id LIMIT 1",
                params![reference, path],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The versions of an article, oldest first.
    pub fn versions(&self, article: i64) -> Result<Vec<VersionRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT article_id, seq, text, ingested_at FROM versions
             WHERE article_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt
            .query_map([article], |r| {
                Ok(VersionRow {
                    article: r.get(0)?,
                    seq: r.get(1)?,
                    text: r.get(2)?,
                    ingested_at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
