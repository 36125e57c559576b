//! The binary as a user runs it: `check`, `ask`, `ask --json` and `ask --json -`,
//! options anywhere on the line, a reader that goes away, `explain`, and `--help`.
//! The faithfulness checks of `check` have their own module, `check`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};

use crate::support::TEST_CACHE;

pub(crate) fn storybot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storybot"))
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("STORYBOT_KNOWLEDGE")
        .env("STORYBOT_CACHE_DIR", TEST_CACHE)
        .output()
        .unwrap()
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const MINI: &str = "tests/fixtures/mini";

#[test]
fn check_reports_every_problem_with_its_position() {
    let out = storybot(&["--knowledge", "tests/fixtures/broken", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let expected = [
        "tests/fixtures/broken/entries.toml:10:9: quote is not verbatim in the article: \"The Lunar Town council opened its first library on Wednesday\"; copy the sentence from the article file exactly",
        "tests/fixtures/broken/entries.toml:11:12: related id \"no-such-entry\" is not the id of any entry",
        "tests/fixtures/broken/entries.toml:12:1: unknown field `colour` in entry #1; expected one of `answer`, `answer_ru`, `close_to`, `id`, `kinds`, `questions`, `questions_ru`, `quote`, `quotes`, `related`, `source`, `source_ru`, `topic`",
        "tests/fixtures/broken/entries.toml:14:1: entry #2 is missing the field `answer_ru`",
        "tests/fixtures/broken/entries.toml:15:6: duplicate entry id \"library-opened\" (first used on line 2); ids must be unique",
        "tests/fixtures/broken/entries.toml:23:10: unknown kind \"amount\"; use one of number, person, organization, place, date, time, reason, exact, list",
        "tests/fixtures/broken/gaps.toml:2:6: id \"Gap Cost\" must be lowercase-kebab (a-z, 0-9, -), like \"callup-size\"",
        "tests/fixtures/broken/story.toml:4:8: `date` must be a TOML date like 2022-09-24 (no quotes)",
        "tests/fixtures/broken/story.toml:5:7: `url` must start with https:// (found \"example.com/moon-library\")",
        "tests/fixtures/broken/story.toml:8:14: `summary_ru` must not be empty",
    ];
    for line in expected {
        assert!(stderr.lines().any(|l| l == line), "missing line:\n{line}\nin:\n{stderr}");
    }
    assert!(stderr.contains("problems in tests/fixtures/broken"), "{stderr}");
}

#[test]
fn check_reports_toml_syntax_errors_with_position() {
    let out = storybot(&["--knowledge", "tests/fixtures/syntax", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("tests/fixtures/syntax/entries.toml:3:"), "{stderr}");
    assert!(stderr.contains("TOML syntax"), "{stderr}");
}

#[test]
fn check_names_a_missing_folder() {
    let out = storybot(&["--knowledge", "tests/fixtures/nowhere", "check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("tests/fixtures/nowhere:1:1: knowledge folder does not exist"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn ask_prints_the_sourced_answer_as_plain_text() {
    let out = storybot(&["--knowledge", MINI, "ask", "how", "many", "books?"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(
            "It holds 4,000 books.\n\nSource: council spokesperson Ana Ruiz, via Example News (1 Oct 2030)"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("“The library holds 4,000 books, council spokesperson Ana Ruiz said.”"),
        "{stdout}"
    );
}

#[test]
fn ask_json_has_the_contract_fields() {
    let out = storybot(&["--knowledge", MINI, "ask", "--json", "Сколько книг в библиотеке?"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["matched"], true);
    assert_eq!(v["id"], "book-count");
    assert_eq!(v["lang"], "ru");
    assert_eq!(v["answer"], "В ней 4000 книг.");
    assert!(v["quote"].as_str().unwrap().contains("4,000 books"));
    let score = v["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score));
    assert!(v["reply"].as_str().unwrap().starts_with("В ней 4000 книг."));
    // The link opens the article at the quote; the plain reply ends with it.
    let link = v["link"].as_str().unwrap();
    assert!(link.starts_with("https://example.com/moon-library#:~:text=The%20library%20holds"), "{link}");
    let article = std::fs::read_to_string(format!("{MINI}/article.txt")).unwrap();
    let found = storybot::link::find_fragment(&article, link).map(|r| &article[r]);
    assert_eq!(found, Some("The library holds 4,000 books, council spokesperson Ana Ruiz said."));
    assert!(v["reply"].as_str().unwrap().ends_with(&format!("Читать в статье: {link}")), "{v}");
}

#[test]
fn ask_json_declines_honestly_with_nulls() {
    let out = storybot(&["--knowledge", MINI, "ask", "--json", "best pizza dough recipe?"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["matched"], false);
    for field in ["id", "answer", "source", "quote", "quotes", "link"] {
        assert!(v[field].is_null(), "{field} should be null: {v}");
    }
    // A request for advice names the thing asked about, which the story never does.
    assert!(v["reply"].as_str().unwrap().starts_with("The article doesn't mention “recipe”."), "{v}");
    assert!(!v["suggestions"].as_array().unwrap().is_empty());
}

/// `storybot ask --json -` on the small fixture, its stdin and stdout piped.
fn ask_json_stdin() -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_storybot"))
        .args(["--knowledge", MINI, "ask", "--json", "-"])
        .env("STORYBOT_CACHE_DIR", TEST_CACHE)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn ask_json_stdin_streams_one_line_per_question_in_order() {
    let mut child = ask_json_stdin();
    let questions =
        ["hello", "number of books", "", "what did the library cost?", "<b>hi</b> & 1' OR '1'='1"];
    {
        let mut stdin = child.stdin.take().unwrap();
        for q in questions {
            writeln!(stdin, "{q}").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), questions.len());
    for (line, q) in lines.iter().zip(questions) {
        assert_eq!(line["question"], q);
        assert!(!line["reply"].as_str().unwrap().is_empty());
    }
    let matched: Vec<bool> = lines.iter().map(|l| l["matched"].as_bool().unwrap()).collect();
    assert_eq!(matched, [false, true, false, false, false]);
    assert_eq!(lines[0]["outcome"], "smalltalk");
    assert_eq!(lines[3]["outcome"], "gap");
}

#[test]
fn ask_json_stdin_answers_each_question_before_the_next_arrives() {
    let mut child = ask_json_stdin();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // Each line is read while stdin is still open: it was flushed without more input.
    let mut next = || -> serde_json::Value { serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap() };
    stdin.write_all(b"how many books?\n").unwrap();
    assert_eq!(next()["question"], "how many books?");
    // Two questions in one write and the start of a third: the two are answered while
    // the third is still being typed.
    stdin.write_all(b"hello\nnumber of books\nwhat did the").unwrap();
    assert_eq!(next()["question"], "hello");
    assert_eq!(next()["question"], "number of books");
    stdin.write_all(b" library cost?\r\n").unwrap();
    assert_eq!(next()["question"], "what did the library cost?");
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn no_token_and_no_terminal_says_what_to_set() {
    let out = Command::new(env!("CARGO_BIN_EXE_storybot"))
        .env_remove("TELOXIDE_TOKEN")
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("TELOXIDE_TOKEN"), "{}", text(&out.stderr));
}

#[test]
fn options_work_after_the_question() {
    let out = storybot(&["ask", "how many books?", "--json", "--knowledge", MINI]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json after the question");
    assert_eq!(v["question"], "how many books?");
    assert_eq!(v["id"], "book-count", "--knowledge after the question: {v}");

    // The folder named after the question is the one used: it does not exist.
    let out = storybot(&["ask", "--json", "hi", "--knowledge", "tests/fixtures/nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("tests/fixtures/nowhere"), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "no answer from another folder: {}", text(&out.stdout));

    let out = storybot(&["explain", "how many books?", "--knowledge", MINI]);
    assert!(text(&out.stdout).contains("entry book-count"), "{}", text(&out.stdout));
}

#[test]
fn a_double_dash_passes_the_rest_through_as_the_question() {
    let out = storybot(&["--knowledge", MINI, "ask", "--json", "--", "--knowledge", "-x"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["question"], "--knowledge -x");
    let out = storybot(&["--knowledge", MINI, "ask", "-5 books?"]);
    assert_eq!(out.status.code(), Some(2), "without --, a leading dash is an option: clap says so");
    assert!(text(&out.stderr).contains("--"), "{}", text(&out.stderr));
}

/// Runs storybot with stdout and stderr on a pipe whose reader is already gone, as
/// `| head -1` leaves it once it has its line: every write fails with EPIPE.
fn with_a_closed_pipe(args: &[&str], input: &str) -> std::process::ExitStatus {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = Command::new(env!("CARGO_BIN_EXE_storybot"))
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("STORYBOT_KNOWLEDGE")
        .env("STORYBOT_CACHE_DIR", TEST_CACHE)
        .stdin(Stdio::piped())
        .stdout(writer.try_clone().unwrap())
        .stderr(writer)
        .spawn()
        .unwrap();
    // The child may be gone before it reads everything; that is its business.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly_instead_of_panicking() {
    let questions = "how many books?\nhello\n".repeat(50);
    let runs: [(&[&str], &str); 5] = [
        (&["--knowledge", "tests/fixtures/broken", "check"], ""),
        (&["check"], ""),
        (&["eval", "tests/eval/typos.jsonl"], ""),
        (&["--knowledge", MINI, "ask", "--json", "-"], &questions),
        (&["--knowledge", MINI, "chat", "--json"], &questions),
    ];
    for (args, input) in runs {
        let status = with_a_closed_pipe(args, input);
        // A panic exits 101; the quiet end of ripgrep and friends is 0.
        assert_eq!(status.code(), Some(0), "storybot {}: {status}", args.join(" "));
    }
}

#[test]
fn explain_speaks_in_words_and_ids() {
    let out = storybot(&["--knowledge", MINI, "explain", "how", "many", "bokks", "in", "Zanzibar?"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Outcome: answer with entry book-count"), "{stdout}");
    assert!(stdout.contains("Asks for: a number"), "{stdout}");
    assert!(stdout.lines().any(|l| l.contains("~book") && l.contains("typo fix")), "{stdout}");
    assert!(stdout.lines().any(|l| l.contains("zanzibar") && l.contains("unknown name")), "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("  ?how") && l.contains("question word")), "{stdout}");
    for mark in ["?word", "~word", "weight", "typo fix", "unknown name", "candidates"] {
        assert!(
            stdout.lines().skip_while(|l| *l != "Legend:").any(|l| l.trim_start().starts_with(mark)),
            "the legend explains {mark}: {stdout}"
        );
    }
    // No Rust debug output: no struct braces, no Option, no entry positions.
    for debug in ["Answer {", "Some(", "None", "entry: ", "asks="] {
        assert!(!stdout.contains(debug), "{debug:?} in:\n{stdout}");
    }
}

#[test]
fn help_points_only_inside_the_repo_and_describes_everything() {
    let top = storybot(&["--help"]);
    let top_help = text(&top.stdout);
    assert!(
        top_help.contains("With no command: runs the Telegram bot when TELOXIDE_TOKEN is set"),
        "{top_help}"
    );
    let mut helps = vec![top_help];
    for command in ["run", "ask", "chat", "check", "explain", "eval", "report"] {
        let out = storybot(&[command, "--help"]);
        assert!(out.status.success(), "{command} --help");
        helps.push(text(&out.stdout));
    }
    for help in &helps {
        assert!(!help.contains("../") && !help.contains("shared/"), "a path outside the repo:\n{help}");
        // Every argument and option has a description after its name.
        for line in help.lines().filter(|l| l.starts_with("  ") && l.trim_start().starts_with(['-', '<'])) {
            let (_, description) = line.trim_start().split_once("  ").unwrap_or(("", ""));
            assert!(!description.trim().is_empty(), "no description: {line:?} in\n{help}");
        }
    }
    assert!(helps[6].contains("tests/eval/"), "eval points at the repo's own sets:\n{}", helps[6]);
}
