//! Conversations that follow up on a two-part answer, and messages whose parts depend
//! on each other: questions of our own, in English and Russian, for the rules in
//! `docs/matching.md` ("Follow-ups and the parts of a message").

use storybot::matcher::Outcome;

use crate::support::{converse as chat, shipped_engine as engine};

#[test]
fn a_two_part_answer_leaves_both_entries_to_follow_up_on() {
    let engine = engine();
    let first = engine.respond_in("What did the White House say, and who is Alexei Tsydanov?", None, None);
    let context = first.context.expect("an answer leaves a context");
    assert_eq!((context.entry.as_str(), context.also.as_deref()), ("white-house-view", Some("tsydanov-who")));
}

#[test]
fn a_follow_up_about_the_second_of_two_answers_is_read_with_it() {
    let english =
        chat(&["What did the White House say, and who is Alexei Tsydanov?", "and what did he say?"]);
    assert_eq!(english[1].1, ["tsydanov-statement"], "{english:?}");
    let russian = chat(&["Что сказал Белый дом и кто такой Алексей Цыданов?", "а что он сказал?"]);
    assert_eq!(russian[1].1, ["tsydanov-statement"], "{russian:?}");
    // The first of the two answers is still followed up on as before.
    let first = chat(&["Who is Alexei Tsydanov, and what did the White House say?", "and what did he say?"]);
    assert_eq!(first[1].1, ["tsydanov-statement"], "{first:?}");
}

#[test]
fn a_phrase_that_restricts_a_question_is_not_dropped() {
    // "куда бегут россияне" alone is answered by where people flee; the countries asked
    // for are European ones, which the article does not sort its list by.
    for message in [
        "перечисли все европейские страны, куда бегут россияне",
        "перечисли все южные страны, куда бегут россияне",
    ] {
        let replies = chat(&[message]);
        assert!(!matches!(replies[0].0, Outcome::Answer { .. }), "{message}: {replies:?}");
    }
}
