//! Which claims to report, and in what order: the selection behind
//! `contested`, `claims` and the web app's front page. A draft saved by
//! `audit --save` is left out unless asked for.

use std::collections::{HashMap, HashSet};

use crate::error::Result;
use crate::ingest::meta::normalise_date;
use crate::matching::{Claim, ItemKind, ItemRef, Label, Pair, Reason};
use crate::report::claims::ClaimReport;
use crate::store::Store;

/// A day for `since`/`until` filters, as `ingest --published` takes dates
/// ("2021-05-14", "May 14, 2021"), kept to the day (a time is ignored).
pub fn parse_day(s: &str) -> std::result::Result<String, String> {
    normalise_date(s.trim())
        .map(|d| d.chars().take(10).collect())
        .ok_or_else(|| format!("{s:?} is not a date like 2021-05-14"))
}

/// Reason names as `claims` and the JSON print them.
pub const REASON_NAMES: &[&str] = &[
    "value",
    "unit",
    "qualifier",
    "attribution",
    "speaker",
    "wording",
    "speaker_title",
];

/// A reason by the name reports print (`speaker_title`), with `-` or a
/// space for `_`, in any case; `title` is `speaker_title`.
pub fn parse_reason(s: &str) -> std::result::Result<Reason, String> {
    let name = s.trim().to_lowercase().replace(['-', ' '], "_");
    let parse = |n: &str| serde_json::from_value::<Reason>(serde_json::Value::String(n.into()));
    parse(&name)
        .or_else(|e| {
            if name == "title" {
                parse("speaker_title")
            } else {
                Err(e)
            }
        })
        .map_err(|_| {
            format!(
                "unknown reason {s:?}; valid reasons: {}",
                REASON_NAMES.join(", ")
            )
        })
}

/// Which claims to report.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    /// Only contested claims.
    pub contested_only: bool,
    /// Only claims covered by an outlet whose name contains this (any case).
    pub outlet: Option<&'a str>,
    /// Only claims covered by at least this many outlets.
    pub min_outlets: usize,
    /// Only claims covered by at least this many independent outlets (an
    /// outlet whose item is a reprint or whose article is a rewrite of
    /// another listed one does not count).
    pub min_independent: usize,
    /// ISO dates (days), inclusive: a claim qualifies when one of its
    /// articles was published within.
    pub since: Option<&'a str>,
    pub until: Option<&'a str>,
    /// Any of these reasons (none: any claim).
    pub reasons: &'a [Reason],
    pub article: Option<i64>,
    /// Skip this many of the claims that qualify (paging).
    pub offset: usize,
    pub limit: Option<usize>,
    /// Count drafts (`audit --save`) as coverage.
    pub drafts: bool,
}

impl Filter<'_> {
    /// Whether a claim (drafts already left out) qualifies on what its
    /// stored form tells; outlets are checked on its report, after a quick
    /// look at its articles' outlets (`outlet_articles`, when filtering
    /// on an outlet).
    fn wants(
        &self,
        claim: &Claim,
        dates: &HashMap<i64, String>,
        outlet_articles: Option<&HashSet<i64>>,
    ) -> bool {
        (!self.contested_only || claim.contested)
            && outlet_articles.is_none_or(|ids| claim.articles.iter().any(|a| ids.contains(a)))
            && (self.reasons.is_empty() || claim.reasons.iter().any(|r| self.reasons.contains(r)))
            && self.article.is_none_or(|a| claim.articles.contains(&a))
            && ((self.since.is_none() && self.until.is_none())
                || claim.articles.iter().any(|a| {
                    dates
                        .get(a)
                        .is_some_and(|d| within(d, self.since, self.until))
                }))
    }

    /// Whether a claim's report qualifies on its outlets.
    fn wants_report(&self, r: &ClaimReport) -> bool {
        r.outlets >= self.min_outlets
            && r.independent >= self.min_independent
            && self.outlet.is_none_or(|o| r.has_outlet(o))
    }

    /// Whether what qualified so far fills the page.
    fn full(&self, qualified: usize) -> bool {
        self.limit
            .is_some_and(|n| qualified >= self.offset.saturating_add(n))
    }
}

/// Stored claims as reports, filtered, most serious first (contested,
/// then by severity, then by coverage), from `offset`, at most `limit`.
/// Unless `drafts`, a draft's items are left out of each claim and a claim
/// is contested only through pairs of published articles (a draft's item
/// repeated word for word by a published one stands for it); a claim left
/// with one article goes.
///
/// Claims are read one at a time in rank order until the page is full, so
/// the first page of a large store is quick; leaving drafts out can change
/// ranks, so with drafts stored (and not counted) every claim is read.
pub fn reports(store: &Store, f: &Filter) -> Result<Vec<ClaimReport>> {
    store.reading(|| select(store, f))
}

