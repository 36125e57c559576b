//! Conversations: what a transport remembers between one person's messages, and how
//! the engine reads a message with it.
//!
//! People chat; they don't send isolated queries. After "Who is Alexei Tsydanov?",
//! "and what did he say?" is about him, and "who reported that?" asks for that
//! answer's source. The engine stays pure: it is handed the last answer as a small
//! [`Context`] value and hands back the next one with each [`Response`].
//!
//! # For transports
//!
//! Keep one `Option<Context>` per conversation (a private chat; in a group, the bot
//! answer a message replies to), pass it with the next message, and store the one
//! that comes back (`None` means forget it):
//!
//! ```
//! # use storybot::{engine::Engine, conversation::Context};
//! # let engine = Engine::load(std::path::Path::new("knowledge")).unwrap();
//! let mut context: Option<Context> = None;
//! for message in ["Who is Alexei Tsydanov?", "and what did he say?"] {
//!     let response = engine.respond_in(message, None, context.as_ref());
//!     context = response.context.clone();
//! }
//! assert_eq!(context.unwrap().entry, "tsydanov-statement");
//! ```
//!
//! The terminal chat keeps one in its conversation (`cli/conversation.rs`); the bot
//! keeps one per private chat and per answer in a group (`telegram/context.rs`). Rules
//! the transport owns:
//!
//! - **Fresh questions.** A pressed button ("did you mean", related questions) is a
//!   fresh question, not a follow-up: answer it with [`Engine::press`] (or
//!   [`Engine::respond`], which reads without context); its response carries the
//!   context to keep for what comes next.
//! - **Lifetime.** Keep contexts in memory only, briefly (ten minutes is plenty), in a
//!   bounded store (an LRU with a cap); never persist them. A context is a few hundred
//!   bytes ([`Context::heap_bytes`]; `docs/performance.md`).
//! - **Reloads.** A context names its entry by id, so it survives a reload; if the
//!   entry is gone, follow-ups are read with its topic and names only.
//!
//! What the engine does with it: a message complete on its own is matched alone, as
//! if it were the first ("How many men could be called up?" after a question about
//! Belarus); small talk stays small talk; only a message incomplete on its own is
//! read with the context ([`crate::matcher::Reading`]), and a question about the last
//! answer itself is answered from it: "source?" with its source, "where does it say
//! that?" with its quote and link, "tell me more" with the entry related to it. A
//! follow-up the article can't answer says who it was about ("The article doesn't say
//! that about Alexei Tsydanov.").

use crate::engine::{Engine, Input, Response, parse_input};
use crate::lang::Lang;
use crate::matcher::{AboutAnswer, Decision, Focus, Outcome, Reading};
use crate::reply;

/// The last answer of a conversation: what a follow-up is read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The id of the entry answered (an id, not an index: it survives a reload).
    pub entry: String,
    /// The entry's topic.
    pub topic: String,
    /// The people, places and outlets the answer named, as the answer writes them
    /// ("Alexei Tsydanov"), people first.
    pub entities: Vec<String>,
    /// The person the answer named first: whom "he" stands for next.
    pub person: Option<String>,
    /// What the question asked, as the matcher read it (its terms; opaque to
    /// transports): "what about Georgia?" takes the rest of it.
    pub asked: Vec<String>,
    /// The language the answer was given in.
    pub lang: Lang,
}

impl Context {
    /// Heap bytes the context holds beyond its own size (its strings and list), for
    /// bounding a store of contexts.
    pub fn heap_bytes(&self) -> usize {
        let list = |l: &Vec<String>| {
            l.capacity() * std::mem::size_of::<String>() + l.iter().map(String::capacity).sum::<usize>()
        };
        self.entry.capacity()
            + self.topic.capacity()
            + list(&self.entities)
            + self.person.as_ref().map_or(0, String::capacity)
            + list(&self.asked)
    }
}

impl Engine {
    /// Replies to any message (a command or a question), a follow-up read with
    /// `context` (the last answer of the conversation). The response carries the
    /// context to pass with the next message.
    pub fn respond_in(&self, text: &str, lang_hint: Option<&str>, context: Option<&Context>) -> Response {
        match parse_input(text) {
            Input::Question(q) if !q.trim().is_empty() => self.ask_in(q, lang_hint, context),
            _ => Response { context: context.cloned(), ..self.respond(text, lang_hint) },
        }
    }

    /// An entry answered outright (a pressed button, "tell me more"), with its related
    /// entries to offer next.
    pub(crate) fn answer_index(&self, entry: usize, lang: Lang) -> Response {
        let story = &self.story;
        let related: Vec<usize> = story.entries[entry]
            .related
            .iter()
            .filter_map(|r| story.entries.iter().position(|e| &e.id == r))
            .collect();
        // Asked by its label, as if typed: what a follow-up to it is read with.
        let asked = self.matcher.asked(&reply::entry_label(&story.entries[entry], lang));
        let decision = Decision { asked, ..answered(entry, lang, related) };
        self.answered_response(reply::answer(story, entry, lang, &decision.suggestions), decision)
    }

