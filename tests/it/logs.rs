//! The binary's logs as an operator keeps them: written to a file or a pipe (journald,
//! `2> bot.log`), they are plain text, with no colour escape codes, whatever `TERM`
//! says. (Colour on a terminal is decided by `storybot::logging::use_colour`, tested
//! beside it.)

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::fake_bot_api::{FakeBotApi, TestUser, updates};
use crate::telegram_harness::{config, wait_sent_to_within};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const WAIT: Duration = Duration::from_secs(30);

/// `storybot run` against the fake Bot API, with stderr where `stderr` says; it
/// answers one question and is sent SIGTERM. The server and the data folder are
/// returned too: they must outlive the bot's shutdown.
async fn run_bot_once(stderr: Stdio) -> (std::process::Child, FakeBotApi, tempfile::TempDir) {
    let api = FakeBotApi::start_with(config()).await;
    let data = tempfile::tempdir().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_storybot"))
        .arg("run")
        .env("TELOXIDE_TOKEN", api.token())
        .env("TELOXIDE_API_URL", api.url())
        .env("STORYBOT_KNOWLEDGE", MINI)
        .env("STORYBOT_DATA", data.path().join("records.sqlite3"))
        // A colour terminal as far as the environment can tell; only stderr is not one.
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("RUST_LOG")
        .env_remove("STORYBOT_ADMINS")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap();
    api.wait_for_poll(WAIT).await;
    let ann = TestUser::new(51_001, "Ann").lang("en");
    api.push_update(updates::private_text(&ann, "how many books does the library hold?"));
    wait_sent_to_within(&api, ann.id, 1, WAIT).await;
    let term = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(term.success());
    (child, api, data)
}

fn assert_plain(log: &str) {
    assert!(log.contains("INFO") && log.contains("answered"), "the log has its lines:\n{log}");
    assert!(!log.contains('\x1b'), "escape codes in a log that is not on a terminal:\n{log:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_written_to_a_file_have_no_escape_codes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("storybot.log");
    let (mut child, _api, _data) = run_bot_once(std::fs::File::create(&path).unwrap().into()).await;
    assert!(child.wait().unwrap().success());
    assert_plain(&std::fs::read_to_string(&path).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_written_to_a_pipe_have_no_escape_codes() {
    let (child, _api, _data) = run_bot_once(Stdio::piped()).await;
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_plain(&String::from_utf8_lossy(&out.stderr));
}
