//! One conversation with the engine, message by message: the terminal chat and
//! `chat --json` hand every line to [`Conversation::reply_to`], in turn. What a
//! conversation remembers between messages lives here and nowhere else: the last
//! answer's [`Context`], so a follow-up ("and what did he say?") is read with it, and
//! the suggestions under the last reply, so that typing "2" picks the second one as a
//! tap on its button would.

use crate::conversation::Context;
use crate::engine::{Engine, Response};
use crate::lang::Lang;
use crate::reply::{self, Action, Block, Button};

pub struct Conversation<'a> {
    engine: &'a Engine,
    /// The buttons under the last reply, in order: "1" presses the first.
    buttons: Vec<Button>,
    /// The last reply's language: a picked suggestion is answered in it.
    lang: Lang,
    /// The last answer, for a follow-up; the engine says when to forget it.
    context: Option<Context>,
}

impl<'a> Conversation<'a> {
    pub fn new(engine: &'a Engine) -> Self {
        Conversation { engine, buttons: Vec::new(), lang: Lang::En, context: None }
    }

    /// The reply to the next message of the conversation: a picked suggestion is a
    /// fresh question, anything else is read in the context of the last answer.
    pub fn reply_to(&mut self, message: &str) -> Response {
        let message = message.trim();
        let response = self
            .pick(message)
            .or_else(|| topics_argument(message).map(|topic| self.topic(topic)))
            .unwrap_or_else(|| self.engine.respond_in(message, None, self.context.as_ref()));
        self.buttons.clone_from(&response.reply.buttons);
        self.lang = response.reply.lang;
        self.context.clone_from(&response.context);
        response
    }

    /// "2" under a reply with at least two suggestions: that suggestion, as a tap.
    fn pick(&self, message: &str) -> Option<Response> {
        let n: usize = message.parse().ok()?;
        let button = self.buttons.get(n.checked_sub(1)?)?;
        self.engine.press(&button.action, self.lang)
    }

    /// `/topics Buryatia` or `/topics 9`: that topic's questions; a name that fits no
    /// topic gets the list of topics, saying so.
    fn topic(&self, wanted: &str) -> Response {
        let story = &self.engine.story;
        let lang = Lang::detect(wanted, None);
        let topics = story.topics();
        let by_number =
            wanted.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).filter(|&i| i < topics.len());
        let folded = wanted.to_lowercase();
        let by_name = || {
            (topics.iter().position(|t| t.to_lowercase() == folded))
                .or_else(|| topics.iter().position(|t| t.to_lowercase().contains(&folded)))
        };
        if let Some(response) =
            by_number.or_else(by_name).and_then(|i| self.engine.press(&Action::Topic(i), lang))
        {
            return response;
        }
        let mut reply = reply::topics(story, lang);
        let note = match lang {
            Lang::En => format!("No topic is called “{wanted}”."),
            Lang::Ru => format!("Темы «{wanted}» нет."),
        };
        reply.blocks.insert(0, Block::Text(note));
        Response { reply, decision: None, context: self.context.clone() }
    }
}

/// The argument of `/topics ARG` (or `/topics@bot ARG`), when there is one.
fn topics_argument(message: &str) -> Option<&str> {
    let rest = message.strip_prefix('/')?;
    let (word, argument) = rest.split_once(char::is_whitespace)?;
    let name = word.split('@').next().unwrap_or(word);
    let argument = argument.trim();
    (name.eq_ignore_ascii_case("topics") && !argument.is_empty()).then_some(argument)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::matcher::Outcome;

    fn engine() -> Engine {
        Engine::load(Path::new("knowledge")).unwrap()
    }

    fn labels(response: &Response) -> Vec<&str> {
        response.reply.buttons.iter().map(|b| b.label.as_str()).collect()
    }

    fn answered(engine: &Engine, response: &Response) -> Option<String> {
        match response.decision.as_ref()?.outcome {
            Outcome::Answer { entry, .. } => Some(engine.story.entries[entry].id.clone()),
            _ => None,
        }
    }

    #[test]
    fn a_number_picks_that_suggestion_under_the_last_reply() {
        let engine = engine();
        let mut chat = Conversation::new(&engine);
        let first = chat.reply_to("hello");
        assert!(first.reply.buttons.len() >= 2, "{:?}", labels(&first));
        let Action::Answer(second) = first.reply.buttons[1].action.clone() else { panic!("not an entry") };
        let picked = chat.reply_to(" 2 ");
        assert_eq!(answered(&engine, &picked), Some(second.clone()));
        assert_eq!(picked.decision.unwrap().score, 1.0, "a tap is certain");
        let pressed = engine.press(&Action::Answer(second), Lang::En).unwrap();
        assert_eq!(picked.reply, pressed.reply, "the same reply a tap on the button gets");
    }

    #[test]
    fn a_number_with_nothing_to_pick_is_a_question() {
        let engine = engine();
        let mut chat = Conversation::new(&engine);
        assert_eq!(answered(&engine, &chat.reply_to("1")), None, "nothing to pick yet");
        chat.reply_to("hello");
        assert_eq!(answered(&engine, &chat.reply_to("99")), None);
    }

    #[test]
    fn topics_opens_a_topic_by_name_or_number() {
        let engine = engine();
        let topics = engine.story.topics();
        let buryatia = topics.iter().position(|t| *t == "Buryatia").expect("the shipped topic");
        let mut chat = Conversation::new(&engine);
        let by_name = chat.reply_to("/topics buryatia");
        assert_eq!(by_name.reply.blocks, [Block::Heading("Buryatia".to_string())]);
        assert!(!by_name.reply.buttons.is_empty());
        let by_number = chat.reply_to(&format!("/topics {}", buryatia + 1));
        assert_eq!(by_number.reply, by_name.reply);
        assert_eq!(chat.reply_to("/topics Bury").reply, by_name.reply, "part of a name is enough");
        let list = chat.reply_to("/topics");
        assert_eq!(labels(&list), topics, "no argument: the list");
        let opened = chat.reply_to(&(buryatia + 1).to_string());
        assert_eq!(opened.reply, by_name.reply, "a number under the list opens that topic");
        let unknown = chat.reply_to("/topics zzz");
        assert!(matches!(&unknown.reply.blocks[0], Block::Text(t) if t.contains("“zzz”")));
        assert_eq!(labels(&unknown), topics);
    }
}
