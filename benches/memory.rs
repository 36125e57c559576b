//! Resident memory of the real binary (`cargo bench --bench memory`): starts
//! `storybot run` as a child process against the fake Telegram Bot API server (served
//! from this process, via `TELOXIDE_API_URL`), and reads the child's VmRSS and VmHWM
//! from `/proc/<pid>/status` — at start, idle (connected and long polling), during
//! and after a burst of questions from many private chats, then stops it with SIGTERM.
//!
//! First, in this process, the heap the engine holds at 10,000 entries (knowledge
//! grown as in `benches/matcher.rs`), per entry and per phrasing, counted by a
//! global allocator that tracks the bytes live.
//!
//! `STORYBOT_BENCH_MEM_N` sets the burst size (default 2000). The binary is the one
//! Cargo builds for benches (`target/release/storybot`). Linux only.

#![allow(dead_code)]

#[path = "../tests/it/support/mod.rs"]
mod support;

mod common;
#[path = "common/process.rs"]
mod process;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use storybot::engine::Engine;

use support::fake_bot_api::{FakeBotApi, TestUser, updates};

/// (VmRSS, VmHWM) in KiB.
fn memory(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| -> Option<u64> {
        status.lines().find(|l| l.starts_with(name))?.split_whitespace().nth(1)?.parse().ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn mb(kib: u64) -> String {
    format!("{:.1} MB", kib as f64 / 1024.0)
}

/// The system allocator, counting the bytes live (as requested: the allocator's
/// own overhead is not in them).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to `System` unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(new_size, Relaxed);
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The heap an engine holds for `size` entries: the knowledge itself, the index,
/// and the per-thread scoring buffers a first question sizes to it.
fn heap_at(base: &storybot::knowledge::Story, size: usize) {
    let start = LIVE.load(Relaxed);
    let story = common::scaled_story(base, size);
    let phrasings: usize = story.entries.iter().map(|e| e.questions.en.len() + e.questions.ru.len()).sum();
    let knowledge = LIVE.load(Relaxed) - start;
    let engine = Engine::new(story);
    let built = LIVE.load(Relaxed) - start;
    std::hint::black_box(engine.respond("How many men could be called up?", None));
    let total = LIVE.load(Relaxed) - start;
    let kb = |bytes: usize| format!("{:.0} KB", bytes as f64 / 1024.0);
    println!(
        "memory/heap at {size} entries ({phrasings} phrasings): {:.1} MB live; {} bytes an entry, {} bytes a phrasing; \
         of which knowledge {}, index {}, scoring buffers {}",
        total as f64 / (1024.0 * 1024.0),
        total / size,
        total / phrasings,
        kb(knowledge),
        kb(built - knowledge),
        kb(total - built)
    );
    drop(engine);
}

fn main() {
    println!("\n== engine heap ==");
    let base = storybot::knowledge::load(Path::new(common::KNOWLEDGE)).expect("load knowledge");
    heap_at(&base, base.entries.len());
    heap_at(&base, 10_000);
    let n: usize = std::env::var("STORYBOT_BENCH_MEM_N").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    runtime.block_on(async {
        let api = FakeBotApi::start().await;
        let bin = env!("CARGO_BIN_EXE_storybot");
        println!("\n== process: {bin} ==");
        println!("load average before: {}", std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim());
        // Start-up as a user sees it: a whole `storybot ask` process, spawn to exit.
        let asks = process::ask_processes(bin, 11, std::ffi::OsStr::new("off"));
        println!(
            "process/`storybot ask QUESTION` wall time (spawn, load, index, answer, exit): median {:.1} ms, max {:.1} ms",
            asks[asks.len() / 2].as_secs_f64() * 1e3,
            asks.last().unwrap().as_secs_f64() * 1e3
        );
        let log_path = std::env::temp_dir().join(format!("storybot-memory-bench-{}.log", std::process::id()));
        let log = std::fs::File::create(&log_path).expect("log file");
        let started = Instant::now();
        let mut child = Command::new(bin)
            .arg("run")
            .env("TELOXIDE_TOKEN", api.token())
            .env("TELOXIDE_API_URL", api.url())
            // BENCH_CHILD_LOG=info (or debug) shows more of the child's log when a
            // shutdown is not clean.
            .env("RUST_LOG", std::env::var("BENCH_CHILD_LOG").unwrap_or("warn".into()))
            .env("STORYBOT_DATA", std::env::temp_dir().join(format!("storybot-memory-bench-{}.sqlite3", std::process::id())))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .spawn()
            .expect("start storybot run");
        let pid = child.id();

        api.wait_for_poll(Duration::from_secs(20)).await;
        let connected = started.elapsed();
        let (rss, hwm) = memory(pid).expect("read /proc status");
        println!(
            "memory/start: connected and polling {:.0} ms after spawn; VmRSS {}, VmHWM {}",
            connected.as_secs_f64() * 1e3,
            mb(rss),
            mb(hwm)
        );
        tokio::time::sleep(Duration::from_secs(2)).await;
        let (rss, hwm) = memory(pid).expect("read /proc status");
        println!("memory/idle (2 s later): VmRSS {}, VmHWM {}", mb(rss), mb(hwm));

        // Bursts from distinct private chats. The shipped bot sends at most 30
        // messages/s (Telegram's limit, kept by its pace), so the rest waits in its queues.
        let questions = [
            "How many men could be called up?",
            "Where was the photo taken?",
            "Сколько человек могут призвать?",
            "what is the salary of draftees",
            "hello",
            "wher is nujamaa",
        ];
        let mut next_user = 70_000_000i64;
        let mut burst = |count: usize| {
            for i in 0..count {
                let user = TestUser::new(next_user, "Reader").lang("en");
                next_user += 1;
                api.push_update(updates::private_text(&user, questions[i % questions.len()]));
            }
        };
        // Samples VmRSS every 100 ms until `done` or `limit`; returns the peak.
        async fn watch(pid: u32, limit: Duration, done: impl Fn() -> bool) -> u64 {
            let mut peak = 0;
            let start = Instant::now();
            while start.elapsed() < limit && !done() {
                if let Some((rss, _)) = memory(pid) {
                    peak = peak.max(rss);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            peak
        }
        let small = 300usize;
        burst(small);
        let t = Instant::now();
        let peak = watch(pid, Duration::from_secs(20), || api.calls("sendMessage").len() >= small).await;
        let answered = api.calls("sendMessage").len();
        let drained = t.elapsed();
        tokio::time::sleep(Duration::from_secs(2)).await;
        let (rss, hwm) = memory(pid).expect("read /proc status");
        println!(
            "memory/load: a burst of {small} chats, {answered} answered in {:.1} s; peak VmRSS {}; 2 s after: VmRSS {}, VmHWM {}",
            drained.as_secs_f64(),
            mb(peak),
            mb(rss),
            mb(hwm)
        );

        let before = api.calls("sendMessage").len();
        burst(n);
        let peak = watch(pid, Duration::from_secs(10), || false).await;
        let answered = api.calls("sendMessage").len() - before;
        let (rss, hwm) = memory(pid).expect("read /proc status");
        println!(
            "memory/load: a burst of {n} chats, {answered} answered in 10 s (the rest queued); peak VmRSS {}, VmHWM {}",
            mb(peak),
            mb(hwm)
        );
        let _ = rss;

        let stop = Instant::now();
        let _ = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break Some(status);
            }
            if stop.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                break None;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        println!(
            "memory/shutdown: SIGTERM → exit {:?} in {:.0} ms",
            status.and_then(|s| s.code()),
            stop.elapsed().as_secs_f64() * 1e3
        );
        if status.and_then(|s| s.code()) != Some(0) {
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(25).collect();
            println!("memory/shutdown: not a clean exit; the bot's last log lines (warn and up):");
            for line in tail.iter().rev() {
                println!("    {line}");
            }
        }
        let _ = std::fs::remove_file(&log_path);
        println!();
    });
}
