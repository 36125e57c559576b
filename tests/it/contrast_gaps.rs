//! A gap asked about things set against what the article names ("*other* regions",
//! "the *only* one", "*кроме*", "*тоже*") fits only a question that sets something
//! against it too: "what governor conceded errors?" is answered with the governor the
//! article names, while "did governors elsewhere concede errors too?" stays the decline.
//! The questions are written for these tests, not taken from any eval set.

use storybot::matcher::Outcome;

use crate::support::shipped_engine;

/// The gap every question below is near: the article names no region but one.
const OTHER_REGIONS: &str = "gap-other-regions-errors";

/// The id of the gap a question is declined with, or None for any other outcome.
fn declined_with(question: &str) -> Option<String> {
    let engine = shipped_engine();
    match engine.ask(question, None).decision.unwrap().outcome {
        Outcome::Gap { gap } => Some(engine.story.gaps[gap].id.clone()),
        _ => None,
    }
}

#[test]
fn a_question_without_a_word_of_contrast_is_not_declined_with_a_gap_about_others() {
    for question in [
        "what governor conceded errors in the call-up",
        "Какой глава региона признал ошибки при призыве?",
        "губернатор признал ошибки мобилизации?",
    ] {
        assert_ne!(declined_with(question).as_deref(), Some(OTHER_REGIONS), "{question}");
    }
}

#[test]
fn a_question_that_sets_others_against_the_article_keeps_the_gap() {
    for question in [
        "Did the heads of any other regions concede such mistakes?",
        "did governors elsewhere concede errors too?",
        "was that region the only one where the call-up went wrong?",
        "Кроме Бурятии, где-нибудь ещё признали ошибки призыва?",
        "А в других регионах тоже ошибочно призывали?",
    ] {
        assert_eq!(declined_with(question).as_deref(), Some(OTHER_REGIONS), "{question}");
    }
}
