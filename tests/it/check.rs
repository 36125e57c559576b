//! `storybot check` as a maintainer meets it: the shipped knowledge passes `--strict`;
//! each fixture folder under `tests/fixtures/` breaks one faithfulness rule and must get
//! exactly the error that names it; one syntax mistake gets one error, not a cascade.
//! The faithfulness checks are `check`'s and the bot's (`run` refuses to start on such
//! a folder; reloads are in `telegram_reload`), not the one-shot commands': `ask`
//! answers from a folder whose only faults are faithfulness ones.

use std::path::Path;

use crate::cli::{storybot, text};

/// Runs `check` on a folder; returns the exit code and stderr's lines.
fn check(dir: &Path, strict: bool) -> (Option<i32>, Vec<String>, String) {
    let dir = dir.to_str().unwrap();
    let args: &[&str] =
        if strict { &["--knowledge", dir, "check", "--strict"] } else { &["--knowledge", dir, "check"] };
    let out = storybot(args);
    let stderr = text(&out.stderr);
    (out.status.code(), stderr.lines().map(String::from).collect(), text(&out.stdout))
}

/// The fixture folders that break one faithfulness rule each, and nothing else.
const UNFAITHFUL: [&str; 3] = ["faithful-figure", "faithful-source", "faithful-gap"];

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new("tests/fixtures").join(name)
}

/// A copy of the mini fixture with `edit` applied to one file, for rules that need
/// no folder of their own.
fn edited_mini(file: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixture("mini")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let mut content = std::fs::read_to_string(&path).unwrap();
        if name == file {
            content = edit(content);
        }
        std::fs::write(dir.path().join(&name), content).unwrap();
    }
    dir
}

#[test]
fn the_shipped_knowledge_passes_the_strict_check() {
    let (code, stderr, stdout) = check(Path::new("knowledge"), true);
    assert_eq!(code, Some(0), "{}", stderr.join("\n"));
    assert!(stdout.contains("every claim backed by a quote"), "{stdout}");
    assert!(stdout.contains("; 0 warnings"), "{stdout}");
}

#[test]
fn an_answer_that_adds_a_figure_is_an_error() {
    let dir = fixture("faithful-figure");
    let (code, stderr, _) = check(&dir, false);
    assert_eq!(code, Some(1));
    let path = dir.join("entries.toml").display().to_string();
    assert_eq!(
        stderr[..2],
        [
            format!(
                "{path}:19:36: `answer` of \"book-count\" states \"300\", which none of its quotes has; add a quote that backs it or drop it"
            ),
            format!(
                "{path}:20:32: `answer_ru` of \"book-count\" states \"300\", which none of its quotes has; add a quote that backs it or drop it"
            ),
        ]
    );
    assert_eq!(stderr.len(), 3, "two errors and the count: {stderr:#?}");
}

#[test]
fn an_entry_credited_to_the_wrong_outlet_is_an_error() {
    let dir = fixture("faithful-source");
    let (code, stderr, _) = check(&dir, false);
    assert_eq!(code, Some(1));
    let path = dir.join("entries.toml").display().to_string();
    assert!(
        stderr[0].starts_with(&format!("{path}:8:10: `source` of \"library-opened\" is \"Example News\", but the article credits its quotes to the Moon Gazette")),
        "{stderr:#?}"
    );
    assert!(stderr[1].starts_with(&format!("{path}:9:13: `source_ru` of \"library-opened\"")), "{stderr:#?}");
    assert_eq!(stderr.len(), 3, "{stderr:#?}");
}

#[test]
fn a_gap_note_naming_what_its_quotes_lack_is_an_error() {
    let dir = fixture("faithful-gap");
    let (code, stderr, _) = check(&dir, false);
    assert_eq!(code, Some(1));
    let path = dir.join("gaps.toml").display().to_string();
    assert_eq!(
        stderr[..2],
        [
            format!(
                "{path}:4:81: `note` of \"gap-cost\" states \"Lunar Town\", which the article reports but none of the gap's quotes has; add the article's words that back it to `quotes`, or drop it"
            ),
            format!(
                "{path}:5:87: `note_ru` of \"gap-cost\" states \"Лунного города\", which the article reports but none of the gap's quotes has; add the article's words that back it to `quotes`, or drop it"
            ),
        ]
    );
    assert_eq!(stderr.len(), 3, "{stderr:#?}");
}

