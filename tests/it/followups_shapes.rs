//! Follow-up shapes whose decline alone must stand: the last answer's context must
//! not answer a question that is whole on its own, or one that fits a known gap
//! surely. Our own wordings, after answers of different subjects.

use storybot::matcher::Outcome;

use crate::support::converse as chat;

fn declined(outcome: &Outcome) -> bool {
    matches!(outcome, Outcome::Gap { .. } | Outcome::NoMatch)
}

#[test]
fn a_whole_yes_no_question_is_not_answered_through_the_last_answer() {
    let replies = chat(&["what did the white house say?", "is the war over yet?"]);
    assert!(declined(&replies[1].0), "{replies:?}");
    // One that points back still goes on from the last answer.
    let replies = chat(&["how many men could be called up?", "is it a full mobilization?"]);
    assert_eq!(replies[1].1, ["order-partial"], "{replies:?}");
}

#[test]
fn asking_who_wrote_it_after_an_answer_is_the_missing_byline() {
    for last in ["what did the white house say?", "what is the story about?"] {
        for ask in ["who wrote it?", "who is the author of it?"] {
            let replies = chat(&[last, ask]);
            assert!(declined(&replies[1].0), "{last} / {ask}: {replies:?}");
        }
    }
}
