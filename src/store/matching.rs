//! Glue between the store and the matcher: load what is stored as matcher
//! input, match the versions not yet matched against the rest, and keep
//! pairs, claims and lineage in the store.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::Store;
use crate::error::Result;
use crate::extract::model::{Figure, FigureKind, Quote, QuoteKind, SpeakerKind, Unit};
use crate::matching::{
    cluster_claims, ArticleInput, Claim, Derivation, ItemKind, ItemRef, Matcher, Pair, Reprint,
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
    /// Stored articles read to match the new ones.
    pub loaded: usize,
    /// Whether every article was read (an article changed, or the index
    /// was missing) rather than only the candidates of the new ones.
    pub full: bool,
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_str(&format!("\"{s}\"")).ok()
}

use super::LATEST;

impl Store {
    /// Every article's latest version as matcher input, with its version
    /// id and whether it has been matched already.
    pub fn match_inputs(&self) -> Result<Vec<(ArticleInput, i64, bool)>> {
        self.inputs_of(None)
    }

    /// Matcher input of the given latest versions (all when `None`), in
    /// article order, with version id and whether matched already.
    pub(crate) fn inputs_of(
        &self,
        versions: Option<&[i64]>,
    ) -> Result<Vec<(ArticleInput, i64, bool)>> {
        let only = match versions {
            None => "",
            Some(vs) => {
                self.conn.execute_batch(
                    "CREATE TEMP TABLE IF NOT EXISTS want (id INTEGER PRIMARY KEY);
                     DELETE FROM temp.want;",
                )?;
                let mut add = self
                    .conn
                    .prepare_cached("INSERT OR IGNORE INTO temp.want (id) VALUES (?1)")?;
                for v in vs {
                    add.execute([v])?;
                }
                " AND v.id IN (SELECT id FROM temp.want)"
            }
        };
        let mut quotes: HashMap<i64, Vec<Quote>> = HashMap::new();
        let mut stmt = self.conn.prepare(&format!(
            "SELECT q.version_id, q.text, q.start, q.end, q.kind, s.name, q.speaker_as_written,
                    q.speaker_title, s.kind, q.cue, q.via
             FROM quotes q JOIN versions v ON v.id = q.version_id
             LEFT JOIN speakers s ON s.id = q.speaker_id
             WHERE {LATEST}{only} ORDER BY q.version_id, q.id"
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
             WHERE {LATEST}{only} ORDER BY f.version_id, f.id"
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
             WHERE {LATEST}{only} ORDER BY a.id"
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

    /// The full run: load every article, match the latest versions not
    /// matched yet against everything else, store the new pairs and
    /// derivations, drop pairs of superseded versions, rebuild the claims
    /// (ids kept) and the matching index. One transaction. Taken when an
    /// article has a new version after an older one was matched (its old items
    /// leave their claims) or the
    /// index is missing; otherwise [`Store::rematch`] reads only what new
    /// articles need.
    pub(crate) fn rematch_all(&mut self) -> Result<Rematch> {
        let inputs = self.match_inputs()?;
        let (done, todo): (Vec<_>, Vec<_>) = inputs.into_iter().partition(|(_, _, m)| *m);
        let loaded = done.len();
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
        let reprints = matcher.all_reprints();
        let index = matcher.index_rows(0);

        // A savepoint: a transaction of its own, or part of the caller's
        // (`articles set` and `articles rm` change and rematch in one).
        let tx = self.conn.savepoint()?;
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
            upsert_lineage(&tx, &lineage)?;
            let mut mark = tx.prepare("UPDATE versions SET matched = 1 WHERE id = ?1")?;
            for id in &todo_ids {
                mark.execute([version_of[id]])?;
            }
        }
        let (claims, contested) = rebuild_claims(&tx, &reprints, &version_of)?;
        tx.execute_batch("DELETE FROM blocking; DELETE FROM forms;")?;
        super::incremental::write_index(&tx, &index, &version_of)?;
        tx.execute(
            "INSERT INTO store_meta (key, value) VALUES ('index', 'built')
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [],
        )?;
        tx.commit()?;
        Ok(Rematch {
            matched: todo_ids.len(),
            pairs: pairs.len(),
            claims,
            contested,
            loaded,
            full: true,
        })
    }

    pub(crate) fn count(&self, sql: &str) -> Result<usize> {
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

    /// Live claims, most serious first (contested, then by the most
    /// serious reason, then by how many articles carry them), each with its
    /// items and pairs.
    pub fn claims(&self) -> Result<Vec<(i64, Claim, Vec<Pair>)>> {
        self.claims_where("c.live", &[])
    }

    /// Live claims in rank order (as [`Store::claims`]) without their
    /// items and pairs, which [`Store::claim`] reads one claim at a time:
    /// a page of a large store's claims costs what the page holds.
    pub fn claim_heads(&self, contested_only: bool) -> Result<Vec<(i64, Claim)>> {
        let filter = if contested_only {
            "c.live AND c.contested"
        } else {
            "c.live"
        };
        Ok(self
            .claim_rows(filter, &[])?
            .into_iter()
            .filter_map(|(id, d)| Some((id, serde_json::from_str(&d).ok()?)))
            .collect())
    }

    /// Claims' ids and stored forms, in rank order.
    fn claim_rows(&self, filter: &str, params: &[i64]) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT c.id, c.detail FROM claims c WHERE {filter}
             ORDER BY c.contested DESC, {SEVERITY_RANK}, c.articles DESC, c.id"
        ))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// One claim by id, live or not.
    pub fn claim(&self, id: i64) -> Result<Option<(i64, Claim, Vec<Pair>)>> {
        Ok(self.claims_where("c.id = ?1", &[id])?.pop())
    }

    /// Where a claim that is no longer live went: the claim it merged
    /// into, followed to the live one.
    pub fn claim_fate(&self, id: i64) -> Result<Option<ClaimFate>> {
        let row: Option<(bool, Option<i64>)> = self
            .conn
            .query_row(
                "SELECT live, merged_into FROM claims WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((live, mut into)) = row else {
            return Ok(None);
        };
        if live {
            return Ok(Some(ClaimFate::Live));
        }
        let mut seen = vec![id];
        while let Some(next) = into {
            let (live, further): (bool, Option<i64>) = self.conn.query_row(
                "SELECT live, merged_into FROM claims WHERE id = ?1",
                [next],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if live {
                return Ok(Some(ClaimFate::MergedInto(next)));
            }
            if seen.contains(&next) {
                break;
            }
            seen.push(next);
            into = further;
        }
        Ok(Some(ClaimFate::Gone))
    }

    /// Claims matching an SQL condition on `c` (the claims table) with its
    /// parameters, with their items and pairs. Statements are cached: one
    /// claim read after another costs no new parse.
    fn claims_where(&self, filter: &str, params: &[i64]) -> Result<Vec<(i64, Claim, Vec<Pair>)>> {
        let claims = self.claim_rows(filter, params)?;
        let mut items: HashMap<i64, Vec<ItemRef>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT ci.claim_id, v.article_id, ci.kind, ci.idx, ci.start, ci.end
             FROM claim_items ci JOIN claims c ON c.id = ci.claim_id
             JOIN versions v ON v.id = ci.version_id
             WHERE {filter} ORDER BY v.article_id, ci.kind, ci.idx"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        while let Some(r) = rows.next()? {
            let kind: String = r.get(2)?;
            items.entry(r.get(0)?).or_default().push(ItemRef {
                article: r.get(1)?,
                kind: parse(&kind).unwrap_or(ItemKind::Quote),
                index: r.get::<_, i64>(3)? as usize,
                start: r.get::<_, i64>(4)? as usize,
                end: r.get::<_, i64>(5)? as usize,
            });
        }
        let mut by_claim: HashMap<i64, Vec<(i64, Pair)>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT m.claim_id, m.id, m.detail FROM matches m JOIN claims c ON c.id = m.claim_id
             WHERE {filter} ORDER BY m.id"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        while let Some(r) = rows.next()? {
            if let Ok(p) = serde_json::from_str::<Pair>(&r.get::<_, String>(2)?) {
                by_claim.entry(r.get(0)?).or_default().push((r.get(1)?, p));
            }
        }
        Ok(claims
            .into_iter()
            .filter_map(|(id, d)| {
                let mut c: Claim = serde_json::from_str(&d).ok()?;
                c.items = items.remove(&id).unwrap_or_default();
                c.articles = c.items.iter().map(|i| i.article).collect();
                c.articles.sort_unstable();
                c.articles.dedup();
                let pairs = by_claim.remove(&id).unwrap_or_default();
                c.pairs = pairs.iter().map(|(pid, _)| *pid as usize).collect();
                Some((id, c, pairs.into_iter().map(|(_, p)| p).collect()))
            })
            .collect())
    }

