//! `storybot ask`: one question in, the user's reply out, as plain text or JSON lines.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use serde::Serialize;

use crate::engine::{Engine, Response};
use crate::matcher::Outcome;
use crate::reply;

/// One line of `ask --json`; the field set is a contract (see DESIGN.md).
#[derive(Serialize)]
pub struct AskJson<'a> {
    pub question: &'a str,
    pub matched: bool,
    pub id: Option<&'a str>,
    pub score: f32,
    pub answer: Option<&'a str>,
    pub source: Option<&'a str>,
    /// The first quote (the contract's field); `quotes` has them all.
    pub quote: Option<&'a str>,
    pub quotes: Option<Vec<&'a str>>,
    /// The story's URL with a text fragment at the quote(s) shown; null when nothing
    /// matched.
    pub link: Option<String>,
    pub reply: String,
    pub suggestions: Vec<String>,
    pub lang: &'static str,
    /// answer, clarify, gap, smalltalk, none or command: why `matched` is what it is.
    pub outcome: &'static str,
}

pub fn to_json<'a>(engine: &'a Engine, question: &'a str, response: &Response) -> AskJson<'a> {
    let story = &engine.story;
    let lang = response.reply.lang;
    let (outcome, entry, score) = match &response.decision {
        None => ("command", None, 0.0),
        Some(d) => {
            let (name, entry) = match &d.outcome {
                Outcome::Answer { entry, .. } => ("answer", Some(&story.entries[*entry])),
                Outcome::Clarify { .. } => ("clarify", None),
                Outcome::Gap { .. } => ("gap", None),
                Outcome::SmallTalk { .. } => ("smalltalk", None),
                Outcome::NoMatch => ("none", None),
            };
            (name, entry, (d.score * 1000.0).round() / 1000.0)
        }
    };
    AskJson {
        question,
        matched: entry.is_some(),
        id: entry.map(|e| e.id.as_str()),
        score,
        answer: entry.map(|e| e.answer.get(lang).as_str()),
        source: entry.map(|e| e.source.get(lang).as_str()),
        quote: entry.and_then(|e| e.quotes.first()).map(String::as_str),
        quotes: entry.map(|e| e.quotes.iter().map(String::as_str).collect()),
        link: entry.and(response.reply.link.as_ref()).map(|l| l.url.clone()),
        reply: reply::plain(&response.reply),
        suggestions: response.reply.buttons.iter().map(|b| b.label.clone()).collect(),
        lang: lang.code(),
        outcome,
    }
}

/// Bytes reserved for a line: most lines (a reply with its answer and quote) fit.
const LINE_CAPACITY: usize = 4096;

/// One `ask --json` line: the object, a newline, flushed so a reader on a pipe gets
/// each answer as it is made. `chat --json` prints the same lines.
pub fn write_json(
    out: &mut dyn Write,
    engine: &Engine,
    question: &str,
    response: &Response,
) -> std::io::Result<()> {
    // The line is made whole in memory and written at once: stdout scans every write
    // for line ends, and a JSON object is many small writes.
    let mut line = Vec::with_capacity(LINE_CAPACITY);
    to_json(engine, question, response).write_to(&mut line);
    line.push(b'\n');
    out.write_all(&line)?;
    out.flush()
}

pub fn run(engine: &Engine, json: bool, words: &[String]) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let answer = |question: &str, out: &mut dyn Write| -> std::io::Result<()> {
        let response = engine.respond(question, None);
        if json {
            write_json(out, engine, question, &response)
        } else {
            writeln!(out, "{}\n", reply::plain(&response.reply))?;
            out.flush()
        }
    };
    if words.len() == 1 && words[0] == "-" {
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            answer(line.trim_end_matches('\r'), &mut out)?;
        }
    } else {
        answer(&words.join(" "), &mut out)?;
    }
    Ok(ExitCode::SUCCESS)
}
