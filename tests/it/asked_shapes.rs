//! Shapes of questions the matcher reads by their frame rather than their words: a
//! request for advice about a thing the story never names, places named by
//! description, and the people a text names asked for in Russian. The questions are
//! written for these tests, not taken from any eval set.

use storybot::matcher::Outcome;

use crate::support::{converse, entry_and_reply, shipped_engine};

/// The entry answered first for a question asked alone, if any.
fn answered(question: &str) -> Option<String> {
    converse(&[question]).remove(0).1.into_iter().next()
}

#[test]
fn the_people_a_text_names_are_a_list_in_russian_too() {
    // "людей" alone is a stop word; "по имени", "называет" and "упоминаются" with the
    // text ask for the people it names, not for its title.
    for question in [
        "перечисли всех людей, которых называет статья по имени",
        "какие люди упоминаются в этом тексте?",
        "назови людей с именами из статьи",
    ] {
        assert_eq!(answered(question).as_deref(), Some("people-named"), "{question}");
    }
    assert_eq!(answered("как называется статья?").as_deref(), Some("story-headline"));
}

#[test]
fn advice_about_a_thing_the_story_never_names_is_declined() {
    let engine = shipped_engine();
    // The border fits an entry, but the app, the hotel, the website is what is asked.
    for question in [
        "what's the best app for checking the wait at the Finnish border?",
        "which hotel near the Georgian border is cheapest?",
        "what app should I use to see the queue into Kazakhstan?",
    ] {
        let decision = engine.ask(question, None).decision.unwrap();
        assert_eq!(decision.outcome, Outcome::NoMatch, "{question}");
    }
    // A superlative before a thing the story knows is no such request.
    let (entry, reply) =
        entry_and_reply(engine, "what is the best known figure for how many men could be called up?");
    assert_eq!(entry.as_deref(), Some("order-300k"), "{reply}");
}

#[test]
fn a_place_named_by_description_is_that_place() {
    for (question, entry) in [
        ("is the Nordic neighbour's border jammed?", "border-finland"),
        ("what happened in that Siberian region?", "buryatia-region"),
        ("очереди на границе с центральноазиатской республикой?", "border-georgia-kz"),
    ] {
        assert_eq!(answered(question).as_deref(), Some(entry), "{question}");
    }
}
