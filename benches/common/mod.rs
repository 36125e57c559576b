//! What the benches share: the questions they ask, knowledge grown to any size, and
//! per-question timing (a question's time is the median of its runs; the
//! distribution is over questions).

use std::path::Path;
use std::time::{Duration, Instant};

use storybot::knowledge::Story;

pub const KNOWLEDGE: &str = "knowledge";

/// The questions of `tests/eval/*.jsonl` (in scope, out of scope, typos, Russian).
pub fn eval_questions() -> Vec<String> {
    eval_sets().into_iter().flat_map(|(_, qs)| qs).collect()
}

/// The same, per file: (file stem, questions).
pub fn eval_sets() -> Vec<(String, Vec<String>)> {
    let sets = storybot::evaluate::question_sets(Path::new("tests/eval")).expect("tests/eval");
    sets.into_iter().map(|(stem, cases)| (stem, cases.into_iter().map(|c| c.q).collect())).collect()
}

/// Every phrasing the knowledge ships (English and Russian): exact in-scope questions.
pub fn shipped_phrasings(story: &Story) -> Vec<String> {
    story.entries.iter().flat_map(|e| e.questions.en.iter().chain(&e.questions.ru)).cloned().collect()
}

/// A small deterministic PRNG (xorshift64*), so every run sees the same inputs.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A made-up word, unique per `n`: letters spread over the alphabet and 5-9 long, so
/// it lands in every typo-correction bucket like real vocabulary does.
pub fn synthetic_word(n: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (n as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9));
    let len = 5 + rng.below(5) as usize;
    let mut w: String = (0..len).map(|_| (b'a' + rng.below(26) as u8) as char).collect();
    // A base-26 tail of n keeps every word distinct.
    let mut k = n;
    loop {
        w.push((b'a' + (k % 26) as u8) as char);
        k /= 26;
        if k == 0 {
            break;
        }
    }
    w
}

/// A knowledge base of `size` entries made from the shipped ones: entry `n` is a copy
/// of shipped entry `n % 59` with the id (and its related ids) suffixed by the copy
/// number, and a unique made-up word appended to every phrasing and to the answers,
/// so the vocabulary and the index grow with the size. Gaps and small talk stay as
/// shipped. Copies share the real words, so postings lists grow linearly: a
/// pessimistic model of a big knowledge base.
pub fn scaled_story(base: &Story, size: usize) -> Story {
    let mut story = base.clone();
    let shipped = base.entries.len();
    let mut word = 0usize;
    let mut fresh = || {
        word += 1;
        synthetic_word(word)
    };
    story.entries = (0..size)
        .map(|n| {
            let copy = n / shipped;
            let mut e = base.entries[n % shipped].clone();
            e.id = format!("{}-{copy}", e.id);
            e.related = e.related.iter().map(|r| format!("{r}-{copy}")).collect();
            for q in e.questions.en.iter_mut().chain(e.questions.ru.iter_mut()) {
                q.push(' ');
                q.push_str(&fresh());
            }
            e.answer.en = format!("{} {}", e.answer.en, fresh());
            e.answer.ru = format!("{} {}", e.answer.ru, fresh());
            e
        })
        .collect();
    story
}

/// A per-question distribution.
pub struct Dist {
    pub median: Duration,
    pub p99: Duration,
    pub max: Duration,
    pub raw_p99: Duration,
}

pub fn pct(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Times `f` on each question `reps` times, round-robin (so no question runs on an
/// unrepresentatively warm cache). A question's time is the median of its runs; the
/// distribution is over questions. `raw_p99` is over every single run, noise included.
pub fn per_question(questions: &[String], reps: usize, mut f: impl FnMut(&str)) -> Dist {
    for q in questions {
        f(q); // warm-up
    }
    let mut samples: Vec<Vec<Duration>> = vec![Vec::with_capacity(reps); questions.len()];
    for _ in 0..reps {
        for (i, q) in questions.iter().enumerate() {
            let t = Instant::now();
            f(q);
            samples[i].push(t.elapsed());
        }
    }
    let mut raw: Vec<Duration> = samples.iter().flatten().copied().collect();
    raw.sort();
    let mut per: Vec<Duration> = samples
        .iter_mut()
        .map(|s| {
            s.sort();
            s[s.len() / 2]
        })
        .collect();
    per.sort();
    Dist { median: pct(&per, 0.5), p99: pct(&per, 0.99), max: *per.last().unwrap(), raw_p99: pct(&raw, 0.99) }
}

pub fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

pub fn report(label: &str, n: usize, d: &Dist) {
    println!(
        "{label} per-question ({n} questions): median {}, p99 {}, max {} (p99 over all single runs {})",
        us(d.median),
        us(d.p99),
        us(d.max),
        us(d.raw_p99)
    );
}

/// The load average now, for the report: the figures move with it.
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim().to_string()
}
