//! Fuzzes the knowledge loader: the input is a knowledge folder, its files separated
//! by `SEPARATOR` in the order of `FILES` (fewer parts: the rest are absent). Loading
//! must never panic, and a folder that loads must give an engine that answers.
//!
//! Seed: `fuzz/seeds/loader/mini`, the `tests/fixtures/mini` folder in this format.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use storybot::engine::Engine;

const FILES: [&str; 6] =
    ["story.toml", "article.txt", "entries.toml", "gaps.toml", "lexicon.toml", "smalltalk.toml"];
const SEPARATOR: &[u8] = b"\x00--8<--\x00";

/// One folder for every run (rewritten each time), removed when the process ends.
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().to_path_buf();
        (dir, path)
    })
    .1
}

fn split(data: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() + 1 < FILES.len() {
        match rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
            Some(at) => {
                parts.push(&rest[..at]);
                rest = &rest[at + SEPARATOR.len()..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

fuzz_target!(|data: &[u8]| {
    let dir = folder();
    let parts = split(data);
    for (i, name) in FILES.iter().enumerate() {
        let path = dir.join(name);
        match parts.get(i) {
            Some(bytes) => std::fs::write(&path, bytes).expect("write"),
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    match storybot::knowledge::load(dir) {
        Ok(story) => {
            let engine = Engine::new(story);
            let reply = engine.respond("how many?", Some("en")).reply;
            assert!(!storybot::reply::plain(&reply).trim().is_empty());
        }
        Err(error) => {
            let problems = error.problems();
            assert!(!problems.is_empty());
            for problem in problems {
                assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
            }
        }
    }
});
