//! Glue between the store and the matcher: load what is stored as matcher
//! input, match the versions not yet matched against the rest, and keep
//! pairs, claims and lineage in the store.

use std::collections::HashMap;

use rusqlite::params;
use serde::Serialize;

use super::Store;
use crate::error::Result;
use crate::extract::model::{Figure, FigureKind, Quote, QuoteKind, SpeakerKind, Unit};
use crate::matching::{
    cluster_claims, ArticleInput, Claim, Derivation, ItemKind, ItemRef, Matcher, Pair,
};

/// What a matching run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rematch {
    /// Articles matched in this run (their latest version was new).
    pub matched: usize,
    /// Pairs found in this run.
    pub pairs: usize,
    /// Claims in the store after the run, and how many are contested.
    pub claims: usize,
    pub contested: usize,
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_str(&format!("\"{s}\"")).ok()
}

use super::LATEST;

impl Store {
    /// Every article's latest version as matcher input, with its version
    /// id and whether it has been matched already.
    pub fn match_inputs(&self) -> Result<Vec<(ArticleInput, i64, bool)>> {
        let mut quotes: HashMap<i64, Vec<Quote>> = HashMap::new();
        let mut stmt = self.conn.prepare(&format!(
            "SELECT q.version_id, q.text, q.start, q.end, q.kind, s.name, q.speaker_as_written,
                    q.speaker_title, s.kind, q.cue, q.via
             FROM quotes q JOIN versions v ON v.id = q.version_id
             LEFT JOIN speakers s ON s.id = q.speaker_id
             WHERE {LATEST} ORDER BY q.version_id, q.id"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let kind: String = r.get(4)?;
            let speaker_kind: Option<String> = r.get(8)?;
            quotes.entry(r.get(0)?).or_default().push(Quote {
                text: r.get(1)?,
                start: r.get::<_, i64>(2)? as usize,
                end: r.get::<_, i64>(3)? as usize,
                kind: parse(&kind).unwrap_or(QuoteKind::Direct),
                speaker: r.get(5)?,
                speaker_as_written: r.get(6)?,
                speaker_title: r.get(7)?,
                speaker_kind: speaker_kind.as_deref().and_then(parse::<SpeakerKind>),
                cue: r.get(9)?,
                via: r.get(10)?,
            });
        }
        let mut figures: HashMap<i64, Vec<(i64, Option<i64>, Figure)>> = HashMap::new();
        let mut stmt = self.conn.prepare(&format!(
            "SELECT f.version_id, f.id, f.linked_to, f.text, f.start, f.end, f.kind, f.value, f.high,
                    f.unit, f.qualifier, f.counts, f.date
             FROM figures f JOIN versions v ON v.id = f.version_id
             WHERE {LATEST} ORDER BY f.version_id, f.id"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let kind: String = r.get(6)?;
            figures.entry(r.get(0)?).or_default().push((
                r.get(1)?,
                r.get(2)?,
                Figure {
                    text: r.get(3)?,
                    start: r.get::<_, i64>(4)? as usize,
                    end: r.get::<_, i64>(5)? as usize,
                    value: r.get(7)?,
                    high: r.get(8)?,
                    unit: r.get::<_, Option<String>>(9)?.map(Unit::from),
                    qualifier: r.get(10)?,
                    kind: parse(&kind).unwrap_or(FigureKind::Other),
                    counts: r.get(11)?,
                    date: r.get(12)?,
                    linked_to: None,
                },
            ));
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT a.id, v.id, o.name, a.published, v.text, v.matched
             FROM articles a JOIN versions v ON v.article_id = a.id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE {LATEST} ORDER BY a.id"
        ))?;
        let mut out = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let version: i64 = r.get(1)?;
            let figs = figures.remove(&version).unwrap_or_default();
            let index: HashMap<i64, usize> = figs
                .iter()
                .enumerate()
                .map(|(i, (id, _, _))| (*id, i))
                .collect();
            let figs = figs
                .into_iter()
                .map(|(_, linked, mut f)| {
                    f.linked_to = linked.and_then(|l| index.get(&l).copied());
                    f
                })
                .collect();
            out.push((
                ArticleInput {
                    id: r.get(0)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    text: r.get(4)?,
                    quotes: quotes.remove(&version).unwrap_or_default(),
                    figures: figs,
                },
                version,
                r.get::<_, i64>(5)? != 0,
            ));
        }
        Ok(out)
    }

