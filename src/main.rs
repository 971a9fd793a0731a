//! The `claimtrack` binary: parse arguments, hand off to the library, print
//! errors as one line, exit with a meaningful code.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

use claimtrack::Error;
use cmd::{exit, Ctx};

/// Track claims and who made them across news coverage.
#[derive(Debug, Parser)]
#[command(name = "claimtrack", version, about)]
struct Cli {
    /// The store file.
    #[arg(
        long,
        global = true,
        env = "CLAIMTRACK_DB",
        default_value = "claimtrack.db"
    )]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read articles (files, folders, `-` for stdin) into the store.
    Ingest(cmd::ingest::Args),
    /// Claims on which outlets disagree, most serious first.
    Contested(cmd::contested::Args),
    /// All claims covered by more than one article.
    Claims(cmd::claims::Args),
    /// One claim in full.
    Show(cmd::show::Args),
    /// Which article is a rewrite of which.
    Lineage(cmd::lineage::Args),
    /// List stored articles; correct (`set`) or remove (`rm`) one.
    Articles(cmd::articles::Args),
    /// Print the quotes and figures of one article (no store needed).
    Extract(cmd::extract::Args),
    /// List stored quotes.
    Quotes(cmd::quotes::Args),
    /// List stored figures.
    Figures(cmd::figures::Args),
    /// List speakers and the names they are written as.
    Speakers(cmd::speakers::Args),
    /// Full-text search over stored quotes and article text.
    Search(cmd::search::Args),
    /// Check a draft's quotes and figures against the stored coverage.
    Audit(cmd::audit::Args),
    /// Show what changed between two versions of an article.
    Diff(cmd::diff::Args),
    /// Score extraction against the hand-checked expectations in claims/.
    Eval(cmd::eval::Args),
    /// Review the store in the browser (a local web app and JSON API).
    #[cfg(feature = "serve")]
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            });
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut ctx = Ctx {
        db: cli.db,
        out: &mut out,
    };
    let result = match &cli.command {
        Command::Ingest(a) => cmd::ingest::run(a, &mut ctx),
        Command::Contested(a) => cmd::contested::run(a, &mut ctx),
        Command::Claims(a) => cmd::claims::run(a, &mut ctx),
        Command::Show(a) => cmd::show::run(a, &mut ctx),
        Command::Lineage(a) => cmd::lineage::run(a, &mut ctx),
        Command::Articles(a) => cmd::articles::run(a, &mut ctx),
        Command::Extract(a) => cmd::extract::run(a, &mut ctx),
        Command::Quotes(a) => cmd::quotes::run(a, &mut ctx),
        Command::Figures(a) => cmd::figures::run(a, &mut ctx),
        Command::Speakers(a) => cmd::speakers::run(a, &mut ctx),
        Command::Search(a) => cmd::search::run(a, &mut ctx),
        Command::Eval(a) => cmd::eval::run(a, &mut ctx),
        Command::Diff(a) => cmd::diff::run(a, &mut ctx),
        Command::Audit(a) => cmd::audit::run(a, &mut ctx),
        #[cfg(feature = "serve")]
        Command::Serve(a) => cmd::serve::run(a, &mut ctx),
    };
    let flushed = out.flush();
    match result {
        Ok(code) => {
            if let Err(e) = flushed {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("claimtrack: <stdout>: {e}");
                    return ExitCode::from(exit::ERROR);
                }
            }
            ExitCode::from(code)
        }
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::from(exit::OK)
        }
        Err(e) => {
            // Paths and inputs in messages may hold terminal escapes.
            eprintln!(
                "claimtrack: {}",
                claimtrack::report::sanitize(&e.to_string())
            );
            ExitCode::from(exit::ERROR)
        }
    }
}
