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
//! stderr, so stdout compares between builds.

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::path::Path;

use common::*;
use storybot::engine::Engine;

const AT_SCALE: usize = 10_000;

fn main() {
    let base = Engine::load(Path::new(KNOWLEDGE)).expect("load knowledge");
    let mut questions = eval_questions();
    questions.extend(shipped_phrasings(&base.story));
    let t = std::time::Instant::now();
    let big = Engine::new(scaled_story(&base.story, AT_SCALE));
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
