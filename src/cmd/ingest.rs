//! `claimtrack ingest PATH…`: read articles into the store.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cmd::{count, counted, emit, emit_json, exit, Ctx, FormatArg};
use claimtrack::error::{Error, Result};
use claimtrack::ingest::{self, meta, Options};
use claimtrack::ops::{
    self,
    ingest::{Item, Progress, Summary},
};
use claimtrack::report::sanitize;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Read articles (files, folders, `-` for stdin) into the store.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, folders (walked recursively) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Read every input as this format instead of going by extension.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Outlet that published the article(s).
    #[arg(long)]
    pub outlet: Option<String>,
    /// URL of the article (one input only).
    #[arg(long)]
    pub url: Option<String>,
    /// Headline of the article (one input only).
    #[arg(long)]
    pub title: Option<String>,
    /// Publication date, e.g. 2021-05-14 or "May 14, 2021".
    #[arg(long)]
    pub published: Option<String>,
    /// Author of the article(s).
    #[arg(long)]
    pub author: Option<String>,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_bytes: u64,
    /// Do not list each article, only the summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let published = match &args.published {
        Some(p) => Some(meta::normalise_date(p).ok_or_else(|| {
            Error::Usage(format!("--published {p:?} is not a date like 2021-05-14"))
        })?),
        None => None,
    };
    let opts = Options {
        format: args.format.map(Into::into),
        meta: meta::Meta {
            outlet: args.outlet.clone(),
            url: args.url.clone(),
            title: args.title.clone(),
            published,
            author: args.author.clone(),
        },
        max_bytes: args.max_bytes,
        max_bytes_flag: true,
        keep_source: false,
    };
    let quiet = args.quiet || args.json;
    let mut shown = Shown {
        db: &ctx.db,
        out: &mut *ctx.out,
        bar: ProgressBar::hidden(),
        quiet,
    };
    let run = ops::ingest::run(&ctx.db, &args.paths, &opts, &mut shown)?;
    shown.bar.finish_and_clear();
    let summary = &run.summary;
    if let Some(e) = &run.error {
        let stored = summary.stored();
        eprintln!(
            "claimtrack: {}; {} stored, {} not",
            sanitize(&e.to_string()),
            count(stored, "article was", "articles were"),
            count(run.inputs - stored, "was", "were")
        );
        finish(args, ctx, summary)?;
        return Ok(exit::ERROR);
    }
    finish(args, ctx, summary)?;
    Ok(
        if run.inputs == 0 || summary.failed > 0 || !summary.empty_folders.is_empty() {
            exit::PROBLEMS
        } else {
            exit::OK
        },
    )
}

/// Progress on the terminal: a bar on stderr for more than a handful of
/// inputs (when stderr is a terminal), warnings and failures on stderr,
/// a line per stored article on stdout unless quiet.
struct Shown<'a> {
    db: &'a Path,
    out: &'a mut dyn Write,
    bar: ProgressBar,
    quiet: bool,
}

impl Progress for Shown<'_> {
    fn waiting(&mut self) {
        eprintln!(
            "claimtrack: {}: another claimtrack is writing to this store; waiting for it to finish",
            sanitize(&self.db.display().to_string())
        )
    }

    fn start(&mut self, inputs: usize) {
        self.bar = progress(inputs);
    }

    fn reading(&mut self, input: &str) {
        self.bar.set_message(sanitize(input));
    }

    fn done(&mut self) {
        self.bar.inc(1);
    }

    fn warning(&mut self, message: &str) {
        self.bar
            .suspend(|| eprintln!("claimtrack: warning: {}", sanitize(message)));
    }

    fn failed(&mut self, error: &Error) {
        self.bar
            .suspend(|| eprintln!("claimtrack: {}", sanitize(&error.to_string())));
    }

    fn empty_folder(&mut self, dir: &Path) {
        eprintln!(
            "claimtrack: {}: no articles in this folder (looked for .txt, .md, .html)",
            sanitize(&dir.display().to_string())
        );
    }

    fn stored(&mut self, item: &Item, what: &str) -> Result<()> {
        if self.quiet {
            return Ok(());
        }
        let fields: Vec<&str> = item.metadata.iter().map(|c| c.field).collect();
        let metadata = if fields.is_empty() {
            String::new()
        } else {
            format!(", metadata updated: {}", fields.join(", "))
        };
        let line = format!(
            "{}: {what}{metadata} (article {})\n",
            sanitize(&item.input),
            item.article.unwrap_or_default()
        );
        let out = &mut *self.out;
        self.bar.suspend(|| emit(out, &line))
    }
}

fn finish(args: &Args, ctx: &mut Ctx, s: &Summary) -> Result<()> {
    if args.json {
        return emit_json(ctx.out, s);
    }
    let total = s.new + s.updated + s.unchanged + s.failed;
    let empty = match s.empty_folders.len() {
        0 => String::new(),
        n => format!(
            " ({} no articles)",
            count(n, "folder holds", "folders hold")
        ),
    };
    if total == 0 && !s.empty_folders.is_empty() {
        emit(ctx.out, &format!("no articles to ingest{empty}\n"))?;
        return Ok(());
    }
    let metadata = match s.metadata_updated {
        0 => String::new(),
        n => format!(", {n} metadata updated"),
    };
    emit(
        ctx.out,
        &format!(
            "{}: {} new, {} updated, {} unchanged{metadata}, {} failed{empty}\n",
            counted(total, "article"),
            s.new,
            s.updated,
            s.unchanged,
            s.failed
        ),
    )?;
    if let Some(m) = &s.matching {
        emit(
            ctx.out,
            &format!(
                "matched {}, read {}{}: {}; the store holds {}, {} contested\n",
                counted(m.matched, "article"),
                counted(m.loaded, "stored article"),
                if m.full { " (all of them)" } else { "" },
                counted(m.pairs, "new pair"),
                counted(m.claims, "claim"),
                m.contested
            ),
        )?;
    }
    Ok(())
}

/// A progress bar on stderr for more than a handful of files, only when
/// stderr is a terminal.
fn progress(n: usize) -> ProgressBar {
    if n <= 5 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {per_sec} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}
