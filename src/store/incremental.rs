//! Incremental matching: new articles are matched in chunks against only
//! the stored articles their keys point to (the `blocking` and `forms`
//! tables), and their pairs and reprints join claims in place, so a run
//! costs what its new articles need, not the size of the store.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension};

use super::matching::{json, name, upsert_lineage, Rematch};
use super::{Store, LATEST};
use crate::error::Result;
use crate::matching::{lookup, Claim, IndexRow, ItemKind, ItemRef, Label, Matcher, Reason};

/// New articles matched (and written) together.
const CHUNK: usize = 2_000;

/// A sketch key held by more stored articles than this is too common to
/// choose candidates by.
const KEY_CAP: usize = 64;

/// Stored articles loaded per new article at most, those sharing the most
/// keys first (articles holding one of its forms always are).
const CANDIDATES: usize = 48;

/// An item's key in `claim_items`: (version, kind, index).
type ItemKey = (i64, String, i64);

impl Store {
    /// Matches the latest versions not matched yet: only against the stored
    /// articles they may match when no waiting article has an older version
    /// that was matched (whose items are in claims) and the index is built;
    /// else against everything ([`Store::rematch_all`]).
    /// Claims keep their ids; see docs/design.md.
    pub fn rematch(&mut self) -> Result<Rematch> {
        let mut todo: Vec<(i64, i64, bool)> = Vec::new();
        {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT v.article_id, v.id, EXISTS (SELECT 1 FROM versions o
                        WHERE o.article_id = v.article_id AND o.seq < v.seq AND o.matched)
                 FROM versions v WHERE NOT v.matched AND {LATEST} ORDER BY v.article_id"
            ))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                todo.push((r.get(0)?, r.get(1)?, r.get(2)?));
            }
        }
        if todo.is_empty() {
            return Ok(Rematch {
                claims: self.count("SELECT count(*) FROM claims WHERE live")?,
                contested: self.count("SELECT count(*) FROM claims WHERE live AND contested")?,
                ..Rematch::default()
            });
        }
        let built: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM store_meta WHERE key = 'index'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if built.as_deref() != Some("built") || todo.iter().any(|t| t.2) {
            return self.rematch_all();
        }
        let mut total = Rematch::default();
        for chunk in todo.chunks(CHUNK) {
            let versions: Vec<i64> = chunk.iter().map(|t| t.1).collect();
            let r = self.rematch_chunk(&versions)?;
            total.matched += r.matched;
            total.pairs += r.pairs;
            total.loaded += r.loaded;
        }
        total.claims = self.count("SELECT count(*) FROM claims WHERE live")?;
        total.contested = self.count("SELECT count(*) FROM claims WHERE live AND contested")?;
        Ok(total)
    }

    /// Matches new versions against their candidates and writes the result
    /// in one short transaction.
    fn rematch_chunk(&mut self, versions: &[i64]) -> Result<Rematch> {
        let new = self.inputs_of(Some(versions))?;
        let lookups: Vec<_> = new.par_iter().map(|(a, _, _)| lookup(a.clone())).collect();
        let candidates = self.candidates(&lookups, versions)?;
        let stored = if candidates.is_empty() {
            Vec::new()
        } else {
            self.inputs_of(Some(&candidates))?
        };
        let loaded = stored.len();
        let version_of: HashMap<i64, i64> = stored
            .iter()
            .chain(new.iter())
            .map(|(a, v, _)| (a.id, *v))
            .collect();
        let mut matcher = Matcher::new();
        matcher.load(stored.into_iter().map(|(a, _, _)| a).collect());
        let first = matcher.len();
        let pairs = matcher.extend(new.into_iter().map(|(a, _, _)| a).collect());
        let reprints = matcher.reprints().to_vec();
        let lineage = matcher.lineage();
        let index = matcher.index_rows(first);
        drop(matcher);

        let tx = self.conn.transaction()?;
        let mut touched: HashSet<i64> = HashSet::new();
        {
            let mut insert = tx.prepare(
                "INSERT INTO matches (a_version, b_version, kind, label, reasons, score, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut claims = Linker::new(&tx)?;
            for p in &pairs {
                let (Some(&va), Some(&vb)) =
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
                let id = tx.last_insert_rowid();
                let c = claims.link((va, &p.a), (vb, &p.b), false)?;
                tx.execute(
                    "UPDATE matches SET claim_id = ?1 WHERE id = ?2",
                    params![c, id],
                )?;
                touched.insert(c);
            }
            for r in &reprints {
                let (Some(&vo), Some(&vi)) = (
                    version_of.get(&r.of.article),
                    version_of.get(&r.item.article),
                ) else {
                    continue;
                };
                touched.insert(claims.link((vo, &r.of), (vi, &r.item), true)?);
            }
            touched.retain(|c| !claims.merged.contains(c));
            upsert_lineage(&tx, &lineage)?;
            write_index(&tx, &index, &version_of)?;
            let mut mark = tx.prepare("UPDATE versions SET matched = 1 WHERE id = ?1")?;
            for v in versions {
                mark.execute([v])?;
            }
            for &c in &touched {
                refresh(&tx, c)?;
            }
        }
        tx.commit()?;
        Ok(Rematch {
            matched: versions.len(),
            pairs: pairs.len(),
            loaded,
            ..Rematch::default()
        })
    }

    /// The stored versions new articles may match: those holding one of
    /// their forms, and those sharing the most of their sketch keys
    /// (common keys left out).
    fn candidates(&self, lookups: &[crate::matching::Lookup], own: &[i64]) -> Result<Vec<i64>> {
        self.conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS probe_keys (key INTEGER PRIMARY KEY);
             CREATE TEMP TABLE IF NOT EXISTS probe_forms (form INTEGER PRIMARY KEY);
             DELETE FROM temp.probe_keys; DELETE FROM temp.probe_forms;",
        )?;
        {
            let mut k = self
                .conn
                .prepare("INSERT OR IGNORE INTO temp.probe_keys (key) VALUES (?1)")?;
            let mut f = self
                .conn
                .prepare("INSERT OR IGNORE INTO temp.probe_forms (form) VALUES (?1)")?;
            for l in lookups {
                for &key in &l.keys {
                    k.execute([i64::from(key)])?;
                }
                for &form in &l.forms {
                    f.execute([form as i64])?;
                }
            }
        }
        let own: HashSet<i64> = own.iter().copied().collect();
        let mut out: HashSet<i64> = HashSet::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT f.version_id FROM temp.probe_forms p JOIN forms f ON f.form = p.form",
            )?;
            let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?;
            for v in rows {
                out.insert(v?);
            }
        }
        let mut postings: HashMap<u32, Vec<i64>> = HashMap::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT b.key, b.version_id FROM temp.probe_keys p JOIN blocking b ON b.key = p.key",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                postings
                    .entry(r.get::<_, i64>(0)? as u32)
                    .or_default()
                    .push(r.get(1)?);
            }
        }
        postings.retain(|_, v| v.len() <= KEY_CAP);
        for l in lookups {
            let mut hits: HashMap<i64, usize> = HashMap::new();
            for k in &l.keys {
                for &v in postings.get(k).map_or(&[][..], Vec::as_slice) {
                    *hits.entry(v).or_default() += 1;
                }
            }
            let mut ranked: Vec<(usize, i64)> = hits.into_iter().map(|(v, n)| (n, v)).collect();
            ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            out.extend(ranked.into_iter().take(CANDIDATES).map(|(_, v)| v));
        }
        let mut out: Vec<i64> = out.into_iter().filter(|v| !own.contains(v)).collect();
        out.sort_unstable();
        Ok(out)
    }
}

