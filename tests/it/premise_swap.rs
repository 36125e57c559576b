//! A question that names the wrong one of a kind of thing for a fact the article tells
//! of one: a claim to confirm is corrected with the article's thing, a choice of two
//! is answered with the one the article names, and a claim the answer does not speak
//! of is left as it was. The questions are written for these tests, not taken from any
//! eval set.

use crate::support::{entry_correction_and_reply as asked, shipped_engine};
use storybot::matcher::Correction;

#[test]
fn a_claim_naming_the_wrong_place_is_corrected_with_the_articles() {
    let engine = shipped_engine();
    for question in [
        "the picture shows cars queuing at the Kazakh border, correct?",
        "на фото очередь на границе с Грузией, верно?",
    ] {
        let (entry, correction, text) = asked(engine, question);
        assert!(entry.as_deref().is_some_and(|e| e.starts_with("photo-")), "{question}: {text}");
        assert_eq!(correction, Some(Correction::Claim), "{question}: {text}");
        assert!(text.contains("Finland") || text.contains("Финлянд"), "{question}: {text}");
    }
}

#[test]
fn of_two_places_offered_the_one_the_article_names_answers() {
    let engine = shipped_engine();
    for question in
        ["was the photo taken in Kazakhstan or Finland?", "фото сделано в Финляндии или в Грузии?"]
    {
        let (entry, correction, text) = asked(engine, question);
        assert!(entry.as_deref().is_some_and(|e| e.starts_with("photo-")), "{question}: {text}");
        assert_eq!(correction, None, "{question}: {text}");
        assert!(text.contains("Finland") || text.contains("Финлянд"), "{question}: {text}");
    }
}

#[test]
fn a_claim_the_answer_does_not_speak_of_is_not_corrected() {
    let engine = shipped_engine();
    // Nothing in the article says any country closed a border: the lines at the
    // Finnish one are no correction of it.
    let question = "Georgia shut its border to Russian men, right?";
    let (_, correction, text) = asked(engine, question);
    assert_eq!(correction, None, "{question}: {text}");
    // The photo's own place, confirmed, is answered without a correction.
    let question = "the photo shows the Finnish border, right?";
    let (entry, correction, text) = asked(engine, question);
    assert!(entry.is_some(), "{question}: {text}");
    assert_eq!(correction, None, "{question}: {text}");
}
