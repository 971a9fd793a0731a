//! `claimtrack contested`: claims on which outlets disagree, most serious
//! first, each outlet's version side by side; filtered the ways an editor
//! asks (outlet, dates, reason, article), as text, JSON or CSV.

use std::collections::HashSet;
use std::io::IsTerminal;

use crate::cmd::{count, emit, emit_json, exit, Ctx};
use claimtrack::error::Result;
use claimtrack::matching::Reason;
use claimtrack::ops::contested::{parse_day, parse_reason, reports, Filter};
use claimtrack::report::claims::{terminal, ClaimReport};
use claimtrack::report::{csv, sanitize};
use claimtrack::store::Store;

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
    #[arg(long, value_parser = parse_day)]
    pub since: Option<String>,
    /// Only claims with an article published on or before this date.
    #[arg(long, value_parser = parse_day)]
    pub until: Option<String>,
    /// Only claims diverging for one of these reasons (repeat the flag or
    /// separate with commas): value, unit, qualifier, attribution,
    /// speaker, wording, speaker-title.
    #[arg(long, value_parser = parse_reason, value_delimiter = ',')]
    pub reason: Vec<Reason>,
    /// Only claims told by at least two independent outlets (not one
    /// outlet's reprint or rewrite of another's).
    #[arg(long)]
    pub independent: bool,
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
            min_independent: if args.independent { 2 } else { 0 },
            reasons: &args.reason,
            article: args.article,
            offset: 0,
            limit: args.limit,
            drafts: args.drafts,
        },
    )?;
    let format = if args.json { Format::Json } else { args.format };
    match format {
        Format::Json => emit_json(ctx.out, &claims)?,
        Format::Csv => emit(ctx.out, &csv::claims(&claims))?,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_two_outlets() {
        assert!(at_least_two("0").is_err());
        assert!(at_least_two("1").is_err());
        assert_eq!(at_least_two("3"), Ok(3));
    }
}
