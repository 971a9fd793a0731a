//! `claimtrack contested`: claims on which outlets disagree, most serious
//! first, each outlet's version side by side; filtered the ways an editor
//! asks (outlet, dates, reason, article), as text, JSON or CSV.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;

use crate::cmd::{count, emit, emit_json, exit, Ctx};
use crate::error::Result;
use crate::ingest::meta::normalise_date;
use crate::matching::{Claim, ItemKind, ItemRef, Label, Pair, Reason};
use crate::report::claims::{terminal, ClaimReport};
use crate::report::{csv, sanitize};
use crate::store::{enum_name, Store};

/// List contested claims.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only claims covered by an outlet whose name contains this.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only claims covered by at least this many outlets (2 or more).
    #[arg(long, default_value_t = 2, value_parser = at_least_two)]
    pub min_outlets: usize,
    /// Only claims with an article published on or after this date.
    #[arg(long, value_parser = date_arg)]
    pub since: Option<String>,
    /// Only claims with an article published on or before this date.
    #[arg(long, value_parser = date_arg)]
    pub until: Option<String>,
    /// Only claims diverging for one of these reasons (repeat the flag or
    /// separate with commas): value, unit, qualifier, attribution,
    /// speaker, wording, speaker-title.
    #[arg(long, value_parser = reason_arg, value_delimiter = ',')]
    pub reason: Vec<Reason>,
    /// Only claims with an item from this article (its id).
    #[arg(long)]
    pub article: Option<i64>,
    /// Show at most this many claims (the most serious).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Count pairs with drafts saved by `audit --save` too.
    #[arg(long)]
    pub drafts: bool,
    /// Output: text for people, json, or csv (one row per claim).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print JSON (same as `--format json`).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

/// How `contested` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
}

fn at_least_two(s: &str) -> std::result::Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 2 => Ok(n),
        Ok(_) => Err("must be 2 or more: a claim is contested between outlets".into()),
        Err(_) => Err(format!("{s:?} is not a number")),
    }
}

