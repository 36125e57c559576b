//! Follow-ups that ask for what the reader hasn't seen: a count of the last answer's
//! subject (not the article's biggest figure), "tell me more" that goes on to something
//! not yet shown (never back and forth between two answers), and "source?" after a
//! plain decline (nothing to source). Wordings of our own.

use crate::support::{converse as chat, each_response, outcome_of};
use storybot::matcher::Outcome;

#[test]
fn a_bare_count_after_a_subject_counts_that_subject_or_declines() {
    for conversation in [
        ["which Russians have been leaving?", "how many?"],
        ["what happened in Buryatia?", "and how many guys?"],
        ["кто уезжает из России?", "сколько?"],
    ] {
        let replies = chat(&conversation);
        assert!(matches!(replies[1].0, Outcome::Gap { .. }), "{conversation:?}: {replies:?}");
    }
}

#[test]
fn asking_for_more_never_shows_an_answer_again() {
    for conversation in [
        ["who is the governor?", "tell me more", "tell me more", "tell me more", "tell me more"],
        ["what happened in Buryatia?", "подробнее", "подробнее", "подробнее"],
    ] {
        let replies = chat(&conversation);
        let mut seen: Vec<&String> = Vec::new();
        for (_, ids) in &replies {
            assert!(ids.iter().all(|id| !seen.contains(&id)), "{conversation:?}: {replies:?}");
            seen.extend(ids);
        }
    }
}

#[test]
fn a_source_after_a_plain_decline_has_nothing_to_source() {
    for conversation in [
        vec!["what's the weather like in Moscow today?", "source?"],
        vec!["who left Russia?", "what is the price of bread in Moscow?", "who said that?"],
    ] {
        let last = each_response(&conversation, |_, response| {
            (outcome_of(response), format!("{:?}", response.reply))
        });
        let (outcome, reply) = last.last().expect("a reply");
        assert_eq!(*outcome, Outcome::NoMatch, "{conversation:?}: {last:?}");
        assert!(reply.contains("no source"), "{conversation:?}: {reply}");
    }
}
