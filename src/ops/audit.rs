//! Auditing a draft against the store, as `audit` and the web app's audit
//! form do it: find candidate sources by full-text search, compare, and
//! optionally save the draft.

use serde::Serialize;

use crate::audit::{self, Audit, Status};
use crate::error::Result;
use crate::ingest::{self, Prepared};
use crate::store::{Outcome, Store};

/// Where a saved draft went.
#[derive(Debug, Clone, Serialize)]
pub struct Saved {
    pub article: i64,
    pub outcome: Outcome,
}

/// An audit as `audit --json` prints it.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The draft's name (its path, or `<stdin>`).
    pub draft: String,
    #[serde(flatten)]
    pub audit: Audit,
    /// Whether a finding reached the `fail_on` level.
    pub failed: bool,
    pub saved: Option<Saved>,
}

/// Audits a prepared draft (its findings located in its source when the
/// draft was prepared with `keep_source`), saves it when asked (the store
/// must then be writable; see [`save`]), and reports whether a finding
/// reached `fail_on`.
pub fn run(
    store: &mut Store,
    name: String,
    draft: &Prepared,
    save_draft: bool,
    fail_on: Option<Status>,
) -> Result<Report> {
    let result = located(store, draft)?;
    let saved = if save_draft {
        Some(save(store, draft)?)
    } else {
        None
    };
    let failed = result.fails(fail_on);
    Ok(Report {
        draft: name,
        audit: result,
        failed,
        saved,
    })
}

/// [`check`], each finding then given its line in the draft's source (kept
/// when the draft was prepared with `keep_source`).
pub fn located(store: &Store, draft: &Prepared) -> Result<Audit> {
    let mut result = check(store, draft)?;
    result.locate(&draft.loaded.text, draft.loaded.source.as_deref());
    Ok(result)
}

/// Stores a draft: a new one is marked as a draft, so that its errors stay
/// out of `contested` unless asked; it is matched in like any article.
pub fn save(store: &mut Store, draft: &Prepared) -> Result<Saved> {
    let (outcome, article) = ingest::store(store, draft)?;
    if outcome == Outcome::New {
        store.set_draft(article, true)?;
    }
    store.rematch()?;
    Ok(Saved { article, outcome })
}

/// Audits a prepared draft against the store: full-text searches made of
/// the rarest words of each quote and figure sentence find candidate
/// sources, their stored extractions are loaded, and [`audit::audit`]
/// matches and classifies. A stored copy of the draft itself (same key)
/// is never its own source.
pub fn check(store: &Store, draft: &Prepared) -> Result<Audit> {
    let text = &draft.loaded.text;
    let items = audit::search_items(text, &draft.extraction);
    let mut terms: Vec<String> = items.iter().flat_map(|i| i.terms.clone()).collect();
    terms.sort_unstable();
    terms.dedup();
    let docs = store.term_docs(&terms, audit::COMMON_DOCS)?;
    let mut ranked: Vec<Vec<i64>> = Vec::new();
    for q in items.iter().filter_map(|i| audit::build_query(i, &docs)) {
        ranked.push(search(store, &q, false)?);
        if q.quotes {
            ranked.push(search(store, &q, true)?);
        }
    }
    let exclude: Vec<i64> = store.article_by_key(&draft.key)?.into_iter().collect();
    let ids = audit::pick_candidates(&ranked, &exclude, audit::MAX_CANDIDATES);
    let coverage = store.coverage(&ids)?;
    let mut result = audit::audit(text, &draft.extraction, coverage);
    result.excluded = exclude;
    Ok(result)
}

/// Runs one search over article texts or stored quotes: ranked when cheap,
/// else the strict search first and the tolerant one to fill up.
fn search(store: &Store, q: &audit::SearchQuery, quotes: bool) -> Result<Vec<i64>> {
    let run = |fts: &str, ranked: bool| {
        if quotes {
            store.search_quote_articles(fts, audit::PER_QUERY, ranked)
        } else {
            store.search_articles(fts, audit::PER_QUERY, ranked)
        }
    };
    if q.ranked {
        return run(&q.any, true);
    }
    let mut hits = match &q.all {
        Some(all) => run(all, false)?,
        None => Vec::new(),
    };
    if hits.len() < audit::PER_QUERY {
        for id in run(&q.any, false)? {
            if !hits.contains(&id) {
                hits.push(id);
            }
        }
    }
    Ok(hits)
}
