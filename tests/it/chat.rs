//! `storybot chat` as people use it: typed into a terminal (a pseudo-terminal here,
//! so the line editor is the real one), piped in by a script, and as `chat --json`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const MINI: &str = "tests/fixtures/mini";

fn chat(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_storybot"));
    command
        .args(["--knowledge", MINI, "chat"])
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("STORYBOT_KNOWLEDGE")
        .env("STORYBOT_CACHE_DIR", crate::support::TEST_CACHE);
    command
}

#[test]
fn chat_json_prints_one_ask_json_line_per_message_as_each_comes() {
    let mut child = chat(&["--json"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut say = |message: &str| -> serde_json::Value {
        writeln!(stdin, "{message}").unwrap();
        // Each line is read while stdin is still open: it was flushed on its own.
        serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap()
    };
    let hello = say("hello");
    assert_eq!(hello["outcome"], "smalltalk");
    let first = hello["suggestions"][0].as_str().unwrap().to_string();
    let picked = say("1");
    assert_eq!(picked["question"], "1");
    assert_eq!(picked["matched"], true, "1 picks the first suggestion: {picked}");
    assert!(picked["reply"].as_str().unwrap().starts_with(picked["answer"].as_str().unwrap()));
    let books = say("how many books?");
    assert_eq!(books["id"], "book-count");
    for field in
        ["question", "matched", "id", "score", "answer", "source", "quote", "reply", "suggestions", "lang"]
    {
        assert!(books.get(field).is_some(), "{field} missing: {books}");
    }
    assert!(!say("")["reply"].as_str().unwrap().is_empty(), "an empty line gets its line too");
    assert_eq!(say("/quit")["matched"], false, "a line of its own, not the end");
    drop(stdin);
    assert!(child.wait().unwrap().success());
    assert!(!first.is_empty());
}

#[test]
fn chat_from_a_pipe_reads_lines_plainly() {
    let mut child = chat(&[]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"how many books?\n\n/quit\nhello\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("storybot: ask me about"), "{stdout}");
    assert!(stdout.contains("It holds 4,000 books."), "{stdout}");
    assert!(!stdout.contains("> "), "no prompt when nobody types: {stdout}");
    assert!(!stdout.contains("Hi! Ask me"), "/quit ends the chat: {stdout}");
}

#[cfg(unix)]
mod terminal {
    use std::fs::File;
    use std::io::{Read, Write};
    use std::os::fd::OwnedFd;
    use std::process::{Child, Stdio};
    use std::sync::{Arc, Mutex};
    use std::thread::JoinHandle;
    use std::time::{Duration, Instant};

    use nix::pty::openpty;

    /// How long to wait for the chat to show something before calling it stuck: a
    /// guard against hanging, not a speed check (an answer takes milliseconds).
    const STUCK: Duration = Duration::from_secs(30);

    /// The chat on a pseudo-terminal, and everything it has written to it.
    struct Terminal {
        child: Child,
        keys: File,
        screen: Arc<Mutex<Vec<u8>>>,
        /// Reads the screen until the chat has exited and closed the terminal.
        reader: Option<JoinHandle<()>>,
    }

    impl Terminal {
        fn start() -> Terminal {
            let pty = openpty(None, None).unwrap();
            let side = |fd: &OwnedFd| Stdio::from(fd.try_clone().unwrap());
            let child = super::chat(&[])
                .env("TERM", "xterm")
                .stdin(side(&pty.slave))
                .stdout(side(&pty.slave))
                .stderr(side(&pty.slave))
                .spawn()
                .unwrap();
            // Only the child holds the terminal now: when it exits, reads end.
            drop(pty.slave);
            let keys = File::from(pty.master);
            let mut output = keys.try_clone().unwrap();
            let screen = Arc::new(Mutex::new(Vec::new()));
            let sink = Arc::clone(&screen);
            let reader = std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n @ 1..) = output.read(&mut buf) {
                    sink.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            });
            Terminal { child, keys, screen, reader: Some(reader) }
        }

        fn screen(&self) -> String {
            String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
        }

        fn type_keys(&mut self, keys: &str) {
            self.keys.write_all(keys.as_bytes()).unwrap();
        }

        /// Waits until `text` has been shown `times` times in all.
        fn wait_for(&self, text: &str, times: usize) {
            let start = Instant::now();
            while self.screen().matches(text).count() < times {
                assert!(
                    start.elapsed() < STUCK,
                    "waited for {text:?} ×{times}; the screen:\n{}",
                    self.screen()
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }

        /// Waits until the prompt is shown again after the last `text`: the editor
        /// is reading keys (what is typed before that may be lost with the line).
        fn wait_for_prompt_after(&self, text: &str) {
            let start = Instant::now();
            while !self.screen().rsplit_once(text).is_some_and(|(_, after)| after.contains(PROMPT)) {
                assert!(start.elapsed() < STUCK, "no prompt after {text:?}; the screen:\n{}", self.screen());
                std::thread::sleep(Duration::from_millis(20));
            }
        }

        fn wait_for_exit(&mut self) -> std::process::ExitStatus {
            let start = Instant::now();
            loop {
                if let Some(status) = self.child.try_wait().unwrap() {
                    // Everything it wrote before it exited is on the screen.
                    self.reader.take().unwrap().join().unwrap();
                    return status;
                }
                if start.elapsed() > STUCK {
                    let _ = self.child.kill();
                    panic!("the chat did not leave; the screen:\n{}", self.screen());
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    const PROMPT: &str = "> ";
    const ANSWER: &str = "It holds 4,000 books.";
    /// The last line under the answer: its one suggestion.
    const UNDER_ANSWER: &str = "1. What opened on the moon?";
    const GREETING: &str = "Hi! Ask me about";

    #[test]
    fn the_terminal_chat_edits_lines_and_keeps_a_history() {
        let mut term = Terminal::start();
        term.wait_for_prompt_after("/quit to leave.");
        term.type_keys("how many books?\r");
        term.wait_for(ANSWER, 1);
        term.wait_for_prompt_after(UNDER_ANSWER);

        // ↑ brings the question back, Enter asks it again.
        term.type_keys("\x1b[A\r");
        term.wait_for(ANSWER, 2);
        term.wait_for_prompt_after(UNDER_ANSWER);

        // Ctrl-C drops the half-typed line: "hello" is asked on its own.
        term.type_keys("what opened\x03");
        term.wait_for_prompt_after("what opened");
        term.type_keys("hello\r");
        term.wait_for(GREETING, 1);
        term.wait_for_prompt_after(UNDER_ANSWER);

        // Editing: type the end first, go to the start (Ctrl-A) and type the rest.
        term.type_keys("books?\x01how many \r");
        term.wait_for(ANSWER, 3);
        term.wait_for_prompt_after(UNDER_ANSWER);

        // "1" picks the first suggestion under the last reply, as a tap would.
        term.type_keys("1\r");
        term.wait_for("Lunar Town's council opened its first library.", 1);
        term.wait_for_prompt_after("Lunar Town's council");

        // Ctrl-D leaves, and leaves the shell's prompt on a fresh line.
        term.type_keys("\x04");
        let status = term.wait_for_exit();
        assert!(status.success(), "{status}");
        let screen = term.screen();
        assert!(screen.ends_with('\n'), "no newline after Ctrl-D: {:?}", &screen[screen.len() - 20..]);
        assert!(!screen.contains("^[[A"), "an arrow key typed as text: {screen}");
        assert!(!screen.contains("what openedhello"), "Ctrl-C did not clear the line: {screen}");
    }
}
