//! Ingest: finding article files, reading and converting them, and storing
//! each as a new article or a new version of a known one.

pub mod format;
pub mod html;
pub mod meta;

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use unicode_segmentation::UnicodeSegmentation;

use crate::error::{Error, Result};
use crate::extract::{self, model::Extraction};
use crate::store::{NewVersion, Outcome, Store};
use format::{DecodeProblem, Format};
use meta::Meta;

/// Where one article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// How to name this input in messages.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        }
    }
}

/// What [`collect_inputs`] found: the inputs to read, the paths that could
/// not be used, and entries passed over with a reason worth telling.
#[derive(Debug, Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    pub errors: Vec<Error>,
    /// Folder entries with an article extension that are not regular files
    /// (named pipes, devices, sockets, links to them): never read.
    pub skipped: Vec<String>,
    /// Folders given that hold no article file at all (and no entry that
    /// could not be read): not articles that failed, but worth telling.
    pub empty_folders: Vec<PathBuf>,
}

/// Expand the paths a user gave into article inputs: files as given,
/// folders walked recursively in name order (hidden entries and sidecars
/// skipped, only regular files with known article extensions taken), `-`
/// as stdin. Paths and folder entries that cannot be used become errors;
/// the walk goes on past them.
pub fn collect_inputs(paths: &[PathBuf]) -> Collected {
    let mut found = Collected::default();
    for path in paths {
        if path.as_os_str() == "-" {
            found.inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => found.errors.push(Error::io(path, e)),
            Ok(m) if m.is_dir() => {
                let before = found.inputs.len();
                let errors = found.errors.len();
                walk(path, &mut found);
                if found.inputs.len() == before && found.errors.len() == errors {
                    found.empty_folders.push(path.clone());
                }
            }
            // Named on the command line, anything is read (a pipe from
            // `<(…)` included), through a reader bounded by --max-bytes.
            Ok(_) => found.inputs.push(Input::File(path.clone())),
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Collected) {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) => return found.errors.push(Error::io(dir, e)),
    };
    let mut entries = Vec::new();
    for entry in read {
        match entry {
            Ok(entry) => entries.push(entry),
            Err(e) => found.errors.push(Error::io(dir, e)),
        }
    }
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let ft = match entry.file_type() {
            Ok(ft) => ft,
            Err(e) => {
                found.errors.push(Error::io(&path, e));
                continue;
            }
        };
        if ft.is_dir() {
            walk(&path, found);
            continue;
        }
        let is_article = !meta::is_sidecar(&path)
            && path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(Format::from_extension)
                .is_some();
        if !is_article {
            continue;
        }
        // Only regular files (or links to them): a named pipe would block
        // the run, a device would be read without end.
        let regular =
            ft.is_file() || (ft.is_symlink() && path.metadata().is_ok_and(|m| m.is_file()));
        if regular {
            found.inputs.push(Input::File(path));
        } else {
            found
                .skipped
                .push(format!("{}: not a regular file; skipped", path.display()));
        }
    }
}

/// How to read articles.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force a format instead of going by extension.
    pub format: Option<Format>,
    /// Metadata given on the command line; wins over sidecar and inference.
    pub meta: Meta,
    /// Refuse files larger than this many bytes (0: the default limit).
    pub max_bytes: u64,
    /// Whether the command has `--max-bytes`, so that the message about a
    /// file over the limit can say how to raise it.
    pub max_bytes_flag: bool,
    /// Keep the decoded source of a converted input (`Loaded::source`), so
    /// that a report can point into it (the audit); ingest does not.
    pub keep_source: bool,
}

/// Default size limit: far above any real article, low enough to refuse a
/// stray video or database dump.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// An article read from its input and converted to plain text.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub input: Input,
    pub text: String,
    pub format: Format,
    pub meta: Meta,
    /// The part of `meta` the user gave (flags, then the sidecar), as
    /// opposed to what the markup or the text says: what re-ingesting
    /// unchanged text may correct in the store.
    pub given: Meta,
    /// Things worth telling the user that did not stop the article.
    pub warnings: Vec<String>,
    /// The decoded source, when conversion changed it (HTML, Markdown) and
    /// `Options::keep_source` asked for it: reports point into it by line.
    pub source: Option<String>,
}

