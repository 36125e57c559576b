//! Helpers shared by storybot's integration tests.
//!
//! - [`fake_bot_api`]: a fake Telegram Bot API server over real HTTP, for
//!   end-to-end tests of the Telegram layer.
//! - [`TEST_CACHE`]: the start-up cache the tests' one-shot commands use.
//! - [`shipped_engine`], [`each_response`] and [`converse`]: the shipped knowledge's engine, loaded once,
//!   and a conversation with it message by message, as the transports hold one;
//!   [`answered_from`]: the entry one message is answered from.

pub mod fake_bot_api;

use std::path::Path;
use std::sync::OnceLock;

use storybot::conversation::Context;
use storybot::engine::{Engine, Response};
use storybot::matcher::{Correction, Outcome};
use storybot::reply::{for_decision, plain};

/// The engine over `knowledge/`, loaded once for every test that asks it.
pub fn shipped_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(Path::new("knowledge")).unwrap())
}

/// What `read` makes of each response to the messages sent in turn in one
/// conversation, each reply's context carried to the next.
pub fn each_response<T>(messages: &[&str], mut read: impl FnMut(&Engine, &Response) -> T) -> Vec<T> {
    let engine = shipped_engine();
    let mut context: Option<Context> = None;
    messages
        .iter()
        .map(|m| {
            let response = engine.respond_in(m, None, context.as_ref());
            context = response.context.clone();
            read(engine, &response)
        })
        .collect()
}

/// The outcome of each message sent in turn in one conversation, with the entries it
/// answered by id (the first, then "also").
pub fn converse(messages: &[&str]) -> Vec<(Outcome, Vec<String>)> {
    each_response(messages, |engine, response| {
        let id = |e: usize| engine.story.entries[e].id.clone();
        let outcome = outcome_of(response);
        let ids = match outcome {
            Outcome::Answer { entry, also } => [Some(entry), also].into_iter().flatten().map(id).collect(),
            _ => Vec::new(),
        };
        (outcome, ids)
    })
}

/// The entry a message is answered from first, read as a user's message is
/// (`Engine::respond`), or None for a decline or anything else.
pub fn answered_from(message: &str) -> Option<String> {
    let engine = shipped_engine();
    match outcome_of(&engine.respond(message, None)) {
        Outcome::Answer { entry, .. } => Some(engine.story.entries[entry].id.clone()),
        _ => None,
    }
}

/// A response's outcome; a message with no decision matched nothing.
pub fn outcome_of(response: &Response) -> Outcome {
    response.decision.as_ref().map(|d| d.outcome.clone()).unwrap_or(Outcome::NoMatch)
}

/// `STORYBOT_CACHE_DIR` for the binary's one-shot commands (`ask`, `chat`, `explain`):
/// a folder under the build's own `target/`, never the user's `~/.cache`.
pub const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/storybot-cache");

/// The entry a question is answered from first (None for anything else), and the
/// reply as plain text, as `Engine::ask` gives them.
pub fn entry_and_reply(engine: &Engine, question: &str) -> (Option<String>, String) {
    let decision = engine.ask(question, None).decision.unwrap();
    (answered_entry(engine, &decision.outcome), plain(&for_decision(&engine.story, &decision)))
}

/// The entry a question is answered from first, or None for anything else.
pub fn answered(engine: &Engine, question: &str) -> Option<String> {
    answered_entry(engine, &engine.ask(question, None).decision.unwrap().outcome)
}

fn answered_entry(engine: &Engine, outcome: &Outcome) -> Option<String> {
    match outcome {
        Outcome::Answer { entry, .. } => Some(engine.story.entries[*entry].id.clone()),
        _ => None,
    }
}

/// The matcher's own decision for a question, as [`entry_and_reply`], with the
/// correction the reply makes first, if any.
pub fn entry_correction_and_reply(
    engine: &Engine,
    question: &str,
) -> (Option<String>, Option<Correction>, String) {
    let decision = engine.matcher.decide(&engine.story, question, None);
    let text = plain(&for_decision(&engine.story, &decision));
    (answered_entry(engine, &decision.outcome), decision.correction, text)
}
