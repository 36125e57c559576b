//! The SQLite file behind the record: creating it (its folder owner-only), the schema,
//! the one writer thread that batches records into transactions, and retention.
//!
//! The file is in WAL mode: a committed transaction is in the log before the commit
//! returns, so a killed process (SIGKILL, OOM) loses nothing committed and the next
//! open recovers the log by itself; readers (`report`, `/stats`) never block the writer.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::Context;
use rusqlite::{Connection, OpenFlags, params};
use tracing::{info, warn};

use super::{Event, Recorder};

/// Records waiting for the writer. Far more than a busy bot produces while one batch
/// is written; past it records are dropped (and counted), never waited for.
pub const QUEUE: usize = 4096;

/// At most this many records in one transaction.
const BATCH: usize = 512;

/// How often the writer deletes records older than the retention period.
const PRUNE_EVERY: Duration = Duration::from_secs(60 * 60);

/// How long a statement waits for another connection's lock (a `report` reading).
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The schema's version, in `PRAGMA user_version`, so a later change can migrate.
const VERSION: i64 = 1;

/// Questions and votes; no column could hold who asked or where.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS questions (
    at       INTEGER NOT NULL,  -- unix seconds
    chat     TEXT    NOT NULL,  -- private, group, supergroup, inline, button
    lang     TEXT    NOT NULL,
    outcome  TEXT    NOT NULL,  -- answered, clarified, declined, smalltalk
    entry    TEXT,              -- answered (or first offered) entry id
    gap      TEXT,              -- the gap whose note declined it
    score    REAL    NOT NULL,
    question TEXT               -- only for declined and clarified
);
CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
CREATE TABLE IF NOT EXISTS votes (
    at    INTEGER NOT NULL,
    entry TEXT    NOT NULL,
    vote  INTEGER NOT NULL      -- +1 or -1
);
CREATE INDEX IF NOT EXISTS votes_at ON votes (at);
";

/// The open database and its writer thread. Close it (or drop it) after the bot has
/// stopped, so what is queued is written.
pub struct Store {
    recorder: Recorder,
    writer: Option<JoinHandle<()>>,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates, with its folder) the database at `path`, deletes records
    /// older than `retention_days`, and starts the writer.
    pub fn open(path: &Path, retention_days: u32) -> anyhow::Result<Store> {
        let mut conn = connect(path)?;
        let pruned = prune(&mut conn, retention_days).context("deleting old records")?;
        if pruned > 0 {
            info!(pruned, retention_days, "deleted records past the retention period");
        }
        let (tx, rx) = sync_channel(QUEUE);
        let dropped = Arc::new(AtomicU64::new(0));
        let recorder = Recorder::new(tx, path, dropped.clone());
        let writer = std::thread::Builder::new()
            .name("storybot-records".into())
            .spawn(move || write_loop(conn, rx, retention_days, dropped))
            .context("starting the records writer")?;
        Ok(Store { recorder, writer: Some(writer), path: path.to_path_buf() })
    }

    /// A handle for the handlers.
    pub fn recorder(&self) -> Recorder {
        self.recorder.clone()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes what is queued and stops the writer.
    pub fn close(mut self) {
        self.shut();
    }

    fn shut(&mut self) {
        let Some(writer) = self.writer.take() else { return };
        if self.recorder.stop() {
            let _ = writer.join();
        }
        let dropped = self.recorder.dropped();
        if dropped > 0 {
            warn!(dropped, "records were dropped while the bot ran (the writer was behind or failing)");
        }
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.shut();
    }
}

/// Opens the database for writing: creates the folder (owner-only: it holds people's
/// words) and the file (owner-only), sets WAL and the schema.
fn connect(path: &Path) -> anyhow::Result<Connection> {
    let fail = || format!("cannot open the records database {}", path.display());
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        create_private_dir(dir).with_context(|| format!("creating {}", dir.display())).with_context(fail)?;
    }
    if !path.exists() {
        create_private_file(path).with_context(fail)?;
    }
    let conn = Connection::open(path).with_context(fail)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).with_context(fail)?;
    if !mode.eq_ignore_ascii_case("wal") {
        warn!(mode, "the records database is not in WAL mode; a crash may lose the last records");
    }
    // NORMAL is durable against a killed process in WAL mode (only a power cut may
    // lose the last transactions), and spares an fsync per batch.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    anyhow::ensure!(
        version <= VERSION,
        "{} was written by a newer storybot (schema {version}; this one knows {VERSION})",
        path.display()
    );
    conn.execute_batch(SCHEMA).with_context(fail)?;
    conn.pragma_update(None, "user_version", VERSION)?;
    Ok(conn)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// An empty file is a new database to SQLite; creating it first sets its mode, which
/// SQLite then gives its -wal and -shm files too.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        // Another process created it meanwhile: fine, it is a database or will be.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Opens an existing database to read (for `report` and `/stats`); an error, not a
/// new file, when there is none.
pub fn open_read(path: &Path) -> anyhow::Result<Connection> {
    anyhow::ensure!(
        path.is_file(),
        "no records database at {} (the bot creates it when it runs; set STORYBOT_DATA or --data to another)",
        path.display()
    );
    // Read-write without create, so SQLite can use the WAL index; read-only as a
    // fallback for a file this user may only read.
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .or_else(|_| Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY))
    .with_context(|| format!("cannot open the records database {}", path.display()))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

/// Deletes records older than `retention_days`; returns how many.
fn prune(conn: &mut Connection, retention_days: u32) -> rusqlite::Result<usize> {
    let cutoff = super::days_ago(retention_days);
    let tx = conn.transaction()?;
    let n = tx.execute("DELETE FROM questions WHERE at < ?1", [cutoff])?
        + tx.execute("DELETE FROM votes WHERE at < ?1", [cutoff])?;
    tx.commit()?;
    Ok(n)
}

