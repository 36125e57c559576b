//! `storybot ask`: one question in, the user's reply out, as plain text or JSON lines.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
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
    pub quotes: Option<&'a [String]>,
    /// The story's URL with a text fragment at the quote(s) shown; null when nothing
    /// matched.
    pub link: Option<&'a str>,
    pub reply: &'a str,
    /// The buttons' labels.
    #[serde(serialize_with = "labels")]
    pub suggestions: &'a [reply::Button],
    pub lang: &'static str,
    /// answer, clarify, gap, smalltalk, none or command: why `matched` is what it is.
    pub outcome: &'static str,
}

fn labels<S: serde::Serializer>(buttons: &&[reply::Button], to: S) -> Result<S::Ok, S::Error> {
    to.collect_seq(buttons.iter().map(|b| &b.label))
}

/// The line for `response` to `question`; `plain` is the reply as plain text
/// ([`reply::plain`]).
pub fn to_json<'a>(
    engine: &'a Engine,
    question: &'a str,
    response: &'a Response,
    plain: &'a str,
) -> AskJson<'a> {
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
        quotes: entry.map(|e| e.quotes.as_slice()),
        link: entry.and(response.reply.link.as_ref()).map(|l| l.url.as_str()),
        reply: plain,
        suggestions: &response.reply.buttons,
        lang: lang.code(),
        outcome,
    }
}

/// Bytes reserved for a line: most lines (a reply with its answer and quote) fit.
const LINE_CAPACITY: usize = 4096;
/// Input read ahead, and output held back while more input is already there.
const PIPE_BUFFER: usize = 64 * 1024;

/// Writes `ask --json` lines, each made whole in memory (a JSON object is many small
/// writes) in buffers kept from line to line.
pub struct JsonLines<W: Write> {
    out: W,
    line: Vec<u8>,
    plain: String,
}

impl<W: Write> JsonLines<W> {
    pub fn new(out: W) -> JsonLines<W> {
        JsonLines { out, line: Vec::with_capacity(LINE_CAPACITY), plain: String::new() }
    }

    /// Writes the line for `response` to `question`; with `flush`, the reader gets it
    /// (and every line before it) now.
    pub fn write(
        &mut self,
        engine: &Engine,
        question: &str,
        response: &Response,
        flush: bool,
    ) -> std::io::Result<()> {
        self.plain.clear();
        reply::plain_into(&response.reply, &mut self.plain);
        self.line.clear();
        to_json(engine, question, response, &self.plain).write_to(&mut self.line);
        self.line.push(b'\n');
        self.out.write_all(&self.line)?;
        if flush { self.out.flush() } else { Ok(()) }
    }
}

/// Answers every line of `input` with `answer`, one JSON line each, in order, each
/// line flushed as it is written: the contract says so, and a reader that waits for
/// one answer before it reads on must never wait on a buffer (buffered otherwise, so
/// a line costs one write, not several).
pub fn json_lines<W: Write>(
    input: impl Read,
    out: W,
    engine: &Engine,
    mut answer: impl FnMut(&str) -> Response,
) -> std::io::Result<()> {
    let mut input = BufReader::with_capacity(PIPE_BUFFER, input);
    let mut out = JsonLines::new(BufWriter::with_capacity(PIPE_BUFFER, out));
    let mut question = String::new();
    loop {
        question.clear();
        if input.read_line(&mut question)? == 0 {
            return out.out.flush();
        }
        let question = question.strip_suffix('\n').unwrap_or(&question);
        let question = question.trim_end_matches('\r');
        out.write(engine, question, &answer(question), true)?;
    }
}

pub fn run(engine: &Engine, json: bool, words: &[String]) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    if words.len() == 1 && words[0] == "-" {
        if json {
            json_lines(std::io::stdin(), stdout.lock(), engine, |q| engine.respond(q, None))?;
            return Ok(ExitCode::SUCCESS);
        }
        let mut out = stdout.lock();
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            plain_reply(&mut out, &engine.respond(line.trim_end_matches('\r'), None))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let question = words.join(" ");
    let response = engine.respond(&question, None);
    if json {
        JsonLines::new(stdout.lock()).write(engine, &question, &response, true)?;
    } else {
        plain_reply(&mut stdout.lock(), &response)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn plain_reply(out: &mut impl Write, response: &Response) -> std::io::Result<()> {
    writeln!(out, "{}\n", reply::plain(&response.reply))?;
    out.flush()
}
