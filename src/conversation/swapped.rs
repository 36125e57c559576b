//! A message that swaps the conversation's subject for another thing of its kind:
//! "and Georgia, is it sending them back too?" after Belarus's roundups, "no, I meant
//! Kazakhstan — …". It asks the same of the new thing; an answer that doesn't name it
//! answers what was asked before, so the reply says the article doesn't say, and the
//! conversation stays where it was.

use super::{Context, Engine, Response};
use crate::matcher::{Decision, Focus, Outcome};
use crate::reply;

impl Engine {
    /// `response`, unless `question` (a correction when `corrects`) swaps a thing the
    /// conversation named for another of its kind and the entry answered doesn't name
    /// the new one: then a decline that keeps `context`.
    pub(super) fn unless_swapped_away(
        &self,
        response: Response,
        (question, corrects): (&str, bool),
        focus: &Focus,
        context: &Context,
    ) -> Response {
        let Some(decision) = response.decision.as_ref() else { return response };
        let Outcome::Answer { entry, .. } = decision.outcome else { return response };
        if !self.matcher.swaps_to_unanswered(&self.story, (question, corrects), focus, entry) {
            return response;
        }
        let decision = Decision { outcome: Outcome::NoMatch, ..decision.clone() };
        let reply = reply::for_decision_in(&self.story, &self.shown, &decision);
        Response { reply, decision: Some(decision), context: Some(context.clone()) }
    }
}
