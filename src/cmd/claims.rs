//! `claimtrack claims`: every claim covered by more than one article.

use crate::cmd::{counted, emit, emit_json, exit, Ctx};
use claimtrack::error::Result;
use claimtrack::ops::contested::{reports, Filter};
use claimtrack::report::{table, truncate};
use claimtrack::store::Store;

/// List all claims with their outlets.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Count drafts saved by `audit --save` as coverage too.
    #[arg(long)]
    pub drafts: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let claims = reports(
        &store,
        &Filter {
            drafts: args.drafts,
            ..Filter::default()
        },
    )?;
    if args.json {
        emit_json(ctx.out, &claims)?;
        return Ok(exit::OK);
    }
    let rows: Vec<Vec<String>> = claims
        .iter()
        .map(|c| {
            vec![
                c.id.to_string(),
                claimtrack::store::enum_name(&c.kind),
                match c.severity {
                    Some(r) if c.contested => {
                        format!("diverges: {}", claimtrack::store::enum_name(&r))
                    }
                    _ => "restates".into(),
                },
                c.outlet_names().join(", "),
                truncate(c.items.first().map_or("", |i| i.text.as_str()), 60),
            ]
        })
        .collect();
    emit(
        ctx.out,
        &table(&["claim", "kind", "status", "outlets", "text"], &rows, 62),
    )?;
    emit(ctx.out, &format!("{}\n", counted(claims.len(), "claim")))?;
    Ok(exit::OK)
}
