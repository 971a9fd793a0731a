//! Correcting and removing stored articles, with their pairs, claims and
//! rewrites kept consistent.
//!
//! How: the articles whose pairs may change are marked unmatched and their
//! pairs dropped, then the full matching run ([`Store::rematch_all`]) pairs
//! them afresh against every other article and regroups every claim, all in
//! the caller's one transaction. Which articles: the one changed or removed,
//! every article sharing a claim or a rewrite with it, and, repeatedly,
//! every article holding a word-for-word reprint of an item of one already
//! taken (the full run compares the articles it reads before those it
//! matches, so a reprint left behind could become the first of its form
//! and lose the pairs its original had).

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::matching::Rematch;
use super::{Store, LATEST};
use crate::error::{Error, Result};
use crate::ingest::meta::Meta;

/// An article's metadata as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ArticleMeta {
    pub id: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Versions, quotes and figures stored for it (all versions).
    pub versions: i64,
    pub quotes: i64,
    pub figures: i64,
}

/// New metadata for an article: `None` keeps a field, `Some(None)` clears
/// it, `Some(Some(v))` sets it. Dates must already be in ISO form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaEdit {
    pub outlet: Option<Option<String>>,
    pub title: Option<Option<String>>,
    pub published: Option<Option<String>>,
    pub url: Option<Option<String>>,
    pub author: Option<Option<String>>,
}

impl MetaEdit {
    /// The fields `meta` sets (the ones given on a command line or in a
    /// sidecar); fields it lacks are kept.
    pub fn given(meta: &Meta) -> MetaEdit {
        let set = |v: &Option<String>| v.clone().map(Some);
        MetaEdit {
            outlet: set(&meta.outlet),
            title: set(&meta.title),
            published: set(&meta.published),
            url: set(&meta.url),
            author: set(&meta.author),
        }
    }
}

/// One field that changed, with its old and new value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// `outlet`, `title`, `published`, `url` or `author`.
    pub field: &'static str,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl FieldChange {
    /// Whether matching reads this field: the outlet (whose own prose an
    /// article may quote) and the date (which of two articles is earlier).
    pub fn affects_matching(&self) -> bool {
        matches!(self.field, "outlet" | "published")
    }
}

/// What `articles set` did.
#[derive(Debug, Clone, Serialize)]
pub struct Edited {
    pub article: i64,
    pub changes: Vec<FieldChange>,
    /// The matching run that followed a change of outlet or date.
    pub matching: Option<Rematch>,
    /// Articles matched again, besides the one edited.
    pub rematched: Vec<i64>,
}

/// What `articles rm` did.
#[derive(Debug, Clone, Serialize)]
pub struct Removed {
    /// The articles removed, as they were.
    pub articles: Vec<ArticleMeta>,
    /// Other articles matched again because they shared claims or
    /// rewrites with a removed one.
    pub rematched: Vec<i64>,
    pub matching: Rematch,
}

impl Store {
    /// An article's stored metadata, if the article exists.
    pub fn article_meta(&self, id: i64) -> Result<Option<ArticleMeta>> {
        article_meta(&self.conn, id)
    }

    /// Changes an article's metadata. A new outlet or date changes how
    /// its items pair with others (whose prose it quotes, which article is
    /// earlier), so the article and those that depend on it are matched
    /// again and the claims regrouped, in the same transaction: on error
    /// nothing is changed.
    pub fn edit_article(&mut self, id: i64, edit: &MetaEdit) -> Result<Edited> {
        self.in_transaction(|store| {
            let changes = apply(&store.conn, id, edit)?;
            let mut rematched = Vec::new();
            let mut matching = None;
            if changes.iter().any(FieldChange::affects_matching) {
                rematched = dependents(&store.conn, &[id])?;
                unmatch(&store.conn, &rematched)?;
                matching = Some(store.rematch_all()?);
                rematched.retain(|&a| a != id);
            }
            Ok(Edited {
                article: id,
                changes,
                matching,
                rematched,
            })
        })
    }

