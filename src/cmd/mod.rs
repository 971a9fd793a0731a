//! One module per subcommand. Each has an `Args` (clap) and a
//! `run(args, ctx) -> Result<ExitCode>` that calls the library (mostly
//! `claimtrack::ops`) and prints: the binary owns clap, indicatif and the
//! terminal.

pub mod articles;
pub mod audit;
pub mod claims;
pub mod contested;
pub mod diff;
pub mod eval;
pub mod extract;
pub mod figures;
pub mod ingest;
pub mod lineage;
pub mod quotes;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod show;
pub mod speakers;

use std::io::Write;
use std::path::PathBuf;

use claimtrack::error::{Error, Result};
use claimtrack::ingest::format::Format;

/// `--format` of inputs: the library's [`Format`] as a flag value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Plain text, kept byte for byte.
    Text,
    /// Markdown: markup removed, text kept.
    Markdown,
    /// HTML: main text only, boilerplate dropped.
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
        }
    }
}

/// What every command gets: the store path and where to print.
pub struct Ctx<'a> {
    pub db: PathBuf,
    pub out: &'a mut dyn Write,
}

/// Exit codes: 0 all well, 1 some input failed or a check found problems,
/// 2 usage error or the command could not run at all.
pub mod exit {
    pub const OK: u8 = 0;
    pub const PROBLEMS: u8 = 1;
    pub const ERROR: u8 = 2;
}

/// Write to stdout, turning I/O errors (a closed pipe, say) into [`Error`].
/// Control characters and bidirectional overrides in stored text, names
/// and paths are replaced (line breaks and tabs kept), so nothing printed
/// can drive the terminal.
pub fn emit(out: &mut dyn Write, s: &str) -> Result<()> {
    out.write_all(claimtrack::report::terminal_safe(s).as_bytes())
        .map_err(|e| Error::io("<stdout>", e))
}

/// Print a value as pretty JSON, with a final newline.
pub fn emit_json<T: serde::Serialize>(out: &mut dyn Write, v: &T) -> Result<()> {
    let s = serde_json::to_string_pretty(v).map_err(|e| Error::Usage(e.to_string()))?;
    let mut s = claimtrack::report::json_safe(s);
    s.push('\n');
    emit(out, &s)
}

pub use claimtrack::report::{count, counted};