/// Writes index rows (sketch keys and first-of-form items) of matched
/// articles; `version_of` maps article ids to their latest version.
pub(crate) fn write_index(
    tx: &Connection,
    rows: &[IndexRow],
    version_of: &HashMap<i64, i64>,
) -> Result<()> {
    let mut key = tx.prepare("INSERT OR IGNORE INTO blocking (key, version_id) VALUES (?1, ?2)")?;
    let mut form = tx.prepare(
        "INSERT OR IGNORE INTO forms (form, version_id, kind, idx) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for row in rows {
        let Some(&v) = version_of.get(&row.article) else {
            continue;
        };
        for &k in &row.keys {
            key.execute(params![i64::from(k), v])?;
        }
        for &(kind, idx, f) in &row.forms {
            form.execute(params![f as i64, v, name(&kind), idx as i64])?;
        }
    }
    Ok(())
}

/// Joins linked items into claims in place (union of their claims).
struct Linker<'a> {
    tx: &'a Connection,
    /// Claims merged into another during this run.
    merged: HashSet<i64>,
}

impl<'a> Linker<'a> {
    fn new(tx: &'a Connection) -> Result<Self> {
        Ok(Linker {
            tx,
            merged: HashSet::new(),
        })
    }

    fn claim_of(&self, k: &ItemKey) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT claim_id FROM claim_items WHERE version_id = ?1 AND kind = ?2 AND idx = ?3",
            )?
            .query_row(params![k.0, k.1, k.2], |r| r.get(0))
            .optional()?)
    }

    fn add(
        &self,
        claim: i64,
        version: i64,
        r: &ItemRef,
        reprint_of: Option<&ItemKey>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO claim_items (version_id, kind, idx, start, end, claim_id, reprint_of, reprint_idx)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (version_id, kind, idx) DO UPDATE SET claim_id = excluded.claim_id,
                    reprint_of = coalesce(excluded.reprint_of, reprint_of),
                    reprint_idx = coalesce(excluded.reprint_idx, reprint_idx)",
            )?
            .execute(params![
                version,
                name(&r.kind),
                r.index as i64,
                r.start as i64,
                r.end as i64,
                claim,
                reprint_of.map(|k| k.0),
                reprint_of.map(|k| k.2)
            ])?;
        Ok(())
    }

    /// Links items `a` and `b` (each with its version): they join one
    /// claim, made when neither has one, or the older of their two claims,
    /// the other recorded as merged into it. With `reprint`, `b` repeats
    /// `a`. Returns the claim.
    fn link(
        &mut self,
        (va, a): (i64, &ItemRef),
        (vb, b): (i64, &ItemRef),
        reprint: bool,
    ) -> Result<i64> {
        let ka: ItemKey = (va, name(&a.kind), a.index as i64);
        let kb: ItemKey = (vb, name(&b.kind), b.index as i64);
        let of = reprint.then_some(&ka);
        let claim = match (self.claim_of(&ka)?, self.claim_of(&kb)?) {
            (None, None) => {
                self.tx.execute(
                    "INSERT INTO claims (kind, summary, contested, articles, detail)
                     VALUES (?1, '', 0, 0, '{}')",
                    [name(&a.kind)],
                )?;
                let c = self.tx.last_insert_rowid();
                self.add(c, va, a, None)?;
                self.add(c, vb, b, of)?;
                c
            }
            (Some(c), None) => {
                self.add(c, vb, b, of)?;
                c
            }
            (None, Some(c)) => {
                self.add(c, va, a, None)?;
                if reprint {
                    self.add(c, vb, b, of)?;
                }
                c
            }
            (Some(x), Some(y)) => {
                let keep = self.merge(x, y)?;
                if reprint {
                    self.add(keep, vb, b, of)?;
                }
                keep
            }
        };
        let claim = self.join_nested(claim, va, a)?;
        self.join_nested(claim, vb, b)
    }

    /// Merges two claims into the older one; returns it.
    fn merge(&mut self, x: i64, y: i64) -> Result<i64> {
        let (keep, gone) = (x.min(y), x.max(y));
        if keep != gone {
            self.tx.execute(
                "UPDATE claim_items SET claim_id = ?1 WHERE claim_id = ?2",
                params![keep, gone],
            )?;
            self.tx.execute(
                "UPDATE matches SET claim_id = ?1 WHERE claim_id = ?2",
                params![keep, gone],
            )?;
            self.tx.execute(
                "UPDATE claims SET live = 0, merged_into = ?1 WHERE id = ?2",
                params![keep, gone],
            )?;
            self.merged.insert(gone);
        }
        Ok(keep)
    }

    /// Joins `claim` with the claims of the figures inside quote `r`, or of
    /// the quote holding figure `r`, in version `v` (see
    /// `matching::cluster`: a figure in a quote is part of what it says).
    fn join_nested(&mut self, claim: i64, v: i64, r: &ItemRef) -> Result<i64> {
        let sql = match r.kind {
            ItemKind::Quote => {
                "SELECT DISTINCT claim_id FROM claim_items
                 WHERE version_id = ?1 AND kind = 'figure' AND start >= ?2 AND end <= ?3"
            }
            ItemKind::Figure => {
                "SELECT DISTINCT claim_id FROM claim_items
                 WHERE version_id = ?1 AND kind = 'quote' AND start <= ?2 AND end >= ?3"
            }
            ItemKind::Narration => return Ok(claim),
        };
        let others: Vec<i64> = self
            .tx
            .prepare_cached(sql)?
            .query_map(params![v, r.start as i64, r.end as i64], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut claim = claim;
        for other in others {
            if other != claim {
                claim = self.merge(claim, other)?;
            }
        }
        Ok(claim)
    }
}