    /// Removes articles with everything stored of them (versions, quotes,
    /// figures, pairs, claim items, index rows, rewrites), matches again
    /// the articles that shared claims or rewrites with them, and regroups
    /// the claims: a claim left with one article is no longer listed. One
    /// transaction; an unknown id changes nothing.
    pub fn remove_articles(&mut self, ids: &[i64]) -> Result<Removed> {
        self.in_transaction(|store| {
            let conn = &store.conn;
            let mut removed = Vec::with_capacity(ids.len());
            for &id in ids {
                removed.push(article_meta(conn, id)?.ok_or_else(|| unknown(id))?);
            }
            let mut rematched = dependents(conn, ids)?;
            rematched.retain(|a| !ids.contains(a));
            let speakers: Vec<i64> = {
                let mut stmt = conn.prepare(
                    "SELECT DISTINCT q.speaker_id FROM quotes q JOIN versions v ON v.id = q.version_id
                     WHERE v.article_id = ?1 AND q.speaker_id IS NOT NULL",
                )?;
                let mut out = Vec::new();
                for &id in ids {
                    for s in stmt.query_map([id], |r| r.get(0))? {
                        out.push(s?);
                    }
                }
                out
            };
            let outlets: Vec<i64> = ids
                .iter()
                .map(|&id| {
                    conn.query_row("SELECT outlet_id FROM articles WHERE id = ?1", [id], |r| {
                        r.get::<_, Option<i64>>(0)
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .flatten()
                .collect();
            // Versions go with their article, and with them their quotes,
            // figures, pairs, claim items, index rows and full-text rows;
            // rewrites go with either article (ON DELETE CASCADE).
            for &id in ids {
                conn.execute("DELETE FROM articles WHERE id = ?1", [id])?;
            }
            for s in speakers {
                conn.execute(
                    "DELETE FROM speakers WHERE id = ?1
                     AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = ?1)",
                    [s],
                )?;
            }
            for o in outlets {
                drop_unused_outlet(conn, o)?;
            }
            unmatch(conn, &rematched)?;
            let matching = store.rematch_all()?;
            Ok(Removed {
                articles: removed,
                rematched,
                matching,
            })
        })
    }

    /// Corrects the metadata of an article whose text came in unchanged
    /// (`ingest` with flags or a sidecar that say something new), inside the
    /// caller's batch. Only the fields given are compared. Returns the
    /// fields that changed; when one of them affects matching
    /// ([`FieldChange::affects_matching`]), the caller passes the article to
    /// [`Store::rematch_in_full`] before its batch commits.
    pub fn correct_metadata(&mut self, id: i64, given: &Meta) -> Result<Vec<FieldChange>> {
        let sp = self.conn.savepoint()?;
        let changes = apply(&sp, id, &MetaEdit::given(given))?;
        sp.commit()?;
        Ok(changes)
    }

    /// Prepares the next matching run to pair `articles` (whose outlet or
    /// date changed) afresh, with every article depending on them: their
    /// pairs are dropped, their latest versions marked unmatched and the
    /// index marked for a full run. Inside the caller's transaction, so
    /// that a run cut short leaves it to the next. Returns the articles
    /// marked.
    pub fn rematch_in_full(&mut self, articles: &[i64]) -> Result<Vec<i64>> {
        let sp = self.conn.savepoint()?;
        let redo = dependents(&sp, articles)?;
        unmatch(&sp, &redo)?;
        sp.commit()?;
        Ok(redo)
    }

    /// Runs `f` in one write transaction, committed when it succeeds and
    /// rolled back otherwise.
    fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = f(self).and_then(|v| {
            self.conn.execute_batch("COMMIT")?;
            Ok(v)
        });
        if result.is_err() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        result
    }
}

fn unknown(id: i64) -> Error {
    Error::Usage(format!("no article {id} (see `claimtrack articles`)"))
}

fn article_meta(conn: &Connection, id: i64) -> Result<Option<ArticleMeta>> {
    Ok(conn
        .query_row(
            "SELECT a.id, o.name, a.title, a.published, a.url, a.author,
                    (SELECT count(*) FROM versions v WHERE v.article_id = a.id),
                    (SELECT count(*) FROM quotes q JOIN versions v ON v.id = q.version_id
                     WHERE v.article_id = a.id),
                    (SELECT count(*) FROM figures f JOIN versions v ON v.id = f.version_id
                     WHERE v.article_id = a.id)
             FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?1",
            [id],
            |r| {
                Ok(ArticleMeta {
                    id: r.get(0)?,
                    outlet: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get(3)?,
                    url: r.get(4)?,
                    author: r.get(5)?,
                    versions: r.get(6)?,
                    quotes: r.get(7)?,
                    figures: r.get(8)?,
                })
            },
        )
        .optional()?)
}

/// Writes the fields of `edit` that differ from what is stored; returns
/// them. An article known by its URL (its key) takes the new URL as its key,
/// so that ingesting from that URL finds it; a URL another article has is
/// refused, and so is clearing the URL that is an article's key.
fn apply(conn: &Connection, id: i64, edit: &MetaEdit) -> Result<Vec<FieldChange>> {
    let old = article_meta(conn, id)?.ok_or_else(|| unknown(id))?;
    let mut changes = Vec::new();
    let fields = [
        ("outlet", &edit.outlet, &old.outlet),
        ("title", &edit.title, &old.title),
        ("published", &edit.published, &old.published),
        ("url", &edit.url, &old.url),
        ("author", &edit.author, &old.author),
    ];
    for (field, new, old) in fields {
        if let Some(new) = new {
            if new != old {
                changes.push(FieldChange {
                    field,
                    from: old.clone(),
                    to: new.clone(),
                });
            }
        }
    }
    for c in &changes {
        match c.field {
            "outlet" => {
                let before: Option<i64> =
                    conn.query_row("SELECT outlet_id FROM articles WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
                let after = match &c.to {
                    Some(name) => Some(super::outlet_id(conn, name)?),
                    None => None,
                };
                conn.execute(
                    "UPDATE articles SET outlet_id = ?2 WHERE id = ?1",
                    params![id, after],
                )?;
                if let Some(o) = before {
                    drop_unused_outlet(conn, o)?;
                }
            }
            "url" => set_url(conn, id, c.to.as_deref())?,
            field => {
                // `field` is one of the fixed names above, never user input.
                conn.execute(
                    &format!("UPDATE articles SET {field} = ?2 WHERE id = ?1"),
                    params![id, c.to],
                )?;
            }
        }
    }
    Ok(changes)
}

fn set_url(conn: &Connection, id: i64, url: Option<&str>) -> Result<()> {
    let key: String =
        conn.query_row("SELECT key FROM articles WHERE id = ?1", [id], |r| r.get(0))?;
    let keyed = key.starts_with("url:");
    match url {
        None if keyed => {
            return Err(Error::Usage(format!(
                "article {id} is known by its URL; give it another URL instead of none"
            )))
        }
        None => {}
        Some(u) => {
            let other: Option<i64> = conn
                .query_row(
                    "SELECT id FROM articles WHERE (url = ?1 OR key = 'url:' || ?1) AND id <> ?2
                     ORDER BY id LIMIT 1",
                    params![u, id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(other) = other {
                return Err(Error::Usage(format!(
                    "article {other} already has the URL {u}"
                )));
            }
        }
    }
    conn.execute(
        "UPDATE articles SET url = ?2,
            key = CASE WHEN ?3 THEN 'url:' || ?2 ELSE key END
         WHERE id = ?1",
        params![id, url, keyed],
    )?;
    Ok(())
}

fn drop_unused_outlet(conn: &Connection, outlet: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM outlets WHERE id = ?1
         AND NOT EXISTS (SELECT 1 FROM articles WHERE outlet_id = ?1)",
        [outlet],
    )?;
    Ok(())
}

/// The articles to match again when `seeds` change or go: the seeds, the
/// articles sharing a claim or a rewrite with one, and (repeatedly) those
/// holding a reprint of an item of one already taken. Sorted ids.
fn dependents(conn: &Connection, seeds: &[i64]) -> Result<Vec<i64>> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS redo (article INTEGER PRIMARY KEY);
         DELETE FROM temp.redo;",
    )?;
    {
        let mut add = conn.prepare("INSERT OR IGNORE INTO temp.redo (article) VALUES (?1)")?;
        for s in seeds {
            add.execute([s])?;
        }
    }
    conn.execute_batch(
        "INSERT OR IGNORE INTO temp.redo (article)
         SELECT DISTINCT v2.article_id FROM claim_items ci
         JOIN versions v ON v.id = ci.version_id
         JOIN claim_items c2 ON c2.claim_id = ci.claim_id
         JOIN versions v2 ON v2.id = c2.version_id
         WHERE v.article_id IN (SELECT article FROM temp.redo);
         INSERT OR IGNORE INTO temp.redo (article)
         SELECT article_id FROM lineage WHERE source_id IN (SELECT article FROM temp.redo)
         UNION SELECT source_id FROM lineage WHERE article_id IN (SELECT article FROM temp.redo);",
    )?;
    loop {
        let added = conn.execute(
            "INSERT OR IGNORE INTO temp.redo (article)
             SELECT DISTINCT v.article_id FROM claim_items ci JOIN versions v ON v.id = ci.version_id
             WHERE ci.reprint_of IN (SELECT rv.id FROM versions rv
                                     WHERE rv.article_id IN (SELECT article FROM temp.redo))
               AND v.article_id NOT IN (SELECT article FROM temp.redo)",
            [],
        )?;
        if added == 0 {
            break;
        }
    }
    let mut stmt = conn.prepare("SELECT article FROM temp.redo ORDER BY article")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// Drops the pairs of the latest versions of `articles` and marks those
/// versions unmatched, and marks the matching index for a full run: the
/// next matching run pairs them afresh against every other article and
/// regroups the claims.
fn unmatch(conn: &Connection, articles: &[i64]) -> Result<()> {
    let mut latest = conn.prepare_cached(&format!(
        "SELECT v.id FROM versions v WHERE v.article_id = ?1 AND {LATEST}"
    ))?;
    for &a in articles {
        let Some(v) = latest.query_row([a], |r| r.get::<_, i64>(0)).optional()? else {
            continue;
        };
        conn.execute("DELETE FROM matches WHERE a_version = ?1", [v])?;
        conn.execute("DELETE FROM matches WHERE b_version = ?1", [v])?;
        conn.execute("UPDATE versions SET matched = 0 WHERE id = ?1", [v])?;
    }
    conn.execute(
        "INSERT INTO store_meta (key, value) VALUES ('index', 'missing')
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [],
    )?;
    Ok(())
}