/// The writer thread: waits for a record, takes whatever else is already queued (up to
/// a batch), writes them in one transaction; prunes once an hour.
fn write_loop(mut conn: Connection, rx: Receiver<Event>, retention_days: u32, dropped: Arc<AtomicU64>) {
    let mut pruned = Instant::now();
    let mut batch = Vec::with_capacity(BATCH);
    loop {
        let wait = PRUNE_EVERY.saturating_sub(pruned.elapsed());
        let mut stop = match rx.recv_timeout(wait) {
            Ok(Event::Stop) => true,
            Ok(event) => {
                batch.push(event);
                false
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => true,
        };
        while !stop && batch.len() < BATCH {
            match rx.try_recv() {
                Ok(Event::Stop) => stop = true,
                Ok(event) => batch.push(event),
                Err(_) => break,
            }
        }
        if !batch.is_empty() {
            if let Err(e) = write(&mut conn, &batch) {
                dropped.fetch_add(batch.len() as u64, Ordering::Relaxed);
                warn!(error = %e, records = batch.len(), "could not write records; they are lost");
            }
            batch.clear();
        }
        if pruned.elapsed() >= PRUNE_EVERY {
            if let Err(e) = prune(&mut conn, retention_days) {
                warn!(error = %e, "could not delete old records");
            }
            pruned = Instant::now();
        }
        if stop {
            return;
        }
    }
}

fn write(conn: &mut Connection, batch: &[Event]) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    {
        let mut question = tx.prepare_cached(
            "INSERT INTO questions (at, chat, lang, outcome, entry, gap, score, question)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut vote = tx.prepare_cached("INSERT INTO votes (at, entry, vote) VALUES (?1, ?2, ?3)")?;
        for event in batch {
            match event {
                Event::Question(q) => {
                    question.execute(params![
                        q.at,
                        q.chat.as_str(),
                        q.lang.code(),
                        q.outcome.as_str(),
                        q.entry,
                        q.gap,
                        f64::from(q.score),
                        q.text,
                    ])?;
                }
                Event::Vote(v) => {
                    vote.execute(params![v.at, v.entry, if v.up { 1 } else { -1 }])?;
                }
                Event::Stop => {}
            }
        }
    }
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::record::{Asked, ChatKind, Question, Vote, days_ago, now};

    fn question(outcome: Asked, text: Option<&str>) -> Question {
        Question {
            at: now(),
            chat: ChatKind::Private,
            lang: Lang::En,
            outcome,
            entry: Some("e".into()),
            gap: None,
            score: 0.5,
            text: text.map(str::to_string),
        }
    }

    fn count(path: &Path, table: &str) -> i64 {
        open_read(path)
            .unwrap()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn creates_its_folder_owner_only_and_writes_in_wal_mode() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a/b/records.sqlite3");
        let store = Store::open(&path, 90).unwrap();
        let recorder = store.recorder();
        recorder.question(question(Asked::Declined, Some("why?")));
        recorder.vote(Vote::new("e", false));
        store.close();
        assert_eq!((count(&path, "questions"), count(&path, "votes")), (1, 1));
        let conn = open_read(&path).unwrap();
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&tmp.path().join("a")), 0o700);
            assert_eq!(mode(&tmp.path().join("a/b")), 0o700);
            assert_eq!(mode(&path), 0o600);
        }
    }

    #[test]
    fn old_records_are_deleted_when_opened() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("r.sqlite3");
        let store = Store::open(&path, 90).unwrap();
        let mut old = question(Asked::Answered, None);
        old.at = days_ago(91);
        store.recorder().question(old);
        store.recorder().question(question(Asked::Answered, None));
        store.recorder().vote(Vote { at: days_ago(100), entry: "e".into(), up: true });
        store.close();
        assert_eq!(count(&path, "questions"), 2);
        Store::open(&path, 90).unwrap().close();
        assert_eq!((count(&path, "questions"), count(&path, "votes")), (1, 0));
    }

    #[test]
    fn records_after_close_are_counted_as_dropped() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(&tmp.path().join("r.sqlite3"), 90).unwrap();
        let recorder = store.recorder();
        store.close();
        recorder.question(question(Asked::Answered, None));
        assert_eq!(recorder.dropped(), 1);
    }

    #[test]
    fn a_store_dropped_without_closing_lost_nothing_committed() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("r.sqlite3");
        let store = Store::open(&path, 90).unwrap();
        for _ in 0..1000 {
            store.recorder().question(question(Asked::SmallTalk, None));
        }
        // Wait until everything is committed, then leave without a clean shutdown.
        let deadline = Instant::now() + Duration::from_secs(10);
        while count(&path, "questions") < 1000 {
            assert!(Instant::now() < deadline, "records not committed");
            std::thread::sleep(Duration::from_millis(10));
        }
        std::mem::forget(store);
        let again = Store::open(&path, 90).unwrap();
        again.recorder().question(question(Asked::Answered, None));
        again.close();
        assert_eq!(count(&path, "questions"), 1001);
    }

    #[test]
    fn reading_a_missing_database_is_an_error_not_a_new_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("none.sqlite3");
        let err = open_read(&path).unwrap_err().to_string();
        assert!(err.contains("no records database"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("r.sqlite3");
        Connection::open(&path).unwrap().pragma_update(None, "user_version", VERSION + 1).unwrap();
        let err = format!("{:#}", Store::open(&path, 90).err().unwrap());
        assert!(err.contains("newer storybot"), "{err}");
    }
}
