//! Figures a question offers or asks to have confirmed: "300k or a million?" gets the
//! article's figure with the correction, "is it true that 3 million …?" too, and a
//! figure far off the article's (another thing counted) is not corrected. The
//! questions are written for these tests, not taken from any eval set.

use std::path::Path;

use crate::support::entry_correction_and_reply as asked;
use storybot::engine::Engine;
use storybot::matcher::Correction;

fn engine() -> Engine {
    Engine::load(Path::new("knowledge")).unwrap()
}

#[test]
fn of_two_figures_offered_the_articles_is_given_with_the_correction() {
    let engine = engine();
    for question in
        ["so which is it, 300 thousand or two million?", "триста тысяч или миллион, сколько призовут?"]
    {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some("order-300k"), "{question}: {text}");
        assert_eq!(correction, Some(Correction::Figure), "{question}: {text}");
    }
}

#[test]
fn a_wrong_figure_asked_to_be_confirmed_is_corrected() {
    let engine = engine();
    let question = "is it true that 4 million men were called up?";
    let (entry, correction, text) = asked(&engine, question);
    assert_eq!(entry.as_deref(), Some("order-300k"), "{text}");
    assert_eq!(correction, Some(Correction::Figure), "{text}");
}

#[test]
fn a_figure_far_off_the_articles_counts_something_else() {
    let engine = engine();
    // The size of the whole reserve, some eighty times the call-up: not a mix-up of it.
    let question = "is it true that Russia keeps 25 million men in reserve?";
    let (entry, correction, text) = asked(&engine, question);
    assert_eq!(correction, None, "{question}: {text}");
    assert_ne!(entry.as_deref(), Some("order-300k"), "{question}: {text}");
}