#[test]
fn a_gap_note_may_name_what_the_article_lacks_but_not_a_figure() {
    let dir = edited_mini("gaps.toml", |gaps| {
        gaps.replace(
            "note = \"The article doesn't say what the library cost.\"",
            "note = \"The article doesn't say what the library cost or quote the Mayor of Lunar City, who put it at 5,000 credits.\"",
        )
        .replace("\"what was the price of the library\"", "\"what did the Mayor of Lunar City say it cost?\"")
    });
    let (code, stderr, _) = check(dir.path(), false);
    assert_eq!(code, Some(1));
    assert!(stderr[0].ends_with("`note` of \"gap-cost\" states \"5,000\", which the article doesn't give; a note may name what the article never mentions, but not a figure or a date it lacks: drop it"), "{stderr:#?}");
    assert_eq!(stderr.len(), 2, "the Mayor of Lunar City is declined by name: {stderr:#?}");
}

#[test]
fn a_gap_note_names_only_what_its_questions_ask_about() {
    // Asked what the library cost, a note that names the mayor tells the asker who the
    // mayor is, which the article never says.
    let dir = edited_mini("gaps.toml", |gaps| {
        gaps.replace(
            "note = \"The article doesn't say what the library cost.\"",
            "note = \"The article doesn't say what the library cost or quote the Mayor of Lunar City.\"",
        )
    });
    let (code, stderr, _) = check(dir.path(), false);
    assert_eq!(code, Some(1));
    assert!(
        stderr[1].ends_with("`note` of \"gap-cost\" names \"Lunar City\", which neither the article nor the gap's questions name; a note may say the article never mentions what its questions ask about, but naming anything else tells the asker what the article doesn't: drop it, or add a question that asks about it"),
        "{stderr:#?}"
    );
    assert!(
        stderr[0].contains("names \"Mayor\", which neither the article nor the gap's questions name"),
        "{stderr:#?}"
    );
    assert_eq!(stderr.len(), 3, "{stderr:#?}");
}

#[test]
fn a_gap_note_backed_by_its_quotes_passes() {
    let dir = edited_mini("gaps.toml", |gaps| {
        gaps.replace(
            "note = \"The article doesn't say what the library cost.\"",
            "note = \"The article doesn't say what the library cost, only that the council of Lunar Town opened it.\"\nquotes = [\"The Lunar Town council opened its first library\"]",
        )
    });
    let (code, stderr, _) = check(dir.path(), false);
    assert_eq!(code, Some(0), "{stderr:#?}");
}

#[test]
fn one_syntax_error_is_one_error() {
    let dir = fixture("one-syntax-error");
    let (code, stderr, _) = check(&dir, false);
    assert_eq!(code, Some(1));
    let path = dir.join("entries.toml").display().to_string();
    assert!(stderr[0].starts_with(&format!("{path}:13:9: TOML syntax: ")), "{stderr:#?}");
    assert_eq!(stderr[1], format!("storybot: 1 problem in {}", dir.display()));
    assert!(
        stderr[2].contains("did not parse") && stderr[2].contains("once the syntax is fixed"),
        "{stderr:#?}"
    );
    assert_eq!(stderr.len(), 3, "no problem that only follows from it (gaps' related ids): {stderr:#?}");
}

#[test]
fn an_unclosed_array_is_one_error_not_one_per_line_after_it() {
    let dir = edited_mini("entries.toml", |entries| {
        entries.replacen("related = [\"book-count\"]", "related = [\"book-count\"", 1)
    });
    let (code, stderr, _) = check(dir.path(), false);
    assert_eq!(code, Some(1));
    assert!(stderr[0].contains("entries.toml:13:") && stderr[0].contains("TOML syntax: "), "{stderr:#?}");
    assert_eq!(stderr.len(), 3, "one error, the count and the note: {stderr:#?}");
}

#[test]
fn an_unknown_russian_name_must_be_added_to_the_lexicon() {
    let dir =
        edited_mini("lexicon.toml", |lexicon| lexicon.replace("[\"Lunar Town\", \"Лунный город\"], ", ""));
    let (code, stderr, _) = check(dir.path(), false);
    assert_eq!(code, Some(1));
    assert!(
        stderr[0].contains("`answer_ru` of \"library-opened\" names \"Лунного\", which the lexicon doesn't know; add it to [entities] in lexicon.toml with its English name"),
        "{stderr:#?}"
    );
    assert_eq!(stderr.len(), 2, "{stderr:#?}");
}

