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
//! that about Alexei Tsydanov."). After a decline, "why not?" and "tell me more" get
//! the decline again: the article has nothing more on it. A correction ("no, I meant
//! the Georgian border") is read as what it meant, one that swaps what was asked about
//! for another thing of its kind ("and Georgia, is it sending them back too?") is
//! answered only by an entry that names the new thing, a return to an earlier subject
//! ("back to the governor — what's his name?") alone, and a reaction before a
//! follow-up ("ok and the White House?") is taken off first. A reaction alone ("wow",
//! "interesting") is acknowledged and leaves the conversation on the last answer.

use std::borrow::Cow;

use crate::engine::{Engine, Input, Response, parse_input};
use crate::lang::Lang;
use crate::matcher::{Decision, Focus, Outcome, Reading, Shift};
use crate::reply;

/// The small talk a bare reaction ("wow") is answered with: the acknowledgement "ok" gets.
const ACKNOWLEDGED: &str = "ok";
/// Under this score, a follow-up about the person "he" stands for is not answered by an
/// entry that never names them.
const LOOSE_ABOUT_PERSON: f32 = 0.6;

/// The last answer of a conversation: what a follow-up is read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The id of the entry answered (an id, not an index: it survives a reload).
    pub entry: String,
    /// The second entry of a two-part answer, by id: a follow-up may be about it
    /// ("who is Tsydanov, and what did the White House say?" then "when did they say
    /// it?").
    pub also: Option<String>,
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
    /// The known gap the last reply declined with, by id: "why not?" and "tell me
    /// more" are about that decline, not about the entry the context moved to.
    pub declined: Option<String>,
    /// The entries this conversation has shown, by id, oldest first (at most
    /// [`MAX_SHOWN`]): "tell me more" goes on to one not yet shown.
    pub shown: Vec<String>,
    /// The last reply declined with no known gap: "source?" has nothing to source.
    pub declined_plainly: bool,
}

impl Context {
    /// Heap bytes the context holds beyond its own size (its strings and list), for
    /// bounding a store of contexts.
    pub fn heap_bytes(&self) -> usize {
        let list = |l: &Vec<String>| {
            l.capacity() * std::mem::size_of::<String>() + l.iter().map(String::capacity).sum::<usize>()
        };
        self.entry.capacity()
            + self.also.as_ref().map_or(0, String::capacity)
            + self.topic.capacity()
            + list(&self.entities)
            + self.person.as_ref().map_or(0, String::capacity)
            + list(&self.asked)
            + self.declined.as_ref().map_or(0, String::capacity)
            + list(&self.shown)
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
        self.answered_response(
            reply::answer_in(story, &self.shown, entry, lang, &decision.suggestions),
            decision,
        )
    }

    /// The context that follows an answer to `entry` (and `also`, a two-part answer's
    /// second entry) in `lang`, for a question the matcher read as `asked`.
    fn context_of(&self, entry: usize, also: Option<usize>, lang: Lang, asked: Vec<String>) -> Context {
        let e = &self.story.entries[entry];
        Context {
            entry: e.id.clone(),
            also: also.map(|a| self.story.entries[a].id.clone()),
            topic: e.topic.clone(),
            entities: self.matcher.entities_of(entry, lang).to_vec(),
            person: self.matcher.person_of(entry, lang).map(str::to_string),
            asked,
            lang,
            declined: None,
            shown: std::iter::once(entry).chain(also).map(|e| self.story.entries[e].id.clone()).collect(),
            declined_plainly: false,
        }
    }

    /// A question (no command parsing) in a conversation: alone, as a follow-up, or
    /// about the last answer.
    /// A correction ("no, I meant the Georgian border") is read as what it meant, with
    /// the last answer's subject giving way to the one it names; a return to an earlier
    /// subject ("back to the governor — …") is read alone.
    pub fn ask_in(&self, question: &str, hint: Option<&str>, context: Option<&Context>) -> Response {
        let Some(context) = context else { return self.after_plain_decline(self.ask(question, hint), None) };
        let response = self.read_in(question, hint, context);
        let mut response = self.after_plain_decline(response, Some(context));
        shown::remember(&mut response, context);
        response
    }

