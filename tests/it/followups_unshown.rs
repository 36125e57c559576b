//! Follow-ups that ask for what the reader hasn't seen: "tell me more" that goes on to
//! something not yet shown (never back and forth between two answers), and "source?" after a
//! plain decline (nothing to source). Wordings of our own.

use crate::support::{converse as chat, each_response, outcome_of};
use storybot::matcher::Outcome;

#[test]
fn asking_for_more_never_shows_an_answer_again() {
    let conversations: [&[&str]; 2] = [
        &["who is the governor?", "tell me more", "tell me more", "tell me more", "tell me more"],
        &["what happened in Buryatia?", "подробнее", "подробнее", "подробнее"],
    ];
    for conversation in conversations {
        let replies = chat(conversation);
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
