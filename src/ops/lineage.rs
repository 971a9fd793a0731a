//! Rewrites with both articles named, as `lineage --json` prints them.

use serde::Serialize;

use crate::error::Result;
use crate::matching::Derivation;
use crate::store::query::ArticleName;
use crate::store::Store;

/// A rewrite with both articles named.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    #[serde(flatten)]
    pub derivation: Derivation,
    /// The rewrite's outlet, title and date.
    pub article_name: ArticleName,
    /// The source's outlet, title and date.
    pub source_name: ArticleName,
}

/// Every stored rewrite, both sides named.
pub fn named(store: &Store) -> Result<Vec<Named>> {
    store
        .lineage()?
        .into_iter()
        .map(|d| {
            Ok(Named {
                article_name: store.article_name(d.article)?,
                source_name: store.article_name(d.source)?,
                derivation: d,
            })
        })
        .collect()
}
