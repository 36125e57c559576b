//! The start-up cache: the engine a one-shot command (`ask`, `chat`, `explain`, `eval`)
//! loads, kept on disk in a compact binary form, so the next such command reads it
//! back in a few milliseconds instead of reading, checking and indexing the knowledge
//! again (most of a start-up).
//!
//! `report`, which names entries, reads the story from it the same way.
//!
//! An entry answers only for the very files and the very build it came from: its key
//! hashes every file a load reads ([`knowledge::inputs`]), the binary's own code
//! (build.rs) and the entry format. Anything else is a miss, logged at debug level,
//! and the knowledge is loaded as if there were no cache: a key that differs, an entry
//! cut short or damaged, a folder that cannot be read or written. `check`, the bot and
//! its reloads load and check in full and never read it; `check` stores the engine it
//! built when the knowledge is valid, so the command after it starts warm.
//!
//! Where: `$STORYBOT_CACHE_DIR`, else `$XDG_CACHE_HOME/storybot`, else
//! `~/.cache/storybot`; `STORYBOT_CACHE_DIR=off` turns it off. One file per knowledge
//! folder, replaced whole: written beside it, then renamed over it.

mod entry;
pub(crate) mod fields;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tracing::{debug, warn};

use crate::engine::Engine;
use crate::knowledge::{self, Checks, KnowledgeError};
pub use entry::Invalid;
use entry::Key;

/// The variable that says where the cache lives, or that it is off.
pub const ENV: &str = "STORYBOT_CACHE_DIR";
/// The value of [`ENV`] that turns the cache off.
pub const OFF: &str = "off";
/// The cache's folder under `$XDG_CACHE_HOME` or `~/.cache`.
const APP: &str = "storybot";
/// An entry's file name: a hash of the knowledge folder's path, this many hex digits
/// (collisions between one user's folders are out of reach), and this extension.
const NAME_DIGITS: usize = 32;
const EXTENSION: &str = "engine";

/// Why the cache was not used; the command goes on without it.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("the cache is off ({ENV}={OFF})")]
    Off,
    #[error("cannot {action} {}: {source}; set {ENV} to a writable folder, or to `{OFF}`", path.display())]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
    #[error(
        "the cache folder {} is inside the knowledge folder {}; set {ENV} to a folder outside it",
        cache.display(),
        knowledge.display()
    )]
    InsideKnowledge { cache: PathBuf, knowledge: PathBuf },
    #[error("no entry at {} yet", .0.display())]
    NoEntry(PathBuf),
    #[error("{}: {why}", path.display())]
    Invalid { path: PathBuf, why: Invalid },
    #[error("the knowledge changed while it was loaded")]
    Changed,
    #[error("cannot encode the engine: {0}")]
    Encode(#[from] postcard::Error),
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> CacheError {
    let path = path.to_path_buf();
    move |source| CacheError::Io { action, path, source }
}

/// The files a load reads and their key, taken before the load: an engine is stored
/// under it only if the files still have that key after the load.
pub struct Snapshot {
    inputs: Vec<PathBuf>,
    key: Key,
}

impl Snapshot {
    pub fn of(knowledge: &Path) -> Snapshot {
        let inputs = knowledge::inputs(knowledge);
        let key = Key::of(knowledge, &inputs);
        Snapshot { inputs, key }
    }
}

/// Where engines are cached, or that they are not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: Option<PathBuf>,
}

impl Cache {
    /// The cache the environment asks for ([`ENV`], `XDG_CACHE_HOME`, `HOME`).
    pub fn from_env() -> Cache {
        Cache { dir: location(|name| std::env::var_os(name)) }
    }

