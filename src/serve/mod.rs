//! `claimtrack serve`: a local web app over a store. Server-rendered
//! pages (no JavaScript needed) for the contested claims, one claim, one
//! article, version diffs, search and auditing a draft, and a JSON API
//! that returns what the CLI prints with `--json`.
//!
//! The store is read through a small pool of read-only connections, each
//! query on a blocking thread; only an audit asked to save the draft opens
//! it for writing. Every response carries a strict Content-Security-Policy;
//! requests must name the bound address in `Host` (no DNS rebinding), and
//! cross-site form posts are refused. See `docs/guide.md`, "Reviewing in
//! the browser".

mod api;
mod article;
mod audit;
mod cache;
mod error;
mod html;
mod pages;
mod params;
mod pool;
mod routes;
mod security;

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::store::Store;

pub use security::Allowed;

/// Default bound on request bodies (a pasted or uploaded draft).
pub const DEFAULT_MAX_BYTES: usize = 5 * 1024 * 1024;

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on, e.g. `127.0.0.1:7878` (port 0: any free one).
    pub addr: String,
    /// The store file.
    pub db: PathBuf,
    /// Requests with a larger body get 413.
    pub max_bytes: usize,
}

/// Shared by every request.
pub(crate) struct Shared {
    pub db: PathBuf,
    pub pool: pool::Pool,
    /// Front pages kept while the store is unchanged.
    pub pages: cache::Pages,
    pub max_bytes: usize,
    pub allowed: Allowed,
}

pub(crate) type State = Arc<Shared>;

/// A bound server, not yet serving: [`Server::url`] says where it will.
pub struct Server {
    listener: std::net::TcpListener,
    addr: SocketAddr,
    state: State,
}

/// Binds `config.addr` after checking the store opens, so that a missing
/// or unusable store is an error naming the file before anything listens.
pub fn bind(config: Config) -> Result<Server> {
    drop(Store::open_existing(&config.db)?);
    let wanted = config
        .addr
        .to_socket_addrs()
        .map_err(|e| Error::Usage(format!("--addr {:?}: {e}", config.addr)))?
        .next()
        .ok_or_else(|| Error::Usage(format!("--addr {:?}: no such address", config.addr)))?;
    let listener =
        std::net::TcpListener::bind(wanted).map_err(|e| Error::io(wanted.to_string(), e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io(wanted.to_string(), e))?;
    let state = Arc::new(Shared {
        pool: pool::Pool::new(config.db.clone()),
        pages: cache::Pages::new(config.db.clone()),
        db: config.db,
        max_bytes: config.max_bytes,
        allowed: Allowed::for_bound(addr),
    });
    Ok(Server {
        listener,
        addr,
        state,
    })
}

impl Server {
    /// The address bound (with the real port when 0 was asked).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Whether only this machine can reach it.
    pub fn is_loopback(&self) -> bool {
        self.addr.ip().is_loopback()
    }

    /// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
    pub fn run(self) -> Result<()> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::io("<tokio runtime>", e))?;
        let name = self.addr.to_string();
        runtime.block_on(async move {
            self.listener
                .set_nonblocking(true)
                .map_err(|e| Error::io(&name, e))?;
            let listener = tokio::net::TcpListener::from_std(self.listener)
                .map_err(|e| Error::io(&name, e))?;
            axum::serve(listener, routes::router(self.state))
                .with_graceful_shutdown(shutdown())
                .await
                .map_err(|e| Error::io(&name, e))
        })
    }
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
