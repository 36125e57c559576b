//! Conversations that follow up on a two-part answer, and messages whose parts depend
//! on each other: questions of our own, in English and Russian, for the rules in
//! `docs/matching.md` ("Follow-ups and the parts of a message").

use std::path::Path;
use std::sync::OnceLock;

use storybot::conversation::Context;
use storybot::engine::Engine;
use storybot::matcher::Outcome;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(Path::new("knowledge")).unwrap())
}

/// The outcome of each message sent in turn in one conversation, with the entries it
/// answered by id.
fn chat(messages: &[&str]) -> Vec<(Outcome, Vec<String>)> {
    let engine = engine();
    let mut context: Option<Context> = None;
    let id = |e: usize| engine.story.entries[e].id.clone();
    messages
        .iter()
        .map(|m| {
            let response = engine.respond_in(m, None, context.as_ref());
            context = response.context.clone();
            let outcome = response.decision.map(|d| d.outcome).unwrap_or(Outcome::NoMatch);
            let ids = match outcome {
                Outcome::Answer { entry, also } => {
                    [Some(entry), also].into_iter().flatten().map(id).collect()
                }
                _ => Vec::new(),
            };
            (outcome, ids)
        })
        .collect()
}

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