/// Read one input: size check, decoding, format conversion, metadata
/// (flags over sidecar over what the markup and text say).
pub fn load(input: &Input, opts: &Options) -> Result<Loaded> {
    let name = PathBuf::from(input.display());
    let limit = if opts.max_bytes == 0 {
        DEFAULT_MAX_BYTES
    } else {
        opts.max_bytes
    };
    let too_big = |len: Option<u64>| {
        let size = match len {
            Some(len) => format!("file is {:.1} MB", len as f64 / 1e6),
            None => "file is larger than".to_string(),
        };
        let over = if len.is_some() { ", over the" } else { " the" };
        let hint = if opts.max_bytes_flag {
            " (raise it with --max-bytes)"
        } else {
            ""
        };
        Error::bad_input(
            &name,
            format!("{size}{over} {:.1} MB limit{hint}", limit as f64 / 1e6),
        )
    };
    // Read at most one byte past the limit, whatever the file claims to
    // be: a device or a pipe reports size 0 and may never end.
    let read_bounded = |reader: &mut dyn Read, known: Option<u64>| -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        reader
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io(&name, e))?;
        if buf.len() as u64 > limit {
            return Err(too_big(known.filter(|&k| k > limit)));
        }
        Ok(buf)
    };
    let bytes = match input {
        Input::File(path) => {
            let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            let m = file.metadata().map_err(|e| Error::io(path, e))?;
            if m.is_dir() {
                return Err(Error::bad_input(path, "is a folder, not an article file"));
            }
            let known = m.is_file().then_some(m.len());
            if let Some(len) = known.filter(|&len| len > limit) {
                return Err(too_big(Some(len)));
            }
            read_bounded(&mut file, known)?
        }
        Input::Stdin => read_bounded(&mut std::io::stdin().lock(), None)?,
    };
    convert(input, &name, &bytes, opts)
}

/// Read a draft held in memory (a form field, a request body) exactly as
/// [`load`] reads standard input: `name` names it in messages, `opts.format`
/// or sniffing decides the format, no sidecar. The caller bounds its size.
pub fn load_bytes(name: &str, bytes: &[u8], opts: &Options) -> Result<Loaded> {
    convert(&Input::Stdin, Path::new(name), bytes, opts)
}

/// [`prepare`] for a draft held in memory (see [`load_bytes`]): keyed by
/// its URL when the markup or text gives one, else by its text, as stdin is.
pub fn prepare_bytes(name: &str, bytes: &[u8], opts: &Options) -> Result<Prepared> {
    prepared(load_bytes(name, bytes, opts)?)
}

/// Decoding, format conversion and metadata of bytes read from `input`.
fn convert(input: &Input, name: &Path, bytes: &[u8], opts: &Options) -> Result<Loaded> {
    let (raw, bad_utf8) = format::decode(bytes).map_err(|p| match p {
        DecodeProblem::Binary => Error::bad_input(name, "binary file, not text"),
        DecodeProblem::Empty => Error::bad_input(name, "empty article (no text)"),
    })?;
    let mut warnings = Vec::new();
    if let Some(at) = bad_utf8 {
        warnings.push(format!(
            "{}: invalid {} at byte {at}; bad bytes replaced with U+FFFD",
            name.display(),
            format::encoding_of(bytes)
        ));
    }
    let format = opts.format.unwrap_or_else(|| match input {
        Input::File(p) => p
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
            .unwrap_or_else(|| Format::sniff(&raw)),
        Input::Stdin => Format::sniff(&raw),
    });
    let (text, markup_meta) = format::to_text(&raw, format);
    if text.trim().is_empty() {
        return Err(Error::bad_input(
            name,
            "no article text left after removing markup",
        ));
    }
    let sidecar = match input {
        Input::File(p) => meta::read_sidecar(p)?.unwrap_or_default(),
        Input::Stdin => Meta::default(),
    };
    let given = opts.meta.clone().or(sidecar);
    let meta = given.clone().or(markup_meta).or(meta::infer(&text));
    let source = (opts.keep_source && text != raw).then_some(raw);
    Ok(Loaded {
        input: input.clone(),
        text,
        format,
        meta,
        given,
        warnings,
        source,
    })
}

/// The key of an article known by its file path. A path that is not
/// valid UTF-8 keeps every byte (`\xNN`, a backslash doubled) under a
/// prefix of its own, so that two file names that differ only in invalid
/// bytes stay two articles, and no valid name can take the same key.
pub fn path_key(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if std::str::from_utf8(bytes).is_err() {
            let mut out = String::from("path-bytes:");
            for chunk in bytes.utf8_chunks() {
                out.push_str(&chunk.valid().replace('\\', "\\\\"));
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02X}"));
                }
            }
            return out;
        }
    }
    format!("path:{}", path.display())
}

/// SHA-256 of the text, in hex.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write;
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// Words in a text, by Unicode word boundaries (UAX #29, as
/// `unicode_words` counts them). Whitespace separates words, and a
/// token that is plain ASCII letters and digits once its ASCII punctuation
/// is trimmed is exactly one word, so only the other tokens go through the
/// (much slower) segmenter.
pub fn word_count(text: &str) -> usize {
    // U+202F (narrow no-break space) joins words in UAX #29 (ExtendNumLet).
    text.split(|c: char| c.is_whitespace() && c != '\u{202f}')
        .filter(|token| !token.is_empty())
        .map(|token| {
            let core = token.trim_matches(|c: char| c.is_ascii_punctuation());
            if core.is_empty() && token.is_ascii() {
                0
            } else if !core.is_empty() && core.bytes().all(|b| b.is_ascii_alphanumeric()) {
                1
            } else {
                token.unicode_words().count()
            }
        })
        .sum()
}

