//! The engine: a loaded story and its matcher, and the one entry point every transport
//! uses, [`Engine::respond`], which turns a message (question or command) into a reply.

use std::path::Path;

use crate::cache::Cache;
use crate::conversation::Context;
use crate::knowledge::{self, KnowledgeError, Story};
use crate::lang::Lang;
use crate::matcher::{Decision, Matcher};
use crate::reply::{self, Action, Reply};

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Engine {
    pub story: Story,
    pub matcher: Matcher,
    /// Each entry's quotes, source lines and link as replies show them, made the first
    /// time the entry is answered (cheap to make again: not cached on disk).
    #[serde(skip)]
    pub shown: reply::Shown,
}

/// A command whose reply the engine renders, in any transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Start,
    Help,
    About,
    Topics,
}

/// A command only the bot's admins may use (Telegram only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admin {
    /// `/reload`: load, check and swap in the knowledge now.
    Reload,
    /// `/stats`: the last week of the record in a few lines.
    Stats,
}

/// What a typed command does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Does {
    /// `/ask question`: the rest of the message is the question.
    Ask,
    Show(Command),
    Admin(Admin),
}

/// One command: its name (without the slash) and what it does.
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    pub does: Does,
}

impl CommandSpec {
    /// Whether the menu (`setMyCommands`) lists it: admin commands stay unlisted.
    pub fn in_menu(&self) -> bool {
        !matches!(self.does, Does::Admin(_))
    }
}

/// Every command, in the menu's order: the one table the terminal, the bot and the
/// bot's menu read (descriptions are in `reply::texts`).
pub const COMMANDS: [CommandSpec; 7] = [
    CommandSpec { name: "start", does: Does::Show(Command::Start) },
    CommandSpec { name: "help", does: Does::Show(Command::Help) },
    CommandSpec { name: "ask", does: Does::Ask },
    CommandSpec { name: "about", does: Does::Show(Command::About) },
    CommandSpec { name: "topics", does: Does::Show(Command::Topics) },
    CommandSpec { name: "reload", does: Does::Admin(Admin::Reload) },
    CommandSpec { name: "stats", does: Does::Admin(Admin::Stats) },
];

/// The command called `name` (any case), if there is one.
pub fn lookup(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

/// A command as typed: `/name[@target] args`.
#[derive(Debug, PartialEq, Eq)]
pub struct Typed<'a> {
    pub name: &'a str,
    /// The bot it is addressed to (`/help@storybot`), if any.
    pub target: Option<&'a str>,
    pub args: &'a str,
}

/// Splits a command off `text` (arguments may follow any whitespace); `None` when
/// `text` is not a command.
pub fn typed(text: &str) -> Option<Typed<'_>> {
    let rest = text.trim_start().strip_prefix('/')?;
    let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if word.is_empty() {
        return None;
    }
    let (name, target) = match word.split_once('@') {
        Some((name, target)) => (name, Some(target)),
        None => (word, None),
    };
    Some(Typed { name, target, args })
}

/// A message after commands and @mentions are taken off.
#[derive(Debug, PartialEq, Eq)]
pub enum Input<'a> {
    Command(Command),
    Question(&'a str),
}

/// Reads "/ask@bot question", "@bot question", "/help" and plain questions alike.
/// A command the terminal does not have (an admin's, or none) gets the help.
pub fn parse_input(text: &str) -> Input<'_> {
    let text = strip_mentions(text.trim());
    let Some(typed) = typed(text) else {
        return Input::Question(text);
    };
    match lookup(typed.name).map(|c| c.does) {
        Some(Does::Ask) => Input::Question(typed.args.trim()),
        Some(Does::Show(command)) => Input::Command(command),
        Some(Does::Admin(_)) | None => Input::Command(Command::Help),
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
    /// The engine for the knowledge at `dir`, proved in full ([`knowledge::Checks::Faithful`]):
    /// what the bot serves.
    pub fn load(dir: &Path) -> Result<Engine, KnowledgeError> {
        Engine::load_with(dir, knowledge::Checks::Faithful)
    }

    /// The engine for the knowledge at `dir`, proved as far as `checks` says.
    pub fn load_with(dir: &Path, checks: knowledge::Checks) -> Result<Engine, KnowledgeError> {
        Ok(Engine::new(knowledge::load_with(dir, checks)?))
    }

    /// The engine for a one-shot command (`ask`, `chat`, `explain`, `eval`): from
    /// `cache` when it holds one built from these very files by this very build, else
    /// loaded at [`knowledge::Checks::Structure`] and stored there ([`crate::cache`]).
    pub fn load_cached(dir: &Path, cache: &Cache) -> Result<Engine, KnowledgeError> {
        cache.engine(dir)
    }

    pub fn new(story: Story) -> Engine {
        let matcher = Matcher::new(&story);
        Engine { story, matcher, shown: reply::Shown::default() }
    }

    /// Answers a question on its own, as the first of a conversation (no command
    /// parsing).
    pub fn ask(&self, question: &str, lang_hint: Option<&str>) -> Response {
        let decision = self.matcher.decide(&self.story, question, lang_hint);
        let reply = reply::for_decision_in(&self.story, &self.shown, &decision);
        self.answered_response(reply, decision)
    }

    /// Inline mode's answer to `query`: the entries that fit it well enough to offer,
    /// best first (at most `n`), and the decision a chat would get, from one pass of
    /// the matcher.
    pub fn inline(&self, query: &str, lang_hint: Option<&str>, n: usize) -> (Vec<usize>, Decision) {
        let floor = crate::matcher::thresholds::CLARIFY;
        let (decision, candidates) = self.matcher.decide_with_candidates(&self.story, query, lang_hint);
        let mut out: Vec<usize> = Vec::new();
        for candidate in candidates {
            if candidate.confidence >= floor && !out.contains(&candidate.entry) {
                out.push(candidate.entry);
            }
        }
        out.truncate(n);
        (out, decision)
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

    /// What a pressed button (or a suggestion picked by number in the terminal) gets:
    /// the entry it names, answered with certainty as a fresh question (never a
    /// follow-up), or the topic's questions. `None` for a button left over from an
    /// older version of the knowledge. The response's context follows the entry.
    pub fn press(&self, action: &Action, lang: Lang) -> Option<Response> {
        let story = &self.story;
        match action {
            Action::Answer(id) => {
                let entry = story.entries.iter().position(|e| &e.id == id)?;
                Some(self.answer_index(entry, lang))
            }
            Action::Topic(n) => {
                Some(Response { reply: reply::topic(story, *n, lang)?, decision: None, context: None })
            }
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
        assert_eq!(parse_input("/reload"), Input::Command(Command::Help), "not the terminal's");
    }

    #[test]
    fn commands_are_split_like_telegram_does() {
        let t = |name, target, args| Some(Typed { name, target, args });
        assert_eq!(typed("/ask@StoryBot\nhow many?"), t("ask", Some("StoryBot"), "how many?"));
        assert_eq!(typed("  /topics"), t("topics", None, ""));
        assert_eq!(typed("/ 5"), None);
        assert_eq!(typed("how many? /ask"), None);
        assert!(lookup("ABOUT").is_some() && lookup("nope").is_none());
        let menu: Vec<&str> = COMMANDS.iter().filter(|c| c.in_menu()).map(|c| c.name).collect();
        assert_eq!(menu, ["start", "help", "ask", "about", "topics"]);
    }
}
