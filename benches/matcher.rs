//! Matcher benchmarks (`cargo bench --bench matcher`): per-question time on the shipped
//! knowledge, scaling to 10,000 entries, the worst 4,096-character inputs, start-up,
//! and a naive string-similarity reference as the line to beat.
//!
//! Criterion measures batches; the per-question distribution (median and p99 over a
//! few hundred varied questions) is measured by hand with `Instant` and printed as
//! `matcher/... per-question: median X µs, p99 Y µs` lines. Results and targets are
//! in docs/performance.md.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use storybot::engine::Engine;
use storybot::knowledge::{self, Story};
use storybot::matcher::normalize;

const KNOWLEDGE: &str = "knowledge";

// ---- inputs -----------------------------------------------------------------------

/// The questions of `tests/eval/*.jsonl` (in scope, out of scope, typos, Russian).
fn eval_questions() -> Vec<String> {
    eval_sets().into_iter().flat_map(|(_, qs)| qs).collect()
}

/// The same, per file: (file stem, questions).
fn eval_sets() -> Vec<(String, Vec<String>)> {
    let mut files: Vec<_> = std::fs::read_dir("tests/eval")
        .expect("tests/eval")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read eval file");
        let mut qs = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            if let Some(q) = v["q"].as_str() {
                qs.push(q.to_string());
            }
        }
        let stem = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        out.push((stem, qs));
    }
    out
}

/// Every phrasing the knowledge ships (English and Russian): exact in-scope questions.
fn shipped_phrasings(story: &Story) -> Vec<String> {
    story.entries.iter().flat_map(|e| e.questions.en.iter().chain(&e.questions.ru)).cloned().collect()
}

