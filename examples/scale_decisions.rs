//! Prints the decision on every question against knowledge grown to 10,000 entries
//! (the benches' [`scaled_story`]), with every score as its full `f32` bits, and the
//! per-question time: two builds whose outputs are byte for byte the same decide
//! alike to the last bit.
//!
//! ```sh
//! cargo run --release --example scale_decisions > decisions.txt   # bits to stdout
//! ```
//!
//! The questions: `tests/eval/*.jsonl` and every phrasing the knowledge ships. The
//! time (a question's median of a few runs; median and p99 over questions) goes to
//! stderr, so stdout compares between builds. With `SCALE_CACHE=DIR` the grown engine
//! is kept in a start-up cache there, so a run under callgrind counts the questions,
//! not the build (the cache's key holds the build: a new one builds again).

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::path::Path;

use common::*;
use storybot::cache::Cache;
use storybot::engine::Engine;

const AT_SCALE: usize = 10_000;

fn main() {
    let base = Engine::load(Path::new(KNOWLEDGE)).expect("load knowledge");
    let mut questions = eval_questions();
    questions.extend(shipped_phrasings(&base.story));
    let t = std::time::Instant::now();
    let big = scaled_engine(&base);
    eprintln!("index build at {AT_SCALE}: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    for q in &questions {
        let d = big.matcher.decide(&big.story, q, None);
        let ranked: Vec<String> =
            d.ranked.iter().map(|(doc, s)| format!("{doc:?}:{:08x}", s.to_bits())).collect();
        println!("{q}\t{:?}\t{:08x}\t{}", d.outcome, d.score.to_bits(), ranked.join(" "));
    }
    let reps = std::env::var("REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
    let eval = eval_questions();
    let d = per_question(&eval, reps, |q| {
        black_box(big.respond(black_box(q), None));
    });
    eprintln!("load {}", loadavg());
    report(&format!("scaled-{AT_SCALE} respond"), eval.len(), &d);
}

/// The engine over knowledge grown to [`AT_SCALE`] entries: built, or read back from
/// `$SCALE_CACHE` when this very build stored it there.
fn scaled_engine(base: &Engine) -> Engine {
    let cache = std::env::var_os("SCALE_CACHE").map(Cache::at);
    let knowledge = Path::new(KNOWLEDGE);
    if let Some(engine) = cache.as_ref().and_then(|c| c.fetch(knowledge).ok()) {
        return engine;
    }
    let engine = Engine::new(scaled_story(&base.story, AT_SCALE));
    if let Some(cache) = &cache {
        cache.store(knowledge, &engine).expect("store the grown engine");
    }
    engine
}
