//! The engine: a loaded story and its matcher, and the one entry point every transport
//! uses, [`Engine::respond`], which turns a message (question or command) into a reply.

use std::path::Path;

use crate::conversation::Context;
use crate::knowledge::{self, KnowledgeError, Story};
use crate::lang::Lang;
use crate::matcher::{Decision, Matcher};
use crate::reply::{self, Reply};

pub struct Engine {
    pub story: Story,
    pub matcher: Matcher,
}

/// A command a user can type in any transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Start,
    Help,
    About,
    Topics,
}

/// A message after commands and @mentions are taken off.
#[derive(Debug, PartialEq, Eq)]
pub enum Input<'a> {
    Command(Command),
    Question(&'a str),
}

/// Reads "/ask@bot question", "@bot question", "/help" and plain questions alike.
pub fn parse_input(text: &str) -> Input<'_> {
    let text = strip_mentions(text.trim());
    let Some(rest) = text.strip_prefix('/') else {
        return Input::Question(text);
    };
    let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let name = word.split('@').next().unwrap_or(word).to_ascii_lowercase();
    match name.as_str() {
        "ask" => Input::Question(args.trim()),
        "start" => Input::Command(Command::Start),
        "help" => Input::Command(Command::Help),
        "about" => Input::Command(Command::About),
        "topics" => Input::Command(Command::Topics),
        _ => Input::Command(Command::Help),
    }
}

/// The question inside a message: "/ask@bot q" → "q"; commands themselves stay.
pub fn strip_command(text: &str) -> &str {
    match parse_input(text) {
        Input::Question(q) => q,
        Input::Command(_) => text,
    }
}

/// Takes leading "@username" words off ("@storybot where was the photo taken").
pub fn strip_mentions(mut text: &str) -> &str {
    while let Some(rest) = text.strip_prefix('@') {
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        text = rest[end..].trim_start_matches([',', ':']).trim_start();
    }
    text
}

/// What a message gets: the reply, the matcher's decision when it was a question, and
/// the conversation's context to pass with the next message ([`crate::conversation`]).
pub struct Response {
    pub reply: Reply,
    pub decision: Option<Decision>,
    /// The last answer, for a follow-up; `None`: nothing to follow up on.
    pub context: Option<Context>,
}

impl Engine {
    pub fn load(dir: &Path) -> Result<Engine, KnowledgeError> {
        Ok(Engine::new(knowledge::load(dir)?))
    }

    pub fn new(story: Story) -> Engine {
        let matcher = Matcher::new(&story);
        Engine { story, matcher }
    }

    /// Answers a question on its own, as the first of a conversation (no command
    /// parsing).
    pub fn ask(&self, question: &str, lang_hint: Option<&str>) -> Response {
        let decision = self.matcher.decide(&self.story, question, lang_hint);
        let reply = reply::for_decision(&self.story, &decision);
        self.answered_response(reply, decision)
    }

    /// The entries that fit `query` well enough to offer (inline mode), best first.
    pub fn best_entries(&self, query: &str, n: usize) -> Vec<usize> {
        let floor = crate::matcher::thresholds::CLARIFY;
        let mut out: Vec<usize> = Vec::new();
        for candidate in self.matcher.candidates(query).entries {
            if candidate.confidence >= floor && !out.contains(&candidate.entry) {
                out.push(candidate.entry);
            }
        }
        out.truncate(n);
        out
    }

    /// Replies to any message, a command or a question, read on its own; for a
    /// message in a conversation, see [`Engine::respond_in`].
    pub fn respond(&self, text: &str, lang_hint: Option<&str>) -> Response {
        let command = |c| Response {
            reply: self.command(c, Lang::detect("", lang_hint)),
            decision: None,
            context: None,
        };
        match parse_input(text) {
            Input::Question(q) if q.trim().is_empty() => Response {
                reply: self.command(Command::Start, Lang::detect(text, lang_hint)),
                ..command(Command::Start)
            },
            Input::Question(q) => self.ask(q, lang_hint),
            Input::Command(c) => command(c),
        }
    }

    pub fn command(&self, command: Command, lang: Lang) -> Reply {
        match command {
            Command::Start => reply::welcome(&self.story, lang, &self.matcher.starters()),
            Command::Help => reply::help(lang),
            Command::About => reply::about(&self.story, lang),
            Command::Topics => reply::topics(&self.story, lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_and_mentions_are_taken_off() {
        assert_eq!(parse_input("/ask@storybot what happened?"), Input::Question("what happened?"));
        assert_eq!(parse_input("@storybot, where was it"), Input::Question("where was it"));
        assert_eq!(parse_input("/HELP"), Input::Command(Command::Help));
        assert_eq!(parse_input("/topics@storybot"), Input::Command(Command::Topics));
        assert_eq!(parse_input("what is /ask"), Input::Question("what is /ask"));
        assert_eq!(parse_input("/ask"), Input::Question(""));
    }
}
