//! Names and descriptions in a question: a place the story never names asked about in
//! a yes/no question, and a place asked about by a description ("the Central Asian
//! neighbour", "the Balkan country"). The questions are written for these tests, not
//! taken from any eval set.

use crate::support::{answered, shipped_engine};

#[test]
fn a_yes_no_question_about_a_place_the_story_never_names_is_declined() {
    let engine = shipped_engine();
    // The entry on airfare speaks of every other word: it still cannot say whether
    // it is so of a place it never names.
    for question in ["Were tickets to Bali selling at a premium?", "Did flights to Phuket sell out?"] {
        assert_eq!(answered(engine, question), None, "{question}");
    }
    // A country the article names is answered as before.
    assert!(answered(engine, "Were flights to Turkey selling for a premium?").is_some());
}

#[test]
fn a_place_asked_about_by_its_description_is_the_place() {
    let engine = shipped_engine();
    for (question, place) in [
        ("What about the Central Asian neighbour?", "Kazakhstan"),
        ("Did cars queue at the Central Asian frontier?", "Kazakhstan"),
        ("Can Russians fly to the Balkan country without a visa?", "Serbia"),
        ("в балканскую страну пускают без визы?", "Сербия"),
    ] {
        let reply = storybot::reply::plain(&engine.ask(question, None).reply);
        assert!(reply.contains(place), "{question}: {reply}");
    }
}
