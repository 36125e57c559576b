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

mod common;

use common::*;

// ---- inputs -----------------------------------------------------------------------

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
    let mut r5 = Rng(11);
    let mut r6 = Rng(12);
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
        // Made to be the costliest for typo correction: distinct unknown 9-letter
        // words starting with a common first letter (two edits allowed, five length
        // buckets scanned per word).
        ("adversarial-typos-latin", fill(&mut || "s".to_string() + &latin(&mut r5, 8) + " ")),
        ("adversarial-typos-cyrillic", fill(&mut || "п".to_string() + &cyrillic(&mut r6, 8) + " ")),
    ]
}

/// The naive reference: normalized Levenshtein against every phrasing, best wins.
fn naive_best(phrasings: &[(usize, String)], question: &str) -> (usize, f64) {
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
    println!("load average before: {}", loadavg());

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
        let mut times: Vec<Duration> = (0..101)
            .map(|_| {
                let t = Instant::now();
                black_box(engine.respond(black_box(&text), None));
                t.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "matcher/worst {name} ({} chars, {} bytes): median {}, p99 {}, max {}",
            text.chars().count(),
            text.len(),
            us(times[times.len() / 2]),
            us(pct(&times, 0.99)),
            us(*times.last().unwrap())
        );
    }

    typo_correction_profile(&engine.story);
    index_build_profile(&engine.story);

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

// ---- typo correction, emulated --------------------------------------------------

/// Every text the index reads: phrasings, answers, sources, quotes, topics, gap
/// phrasings and notes, small-talk patterns.
fn knowledge_texts(story: &Story) -> Vec<&str> {
    let mut texts: Vec<&str> = Vec::new();
    for e in &story.entries {
        texts.extend(e.questions.en.iter().chain(&e.questions.ru).map(String::as_str));
        texts.extend([&e.answer.en, &e.answer.ru, &e.source.en, &e.source.ru, &e.topic].map(String::as_str));
        texts.extend(e.quotes.iter().map(String::as_str));
    }
    for g in &story.gaps {
        texts.extend(g.questions.en.iter().chain(&g.questions.ru).map(String::as_str));
        texts.extend([g.note.en.as_str(), g.note.ru.as_str()]);
    }
    for t in &story.smalltalk {
        texts.extend(t.patterns.iter().map(String::as_str));
    }
    texts
}

/// What the index build spends its time on, by piece (the build is private; these
/// are the same library calls it makes).
fn index_build_profile(story: &Story) {
    use rust_stemmers::{Algorithm, Stemmer};
    let texts = knowledge_texts(story);
    let median_of = |f: &mut dyn FnMut()| {
        let mut t: Vec<Duration> = (0..15)
            .map(|_| {
                let s = Instant::now();
                f();
                s.elapsed()
            })
            .collect();
        t.sort();
        t[t.len() / 2]
    };
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
    let words: Vec<String> = texts.iter().flat_map(|t| normalize::words(t)).collect();
    let distinct: std::collections::HashSet<&String> = words.iter().collect();
    let ascii = texts.iter().filter(|t| t.is_ascii()).count();
    let normalize = median_of(&mut || {
        for t in &texts {
            black_box(normalize::words(black_box(t)));
        }
    });
    let (en, ru) = (Stemmer::create(Algorithm::English), Stemmer::create(Algorithm::Russian));
    let stem = |w: &str| {
        if w.chars().any(storybot::lang::is_cyrillic) {
            ru.stem(w).into_owned()
        } else {
            en.stem(w).into_owned()
        }
    };
    let stem_all = median_of(&mut || {
        for w in &words {
            black_box(stem(black_box(w)));
        }
    });
    let stem_distinct = median_of(&mut || {
        for w in &distinct {
            black_box(stem(black_box(w)));
        }
    });
    let mut set = std::collections::HashSet::new();
    let hash_all = median_of(&mut || {
        set.clear();
        for w in &words {
            set.insert(black_box(w.as_str()));
        }
    });
    println!(
        "profile/index build pieces: {} texts ({} pure ASCII), {} words, {} distinct; normalize::words over all texts {}; stemming every word once {} (the build stems each word twice: learn_word and terms_of), stemming each distinct word once {}; one SipHash HashSet insert per word {}",
        texts.len(),
        ascii,
        words.len(),
        distinct.len(),
        ms(normalize),
        ms(stem_all),
        ms(stem_distinct),
        ms(hash_all)
    );
}

/// An approximation of the analyzer's vocabulary (its `Analyzer` is private): every
/// distinct normalized word of 3+ characters in the knowledge, bucketed by length.
fn approximate_vocabulary(story: &Story) -> Vec<Vec<String>> {
    let texts = knowledge_texts(story);
    let mut seen = std::collections::HashSet::new();
    let mut buckets: Vec<Vec<String>> = Vec::new();
    for word in texts.iter().flat_map(|t| normalize::words(t)) {
        let len = word.chars().count();
        if len >= 3 && seen.insert(word.clone()) {
            if buckets.len() <= len {
                buckets.resize(len + 1, Vec::new());
            }
            buckets[len].push(word);
        }
    }
    buckets
}

/// Which letters (a-z, а-я) a word has, as bits: one edit changes at most two bits.
fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0u64, |m, c| match c {
        'a'..='z' => m | 1 << (c as u32 - 'a' as u32),
        'а'..='я' => m | 1 << (26 + c as u32 - 'а' as u32),
        _ => m | 1 << 63,
    })
}