    /// A cache in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: Some(dir.into()) }
    }

    /// No cache: every load reads the knowledge.
    pub fn off() -> Cache {
        Cache { dir: None }
    }

    /// The cache's folder; `None` when it is off.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The engine for the knowledge at `knowledge` as a one-shot command loads it
    /// ([`Checks::Structure`]): from the cache when it holds one built from these very
    /// files by this very build, else loaded and stored for the next command. The cache
    /// never makes a load fail: whatever goes wrong with it, the knowledge is read.
    pub fn engine(&self, knowledge: &Path) -> Result<Engine, KnowledgeError> {
        let file = match self.file_for(knowledge) {
            Ok(file) => file,
            Err(error @ CacheError::InsideKnowledge { .. }) => {
                warn!(%error, "start-up cache not used");
                return Engine::load_with(knowledge, Checks::Structure);
            }
            Err(error) => {
                debug!(%error, "start-up cache not used");
                return Engine::load_with(knowledge, Checks::Structure);
            }
        };
        match fetch_file(&file, knowledge) {
            Ok(engine) => {
                debug!(cache = %file.display(), "engine read from the start-up cache");
                return Ok(engine);
            }
            Err(error) => debug!(%error, "start-up cache miss: loading the knowledge"),
        }
        let before = Snapshot::of(knowledge);
        let engine = Engine::load_with(knowledge, Checks::Structure)?;
        self.keep(knowledge, &before, &engine);
        Ok(engine)
    }

    /// Stores `engine`, loaded from `knowledge` after `before` was taken, unless a
    /// file changed in between; what happens is logged at debug level, and nothing
    /// that goes wrong is an error: the engine just is not cached.
    pub fn keep(&self, knowledge: &Path, before: &Snapshot, engine: &Engine) {
        match self.store_as(knowledge, before, engine) {
            Ok(file) => debug!(cache = %file.display(), "engine stored in the start-up cache"),
            Err(error) => debug!(%error, "engine not stored in the start-up cache"),
        }
    }

    /// [`Cache::keep`], with what went wrong.
    fn store_as(&self, knowledge: &Path, before: &Snapshot, engine: &Engine) -> Result<PathBuf, CacheError> {
        let file = self.file_for(knowledge)?;
        // A file edited while the load read it: the engine may not be the key's.
        if Key::of(knowledge, &before.inputs) != before.key {
            return Err(CacheError::Changed);
        }
        write(&file, &before.inputs, before.key, engine)?;
        Ok(file)
    }

    /// The cached engine for `knowledge`, if the cache holds a valid one.
    pub fn fetch(&self, knowledge: &Path) -> Result<Engine, CacheError> {
        let file = self.file_for(knowledge)?;
        let engine = fetch_file(&file, knowledge)?;
        debug!(cache = %file.display(), "engine read from the start-up cache");
        Ok(engine)
    }

    /// Stores `engine`, loaded from `knowledge` as its files are now; returns the
    /// entry's path. (A load that may race with an edit takes a [`Snapshot`] first and
    /// stores with [`Cache::keep`].)
    pub fn store(&self, knowledge: &Path, engine: &Engine) -> Result<PathBuf, CacheError> {
        let file = self.file_for(knowledge)?;
        let inputs = knowledge::inputs(knowledge);
        write(&file, &inputs, Key::of(knowledge, &inputs), engine)?;
        Ok(file)
    }

    /// The entry's path for the knowledge folder `knowledge`: one per folder, so a new
    /// entry replaces the folder's old one.
    pub fn file_for(&self, knowledge: &Path) -> Result<PathBuf, CacheError> {
        let dir = self.dir.as_deref().ok_or(CacheError::Off)?;
        let knowledge = knowledge.canonicalize().map_err(io("find the knowledge folder", knowledge))?;
        let absolute = dir.canonicalize().or_else(|_| std::path::absolute(dir)).map_err(io("find", dir))?;
        // Never inside the knowledge: the bot's live reload watches that folder.
        if absolute.starts_with(&knowledge) {
            return Err(CacheError::InsideKnowledge { cache: dir.to_path_buf(), knowledge });
        }
        let name = blake3::hash(knowledge.as_os_str().as_encoded_bytes()).to_hex();
        Ok(dir.join(format!("{}.{EXTENSION}", &name[..NAME_DIGITS])))
    }
}

