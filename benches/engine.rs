//! The engine's goals, one figure each (`cargo bench --bench engine`): start-up of a
//! whole `storybot ask` process (cold, and warm from the start-up cache), the time a question takes on the shipped knowledge
//! and on 10,000 entries (median and p99), and `storybot ask --json -` answering
//! 20,000 questions read from a pipe. Memory (idle, and bytes per entry and per
//! phrasing at 10,000 entries) is `benches/memory.rs`. Goals and results are in
//! docs/performance.md.
//!
//! Processes are the binary Cargo builds for benches (`target/release/storybot`).
//! Linux: process CPU time is read from `/proc/self/stat`.

mod common;
#[path = "common/process.rs"]
mod process;

use std::ffi::OsStr;
use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use storybot::cache::Cache;
use storybot::engine::Engine;
use storybot::knowledge::{self, Checks};

/// The shipped binary's allocator (src/main.rs), so a question is timed as the bot
/// answers it rather than with the system allocator the bench would otherwise get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const BIN: &str = env!("CARGO_BIN_EXE_storybot");
/// Whole processes timed for start-up: enough for a steady median on a busy machine.
const PROCESSES: usize = 31;
/// Runs of each question; its time is the median of its runs.
const REPS: usize = 31;
/// Runs of each question at 10,000 entries, where every run costs more.
const REPS_AT_SCALE: usize = 11;
/// Questions piped through one `ask --json -` process.
const PIPED: usize = 20_000;
/// `ask --json -` processes timed; the median is reported.
const PIPE_RUNS: usize = 5;
const AT_SCALE: usize = 10_000;

fn main() {
    println!("\n== engine goals ({BIN}) ==");
    println!("load average before: {}", loadavg());
    let startup = process_startup();
    startup_split();
    let engine = Engine::load(Path::new(KNOWLEDGE)).expect("load knowledge");
    let mut questions = eval_questions();
    questions.extend(shipped_phrasings(&engine.story));
    let d = per_question(&questions, REPS, |q| {
        black_box(engine.respond(black_box(q), None));
    });
    report("engine/shipped respond", questions.len(), &d);
    let t = Instant::now();
    for q in &questions {
        black_box(engine.respond(black_box(q), None));
    }
    println!("engine/shipped respond mean: {} a question", us(t.elapsed() / questions.len() as u32));
    ask_json_pipe(&questions, startup);
    at_scale(&engine);
    println!("load average after: {}", loadavg());
}