/// An article with everything computed that storing it needs: the CPU
/// work of ingest, done apart from the store so it can run in parallel.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub loaded: Loaded,
    /// What identifies the article across ingests: `url:…`, `path:…` or `stdin:…`.
    pub key: String,
    /// Canonical file path, for files.
    pub path: Option<String>,
    pub hash: String,
    pub words: usize,
    pub extraction: Extraction,
}

/// Read, convert and extract one input.
pub fn prepare(input: &Input, opts: &Options) -> Result<Prepared> {
    prepared(load(input, opts)?)
}

/// Key, hash, word count and extraction of a loaded article.
fn prepared(loaded: Loaded) -> Result<Prepared> {
    let hash = content_hash(&loaded.text);
    let canonical = match &loaded.input {
        Input::File(p) => Some(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
        Input::Stdin => None,
    };
    let path = canonical.as_ref().map(|p| p.display().to_string());
    let key = match (&loaded.meta.url, &canonical) {
        (Some(url), _) => format!("url:{url}"),
        (None, Some(p)) => path_key(p),
        (None, None) => format!("stdin:{hash}"),
    };
    Ok(Prepared {
        extraction: extract::extract(&loaded.text),
        words: word_count(&loaded.text),
        loaded,
        key,
        path,
        hash,
    })
}

/// Store one prepared article atomically.
pub fn store(store: &mut Store, p: &Prepared) -> Result<(Outcome, i64)> {
    let version = NewVersion {
        key: &p.key,
        path: p.path.as_deref(),
        meta: &p.loaded.meta,
        text: &p.loaded.text,
        hash: &p.hash,
        format: p.loaded.format.name(),
        words: p.words as i64,
    };
    store.save(&version, &p.extraction)
}

/// [`prepare`], with a panic (a bug) turned into an error for this input
/// alone, so that one bad file never costs the rest of the run.
fn prepare_isolated(input: &Input, opts: &Options) -> Result<Prepared> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| prepare(input, opts))).unwrap_or_else(
        |panic| {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Error::bad_input(
                input.display(),
                format!("internal error while reading it, please report it: {why}"),
            ))
        },
    )
}

/// Prepare `inputs` on all cores and hand each result, in input order, to
/// `sink` on the calling thread (which owns the store). Preparation runs
/// ahead of storing by a bounded number of chunks.
pub fn prepare_all<F>(inputs: &[Input], opts: &Options, mut sink: F) -> Result<()>
where
    F: FnMut(&Input, Result<Prepared>) -> Result<()>,
{
    use rayon::prelude::*;
    const CHUNK: usize = 64;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<Prepared>>>(2);
        scope.spawn(move || {
            for chunk in inputs.chunks(CHUNK) {
                let done: Vec<Result<Prepared>> = chunk
                    .par_iter()
                    .map(|i| prepare_isolated(i, opts))
                    .collect();
                if tx.send(done).is_err() {
                    return; // the sink stopped early
                }
            }
        });
        let mut chunks = inputs.chunks(CHUNK);
        for done in rx {
            let chunk = chunks.next().unwrap_or_default();
            for (input, result) in chunk.iter().zip(done) {
                sink(input, result)?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn segmenter(text: &str) -> usize {
        text.unicode_words().count()
    }

    #[test]
    fn word_count_agrees_with_the_segmenter_on_the_seeds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert_eq!(word_count(&text), segmenter(&text), "{}", path.display());
            }
        }
    }

    proptest! {
        #[test]
        fn word_count_agrees_with_the_segmenter(parts in proptest::collection::vec(prop_oneof![
            Just("said"), Just("U.S."), Just("e-mail"), Just("$45"), Just("3.5%"), Just("'tis"),
            Just("don't"), Just("—"), Just("--"), Just("“"), Just("”,"), Just("(AP)"), Just("..."),
            Just("日本語"), Just("naïve"), Just("x\u{301}"), Just("\u{5e9}\u{5dc}\u{5d5}\u{5dd}"),
            Just("2,038"), Just("#1"), Just("@user"), Just("a_b"), Just("O’Brien"), Just("\u{200d}"),
            Just(" "), Just("\n"), Just("\t"), Just("\u{a0}"), Just("\u{2009}"), Just("\u{202f}"), Just(","), Just("."),
        ], 0..40)) {
            let text = parts.concat();
            prop_assert_eq!(word_count(&text), segmenter(&text), "{:?}", text);
        }

        #[test]
        fn word_count_agrees_on_any_text(text in "\\PC{0,200}") {
            prop_assert_eq!(word_count(&text), segmenter(&text), "{:?}", text);
        }
    }
}
