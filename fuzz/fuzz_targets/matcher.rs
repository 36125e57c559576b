//! Fuzzes normalization, matching and reply rendering: the input (as UTF-8, lossily)
//! is a message to the shipped story and to `tests/fixtures/mini`. Nothing may
//! panic; the plain reply is never empty; every Telegram HTML message parses (the fake
//! Bot API's validator, shared with the tests) and fits 4,096 UTF-16 units.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use storybot::engine::Engine;
use storybot::matcher::normalize::{MAX_WORDS, words};
use storybot::reply::{MAX_MESSAGE, html_messages, plain};

#[path = "../../tests/support/fake_bot_api/html.rs"]
#[allow(dead_code)]
mod html;

fn engines() -> &'static [Engine; 2] {
    static ENGINES: OnceLock<[Engine; 2]> = OnceLock::new();
    ENGINES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let load = |dir: &str| Engine::load(&root.join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
        [load("knowledge"), load("tests/fixtures/mini")]
    })
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the language hint; the rest is the message.
    let (hint, text) = match data.split_first() {
        Some((b, rest)) => ([None, Some("en"), Some("ru"), Some("de")][(*b % 4) as usize], rest),
        None => (None, data),
    };
    let text = String::from_utf8_lossy(text);
    assert!(words(&text).len() <= MAX_WORDS);
    for engine in engines() {
        let reply = engine.respond(&text, hint).reply;
        assert!(!plain(&reply).trim().is_empty());
        for message in html_messages(&reply) {
            assert!(message.encode_utf16().count() <= MAX_MESSAGE);
            if let Err(e) = html::parse_html(&message) {
                panic!("malformed HTML ({e}): {message}");
            }
        }
    }
});
