//! `claimtrack speakers`: who is quoted, under which names.

use crate::cmd::{counted, emit, emit_json, exit, Ctx};
use claimtrack::error::Result;
use claimtrack::report::table;
use claimtrack::store::Store;

/// List speakers with their aliases and quote counts.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let rows = store.speakers()?;
    if args.json {
        emit_json(ctx.out, &rows)?;
        return Ok(exit::OK);
    }
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                s.kind.clone(),
                s.quotes.to_string(),
                s.articles.to_string(),
                s.aliases.join("; "),
            ]
        })
        .collect();
    emit(
        ctx.out,
        &table(
            &["speaker", "kind", "quotes", "articles", "also written"],
            &body,
            60,
        ),
    )?;
    emit(ctx.out, &format!("{}\n", counted(rows.len(), "speaker")))?;
    Ok(exit::OK)
}
