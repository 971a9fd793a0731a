//! One article as a reader sees it: its metadata, the text of its latest
//! version with the quotes and figures found in it (byte offsets into that
//! text), its versions, and its lineage (what it rewrites, who rewrites
//! it). What `claimtrack articles show ID --json` prints and the web app's
//! article page shows.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::query::{ArticleName, FigureRow, QuoteRow};
use super::Store;
use crate::error::Result;

/// An article with everything its page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub id: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub path: Option<String>,
    /// Saved by `audit --save` as a draft.
    pub draft: bool,
    /// The latest version's number; `text`, `quotes` and `figures` are of it.
    pub version: i64,
    /// text, markdown or html: what the latest version was read from.
    pub format: String,
    pub words: i64,
    pub text: String,
    /// In text order.
    pub quotes: Vec<QuoteRow>,
    /// In text order.
    pub figures: Vec<FigureRow>,
    /// Oldest first.
    pub versions: Vec<VersionInfo>,
    pub lineage: Lineage,
}

/// One stored version, without its text.
#[derive(Debug, Clone, Serialize)]
pub struct VersionInfo {
    pub seq: i64,
    pub ingested_at: String,
    pub words: i64,
}

/// Rewrites this article takes part in.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Lineage {
    /// The earlier article this one derives from, if any.
    pub derives_from: Option<Link>,
    /// Later articles that derive from this one.
    pub derived_by: Vec<Link>,
}

/// The other article of a rewrite, named, with how much is shared (of the
/// derived article's sentences and quotes).
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub article: i64,
    #[serde(flatten)]
    pub name: ArticleName,
    pub share: f64,
    pub quote_share: f64,
}

impl Store {
    /// The article `id` as [`ArticleView`]; `None` when no such article.
    pub fn article_view(&self, id: i64) -> Result<Option<ArticleView>> {
        let head = self
            .conn
            .query_row(
                "SELECT o.name, a.title, a.author, a.published, a.url, a.path, a.draft,
                        v.id, v.seq, v.format, v.words, v.text
                 FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
                 JOIN versions v ON v.article_id = a.id
                 WHERE a.id = ?1 ORDER BY v.seq DESC LIMIT 1",
                [id],
                |r| {
                    Ok((
                        ArticleView {
                            id,
                            outlet: r.get(0)?,
                            title: r.get(1)?,
                            author: r.get(2)?,
                            published: r.get(3)?,
                            url: r.get(4)?,
                            path: r.get(5)?,
                            draft: r.get::<_, i64>(6)? != 0,
                            version: r.get(8)?,
                            format: r.get(9)?,
                            words: r.get(10)?,
                            text: r.get(11)?,
                            quotes: Vec::new(),
                            figures: Vec::new(),
                            versions: Vec::new(),
                            lineage: Lineage::default(),
                        },
                        r.get::<_, i64>(7)?,
                    ))
                },
            )
            .optional()?;
        let Some((mut view, version_id)) = head else {
            return Ok(None);
        };
        view.quotes = self.version_quotes(&view, version_id)?;
        view.figures = self.version_figures(&view, version_id)?;
        view.versions = self
            .conn
            .prepare(
                "SELECT seq, ingested_at, words FROM versions WHERE article_id = ?1 ORDER BY seq",
            )?
            .query_map([id], |r| {
                Ok(VersionInfo {
                    seq: r.get(0)?,
                    ingested_at: r.get(1)?,
                    words: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        view.lineage = self.article_lineage(id)?;
        Ok(Some(view))
    }

    fn version_quotes(&self, a: &ArticleView, version_id: i64) -> Result<Vec<QuoteRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT q.id, q.text, q.start, q.end, q.kind, s.name, q.speaker_as_written,
                    q.speaker_title, s.kind, q.cue, q.via
             FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
             WHERE q.version_id = ?1 ORDER BY q.start, q.end DESC, q.id",
        )?;
        let rows = stmt
            .query_map([version_id], |r| {
                Ok(QuoteRow {
                    id: r.get(0)?,
                    article: a.id,
                    version: a.version,
                    outlet: a.outlet.clone(),
                    title: a.title.clone(),
                    published: a.published.clone(),
                    text: r.get(1)?,
                    start: r.get(2)?,
                    end: r.get(3)?,
                    kind: r.get(4)?,
                    speaker: r.get(5)?,
                    speaker_as_written: r.get(6)?,
                    speaker_title: r.get(7)?,
                    speaker_kind: r.get(8)?,
                    cue: r.get(9)?,
                    via: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn version_figures(&self, a: &ArticleView, version_id: i64) -> Result<Vec<FigureRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, text, start, end, kind, value, high, unit, qualifier, counts, date
             FROM figures WHERE version_id = ?1 ORDER BY start, end DESC, id",
        )?;
        let rows = stmt
            .query_map([version_id], |r| {
                Ok(FigureRow {
                    id: r.get(0)?,
                    article: a.id,
                    version: a.version,
                    outlet: a.outlet.clone(),
                    text: r.get(1)?,
                    start: r.get(2)?,
                    end: r.get(3)?,
                    kind: r.get(4)?,
                    value: r.get(5)?,
                    high: r.get(6)?,
                    unit: r.get(7)?,
                    qualifier: r.get(8)?,
                    counts: r.get(9)?,
                    date: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn article_lineage(&self, id: i64) -> Result<Lineage> {
        let mut stmt = self.conn.prepare(
            "SELECT article_id, source_id, share, quote_share FROM lineage
             WHERE article_id = ?1 OR source_id = ?1 ORDER BY article_id, source_id",
        )?;
        let rows = stmt
            .query_map(params![id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, f64>(2)?,
                    r.get::<_, f64>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut lineage = Lineage::default();
        for (article, source, share, quote_share) in rows {
            let other = if article == id { source } else { article };
            let link = Link {
                article: other,
                name: self.article_name(other)?,
                share,
                quote_share,
            };
            if article == id {
                lineage.derives_from = Some(link);
            } else {
                lineage.derived_by.push(link);
            }
        }
        Ok(lineage)
    }
}