/// CPU time (user + system) of this process's waited-for children so far.
fn children_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
    // Fields after the command name (which may hold spaces) start at field 3;
    // cutime and cstime are fields 16 and 17, in clock ticks of 1/100 s on Linux.
    let after = &stat[stat.rfind(')').expect("stat format") + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields[13].parse::<u64>().unwrap_or(0) + fields[14].parse::<u64>().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// `storybot ask QUESTION` from spawn to exit, cold (no start-up cache: read, validate
/// and index the knowledge) and warm (the engine read back from the cache), then
/// answer and exit. Returns the cold median wall time.
fn process_startup() -> Duration {
    let cache = tempfile::tempdir().expect("a cache folder");
    // One run fills the cache; the warm runs all read it.
    process::ask_processes(BIN, 1, cache.path().as_os_str());
    let mut cold = Duration::ZERO;
    for (name, dir) in
        [("cold, STORYBOT_CACHE_DIR=off", OsStr::new("off")), ("warm, cache hit", cache.path().as_os_str())]
    {
        let cpu_before = children_cpu();
        let times = process::ask_processes(BIN, PROCESSES, dir);
        let cpu = (children_cpu() - cpu_before) / PROCESSES as u32;
        let median = pct(&times, 0.5);
        println!(
            "engine/startup `storybot ask QUESTION` whole process, {name} ({PROCESSES} runs): median {:.1} ms, p90 {:.1} ms, max {:.1} ms; CPU {:.1} ms a process",
            ms(median),
            ms(pct(&times, 0.9)),
            ms(*times.last().unwrap()),
            ms(cpu)
        );
        if dir == "off" {
            cold = median;
        }
    }
    cold
}

/// Where a start-up goes, in this process: reading and checking the knowledge, and
/// building the index (medians of [`PROCESSES`] runs each).
fn startup_split() {
    let median = |f: &mut dyn FnMut()| {
        let mut times: Vec<Duration> = (0..PROCESSES)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        times.sort();
        pct(&times, 0.5)
    };
    let dir = Path::new(KNOWLEDGE);
    let load =
        |checks| median(&mut || drop(black_box(knowledge::load_with(dir, checks).expect("load knowledge"))));
    let (structure, faithful) = (load(Checks::Structure), load(Checks::Faithful));
    let story = knowledge::load_with(dir, Checks::Structure).expect("load knowledge");
    let index = median(&mut || std::mem::forget(black_box(Engine::new(story.clone()))));
    println!(
        "engine/startup in process: knowledge::load_with Structure (read + validate, as `ask` does) {:.1} ms, Engine::new (index) {:.1} ms; with Checks::Faithful (as `check` and `run` do) the load is {:.1} ms",
        ms(structure),
        ms(index),
        ms(faithful)
    );
    let folder = tempfile::tempdir().expect("a cache folder");
    let cache = Cache::at(folder.path());
    let entry = cache.store(dir, &Engine::new(story)).expect("store the engine");
    let size = std::fs::metadata(entry).map(|m| m.len()).unwrap_or(0);
    let read = median(&mut || std::mem::forget(black_box(cache.fetch(dir).expect("the cached engine"))));
    println!(
        "engine/startup in process: the start-up cache's entry is {} KB; Cache::fetch (hash the knowledge files and the entry, decode the engine) {:.1} ms",
        size / 1024,
        ms(read)
    );
}

/// `storybot ask --json -` with [`PIPED`] questions written to its stdin and its
/// answers read from its stdout, as a script would.
fn ask_json_pipe(questions: &[String], startup: Duration) {
    let input: String = questions.iter().cycle().take(PIPED).map(|q| format!("{q}\n")).collect();
    let cpu_before = children_cpu();
    let mut times: Vec<Duration> = (0..PIPE_RUNS).map(|_| pipe_once(&input)).collect();
    let cpu = (children_cpu() - cpu_before) / PIPE_RUNS as u32;
    times.sort();
    let median = pct(&times, 0.5);
    let per = |d: Duration| us(d / PIPED as u32);
    println!(
        "engine/`ask --json -` {PIPED} questions through a pipe ({PIPE_RUNS} runs): median {:.1} ms = {} a question \
         (JSON and I/O included; {} without the start-up); CPU {:.1} ms a process = {} a question",
        ms(median),
        per(median),
        per(median.saturating_sub(startup)),
        ms(cpu),
        per(cpu)
    );
}

fn pipe_once(input: &str) -> Duration {
    let t = Instant::now();
    let mut child = Command::new(BIN)
        .args(["ask", "--json", "-"])
        .env("STORYBOT_CACHE_DIR", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run storybot ask --json -");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let lines = BufReader::new(child.stdout.take().expect("stdout")).lines().count();
    writer.join().expect("writer thread").expect("write questions");
    assert!(child.wait().expect("wait").success());
    assert_eq!(lines, PIPED, "one JSON line a question");
    t.elapsed()
}

/// The eval questions against knowledge grown to [`AT_SCALE`] entries.
fn at_scale(engine: &Engine) {
    let story = scaled_story(&engine.story, AT_SCALE);
    let t = Instant::now();
    let big = Engine::new(story);
    println!("engine/scaled-{AT_SCALE} index build (Engine::new): {:.1} ms", ms(t.elapsed()));
    let eval = eval_questions();
    let d = per_question(&eval, REPS_AT_SCALE, |q| {
        black_box(big.respond(black_box(q), None));
    });
    report(&format!("engine/scaled-{AT_SCALE} respond"), eval.len(), &d);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