    /// The context that follows an answer to `entry` in `lang`, for a question the
    /// matcher read as `asked`.
    fn context_of(&self, entry: usize, lang: Lang, asked: Vec<String>) -> Context {
        let e = &self.story.entries[entry];
        Context {
            entry: e.id.clone(),
            topic: e.topic.clone(),
            entities: self.matcher.entities_of(entry, lang).to_vec(),
            person: self.matcher.person_of(entry, lang).map(str::to_string),
            asked,
            lang,
        }
    }

    /// A question in a conversation: alone, as a follow-up, or about the last answer.
    fn ask_in(&self, question: &str, hint: Option<&str>, context: Option<&Context>) -> Response {
        let Some(context) = context else { return self.ask(question, hint) };
        let lang = Lang::detect(question, hint.or(Some(context.lang.code())));
        let focus = self.focus(context, lang);
        match (self.matcher.reading(question), focus.entry) {
            (Reading::AboutAnswer(about), Some(entry)) => self.about_answer(about, entry, lang, context),
            (Reading::FollowUp, _) => self.follow_up(question, hint, context, &focus),
            _ => self.alone(question, hint, context),
        }
    }

    /// A question complete on its own: matched alone. Small talk and "did you mean"
    /// keep the conversation's context; a decline ends it (the subject changed).
    fn alone(&self, question: &str, hint: Option<&str>, context: &Context) -> Response {
        let mut response = self.ask(question, hint);
        let keeps = response
            .decision
            .as_ref()
            .is_some_and(|d| matches!(d.outcome, Outcome::SmallTalk { .. } | Outcome::Clarify { .. }));
        if keeps {
            response.context = Some(context.clone());
        }
        response
    }

    /// The last answer, resolved against the knowledge as it is now.
    fn focus(&self, context: &Context, lang: Lang) -> Focus {
        let entry = self.story.entries.iter().position(|e| e.id == context.entry);
        let person = match entry {
            Some(e) if lang != context.lang => self.matcher.person_of(e, lang).map(str::to_string),
            _ => context.person.clone(),
        };
        Focus { entry, topic: context.topic.clone(), asked: context.asked.clone(), person }
    }

    fn follow_up(&self, question: &str, hint: Option<&str>, context: &Context, focus: &Focus) -> Response {
        let hint = hint.or(Some(context.lang.code()));
        let decision = self.matcher.decide_followup(&self.story, question, hint, focus);
        let declined = matches!(decision.outcome, Outcome::Gap { .. } | Outcome::NoMatch);
        let about_someone = crate::matcher::refers_to_person(question);
        let reply = match &focus.person {
            Some(name) if declined && about_someone => {
                reply::not_said_about(&self.story, name, decision.lang, &decision.suggestions)
            }
            _ => reply::for_decision(&self.story, &decision),
        };
        let mut response = self.answered_response(reply, decision);
        // A follow-up declined leaves the conversation where it was: "how old is he?"
        // unanswered, "what did he say?" is still about him.
        response.context = response.context.or_else(|| Some(context.clone()));
        response
    }

    fn about_answer(&self, about: AboutAnswer, entry: usize, lang: Lang, context: &Context) -> Response {
        let story = &self.story;
        let (reply, decision) = match about {
            AboutAnswer::Source => (reply::source_of(story, entry, lang), answered(entry, lang, Vec::new())),
            AboutAnswer::Quote => (reply::quote_of(story, entry, lang), answered(entry, lang, Vec::new())),
            AboutAnswer::More => {
                let ids = &story.entries[entry].related;
                return match ids.iter().find_map(|id| story.entries.iter().position(|e| &e.id == id)) {
                    Some(next) => self.answer_index(next, lang),
                    None => Response {
                        reply: reply::nothing_more(lang),
                        decision: None,
                        context: Some(context.clone()),
                    },
                };
            }
        };
        Response { reply, decision: Some(decision), context: Some(context.clone()) }
    }

    /// A response whose context follows from its decision: the entry answered, or none
    /// (the caller keeps the old one where it should).
    pub(crate) fn answered_response(&self, reply: reply::Reply, decision: Decision) -> Response {
        let context = match decision.outcome {
            Outcome::Answer { entry, .. } => {
                Some(self.context_of(entry, decision.lang, decision.asked.clone()))
            }
            _ => None,
        };
        Response { reply, decision: Some(decision), context }
    }
}

/// A decision that answers `entry` outright (a button, a question about the answer).
fn answered(entry: usize, lang: Lang, suggestions: Vec<usize>) -> Decision {
    Decision {
        outcome: Outcome::Answer { entry, also: None },
        score: 1.0,
        lang,
        ranked: Vec::new(),
        suggestions,
        gap_part: None,
        asked: Vec::new(),
    }
}
