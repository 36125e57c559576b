//! Phrases the lexicon reads as one meaning even when a longer phrase of another
//! meaning shares their first words: "*doing the round*ing up" is rounding men up, not
//! "doing the rounds" (circulating). The questions are written for these tests, not
//! taken from any eval set.

use crate::support::{answered, shipped_engine};

#[test]
fn doing_the_rounding_up_is_rounding_up_not_circulating() {
    let question = "who's doing the rounding up of draft dodgers";
    assert_eq!(answered(shipped_engine(), question).as_deref(), Some("belarus-roundup"), "{question}");
}

#[test]
fn running_from_the_draft_is_fleeing_not_running_a_country() {
    // "Run" alone may be governing ("who runs Belarus"); run from the draft is fleeing.
    let question = "is belarus arresting men running from the draft?";
    assert_eq!(answered(shipped_engine(), question).as_deref(), Some("belarus-roundup"), "{question}");
}
