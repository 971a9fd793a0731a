//! `claimtrack ingest PATH…`: read articles into the store.

use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::cmd::{count, counted, emit, emit_json, exit, Ctx};
use crate::error::{Error, Result};
use crate::ingest::{self, format::Format, meta, Input, Options};
use crate::report::sanitize;
use crate::store::articles::FieldChange;
use crate::store::{self, Outcome, Store};

/// Read articles (files, folders, `-` for stdin) into the store.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, folders (walked recursively) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Read every input as this format instead of going by extension.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
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

/// What happened to one input.
#[derive(Debug, Serialize)]
struct Item {
    input: String,
    outcome: Option<Outcome>,
    article: Option<i64>,
    error: Option<String>,
    /// Metadata corrected on an article whose text came in unchanged.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    metadata: Vec<FieldChange>,
}

/// The run's summary, as printed with `--json`.
#[derive(Debug, Default, Serialize)]
struct Summary {
    new: usize,
    updated: usize,
    unchanged: usize,
    failed: usize,
    /// Unchanged articles whose metadata (flags, sidecar) was corrected.
    metadata_updated: usize,
    /// Folders given that hold no article file.
    empty_folders: Vec<String>,
    items: Vec<Item>,
    /// What matching the new articles against the store found.
    matching: Option<store::matching::Rematch>,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let published = match &args.published {
        Some(p) => Some(meta::normalise_date(p).ok_or_else(|| {
            Error::Usage(format!("--published {p:?} is not a date like 2021-05-14"))
        })?),
        None => None,
    };
    let opts = Options {
        format: args.format,
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
    let found = ingest::collect_inputs(&args.paths);
    let inputs = found.inputs;
    if (args.url.is_some() || args.title.is_some()) && inputs.len() > 1 {
        return Err(Error::Usage(
            "--url and --title name one article; give a single input".into(),
        ));
    }
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(Error::Usage("`-` (stdin) can be given only once".into()));
    }
    for s in &found.skipped {
        eprintln!("claimtrack: warning: {}", sanitize(s));
    }
    let mut summary = Summary::default();
    let found_errors = found.errors.len();
    for e in found.errors {
        eprintln!("claimtrack: {}", sanitize(&e.to_string()));
        summary.failed += 1;
        summary.items.push(Item {
            input: String::new(),
            outcome: None,
            article: None,
            error: Some(e.to_string()),
            metadata: Vec::new(),
        });
    }
    for dir in &found.empty_folders {
        eprintln!(
            "claimtrack: {}: no articles in this folder (looked for .txt, .md, .html)",
            sanitize(&dir.display().to_string())
        );
        summary.empty_folders.push(dir.display().to_string());
    }
    if inputs.is_empty() {
        finish(args, ctx, &summary)?;
        return Ok(exit::PROBLEMS);
    }
    let mut store = Store::open_writable(&ctx.db, || {
        eprintln!(
            "claimtrack: {}: another claimtrack is writing to this store; waiting for it to finish",
            sanitize(&ctx.db.display().to_string())
        )
    })?;
    let bar = progress(inputs.len());
    let mut batch = Batch::new();
    let quiet = args.quiet || args.json;
    let db = ctx.db.clone();
    let mut write_error: Option<Error> = None;
    let out = &mut *ctx.out;
    let prepared_all = ingest::prepare_all(&inputs, &opts, |input, prepared| {
        let name = input.display();
        bar.set_message(sanitize(&name));
        if batch.is_due() {
            batch
                .commit(&mut store, &mut summary, &bar, out, quiet)
                .map_err(|e| store::store_error(&db, e))?;
        }
        store
            .begin_batch()
            .map_err(|e| store::store_error(&db, e))?;
        let result = prepared.and_then(|p| {
            for w in &p.loaded.warnings {
                bar.suspend(|| eprintln!("claimtrack: warning: {}", sanitize(w)));
            }
            let (outcome, id) =
                ingest::store(&mut store, &p).map_err(|e| store::store_error(&db, e))?;
            // Unchanged text may come with corrected metadata.
            let metadata = if outcome == Outcome::Unchanged {
                store
                    .correct_metadata(id, &p.loaded.given)
                    .map_err(|e| store::store_error(&db, e))?
            } else {
                Vec::new()
            };
            Ok((outcome, id, metadata))
        });
        bar.inc(1);
        match result {
            Ok((outcome, id, metadata)) => {
                batch.items.push(Item {
                    input: name,
                    outcome: Some(outcome),
                    article: Some(id),
                    error: None,
                    metadata,
                });
                Ok(())
            }
            // A store that cannot be written fails every article alike:
            // stop rather than repeat the same error for each.
            Err(e @ Error::Store { .. }) => {
                summary.failed += 1;
                Err(e)
            }
            Err(e) => {
                bar.suspend(|| eprintln!("claimtrack: {}", sanitize(&e.to_string())));
                summary.failed += 1;
                summary.items.push(Item {
                    input: name,
                    outcome: None,
                    article: None,
                    error: Some(e.to_string()),
                    metadata: Vec::new(),
                });
                Ok(())
            }
        }
    });
    if let Err(e) = prepared_all {
        write_error = Some(e);
    }
    // The articles of the open batch are stored only if it commits (a
    // batch whose commit failed is gone).
    if !batch.failed {
        if let Err(e) = batch.commit(&mut store, &mut summary, &bar, ctx.out, quiet) {
            write_error.get_or_insert(store::store_error(&ctx.db, e));
        }
    }
    bar.finish_and_clear();
    if let Some(e) = write_error {
        // Every input not stored failed: the lost batch, the article that
        // met the error, and those never reached.
        let stored = summary.new + summary.updated + summary.unchanged;
        summary.failed = found_errors + inputs.len() - stored;
        let reason = sanitize(&e.to_string());
        eprintln!(
            "claimtrack: {reason}; {} stored, {} not",
            count(stored, "article was", "articles were"),
            count(inputs.len() - stored, "was", "were")
        );
        finish(args, ctx, &summary)?;
        return Ok(exit::ERROR);
    }
    // Match what is new against the rest of the store, and whatever an
    // earlier run stored but did not get to match (killed, say).
    let rematch = store
        .rematch()
        .map_err(|e| store::store_error(&ctx.db, e))?;
    summary.matching = Some(rematch);
    finish(args, ctx, &summary)?;
    Ok(if summary.failed > 0 || !summary.empty_folders.is_empty() {
        exit::PROBLEMS
    } else {
        exit::OK
    })
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

/// When to commit: after this many articles or this long, whichever comes
/// first, so other processes waiting on the store are not held up long.
/// Holds the articles of the open batch: they count as stored, and are
/// listed, only once it commits.
struct Batch {
    started: std::time::Instant,
    items: Vec<Item>,
    /// Its commit failed: its articles were not stored.
    failed: bool,
}

impl Batch {
    const MAX_ARTICLES: usize = 200;
    const MAX_TIME: std::time::Duration = std::time::Duration::from_millis(500);