    /// The reprints among a claim's items: (item, the item it repeats).
    pub fn claim_reprints(&self, id: i64) -> Result<Vec<(ItemRef, ItemRef)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.article_id, ci.kind, ci.idx, ci.start, ci.end,
                    ov.article_id, o.idx, o.start, o.end
             FROM claim_items ci JOIN versions v ON v.id = ci.version_id
             JOIN claim_items o ON o.version_id = ci.reprint_of AND o.kind = ci.kind
                  AND o.idx = ci.reprint_idx
             JOIN versions ov ON ov.id = o.version_id
             WHERE ci.claim_id = ?1 AND ci.reprint_of IS NOT NULL
             ORDER BY v.article_id, ci.idx",
        )?;
        let rows = stmt
            .query_map([id], |r| {
                let kind: String = r.get(1)?;
                let kind = parse(&kind).unwrap_or(ItemKind::Quote);
                let at = |a: i64, i: i64, s: i64, e: i64| ItemRef {
                    article: a,
                    kind,
                    index: i as usize,
                    start: s as usize,
                    end: e as usize,
                };
                Ok((
                    at(r.get(0)?, r.get(2)?, r.get(3)?, r.get(4)?),
                    at(r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
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

    /// The rewrite an article is, if it is one (the lineage row keyed by
    /// the article).
    pub fn derivation_of(&self, article: i64) -> Result<Option<Derivation>> {
        let detail: Option<String> = self
            .conn
            .prepare_cached("SELECT detail FROM lineage WHERE article_id = ?1")?
            .query_row([article], |r| r.get(0))
            .optional()?;
        Ok(detail.and_then(|d| serde_json::from_str(&d).ok()))
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
        ) = self
            .conn
            .prepare_cached(&format!(
                "SELECT v.id, o.name, a.title, a.published, v.text
                     FROM articles a JOIN versions v ON v.article_id = a.id
                     LEFT JOIN outlets o ON o.id = a.outlet_id
                     WHERE a.id = ?1 AND {LATEST}"
            ))?
            .query_row([item.article], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?;
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
            sentence: None,
        };
        if item.kind == ItemKind::Figure {
            view.sentence = crate::matching::sentence::around(&text, item.start)
                .and_then(|(a, b)| text.get(a..b))
                .map(|s| s.trim().to_string());
        }
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

/// What became of a claim id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimFate {
    /// It is listed.
    Live,
    /// It joined this live claim.
    MergedInto(i64),
    /// Its items are gone (their articles changed).
    Gone,
}

/// SQL ordering by the most serious reason (none last).
const SEVERITY_RANK: &str = "CASE c.severity WHEN 'value' THEN 0 WHEN 'unit' THEN 1 \
     WHEN 'qualifier' THEN 2 WHEN 'attribution' THEN 3 WHEN 'speaker' THEN 4 \
     WHEN 'wording' THEN 5 WHEN 'speaker_title' THEN 6 ELSE 7 END";

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
    /// For a figure, the sentence it is in, so a reader sees what it
    /// counts ("2016" alone says nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

/// Stores derivations, each replacing an article's stored source when it
/// shares more.
pub(crate) fn upsert_lineage(tx: &rusqlite::Connection, lineage: &[Derivation]) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO lineage (article_id, source_id, share, quote_share, detail)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (article_id) DO UPDATE SET source_id = excluded.source_id,
            share = excluded.share, quote_share = excluded.quote_share,
            detail = excluded.detail
         WHERE excluded.share > lineage.share",
    )?;
    for d in lineage {
        insert.execute(params![
            d.article,
            d.source,
            d.share,
            d.quote_share,
            json(d)
        ])?;
    }
    Ok(())
}

pub(crate) fn name<T: Serialize>(v: &T) -> String {
    super::enum_name(v)
}

pub(crate) fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// An item's key in `claim_items`: (version, kind, index).
type ItemKey = (i64, String, i64);

/// Regroups every stored pair and every reprint into claims and writes
/// what changed, keeping claim ids stable: a new group takes the id of the
/// earlier claim most of whose items it holds (the oldest such claim when
/// it holds several, the others recorded as merged into it); a group with
/// no earlier claim gets a new id, and says which claim it split from
/// when its items had one. Returns (live claims, contested).
fn rebuild_claims(
    tx: &rusqlite::Connection,
    reprints: &[Reprint],
    version_of: &HashMap<i64, i64>,
) -> Result<(usize, usize)> {
    let mut stmt = tx.prepare("SELECT id, detail FROM matches ORDER BY id")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (ids, pairs): (Vec<i64>, Vec<Pair>) = rows
        .into_iter()
        .filter_map(|(id, d)| serde_json::from_str::<Pair>(&d).ok().map(|p| (id, p)))
        .unzip();
    let claims = cluster_claims(&pairs, reprints);
    let key_of = |r: &ItemRef| -> Option<ItemKey> {
        Some((*version_of.get(&r.article)?, name(&r.kind), r.index as i64))
    };

    // Earlier membership.
    let mut old: HashMap<ItemKey, i64> = HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT version_id, kind, idx, claim_id FROM claim_items")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            old.insert((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?);
        }
    }
    let live_before: Vec<i64> = {
        let mut stmt = tx.prepare("SELECT id FROM claims WHERE live ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<i64>>>()?
    };

    // For each earlier claim, the group holding most of its items (ties:
    // the earlier group in rank order).
    let mut counts: Vec<HashMap<i64, usize>> = Vec::with_capacity(claims.len());
    for c in &claims {
        let mut m: HashMap<i64, usize> = HashMap::new();
        for k in c.items.iter().filter_map(key_of) {
            if let Some(&id) = old.get(&k) {
                *m.entry(id).or_default() += 1;
            }
        }
        counts.push(m);
    }
    let mut heir: HashMap<i64, (usize, usize)> = HashMap::new(); // old id → (count, group)
    for (g, m) in counts.iter().enumerate() {
        for (&id, &n) in m {
            let e = heir.entry(id).or_insert((n, g));
            if n > e.0 {
                *e = (n, g);
            }
        }
    }
    let mut inherits: Vec<Vec<i64>> = vec![Vec::new(); claims.len()];
    for (&id, &(_, g)) in &heir {
        inherits[g].push(id);
    }

    let mut update = tx.prepare(
        "UPDATE claims SET kind = ?2, summary = ?3, contested = ?4, severity = ?5, reasons = ?6,
                articles = ?7, detail = ?8, live = 1, merged_into = NULL
         WHERE id = ?1",
    )?;
    let mut insert = tx.prepare(
        "INSERT INTO claims (kind, summary, contested, severity, reasons, articles, detail, split_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut retire = tx.prepare("UPDATE claims SET live = 0, merged_into = ?2 WHERE id = ?1")?;
    let mut text_of = tx.prepare("SELECT text FROM versions WHERE id = ?1")?;
    let mut kept: Vec<i64> = Vec::with_capacity(claims.len());
    let mut contested = 0;
    for (g, c) in claims.iter().enumerate() {
        let first = c.items.first().and_then(key_of);
        let summary = first
            .zip(c.items.first())
            .and_then(|((v, _, _), i)| {
                let t: Option<String> = text_of.query_row([v], |r| r.get(0)).ok();
                t.and_then(|t| t.get(i.start..i.end).map(str::to_string))
            })
            .unwrap_or_default();
        // Items and pairs live in their own tables.
        let mut bare = c.clone();
        bare.items.clear();
        bare.pairs.clear();
        let mut heirs = std::mem::take(&mut inherits[g]);
        heirs.sort_unstable();
        let id = if let Some(&id) = heirs.first() {
            update.execute(params![
                id,
                name(&c.kind),
                summary,
                c.contested,
                c.severity.as_ref().map(name),
                json(&c.reasons),
                c.articles.len() as i64,
                json(&bare)
            ])?;
            for &other in &heirs[1..] {
                retire.execute(params![other, id])?;
            }
            id
        } else {
            let split_from = counts[g]
                .iter()
                .max_by_key(|&(id, n)| (*n, std::cmp::Reverse(*id)))
                .map(|(id, _)| *id);
            insert.execute(params![
                name(&c.kind),
                summary,
                c.contested,
                c.severity.as_ref().map(name),
                json(&c.reasons),
                c.articles.len() as i64,
                json(&bare),
                split_from
            ])?;
            tx.last_insert_rowid()
        };
        kept.push(id);
        contested += usize::from(c.contested);
    }
    // Earlier claims none of whose items are left.
    for id in live_before {
        if !heir.contains_key(&id) {
            retire.execute(params![id, Option::<i64>::None])?;
        }
    }

    // Membership: write only what changed.
    let reprint_of: HashMap<ItemKey, (i64, i64)> = reprints
        .iter()
        .filter_map(|r| {
            let (v, _, i) = key_of(&r.of)?;
            Some((key_of(&r.item)?, (v, i)))
        })
        .collect();
    let mut new: HashMap<ItemKey, (i64, usize, usize)> = HashMap::new();
    for (c, &id) in claims.iter().zip(&kept) {
        for i in &c.items {
            if let Some(k) = key_of(i) {
                new.insert(k, (id, i.start, i.end));
            }
        }
    }
    {
        let mut delete =
            tx.prepare("DELETE FROM claim_items WHERE version_id = ?1 AND kind = ?2 AND idx = ?3")?;
        for k in old.keys() {
            if !new.contains_key(k) {
                delete.execute(params![k.0, k.1, k.2])?;
            }
        }
        let mut upsert = tx.prepare(
            "INSERT INTO claim_items (version_id, kind, idx, start, end, claim_id, reprint_of, reprint_idx)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (version_id, kind, idx) DO UPDATE SET start = excluded.start,
                end = excluded.end, claim_id = excluded.claim_id,
                reprint_of = excluded.reprint_of, reprint_idx = excluded.reprint_idx
             WHERE claim_id IS NOT excluded.claim_id OR reprint_of IS NOT excluded.reprint_of
                OR reprint_idx IS NOT excluded.reprint_idx OR start IS NOT excluded.start",
        )?;
        for (k, &(id, start, end)) in &new {
            let r = reprint_of.get(k);
            upsert.execute(params![
                k.0,
                k.1,
                k.2,
                start as i64,
                end as i64,
                id,
                r.map(|x| x.0),
                r.map(|x| x.1)
            ])?;
        }
    }
    // Pairs: their claim, where it changed.
    let mut assign =
        tx.prepare("UPDATE matches SET claim_id = ?1 WHERE id = ?2 AND claim_id IS NOT ?1")?;
    let mut unassigned: Vec<bool> = vec![true; ids.len()];
    for (c, &id) in claims.iter().zip(&kept) {
        for &p in &c.pairs {
            if let Some(&pid) = ids.get(p) {
                assign.execute(params![id, pid])?;
                unassigned[p] = false;
            }
        }
    }
    for (p, &pid) in ids.iter().enumerate() {
        if unassigned[p] {
            tx.execute(
                "UPDATE matches SET claim_id = NULL WHERE id = ?1 AND claim_id IS NOT NULL",
                [pid],
            )?;
        }
    }
    Ok((claims.len(), contested))
}
