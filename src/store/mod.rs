//! The SQLite store: opening, schema migrations, and the writes and reads
//! the commands need. SQL schema lives in `migrations/*.sql`.

pub mod articles;
pub mod audit;
mod incremental;
pub mod matching;
pub mod query;
pub mod view;

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::extract::model::{Extraction, Unit};
use crate::ingest::meta::Meta;

/// SQL condition on a `versions v` row: it is its article's latest version
/// (listings, matching and reports look at current text only).
pub(crate) const LATEST: &str =
    "v.seq = (SELECT max(seq) FROM versions WHERE article_id = v.article_id)";

/// Forward-only migrations; migration `i` takes the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_stable_claims.sql"),
    include_str!("migrations/0003_drafts.sql"),
    include_str!("migrations/0004_lineage_source.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// An open claimtrack store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Versions saved in the open batch, not yet in the FTS5 indexes.
    pending_fts: Vec<i64>,
    /// Speaker ids and aliases known to be stored, so that saving quotes
    /// does not look them up (or rewrite them) every time. Cleared whenever
    /// a write is rolled back, since the rows it inserted went with it.
    speakers: SpeakerCache,
    /// Held by writers for as long as the store is open.
    _lock: Option<WriterLock>,
}

/// Speakers and aliases already in the store.
#[derive(Debug, Default)]
struct SpeakerCache {
    ids: std::collections::HashMap<(String, String), i64>,
    aliases: std::collections::HashSet<(i64, String)>,
}

/// What ingesting one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// A new article, stored as version 1.
    New,
    /// A known article with changed text: a new version.
    Updated,
    /// A known article with the same text as its latest version: nothing stored.
    Unchanged,
}

/// An article ready to store: its text and what is known about it.
#[derive(Debug, Clone)]
pub struct NewVersion<'a> {
    /// What identifies the article across ingests.
    pub key: &'a str,
    pub path: Option<&'a str>,
    pub meta: &'a Meta,
    pub text: &'a str,
    pub hash: &'a str,
    pub format: &'a str,
    pub words: i64,
}

/// One row of the article listing.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    pub id: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub path: Option<String>,
    pub versions: i64,
    pub words: i64,
}