#[test]
fn an_entry_has_quote_or_quotes_but_not_both() {
    let both = edited_mini("entries.toml", |entries| {
        entries.replacen(
            "related = [\"book-count\"]",
            "quotes = [\"the Moon Gazette reports.\"]\nrelated = [\"book-count\"]",
            1,
        )
    });
    let (code, stderr, _) = check(both.path(), false);
    assert_eq!(code, Some(1));
    assert!(
        stderr[0]
            .ends_with("entry #1 has both `quote` and `quotes`; keep one (`quotes = [...]` holds several)"),
        "{stderr:#?}"
    );
    let neither = edited_mini("entries.toml", |entries| {
        entries.replacen("quote = \"The Lunar Town council opened its first library on Tuesday, the Moon Gazette reports.\"\n", "", 1)
    });
    let (code, stderr, _) = check(neither.path(), false);
    assert_eq!(code, Some(1));
    assert!(
        stderr[0].contains(
            ":1:1: entry #1 is missing its quote: add `quote = \"...\"` or `quotes = [\"...\", ...]`"
        ),
        "{stderr:#?}"
    );
}

#[test]
fn a_reply_shows_every_quote_pieces_of_one_sentence_joined_and_json_lists_them() {
    let dir = edited_mini("entries.toml", |entries| {
        entries.replacen(
            "quote = \"The Lunar Town council opened its first library on Tuesday, the Moon Gazette reports.\"",
            "quotes = [\"The Lunar Town council opened its first library\", \"the Moon Gazette reports.\"]",
            1,
        )
    });
    let knowledge = dir.path().to_str().unwrap();
    let out = storybot(&["--knowledge", knowledge, "ask", "What opened on the moon?"]);
    let reply = text(&out.stdout);
    assert!(
        reply.contains("“The Lunar Town council opened its first library … the Moon Gazette reports.”"),
        "{reply}"
    );
    let out = storybot(&["--knowledge", knowledge, "ask", "--json", "What opened on the moon?"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["quote"], "The Lunar Town council opened its first library");
    assert_eq!(
        v["quotes"],
        serde_json::json!(["The Lunar Town council opened its first library", "the Moon Gazette reports."])
    );
}

#[test]
fn the_bot_refuses_to_start_on_unfaithful_knowledge() {
    let data = tempfile::tempdir().unwrap();
    for name in UNFAITHFUL {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_storybot"))
            .args(["--knowledge", fixture(name).to_str().unwrap(), "run"])
            .env("TELOXIDE_TOKEN", "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij")
            // Nothing listens there: the knowledge is refused before any request.
            .env("TELOXIDE_API_URL", "http://127.0.0.1:9")
            .env("STORYBOT_DATA", data.path().join("records.sqlite3"))
            .env_remove("STORYBOT_KNOWLEDGE")
            .env_remove("STORYBOT_WEBHOOK_URL")
            .env_remove("STORYBOT_ADMINS")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains("storybot: the knowledge has 2 problems:"), "{name}: {stderr}");
        assert!(stderr.contains("` of \""), "{name}: the problems are named: {stderr}");
    }
}

/// The decision this pins: `check` (run in CI) and the bot prove faithfulness; the
/// one-shot commands check only the structure, so `ask` starts fast on a folder that
/// passed `check`, and still answers while a maintainer is fixing a claim.
#[test]
fn ask_answers_from_a_folder_whose_only_faults_are_faithfulness_ones() {
    for name in UNFAITHFUL {
        let knowledge = fixture(name);
        let (code, stderr, _) = check(&knowledge, false);
        assert_eq!(code, Some(1), "{name} must fail `check`: {stderr:#?}");
        let out = storybot(&["--knowledge", knowledge.to_str().unwrap(), "ask", "How many books?"]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with("It holds 4,000 books"), "{name}: {}", text(&out.stdout));
    }
    // The unbacked figure is answered as written: proving it is `check`'s job.
    let out = storybot(&["--knowledge", "tests/fixtures/faithful-figure", "ask", "How many books?"]);
    assert!(text(&out.stdout).starts_with("It holds 4,000 books and 300 maps."), "{}", text(&out.stdout));
}