    fn new() -> Batch {
        Batch {
            started: std::time::Instant::now(),
            items: Vec::new(),
            failed: false,
        }
    }

    fn is_due(&self) -> bool {
        self.items.len() >= Self::MAX_ARTICLES || self.started.elapsed() >= Self::MAX_TIME
    }

    /// Commit the open batch; then count and list its articles.
    fn commit(
        &mut self,
        store: &mut Store,
        summary: &mut Summary,
        bar: &ProgressBar,
        out: &mut dyn std::io::Write,
        quiet: bool,
    ) -> Result<()> {
        // Articles whose outlet or date was corrected are matched again,
        // with those depending on them: marked in this batch, so that a
        // run cut short leaves them to the next.
        let relink: Vec<i64> = self
            .items
            .iter()
            .filter(|i| i.metadata.iter().any(FieldChange::affects_matching))
            .filter_map(|i| i.article)
            .collect();
        let committed = if relink.is_empty() {
            store.commit_batch()
        } else {
            store
                .rematch_in_full(&relink)
                .and_then(|_| store.commit_batch())
        };
        if let Err(e) = committed {
            self.failed = true;
            return Err(e);
        }
        for item in std::mem::take(&mut self.items) {
            let (Some(outcome), Some(id)) = (item.outcome, item.article) else {
                continue;
            };
            let what = match outcome {
                Outcome::New => {
                    summary.new += 1;
                    "new"
                }
                Outcome::Updated => {
                    summary.updated += 1;
                    "new version"
                }
                Outcome::Unchanged => {
                    summary.unchanged += 1;
                    "unchanged"
                }
            };
            let fields: Vec<&str> = item.metadata.iter().map(|c| c.field).collect();
            let metadata = if fields.is_empty() {
                String::new()
            } else {
                summary.metadata_updated += 1;
                format!(", metadata updated: {}", fields.join(", "))
            };
            if !quiet {
                let line = format!(
                    "{}: {what}{metadata} (article {id})\n",
                    sanitize(&item.input)
                );
                bar.suspend(|| emit(out, &line))?;
            }
            summary.items.push(item);
        }
        *self = Batch::new();
        Ok(())
    }
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