    /// Match the latest versions not matched yet against everything else,
    /// store the new pairs and derivations, drop pairs of superseded
    /// versions, and rebuild the claims. One transaction.
    pub fn rematch(&mut self) -> Result<Rematch> {
        // Loading every article is the cost of a run: skip it when nothing
        // waits to be matched.
        let waiting = self.count(&format!(
            "SELECT count(*) FROM versions v WHERE NOT v.matched AND {LATEST}"
        ))?;
        let (done, todo): (Vec<_>, Vec<_>) = if waiting == 0 {
            (Vec::new(), Vec::new())
        } else {
            let inputs = self.match_inputs()?;
            inputs.into_iter().partition(|(_, _, m)| *m)
        };
        if todo.is_empty() {
            return Ok(Rematch {
                claims: self.count("SELECT count(*) FROM claims")?,
                contested: self.count("SELECT count(*) FROM claims WHERE contested")?,
                ..Rematch::default()
            });
        }
        let version_of: HashMap<i64, i64> = done
            .iter()
            .chain(todo.iter())
            .map(|(a, v, _)| (a.id, *v))
            .collect();
        let todo_ids: Vec<i64> = todo.iter().map(|(a, _, _)| a.id).collect();
        let mut matcher = Matcher::new();
        matcher.load(done.into_iter().map(|(a, _, _)| a).collect());
        let pairs = matcher.extend(todo.into_iter().map(|(a, _, _)| a).collect());
        let lineage = matcher.lineage();

        let tx = self.conn.transaction()?;
        // Pairs of versions that are no longer the latest go.
        tx.execute_batch(&format!(
            "DELETE FROM matches WHERE a_version NOT IN (SELECT v.id FROM versions v WHERE {LATEST})
                OR b_version NOT IN (SELECT v.id FROM versions v WHERE {LATEST});"
        ))?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO matches (a_version, b_version, kind, label, reasons, score, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for p in &pairs {
                let (Some(va), Some(vb)) =
                    (version_of.get(&p.a.article), version_of.get(&p.b.article))
                else {
                    continue;
                };
                insert.execute(params![
                    va,
                    vb,
                    name(&p.a.kind),
                    name(&p.label),
                    json(&p.reasons),
                    p.score,
                    json(p)
                ])?;
            }
            let mut drop_lineage =
                tx.prepare("DELETE FROM lineage WHERE article_id = ?1 OR source_id = ?1")?;
            for id in &todo_ids {
                drop_lineage.execute([id])?;
            }
            let mut insert = tx.prepare(
                "INSERT INTO lineage (article_id, source_id, share, quote_share, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (article_id) DO UPDATE SET source_id = excluded.source_id,
                    share = excluded.share, quote_share = excluded.quote_share,
                    detail = excluded.detail
                 WHERE excluded.share > lineage.share",
            )?;
            for d in &lineage {
                insert.execute(params![
                    d.article,
                    d.source,
                    d.share,
                    d.quote_share,
                    json(d)
                ])?;
            }
            let mut mark = tx.prepare("UPDATE versions SET matched = 1 WHERE id = ?1")?;
            for id in &todo_ids {
                mark.execute([version_of[id]])?;
            }
        }
        let (claims, contested) = rebuild_claims(&tx)?;
        tx.commit()?;
        Ok(Rematch {
            matched: todo_ids.len(),
            pairs: pairs.len(),
            claims,
            contested,
        })
    }

