//! A plain question about one thing of a kind (a country the story names) that only an
//! entry about another of that kind would answer is declined: what the article says
//! of Belarus is not said of Georgia or Kazakhstan. An entry that names the thing asked,
//! among others, still answers. The questions are written for these tests, not taken
//! from any eval set.

use crate::support::{entry_correction_and_reply as asked, shipped_engine};

#[test]
fn a_question_about_one_country_is_not_answered_with_anothers_entry() {
    let engine = shipped_engine();
    for question in [
        "will Kazakhstan send those men back?",
        "is Georgia safe for draft dodgers?",
        "[09:01] Max: any news from the Kazakh side? [09:02] Lena: @storybot will Georgia send those men back?",
    ] {
        let (entry, correction, text) = asked(engine, question);
        assert_eq!(entry, None, "{question}: {text}");
        assert_eq!(correction, None, "{question}: {text}");
        assert!(!text.contains("Belarus"), "{question}: {text}");
    }
}

#[test]
fn an_entry_naming_the_country_among_others_still_answers() {
    let engine = shipped_engine();
    for question in ["how long is the queue at the Kazakh border?", "are tickets to Turkey pricey?"] {
        let (entry, _, text) = asked(engine, question);
        assert!(entry.is_some(), "{question}: {text}");
    }
    // Asked of Belarus itself, its round-ups answer.
    let question = "will Belarus send those men back?";
    let (entry, _, text) = asked(engine, question);
    assert_eq!(entry.as_deref(), Some("belarus-roundup"), "{question}: {text}");
}
