//! `claimtrack articles`: what the store holds.

use crate::cmd::{emit, emit_json, exit, Ctx};
use crate::error::Result;
use crate::report::{or_dash, table};
use crate::store::Store;

/// List stored articles.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let rows = store.articles()?;
    if args.json {
        emit_json(ctx.out, &rows)?;
        return Ok(exit::OK);
    }
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                or_dash(&a.outlet),
                or_dash(&a.published),
                a.versions.to_string(),
                a.words.to_string(),
                a.title
                    .clone()
                    .or_else(|| a.url.clone())
                    .or_else(|| {
                        a.path.as_deref().map(|p| {
                            std::path::Path::new(p)
                                .file_name()
                                .map_or(p.to_string(), |n| n.to_string_lossy().into_owned())
                        })
                    })
                    .unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    emit(
        ctx.out,
        &table(
            &["id", "outlet", "date", "versions", "words", "title"],
            &body,
            70,
        ),
    )?;
    emit(ctx.out, &format!("{} articles\n", rows.len()))?;
    Ok(exit::OK)
}
