//! Property tests on hostile input (proptest): whatever a user types or a maintainer
//! saves, nothing panics.
//!
//! - normalization never panics and keeps its caps (words, characters looked at);
//! - `Engine::respond` on any text, for the shipped story and `tests/fixtures/mini`,
//!   gives a non-empty plain reply, and Telegram HTML that parses (the fake Bot API's
//!   validator, which rejects what Telegram rejects) with every message within 4,096
//!   UTF-16 units and every button's callback data within 64 bytes;
//! - arbitrary bytes, or a mutated fixture, written as a knowledge folder never make
//!   `knowledge::load` panic: it returns the story or every problem, with positions.
//!
//! Case counts are modest so the file runs in seconds in a debug build; raise them
//! with `PROPTEST_CASES=5000 cargo test --release --test it properties`. Deeper runs:
//! the cargo-fuzz targets in `fuzz/` (docs/reliability.md).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::support::fake_bot_api::parse_html;
use proptest::prelude::*;
use proptest::test_runner::Config;
use storybot::engine::Engine;
use storybot::matcher::normalize::{MAX_CHARS, MAX_WORDS, words};
use storybot::reply::{MAX_MESSAGE, html_messages, plain};
use storybot::telegram::{Callback, MAX_CALLBACK_DATA};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn mini() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(&root().join("tests/fixtures/mini")).expect("mini loads"))
}

fn shipped() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(&root().join("knowledge")).expect("the shipped knowledge loads"))
}

/// `PROPTEST_CASES` when set, else `default` (kept small for debug builds).
fn cases(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(default);
    Config { cases, ..Config::default() }
}

/// Pieces hostile or odd messages are made of: markup and entities the HTML must
/// escape, commands and mentions, number words (folded into digits), digit groups,
/// combining marks (zalgo), bidi and zero-width characters, emoji, Cyrillic, and
/// whatever else proptest picks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<b>".to_string()),
        Just("</a>".to_string()),
        Just("&amp;".to_string()),
        Just("&".to_string()),
        Just("\"'<>".to_string()),
        Just("/ask".to_string()),
        Just("/ask@storybot".to_string()),
        Just("/start".to_string()),
        Just("/topics@storybot".to_string()),
        Just("@storybot".to_string()),
        Just("<|".to_string()),
        Just("<|im_start|>system".to_string()),
        Just("<system>".to_string()),
        Just("million".to_string()),
        Just("thousand".to_string()),
        Just("hundred".to_string()),
        Just("тысяч".to_string()),
        Just("миллионов".to_string()),
        Just("999999999999999999999".to_string()),
        Just("300,000".to_string()),
        Just("300k".to_string()),
        Just("18446744073709551616k".to_string()),
        Just("\u{0301}\u{0336}\u{20DD}".to_string()),
        Just("\u{202E}\u{200B}\u{FEFF}".to_string()),
        Just("👍🏽‍🔥".to_string()),
        Just("ﷺ".to_string()),
        Just("Ёжик й".to_string()),
        Just("how many men could be called up".to_string()),
        Just("сколько человек призовут".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        "\\PC{0,12}",
        any::<char>().prop_map(String::from),
    ]
}

/// A message: a few pieces, sometimes repeated past the matcher's caps.
fn message() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        4 => prop::collection::vec(piece(), 0..24).prop_map(|p| p.join(" ")),
        1 => (prop::collection::vec(piece(), 1..6), 1usize..400).prop_map(|(p, n)| p.join("").repeat(n)),
    ]
}

fn lang_hint() -> impl Strategy<Value = Option<String>> {
    prop_oneof![Just(None), Just(Some("en".into())), Just(Some("ru".into())), "[a-zA-Z-]{0,8}".prop_map(Some)]
}

/// What every reply must satisfy, for any input.
fn check_reply(engine: &Engine, text: &str, hint: Option<&str>) -> Result<(), TestCaseError> {
    let response = engine.respond(text, hint);
    let shown = plain(&response.reply);
    prop_assert!(!shown.trim().is_empty(), "an empty plain reply to {text:?}");
    let messages = html_messages(&response.reply);
    prop_assert!(!messages.is_empty(), "no HTML message for {text:?}");
    for message in &messages {
        let units = message.encode_utf16().count();
        prop_assert!(units <= MAX_MESSAGE, "{units} UTF-16 units for {text:?}");
        let parsed = parse_html(message);
        prop_assert!(parsed.is_ok(), "malformed HTML {:?} for {text:?}: {message}", parsed.err());
        let parsed = parsed.unwrap();
        prop_assert!(!parsed.text.is_empty(), "a message Telegram would refuse as empty for {text:?}");
        prop_assert!(parsed.utf16_len() <= MAX_MESSAGE);
    }
    for button in &response.reply.buttons {
        // `data()` leaves out what would not fit: every button must be there.
        let data = Callback::from(&button.action).data();
        prop_assert!(data.is_some(), "callback data over {MAX_CALLBACK_DATA} bytes: {:?}", button.action);
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn normalization_never_panics_and_keeps_its_caps(text in message()) {
        let out = words(&text);
        prop_assert!(out.len() <= MAX_WORDS, "{} words", out.len());
        for word in &out {
            prop_assert!(!word.is_empty());
            prop_assert!(word.chars().all(char::is_alphanumeric), "{word:?}");
        }
        // Only the first MAX_CHARS characters are looked at.
        let head: String = text.chars().take(MAX_CHARS).collect();
        prop_assert_eq!(&out, &words(&head));
        let longer = format!("{text}{}", " million hundred".repeat(MAX_CHARS));
        prop_assert!(words(&longer).len() <= MAX_WORDS);
    }
}

proptest! {
    #![proptest_config(cases(192))]

    #[test]
    fn any_message_gets_a_well_formed_reply_from_the_mini_story(text in message(), hint in lang_hint()) {
        check_reply(mini(), &text, hint.as_deref())?;
    }

    #[test]
    fn any_message_gets_a_well_formed_reply_from_the_shipped_story(text in message(), hint in lang_hint()) {
        check_reply(shipped(), &text, hint.as_deref())?;
    }
}

// ---- the knowledge loader -------------------------------------------------------

const FILES: [&str; 6] =
    ["story.toml", "article.txt", "entries.toml", "gaps.toml", "lexicon.toml", "smalltalk.toml"];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures/mini").join(name)).expect("mini fixture file")
}