/// `Analyzer::correct` as written (first letter, length buckets, Damerau), with the
/// distance function and shortcuts swappable, to price the alternatives.
fn emulated_correct<'a>(
    vocabulary: &'a [Vec<String>],
    masks: &[Vec<u64>],
    word: &str,
    distance: fn(&str, &str) -> usize,
    early_exit: bool,
    prefilter: bool,
) -> Option<&'a str> {
    let len = word.chars().count();
    let allowed = match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    let first = word.chars().next()?;
    let mask = letter_mask(word);
    let mut best: Option<(usize, &str)> = None;
    let lo = len.saturating_sub(allowed);
    for (b, bucket) in vocabulary.iter().enumerate().take(len + allowed + 1).skip(lo) {
        for (i, candidate) in bucket.iter().enumerate() {
            if !candidate.starts_with(first) {
                continue;
            }
            if prefilter && (masks[b][i] ^ mask).count_ones() as usize > 2 * allowed {
                continue;
            }
            let d = distance(word, candidate);
            if d <= allowed && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, candidate));
                if early_exit && d <= 1 {
                    return Some(candidate);
                }
            }
        }
    }
    best.map(|(_, w)| w)
}

/// A typo-correction variant: its name, the distance, whether it stops at distance 1,
/// and whether it prefilters by letter mask.
type Variant = (&'static str, fn(&str, &str) -> usize, bool, bool);

fn typo_correction_profile(story: &Story) {
    let vocabulary = approximate_vocabulary(story);
    let masks: Vec<Vec<u64>> =
        vocabulary.iter().map(|b| b.iter().map(|w| letter_mask(w)).collect()).collect();
    let size: usize = vocabulary.iter().map(Vec::len).sum();
    let mut r = Rng(12);
    let cyrillic: Vec<String> = (0..12)
        .map(|_| {
            "п".to_string()
                + &(0..8).map(|_| char::from_u32(0x430 + r.below(32) as u32).unwrap()).collect::<String>()
        })
        .collect();
    let mut r = Rng(11);
    let latin: Vec<String> = (0..12)
        .map(|_| "s".to_string() + &(0..8).map(|_| (b'a' + r.below(26) as u8) as char).collect::<String>())
        .collect();
    // Real typos too (words the knowledge does not have, as the analyzer only
    // corrects those): the results must not change.
    let typos: Vec<String> = [
        "mobilizaton",
        "goverment",
        "nujamaa",
        "lapeenranta",
        "мобилизацыя",
        "гранитса",
        "salery",
        "photgraph",
    ]
    .iter()
    .map(|s| s.to_string())
    .filter(|w| !vocabulary.iter().flatten().any(|v| v == w))
    .collect();
    let variants: [Variant; 4] = [
        ("damerau (as shipped)", strsim::damerau_levenshtein, false, false),
        ("damerau + stop at distance 1", strsim::damerau_levenshtein, true, false),
        ("damerau + letter-mask prefilter + stop", strsim::damerau_levenshtein, true, true),
        ("osa_distance + letter-mask prefilter + stop", strsim::osa_distance, true, true),
    ];
    let real = format!("{} real typo", typos.len());
    for (set, words) in
        [("12 adversarial Cyrillic", &cyrillic), ("12 adversarial Latin", &latin), (real.as_str(), &typos)]
    {
        let reference: Vec<Option<&str>> = words
            .iter()
            .map(|w| emulated_correct(&vocabulary, &masks, w, strsim::damerau_levenshtein, false, false))
            .collect();
        for (name, distance, early, prefilter) in variants {
            let mut times: Vec<Duration> = (0..41)
                .map(|_| {
                    let t = Instant::now();
                    for w in words.iter() {
                        black_box(emulated_correct(
                            &vocabulary,
                            &masks,
                            black_box(w),
                            distance,
                            early,
                            prefilter,
                        ));
                    }
                    t.elapsed()
                })
                .collect();
            times.sort();
            let same = words
                .iter()
                .zip(&reference)
                .all(|(w, r)| emulated_correct(&vocabulary, &masks, w, distance, early, prefilter) == *r);
            println!(
                "profile/typo-correction emulated, {set} words vs ~{size} known words, {name}: median {} per question{}",
                us(times[times.len() / 2]),
                if same { "" } else { " (CHANGES a correction)" }
            );
        }
    }
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
    g.finish();

    let eval = eval_questions();
    let naive = naive_phrasings(&engine.story);
    let mut g = c.benchmark_group("matcher");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    g.bench_function(format!("shipped/respond-{}-eval-questions", eval.len()), |b| {
        b.iter(|| {
            for q in &eval {
                black_box(engine.respond(black_box(q), None));
            }
        })
    });
    g.bench_function(format!("naive/levenshtein-{}-eval-questions", eval.len()), |b| {
        b.iter(|| {
            for q in &eval {
                black_box(naive_best(&naive, black_box(q)));
            }
        })
    });
    g.finish();

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
    g.sample_size(10).measurement_time(Duration::from_secs(4));
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
