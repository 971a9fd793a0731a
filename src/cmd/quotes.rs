//! `claimtrack quotes`: stored quotes, filtered by speaker or outlet.

use crate::cmd::{counted, emit, emit_json, exit, Ctx};
use claimtrack::error::Result;
use claimtrack::report::{or_dash, table, truncate};
use claimtrack::store::query::{QuoteFilter, QuoteRow};
use claimtrack::store::Store;

/// List stored quotes (latest version of each article).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only quotes from a speaker whose name or alias contains this.
    #[arg(long)]
    pub speaker: Option<String>,
    /// Only quotes in articles from an outlet whose name contains this.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let rows = store.quotes(&QuoteFilter {
        speaker: args.speaker.as_deref(),
        outlet: args.outlet.as_deref(),
        fts: None,
    })?;
    print(&rows, args.json, ctx)
}

/// Print quote rows as a table or JSON.
pub fn print(rows: &[QuoteRow], json: bool, ctx: &mut Ctx) -> Result<u8> {
    if json {
        emit_json(ctx.out, &rows)?;
        return Ok(exit::OK);
    }
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|q| {
            vec![
                q.article.to_string(),
                or_dash(&q.outlet),
                or_dash(&q.speaker),
                q.kind.clone(),
                truncate(&q.text, 80),
            ]
        })
        .collect();
    emit(
        ctx.out,
        &table(
            &["article", "outlet", "speaker", "kind", "quote"],
            &body,
            82,
        ),
    )?;
    emit(ctx.out, &format!("{}\n", counted(rows.len(), "quote")))?;
    Ok(exit::OK)
}
