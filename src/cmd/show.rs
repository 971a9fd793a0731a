//! `claimtrack show CLAIM`: one claim in full.

use std::io::IsTerminal;

use crate::cmd::{emit, emit_json, exit, Ctx};
use claimtrack::error::{Error, Result};
use claimtrack::report::claims::{terminal_full, ClaimReport};
use claimtrack::store::matching::ClaimFate;
use claimtrack::store::Store;

/// Show one claim: every outlet's version, the pairs and their reasons.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The claim id (from `claims` or `contested`).
    pub claim: i64,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    match store.claim_fate(args.claim)? {
        None => {
            return Err(Error::Usage(format!(
                "no claim {} (see `claimtrack claims`)",
                args.claim
            )))
        }
        Some(ClaimFate::MergedInto(to)) => {
            return Err(Error::Usage(format!(
                "claim {} was merged into claim {to}: run `claimtrack show {to}`",
                args.claim
            )))
        }
        Some(ClaimFate::Gone) => {
            return Err(Error::Usage(format!(
                "claim {} is gone: the articles that carried it changed",
                args.claim
            )))
        }
        Some(ClaimFate::Live) => {}
    }
    let (id, claim, pairs) = store.claim(args.claim)?.ok_or_else(|| {
        Error::Usage(format!("no claim {} (see `claimtrack claims`)", args.claim))
    })?;
    let report = ClaimReport::build(&store, id, &claim, pairs)?;
    if args.json {
        emit_json(ctx.out, &report)?;
    } else {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        emit(ctx.out, &terminal_full(&report, colour))?;
    }
    Ok(exit::OK)
}
