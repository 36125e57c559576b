//! Live knowledge: the engine behind an `ArcSwap`, reloaded when the knowledge folder
//! changes (debounced file events) or on demand (`/reload`). A new version is loaded,
//! validated and indexed off the hot path and swapped in atomically: questions in
//! flight finish on the old engine, new ones get the new one. A broken edit is logged
//! with all its problems and the last good version keeps serving.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use arc_swap::ArcSwap;
use notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use tracing::{error, info, warn};

use crate::engine::Engine;
use crate::knowledge::KnowledgeError;

/// How long the folder must be quiet before a reload: editors write files in bursts.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

pub struct LiveEngine {
    current: ArcSwap<Engine>,
    /// The folder it reloads from; `None` for an engine that is never reloaded.
    dir: Option<PathBuf>,
    /// The folder's files as last loaded: file events that change none of them (a
    /// reload's own reads show up as events on Linux) reload nothing.
    loaded: Mutex<Fingerprint>,
}

/// Each file's name, size and modification time.
type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

fn fingerprint(dir: &Path) -> Fingerprint {
    let mut files: Fingerprint = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let meta = entry.metadata().ok()?;
            meta.is_file().then(|| (entry.path(), meta.len(), meta.modified().ok()))
        })
        .collect();
    files.sort();
    files
}

/// What a reload did, for logs and the `/reload` reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reloaded {
    pub entries: usize,
    pub gaps: usize,
    pub millis: u128,
}

impl LiveEngine {
    pub fn new(engine: Engine, dir: &Path) -> LiveEngine {
        let loaded = Mutex::new(fingerprint(dir));
        LiveEngine { current: ArcSwap::from_pointee(engine), dir: Some(dir.to_path_buf()), loaded }
    }

    /// A live engine that is never reloaded: it has no folder, so a reload keeps it
    /// as it is and there is nothing to watch.
    pub fn from_arc(engine: Arc<Engine>) -> LiveEngine {
        LiveEngine { current: ArcSwap::new(engine), dir: None, loaded: Mutex::default() }
    }

    /// The engine to answer with now; hold it for the whole question.
    pub fn get(&self) -> Arc<Engine> {
        self.current.load_full()
    }

    /// Loads, validates and indexes the folder again; swaps only if it is valid.
    pub fn reload(&self) -> Result<Reloaded, KnowledgeError> {
        let started = Instant::now();
        let Some(dir) = &self.dir else {
            let engine = self.get();
            return Ok(Reloaded {
                entries: engine.story.entries.len(),
                gaps: engine.story.gaps.len(),
                millis: 0,
            });
        };
        // Taken before reading, so an edit made during the load is seen next time.
        let files = fingerprint(dir);
        *self.loaded.lock().unwrap_or_else(|e| e.into_inner()) = files;
        let engine = Engine::load(dir)?;
        let reloaded = Reloaded {
            entries: engine.story.entries.len(),
            gaps: engine.story.gaps.len(),
            millis: started.elapsed().as_millis(),
        };
        self.current.store(Arc::new(engine));
        Ok(reloaded)
    }

    /// Reloads and logs the result; the last good version stays on failure.
    pub fn reload_and_log(&self, why: &str) -> Result<Reloaded, KnowledgeError> {
        let result = self.reload();
        match &result {
            Ok(r) => {
                info!(why, entries = r.entries, gaps = r.gaps, millis = r.millis as u64, "knowledge reloaded")
            }
            Err(e) => {
                let problems = e.problems();
                error!(
                    why,
                    problems = problems.len(),
                    "knowledge edit rejected; still serving the last good version"
                );
                for problem in problems {
                    warn!("{problem}");
                }
            }
        }
        result
    }

    /// Whether any file differs from the last load (or the last rejected edit).
    fn files_changed(&self) -> bool {
        self.dir
            .as_deref()
            .is_some_and(|dir| *self.loaded.lock().unwrap_or_else(|e| e.into_inner()) != fingerprint(dir))
    }