    /// [`Engine::ask_in`] with a context: the response before what it has shown is added.
    fn read_in(&self, question: &str, hint: Option<&str>, context: &Context) -> Response {
        if let Some(response) = self.nothing_to_source(question, context) {
            return response;
        }
        // After a plain decline alone there is no subject to go on with.
        if context.entry.is_empty() {
            return self.ask(question, hint);
        }
        let (question, corrects) = match crate::matcher::shift(question) {
            Shift::Return(rest) => return self.alone(&rest, hint, context),
            Shift::Correction(meant) => (Cow::Owned(meant), true),
            Shift::Aside(question) => (Cow::Owned(question), false),
            Shift::None => (Cow::Borrowed(question), false),
        };
        let lang = Lang::detect(&question, hint.or(Some(context.lang.code())));
        if crate::matcher::only_reacts(&question) {
            return self.reacted(&question, lang, context);
        }
        let focus = Focus { corrects, ..self.focus(context, lang) };
        let reading = self.matcher.reading(&question, corrects);
        if let Some(response) = self.still_declined(&question, reading, lang, context) {
            return response;
        }
        let response = match (reading, focus.entry) {
            (Reading::AboutAnswer(about), Some(entry)) => {
                return self.about_answer(about, entry, lang, context, &question);
            }
            (Reading::FollowUp, _) => {
                let second = self.second_focus(context, lang).map(|f| Focus { corrects, ..f });
                self.follow_up(&question, hint, context, &focus, second.as_ref())
            }
            _ => self.alone(&question, hint, context),
        };
        let response = self.unless_swapped_away(response, (&question, corrects), &focus, context);
        self.confirming_listed(response, &question, &focus)
    }

    /// A question complete on its own: matched alone. Small talk and "did you mean"
    /// keep the conversation's context; a known gap moves it to what its note says
    /// instead; any other decline ends it (the subject changed).
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

    /// A reaction only ("wow", "interesting"): small talk if it is one ("ok thanks"),
    /// else acknowledged as "ok" is; either way the conversation stays on the last
    /// answer, so "why would they do that?" next is about it.
    fn reacted(&self, question: &str, lang: Lang, context: &Context) -> Response {
        let mut response = self.ask(question, Some(lang.code()));
        let small_talk =
            response.decision.as_ref().is_some_and(|d| matches!(d.outcome, Outcome::SmallTalk { .. }));
        let ok = self.story.smalltalk.iter().position(|s| s.id == ACKNOWLEDGED);
        if let (false, Some(intent)) = (small_talk, ok) {
            let decision = Decision {
                outcome: Outcome::SmallTalk { intent },
                score: 0.0,
                ..answered(0, lang, Vec::new())
            };
            response = Response {
                reply: reply::for_decision_in(&self.story, &self.shown, &decision),
                decision: Some(decision),
                context: None,
            };
        }
        Response { context: Some(context.clone()), ..response }
    }

    /// The last answer, resolved against the knowledge as it is now.
    fn focus(&self, context: &Context, lang: Lang) -> Focus {
        let entry = self.story.entries.iter().position(|e| e.id == context.entry);
        let person = match entry {
            Some(e) if lang != context.lang => self.matcher.person_of(e, lang).map(str::to_string),
            _ => context.person.clone(),
        };
        Focus { entry, topic: context.topic.clone(), asked: context.asked.clone(), person, corrects: false }
    }

