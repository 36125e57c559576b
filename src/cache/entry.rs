//! One cache entry on disk: what it was built from, and the engine.
//!
//! Layout: [`MAGIC`], the format (`u32`, little-endian), then postcard: the
//! [`Header`], then the engine. The engine is decoded only when the header names this
//! build, its key is the key of the files as they are now, and the engine's bytes hash
//! to what the header says (a damaged entry is never half read).

use std::path::{Path, PathBuf};

use crate::engine::Engine;

/// The entry format; raise it whenever the layout below changes. (A change to the
/// engine's own types changes the code hash, so it needs no new format.)
pub const FORMAT: u32 = 1;
/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"SBENGINE";
/// A hash of the code that builds and reads the engine (build.rs).
pub const CODE: &str = env!("STORYBOT_CODE_HASH");

/// What an entry was built from.
#[derive(serde::Serialize, serde::Deserialize)]
struct Header {
    code: String,
    /// The files the load read, relative to the knowledge folder ([`crate::knowledge::inputs`]).
    inputs: Vec<PathBuf>,
    key: [u8; 32],
    /// The hash of the engine's bytes.
    engine: [u8; 32],
}

/// What an entry answers for: the entry format, this build's code and the content of
/// every file a load reads (or that it is missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key([u8; 32]);

impl Key {
    /// The key of the files `inputs` (relative to `dir`) as they are now.
    pub fn of(dir: &Path, inputs: &[PathBuf]) -> Key {
        let mut hasher = blake3::Hasher::new();
        field(&mut hasher, &FORMAT.to_le_bytes());
        field(&mut hasher, CODE.as_bytes());
        for name in inputs {
            field(&mut hasher, name.as_os_str().as_encoded_bytes());
            match std::fs::read(dir.join(name)) {
                Ok(bytes) => {
                    hasher.update(&[1]);
                    field(&mut hasher, &bytes);
                }
                // Missing (an optional file) or unreadable: a load would see it so.
                Err(_) => {
                    hasher.update(&[0]);
                }
            }
        }
        Key(*hasher.finalize().as_bytes())
    }
}

/// One length-prefixed field: two fields can never run into each other.
fn field(hasher: &mut blake3::Hasher, bytes: &[u8]) {
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// Why an entry does not answer.
#[derive(Debug, thiserror::Error)]
pub enum Invalid {
    #[error("not a storybot cache entry")]
    NotAnEntry,
    #[error("written in entry format {0}, this build reads format {FORMAT}")]
    OtherFormat(u32),
    #[error("written by another build of storybot")]
    OtherBuild,
    #[error("built from other knowledge (a file was edited, added or removed since)")]
    Stale,
    #[error("damaged: {0}")]
    Damaged(String),
}

/// An entry for `engine`, loaded from `inputs` whose key is `key`.
pub fn encode(inputs: &[PathBuf], key: Key, engine: &Engine) -> Result<Vec<u8>, postcard::Error> {
    // A warm start reads the tables back rather than reading them from the story.
    engine.matcher.read_all(&engine.story);
    let body = postcard::to_stdvec(engine)?;
    let header = Header {
        code: CODE.to_string(),
        inputs: inputs.to_vec(),
        key: key.0,
        engine: *blake3::hash(&body).as_bytes(),
    };
    let header = postcard::to_stdvec(&header)?;
    let mut out = Vec::with_capacity(MAGIC.len() + 4 + header.len() + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&body);
    Ok(out)
}

/// The engine in `bytes`, if it is this build's, for the files of `dir` as they are now,
/// and intact.
pub fn decode(bytes: &[u8], dir: &Path) -> Result<Engine, Invalid> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(Invalid::NotAnEntry)?;
    let (format, rest) = rest.split_first_chunk::<4>().ok_or_else(|| damaged("cut short"))?;
    let format = u32::from_le_bytes(*format);
    if format != FORMAT {
        return Err(Invalid::OtherFormat(format));
    }
    let (header, body): (Header, &[u8]) =
        postcard::take_from_bytes(rest).map_err(|e| damaged(format!("its header does not read: {e}")))?;
    if header.code != CODE {
        return Err(Invalid::OtherBuild);
    }
    if Key::of(dir, &header.inputs).0 != header.key {
        return Err(Invalid::Stale);
    }
    if blake3::hash(body).as_bytes() != &header.engine {
        return Err(damaged("the engine's bytes are not the ones written"));
    }
    postcard::from_bytes(body).map_err(|e| damaged(format!("the engine does not read: {e}")))
}

fn damaged(why: impl Into<String>) -> Invalid {
    Invalid::Damaged(why.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::plain;

    const MINI: &str = "tests/fixtures/mini";

    fn entry() -> (Vec<u8>, &'static Path) {
        let dir = Path::new(MINI);
        let engine = Engine::load_with(dir, crate::knowledge::Checks::Structure).unwrap();
        let inputs = crate::knowledge::inputs(dir);
        (encode(&inputs, Key::of(dir, &inputs), &engine).unwrap(), dir)
    }

    #[test]
    fn an_entry_reads_back_as_the_engine_it_was() {
        let (bytes, dir) = entry();
        let engine = decode(&bytes, dir).unwrap();
        let fresh = Engine::load(dir).unwrap();
        assert_eq!(engine.story.entries.len(), fresh.story.entries.len());
        for question in ["When did the library open?", "who paid for it", "hello", "what is the weather"] {
            let (a, b) = (engine.respond(question, None), fresh.respond(question, None));
            assert_eq!(plain(&a.reply), plain(&b.reply), "{question}");
        }
    }

    #[test]
    fn an_entry_holds_the_tables_read_lazily() {
        let (bytes, dir) = entry();
        let fresh = Engine::load(dir).unwrap();
        assert!(!fresh.matcher.has_read_all(), "a fresh engine reads them when a question needs them");
        assert!(decode(&bytes, dir).unwrap().matcher.has_read_all(), "a warm start never reads them");
    }

    #[test]
    fn an_entry_cut_short_or_damaged_anywhere_never_reads() {
        let (bytes, dir) = entry();
        for len in [0, 4, 8, 11, 12, 40, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..len], dir).is_err(), "cut to {len} of {} bytes", bytes.len());
        }
        for at in [0, 9, 13, 60, bytes.len() / 3, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x20;
            assert!(decode(&damaged, dir).is_err(), "byte {at} of {} changed", bytes.len());
        }
    }

    #[test]
    fn another_build_or_format_never_reads() {
        let (mut bytes, dir) = entry();
        bytes[8..12].copy_from_slice(&(FORMAT + 1).to_le_bytes());
        assert!(matches!(decode(&bytes, dir), Err(Invalid::OtherFormat(_))));
        let (bytes, dir) = entry();
        let at =
            bytes.windows(CODE.len()).position(|w| w == CODE.as_bytes()).expect("the header names the build");
        let mut other = bytes.clone();
        other[at] = if other[at] == b'0' { b'1' } else { b'0' };
        assert!(matches!(decode(&other, dir), Err(Invalid::OtherBuild)));
    }
}
