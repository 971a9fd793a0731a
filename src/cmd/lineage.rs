//! `claimtrack lineage`: which article is a rewrite of which.

use crate::cmd::{emit, emit_json, exit, Ctx};
use crate::error::Result;
use crate::report::table;
use crate::store::Store;

/// List rewrites: articles whose material largely comes from an earlier one.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let lineage = store.lineage()?;
    if args.json {
        emit_json(ctx.out, &lineage)?;
        return Ok(exit::OK);
    }
    let rows: Vec<Vec<String>> = lineage
        .iter()
        .map(|d| {
            vec![
                d.article.to_string(),
                d.source.to_string(),
                format!(
                    "{:.0}% ({}/{})",
                    d.share * 100.0,
                    d.shared_sentences,
                    d.sentences
                ),
                format!(
                    "{:.0}% ({}/{})",
                    d.quote_share * 100.0,
                    d.shared_quotes,
                    d.quotes
                ),
            ]
        })
        .collect();
    emit(
        ctx.out,
        &table(
            &[
                "article",
                "derives from",
                "sentences shared",
                "quotes shared",
            ],
            &rows,
            40,
        ),
    )?;
    emit(ctx.out, &format!("{} rewrites\n", lineage.len()))?;
    Ok(exit::OK)
}
