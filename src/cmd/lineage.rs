//! `claimtrack lineage`: which article is a rewrite of which, each named by
//! id, outlet and title.

use crate::cmd::{counted, emit, emit_json, exit, Ctx};
use claimtrack::error::Result;
use claimtrack::report::{table, truncate};
use claimtrack::store::query::ArticleName;
use claimtrack::store::Store;

/// List rewrites: articles whose material largely comes from an earlier one.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let lineage = claimtrack::ops::lineage::named(&store)?;
    if args.json {
        emit_json(ctx.out, &lineage)?;
        return Ok(exit::OK);
    }
    let rows: Vec<Vec<String>> = lineage
        .iter()
        .map(|n| {
            let d = &n.derivation;
            vec![
                named(d.article, &n.article_name),
                named(d.source, &n.source_name),
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
            60,
        ),
    )?;
    emit(ctx.out, &format!("{}\n", counted(lineage.len(), "rewrite")))?;
    Ok(exit::OK)
}

/// "2 outlet unknown, ‘Putin's Top Spy Says…’".
fn named(id: i64, n: &ArticleName) -> String {
    let mut s = format!("{id} {}", n.outlet.as_deref().unwrap_or("outlet unknown"));
    if let Some(t) = &n.title {
        s.push_str(&format!(", \u{2018}{}\u{2019}", truncate(t, 32)));
    }
    s
}
