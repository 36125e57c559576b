//! "Is Armenia on that list too?" after a list that names it: the list is answered
//! again, and the reply says yes first, since the question asked yes or no.

use super::{Engine, Response};
use crate::matcher::{Focus, Outcome};
use crate::reply::{Block, texts::texts};

impl Engine {
    /// `response`, with a yes before its answer when it answers `question` with the last
    /// answer's list again and `question` asks whether the things it names are on it.
    pub(super) fn confirming_listed(
        &self,
        mut response: Response,
        question: &str,
        focus: &Focus,
    ) -> Response {
        let Some(decision) = response.decision.as_ref() else { return response };
        let again = matches!(decision.outcome, Outcome::Answer { entry, .. } if Some(entry) == focus.entry);
        if again && !decision.on_the_list && self.matcher.confirms_listed(&self.story, question, focus) {
            let yes = texts(decision.lang).on_the_list.to_string();
            response.reply.blocks.insert(0, Block::Text(yes));
        }
        response
    }
}
