//! A correction of the ask alone ("no, I was asking when") keeps the last question's
//! subject and asks of it what the question word asks; what the article lacks about
//! that subject is still declined. Questions of our own wording.

use storybot::matcher::Outcome;

use crate::support::converse as chat;

#[test]
fn a_corrected_question_word_asks_it_of_the_last_subject() {
    let english = chat(&["Where was the picture snapped?", "no, I was asking when"]);
    assert_eq!(english[0].1, ["photo-place"], "{english:?}");
    assert_eq!(english[1].1, ["photo-date"], "{english:?}");
    let russian = chat(&["Где снята фотография?", "нет, не это, я спрашивала когда?"]);
    assert_eq!(russian[0].1, ["photo-place"], "{russian:?}");
    assert_eq!(russian[1].1, ["photo-date"], "{russian:?}");
}

#[test]
fn a_corrected_ask_the_article_cannot_answer_is_declined() {
    let age = chat(&["Who is the governor?", "no, I asked how old"]);
    assert!(!matches!(age[1].0, Outcome::Answer { .. }), "{age:?}");
}
