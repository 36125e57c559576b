//! What "which" narrows and what "how long" measures, on the shipped knowledge: a
//! narrowing the knowledge never uses ("which *Asian* countries") and a duration of
//! something no entry measures ("how long are tickets *valid*") are answered by no
//! entry; the kind alone ("which *agency*") is what an answer names an instance of. The
//! questions are written for these tests, not taken from any eval set.

use std::path::Path;

use storybot::engine::Engine;
use storybot::matcher::Outcome;

fn engine() -> Engine {
    Engine::load(Path::new("knowledge")).unwrap()
}

/// The entry a question is answered from, None when it is not answered.
fn answered(engine: &Engine, question: &str) -> Option<String> {
    match engine.matcher.decide(&engine.story, question, None).outcome {
        Outcome::Answer { entry, .. } => Some(engine.story.entries[entry].id.clone()),
        _ => None,
    }
}

#[test]
fn which_with_a_narrowing_no_entry_uses_is_not_answered() {
    let engine = engine();
    for question in
        ["which Asian countries don't need visas for Russians?", "which Hungarian cities do Russians fly to?"]
    {
        assert_eq!(answered(&engine, question), None, "{question}");
    }
    // The kind alone is what the answer names an instance of.
    assert_eq!(
        answered(&engine, "which countries don't need visas for Russians?").as_deref(),
        Some("flights-destinations")
    );
    assert!(answered(&engine, "which agency reported the lines at the Georgian border?").is_some());
}

#[test]
fn how_long_asks_what_lasts() {
    let engine = engine();
    for question in ["how long are the plane tickets valid?", "how long are the flight tickets refundable?"] {
        assert_eq!(answered(&engine, question), None, "{question}");
    }
    let lines = answered(&engine, "how long were the lines at the Georgian border?");
    assert_eq!(lines.as_deref(), Some("border-queue-length"));
    // In a clause that sets the scene, "how long" asks nothing of the answer.
    let question =
        "I'm worried about how long we'd wait. What does the article say about the Finnish border?";
    assert!(answered(&engine, question).is_some(), "{question}");
}
