//! The start-up cache as a maintainer meets it: `ask` answers from it only what the
//! knowledge says now, a damaged entry is rebuilt, a cache folder that cannot be
//! written never stops an answer, `STORYBOT_CACHE_DIR=off` writes nothing, the cache
//! lives where the environment says, `check` never answers from it but leaves the
//! engine of a valid folder for the commands after it, and `report` names entries
//! from it only while it holds the knowledge as it is. Every run
//! here has its own cache folder, never the user's `~/.cache`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const MINI: &str = "tests/fixtures/mini";
const QUESTION: &str = "How many books does the library hold?";
/// What the cache logs at debug level on a hit.
const HIT: &str = "engine read from the start-up cache";
/// The variables that say where the cache lives.
const WHERE: [&str; 3] = ["STORYBOT_CACHE_DIR", "XDG_CACHE_HOME", "HOME"];

/// The binary on `knowledge` with only `env` saying where the cache lives (none of
/// [`WHERE`] otherwise), logging the cache's steps.
fn storybot(knowledge: &Path, env: &[(&str, &OsStr)], args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_storybot"));
    command.arg("--knowledge").arg(knowledge).args(args);
    for name in WHERE.iter().chain(&["TELOXIDE_TOKEN", "STORYBOT_KNOWLEDGE"]) {
        command.env_remove(name);
    }
    command.envs(env.iter().copied()).env("RUST_LOG", "storybot::cache=debug").stdin(Stdio::null());
    command
}

/// `ask --json QUESTION` with the cache at `cache` (a folder, or "off").
fn ask(knowledge: &Path, cache: impl AsRef<OsStr>) -> Output {
    storybot(knowledge, &[("STORYBOT_CACHE_DIR", cache.as_ref())], &["ask", "--json", QUESTION])
        .output()
        .unwrap()
}

/// The answer `ask --json` printed; the run must have succeeded.
fn answer(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["answer"].as_str().unwrap_or_else(|| panic!("no answer: {json}")).to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn hit(out: &Output) -> bool {
    stderr(out).contains(HIT)
}

/// Every file under `dir`, recursively, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A copy of the mini knowledge to edit.
fn mini_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in files(Path::new(MINI)) {
        std::fs::copy(&file, dir.path().join(file.file_name().unwrap())).unwrap();
    }
    dir
}

fn edit(path: &Path, change: impl Fn(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, change(text)).unwrap();
}

/// The one entry in `cache`: one per knowledge folder, and no temporary file left.
fn only_entry(cache: &Path) -> PathBuf {
    let files = files(cache);
    assert_eq!(files.len(), 1, "one entry, replaced rather than added to: {files:?}");
    files[0].clone()
}

#[test]
fn an_edited_knowledge_file_is_never_answered_from_the_old_cache() {
    let knowledge = mini_copy();
    let (dir, cache) = (knowledge.path(), tempfile::tempdir().unwrap());
    let first = ask(dir, cache.path());
    assert_eq!(answer(&first), "It holds 4,000 books.");
    assert!(!hit(&first), "nothing cached yet");
    only_entry(cache.path());
    let again = ask(dir, cache.path());
    assert!(hit(&again), "{}", stderr(&again));
    assert_eq!(answer(&again), "It holds 4,000 books.");

    edit(&dir.join("entries.toml"), |t| t.replace("It holds 4,000 books.", "It holds four thousand books."));
    let edited = ask(dir, cache.path());
    assert_eq!(answer(&edited), "It holds four thousand books.", "answered at once from the edit");
    assert!(stderr(&edited).contains("built from other knowledge"), "{}", stderr(&edited));
    only_entry(cache.path());
    let again = ask(dir, cache.path());
    assert!(hit(&again));
    assert_eq!(answer(&again), "It holds four thousand books.");

    // Every file the load reads is in the key: the article, the lexicon, and whether
    // an optional file is there at all.
    let changed = |what: &str| {
        let out = ask(dir, cache.path());
        assert!(!hit(&out), "{what}: the old entry answered");
        assert_eq!(answer(&out), "It holds four thousand books.", "{what}");
        assert!(hit(&ask(dir, cache.path())), "{what}: the new entry is stored");
    };
    edit(&dir.join("article.txt"), |t| t + "\nOne more sentence.\n");
    changed("the article");
    edit(&dir.join("lexicon.toml"), |t| t + "\n# a comment\n");
    changed("the lexicon");
    std::fs::remove_file(dir.join("smalltalk.toml")).unwrap();
    changed("small talk removed");
    only_entry(cache.path());
}

