//! A killed bot loses no committed record: the real binary (`storybot run`) against the
//! fake Bot API records a question, is SIGKILLed, and starts again on the same
//! database, which still holds the record and takes new ones.

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::fake_bot_api::{FakeBotApi, TestUser, updates};
use crate::telegram_harness::{config, eventually, wait_sent_to_within};
use storybot::record::open_read;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const WAIT: Duration = Duration::from_secs(30);

/// `storybot run` in `dir` (so the database lands at the default `data/storybot.sqlite3`
/// there), logging to `dir/log-N`.
fn spawn_bot(api: &FakeBotApi, dir: &Path, n: usize) -> Child {
    let log = std::fs::File::create(dir.join(format!("log-{n}"))).unwrap();
    Command::new(env!("CARGO_BIN_EXE_storybot"))
        .arg("run")
        .current_dir(dir)
        .env("TELOXIDE_TOKEN", api.token())
        .env("TELOXIDE_API_URL", api.url())
        .env("STORYBOT_KNOWLEDGE", MINI)
        .env("RUST_LOG", "info")
        .env_remove("STORYBOT_DATA")
        .env_remove("STORYBOT_RETENTION_DAYS")
        .env_remove("STORYBOT_ADMINS")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap()
}

fn recorded(path: &Path) -> Vec<(String, Option<String>)> {
    let Ok(conn) = open_read(path) else { return Vec::new() };
    let Ok(mut stmt) = conn.prepare("SELECT outcome, entry FROM questions ORDER BY rowid") else {
        return Vec::new();
    };
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
}

fn log(dir: &Path, n: usize) -> String {
    std::fs::read_to_string(dir.join(format!("log-{n}"))).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_bot_loses_no_committed_record_and_starts_again_on_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/storybot.sqlite3");
    let api = FakeBotApi::start_with(config()).await;

    let mut first = spawn_bot(&api, dir.path(), 1);
    api.wait_for("setMyCommands", 2, WAIT).await;
    api.wait_for_poll(WAIT).await;
    let ann = TestUser::new(41_001, "Ann").lang("en");
    api.push_update(updates::private_text(&ann, "how many books does the library hold?"));
    wait_sent_to_within(&api, ann.id, 1, WAIT).await;
    let answered = ("answered".to_string(), Some("book-count".to_string()));
    eventually("the record is committed", WAIT, || recorded(&db) == std::slice::from_ref(&answered)).await;

    first.kill().unwrap(); // SIGKILL: no shutdown, no checkpoint
    let status = first.wait().unwrap();
    assert_eq!(status.signal(), Some(9), "{status:?}\n{}", log(dir.path(), 1));
    assert_eq!(recorded(&db), std::slice::from_ref(&answered), "the committed record survived");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("data")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "the data folder is the owner's only");
    }

    // The next start opens the same file and records on.
    let mut second = spawn_bot(&api, dir.path(), 2);
    api.wait_for("setMyCommands", 4, WAIT).await;
    api.wait_for_poll(WAIT).await;
    let bob = TestUser::new(41_002, "Bob").lang("en");
    api.push_update(updates::private_text(&bob, "best pizza dough recipe?"));
    wait_sent_to_within(&api, bob.id, 1, WAIT).await;
    let declined = ("declined".to_string(), None);
    eventually("the new record is committed", WAIT, || recorded(&db).len() == 2).await;

    // A clean stop this time: exit 0, everything still there.
    let term = Command::new("kill").args(["-TERM", &second.id().to_string()]).status().unwrap();
    assert!(term.success());
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the bot did not stop on SIGTERM\n{}", log(dir.path(), 2));
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(status.success(), "{status:?}\n{}", log(dir.path(), 2));
    assert_eq!(recorded(&db), [answered, declined]);
    assert!(log(dir.path(), 2).contains("recording what people ask"), "{}", log(dir.path(), 2));
    api.assert_no_violations();
}
