//! `storybot report` (the binary) on a records database: counts for the period, the
//! declined questions grouped by similarity, votes per entry, entries never asked.

use std::path::Path;
use std::process::{Command, Output};

use storybot::lang::Lang;
use storybot::record::{Asked, ChatKind, Question, Store, Vote, now};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

fn report(args: &[&str], data_env: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_storybot"));
    cmd.args(["--knowledge", MINI, "report"]).args(args).current_dir(std::env::temp_dir());
    match data_env {
        Some(path) => cmd.env("STORYBOT_DATA", path),
        None => cmd.env_remove("STORYBOT_DATA"),
    };
    cmd.output().unwrap()
}

fn question(outcome: Asked, entry: Option<&str>, text: Option<&str>, days_ago: i64) -> Question {
    Question {
        at: now() - days_ago * 86_400,
        chat: ChatKind::Private,
        lang: if text.is_some_and(|t| t.contains('ж')) { Lang::Ru } else { Lang::En },
        outcome,
        entry: entry.map(str::to_string),
        gap: None,
        score: 0.2,
        text: text.map(str::to_string),
    }
}

pub(crate) fn fill(path: &Path) {
    let store = Store::open(path, 90).unwrap();
    let r = store.recorder();
    for text in [
        "How much are draftees paid?",
        "how much are draftees paid",
        "How much are the draftees paid per month?",
        "how much are draftees paid",
        "Is the border with Georgia closed?",
        "is the georgia border closed",
        "best pizza dough recipe?",
    ] {
        r.question(question(Asked::Declined, None, Some(text), 1));
    }
    // Outside a 7-day report, inside a 30-day one.
    r.question(question(Asked::Declined, None, Some("weather on the moon?"), 20));
    r.question(question(Asked::Clarified, Some("book-count"), Some("books?"), 2));
    for _ in 0..3 {
        r.question(question(Asked::Answered, Some("book-count"), None, 1));
    }
    r.question(question(Asked::SmallTalk, None, None, 1));
    r.vote(Vote::new("book-count", false));
    r.vote(Vote::new("book-count", false));
    r.vote(Vote::new("book-count", true));
    store.close();
}

#[test]
fn report_groups_similar_declined_questions_and_names_what_to_write_next() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("records.sqlite3");
    fill(&path);
    let out = report(&["--days", "7", "--data", path.to_str().unwrap()], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.starts_with("What people asked in the last 7 days: 12 questions"), "{text}");
    assert!(text.contains("  answered         3   25%"), "{text}");
    assert!(text.contains("  declined         7   58%"), "{text}");
    assert!(text.contains("By language: en 12"), "{text}");
    let declined = text.split("Declined most often").nth(1).unwrap();
    let lines: Vec<&str> = declined.lines().skip(1).take(3).collect();
    assert_eq!(
        lines,
        [
            "     4×  how much are draftees paid",
            "     2×  is the georgia border closed",
            "     1×  best pizza dough recipe?"
        ],
        "{text}"
    );
    assert!(text.contains("(7 questions in 3 groups)"), "{text}");
    assert!(!text.contains("weather on the moon"), "older than 7 days: {text}");
    assert!(text.contains("Clarified most often: phrasings to add to the entry meant (1 questions in 1 groups)\n     1×  books?"), "{text}");
    assert!(text.contains("Most 👎\n     2 👎    1 👍  book-count: "), "{text}");
    assert!(text.contains("Never asked (1 of 2 entries)\n  library-opened: "), "{text}");

    // STORYBOT_DATA works like --data, and --days widens the period.
    let out = report(&["--days", "30"], Some(&path));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("13 questions") && text.contains("weather on the moon?"), "{text}");
}

#[test]
fn report_without_a_database_says_so_and_creates_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none/records.sqlite3");
    let out = report(&["--data", path.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("no records database at") && err.contains("STORYBOT_DATA"), "{err}");
    assert!(!path.parent().unwrap().exists());
}
