//! What a reply puts beside its answer: a second entry ("Also:") only when a sentence
//! of the article backs it that the answer does not already show.

use std::path::Path;

use storybot::evaluate::question_sets;
use storybot::matcher::Outcome;

use crate::support::{converse, shipped_engine};

/// Every answered question of `tests/eval/` and every phrasing the knowledge ships: a
/// second entry backed only by the quotes the first already shows, or by parts of them,
/// would restate it.
#[test]
fn a_second_entry_is_backed_by_a_sentence_the_answer_does_not_show() {
    let engine = shipped_engine();
    let story = &engine.story;
    let mut questions: Vec<String> = question_sets(Path::new("tests/eval"))
        .unwrap()
        .into_iter()
        .flat_map(|(_, cases)| cases.into_iter().map(|c| c.q))
        .collect();
    for entry in &story.entries {
        questions.extend(entry.questions.en.iter().chain(&entry.questions.ru).cloned());
    }
    let mut seconds = 0;
    for question in &questions {
        let Some(decision) = engine.respond(question, None).decision else { continue };
        let Outcome::Answer { entry, also: Some(also) } = decision.outcome else { continue };
        seconds += 1;
        let shown = &story.entries[entry].quotes;
        let held = |q: &String| shown.iter().any(|s| s.contains(q.as_str()));
        assert!(
            !story.entries[also].quotes.iter().all(held),
            "{question:?}: {} is shown under {} on the same quotes",
            story.entries[also].id,
            story.entries[entry].id
        );
    }
    assert!(seconds > 10, "only {seconds} answers have a second entry: the check checks little");
}

/// A follow-up's answer, too: after the call-up figure, "and in buryatia?" gets what
/// Reuters reports of Buryatia once, not again in other words under "Also:".
/// The part of a sentence the answer shows whole says nothing new: "what's Belarus
/// doing?" gets the sentence on the men who fled there, which holds the round-up.
#[test]
fn a_second_entry_backed_by_part_of_the_quote_shown_is_left_out() {
    let engine = shipped_engine();
    let response = engine.respond("so what's Belarus doing?", None);
    let text = storybot::reply::plain(&response.reply);
    let Some(Outcome::Answer { entry, also }) = response.decision.map(|d| d.outcome) else {
        panic!("an answer: {text}")
    };
    assert!(text.contains("round up"), "{text}");
    assert_eq!(also, None, "{text}: restated under {}", engine.story.entries[entry].id);
    assert!(!text.contains("Also"), "{text}");
}

#[test]
fn a_follow_up_answer_does_not_restate_itself() {
    let turns = converse(&["how many could be called up?", "and in buryatia?"]);
    let (outcome, ids) = &turns[1];
    assert!(matches!(outcome, Outcome::Answer { also: None, .. }), "{ids:?}");
}