/// Recomputes a claim's row from its items and pairs: kind, summary (the
/// words of its first item), whether contested and why, how many articles.
fn refresh(tx: &Connection, claim: i64) -> Result<()> {
    let mut items: Vec<(i64, String, i64, i64, i64, i64)> = Vec::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT v.article_id, ci.kind, ci.idx, ci.start, ci.end, ci.version_id
             FROM claim_items ci JOIN versions v ON v.id = ci.version_id
             WHERE ci.claim_id = ?1 ORDER BY v.article_id, ci.kind, ci.idx",
        )?;
        let mut rows = stmt.query([claim])?;
        while let Some(r) = rows.next()? {
            items.push((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ));
        }
    }
    let mut reasons: Vec<Reason> = Vec::new();
    let mut contested = false;
    {
        let mut stmt =
            tx.prepare_cached("SELECT reasons FROM matches WHERE claim_id = ?1 AND label = ?2")?;
        let mut rows = stmt.query(params![claim, name(&Label::Diverges)])?;
        while let Some(r) = rows.next()? {
            contested = true;
            let rs: Vec<Reason> = serde_json::from_str(&r.get::<_, String>(0)?).unwrap_or_default();
            reasons.extend(rs);
        }
    }
    reasons.sort();
    reasons.dedup();
    let mut articles: Vec<i64> = items.iter().map(|i| i.0).collect();
    articles.dedup();
    let kind = if items.iter().any(|i| i.1 == name(&ItemKind::Figure)) {
        ItemKind::Figure
    } else {
        ItemKind::Quote
    };
    let summary = match items.first() {
        Some(first) => {
            let text: String = tx
                .prepare_cached("SELECT text FROM versions WHERE id = ?1")?
                .query_row([first.5], |r| r.get(0))?;
            text.get(first.3 as usize..first.4 as usize)
                .unwrap_or_default()
                .to_string()
        }
        None => String::new(),
    };
    let detail = Claim {
        id: 0,
        kind,
        items: Vec::new(),
        pairs: Vec::new(),
        articles: Vec::new(),
        contested,
        severity: reasons.first().copied(),
        reasons: reasons.clone(),
    };
    tx.prepare_cached(
        "UPDATE claims SET kind = ?2, summary = ?3, contested = ?4, severity = ?5, reasons = ?6,
            articles = ?7, detail = ?8, live = 1 WHERE id = ?1",
    )?
    .execute(params![
        claim,
        name(&kind),
        summary,
        contested,
        reasons.first().map(name),
        json(&reasons),
        articles.len() as i64,
        json(&detail)
    ])?;
    Ok(())
}
