//! "Which agency reported X?" asks for X's source, which every answer shows: the fact
//! decides the match, not the word "agency", and an entry that names only who reported
//! does not answer "where". The questions are written for these tests, not taken from
//! any eval set.

use std::path::Path;

use storybot::engine::Engine;

use crate::support::entry_and_reply as ask;

fn engine() -> Engine {
    Engine::load(Path::new("knowledge")).unwrap()
}

#[test]
fn which_agency_reported_a_fact_is_answered_by_that_fact_with_its_source() {
    let engine = engine();
    for question in
        ["which news agency reported on the call-ups in Buryatia?", "what agency wrote about Buryatia?"]
    {
        let (id, text) = ask(&engine, question);
        assert!(id.as_deref().is_some_and(|id| id.starts_with("buryatia")), "{question}: {id:?} {text}");
        assert!(text.contains("Reuters"), "{question}: {text}");
    }
    // A gap on the same subject asks no more than the fact's source.
    let (id, text) = ask(&engine, "which agency reported the Belarus roundups?");
    assert_eq!(id.as_deref(), Some("belarus-roundup"), "{text}");
    assert!(text.contains("AP"), "{text}");
}

#[test]
fn the_entry_that_names_the_reporting_agency_keeps_its_own_question() {
    let engine = engine();
    let (id, text) = ask(&engine, "Which news agency reports that men are fleeing?");
    assert_eq!(id.as_deref(), Some("exodus-source"), "{text}");
    let (id, text) = ask(&engine, "which news agency said inexperienced men had been forced to enlist?");
    assert_eq!(id.as_deref(), Some("draft-no-experience"), "{text}");
    assert!(text.contains("Reuters"), "{text}");
}

#[test]
fn an_entry_that_names_only_who_reported_does_not_answer_where() {
    let engine = engine();
    for question in ["where are the men escaping to?", "where are the guys escaping to?"] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id.as_deref(), Some("where-fleeing"), "{question}: {text}");
    }
}

#[test]
fn who_gave_a_figure_is_answered_by_the_entry_that_gives_it() {
    let engine = engine();
    // Who said it, not where it came from: the article says who gave the figure.
    for question in ["300,000: who said that number?", "who came out with the figure of 300k?"] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id.as_deref(), Some("order-300k"), "{question}: {text}");
        assert!(text.contains("Putin"), "{question}: {text}");
    }
    // How it was set is what the article doesn't say.
    let (id, text) = ask(&engine, "where does the 300,000 figure come from?");
    assert_eq!(id, None, "{text}");
}