/// A small deterministic PRNG (xorshift64*), so every run sees the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A made-up word, unique per `n`: letters spread over the alphabet and 5-9 long, so
/// it lands in every typo-correction bucket like real vocabulary does.
fn synthetic_word(n: usize) -> String {
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
fn scaled_story(base: &Story, size: usize) -> Story {
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

/// 4,096 characters of each kind of junk the bot must survive quickly.
fn worst_inputs() -> Vec<(&'static str, String)> {
    let mut rng = Rng(42);
    let fill = |piece: &mut dyn FnMut() -> String| {
        let mut s = String::new();
        while s.chars().count() < 4096 {
            s.push_str(&piece());
        }
        s.chars().take(4096).collect::<String>()
    };
    let latin = |rng: &mut Rng, len: usize| -> String {
        (0..len).map(|_| (b'a' + rng.below(26) as u8) as char).collect()
    };
    let cyrillic = |rng: &mut Rng, len: usize| -> String {
        (0..len).map(|_| char::from_u32(0x430 + rng.below(32) as u32).unwrap()).collect()
    };
    let emoji = ['😀', '🇷', '🇺', '🔥', '👍', '\u{200d}', '👨', '👩', '❤', '\u{fe0f}'];
    let zalgo_marks = ['\u{0301}', '\u{0336}', '\u{0338}', '\u{0334}', '\u{0335}'];
    let mut r1 = Rng(7);
    let mut r2 = Rng(8);
    let mut r3 = Rng(9);
    let mut r4 = Rng(10);
    vec![
        (
            "junk-words",
            fill(&mut || {
                let len = 3 + rng.below(10) as usize;
                latin(&mut rng, len) + " "
            }),
        ),
        ("junk-one-word", fill(&mut || latin(&mut r1, 64))),
        (
            "junk-cyrillic-words",
            fill(&mut || {
                let len = 3 + r2.below(10) as usize;
                cyrillic(&mut r2, len) + " "
            }),
        ),
        ("repeated-word", fill(&mut || "mobilization ".to_string())),
        ("repeated-typo", fill(&mut || "mobilizaton ".to_string())),
        ("emoji", fill(&mut || emoji[r3.below(emoji.len() as u64) as usize].to_string())),
        (
            "zalgo",
            fill(&mut || {
                let mut s = latin(&mut r4, 1);
                for _ in 0..3 {
                    s.push(zalgo_marks[r4.below(zalgo_marks.len() as u64) as usize]);
                }
                s
            }),
        ),
        ("digits", fill(&mut || "300,000 ".to_string())),
    ]
}

// ---- per-question distribution ----------------------------------------------------

struct Dist {
    median: Duration,
    p99: Duration,
    max: Duration,
    raw_p99: Duration,
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Times `f` on each question `reps` times, round-robin (so no question runs on an
/// unrepresentatively warm cache). A question's time is the median of its runs; the
/// distribution is over questions. `raw_p99` is over every single run, noise included.
fn per_question(questions: &[String], reps: usize, mut f: impl FnMut(&str)) -> Dist {
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

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn report(label: &str, n: usize, d: &Dist) {
    println!(
        "{label} per-question ({n} questions): median {}, p99 {}, max {} (p99 over all single runs {})",
        us(d.median),
        us(d.p99),
        us(d.max),
        us(d.raw_p99)
    );
}

/// The naive reference: normalized Levenshtein against every phrasing, best wins.
fn naive_best<'a>(phrasings: &'a [(usize, String)], question: &str) -> (usize, f64) {
    let q = question.to_lowercase();
    let mut best = (usize::MAX, -1.0);
    for (entry, p) in phrasings {
        let s = strsim::normalized_levenshtein(&q, p);
        if s > best.1 {
            best = (*entry, s);
        }
    }
    best
}

fn naive_phrasings(story: &Story) -> Vec<(usize, String)> {
    story
        .entries
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.questions.en.iter().chain(&e.questions.ru).map(move |q| (i, q.to_lowercase())))
        .collect()
}

/// The hand-timed figures: printed once, before Criterion's own runs.
fn distributions() {
    let engine = Engine::load(Path::new(KNOWLEDGE)).expect("load knowledge");
    let eval = eval_questions();
    let phrasings = shipped_phrasings(&engine.story);
    let mut all = eval.clone();
    all.extend(phrasings.iter().cloned());
    println!(
        "\n== per-question distributions ({} eval questions + {} shipped phrasings) ==",
        eval.len(),
        phrasings.len()
    );

    let d = per_question(&all, 31, |q| {
        black_box(engine.respond(black_box(q), None));
    });
    report("matcher/shipped respond (match + reply)", all.len(), &d);
    let d = per_question(&eval, 31, |q| {
        black_box(engine.respond(black_box(q), None));
    });
    report("matcher/shipped respond, eval questions only", eval.len(), &d);
    for (name, qs) in eval_sets() {
        let d = per_question(&qs, 31, |q| {
            black_box(engine.respond(black_box(q), None));
        });
        report(&format!("matcher/shipped respond, tests/eval/{name}.jsonl"), qs.len(), &d);
    }
    let d = per_question(&all, 31, |q| {
        black_box(engine.matcher.decide(&engine.story, black_box(q), None));
    });
    report("matcher/shipped decide (match only)", all.len(), &d);

    // Where the time goes: each step through the public API.
    let d = per_question(&all, 31, |q| {
        black_box(normalize::words(black_box(q)));
    });
    report("profile/normalize::words", all.len(), &d);
    let d = per_question(&all, 31, |q| {
        black_box(storybot::lang::Lang::detect(black_box(q), None));
    });
    report("profile/Lang::detect", all.len(), &d);
    let d = per_question(&all, 31, |q| {
        black_box(engine.matcher.explain_terms(black_box(q)));
    });
    report("profile/explain_terms (normalize + analyze + term lookup + format)", all.len(), &d);
    let decisions: Vec<_> = all.iter().map(|q| engine.matcher.decide(&engine.story, q, None)).collect();
    let idx: Vec<String> = (0..all.len()).map(|i| i.to_string()).collect();
    let d = per_question(&idx, 31, |i| {
        let decision = &decisions[i.parse::<usize>().unwrap()];
        black_box(storybot::reply::for_decision(&engine.story, decision));
    });
    report("profile/reply::for_decision", all.len(), &d);

    // The naive reference on the same questions.
    let naive = naive_phrasings(&engine.story);
    let d = per_question(&all, 11, |q| {
        black_box(naive_best(&naive, black_box(q)));
    });
    report(&format!("naive/levenshtein argmax over {} phrasings", naive.len()), all.len(), &d);

    // Scaling: the eval questions against knowledge bases of growing size.
    for size in [50usize, 1_000, 10_000] {
        let story = scaled_story(&engine.story, size);
        let t = Instant::now();
        let big = Engine::new(story);
        let build = t.elapsed();
        let reps = if size >= 10_000 { 7 } else { 15 };
        let d = per_question(&eval, reps, |q| {
            black_box(big.respond(black_box(q), None));
        });
        println!("matcher/scaled-{size} index build (Engine::new): {:.1} ms", build.as_secs_f64() * 1e3);
        report(&format!("matcher/scaled-{size} respond"), eval.len(), &d);
        let d = per_question(&eval, reps, |q| {
            black_box(big.matcher.decide(&big.story, black_box(q), None));
        });
        report(&format!("profile/scaled-{size} decide (match only)"), eval.len(), &d);
        let d = per_question(&eval, reps, |q| {
            black_box(big.matcher.explain_terms(black_box(q)));
        });
        report(&format!("profile/scaled-{size} explain_terms (normalize + analyze)"), eval.len(), &d);
        if size == 1_000 {
            let naive = naive_phrasings(&big.story);
            let sample: Vec<String> = eval.iter().step_by(5).cloned().collect();
            let d = per_question(&sample, 3, |q| {
                black_box(naive_best(&naive, black_box(q)));
            });
            report(
                &format!("naive/scaled-{size} levenshtein over {} phrasings", naive.len()),
                sample.len(),
                &d,
            );
        }
    }

    // Worst cases, one line each.
    for (name, text) in worst_inputs() {
        let mut times: Vec<Duration> = (0..51)
            .map(|_| {
                let t = Instant::now();
                black_box(engine.respond(black_box(&text), None));
                t.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "matcher/worst {name} ({} chars, {} bytes): median {}, max {}",
            text.chars().count(),
            text.len(),
            us(times[times.len() / 2]),
            us(*times.last().unwrap())
        );
    }

    // Start-up, cold-ish: the first load in this process, then the median of 21.
    let mut times: Vec<Duration> = (0..21)
        .map(|_| {
            let t = Instant::now();
            black_box(Engine::load(Path::new(KNOWLEDGE)).unwrap());
            t.elapsed()
        })
        .collect();
    let first = times[0];
    times.sort();
    let t = Instant::now();
    let story = knowledge::load(Path::new(KNOWLEDGE)).unwrap();
    let load = t.elapsed();
    let t = Instant::now();
    black_box(Engine::new(story));
    let index = t.elapsed();
    println!(
        "startup/Engine::load(knowledge): median {:.2} ms, max {:.2} ms (first {:.2} ms); of which load+validate {:.2} ms, index {:.2} ms",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3,
        load.as_secs_f64() * 1e3,
        index.as_secs_f64() * 1e3
    );
    println!();
}

// ---- Criterion --------------------------------------------------------------------

fn benches(c: &mut Criterion) {
    // STORYBOT_BENCH_CRITERION_ONLY=1 skips the hand-timed distributions.
    if std::env::var_os("STORYBOT_BENCH_CRITERION_ONLY").is_none() {
        distributions();
    }

    let engine = Engine::load(Path::new(KNOWLEDGE)).expect("load knowledge");
    let mut questions = eval_questions();
    questions.extend(shipped_phrasings(&engine.story));
    let n = questions.len();

    let mut g = c.benchmark_group("matcher");
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    g.bench_function(format!("shipped/respond-all-{n}-questions"), |b| {
        b.iter(|| {
            for q in &questions {
                black_box(engine.respond(black_box(q), None));
            }
        })
    });
    g.bench_function("shipped/one-question", |b| {
        b.iter(|| black_box(engine.respond(black_box("How many men could be called up?"), None)))
    });
    let naive = naive_phrasings(&engine.story);
    g.bench_function(format!("naive/levenshtein-all-{n}-questions"), |b| {
        b.iter(|| {
            for q in &questions {
                black_box(naive_best(&naive, black_box(q)));
            }
        })
    });
    g.finish();

    let eval = eval_questions();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10).measurement_time(Duration::from_secs(4));
    for size in [50usize, 1_000, 10_000] {
        let big = Engine::new(scaled_story(&engine.story, size));
        g.bench_function(format!("respond-{}-eval-questions/{size}-entries", eval.len()), |b| {
            b.iter(|| {
                for q in &eval {
                    black_box(big.respond(black_box(q), None));
                }
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("worst-4096-chars");
    g.sample_size(20).measurement_time(Duration::from_secs(2));
    for (name, text) in worst_inputs() {
        g.bench_function(name, |b| b.iter(|| black_box(engine.respond(black_box(&text), None))));
    }
    g.finish();

    let mut g = c.benchmark_group("startup");
    g.sample_size(20).measurement_time(Duration::from_secs(4));
    g.bench_function("Engine::load(knowledge)", |b| {
        b.iter(|| black_box(Engine::load(Path::new(KNOWLEDGE)).unwrap()))
    });
    g.bench_function("knowledge::load (load + validate)", |b| {
        b.iter(|| black_box(knowledge::load(Path::new(KNOWLEDGE)).unwrap()))
    });
    let story = knowledge::load(Path::new(KNOWLEDGE)).unwrap();
    g.bench_function("Engine::new (index)", |b| {
        b.iter_batched(|| story.clone(), |s| black_box(Engine::new(s)), BatchSize::SmallInput)
    });
    g.finish();
}

criterion_group!(matcher, benches);
criterion_main!(matcher);
