//! What a conversation has already shown, and what follows a plain decline.
//!
//! "tell me more" after an answer asks for something the reader hasn't seen: taking the
//! last answer's first neighbour each time goes back and forth between two. So the
//! context keeps the entries shown, and "tell me more" goes on to a neighbour not yet
//! shown, or says the article says no more. After a decline with no known gap,
//! "source?" and "who said that?" have nothing
//! to source, rather than the source of an older answer, and "are you sure?" gets the
//! decline again.

use super::{Context, Engine, Response};
use crate::lang::Lang;
use crate::matcher::{AboutAnswer, Decision, Outcome, Reading};
use crate::reply;

/// Entries a context remembers as shown: more than a conversation goes through on one
/// subject, few enough to keep a context small.
pub const MAX_SHOWN: usize = 12;

impl Engine {
    /// The first entry related to `entry` that the conversation hasn't shown.
    pub(super) fn unshown_related(&self, entry: usize, context: &Context) -> Option<usize> {
        let story = &self.story;
        story.entries[entry]
            .related
            .iter()
            .filter(|id| !context.shown.contains(id))
            .find_map(|id| story.entries.iter().position(|e| &e.id == id))
    }

    /// "source?" after a plain decline: there is nothing to source.
    pub(super) fn nothing_to_source(&self, question: &str, context: &Context) -> Option<Response> {
        if !context.declined_plainly {
            return None;
        }
        let lang = Lang::detect(question, Some(context.lang.code()));
        let reading = self.matcher.reading(question, false);
        if reading == Reading::AboutAnswer(AboutAnswer::Doubt) {
            return Some(self.declined_again(lang, context));
        }
        let about = matches!(reading, Reading::AboutAnswer(AboutAnswer::Source | AboutAnswer::Quote));
        about.then(|| Response {
            reply: reply::no_source(lang),
            decision: None,
            context: Some(context.clone()),
        })
    }

    /// A doubt or dispute of a plain decline ("that's wrong, it does say"): the decline
    /// again, not the article's word on an older answer.
    fn declined_again(&self, lang: Lang, context: &Context) -> Response {
        let decision = Decision {
            outcome: Outcome::NoMatch,
            score: 0.0,
            ..super::answered(0, lang, self.matcher.starters())
        };
        let reply = reply::for_decision_in(&self.story, &self.shown, &decision);
        Response { reply, decision: Some(decision), context: Some(context.clone()) }
    }

    /// `response`, its context marking a plain decline (no known gap) so that "source?"
    /// next has nothing to source; `old` is the context it was read with, if any. After a
    /// plain decline alone the conversation has no subject: the mark is all it keeps.
    pub(super) fn after_plain_decline(&self, mut response: Response, old: Option<&Context>) -> Response {
        let plain = response.decision.as_ref().is_some_and(|d| matches!(d.outcome, Outcome::NoMatch));
        let lang = response.decision.as_ref().map_or(Lang::En, |d| d.lang);
        if let Some(context) = response.context.as_mut() {
            context.declined_plainly = plain;
        } else if plain {
            let shown = old.map(|c| c.shown.clone()).unwrap_or_default();
            response.context = Some(Context {
                entry: String::new(),
                also: None,
                topic: String::new(),
                entities: Vec::new(),
                person: None,
                asked: Vec::new(),
                lang,
                declined: None,
                shown,
                declined_plainly: true,
            });
        }
        response
    }
}

/// Adds to `response`'s context the entries shown before it, in `old`.
pub(super) fn remember(response: &mut Response, old: &Context) {
    let Some(context) = response.context.as_mut() else { return };
    let mut shown = old.shown.clone();
    for id in &context.shown {
        if !shown.contains(id) {
            shown.push(id.clone());
        }
    }
    let extra = shown.len().saturating_sub(MAX_SHOWN);
    shown.drain(..extra);
    context.shown = shown;
}
