//! The reads `audit` needs: full-text searches for the articles a draft
//! may cite, and those articles' latest versions with their stored quotes
//! and figures rebuilt as extraction values. Every query string is bound
//! as a parameter.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};
use serde::de::DeserializeOwned;

use super::Store;
use crate::audit::{fts_term, Coverage};
use crate::error::Result;
use crate::extract::model::{Figure, Quote, Unit};
use crate::matching::ArticleInput;

impl Store {
    /// Articles whose text (any version) matches the FTS5 query, at most
    /// `limit`: best first (bm25) when `ranked`, else the first found.
    pub fn search_articles(&self, fts: &str, limit: usize, ranked: bool) -> Result<Vec<i64>> {
        let sql = if ranked {
            "SELECT v.article_id FROM
                (SELECT rowid, rank FROM versions_fts WHERE versions_fts MATCH ?1
                 ORDER BY rank LIMIT ?2) f
             JOIN versions v ON v.id = f.rowid
             ORDER BY f.rank"
        } else {
            "SELECT v.article_id FROM
                (SELECT rowid FROM versions_fts WHERE versions_fts MATCH ?1 LIMIT ?2) f
             JOIN versions v ON v.id = f.rowid"
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        let ids = stmt
            .query_map(params![fts, limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(dedup_in_order(ids))
    }

    /// Articles with a stored quote that matches the FTS5 query, at most
    /// `limit` quotes looked at: best first (bm25) when `ranked`.
    pub fn search_quote_articles(&self, fts: &str, limit: usize, ranked: bool) -> Result<Vec<i64>> {
        let sql = if ranked {
            "SELECT v.article_id FROM
                (SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH ?1
                 ORDER BY rank LIMIT ?2) f
             JOIN quotes q ON q.id = f.rowid
             JOIN versions v ON v.id = q.version_id
             ORDER BY f.rank"
        } else {
            "SELECT v.article_id FROM
                (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?1 LIMIT ?2) f
             JOIN quotes q ON q.id = f.rowid
             JOIN versions v ON v.id = q.version_id"
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        let ids = stmt
            .query_map(params![fts, limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(dedup_in_order(ids))
    }

    /// How many stored versions hold each word (as FTS5 tokenizes it),
    /// counted up to `cap` (a word held by more is only "common": counting
    /// further would cost a scan of its whole posting list); words no
    /// version holds are left out.
    pub fn term_docs(&self, terms: &[String], cap: u64) -> Result<HashMap<String, u64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT count(*) FROM
                (SELECT 1 FROM versions_fts WHERE versions_fts MATCH ?1 LIMIT ?2)",
        )?;
        let mut out = HashMap::with_capacity(terms.len());
        for t in terms {
            let n: i64 = stmt.query_row(params![fts_term(t), cap as i64], |r| r.get(0))?;
            if n > 0 {
                out.insert(t.clone(), n as u64);
            }
        }
        Ok(out)
    }

    /// The article stored under `key` (`path:…`, `url:…`, `stdin:…`), if any.
    pub fn article_by_key(&self, key: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM articles WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The latest version of each article in `ids` with its metadata and
    /// its stored quotes and figures, in the order of `ids` (unknown ids
    /// are skipped).
    pub fn coverage(&self, ids: &[i64]) -> Result<Vec<Coverage>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = serde_json::Value::from(ids.to_vec()).to_string();
        let mut stmt = self.conn.prepare(
            "SELECT a.id, v.id, o.name, a.title, a.published, v.text
             FROM articles a
             JOIN versions v ON v.article_id = a.id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE a.id IN (SELECT value FROM json_each(?1))
               AND v.seq = (SELECT max(seq) FROM versions WHERE article_id = a.id)",
        )?;
        let mut by_version: HashMap<i64, Coverage> = HashMap::new();
        let rows = stmt.query_map([&list], |r| {
            Ok((
                r.get::<_, i64>(1)?,
                Coverage {
                    input: ArticleInput {
                        id: r.get(0)?,
                        outlet: r.get(2)?,
                        published: r.get(4)?,
                        text: r.get(5)?,
                        quotes: Vec::new(),
                        figures: Vec::new(),
                    },
                    title: r.get(3)?,
                },
            ))
        })?;
        for row in rows {
            let (version, c) = row?;
            by_version.insert(version, c);
        }
        let versions =
            serde_json::Value::from(by_version.keys().copied().collect::<Vec<_>>()).to_string();

        // ORDER BY id is extraction order: quotes and figures are inserted
        // in the order extraction returned them.
        let mut stmt = self.conn.prepare(
            "SELECT q.version_id, q.start, q.end, q.text, q.kind, s.name, q.speaker_as_written,
                    q.speaker_title, s.kind, q.cue, q.via
             FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
             WHERE q.version_id IN (SELECT value FROM json_each(?1))
             ORDER BY q.id",
        )?;
        let rows = stmt.query_map([&versions], |r| {
            let kind: String = r.get(4)?;
            let speaker_kind: Option<String> = r.get(8)?;
            Ok((
                r.get::<_, i64>(0)?,
                Quote {
                    start: r.get::<_, i64>(1)? as usize,
                    end: r.get::<_, i64>(2)? as usize,
                    text: r.get(3)?,
                    kind: from_name(&kind, 4)?,
                    speaker: r.get(5)?,
                    speaker_as_written: r.get(6)?,
                    speaker_title: r.get(7)?,
                    speaker_kind: speaker_kind.map(|k| from_name(&k, 8)).transpose()?,
                    cue: r.get(9)?,
                    via: r.get(10)?,
                },
            ))
        })?;
        for row in rows {
            let (version, q) = row?;
            if let Some(c) = by_version.get_mut(&version) {
                c.input.quotes.push(q);
            }
        }

        let mut stmt = self.conn.prepare(
            "SELECT version_id, id, start, end, text, kind, value, high, unit, qualifier,
                    counts, date, linked_to
             FROM figures
             WHERE version_id IN (SELECT value FROM json_each(?1))
             ORDER BY id",
        )?;
        // A figure's `linked_to` is a row id; extraction values hold the
        // index in the same list.
        let mut index_of: HashMap<i64, usize> = HashMap::new();
        let rows = stmt.query_map([&versions], |r| {
            let kind: String = r.get(5)?;
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<i64>>(12)?,
                Figure {
                    start: r.get::<_, i64>(2)? as usize,
                    end: r.get::<_, i64>(3)? as usize,
                    text: r.get(4)?,
                    kind: from_name(&kind, 5)?,
                    value: r.get(6)?,
                    high: r.get(7)?,
                    unit: r.get::<_, Option<String>>(8)?.map(Unit::from),
                    qualifier: r.get(9)?,
                    counts: r.get(10)?,
                    date: r.get(11)?,
                    linked_to: None,
                },
            ))
        })?;
        for row in rows {
            let (version, id, linked, mut f) = row?;
            if let Some(c) = by_version.get_mut(&version) {
                f.linked_to = linked.and_then(|l| index_of.get(&l).copied());
                index_of.insert(id, c.input.figures.len());
                c.input.figures.push(f);
            }
        }

        let mut by_article: HashMap<i64, Coverage> =
            by_version.into_values().map(|c| (c.input.id, c)).collect();
        Ok(ids.iter().filter_map(|id| by_article.remove(id)).collect())
    }
}

/// A unit-like enum from its serde name ("direct", "money"); a name this
/// build does not know is a conversion error of column `col`.
fn from_name<T: DeserializeOwned>(name: &str, col: usize) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// `ids` without repeats, first occurrence kept.
fn dedup_in_order(ids: Vec<i64>) -> Vec<i64> {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter().filter(|id| seen.insert(*id)).collect()
}