fn select(store: &Store, f: &Filter) -> Result<Vec<ClaimReport>> {
    let drafts = if f.drafts {
        HashSet::new()
    } else {
        store.draft_articles()?
    };
    let dates = if f.since.is_some() || f.until.is_some() {
        store.article_dates()?
    } else {
        HashMap::new()
    };
    let outlet_articles = match f.outlet {
        Some(o) => Some(store.articles_with_outlet(o)?),
        None => None,
    };
    let mut out = Vec::new();
    let mut qualified = 0;
    if drafts.is_empty() {
        for (id, head) in store.claim_heads(f.contested_only)? {
            if f.full(qualified) {
                break;
            }
            // What the stored form tells is checked before reading items.
            if (f.contested_only && !head.contested)
                || (!f.reasons.is_empty() && !head.reasons.iter().any(|r| f.reasons.contains(r)))
            {
                continue;
            }
            let Some((id, claim, pairs)) = store.claim(id)? else {
                continue;
            };
            if !f.wants(&claim, &dates, outlet_articles.as_ref()) {
                continue;
            }
            let r = ClaimReport::build(store, id, &claim, pairs)?;
            if f.wants_report(&r) {
                qualified += 1;
                if qualified > f.offset {
                    out.push(r);
                }
            }
        }
        return Ok(out);
    }
    let mut claims: Vec<(i64, Claim, Vec<Pair>, Option<Stand>)> = Vec::new();
    for (id, claim, pairs) in store.claims()? {
        let (claim, pairs, stand) = if claim.articles.iter().any(|a| drafts.contains(a)) {
            match without_drafts(store, id, &claim, pairs, &drafts)? {
                Some((claim, pairs, stand)) => (claim, pairs, Some(stand)),
                None => continue,
            }
        } else {
            (claim, pairs, None)
        };
        if f.wants(&claim, &dates, outlet_articles.as_ref()) {
            claims.push((id, claim, pairs, stand));
        }
    }
    // Leaving drafts out can change a claim's rank: rank again, as the
    // store does (reasons are declared most serious first).
    claims.sort_by_key(|(id, c, _, _)| {
        (
            !c.contested,
            c.severity.is_none(),
            c.severity,
            std::cmp::Reverse(c.articles.len()),
            *id,
        )
    });
    for (id, claim, pairs, stand) in claims {
        if f.full(qualified) {
            break;
        }
        let mut r = ClaimReport::build(store, id, &claim, pairs)?;
        if let Some(stand) = stand {
            stand.fix(&mut r, &drafts);
        }
        if f.wants_report(&r) {
            qualified += 1;
            if qualified > f.offset {
                out.push(r);
            }
        }
    }
    Ok(out)
}

/// Whether a published date (ISO, maybe with a time) falls within the
/// days `since..=until`.
fn within(published: &str, since: Option<&str>, until: Option<&str>) -> bool {
    let day: String = published.chars().take(10).collect();
    since.is_none_or(|s| day.as_str() >= s) && until.is_none_or(|u| day.as_str() <= u)
}

/// For a claim with drafts left out: the published item that stands for
/// each draft item (the first that repeats it word for word), by the
/// draft item's (article, kind, index).
#[derive(Debug, Default)]
struct Stand(HashMap<(i64, ItemKind, usize), (ItemRef, ItemRef)>);

impl Stand {
    /// The published item standing for a draft item.
    fn get(&self, draft: &ItemRef) -> Option<ItemRef> {
        self.0
            .get(&(draft.article, draft.kind, draft.index))
            .map(|x| x.1)
    }
}

/// A claim as published articles carry it: its items and pairs, and the
/// items standing for drafts' items.
type Published = (Claim, Vec<Pair>, Stand);