impl Store {
    /// Open the store at `path` for writing, creating it if it does not
    /// exist, and bring its schema up to date; waits for any other writer
    /// (see [`Store::open_writable`]). A store from a newer claimtrack is
    /// refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_writable(path, || {})
    }

    /// Open the store for writing, as [`Store::open`]. Writers take turns:
    /// the store's lock file (`DB.lock`) is held until the store is dropped,
    /// and `on_wait` is called once if another process holds it now, before
    /// waiting for it. So two ingests at once give what one after the other
    /// would, and a store being created is waited for, not raced.
    pub fn open_writable(path: &Path, on_wait: impl FnOnce()) -> Result<Store> {
        let store_err = |reason: String| Error::Store {
            path: path.to_path_buf(),
            reason,
        };
        if path.is_dir() {
            return Err(store_err("is a folder, not a store file".into()));
        }
        // Honour a read-only store file even for users (root) whom the OS
        // would let write it anyway.
        if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
            return Store::open_read(path)
                .and_then(|_| Err(store_err("store is read-only".into())));
        }
        let lock = WriterLock::acquire(path, on_wait)?;
        let conn = Connection::open(path).map_err(|e| store_err(describe(&e)))?;
        let version = check_kind(path, &conn)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| store_err(describe(&e)))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
             PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
        )
        .map_err(|e| store_err(describe(&e)))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            pending_fts: Vec::new(),
            speakers: SpeakerCache::default(),
            _lock: Some(lock),
        };
        store
            .migrate(version)
            .map_err(|e| store_err(describe_err(&e)))?;
        Ok(store)
    }

    /// Open an existing store to read it: listings, searches, audits. A
    /// missing or empty file is an error, not a new store, and nothing is
    /// created beside a store that this user cannot write or whose folder
    /// is read-only (SQLite's `-wal`/`-shm` files): such a store is read as
    /// immutable. A store of an older schema is upgraded first when it can
    /// be written.
    pub fn open_existing(path: &Path) -> Result<Store> {
        let store_err = |reason: &str| Error::Store {
            path: path.to_path_buf(),
            reason: reason.into(),
        };
        let meta = match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(store_err(
                    "no store here (run `claimtrack ingest` first, or give --db)",
                ))
            }
            Err(e) => return Err(Error::io(path, e)),
            Ok(m) => m,
        };
        if meta.is_dir() {
            return Err(store_err("is a folder, not a store file"));
        }
        if meta.len() == 0 {
            return Err(store_err(
                "is an empty file, not a store (run `claimtrack ingest` to make one)",
            ));
        }
        let store = Store::open_read(path)?;
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < SCHEMA_VERSION {
            drop(store);
            if meta.permissions().readonly() || !can_write(path) {
                return Err(store_err(
                    "store is read-only and needs a schema upgrade; make it writable once",
                ));
            }
            drop(Store::open_writable(path, || {})?);
            return Store::open_read(path);
        }
        Ok(store)
    }

    /// Runs `f` in one read transaction: its reads see one state of the
    /// store and take SQLite's lock once, not once per statement (a page
    /// of claims reads thousands of rows one query at a time).
    pub fn reading<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f();
        }
        let tx = self.conn.unchecked_transaction()?;
        let out = f()?;
        tx.commit()?;
        Ok(out)
    }

    /// Open read-only without creating anything: through SQLite's `mode=ro`
    /// when this user may write the store (its `-wal`/`-shm` files are then
    /// this user's own), else — or when they cannot be made — as immutable,
    /// which reads the file as it is and takes no locks.
    fn open_read(path: &Path) -> Result<Store> {
        let store_err = |reason: String| Error::Store {
            path: path.to_path_buf(),
            reason,
        };
        let shm = sibling(path, "-shm");
        let own = can_write(path);
        let ro = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let try_open = |immutable: bool| -> Result<(Connection, i64)> {
            let uri = sqlite_uri(path, immutable);
            let conn =
                Connection::open_with_flags(&uri, ro).map_err(|e| store_err(describe(&e)))?;
            conn.busy_timeout(std::time::Duration::from_secs(10))
                .map_err(|e| store_err(describe(&e)))?;
            let version = check_kind(path, &conn)?;
            Ok((conn, version))
        };
        let (conn, version) = if own || shm.exists() {
            match try_open(false) {
                Err(Error::Store { reason, .. }) if reason == "cannot open the store file" => {
                    try_open(true)?
                }
                other => other?,
            }
        } else {
            try_open(true)?
        };
        if version == 0 {
            return Err(store_err(
                "is an empty store (run `claimtrack ingest` to fill it)".into(),
            ));
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            pending_fts: Vec::new(),
            speakers: SpeakerCache::default(),
            _lock: None,
        })
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Where the store lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for read queries in commands.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Start a batch: articles saved until [`Store::commit_batch`] land in
    /// one transaction, each inside its own savepoint. Committing many
    /// articles at once keeps SQLite (and its FTS5 index) from flushing per
    /// article; a crash loses the open batch whole, never half an article.
    pub fn begin_batch(&mut self) -> Result<()> {
        if self.conn.is_autocommit() {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
        }
        Ok(())
    }

    /// Commit the open batch, if any.
    pub fn commit_batch(&mut self) -> Result<()> {
        if !self.conn.is_autocommit() {
            let done = self
                .index_pending()
                .and_then(|_| Ok(self.conn.execute_batch("COMMIT")?));
            if done.is_err() {
                // SQLite may or may not have rolled back on its own (disk
                // full, I/O error): either way nothing of the batch stays.
                self.speakers = SpeakerCache::default();
                self.pending_fts.clear();
                if !self.conn.is_autocommit() {
                    let _ = self.conn.execute_batch("ROLLBACK");
                }
            }
            done?;
        }
        Ok(())
    }

    /// Add the versions saved since the last commit (and their quotes) to
    /// the full-text indexes. Done once per batch, outside the per-article
    /// savepoints: FTS5 flushes its in-memory index at every savepoint
    /// release, which would cost a segment write per article.
    fn index_pending(&mut self) -> Result<()> {
        if self.pending_fts.is_empty() {
            return Ok(());
        }
        let mut ids = std::mem::take(&mut self.pending_fts);
        ids.sort_unstable();
        let (lo, hi) = (ids[0], ids[ids.len() - 1]);
        // Version ids are assigned in increasing order, and only this
        // connection writes inside the open transaction: the range is the batch.
        self.conn.execute(
            "INSERT INTO versions_fts (rowid, text)
             SELECT id, text FROM versions WHERE id BETWEEN ?1 AND ?2",
            [lo, hi],
        )?;
        self.conn.execute(
            "INSERT INTO quotes_fts (rowid, text)
             SELECT id, text FROM quotes WHERE version_id BETWEEN ?1 AND ?2",
            [lo, hi],
        )?;
        Ok(())
    }

    /// Store one article version and its extraction atomically: either all
    /// of it lands or none of it. Inside a batch this is a savepoint;
    /// otherwise a transaction of its own.
    pub fn save(&mut self, v: &NewVersion, extraction: &Extraction) -> Result<(Outcome, i64)> {
        let own_transaction = self.conn.is_autocommit();
        if own_transaction {
            self.begin_batch()?;
        }
        let result = self.save_in_savepoint(v, extraction);
        if own_transaction {
            match &result {
                Ok(_) => self.commit_batch()?,
                Err(_) => {
                    self.pending_fts.clear();
                    self.speakers = SpeakerCache::default();
                    self.conn.execute_batch("ROLLBACK")?;
                }
            }
        } else if result.is_err() {
            self.speakers = SpeakerCache::default();
        }
        result
    }

    fn save_in_savepoint(
        &mut self,
        v: &NewVersion,
        extraction: &Extraction,
    ) -> Result<(Outcome, i64)> {
        let tx = self.conn.savepoint()?;
        let existing: Option<(i64, String, i64)> = tx
            .query_row(
                "SELECT a.id, v.hash, v.seq FROM articles a
                 JOIN versions v ON v.article_id = a.id
                 WHERE a.key = ?1 ORDER BY v.seq DESC LIMIT 1",
                [v.key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let outlet_id = match &v.meta.outlet {
            Some(name) => Some(outlet_id(&tx, name)?),
            None => None,
        };
        let (outcome, article_id, seq) = match existing {
            Some((id, hash, _)) if hash == v.hash => return Ok((Outcome::Unchanged, id)),
            Some((id, _, seq)) => {
                // Metadata given now fills or corrects what was stored.
                tx.execute(
                    "UPDATE articles SET
                        outlet_id = coalesce(?2, outlet_id), url = coalesce(?3, url),
                        path = coalesce(?4, path), title = coalesce(?5, title),
                        author = coalesce(?6, author), published = coalesce(?7, published)
                     WHERE id = ?1",
                    params![
                        id,
                        outlet_id,
                        v.meta.url,
                        v.path,
                        v.meta.title,
                        v.meta.author,
                        v.meta.published
                    ],
                )?;
                (Outcome::Updated, id, seq + 1)
            }
            None => {
                tx.execute(
                    "INSERT INTO articles (key, outlet_id, url, path, title, author, published)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        v.key,
                        outlet_id,
                        v.meta.url,
                        v.path,
                        v.meta.title,
                        v.meta.author,
                        v.meta.published
                    ],
                )?;
                (Outcome::New, tx.last_insert_rowid(), 1)
            }
        };
        tx.execute(
            "INSERT INTO versions (article_id, seq, text, hash, format, words)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![article_id, seq, v.text, v.hash, v.format, v.words],
        )?;
        let version_id = tx.last_insert_rowid();
        save_extraction(&tx, &mut self.speakers, version_id, extraction)?;
        tx.commit()?;
        self.pending_fts.push(version_id);
        Ok((outcome, article_id))
    }

    /// Every article with its latest version's word count.
    pub fn articles(&self) -> Result<Vec<ArticleRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, o.name, a.title, a.published, a.url, a.path,
                    (SELECT count(*) FROM versions v WHERE v.article_id = a.id),
                    (SELECT v.words FROM versions v WHERE v.article_id = a.id
                     ORDER BY v.seq DESC LIMIT 1)
             FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
             ORDER BY a.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(ArticleRow {
                    id: r.get(0)?,
                    outlet: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get(3)?,
                    url: r.get(4)?,
                    path: r.get(5)?,
                    versions: r.get(6)?,
                    words: r.get::<_, Option<i64>>(7)?.unwrap_or(0),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

fn outlet_id(tx: &Connection, name: &str) -> Result<i64> {
    tx.execute("INSERT OR IGNORE INTO outlets (name) VALUES (?1)", [name])?;
    Ok(
        tx.query_row("SELECT id FROM outlets WHERE name = ?1", [name], |r| {
            r.get(0)
        })?,
    )
}

/// Write the quotes, speakers (with aliases) and figures of one version.
fn save_extraction(
    tx: &Connection,
    cache: &mut SpeakerCache,
    version_id: i64,
    x: &Extraction,
) -> Result<()> {
    let mut speaker_insert = tx.prepare_cached(
        "INSERT INTO speakers (name, kind) VALUES (?1, ?2)
         ON CONFLICT (name, kind) DO NOTHING",
    )?;
    let mut speaker_id =
        tx.prepare_cached("SELECT id FROM speakers WHERE name = ?1 AND kind = ?2")?;
    let mut alias_insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?1, ?2)",
    )?;
    let mut quote_insert = tx.prepare_cached(
        "INSERT INTO quotes (version_id, start, end, text, kind, speaker_id,
                             speaker_as_written, speaker_title, cue, via)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for q in &x.quotes {
        let speaker_id: Option<i64> = match &q.speaker {
            Some(name) => {
                let kind = q.speaker_kind.map_or("person", kind_name);
                let key = (name.clone(), kind.to_string());
                let id = match cache.ids.get(&key) {
                    Some(&id) => id,
                    None => {
                        speaker_insert.execute(params![name, kind])?;
                        let id: i64 = speaker_id.query_row(params![name, kind], |r| r.get(0))?;
                        cache.ids.insert(key, id);
                        id
                    }
                };
                for alias in std::iter::once(name).chain(q.speaker_as_written.as_ref()) {
                    if cache.aliases.insert((id, alias.clone())) {
                        alias_insert.execute(params![id, alias])?;
                    }
                }
                Some(id)
            }
            None => None,
        };
        quote_insert.execute(params![
            version_id,
            q.start as i64,
            q.end as i64,
            q.text,
            enum_name(&q.kind),
            speaker_id,
            q.speaker_as_written,
            q.speaker_title,
            q.cue,
            q.via
        ])?;
    }
    let mut figure_insert = tx.prepare_cached(
        "INSERT INTO figures (version_id, start, end, text, kind, value, high, unit,
                              qualifier, counts, date, linked_to)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut ids: Vec<i64> = Vec::with_capacity(x.figures.len());
    for f in &x.figures {
        let linked = f.linked_to.and_then(|i| ids.get(i).copied());
        figure_insert.execute(params![
            version_id,
            f.start as i64,
            f.end as i64,
            f.text,
            enum_name(&f.kind),
            f.value,
            f.high,
            f.unit.as_ref().map(Unit::as_str),
            f.qualifier,
            f.counts,
            f.date,
            linked
        ])?;
        ids.push(tx.last_insert_rowid());
    }
    Ok(())
}

fn kind_name(k: crate::extract::model::SpeakerKind) -> &'static str {
    use crate::extract::model::SpeakerKind::*;
    match k {
        Person => "person",
        Organisation => "organisation",
        Publication => "publication",
        Document => "document",
        Anonymous => "anonymous",
    }
}

