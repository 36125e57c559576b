//! What conversation context costs (`cargo bench --bench context`): bytes per kept
//! context (printed, over the contexts every shipped entry leaves, in both
//! languages), the time to look one up and to keep one in a full store of
//! `MAX_CONTEXTS`, and a follow-up read with context beside the same message alone.
//! Results are in docs/performance.md, "Conversation context".

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use storybot::conversation::Context;
use storybot::engine::Engine;
use storybot::lang::Lang;
use storybot::reply::Action;
use storybot::telegram::{CONTEXT_TTL, ContextKey, Contexts, MAX_CONTEXTS};

/// The context each shipped entry leaves, answered as a button press, per language.
fn every_context(engine: &Engine) -> Vec<Context> {
    let mut out = Vec::new();
    for entry in &engine.story.entries {
        for lang in [Lang::En, Lang::Ru] {
            let response = engine.press(&Action::Answer(entry.id.clone()), lang).expect("an entry");
            out.extend(response.context);
        }
    }
    out
}

fn report_bytes(contexts: &[Context]) {
    let mut bytes: Vec<usize> = contexts.iter().map(Contexts::bytes_per_context).collect();
    bytes.sort_unstable();
    let mean = bytes.iter().sum::<usize>() as f64 / bytes.len() as f64;
    let full = mean * MAX_CONTEXTS as f64 / 1_048_576.0;
    println!(
        "context/bytes per chat: mean {mean:.0}, median {}, max {} (over {} contexts); a full store of {MAX_CONTEXTS}: {full:.1} MiB",
        bytes[bytes.len() / 2],
        bytes[bytes.len() - 1],
        bytes.len()
    );
}

fn benches(c: &mut Criterion) {
    let engine = Engine::load(Path::new("knowledge")).expect("the shipped knowledge");
    let contexts = every_context(&engine);
    report_bytes(&contexts);
    let store = Contexts::new(CONTEXT_TTL, MAX_CONTEXTS);
    for chat in 0..MAX_CONTEXTS {
        store.put(
            ContextKey::Private(chat as i64),
            chat as i64,
            Some(contexts[chat % contexts.len()].clone()),
        );
    }
    let mut chat = 0usize;
    c.bench_function("context/lookup in a full store", |b| {
        b.iter(|| {
            chat = (chat + 7_919) % MAX_CONTEXTS;
            black_box(store.get(ContextKey::Private(chat as i64), chat as i64))
        })
    });
    c.bench_function("context/keep in a full store (evicting)", |b| {
        b.iter(|| {
            chat += 1;
            let context = contexts[chat % contexts.len()].clone();
            store.put(ContextKey::Private((MAX_CONTEXTS + chat) as i64), chat as i64, Some(context));
        })
    });
    let tsydanov = engine.ask("Who is Alexei Tsydanov?", None).context.expect("answered");
    c.bench_function("context/follow-up read with context", |b| {
        b.iter(|| black_box(engine.ask_in("and what did he say?", None, Some(&tsydanov))))
    });
    c.bench_function("context/the same message alone", |b| {
        b.iter(|| black_box(engine.ask("and what did he say?", None)))
    });
}

criterion_group!(context, benches);
criterion_main!(context);
