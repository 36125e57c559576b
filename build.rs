//! Hashes the code that builds and reads the engine into `STORYBOT_CODE_HASH`, part of
//! the start-up cache's key (src/cache/): an engine cached by one build is never read
//! by another. It covers every file under `src/` (the word lists included), the
//! manifest, `Cargo.lock` (every dependency's exact version), the compiler (its Unicode
//! tables decide lowercasing and normalization) and the target.

use std::path::{Path, PathBuf};

fn main() {
    for path in ["src", "Cargo.toml", "Cargo.lock", "build.rs"] {
        println!("cargo:rerun-if-changed={path}");
    }
    let mut hasher = blake3::Hasher::new();
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    // Sorted: the hash must not depend on the order the file system lists them in.
    files.sort();
    files.extend(["Cargo.toml", "Cargo.lock"].map(PathBuf::from));
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        field(&mut hasher, file.to_string_lossy().as_bytes());
        field(&mut hasher, &bytes);
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version =
        std::process::Command::new(rustc).arg("--version").output().map(|o| o.stdout).unwrap_or_default();
    field(&mut hasher, &version);
    field(&mut hasher, std::env::var("TARGET").unwrap_or_default().as_bytes());
    field(&mut hasher, env!("CARGO_PKG_VERSION").as_bytes());
    println!("cargo:rustc-env=STORYBOT_CODE_HASH={}", hasher.finalize().to_hex());
    english_word_starts();
}

/// Where each line of the English word list starts, as little-endian `u32`s in
/// `OUT_DIR/english-word-starts.bin`: the list is searched by line (src/matcher/analyze/
/// typos.rs), and a table made here costs a running process nothing.
fn english_word_starts() {
    let list = "src/matcher/english-words.txt";
    let text = std::fs::read(list).unwrap_or_else(|e| panic!("cannot read {list}: {e}"));
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive(|&b| b == b'\n') {
        let start = u32::try_from(at).expect("the word list is under 4 GB");
        starts.extend_from_slice(&start.to_le_bytes());
        at += line.len();
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let file = out.join("english-word-starts.bin");
    std::fs::write(&file, starts).unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
}

/// Every file under `dir`, recursively.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// One length-prefixed field, so two fields can never run into each other.
fn field(hasher: &mut blake3::Hasher, bytes: &[u8]) {
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}
