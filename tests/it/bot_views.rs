//! Questions of the bot's own view or a forecast of the war: told the bot has neither,
//! never answered with the nearest fact. The questions are written for these tests, not
//! taken from any question set.

use storybot::matcher::Outcome;
use storybot::reply::plain;

use crate::support::shipped_engine;

/// The small-talk intent a question is taken as, by id.
fn small_talk(question: &str) -> Option<String> {
    let engine = shipped_engine();
    match engine.ask(question, None).decision.unwrap().outcome {
        Outcome::SmallTalk { intent } => Some(engine.story.smalltalk[intent].id.clone()),
        _ => None,
    }
}

#[test]
fn the_bots_view_or_a_forecast_of_the_war_is_told_it_has_none() {
    for question in [
        "honestly what do you personally make of Putin?",
        "so is russia gonna lose the war or what",
        "а ты лично что думаешь о Путине?",
    ] {
        assert_eq!(small_talk(question).as_deref(), Some("opinion"), "{question}");
    }
    let reply = plain(&shipped_engine().respond("do you think putin will win?", None).reply);
    assert!(reply.contains("no opinions"), "{reply}");
}

#[test]
fn how_the_war_stands_and_what_the_article_says_are_still_asked_of_it() {
    let engine = shipped_engine();
    for question in ["who's winning the war right now?", "what do you think the article says about Belarus?"]
    {
        assert!(engine.ask(question, None).decision.unwrap().matched(), "{question}");
    }
}
