//! Whole `storybot ask` processes, timed: shared by the engine and memory benches (the
//! other benches have no binary to run, so this is not in `common`).

use std::ffi::OsStr;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Wall times of `n` whole `BIN ask QUESTION` processes, spawn to exit, sorted: start-up
/// as a user sees it. `cache` is their `STORYBOT_CACHE_DIR`: `off` for a cold start
/// (the knowledge read and indexed), a folder for a warm one (the engine read back).
pub fn ask_processes(bin: &str, n: usize, cache: &OsStr) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            let out = Command::new(bin)
                .args(["ask", "How many men could be called up?"])
                .env("STORYBOT_CACHE_DIR", cache)
                .stdin(Stdio::null())
                .output()
                .expect("run storybot ask");
            assert!(out.status.success(), "storybot ask failed: {out:?}");
            t.elapsed()
        })
        .collect();
    times.sort();
    times
}
