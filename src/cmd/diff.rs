//! `claimtrack diff`: what changed between two versions of an article, in
//! the text and in the claims. Either a stored article (`diff ARTICLE
//! [--from V] [--to V]`) or two files (`diff OLD NEW`, no store needed).

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cmd::{emit, emit_json, exit, Ctx};
use claimtrack::diff;
use claimtrack::error::{Error, Result};
use claimtrack::ingest::{self, Input, Options};
use claimtrack::report;
use claimtrack::store::Store;

/// Show what changed between two versions of an article.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A stored article (id, URL or file path), or the old file of two.
    pub article: String,
    /// The new file, to diff two files without a store.
    pub new_file: Option<PathBuf>,
    /// The stored version to diff from (default: the one before --to).
    #[arg(long)]
    pub from: Option<i64>,
    /// The stored version to diff to (default: the latest).
    #[arg(long)]
    pub to: Option<i64>,
    /// Hide changes that touch only whitespace or punctuation.
    #[arg(long)]
    pub ignore_trivial: bool,
    /// Also write the diff as one self-contained HTML page to this file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Refuse files larger than this many bytes (diff of two files).
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_bytes: u64,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit 1 when the diff has changes of this kind
    /// (altered ⊂ claims ⊂ any; none: never).
    #[arg(long, value_enum, default_value_t = FailOn::None)]
    pub fail_on: FailOn,
}

/// The `--fail-on` levels, each failing on more than the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Never fail on changes (the default: `diff` is first a report).
    None,
    /// Fail when a quote or figure of the old version was changed or
    /// removed (reworded; speaker, title or attribution; value, unit or
    /// qualifier); new quotes and figures alone pass.
    Altered,
    /// Fail on any claim change, additions included.
    Claims,
    /// Fail on any change shown, in the claims or the text (trivial text
    /// changes count unless --ignore-trivial hides them).
    Any,
}

impl FailOn {
    /// Whether a diff has changes that fail at this level.
    pub fn fails(self, d: &diff::VersionDiff) -> bool {
        use diff::claims::ClaimChangeKind::{FigureAdded, QuoteAdded};
        match self {
            FailOn::None => false,
            FailOn::Altered => d
                .claims
                .iter()
                .any(|c| !matches!(c.kind, QuoteAdded | FigureAdded)),
            FailOn::Claims => !d.claims.is_empty(),
            FailOn::Any => !d.claims.is_empty() || !d.text.is_empty(),
        }
    }
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let (old, new, title) = match &args.new_file {
        Some(new_path) => {
            if args.from.is_some() || args.to.is_some() {
                return Err(Error::Usage(
                    "--from and --to pick stored versions; they do not apply to two files".into(),
                ));
            }
            let opts = Options {
                max_bytes: args.max_bytes,
                max_bytes_flag: true,
                ..Options::default()
            };
            let read = |p: PathBuf| ingest::load(&Input::File(p), &opts);
            let old = read(PathBuf::from(&args.article))?;
            let new = read(new_path.clone())?;
            let title = format!("{} → {}", args.article, new_path.display());
            (old.text, new.text, title)
        }
        None => stored(args, ctx)?,
    };
    let mut d = diff::diff(&old, &new);
    if args.ignore_trivial {
        d = d.without_trivial();
    }
    if let Some(path) = &args.html {
        std::fs::write(path, report::diff::html(&d, &title)).map_err(|e| Error::io(path, e))?;
    }
    if args.json {
        emit_json(ctx.out, &d)?;
    } else {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        emit(ctx.out, &format!("{title}\n\n"))?;
        emit(ctx.out, &report::diff::terminal(&d, colour))?;
    }
    Ok(if args.fail_on.fails(&d) {
        exit::PROBLEMS
    } else {
        exit::OK
    })
}

/// The two stored versions to compare, and a title naming them.
fn stored(args: &Args, ctx: &mut Ctx) -> Result<(String, String, String)> {
    let store = Store::open_existing(&ctx.db)?;
    let id = store.find_article(&args.article)?.ok_or_else(|| {
        Error::Usage(format!(
            "no stored article {:?} (and no second file given)",
            args.article
        ))
    })?;
    let versions = store.versions(id)?;
    let latest = versions.last().map_or(0, |v| v.seq);
    let to = args.to.unwrap_or(latest);
    let from = args.from.unwrap_or(to - 1);
    let pick = |seq: i64| {
        versions.iter().find(|v| v.seq == seq).ok_or_else(|| {
            Error::Usage(format!(
                "article {id} has no version {seq} (it has {latest} version{})",
                if latest == 1 { "" } else { "s" }
            ))
        })
    };
    let (a, b) = (pick(from)?, pick(to)?);
    Ok((
        a.text.clone(),
        b.text.clone(),
        format!(
            "article {id}: version {} ({}) → version {} ({})",
            a.seq, a.ingested_at, b.seq, b.ingested_at
        ),
    ))
}
