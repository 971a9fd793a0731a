//! `claimtrack figures`: stored figures, optionally of one kind.

use crate::cmd::{counted, emit, emit_json, exit, Ctx};
use claimtrack::error::Result;
use claimtrack::report::{or_dash, table};
use claimtrack::store::Store;

/// List stored figures (latest version of each article).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only figures of this kind.
    #[arg(long, value_parser = ["money", "count", "percent", "duration", "date", "year", "other"])]
    pub kind: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let rows = store.figures(args.kind.as_deref())?;
    if args.json {
        emit_json(ctx.out, &rows)?;
        return Ok(exit::OK);
    }
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|f| {
            let value = match (f.value, f.high) {
                (Some(v), Some(h)) => format!("{v}–{h}"),
                (Some(v), None) => v.to_string(),
                _ => or_dash(&f.date),
            };
            vec![
                f.article.to_string(),
                or_dash(&f.outlet),
                f.kind.clone(),
                value,
                or_dash(&f.unit),
                or_dash(&f.qualifier),
                or_dash(&f.counts),
                f.text.clone(),
            ]
        })
        .collect();
    emit(
        ctx.out,
        &table(
            &[
                "article",
                "outlet",
                "kind",
                "value",
                "unit",
                "qualifier",
                "counts",
                "text",
            ],
            &body,
            50,
        ),
    )?;
    emit(ctx.out, &format!("{}\n", counted(rows.len(), "figure")))?;
    Ok(exit::OK)
}
