//! Follow-ups that point back at the last answer's subject: one asking a detail of it
//! exactly ("which people exactly?", "что конкретно?") is answered by that answer, and
//! one asking whether a thing is on the list it gave is answered by the list, with a
//! yes first. Our own wordings.

use storybot::matcher::Outcome;
use storybot::reply::plain;

use crate::support::{converse as chat, each_response};

#[test]
fn asking_exactly_what_or_who_stays_on_the_last_answer() {
    let replies = chat(&["What did the White House call the mobilization?", "what's the precise wording?"]);
    assert_eq!(replies[1].1, ["white-house-view"], "{replies:?}");
    let replies = chat(&["Что с законом о кредитах?", "а что именно этот закон меняет?"]);
    assert_eq!(replies[1].1, ["promise-loans"], "{replies:?}");
    let replies = chat(&["Кто автор снимка?", "а полностью как его зовут?"]);
    assert_eq!(replies[1].1, ["photo-by"], "{replies:?}");
}

#[test]
fn asking_exactly_what_the_last_answer_lacks_goes_elsewhere() {
    // A number it doesn't state.
    let replies = chat(&["What is Minsk doing about draft dodgers?", "how many exactly were detained?"]);
    assert_ne!(replies[1].1, ["belarus-roundup"], "{replies:?}");
    // A full name, after an answer that gives none.
    let replies = chat(&["What did the governor concede?", "what's his full name?"]);
    assert_eq!(replies[1].1, ["tsydanov-who"], "{replies:?}");
}

#[test]
fn asking_whether_a_thing_is_on_the_last_list_says_yes_with_the_list() {
    let messages = ["Name the visa-free destinations", "is Armenia included on that list?"];
    let replies = each_response(&messages, |_, response| plain(&response.reply));
    assert!(replies[1].starts_with("Yes"), "{replies:?}");
    assert!(replies[1].contains("Serbia"), "{replies:?}");
    // Asking for the others gives the list without a yes.
    let messages = ["Name the visa-free destinations", "which other ones apart from Serbia?"];
    let replies = each_response(&messages, |_, response| plain(&response.reply));
    assert!(replies[1].contains("Armenia") && !replies[1].starts_with("Yes"), "{replies:?}");
}

#[test]
fn a_count_so_far_is_not_the_last_answers_possible_count() {
    // The 300,000 is how many could be called up, not how many have been.
    let replies = chat(&["How many people might get called up?", "and how many were mobilized to date?"]);
    assert!(!matches!(replies[1].0, Outcome::Answer { .. }), "{replies:?}");
    // Asked again without "so far", the last answer still holds the number.
    let replies = chat(&["How many people might get called up?", "and how many men?"]);
    assert_eq!(replies[1].1, ["order-300k"], "{replies:?}");
}