    fn count(&self, sql: &str) -> Result<usize> {
        Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// Every stored pair with its row id.
    pub fn pairs(&self) -> Result<Vec<(i64, Pair)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, detail FROM matches ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, d)| serde_json::from_str(&d).ok().map(|p| (id, p)))
            .collect())
    }

    /// Stored claims, most serious first, with their pairs.
    pub fn claims(&self) -> Result<Vec<(i64, Claim, Vec<Pair>)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, detail FROM claims ORDER BY id")?;
        let claims = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut by_claim: HashMap<i64, Vec<Pair>> = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT claim_id, detail FROM matches WHERE claim_id IS NOT NULL ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Ok(p) = serde_json::from_str::<Pair>(&r.get::<_, String>(1)?) {
                by_claim.entry(r.get(0)?).or_default().push(p);
            }
        }
        Ok(claims
            .into_iter()
            .filter_map(|(id, d)| {
                let c: Claim = serde_json::from_str(&d).ok()?;
                Some((id, c, by_claim.remove(&id).unwrap_or_default()))
            })
            .collect())
    }

    /// Stored rewrites: which article derives from which.
    pub fn lineage(&self) -> Result<Vec<Derivation>> {
        let mut stmt = self
            .conn
            .prepare("SELECT detail FROM lineage ORDER BY article_id")?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|d| serde_json::from_str(&d).ok())
            .collect())
    }

    /// An item of a pair or claim as people see it: where it appeared and
    /// who is credited.
    pub fn item_view(&self, item: &ItemRef) -> Result<ItemView> {
        let (version, outlet, title, published, text): (
            i64,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
        ) = self.conn.query_row(
            &format!(
                "SELECT v.id, o.name, a.title, a.published, v.text
                     FROM articles a JOIN versions v ON v.article_id = a.id
                     LEFT JOIN outlets o ON o.id = a.outlet_id
                     WHERE a.id = ?1 AND {LATEST}"
            ),
            [item.article],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        let mut view = ItemView {
            article: item.article,
            outlet,
            title,
            published,
            kind: item.kind,
            start: item.start,
            end: item.end,
            text: text
                .get(item.start..item.end)
                .unwrap_or_default()
                .to_string(),
            quote_kind: None,
            speaker: None,
            speaker_title: None,
            speaker_kind: None,
            cue: None,
        };
        if item.kind == ItemKind::Quote {
            let mut stmt = self.conn.prepare_cached(
                "SELECT q.kind, s.name, q.speaker_title, s.kind, q.cue FROM quotes q
                 LEFT JOIN speakers s ON s.id = q.speaker_id
                 WHERE q.version_id = ?1 AND q.start = ?2 AND q.end = ?3",
            )?;
            let mut rows = stmt.query(params![version, item.start as i64, item.end as i64])?;
            if let Some(r) = rows.next()? {
                view.quote_kind = r.get(0)?;
                view.speaker = r.get(1)?;
                view.speaker_title = r.get(2)?;
                view.speaker_kind = r.get(3)?;
                view.cue = r.get(4)?;
            }
        }
        Ok(view)
    }
}

/// A claim item with its context, for reports.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub article: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    /// quote, figure or narration (the narrator's own words).
    pub kind: ItemKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// direct, partial, nested or indirect, for quotes.
    pub quote_kind: Option<String>,
    pub speaker: Option<String>,
    pub speaker_title: Option<String>,
    pub speaker_kind: Option<String>,
    pub cue: Option<String>,
}

fn name<T: Serialize>(v: &T) -> String {
    super::enum_name(v)
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// Rebuild the claims table from all stored pairs. Returns (claims, contested).
fn rebuild_claims(tx: &rusqlite::Connection) -> Result<(usize, usize)> {
    let mut stmt = tx.prepare("SELECT id, detail FROM matches ORDER BY id")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (ids, pairs): (Vec<i64>, Vec<Pair>) = rows
        .into_iter()
        .filter_map(|(id, d)| serde_json::from_str::<Pair>(&d).ok().map(|p| (id, p)))
        .unzip();
    let claims = cluster_claims(&pairs);
    tx.execute_batch("UPDATE matches SET claim_id = NULL; DELETE FROM claims;")?;
    let mut text_of = tx.prepare(&format!(
        "SELECT v.text FROM versions v WHERE v.article_id = ?1 AND {LATEST}"
    ))?;
    let mut insert = tx.prepare(
        "INSERT INTO claims (kind, summary, contested, severity, reasons, articles, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut assign = tx.prepare("UPDATE matches SET claim_id = ?1 WHERE id = ?2")?;
    let mut contested = 0;
    for c in &claims {
        let first = c.items.first();
        let summary = first
            .and_then(|i| {
                let t: Option<String> = text_of.query_row([i.article], |r| r.get(0)).ok();
                t.and_then(|t| t.get(i.start..i.end).map(str::to_string))
            })
            .unwrap_or_default();
        insert.execute(params![
            name(&c.kind),
            summary,
            c.contested,
            c.severity.as_ref().map(name),
            json(&c.reasons),
            c.articles.len() as i64,
            json(c)
        ])?;
        let claim_id = tx.last_insert_rowid();
        for &p in &c.pairs {
            if let Some(id) = ids.get(p) {
                assign.execute(params![claim_id, id])?;
            }
        }
        contested += usize::from(c.contested);
    }
    Ok((claims.len(), contested))
}
