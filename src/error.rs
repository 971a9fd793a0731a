//! The library's error type: each variant names the input and the cause.

use std::path::PathBuf;

/// Errors the library returns. Messages are lower case and name the input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An input is not an article claimtrack can take (empty, binary, too big).
    #[error("{path}: {reason}")]
    BadInput { path: PathBuf, reason: String },
    /// A metadata sidecar is not valid JSON of the expected shape.
    #[error("{path}: bad sidecar: {reason}")]
    Sidecar { path: PathBuf, reason: String },
    /// The store could not be opened or written.
    #[error("{path}: {reason}")]
    Store { path: PathBuf, reason: String },
    /// A query against an open store failed.
    #[error("store: {}", crate::store::describe(.0))]
    Sql(#[from] rusqlite::Error),
    /// Something the user asked for does not exist or makes no sense.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// Build an [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Build an [`Error::BadInput`] for `path`.
    pub fn bad_input(path: impl Into<PathBuf>, reason: impl Into<String>) -> Error {
        Error::BadInput {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