/// The serde name of a unit-like enum ("direct", "money").
pub fn enum_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Check that `conn` holds a claimtrack store (or nothing yet) of a
/// schema this build understands; returns its schema version.
fn check_kind(path: &Path, conn: &Connection) -> Result<i64> {
    let store_err = |reason: String| Error::Store {
        path: path.to_path_buf(),
        reason,
    };
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| store_err(describe(&e)))?;
    if version > SCHEMA_VERSION {
        return Err(store_err(format!(
            "store schema version {version} is newer than this claimtrack understands \
             ({SCHEMA_VERSION}); upgrade claimtrack"
        )));
    }
    let sql = if version > 0 {
        "SELECT count(*) = 0 FROM sqlite_master WHERE name = 'versions'"
    } else {
        "SELECT count(*) > 0 FROM sqlite_master"
    };
    let foreign: bool = conn
        .query_row(sql, [], |r| r.get(0))
        .map_err(|e| store_err(describe(&e)))?;
    if foreign {
        return Err(store_err(
            "is a SQLite database but not a claimtrack store".into(),
        ));
    }
    Ok(version)
}

/// `path` with `suffix` appended to its file name (`store.db-shm`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether this process may write the file (opening it for writing
/// creates and changes nothing). Done before SQLite opens it: closing a
/// descriptor drops the process's POSIX locks on the file.
fn can_write(path: &Path) -> bool {
    std::fs::OpenOptions::new().write(true).open(path).is_ok()
}