#[test]
fn a_damaged_or_cut_short_entry_is_rebuilt_and_the_answer_is_right() {
    let mini = Path::new(MINI);
    let right = answer(&ask(mini, "off"));
    let cache = tempfile::tempdir().unwrap();
    answer(&ask(mini, cache.path()));
    let entry = only_entry(cache.path());
    let whole = std::fs::read(&entry).unwrap();
    let mut flipped = whole.clone();
    flipped[whole.len() * 2 / 3] ^= 0x55;
    let damages: [(&str, Vec<u8>); 4] = [
        ("a byte changed", flipped),
        ("cut short", whole[..whole.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("not an entry", b"not a cache entry at all".to_vec()),
    ];
    for (what, bytes) in damages {
        std::fs::write(&entry, bytes).unwrap();
        let out = ask(mini, cache.path());
        assert!(!hit(&out), "{what}: read anyway");
        assert!(stderr(&out).contains("start-up cache miss"), "{what}: {}", stderr(&out));
        assert_eq!(answer(&out), right, "{what}");
        assert_eq!(std::fs::read(&entry).unwrap().len(), whole.len(), "{what}: rebuilt whole");
        assert!(hit(&ask(mini, cache.path())), "{what}: the rebuilt entry answers");
    }
}

#[test]
fn a_cache_folder_that_cannot_be_written_still_answers() {
    let mini = Path::new(MINI);
    let right = answer(&ask(mini, "off"));
    let dir = tempfile::tempdir().unwrap();
    // A folder under a plain file can never be made, not even by root.
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "").unwrap();
    let out = ask(mini, blocker.join("cache"));
    assert_eq!(answer(&out), right);
    assert!(stderr(&out).contains("not stored in the start-up cache"), "{}", stderr(&out));
    assert_eq!(files(dir.path()), [blocker]);
}

#[test]
fn off_writes_nothing_anywhere() {
    let knowledge = mini_copy();
    let before = files(knowledge.path());
    let (home, xdg) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let env = [
        ("STORYBOT_CACHE_DIR", OsStr::new("off")),
        ("HOME", home.path().as_os_str()),
        ("XDG_CACHE_HOME", xdg.path().as_os_str()),
    ];
    for args in [&["ask", "--json", QUESTION][..], &["explain", QUESTION]] {
        let out = storybot(knowledge.path(), &env, args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(files(home.path()), Vec::<PathBuf>::new());
    assert_eq!(files(xdg.path()), Vec::<PathBuf>::new());
    assert_eq!(files(knowledge.path()), before, "nothing written into the knowledge");
}

#[test]
fn the_cache_lives_where_the_environment_says_and_never_in_the_knowledge() {
    let mini = Path::new(MINI);
    let (home, xdg) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let run = |env: &[(&str, &OsStr)]| storybot(mini, env, &["ask", "--json", QUESTION]).output().unwrap();
    answer(&run(&[("HOME", home.path().as_os_str())]));
    only_entry(&home.path().join(".cache/storybot"));
    answer(&run(&[("HOME", home.path().as_os_str()), ("XDG_CACHE_HOME", xdg.path().as_os_str())]));
    only_entry(&xdg.path().join("storybot"));

    let knowledge = mini_copy();
    let inside = knowledge.path().join("cache");
    let out = ask(knowledge.path(), &inside);
    assert_eq!(answer(&out), "It holds 4,000 books.");
    assert!(stderr(&out).contains("inside the knowledge folder"), "{}", stderr(&out));
    assert!(!inside.exists(), "nothing written into the knowledge");
}

#[test]
fn every_one_shot_command_reads_the_cache_and_check_never_does() {
    // Structurally sound, so `ask` answers and caches it; `check` proves the rest and
    // must still find that an answer states a figure its quotes do not.
    let unfaithful = Path::new("tests/fixtures/faithful-figure");
    let cache = tempfile::tempdir().unwrap();
    let env = [("STORYBOT_CACHE_DIR", cache.path().as_os_str())];
    assert!(!hit(&ask(unfaithful, cache.path())));
    for args in [&["ask", QUESTION][..], &["explain", QUESTION]] {
        let out = storybot(unfaithful, &env, args).output().unwrap();
        assert!(out.status.success() && hit(&out), "{args:?}: {}", stderr(&out));
    }
    let mut chat = storybot(unfaithful, &env, &["chat", "--json"]);
    let out = chat.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    std::io::Write::write_all(&mut out.stdin.as_ref().unwrap(), format!("{QUESTION}\n").as_bytes()).unwrap();
    let out = out.wait_with_output().unwrap();
    assert!(out.status.success() && hit(&out), "chat --json: {}", stderr(&out));

    let check = storybot(unfaithful, &env, &["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    assert!(stderr(&check).contains("which none of its quotes has"), "{}", stderr(&check));
    assert!(!hit(&check));
}

#[test]
fn a_valid_check_leaves_the_engine_for_the_next_ask_and_an_invalid_one_nothing() {
    let knowledge = mini_copy();
    let (dir, cache) = (knowledge.path(), tempfile::tempdir().unwrap());
    let env = [("STORYBOT_CACHE_DIR", cache.path().as_os_str())];
    let check = storybot(dir, &env, &["check"]).output().unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stderr(&check).contains("engine stored in the start-up cache"), "{}", stderr(&check));
    only_entry(cache.path());
    let first = ask(dir, cache.path());
    assert!(hit(&first), "the check's engine answers: {}", stderr(&first));
    assert_eq!(answer(&first), "It holds 4,000 books.");
    // Edited after the check: what it stored never answers.
    edit(&dir.join("entries.toml"), |t| t.replace("It holds 4,000 books.", "It holds four thousand books."));
    let edited = ask(dir, cache.path());
    assert!(!hit(&edited));
    assert_eq!(answer(&edited), "It holds four thousand books.");

    // A folder that fails its check (broken, or a claim its quotes do not back) leaves
    // nothing behind.
    for failing in ["tests/fixtures/broken", "tests/fixtures/faithful-figure"] {
        let cache = tempfile::tempdir().unwrap();
        let env = [("STORYBOT_CACHE_DIR", cache.path().as_os_str())];
        let check = storybot(Path::new(failing), &env, &["check"]).output().unwrap();
        assert_eq!(check.status.code(), Some(1), "{failing}: {}", stderr(&check));
        assert_eq!(files(cache.path()), Vec::<PathBuf>::new(), "{failing}");
    }
}

#[test]
fn report_names_entries_from_the_cache_only_while_it_holds_the_knowledge_as_it_is() {
    let knowledge = mini_copy();
    let (dir, cache, data) = (knowledge.path(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let records = data.path().join("records.sqlite3");
    crate::record_report::fill(&records);
    let env = [("STORYBOT_CACHE_DIR", cache.path().as_os_str())];
    let report = || {
        let out = storybot(dir, &env, &["report", "--data", records.to_str().unwrap()]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        (String::from_utf8_lossy(&out.stdout).into_owned(), hit(&out))
    };
    answer(&ask(dir, cache.path()));
    let (text, from_cache) = report();
    assert!(from_cache, "the entry `ask` left is read");
    assert!(text.contains("Never asked (1 of 2 entries)\n  library-opened: "), "{text}");
    // An id renamed since: the old entry never names it.
    for file in ["entries.toml", "gaps.toml"] {
        edit(&dir.join(file), |t| t.replace("library-opened", "library-opening"));
    }
    let (text, from_cache) = report();
    assert!(!from_cache);
    assert!(text.contains("Never asked (1 of 2 entries)\n  library-opening: "), "{text}");
}
