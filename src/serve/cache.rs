//! Front pages kept while the store stays as it was. On a large store a
//! page of contested claims reads thousands of rows, and editors reload
//! it often; a page rendered at one state of the store is served again
//! until the store file or its write-ahead log changes (size or time),
//! which every commit does. At most [`MAX_PAGES`] pages are kept.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// Pages kept at most (then all are dropped and kept afresh).
pub const MAX_PAGES: usize = 64;

/// A state of the store, as its files tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    db: (u64, SystemTime),
    wal: Option<(u64, SystemTime)>,
}

impl Stamp {
    /// The store's state now; `None` when its file cannot be read (then
    /// nothing is kept).
    pub fn of(db: &Path) -> Option<Stamp> {
        let file = |p: &Path| {
            let m = std::fs::metadata(p).ok()?;
            Some((m.len(), m.modified().ok()?))
        };
        let mut wal = db.as_os_str().to_owned();
        wal.push("-wal");
        Some(Stamp {
            db: file(db)?,
            wal: file(Path::new(&wal)),
        })
    }
}

/// Rendered pages by their key (path and query), for one state.
pub struct Pages {
    db: PathBuf,
    kept: Mutex<(Option<Stamp>, HashMap<String, String>)>,
}

impl Pages {
    pub fn new(db: PathBuf) -> Pages {
        Pages {
            db,
            kept: Mutex::new((None, HashMap::new())),
        }
    }

    /// The store's state now, to render a page at.
    pub fn stamp(&self) -> Option<Stamp> {
        Stamp::of(&self.db)
    }

    /// The page kept for `key`, if the store is as it was when it was
    /// rendered.
    pub fn get(&self, key: &str) -> Option<String> {
        let now = self.stamp()?;
        let kept = self.kept.lock().ok()?;
        if kept.0 != Some(now) {
            return None;
        }
        kept.1.get(key).cloned()
    }

    /// Keeps a page rendered from a state read at `stamp` or later (taken
    /// before reading, so a change during rendering makes it stale, never
    /// older than it says).
    pub fn put(&self, key: String, stamp: Option<Stamp>, page: &str) {
        let Some(stamp) = stamp else { return };
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        if kept.0 != Some(stamp) || kept.1.len() >= MAX_PAGES {
            kept.0 = Some(stamp);
            kept.1.clear();
        }
        kept.1.insert(key, page.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_kept_until_the_store_changes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        std::fs::write(&db, b"one").unwrap();
        let pages = Pages::new(db.clone());
        assert_eq!(pages.get("/"), None);
        let stamp = pages.stamp();
        pages.put("/".into(), stamp, "page one");
        assert_eq!(pages.get("/").as_deref(), Some("page one"));
        assert_eq!(pages.get("/?page=2"), None);
        // A commit writes the log: the page goes.
        std::fs::write(dir.path().join("s.db-wal"), b"frame").unwrap();
        assert_eq!(pages.get("/"), None);
        // A page rendered at an older state is never served as newer.
        pages.put("/".into(), stamp, "stale");
        assert_eq!(pages.get("/"), None);
        pages.put("/".into(), pages.stamp(), "page two");
        assert_eq!(pages.get("/").as_deref(), Some("page two"));
        std::fs::remove_file(&db).unwrap();
        assert_eq!(pages.get("/"), None);
    }
}
