//! Read-only store connections for request handlers. A connection is not
//! `Sync`, so each query runs on a blocking thread with a connection of
//! its own, taken from the idle ones or opened read-only, and given back.

use std::path::PathBuf;
use std::sync::Mutex;

use super::error::HttpError;
use crate::store::Store;

/// Idle connections kept for reuse at most.
const MAX_IDLE: usize = 8;

/// Read-only connections to one store.
pub struct Pool {
    db: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Pool {
    pub fn new(db: PathBuf) -> Pool {
        Pool {
            db,
            idle: Mutex::new(Vec::new()),
        }
    }

    fn take(&self) -> crate::Result<Store> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        match idle {
            Some(store) => Ok(store),
            None => Store::open_existing(&self.db),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut v) = self.idle.lock() {
            if v.len() < MAX_IDLE {
                v.push(store);
            }
        }
    }
}

/// Runs `f` with a read-only connection on a blocking thread. A panic in
/// `f` is a 500, never a dead server.
pub async fn read<T, F>(state: &super::State, f: F) -> Result<T, HttpError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, HttpError> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let store = state.pool.take()?;
        let out = f(&store);
        state.pool.give_back(store);
        out
    })
    .await
    .unwrap_or_else(|e| Err(HttpError::internal(format!("request failed: {e}"))))
}

/// Runs `f` on a blocking thread (work that opens the store itself).
pub async fn blocking<T, F>(f: F) -> Result<T, HttpError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, HttpError> + Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(HttpError::internal(format!("request failed: {e}"))))
}