/// One edit to a file's bytes.
#[derive(Clone, Debug)]
enum Edit {
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Overwrite(usize, u8),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let snippet = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..8),
        prop_oneof![
            Just(b"\"".to_vec()),
            Just(b"'''".to_vec()),
            Just(b"[[entry]]\n".to_vec()),
            Just(b"\n[story]\n".to_vec()),
            Just(b" = ".to_vec()),
            Just(b"\xff\xfe".to_vec()),
            Just(b"\\u{D800}".to_vec()),
            Just(b"id = \"\"\n".to_vec()),
            Just(b"[]".to_vec()),
            Just("й\u{0301}".as_bytes().to_vec()),
        ],
    ];
    prop_oneof![
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), snippet).prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Overwrite(at, byte)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Edit::Duplicate(at, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match edit {
        Edit::Truncate(i) => bytes.truncate(at(*i, bytes.len())),
        Edit::Insert(i, more) => {
            let i = at(*i, bytes.len());
            bytes.splice(i..i, more.iter().copied());
        }
        Edit::Overwrite(i, b) => {
            if !bytes.is_empty() {
                let i = i % bytes.len();
                bytes[i] = *b;
            }
        }
        Edit::Delete(i, n) => {
            let i = at(*i, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Edit::Duplicate(i, n) => {
            let i = at(*i, bytes.len());
            let end = (i + n).min(bytes.len());
            let copy = bytes[i..end].to_vec();
            bytes.splice(i..i, copy);
        }
    }
}

/// Writes `files` (name → bytes; `None`: absent) into `dir`.
fn write_folder(dir: &Path, files: &[(&str, Option<Vec<u8>>)]) {
    for (name, bytes) in files {
        let path = dir.join(name);
        match bytes {
            Some(bytes) => std::fs::write(&path, bytes).expect("write"),
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// Loads `dir` and checks what it returned: a story the engine can answer from, or
/// problems that each name a file, a position and what is wrong.
fn check_load(dir: &Path) -> Result<bool, TestCaseError> {
    match storybot::knowledge::load(dir) {
        Ok(story) => {
            let engine = Engine::new(story);
            check_reply(&engine, "how many books?", Some("en"))?;
            Ok(true)
        }
        Err(error) => {
            let problems = error.problems();
            prop_assert!(!problems.is_empty(), "an error without problems: {error}");
            for problem in &problems {
                prop_assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
                prop_assert!(!problem.message.trim().is_empty(), "{problem:?}");
                prop_assert!(problem.path.starts_with(dir), "{problem}");
            }
            prop_assert!(!error.to_string().is_empty());
            Ok(false)
        }
    }
}

fn temp_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().to_path_buf();
    (dir, path)
}

proptest! {
    #![proptest_config(cases(128))]

    #[test]
    fn arbitrary_bytes_as_knowledge_files_never_panic_the_loader(
        files in prop::collection::vec(prop::option::weighted(0.8, prop::collection::vec(any::<u8>(), 0..600)), 6),
    ) {
        let (_keep, dir) = temp_folder();
        let named: Vec<(&str, Option<Vec<u8>>)> = FILES.iter().copied().zip(files).collect();
        write_folder(&dir, &named);
        let loaded = check_load(&dir)?;
        prop_assert!(!loaded, "random bytes made a valid story");
    }

    #[test]
    fn a_mutated_fixture_never_panics_the_loader(
        edits in prop::collection::vec((0usize..6, prop::collection::vec(edit(), 1..4)), 1..4),
        missing in prop::option::weighted(0.1, 1usize..6),
    ) {
        let (_keep, dir) = temp_folder();
        let mut files: Vec<(&str, Option<Vec<u8>>)> = FILES.iter().map(|&f| (f, Some(fixture(f)))).collect();
        for (file, file_edits) in &edits {
            let bytes = files[*file].1.as_mut().expect("present");
            for e in file_edits {
                apply(bytes, e);
            }
        }
        if let Some(i) = missing {
            files[i].1 = None;
        }
        write_folder(&dir, &files);
        check_load(&dir)?;
    }
}

#[test]
fn the_unmutated_fixture_loads() {
    // The mutation test starts from a valid folder, or it would test nothing deep.
    let (_keep, dir) = temp_folder();
    let files: Vec<(&str, Option<Vec<u8>>)> = FILES.iter().map(|&f| (f, Some(fixture(f)))).collect();
    write_folder(&dir, &files);
    let engine = Engine::load(&dir).expect("the mini fixture copied loads");
    assert!(!engine.story.entries.is_empty());
}
