//! Requests for a list that open a question: "list every border", "name all the
//! people", and a verb of handing over whose object is every item ("give me every
//! figure", "покажи все даты"). Such a request asks for what the answer gives, not
//! whether something is so.

use super::{EVERY, LIST_REQUESTS};

/// Where a list request's verb may stand: after a word or two ("pls", "can you").
const REQUEST_OPENING: usize = 3;

/// Whether `words` (a question's normalized words) open with a request for a list or a
/// name: such a request asks for what the answer gives, not whether something is so,
/// so it is no yes/no question even without a question word ("name all the countries
/// that show up anywhere in the text"). "the list" or "a name" is a noun, not a request.
pub fn requests_a_list(words: &[String]) -> bool {
    words.iter().take(REQUEST_OPENING).enumerate().any(|(i, w)| {
        (LIST_REQUESTS.contains(&w.as_str()) || hands_over_every_item(words, i))
            && (i == 0 || !matches!(words[i - 1].as_str(), "the" | "a" | "this"))
    })
}

/// Verbs that ask to be handed something ("*give* me every figure", "*show* all the
/// dates", "*дай* все цифры"): with every item as their object they request a list as
/// "list" does, though alone they ask for one fact ("tell me who said it").
const HAND_OVER: [&str; 11] =
    ["give", "gimme", "show", "tell", "send", "share", "дай", "дайте", "покажи", "покажите", "скажи"];
/// Who a thing is handed to, between the verb and its object ("give *me* all …").
const RECIPIENT: [&str; 5] = ["me", "us", "мне", "нам", "pls"];

/// Whether `words[at]` is a verb of handing over ([`HAND_OVER`]) whose object, after
/// its recipient, is every item ([`EVERY`]): "give me every number in the story".
fn hands_over_every_item(words: &[String], at: usize) -> bool {
    HAND_OVER.contains(&words[at].as_str())
        && words[at + 1..]
            .iter()
            .find(|w| !RECIPIENT.contains(&w.as_str()))
            .is_some_and(|w| EVERY.contains(&w.as_str()) || w == "everything")
}
