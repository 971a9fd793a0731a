//! `claimtrack search TEXT`: full-text search over stored quotes.

use crate::cmd::{quotes, Ctx};
use crate::error::{Error, Result};
use crate::store::query::{fts_phrase, QuoteFilter};
use crate::store::Store;

/// Find quotes containing all the given words.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to look for (all must occur; FTS5 syntax is taken literally).
    #[arg(required = true)]
    pub text: Vec<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let query = fts_phrase(&args.text.join(" "))
        .ok_or_else(|| Error::Usage("search: give at least one word".into()))?;
    let store = Store::open_existing(&ctx.db)?;
    let rows = store.quotes(&QuoteFilter {
        fts: Some(&query),
        ..QuoteFilter::default()
    })?;
    quotes::print(&rows, args.json, ctx)
}
