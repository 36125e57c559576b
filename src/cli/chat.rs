//! `storybot chat`: a terminal conversation with the same engine the bot uses.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use crate::conversation::Conversation;
use crate::engine::Engine;
use crate::reply;

pub fn run(engine: &Engine, note: Option<&str>) -> anyhow::Result<ExitCode> {
    let interactive = std::io::stdin().is_terminal();
    let meta = &engine.story.meta;
    if let Some(note) = note {
        eprintln!("{note}\n");
    }
    println!(
        "storybot: ask me about “{}” ({}, {}). /help for commands, /quit to leave.",
        meta.headline, meta.outlet, meta.date
    );
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut lines = std::io::stdin().lock().lines();
    let mut conversation = Conversation::default();
    loop {
        if interactive {
            write!(out, "\n> ")?;
            out.flush()?;
        }
        let Some(line) = lines.next() else { break };
        let line = line?;
        let line = line.trim();
        if matches!(line, "/quit" | "/exit" | "quit" | "exit") {
            break;
        }
        if line.is_empty() {
            continue;
        }
        let response = conversation.respond(engine, line, None);
        writeln!(out, "{}", reply::plain(&response.reply))?;
        if !interactive {
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `chat --json`: one conversation read from stdin, one message a line, answered as
/// `ask --json` objects, one a line, each flushed.
pub fn run_json(engine: &Engine) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut conversation = Conversation::default();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let message = line.trim_end_matches('\r');
        let response = conversation.respond(engine, message, None);
        serde_json::to_writer(&mut out, &super::ask::to_json(engine, message, &response))?;
        writeln!(out)?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
