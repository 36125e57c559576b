//! A bare swap ("and Kazakhstan?") asks the last question again of the new thing: an
//! entry that merely names the new thing among others does not answer it, and when the
//! question asked whole is declined, so is the follow-up. Questions of our own wording.

use storybot::matcher::Outcome;

use crate::support::converse as chat;

#[test]
fn a_bare_swap_is_declined_when_the_last_question_asked_of_it_is() {
    let english = chat(&["Is Belarus handing Russian men back?", "and Kazakhstan?"]);
    assert!(!matches!(english[1].0, Outcome::Answer { .. }), "{english:?}");
    let russian = chat(&["Беларусь возвращает уклонистов в Россию?", "а Казахстан?"]);
    assert!(!matches!(russian[1].0, Outcome::Answer { .. }), "{russian:?}");
}

#[test]
fn a_bare_swap_the_article_answers_is_still_answered() {
    let queues = chat(&["were there car queues at the Kazakh border?", "and Georgia?"]);
    assert!(matches!(queues[1].0, Outcome::Answer { .. }), "{queues:?}");
    let fled = chat(&["where did people flee to?", "а в Грузию?"]);
    assert!(matches!(fled[1].0, Outcome::Answer { .. }), "{fled:?}");
}
