//! When a follow-up's reading alone declines it and that decline stands: the
//! context must not answer a question it was never about. "Is the war over?" is a
//! whole question that declines alone, whatever came before; "who wrote it?" fits the
//! missing byline far better than anything the last answer brings in.

use super::super::{Decision, Outcome};
use super::reference;

/// Auxiliaries that open a whole yes/no question in English ("is the war over?",
/// "did the talks fail?"): subject and predicate follow, so it needs no context.
const OPENING_AUXILIARIES: [&str; 14] =
    ["is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would"];

/// How surely a known gap must fit a message alone to stand against a follow-up
/// reading that answers less surely.
const SURE_GAP: f32 = 0.85;

/// Whether a follow-up's decline alone stands against its reading with the last
/// answer (`outcome`, `score`): a whole yes/no question that points back at nothing,
/// or a known gap the message alone fits surely and better than the follow-up fits,
/// unless the message is a fragment that `goes_on` from the last answer (its reading
/// with it is diluted by that answer's words, so its score says little). That is asked
/// last: it costs the most.
pub(super) fn decline_alone_stands(
    alone: &Decision,
    words: &[String],
    (outcome, score): (&Outcome, f32),
    goes_on: impl FnOnce() -> bool,
) -> bool {
    match alone.outcome {
        Outcome::NoMatch | Outcome::Gap { .. } if is_whole_yes_no(words) => true,
        Outcome::Gap { .. } => {
            alone.score >= SURE_GAP && alone.score > score && outcome.speaks() && !goes_on()
        }
        _ => false,
    }
}

/// Whether the words are a whole yes/no question: an auxiliary first and no word
/// standing for something said before ("is *it* over?" goes on from the last answer).
fn is_whole_yes_no(words: &[String]) -> bool {
    let opens = words.first().is_some_and(|w| OPENING_AUXILIARIES.contains(&w.as_str()));
    opens && words.len() > 2 && !words.iter().any(|w| reference::is_referring(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_whole_yes_no_question_needs_no_context() {
        assert!(is_whole_yes_no(&words("was the border closed")));
        assert!(!is_whole_yes_no(&words("was it closed")));
        assert!(!is_whole_yes_no(&words("how many closed")));
        assert!(!is_whole_yes_no(&words("is that")));
    }
}
