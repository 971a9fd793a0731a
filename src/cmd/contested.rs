//! `claimtrack contested`: claims on which outlets disagree, most serious
//! first, each outlet's version side by side.

use std::io::IsTerminal;

use crate::cmd::{emit, emit_json, exit, Ctx};
use crate::error::Result;
use crate::report::claims::{terminal, ClaimReport};
use crate::report::sanitize;
use crate::store::Store;

/// List contested claims.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only claims covered by an outlet whose name contains this.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only claims covered by at least this many outlets.
    #[arg(long, default_value_t = 2)]
    pub min_outlets: usize,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Stored claims as reports, filtered; in the store's ranking (contested
/// first, then by severity and coverage).
pub fn reports(
    store: &Store,
    contested_only: bool,
    outlet: Option<&str>,
    min_outlets: usize,
) -> Result<Vec<ClaimReport>> {
    let mut out = Vec::new();
    let lineage = store.lineage()?;
    for (id, claim, pairs) in store.claims()? {
        if contested_only && !claim.contested {
            continue;
        }
        let r = ClaimReport::build(store, id, &claim, pairs, &lineage)?;
        if r.outlets < min_outlets || outlet.is_some_and(|o| !r.has_outlet(o)) {
            continue;
        }
        out.push(r);
    }
    Ok(out)
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let claims = reports(&store, true, args.outlet.as_deref(), args.min_outlets)?;
    if args.json {
        emit_json(ctx.out, &claims)?;
        return Ok(exit::OK);
    }
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for (rank, c) in claims.iter().enumerate() {
        emit(ctx.out, &terminal(c, rank + 1, colour))?;
        emit(ctx.out, "\n")?;
    }
    let lineage = store.lineage()?;
    let named = |id: i64| -> Result<String> {
        let outlet = store.outlet_of(id)?;
        Ok(format!(
            "article {id} ({})",
            sanitize(outlet.as_deref().unwrap_or("outlet unknown"))
        ))
    };
    for d in &lineage {
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
    emit(ctx.out, &format!("{} contested claims\n", claims.len()))?;
    Ok(exit::OK)
}