/// A phrasing listed under two entries is `check`'s to report (a question may belong
/// to one entry only); `ask` answers from such a folder, as from one with faithfulness
/// faults.
#[test]
fn a_phrasing_under_two_entries_is_an_error_for_check_not_for_ask() {
    let dir = edited_mini("entries.toml", |entries| {
        entries.replace("\"number of books\",", "\"number of books\", \"What opened on the moon?\",")
    });
    let (code, stderr, _) = check(dir.path(), false);
    assert_eq!(code, Some(1), "{stderr:#?}");
    let expected = "the phrasing \"What opened on the moon?\" is also under \"library-opened\"";
    assert!(stderr[0].contains(expected), "{stderr:#?}");
    let out = storybot(&["--knowledge", dir.path().to_str().unwrap(), "ask", "How many books?"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("It holds 4,000 books"), "{}", text(&out.stdout));
}

#[test]
fn ask_still_refuses_a_folder_with_structural_faults() {
    let out = storybot(&["--knowledge", "tests/fixtures/broken", "ask", "How many books?"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("quote is not verbatim in the article"), "{stderr}");
    assert!(stderr.contains("related id \"no-such-entry\" is not the id of any entry"), "{stderr}");
}

#[test]
fn a_contrast_must_use_a_word_of_the_article_and_single_words_against_it() {
    let contrast =
        "\n[[contrast]]\nword = \"first\"\nword_ru = \"первая\"\ncontradicts = [\"second\", \"last\"]\n";
    let sound = edited_mini("lexicon.toml", |lexicon| lexicon + contrast);
    let (code, stderr, _) = check(sound.path(), false);
    assert_eq!(code, Some(0), "{stderr:#?}");
    let broken = edited_mini("lexicon.toml", |lexicon| {
        lexicon + &contrast.replace("\"first\"", "\"only\"").replace("\"last\"", "\"the last\"")
    });
    let (code, stderr, _) = check(broken.path(), false);
    assert_eq!(code, Some(1));
    assert!(stderr[0].contains("the contrast word \"only\" does not occur in the article"), "{stderr:#?}");
    assert!(stderr[1].contains("\"the last\" is not one word"), "{stderr:#?}");
}

#[test]
fn a_thing_several_entries_name_needs_an_entry_that_rounds_it_up() {
    // The shipped knowledge rounds Dave Lawler up in one entry; cut that entry's quote
    // back to part of his sentence and `check` must say no entry holds all of it.
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("knowledge").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let entries = dir.path().join("entries.toml");
    let text = std::fs::read_to_string(&entries).unwrap();
    let whole = "quote = \"Analysts have questioned whether the Russian military has the wherewithal to train and equip hundreds of thousands of soldiers, many of whom likely don't want to fight this war, Axios’ Dave Lawler reports.\"";
    assert!(text.contains(whole), "the roundup this test cuts back is gone");
    let parts = "quotes = [\"Analysts have questioned whether the Russian military has the wherewithal to train and equip hundreds of thousands of soldiers\", \"Axios’ Dave Lawler reports.\"]";
    std::fs::write(&entries, text.replace(whole, parts)).unwrap();
    let (code, stderr, _) = check(dir.path(), true);
    assert_ne!(code, Some(0));
    assert!(
        stderr.iter().any(|l| l.contains("warning: Dave Lawler is named by") && l.contains("roundup entry")),
        "{}",
        stderr.join("\n")
    );
}

#[test]
fn a_small_talk_pattern_the_bot_never_takes_as_its_intent_is_a_warning() {
    // An injected order is set aside before matching: as a pattern it never greets.
    let dir = edited_mini("smalltalk.toml", |s| {
        s.replace(r#""привет"]"#, r#""привет", "pretend you are a librarian"]"#)
    });
    let (code, stderr, stdout) = check(dir.path(), true);
    let warning =
        stderr.iter().find(|l| l.contains("\"pretend you are a librarian\" (small talk \"greeting\")"));
    let warning = warning.unwrap_or_else(|| panic!("{}", stderr.join("\n")));
    assert!(warning.contains("smalltalk.toml:3:"), "{warning}");
    assert!(warning.contains("is taken as no reply of its own"), "{warning}");
    assert_ne!(code, Some(0), "--strict fails on warnings: {stdout}");
}