    /// The second entry of a two-part answer as a last answer of its own, when the
    /// knowledge still has it.
    fn second_focus(&self, context: &Context, lang: Lang) -> Option<Focus> {
        let also = context.also.as_ref()?;
        let entry = self.story.entries.iter().position(|e| &e.id == also)?;
        Some(Focus {
            entry: Some(entry),
            topic: self.story.entries[entry].topic.clone(),
            asked: context.asked.clone(),
            person: self.matcher.person_of(entry, lang).map(str::to_string),
            corrects: false,
        })
    }

    /// A follow-up, read with the last answer; after a two-part answer, with each of
    /// its entries, and the reading it fits better is taken ("when did they say it?"
    /// is about the White House's words, not the photo answered with them).
    fn follow_up(
        &self,
        question: &str,
        hint: Option<&str>,
        context: &Context,
        focus: &Focus,
        second: Option<&Focus>,
    ) -> Response {
        let hint = hint.or(Some(context.lang.code()));
        let mut decision = self.matcher.decide_followup(&self.story, question, hint, focus);
        let mut focus = focus;
        if let Some(second) = second {
            let other = self.matcher.decide_followup(&self.story, question, hint, second);
            if crate::matcher::fits_better(&other, &decision) {
                (decision, focus) = (other, second);
            }
        }
        // A correction naming someone new speaks of them by "he", not of the last person.
        let about_someone =
            crate::matcher::refers_to_person(question) && !self.matcher.correction_names_new(question, focus);
        // "is he popular?" after the governor: an entry found only loosely that never
        // names him answers something else ("how unpopular the order is").
        if let (Some(name), &Outcome::Answer { entry, .. }) = (&focus.person, &decision.outcome)
            && about_someone
            && decision.score < LOOSE_ABOUT_PERSON
            && self.matcher.leaves_out_person(entry, name)
        {
            decision.outcome = Outcome::NoMatch;
        }
        let declined = matches!(decision.outcome, Outcome::Gap { .. } | Outcome::NoMatch);
        // A known gap whose note names whom "he" stands for already says so, better.
        let note_names = |name: &str| match decision.outcome {
            Outcome::Gap { gap } => self.story.gaps[gap].note.get(decision.lang).contains(name),
            _ => false,
        };
        let reply = match &focus.person {
            Some(name) if declined && about_someone && !note_names(name) => {
                reply::not_said_about(&self.story, name, decision.lang, &decision.suggestions)
            }
            _ => reply::for_decision_in(&self.story, &self.shown, &decision),
        };
        let mut response = self.answered_response(reply, decision);
        // A follow-up declined leaves the conversation where it was: "how old is he?"
        // unanswered, "what did he say?" is still about him.
        if declined || response.context.is_none() {
            let gap = response.decision.as_ref().and_then(|d| match d.outcome {
                Outcome::Gap { gap } => Some(self.story.gaps[gap].id.clone()),
                _ => None,
            });
            response.context = Some(Context { declined: gap, ..context.clone() });
        }
        response
    }

    /// A response whose context follows from its decision: the entry answered, or none
    /// (the caller keeps the old one where it should).
    pub(crate) fn answered_response(&self, reply: reply::Reply, decision: Decision) -> Response {
        let context = match decision.outcome {
            Outcome::Answer { entry, also } => {
                Some(self.context_of(entry, also, decision.lang, decision.asked.clone()))
            }
            // A known gap's note says what the article does say instead: that is what
            // a follow-up is about ("what mistakes?" after the note on the governor).
            Outcome::Gap { gap } => self.matcher.gap_related(gap).first().map(|&entry| Context {
                declined: Some(self.story.gaps[gap].id.clone()),
                ..self.context_of(entry, None, decision.lang, decision.asked.clone())
            }),
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
        more: Vec::new(),
        correction: None,
        asked: Vec::new(),
        subject: None,
        note_head_only: false,
        article_set_aside: false,
        on_the_list: false,
    }
}

mod about;
mod declined;
mod listed;
mod shown;
mod swapped;
#[cfg(test)]
mod tests;