/// The claim without its drafts' items, its pairs with drafts replaced by
/// the published reprint standing for the draft's item (or dropped when
/// there is none), contested and reasons recomputed from what is left; an
/// item no longer linked to another goes. `None` when fewer than two
/// articles are left.
fn without_drafts(
    store: &Store,
    id: i64,
    claim: &Claim,
    pairs: Vec<Pair>,
    drafts: &HashSet<i64>,
) -> Result<Option<Published>> {
    let key = |r: &ItemRef| (r.article, r.kind, r.index);
    let reprints = store.claim_reprints(id)?;
    let mut stand = Stand::default();
    let mut linked: HashSet<(i64, ItemKind, usize)> = HashSet::new();
    for (item, of) in &reprints {
        if drafts.contains(&item.article) {
            continue;
        }
        if drafts.contains(&of.article) {
            let first = stand.0.entry(key(of)).or_insert((*of, *item)).1;
            if first != *item {
                linked.extend([key(&first), key(item)]);
            }
        } else {
            linked.extend([key(of), key(item)]);
        }
    }
    let sub = |r: ItemRef| {
        if drafts.contains(&r.article) {
            stand.get(&r)
        } else {
            Some(r)
        }
    };
    let kept: Vec<Pair> = pairs
        .into_iter()
        .filter_map(|p| {
            let (a, b) = (sub(p.a)?, sub(p.b)?);
            (a.article != b.article).then_some(Pair { a, b, ..p })
        })
        .collect();
    for p in &kept {
        linked.extend([key(&p.a), key(&p.b)]);
    }
    let items: Vec<ItemRef> = claim
        .items
        .iter()
        .filter(|i| linked.contains(&key(i)))
        .copied()
        .collect();
    let mut articles: Vec<i64> = items.iter().map(|i| i.article).collect();
    articles.sort_unstable();
    articles.dedup();
    if articles.len() < 2 {
        return Ok(None);
    }
    let mut reasons: Vec<Reason> = kept
        .iter()
        .filter(|p| p.label == Label::Diverges)
        .flat_map(|p| p.reasons.iter().copied())
        .collect();
    reasons.sort();
    reasons.dedup();
    let claim = Claim {
        items,
        articles,
        contested: kept.iter().any(|p| p.label == Label::Diverges),
        severity: reasons.first().copied(),
        reasons,
        ..claim.clone()
    };
    Ok(Some((claim, kept, stand)))
}

impl Stand {
    /// Fixes a report built without the drafts' items: copy notes naming
    /// a draft now name the published item standing for it (or go), and
    /// the independent outlets are counted again from them.
    fn fix(&self, r: &mut ClaimReport, drafts: &HashSet<i64>) {
        let outlet_of: HashMap<i64, Option<String>> = r
            .items
            .iter()
            .map(|i| (i.article, i.outlet.clone()))
            .collect();
        let notes = std::mem::take(&mut r.copies);
        for mut n in notes {
            if drafts.contains(&n.article) {
                continue;
            }
            if drafts.contains(&n.source) {
                // A rewrite of a draft copies nothing listed; a reprint of
                // a draft's item repeats the item standing for it, unless
                // it is that item.
                let standing = self.0.values().find(|(draft, _)| {
                    n.how == "reprint"
                        && draft.article == n.source
                        && n.source_item == Some((draft.start, draft.end))
                });
                let Some(&(_, s)) = standing else { continue };
                if s.article == n.article && n.item == Some((s.start, s.end)) {
                    continue;
                }
                n.source = s.article;
                n.source_outlet = outlet_of.get(&s.article).cloned().flatten();
                n.source_item = Some((s.start, s.end));
            }
            r.copies.push(n);
        }
        let copied: HashSet<(i64, usize)> = r
            .copies
            .iter()
            .filter_map(|n| Some((n.article, n.item?.0)))
            .collect();
        let derived: HashSet<i64> = r
            .copies
            .iter()
            .filter(|n| n.how == "rewrite")
            .map(|n| n.article)
            .collect();
        let mut own: Vec<String> = r
            .items
            .iter()
            .filter(|i| !copied.contains(&(i.article, i.start)) && !derived.contains(&i.article))
            .map(|i| {
                i.outlet
                    .clone()
                    .unwrap_or_else(|| format!("article {}", i.article))
            })
            .collect();
        own.sort();
        own.dedup();
        r.independent = own.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::enum_name;

    #[test]
    fn every_listed_reason_name_parses() {
        for name in REASON_NAMES {
            let r = parse_reason(name).unwrap();
            assert_eq!(enum_name(&r), *name);
        }
        assert_eq!(parse_reason("Speaker-Title").unwrap(), Reason::SpeakerTitle);
        assert_eq!(parse_reason("title").unwrap(), Reason::SpeakerTitle);
        let e = parse_reason("colour").unwrap_err();
        assert!(e.contains("valid reasons: value, unit"), "{e}");
    }

    #[test]
    fn dates_are_days_inclusive() {
        assert!(within("2021-05-14", Some("2021-05-14"), Some("2021-05-14")));
        assert!(within("2021-05-14T23:10:00Z", None, Some("2021-05-14")));
        assert!(!within("2021-05-13", Some("2021-05-14"), None));
        assert!(!within("2021-05-15", None, Some("2021-05-14")));
        assert_eq!(parse_day("May 14, 2021").unwrap(), "2021-05-14");
        assert!(parse_day("yesterday").is_err());
    }
}