/// Where the cache lives, read through `var`: [`ENV`] (or off), else
/// `$XDG_CACHE_HOME/storybot` (an absolute path, as the XDG spec asks), else
/// `$HOME/.cache/storybot`; `None`: off. An empty variable counts as unset.
fn location(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|value| !value.is_empty());
    if let Some(dir) = set(ENV) {
        return (!dir.eq_ignore_ascii_case(OFF)).then(|| PathBuf::from(dir));
    }
    if let Some(xdg) = set("XDG_CACHE_HOME").map(PathBuf::from).filter(|p| p.is_absolute()) {
        return Some(xdg.join(APP));
    }
    set("HOME").map(|home| PathBuf::from(home).join(".cache").join(APP))
}

fn fetch_file(file: &Path, knowledge: &Path) -> Result<Engine, CacheError> {
    let bytes = std::fs::read(file).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => CacheError::NoEntry(file.to_path_buf()),
        _ => io("read", file)(source),
    })?;
    entry::decode(&bytes, knowledge).map_err(|why| CacheError::Invalid { path: file.to_path_buf(), why })
}

/// Writes the entry beside `file` and renames it over `file`: a reader sees the old
/// entry or the new one, never half of one.
fn write(file: &Path, inputs: &[PathBuf], key: Key, engine: &Engine) -> Result<(), CacheError> {
    /// Tells apart the temporary files of one process's threads.
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let bytes = entry::encode(inputs, key, engine)?;
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(io("create the cache folder", dir))?;
    }
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let temp = file.with_extension(format!("{EXTENSION}.{}-{n}.tmp", std::process::id()));
    let written = std::fs::write(&temp, &bytes)
        .map_err(io("write", &temp))
        .and_then(|()| std::fs::rename(&temp, file).map_err(io("replace", file)));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn located(vars: &[(&str, &str)]) -> Option<PathBuf> {
        location(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| OsString::from(v)))
    }

    #[test]
    fn the_cache_lives_where_the_environment_says() {
        let home = ("HOME", "/home/me");
        assert_eq!(located(&[(ENV, "/tmp/c"), home]), Some(PathBuf::from("/tmp/c")));
        assert_eq!(located(&[(ENV, "off"), home]), None);
        assert_eq!(located(&[(ENV, "OFF"), ("XDG_CACHE_HOME", "/x")]), None);
        assert_eq!(located(&[("XDG_CACHE_HOME", "/x"), home]), Some(PathBuf::from("/x/storybot")));
        assert_eq!(
            located(&[("XDG_CACHE_HOME", "rel"), home]),
            Some(PathBuf::from("/home/me/.cache/storybot"))
        );
        assert_eq!(located(&[(ENV, ""), home]), Some(PathBuf::from("/home/me/.cache/storybot")));
        assert_eq!(located(&[]), None, "no home, no cache");
    }

    #[test]
    fn one_entry_per_knowledge_folder_and_never_inside_it() {
        let cache = Cache::at("/tmp/storybot-cache-test");
        let mini = cache.file_for(Path::new("tests/fixtures/mini")).unwrap();
        assert_eq!(mini, cache.file_for(Path::new("tests/fixtures/../fixtures/mini")).unwrap());
        assert_ne!(mini, cache.file_for(Path::new("knowledge")).unwrap());
        let inside = Cache::at("tests/fixtures/mini/cache");
        let error = inside.file_for(Path::new("tests/fixtures/mini")).unwrap_err();
        assert!(matches!(error, CacheError::InsideKnowledge { .. }), "{error}");
        assert!(matches!(Cache::off().file_for(Path::new("knowledge")), Err(CacheError::Off)));
    }
}
