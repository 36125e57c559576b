//! A yes-or-no question checks a claim the article makes: when a gap beside the entry
//! that makes it wins only narrowly, and the question has no word of what the gap says
//! is missing, the entry answers. A question that asks for the missing thing (a name,
//! an agency) stays declined. The questions are written for these tests, not taken from
//! any eval set.

use storybot::matcher::Outcome;

use crate::support::shipped_engine;

/// The id of the gap a question is declined with, or None for any other outcome.
fn declined_with(question: &str) -> Option<String> {
    let engine = shipped_engine();
    match engine.ask(question, None).decision.unwrap().outcome {
        Outcome::Gap { gap } => Some(engine.story.gaps[gap].id.clone()),
        _ => None,
    }
}

/// The id of the entry a question is answered with first, or None.
fn answered_with(question: &str) -> Option<String> {
    let engine = shipped_engine();
    match engine.ask(question, None).decision.unwrap().outcome {
        Outcome::Answer { entry, .. } => Some(engine.story.entries[entry].id.clone()),
        _ => None,
    }
}

#[test]
fn a_yes_or_no_claim_the_entry_makes_is_answered_not_declined() {
    let question = "will called-up men have their loan payments frozen?";
    assert_eq!(answered_with(question).as_deref(), Some("promise-loans"), "{question}");
}

#[test]
fn asking_for_what_the_gap_lacks_stays_declined() {
    for (question, gap) in [
        ("what is the loan law called?", "gap-loan-law"),
        ("which Russian agency gets the reports from Belarus?", "gap-belarus-order-details"),
    ] {
        assert_eq!(declined_with(question).as_deref(), Some(gap), "{question}");
    }
}