/// A `file:` URI for SQLite, with the path percent-encoded.
fn sqlite_uri(path: &Path, immutable: bool) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        abs.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = abs.display().to_string().into_bytes();
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str(if immutable {
        "?immutable=1"
    } else {
        "?mode=ro"
    });
    uri
}

/// The lock that makes writers take turns: an exclusive `flock` on the
/// file `DB.lock` beside the store, released when the holder exits, however
/// it exits. A file of its own, because closing any descriptor of the store
/// file itself would drop SQLite's locks on it.
struct WriterLock(#[allow(dead_code)] std::fs::File);

impl WriterLock {
    fn acquire(db: &Path, on_wait: impl FnOnce()) -> Result<WriterLock> {
        let path = sibling(db, ".lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::Store {
                path: db.to_path_buf(),
                reason: match e.kind() {
                    std::io::ErrorKind::PermissionDenied
                    | std::io::ErrorKind::ReadOnlyFilesystem => {
                        format!("store is read-only (cannot create {})", path.display())
                    }
                    _ => format!("cannot create {}: {e}", path.display()),
                },
            })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                on_wait();
                file.lock().map_err(|e| Error::io(&path, e))?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        Ok(WriterLock(file))
    }
}

/// A one-line description of an SQLite error for people: no library
/// jargon ("Invalid column type Null at index: 1") reaches them.
pub(crate) fn describe(e: &rusqlite::Error) -> String {
    use rusqlite::Error as E;
    match e {
        E::InvalidColumnType(..)
        | E::FromSqlConversionFailure(..)
        | E::IntegralValueOutOfRange(..)
        | E::Utf8Error(..) => {
            return "the store holds a value this claimtrack cannot read (was it changed by \
                    another program?)"
                .into()
        }
        E::QueryReturnedNoRows => return "the store lacks a row it should hold".into(),
        E::SqlInputError { .. } | E::InvalidParameterCount(..) => {
            return format!("internal query error, please report: {e}")
        }
        _ => {}
    }
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => "not a SQLite database".into(),
        Some(rusqlite::ErrorCode::ReadOnly) => "store is read-only".into(),
        Some(rusqlite::ErrorCode::CannotOpen) => "cannot open the store file".into(),
        Some(rusqlite::ErrorCode::DatabaseBusy) => {
            "store is busy (locked by another process)".into()
        }
        Some(rusqlite::ErrorCode::DiskFull) => "disk full".into(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => "store file is damaged".into(),
        Some(rusqlite::ErrorCode::SystemIoFailure) => {
            format!("cannot write the store file (I/O error: {e})")
        }
        _ => e.to_string(),
    }
}

fn describe_err(e: &Error) -> String {
    match e {
        Error::Sql(s) => describe(s),
        other => other.to_string(),
    }
}

/// Describe a store error for people, naming the store file.
pub fn store_error(path: &Path, e: Error) -> Error {
    match e {
        Error::Sql(s) => Error::Store {
            path: path.to_path_buf(),
            reason: describe(&s),
        },
        other => other,
    }
}
