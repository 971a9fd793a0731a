//! Ingesting many inputs into the store: prepared on all cores, stored in
//! batches of one transaction each (so a waiting reader or writer is not
//! held up long, and a failed batch leaves nothing half-written), then
//! matched against the rest of the store. Progress and per-article results
//! go to a [`Progress`] the caller implements (a bar and lines on the
//! command line).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::ingest::{self, Input, Options};
use crate::store::articles::FieldChange;
use crate::store::{self, Outcome, Store};

/// What happened to one input.
#[derive(Debug, Serialize)]
pub struct Item {
    pub input: String,
    pub outcome: Option<Outcome>,
    pub article: Option<i64>,
    pub error: Option<String>,
    /// Metadata corrected on an article whose text came in unchanged.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metadata: Vec<FieldChange>,
}

/// A run's summary, as `ingest --json` prints it.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub failed: usize,
    /// Unchanged articles whose metadata (flags, sidecar) was corrected.
    pub metadata_updated: usize,
    /// Folders given that hold no article file.
    pub empty_folders: Vec<String>,
    pub items: Vec<Item>,
    /// What matching the new articles against the store found.
    pub matching: Option<store::matching::Rematch>,
}

impl Summary {
    /// Articles stored (new, updated or unchanged).
    pub fn stored(&self) -> usize {
        self.new + self.updated + self.unchanged
    }
}

/// A finished run.
#[derive(Debug)]
pub struct Ingested {
    pub summary: Summary,
    /// How many inputs were found.
    pub inputs: usize,
    /// The store could not be written: the run stopped here; what was
    /// committed before stays.
    pub error: Option<Error>,
}

/// What a run tells as it goes. Every method has a default that ignores it.
pub trait Progress {
    /// Another process is writing to the store: waiting for it.
    fn waiting(&mut self) {}
    /// Inputs found: the run starts on this many.
    fn start(&mut self, _inputs: usize) {}
    /// Reading one input.
    fn reading(&mut self, _input: &str) {}
    /// Done with one input (stored in the open batch, or failed).
    fn done(&mut self) {}
    /// Something worth knowing about an input that is still stored.
    fn warning(&mut self, _message: &str) {}
    /// An input failed; the run goes on.
    fn failed(&mut self, _error: &Error) {}
    /// A folder given holds no article file.
    fn empty_folder(&mut self, _dir: &Path) {}
    /// An article was committed to the store (`what`: "new", "new
    /// version" or "unchanged"). An error (stdout closed, say) stops the
    /// run.
    fn stored(&mut self, _item: &Item, _what: &str) -> Result<()> {
        Ok(())
    }
}

/// A [`Progress`] that tells nothing.
pub struct Quiet;
impl Progress for Quiet {}

/// Ingests `paths` (files, folders walked for article files, `-` for
/// stdin) into the store at `db`, creating it if need be, then matches
/// what is new. Usage errors (`url` or `title` for several inputs, stdin
/// twice) are errors before anything is read; an input that fails is
/// counted and the run goes on; a store that cannot be written stops it
/// ([`Ingested::error`]).
pub fn run(
    db: &Path,
    paths: &[PathBuf],
    opts: &Options,
    progress: &mut dyn Progress,
) -> Result<Ingested> {
    let found = ingest::collect_inputs(paths);
    let inputs = found.inputs;
    if (opts.meta.url.is_some() || opts.meta.title.is_some()) && inputs.len() > 1 {
        return Err(Error::Usage(
            "--url and --title name one article; give a single input".into(),
        ));
    }
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(Error::Usage("`-` (stdin) can be given only once".into()));
    }
    for s in &found.skipped {
        progress.warning(s);
    }
    let mut summary = Summary::default();
    let found_errors = found.errors.len();
    for e in found.errors {
        progress.failed(&e);
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
        progress.empty_folder(dir);
        summary.empty_folders.push(dir.display().to_string());
    }
    let done = |summary| Ingested {
        summary,
        inputs: inputs.len(),
        error: None,
    };
    if inputs.is_empty() {
        return Ok(done(summary));
    }
    let mut store = Store::open_writable(db, || progress.waiting())?;
    progress.start(inputs.len());
    let mut batch = Batch::new();
    let mut write_error: Option<Error> = None;
    let prepared_all = ingest::prepare_all(&inputs, opts, |input, prepared| {
        let name = input.display();
        progress.reading(&name);
        if batch.is_due() {
            batch
                .commit(&mut store, &mut summary, progress)
                .map_err(|e| store::store_error(db, e))?;
        }
        store.begin_batch().map_err(|e| store::store_error(db, e))?;
        let result = prepared.and_then(|p| {
            for w in &p.loaded.warnings {
                progress.warning(w);
            }
            let (outcome, id) =
                ingest::store(&mut store, &p).map_err(|e| store::store_error(db, e))?;
            // Unchanged text may come with corrected metadata.
            let metadata = if outcome == Outcome::Unchanged {
                store
                    .correct_metadata(id, &p.loaded.given)
                    .map_err(|e| store::store_error(db, e))?
            } else {
                Vec::new()
            };
            Ok((outcome, id, metadata))
        });
        progress.done();
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
                progress.failed(&e);
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
        if let Err(e) = batch.commit(&mut store, &mut summary, progress) {
            write_error.get_or_insert(store::store_error(db, e));
        }
    }
    if let Some(e) = write_error {
        // Every input not stored failed: the lost batch, the article that
        // met the error, and those never reached.
        summary.failed = found_errors + inputs.len() - summary.stored();
        return Ok(Ingested {
            error: Some(e),
            ..done(summary)
        });
    }
    // Match what is new against the rest of the store, and whatever an
    // earlier run stored but did not get to match (killed, say).
    summary.matching = Some(store.rematch().map_err(|e| store::store_error(db, e))?);
    Ok(done(summary))
}

/// When to commit: after this many articles or this long, whichever comes
/// first, so other processes waiting on the store are not held up long.
/// Holds the articles of the open batch: they count as stored, and are
/// listed, only once it commits.
struct Batch {
    started: Instant,
    items: Vec<Item>,
    /// Its commit failed: its articles were not stored.
    failed: bool,
}

impl Batch {
    const MAX_ARTICLES: usize = 200;
    const MAX_TIME: Duration = Duration::from_millis(500);

    fn new() -> Batch {
        Batch {
            started: Instant::now(),
            items: Vec::new(),
            failed: false,
        }
    }

    fn is_due(&self) -> bool {
        self.items.len() >= Self::MAX_ARTICLES || self.started.elapsed() >= Self::MAX_TIME
    }

    /// Commit the open batch; then count and report its articles.
    fn commit(
        &mut self,
        store: &mut Store,
        summary: &mut Summary,
        progress: &mut dyn Progress,
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
            let Some(outcome) = item.outcome else {
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
            if !item.metadata.is_empty() {
                summary.metadata_updated += 1;
            }
            progress.stored(&item, what)?;
            summary.items.push(item);
        }
        *self = Batch::new();
        Ok(())
    }
}
