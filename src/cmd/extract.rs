//! `claimtrack extract FILE|-`: quotes and figures of one article, without
//! touching any store.

use std::path::PathBuf;

use crate::cmd::{counted, emit, emit_json, exit, Ctx, FormatArg};
use claimtrack::error::Result;
use claimtrack::extract;
use claimtrack::ingest::{self, Input, Options};
use claimtrack::report::{or_dash, table, truncate};

/// Print the quotes and figures of one article.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article file, or `-` for stdin.
    pub path: PathBuf,
    /// Read it as this format instead of going by extension.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Refuse a file larger than this many bytes.
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_bytes: u64,
    /// Print JSON (the public contract shape).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let input = if args.path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.path.clone())
    };
    let opts = Options {
        format: args.format.map(Into::into),
        max_bytes: args.max_bytes,
        max_bytes_flag: true,
        ..Options::default()
    };
    let art = ingest::load(&input, &opts)?;
    for w in &art.warnings {
        eprintln!("claimtrack: warning: {}", claimtrack::report::sanitize(w));
    }
    let x = extract::extract(&art.text);
    if args.json {
        emit_json(ctx.out, &x)?;
        return Ok(exit::OK);
    }
    let quotes: Vec<Vec<String>> = x
        .quotes
        .iter()
        .map(|q| {
            vec![
                format!("{}..{}", q.start, q.end),
                claimtrack::store::enum_name(&q.kind),
                or_dash(&q.speaker),
                or_dash(&q.cue),
                truncate(&q.text, 70),
            ]
        })
        .collect();
    emit(ctx.out, &format!("{}\n", counted(x.quotes.len(), "quote")))?;
    emit(
        ctx.out,
        &table(&["bytes", "kind", "speaker", "cue", "text"], &quotes, 72),
    )?;
    let figures: Vec<Vec<String>> = x
        .figures
        .iter()
        .map(|f| {
            vec![
                format!("{}..{}", f.start, f.end),
                claimtrack::store::enum_name(&f.kind),
                f.value.map_or_else(|| or_dash(&f.date), |v| v.to_string()),
                or_dash(&f.unit),
                or_dash(&f.qualifier),
                f.text.clone(),
            ]
        })
        .collect();
    emit(
        ctx.out,
        &format!("\n{}\n", counted(x.figures.len(), "figure")),
    )?;
    emit(
        ctx.out,
        &table(
            &["bytes", "kind", "value", "unit", "qualifier", "text"],
            &figures,
            60,
        ),
    )?;
    Ok(exit::OK)
}
