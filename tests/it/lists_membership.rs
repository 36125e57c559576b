//! A question alone that asks whether a thing is among those a list names ("was Armenia
//! among the visa-free countries?") gets a yes before the list, only when the answer's
//! own text lists it with others of its kind and says what the question says of them.
//! A list of another kind, a question word or a negation leaves the answer without a
//! yes. The questions are written for these tests, not taken from any eval set.

use crate::support::{entry_and_reply, shipped_engine};

const YES_EN: &str = "Yes, the article names it among them:";
const YES_RU: &str = "Да, статья называет и это:";

#[test]
fn a_thing_the_answer_lists_is_confirmed_before_the_list() {
    let engine = shipped_engine();
    for question in [
        "Was Armenia among the visa-free countries flights went to?",
        "hey, is Turkey one of the countries Russians can fly to without a visa?",
        "Is Serbia included in the list of visa-free destinations?",
    ] {
        let (entry, text) = entry_and_reply(engine, question);
        assert!(entry.is_some() && text.starts_with(YES_EN), "{question}: {text}");
        assert!(text.contains("Armenia") && text.contains("Serbia"), "{question}: {text}");
    }
    let question = "Входит ли Армения в список безвизовых направлений?";
    let (_, text) = entry_and_reply(engine, question);
    assert!(text.starts_with(YES_RU), "{question}: {text}");
}

#[test]
fn a_thing_listed_in_another_list_of_the_answer_is_not_confirmed() {
    let engine = shipped_engine();
    for question in [
        // The answer lists Georgia among the borders with queues, not the visa-free places.
        "Is Georgia one of the visa-free destinations?",
        "Is Georgia one of the countries with visa-free flights and long lines?",
        // Finland is named alone, as a border: no list of visa-free countries names it.
        "Is Finland one of the countries Russians can enter without a visa?",
        // A negation or a question word asks something else than whether.
        "isn't Serbia among the visa-free countries?",
        "Why is Serbia among the visa-free countries?",
    ] {
        let (_, text) = entry_and_reply(engine, question);
        assert!(!text.starts_with("Yes"), "{question}: {text}");
    }
}