    /// Watches the folder and reloads on every (debounced) change until the returned
    /// watcher is dropped.
    pub fn watch(self: &Arc<Self>) -> notify::Result<Debouncer<notify::RecommendedWatcher>> {
        let dir =
            self.dir.clone().ok_or_else(|| notify::Error::generic("this engine has no folder to watch"))?;
        let live = Arc::clone(self);
        let mut debouncer = new_debouncer(DEBOUNCE, move |events: DebounceEventResult| match events {
            // Runs on the debouncer's own thread: reloading never blocks answering.
            Ok(events) if !events.is_empty() && live.files_changed() => {
                let _ = live.reload_and_log("file change");
            }
            Ok(_) => {}
            Err(e) => warn!(error = %e, "watching the knowledge folder failed"),
        })?;
        debouncer.watcher().watch(&dir, RecursiveMode::Recursive)?;
        Ok(debouncer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_fixture(to: &Path) {
        for file in std::fs::read_dir("tests/fixtures/mini").unwrap() {
            let file = file.unwrap();
            std::fs::copy(file.path(), to.join(file.file_name())).unwrap();
        }
    }

    #[test]
    fn a_broken_edit_keeps_the_last_good_version() {
        let dir = tempfile::tempdir().unwrap();
        copy_fixture(dir.path());
        let live = LiveEngine::new(Engine::load(dir.path()).unwrap(), dir.path());
        let before = live.get();
        std::fs::write(dir.path().join("entries.toml"), "[[entry]]\nid = 3\n").unwrap();
        assert!(live.reload().is_err());
        assert!(Arc::ptr_eq(&before, &live.get()), "the old engine must still serve");
    }

    /// Log lines written while `f` runs, as text.
    fn logged(f: impl FnOnce()) -> String {
        use std::sync::Mutex;
        #[derive(Clone, Default)]
        struct Buffer(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Buffer {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber =
            tracing_subscriber::fmt().with_writer(move || writer.clone()).with_ansi(false).finish();
        tracing::subscriber::with_default(subscriber, f);
        String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap()
    }

    #[test]
    fn a_broken_edit_is_logged_with_every_problem() {
        let dir = tempfile::tempdir().unwrap();
        copy_fixture(dir.path());
        let live = LiveEngine::new(Engine::load(dir.path()).unwrap(), dir.path());
        std::fs::write(dir.path().join("gaps.toml"), "[[gap]]\nid = \"x\"\n").unwrap();
        let log = logged(|| assert!(live.reload_and_log("test").is_err()));
        assert!(log.contains("knowledge edit rejected; still serving the last good version"), "{log}");
        assert!(log.contains("gaps.toml:1:1: gap #1 is missing the field `questions`"), "{log}");
        assert!(log.contains("gap #1 is missing the field `note`"), "{log}");
    }

    #[test]
    fn a_good_edit_is_swapped_in_and_old_holders_keep_theirs() {
        let dir = tempfile::tempdir().unwrap();
        copy_fixture(dir.path());
        let live = LiveEngine::new(Engine::load(dir.path()).unwrap(), dir.path());
        let in_flight = live.get();
        let entries = std::fs::read_to_string(dir.path().join("entries.toml")).unwrap();
        std::fs::write(
            dir.path().join("entries.toml"),
            entries.replace("It holds 4,000 books.", "Four thousand books."),
        )
        .unwrap();
        live.reload().unwrap();
        assert_eq!(live.get().story.entries[1].answer.en, "Four thousand books.");
        assert_eq!(in_flight.story.entries[1].answer.en, "It holds 4,000 books.");
    }

    #[test]
    fn reading_the_folder_does_not_set_off_another_reload() {
        let dir = tempfile::tempdir().unwrap();
        copy_fixture(dir.path());
        let live = Arc::new(LiveEngine::new(Engine::load(dir.path()).unwrap(), dir.path()));
        let _watcher = live.watch().unwrap();
        // A reload reads every file; inotify reports those opens as events too.
        live.reload().unwrap();
        let after_reload = live.get();
        std::thread::sleep(DEBOUNCE * 6);
        assert!(Arc::ptr_eq(&after_reload, &live.get()), "reloaded with no change to the folder");
    }
}
