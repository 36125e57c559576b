//! Questions about the last answer rather than about the story: "source?", "where
//! does it say that?", "are you sure?", "tell me more".
//!
//! A dispute that states what the asker believes instead ("that's wrong, it was 2
//! million", "неправда, это было в 2021") gets the article's words after the lead that
//! says the article doesn't give that figure, when the answer doesn't give it: the
//! asker is told their figure isn't the article's rather than shown the same quote as
//! if nothing had been said.

use super::{Context, Engine, Response, answered};
use crate::knowledge::Story;
use crate::knowledge::claims::{self, Backing, Claim};
use crate::knowledge::names::{Names, Stemmers};
use crate::lang::Lang;
use crate::matcher::AboutAnswer;
use crate::reply::{self, Reply};

/// Whether `text` (a dispute of the answer from `entry`) states a figure or a date
/// that the entry's answer and quotes do not give.
pub(super) fn states_another_figure(story: &Story, entry: usize, text: &str) -> bool {
    let stemmers = Stemmers::default();
    let claimed: Vec<Claim> = claims::figures(text, &stemmers)
        .into_iter()
        .map(|found| found.claim)
        .chain(claims::dates_in(text, &stemmers).into_iter().map(Claim::Date))
        .collect();
    if claimed.is_empty() {
        return false;
    }
    let entry = &story.entries[entry];
    let names = Names::new(&story.lexicon);
    let mut given = Backing::default();
    for said in [&entry.answer.en, &entry.answer.ru].into_iter().chain(&entry.quotes) {
        given.add_text(said, &names);
    }
    claimed.iter().any(|claim| !given.backs(claim))
}

impl Engine {
    /// A question about the answer from `entry` (its source, its quote, a doubt of it,
    /// more on it), `question` being the message as sent.
    pub(super) fn about_answer(
        &self,
        about: AboutAnswer,
        entry: usize,
        lang: Lang,
        context: &Context,
        question: &str,
    ) -> Response {
        let story = &self.story;
        let (reply, decision) = match about {
            AboutAnswer::Source => {
                (reply::source_of(story, &self.shown, entry, lang), answered(entry, lang, Vec::new()))
            }
            AboutAnswer::Quote => {
                (reply::quote_of(story, &self.shown, entry, lang), answered(entry, lang, Vec::new()))
            }
            // A doubt gets the article's own words on the answer: what it does say.
            AboutAnswer::Doubt => (self.doubted(entry, lang, question), answered(entry, lang, Vec::new())),
            AboutAnswer::More => {
                return match self.unshown_related(entry, context) {
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

    /// The reply to a doubt of the answer from `entry`: its quote, told first that the
    /// article doesn't give the figure or date `text` disputes it with, if so.
    pub(super) fn doubted(&self, entry: usize, lang: Lang, text: &str) -> Reply {
        if states_another_figure(&self.story, entry, text) {
            reply::quote_against_figure(&self.story, &self.shown, entry, lang)
        } else {
            reply::quote_of(&self.story, &self.shown, entry, lang)
        }
    }
}
