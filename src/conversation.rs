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
        }
    }

    /// A question (no command parsing) in a conversation: alone, as a follow-up, or
    /// about the last answer.
    pub fn ask_in(&self, question: &str, hint: Option<&str>, context: Option<&Context>) -> Response {
        let Some(context) = context else { return self.ask(question, hint) };
        let lang = Lang::detect(question, hint.or(Some(context.lang.code())));
        let focus = self.focus(context, lang);
        match (self.matcher.reading(question), focus.entry) {
            (Reading::AboutAnswer(about), Some(entry)) => self.about_answer(about, entry, lang, context),
            (Reading::FollowUp, _) => {
                let second = self.second_focus(context, lang);
                self.follow_up(question, hint, context, &focus, second.as_ref())
            }
            _ => self.alone(question, hint, context),
        }
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

    /// The last answer, resolved against the knowledge as it is now.
    fn focus(&self, context: &Context, lang: Lang) -> Focus {
        let entry = self.story.entries.iter().position(|e| e.id == context.entry);
        let person = match entry {
            Some(e) if lang != context.lang => self.matcher.person_of(e, lang).map(str::to_string),
            _ => context.person.clone(),
        };
        Focus { entry, topic: context.topic.clone(), asked: context.asked.clone(), person }
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
        let declined = matches!(decision.outcome, Outcome::Gap { .. } | Outcome::NoMatch);
        let about_someone = crate::matcher::refers_to_person(question);
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
            response.context = Some(context.clone());
        }
        response
    }

    fn about_answer(&self, about: AboutAnswer, entry: usize, lang: Lang, context: &Context) -> Response {
        let story = &self.story;
        let (reply, decision) = match about {
            AboutAnswer::Source => {
                (reply::source_of(story, &self.shown, entry, lang), answered(entry, lang, Vec::new()))
            }
            AboutAnswer::Quote => {
                (reply::quote_of(story, &self.shown, entry, lang), answered(entry, lang, Vec::new()))
            }
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
            Outcome::Answer { entry, also } => {
                Some(self.context_of(entry, also, decision.lang, decision.asked.clone()))
            }
            // A known gap's note says what the article does say instead: that is what
            // a follow-up is about ("what mistakes?" after the note on the governor).
            Outcome::Gap { gap } => self
                .matcher
                .gap_related(gap)
                .first()
                .map(|&entry| self.context_of(entry, None, decision.lang, decision.asked.clone())),
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
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::OnceLock;

    use super::*;

    fn engine() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| Engine::load(Path::new("knowledge")).unwrap())
    }

    /// The replies to `messages` sent in turn in one conversation, as plain text, with
    /// the id of the entry each answered.
    fn chat(messages: &[&str]) -> Vec<(Option<String>, String)> {
        let engine = engine();
        let mut context: Option<Context> = None;
        messages
            .iter()
            .map(|m| {
                let response = engine.respond_in(m, None, context.as_ref());
                context = response.context.clone();
                let id = match response.decision.map(|d| d.outcome) {
                    Some(Outcome::Answer { entry, .. }) => Some(engine.story.entries[entry].id.clone()),
                    _ => None,
                };
                (id, reply::plain(&response.reply))
            })
            .collect()
    }

    #[test]
    fn who_reported_that_is_the_last_answers_source() {
        let replies = chat(&["What happened in Buryatia?", "who reported that?"]);
        assert!(replies[1].1.contains("Reuters"), "{replies:?}");
        let photo = chat(&["Where was the photo taken?", "source?"]);
        assert!(photo[1].1.contains("Lauri Heino"), "{photo:?}");
    }

    #[test]
    fn where_does_it_say_that_gives_the_quote_and_its_link() {
        let replies = chat(&["Who is Alexei Tsydanov?", "where does it say that?"]);
        let (id, text) = &replies[1];
        assert_eq!(id.as_deref(), Some("tsydanov-who"));
        assert!(text.contains("“Governor Alexei Tsydanov released"), "{text}");
        assert!(text.contains("#:~:text="), "the link: {text}");
    }

    #[test]
    fn tell_me_more_answers_a_related_entry() {
        let replies = chat(&["Who is Alexei Tsydanov?", "tell me more"]);
        let related = &engine().story.entries.iter().find(|e| e.id == "tsydanov-who").unwrap().related;
        assert!(replies[1].0.as_ref().is_some_and(|id| related.contains(id)), "{replies:?}");
    }

    #[test]
    fn a_complete_question_is_not_read_with_the_last_answer() {
        let replies = chat(&["What is Belarus doing?", "How many men could be called up?"]);
        assert_eq!(replies[1].0.as_deref(), Some("order-300k"), "{replies:?}");
    }

    #[test]
    fn a_declined_follow_up_says_whom_he_is() {
        // A gap whose note names him says it best.
        let tsydanov = chat(&["Who is Alexei Tsydanov?", "how old is he?", "and what did he say?"]);
        assert_eq!(tsydanov[1].0, None);
        assert!(tsydanov[1].1.contains("no background on Alexei Tsydanov"), "the note: {tsydanov:?}");
        assert_eq!(tsydanov[2].0.as_deref(), Some("tsydanov-statement"), "still about him");
        // Otherwise the decline names him itself.
        let lawler = chat(&["Who is Dave Lawler?", "is he married?"]);
        assert_eq!(lawler[1].0, None, "{lawler:?}");
        assert!(lawler[1].1.contains("Dave Lawler"), "{lawler:?}");
    }

    #[test]
    fn after_a_known_gap_a_follow_up_is_about_what_its_note_says() {
        let engine = engine();
        let question = "were men wrongly drafted in other regions besides buryatia?";
        let response = engine.respond_in(question, None, None);
        let Some(Outcome::Gap { gap }) = response.decision.as_ref().map(|d| d.outcome.clone()) else {
            panic!("{question:?} is a known gap");
        };
        assert_eq!(response.context.map(|c| c.entry).as_ref(), engine.story.gaps[gap].related.first());
        let replies = chat(&[question, "what mistakes?"]);
        assert!(replies[1].1.contains("wrongly"), "{replies:?}");
    }

    #[test]
    fn a_pressed_button_is_a_fresh_question_whose_context_follows() {
        let engine = engine();
        let pressed = engine.press(&reply::Action::Answer("border-finland".into()), Lang::En).unwrap();
        let context = pressed.context.expect("an answer leaves a context");
        assert_eq!(context.entry, "border-finland");
        let next = engine.respond_in("what about Georgia?", None, Some(&context));
        let Some(Outcome::Answer { entry, .. }) = next.decision.map(|d| d.outcome) else { panic!() };
        assert_eq!(engine.story.entries[entry].id, "border-georgia-kz");
    }

    #[test]
    fn a_context_is_a_few_hundred_bytes() {
        let engine = engine();
        let context = engine.respond_in("Who is Alexei Tsydanov?", None, None).context.unwrap();
        let bytes = std::mem::size_of::<Context>() + context.heap_bytes();
        assert!(context.heap_bytes() > 0 && bytes < 1_024, "{bytes} bytes");
    }
}
