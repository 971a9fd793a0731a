//! `claimtrack serve`: the local web app over the store (see
//! `claimtrack::serve`). Parses its flags, says where it listens, and serves
//! until Ctrl-C or SIGTERM.

use crate::cmd::{emit, exit, Ctx};
use claimtrack::error::{Error, Result};
use claimtrack::serve::{self, Config};

/// Review the store in a browser: contested claims, claims, articles,
/// diffs, search and draft audits, and a JSON API.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on (port 0 picks a free one). Anything but a
    /// loopback address lets others on the network in, without a password.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub addr: String,
    /// Open the app in the browser (xdg-open) once listening.
    #[arg(long)]
    pub open: bool,
    /// Refuse request bodies (drafts to audit) larger than this many bytes.
    #[arg(long, default_value_t = serve::DEFAULT_MAX_BYTES as u64,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_bytes: u64,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let server = serve::bind(Config {
        addr: args.addr.clone(),
        db: ctx.db.clone(),
        max_bytes: usize::try_from(args.max_bytes).unwrap_or(usize::MAX),
    })?;
    if !server.is_loopback() {
        eprintln!(
            "claimtrack: warning: listening on {}, reachable from other machines: \
             the app has no authentication",
            server.local_addr()
        );
    }
    let url = server.url();
    emit(ctx.out, &format!("listening on {url}\n"))?;
    ctx.out.flush().map_err(|e| Error::io("<stdout>", e))?;
    if args.open {
        // A machine without a browser still serves.
        let _ = std::process::Command::new("xdg-open")
            .arg(&url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
    }
    server.run()?;
    Ok(exit::OK)
}
