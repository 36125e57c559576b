//! Asked why a thing was said, the entry that gives the reason answers, not a gap on
//! another aspect of the saying (when, where or by whom it was said): such a gap's
//! questions never ask why. A why-question about what a gap says is missing, or about
//! an entry the gap does not point to, stays declined. The questions are written for
//! these tests, not taken from any eval set.

use storybot::matcher::Outcome;

use crate::support::shipped_engine;

/// The outcome's entry or gap id, marked by kind ("entry:…", "gap:…").
fn outcome_of(question: &str) -> String {
    let engine = shipped_engine();
    match engine.ask(question, None).decision.unwrap().outcome {
        Outcome::Answer { entry, .. } => format!("entry:{}", engine.story.entries[entry].id),
        Outcome::Gap { gap } => format!("gap:{}", engine.story.gaps[gap].id),
        other => format!("{other:?}"),
    }
}

#[test]
fn why_a_thing_was_said_gets_the_reason_not_the_gap_on_when_it_was_said() {
    for question in [
        "why did washington call putin's move desperate",
        "why is the White House calling the call-up desperation",
        "почему в Белом доме назвали мобилизацию отчаянием?",
    ] {
        assert_eq!(outcome_of(question), "entry:order-context", "{question}");
    }
}

#[test]
fn why_something_the_article_denies_stays_declined() {
    let question = "why did the governor get fired";
    assert_eq!(outcome_of(question), "gap:gap-tsydanov-fired", "{question}");
}
