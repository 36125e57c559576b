//! `storybot chat`: a conversation in the terminal with the same engine the bot uses.
//! On a terminal it edits lines with rustyline (arrows, history, Ctrl-C clears the
//! line, Ctrl-D leaves); from a pipe it reads lines plainly, so it stays scriptable.
//! `chat --json` prints one `ask --json` object a line instead. Every message goes
//! through one [`Conversation`], in turn.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use rustyline::error::ReadlineError;
use rustyline::history::MemHistory;
use rustyline::{Config, Editor};

use super::conversation::Conversation;
use super::{say, tell};
use crate::engine::{self, Engine, Input};
use crate::lang::Lang;
use crate::reply;

const PROMPT: &str = "> ";

/// Questions kept for ↑/↓, in memory only: they go when the chat ends, and nothing a
/// reader typed is written to disk. A long chat is a few hundred questions.
const HISTORY_LINES: usize = 1_000;

/// What `/help` adds in the terminal to the bot's own help.
const TERMINAL_HELP_EN: &str = "In this terminal: type 1, 2, 3… to pick a suggestion under the last \
     reply; /topics NAME or /topics N shows a topic's questions; ↑ and ↓ bring back earlier questions; \
     Ctrl-C clears the line; /quit or Ctrl-D leaves.";
const TERMINAL_HELP_RU: &str = "В терминале: наберите 1, 2, 3…, чтобы выбрать вопрос из списка под \
     последним ответом; /topics НАЗВАНИЕ или /topics N — вопросы одной темы; ↑ и ↓ — прежние вопросы; \
     Ctrl-C стирает строку; /quit или Ctrl-D — выход.";

/// The terminal chat; `note` is said first (why `storybot` alone started it).
pub fn run(engine: &Engine, note: Option<&str>) -> anyhow::Result<ExitCode> {
    if let Some(note) = note {
        tell(format_args!("{note}\n"))?;
    }
    let meta = &engine.story.meta;
    say(format_args!(
        "storybot: ask me about “{}” ({}, {}). /help for commands, /quit to leave.",
        meta.headline, meta.outlet, meta.date
    ))?;
    if std::io::stdin().is_terminal() { edited_lines(engine) } else { plain_lines(engine) }
}

/// `chat --json`: every line of standard input is one message of one conversation,
/// and gets exactly one `ask --json` line, even an empty or a "/quit" one, so a reader
/// can pair them up.
pub fn run_json(engine: &Engine) -> anyhow::Result<ExitCode> {
    let mut chat = Conversation::new(engine);
    let stdout = std::io::stdout().lock();
    super::ask::json_lines(std::io::stdin(), stdout, engine, |message| chat.reply_to(message))?;
    Ok(ExitCode::SUCCESS)
}

/// The settings of the line editor: emacs keys (rustyline's default), history in
/// memory without repeats or lines typed with a leading space.
fn editor_config() -> rustyline::Result<Config> {
    Ok(Config::builder()
        .auto_add_history(true)
        .max_history_size(HISTORY_LINES)?
        .history_ignore_dups(true)?
        .history_ignore_space(true)
        .build())
}

fn edited_lines(engine: &Engine) -> anyhow::Result<ExitCode> {
    let mut editor: Editor<(), MemHistory> = Editor::with_history(editor_config()?, MemHistory::new())?;
    let mut chat = Conversation::new(engine);
    loop {
        match editor.readline(PROMPT) {
            Ok(line) => match turn(&mut chat, &line) {
                Turn::Leave => break,
                Turn::Nothing => {}
                Turn::Say(text) => say(format_args!("{text}\n"))?,
            },
            // Ctrl-C: the line is dropped, and a fresh prompt follows.
            Err(ReadlineError::Interrupted) => {}
            Err(ReadlineError::Eof) => {
                // Ctrl-D: leave the shell's prompt on a line of its own.
                say("")?;
                break;
            }
            Err(error) => return Err(error.into()),
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn plain_lines(engine: &Engine) -> anyhow::Result<ExitCode> {
    let mut chat = Conversation::new(engine);
    for line in std::io::stdin().lock().lines() {
        match turn(&mut chat, &line?) {
            Turn::Leave => break,
            Turn::Nothing => {}
            Turn::Say(text) => say(format_args!("{text}\n"))?,
        }
    }
    Ok(ExitCode::SUCCESS)
}

enum Turn {
    Say(String),
    Nothing,
    Leave,
}

/// One typed line: leave, skip a blank line, or the reply with its suggestions
/// numbered (and, for `/help`, what the terminal adds).
fn turn(chat: &mut Conversation, line: &str) -> Turn {
    let line = line.trim();
    if matches!(line.to_lowercase().as_str(), "/quit" | "/exit" | "quit" | "exit") {
        return Turn::Leave;
    }
    if line.is_empty() {
        return Turn::Nothing;
    }
    let response = chat.reply_to(line);
    let mut text = reply::plain_numbered(&response.reply);
    if engine::parse_input(line) == Input::Command(engine::Command::Help) {
        text.push_str("\n\n");
        text.push_str(match response.reply.lang {
            Lang::En => TERMINAL_HELP_EN,
            Lang::Ru => TERMINAL_HELP_RU,
        });
    }
    Turn::Say(text)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use rustyline::config::{EditMode, HistoryDuplicates};

    use super::*;

    #[test]
    fn the_editor_keeps_a_history_in_memory_with_emacs_keys() {
        let config = editor_config().unwrap();
        assert!(config.auto_add_history(), "every question goes into the history");
        assert_eq!(config.max_history_size(), HISTORY_LINES);
        assert_eq!(config.history_duplicates(), HistoryDuplicates::IgnoreConsecutive);
        assert!(config.history_ignore_space());
        assert_eq!(config.edit_mode(), EditMode::Emacs, "arrows, Ctrl-A/E, Ctrl-L clear the screen");
    }

    #[test]
    fn help_in_the_terminal_says_how_to_leave_and_pick() {
        let engine = Engine::load(Path::new("tests/fixtures/mini")).unwrap();
        let mut chat = Conversation::new(&engine);
        let Turn::Say(help) = turn(&mut chat, "/help") else { panic!("no reply to /help") };
        assert!(
            help.contains("/quit") && help.contains("1, 2, 3") && help.contains("/topics NAME"),
            "{help}"
        );
        assert!(matches!(turn(&mut chat, "  "), Turn::Nothing));
        assert!(matches!(turn(&mut chat, "/QUIT"), Turn::Leave));
    }

    #[test]
    fn suggestions_are_numbered() {
        let engine = Engine::load(Path::new("tests/fixtures/mini")).unwrap();
        let mut chat = Conversation::new(&engine);
        let Turn::Say(text) = turn(&mut chat, "hello") else { panic!("no reply") };
        assert!(text.contains("\n1. ") && !text.contains('•'), "{text}");
    }
}
