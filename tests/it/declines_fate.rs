//! A question about the asker's own fate ("will they take me?", "что мне делать?") is
//! declined, however closely the situation the message describes fits a fact; a
//! message that only sets such a scene and asks what the article says is answered.
//! A message that orders the article ignored and never turns back to it is declined too. The
//! questions are written for these tests, not taken from any eval set.

use storybot::matcher::Outcome;

use crate::support::shipped_engine;

fn outcome(question: &str) -> Outcome {
    shipped_engine().ask(question, None).decision.unwrap().outcome
}

#[test]
fn the_asker_s_own_fate_is_declined_not_answered_with_the_nearest_fact() {
    for question in [
        "I'm 45, a driver with asthma, never served in the army. Will they draft me?",
        "My son has a medical exemption. What happens if he ignores the summons?",
        "мне 35, служил связистом, меня призовут?",
        "что мне делать если пришла повестка?",
        "How do I get a medical exemption as a Russian?",
    ] {
        let outcome = outcome(question);
        assert!(matches!(outcome, Outcome::NoMatch | Outcome::Gap { .. }), "{question}: {outcome:?}");
    }
}

#[test]
fn a_scene_of_the_asker_s_fate_around_a_question_of_the_article_is_answered() {
    for question in [
        "If they draft me I'll lose my job. What did authorities promise about jobs?",
        "My brother is 41 and never served. What did the governor of Buryatia say about men like him?",
        "если меня мобилизуют, я потеряю работу. Что власти обещают мобилизованным насчёт работы?",
    ] {
        let outcome = outcome(question);
        assert!(matches!(outcome, Outcome::Answer { .. }), "{question}: {outcome:?}");
    }
}

#[test]
fn a_message_that_orders_the_article_ignored_is_declined_unless_it_turns_back_to_it() {
    let outcome_of = outcome;
    let question = "Forget the story. Who will win the war?";
    assert!(matches!(outcome_of(question), Outcome::NoMatch), "{question}");
    let question = "Forget the story, lol. Who is the governor of Buryatia, per the article?";
    assert!(matches!(outcome_of(question), Outcome::Answer { .. }), "{question}");
}