/// A date for `--since`/`--until`: as `ingest --published` takes it, kept
/// to the day (a time given is ignored).
fn date_arg(s: &str) -> std::result::Result<String, String> {
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
pub fn reason_arg(s: &str) -> std::result::Result<Reason, String> {
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
    pub outlet: Option<&'a str>,
    pub min_outlets: usize,
    /// ISO dates (days), inclusive: a claim qualifies when one of its
    /// articles was published within.
    pub since: Option<&'a str>,
    pub until: Option<&'a str>,
    /// Any of these reasons (none: any claim).
    pub reasons: &'a [Reason],
    pub article: Option<i64>,
    pub limit: Option<usize>,
    /// Count drafts (`audit --save`) as coverage.
    pub drafts: bool,
}

/// Stored claims as reports, filtered, most serious first (contested,
/// then by severity, then by coverage). Unless `drafts`, a draft's items
/// are left out of each claim and a claim is contested only through pairs
/// of published articles (a draft's item repeated word for word by a
/// published one stands for it); a claim left with one article goes.
pub fn reports(store: &Store, f: &Filter) -> Result<Vec<ClaimReport>> {
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
        let wanted = (!f.contested_only || claim.contested)
            && (f.reasons.is_empty() || claim.reasons.iter().any(|r| f.reasons.contains(r)))
            && f.article.is_none_or(|a| claim.articles.contains(&a))
            && ((f.since.is_none() && f.until.is_none())
                || claim
                    .articles
                    .iter()
                    .any(|a| dates.get(a).is_some_and(|d| within(d, f.since, f.until))));
        if wanted {
            claims.push((id, claim, pairs, stand));
        }
    }
    // Leaving drafts out can change a claim's rank: rank again, as the
    // store does (reasons are declared most serious first).
    if claims.iter().any(|c| c.3.is_some()) {
        claims.sort_by_key(|(id, c, _, _)| {
            (
                !c.contested,
                c.severity.is_none(),
                c.severity,
                std::cmp::Reverse(c.articles.len()),
                *id,
            )
        });
    }
    let lineage = store.lineage()?;
    let mut out = Vec::new();
    for (id, claim, pairs, stand) in claims {
        if f.limit.is_some_and(|n| out.len() >= n) {
            break;
        }
        let mut r = ClaimReport::build(store, id, &claim, pairs, &lineage)?;
        if let Some(stand) = stand {
            stand.fix(&mut r, &drafts);
        }
        if r.outlets < f.min_outlets || f.outlet.is_some_and(|o| !r.has_outlet(o)) {
            continue;
        }
        out.push(r);
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

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let claims = reports(
        &store,
        &Filter {
            contested_only: true,
            outlet: args.outlet.as_deref(),
            min_outlets: args.min_outlets,
            since: args.since.as_deref(),
            until: args.until.as_deref(),
            reasons: &args.reason,
            article: args.article,
            limit: args.limit,
            drafts: args.drafts,
        },
    )?;
    let format = if args.json { Format::Json } else { args.format };
    match format {
        Format::Json => emit_json(ctx.out, &claims)?,
        Format::Csv => emit(ctx.out, &to_csv(&claims))?,
        Format::Text => text(&store, &claims, ctx)?,
    }
    Ok(exit::OK)
}

fn text(store: &Store, claims: &[ClaimReport], ctx: &mut Ctx) -> Result<()> {
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for (rank, c) in claims.iter().enumerate() {
        emit(ctx.out, &terminal(c, rank + 1, colour))?;
        emit(ctx.out, "\n")?;
    }
    // Rewrites matter where they make a listed claim's coverage less
    // independent: only those between two articles of one listed claim.
    let together: HashSet<(i64, i64)> = claims
        .iter()
        .flat_map(|c| {
            let articles: HashSet<i64> = c.items.iter().map(|i| i.article).collect();
            let pairs: Vec<(i64, i64)> = articles
                .iter()
                .flat_map(|&a| articles.iter().map(move |&b| (a, b)))
                .collect();
            pairs
        })
        .collect();
    let named = |id: i64| -> Result<String> {
        let outlet = store.outlet_of(id)?;
        Ok(format!(
            "article {id} ({})",
            sanitize(outlet.as_deref().unwrap_or("outlet unknown"))
        ))
    };
    for d in store.lineage()? {
        if !together.contains(&(d.article, d.source)) {
            continue;
        }
        emit(
            ctx.out,
            &format!(
                "Rewrite: {} derives from {} ({:.0}% of its sentences, {:.0}% of its quotes): not independent confirmation\n",
                named(d.article)?,
                named(d.source)?,
                d.share * 100.0,
                d.quote_share * 100.0
            ),
        )?;
    }
    emit(
        ctx.out,
        &format!(
            "{}\n",
            count(claims.len(), "contested claim", "contested claims")
        ),
    )
}

/// One row per claim, for a spreadsheet: rank, id, kind, the most serious
/// reason and all reasons, outlets (how many, how many independent, their
/// names), the articles, the first and last publication dates, the first
/// item's words, and every distinct version (words and who is credited)
/// with where it first appeared, separated by ` | `.
pub fn to_csv(claims: &[ClaimReport]) -> String {
    let mut out = csv::record(
        &[
            "rank",
            "claim",
            "kind",
            "severity",
            "reasons",
            "outlets",
            "independent",
            "outlet_names",
            "articles",
            "first_published",
            "last_published",
            "text",
            "versions",
        ]
        .map(String::from),
    );
    for (rank, c) in claims.iter().enumerate() {
        let mut articles: Vec<i64> = c.items.iter().map(|i| i.article).collect();
        articles.sort_unstable();
        articles.dedup();
        let mut dates: Vec<&str> = c
            .items
            .iter()
            .filter_map(|i| i.published.as_deref())
            .collect();
        dates.sort_unstable();
        // Each distinct version (words and credit) once, with the first
        // article carrying it.
        let mut seen = HashSet::new();
        let versions: Vec<String> = c
            .items
            .iter()
            .filter(|i| seen.insert((&i.text, &i.speaker, &i.speaker_title, &i.quote_kind)))
            .map(|i| {
                let mut credit = String::new();
                if i.kind == ItemKind::Quote {
                    credit = i.speaker.clone().unwrap_or_else(|| "unattributed".into());
                    if let Some(t) = &i.speaker_title {
                        credit = format!("{credit}, {t}");
                    }
                    credit.push_str("; ");
                }
                format!(
                    "\u{201c}{}\u{201d} ({credit}{} [article {}])",
                    i.text,
                    i.outlet.as_deref().unwrap_or("outlet unknown"),
                    i.article
                )
            })
            .collect();
        let reasons: Vec<String> = c.reasons.iter().map(enum_name).collect();
        out.push_str(&csv::record(&[
            (rank + 1).to_string(),
            c.id.to_string(),
            csv::field(&enum_name(&c.kind)),
            csv::field(&c.severity.map(|r| enum_name(&r)).unwrap_or_default()),
            csv::field(&reasons.join(";")),
            c.outlets.to_string(),
            c.independent.to_string(),
            csv::field(&c.outlet_names().join("; ")),
            csv::field(
                &articles
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            csv::field(dates.first().copied().unwrap_or_default()),
            csv::field(dates.last().copied().unwrap_or_default()),
            csv::field(c.items.first().map_or("", |i| i.text.as_str())),
            csv::field(&versions.join(" | ")),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_reason_name_parses() {
        for name in REASON_NAMES {
            let r = reason_arg(name).unwrap();
            assert_eq!(enum_name(&r), *name);
        }
        assert_eq!(reason_arg("Speaker-Title").unwrap(), Reason::SpeakerTitle);
        assert_eq!(reason_arg("title").unwrap(), Reason::SpeakerTitle);
        let e = reason_arg("colour").unwrap_err();
        assert!(e.contains("valid reasons: value, unit"), "{e}");
    }

    #[test]
    fn dates_are_days_inclusive() {
        assert!(within("2021-05-14", Some("2021-05-14"), Some("2021-05-14")));
        assert!(within("2021-05-14T23:10:00Z", None, Some("2021-05-14")));
        assert!(!within("2021-05-13", Some("2021-05-14"), None));
        assert!(!within("2021-05-15", None, Some("2021-05-14")));
        assert_eq!(date_arg("May 14, 2021").unwrap(), "2021-05-14");
        assert!(date_arg("yesterday").is_err());
        assert!(at_least_two("0").is_err());
        assert!(at_least_two("1").is_err());
        assert_eq!(at_least_two("3"), Ok(3));
    }
}
