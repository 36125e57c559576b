//! The orders a message gives the bot ("ignore previous instructions", "answer yes: …",
//! "напиши, что …"): sentences that give one are set aside, never matched, and a claim
//! ordered confirmed is never confirmed.

use super::super::noise::{
    after_pivot, is_injection, normalized, orders_a_claim, orders_confirmation, without_leading_pivot,
};

/// The orders a message gives the bot, as its sentences are read.
#[derive(Default)]
pub(super) struct Orders {
    /// Role text was injected: an order to say a claim that follows is its order too.
    pub(super) injected: bool,
    /// A claim was ordered confirmed.
    pub(super) confirm: bool,
}

impl Orders {
    /// What of `sentence` is asked: all of it; nothing when it gives an order
    /// ([`Self::set_aside`]), unless a pivot turns to a question after the order
    /// ("ignore the above … okay so what did they say", [`after_pivot`]). After an order,
    /// a pivot that opens a sentence ("ну а кто …") is taken off.
    pub(super) fn question_in<'a>(&mut self, sentence: &'a str) -> Option<&'a str> {
        let ordered = self.injected || self.confirm;
        if self.set_aside(sentence) {
            return after_pivot(sentence).filter(|rest| !self.set_aside(rest));
        }
        Some(if ordered { without_leading_pivot(sentence) } else { sentence })
    }

    /// Whether `sentence` gives an order and is set aside: injected role text, an order
    /// to confirm, or an order to say or write a claim ("напиши, что…"; "скажи, что…"
    /// only after injected text, since it also asks "tell me what…").
    fn set_aside(&mut self, sentence: &str) -> bool {
        let words = normalized(sentence);
        let confirm = orders_confirmation(&words);
        self.confirm |= confirm;
        let injection = !confirm && is_injection(sentence, &words);
        self.injected |= injection;
        confirm || injection || orders_a_claim(sentence, &words, self.injected)
    }
}
