//! What follows a decline: the context moves on to what the article does say (a known
//! gap's related entry), but "why not?", "tell me more" and "source?" are about the
//! decline itself. The article has nothing more on what was declined, so they get the
//! decline again, saying so (or that there is no source for what it doesn't say),
//! rather than an answer on a neighbouring subject or the source of an older one.

use super::{Context, Engine, Response};
use crate::lang::Lang;
use crate::matcher::{AboutAnswer, Decision, Outcome, Reading};
use crate::reply;

impl Engine {
    /// The reply to a message about the last decline ("why not?", "tell me more", "source?"),
    /// when the last reply declined with a known gap the knowledge still has.
    pub(super) fn still_declined(
        &self,
        question: &str,
        reading: Reading,
        lang: Lang,
        context: &Context,
    ) -> Option<Response> {
        let id = context.declined.as_deref()?;
        let gap = self.story.gaps.iter().position(|g| g.id == id)?;
        // "that's wrong, it does say" disputes the decline: the article still doesn't.
        let about_decline = matches!(reading, Reading::AboutAnswer(AboutAnswer::More | AboutAnswer::Doubt))
            || crate::matcher::asks_only_why(question);
        let asks_source = reading == Reading::AboutAnswer(AboutAnswer::Source);
        if !about_decline && !asks_source {
            return None;
        }
        let decision = Decision {
            outcome: Outcome::Gap { gap },
            score: 1.0,
            lang,
            ranked: Vec::new(),
            suggestions: self.matcher.gap_related(gap).to_vec(),
            gap_part: None,
            more: Vec::new(),
            correction: None,
            asked: context.asked.clone(),
            subject: None,
            note_head_only: false,
            article_set_aside: false,
            on_the_list: false,
        };
        let mut reply = reply::for_decision_in(&self.story, &self.shown, &decision);
        let lead = if asks_source { reply::no_source(lang) } else { reply::nothing_more(lang) };
        reply.blocks.splice(0..0, lead.blocks);
        Some(Response { reply, decision: Some(decision), context: Some(context.clone()) })
    }
}
