//! Ingest: finding article files, reading and converting them, and storing
//! each as a new article or a new version of a known one.

pub mod format;
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

/// Expand the paths a user gave into article inputs: files as given,
/// folders walked recursively in name order (hidden entries and sidecars
/// skipped, only known article extensions taken), `-` as stdin. Paths that
/// cannot be used become errors; the rest go on.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => errors.push(Error::io(path, e)),
            Ok(m) if m.is_dir() => {
                let before = inputs.len();
                if let Err(e) = walk(path, &mut inputs) {
                    errors.push(e);
                } else if inputs.len() == before {
                    errors.push(Error::bad_input(
                        path,
                        "no articles in this folder (looked for .txt, .md, .html)",
                    ));
                }
            }
            Ok(_) => inputs.push(Input::File(path.clone())),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, out: &mut Vec<Input>) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            walk(&path, out)?;
        } else if !meta::is_sidecar(&path)
            && path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(Format::from_extension)
                .is_some()
        {
            out.push(Input::File(path));
        }
    }
    Ok(())
}

/// How to read articles.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force a format instead of going by extension.
    pub format: Option<Format>,
    /// Metadata given on the command line; wins over sidecar and inference.
    pub meta: Meta,
    /// Refuse files larger than this many bytes.
    pub max_bytes: u64,
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
    /// Things worth telling the user that did not stop the article.
    pub warnings: Vec<String>,
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
    let bytes = match input {
        Input::File(path) => {
            let len = std::fs::metadata(path)
                .map_err(|e| Error::io(path, e))?
                .len();
            if len > limit {
                return Err(too_big(path, len, limit));
            }
            std::fs::read(path).map_err(|e| Error::io(path, e))?
        }
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(limit + 1)
                .read_to_end(&mut buf)
                .map_err(|e| Error::io(&name, e))?;
            if buf.len() as u64 > limit {
                return Err(too_big(&name, buf.len() as u64, limit));
            }
            buf
        }
    };
    let (raw, bad_utf8) = format::decode(&bytes).map_err(|p| match p {
        DecodeProblem::Binary => Error::bad_input(&name, "binary file, not text"),
        DecodeProblem::Empty => Error::bad_input(&name, "empty article (no text)"),
    })?;
    let mut warnings = Vec::new();
    if let Some(at) = bad_utf8 {
        warnings.push(format!(
            "{}: invalid UTF-8 at byte {at}; bad bytes replaced with U+FFFD",
            name.display()
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
            &name,
            "no article text left after removing markup",
        ));
    }
    let sidecar = match input {
        Input::File(p) => meta::read_sidecar(p)?.unwrap_or_default(),
        Input::Stdin => Meta::default(),
    };
    let meta = opts
        .meta
        .clone()
        .or(sidecar)
        .or(markup_meta)
        .or(meta::infer(&text));
    Ok(Loaded {
        input: input.clone(),
        text,
        format,
        meta,
        warnings,
    })
}

fn too_big(path: &Path, len: u64, limit: u64) -> Error {
    Error::bad_input(
        path,
        format!(
            "file is {:.1} MB, over the {:.1} MB limit (raise it with --max-bytes)",
            len as f64 / 1e6,
            limit as f64 / 1e6
        ),
    )
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
    let loaded = load(input, opts)?;
    let hash = content_hash(&loaded.text);
    let path = match &loaded.input {
        Input::File(p) => Some(
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string(),
        ),
        Input::Stdin => None,
    };
    let key = match (&loaded.meta.url, &path) {
        (Some(url), _) => format!("url:{url}"),
        (None, Some(p)) => format!("path:{p}"),
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
                let done: Vec<Result<Prepared>> =
                    chunk.par_iter().map(|i| prepare(i, opts)).collect();
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
