//! Facts the article states that readers ask about in few words, and declines that keep
//! to what the article lacks, on the shipped knowledge. The questions are written for
//! these tests, not taken from any eval set.

use crate::support::{entry_and_reply, shipped_engine as engine};

/// The entry answered first, if any, and the reply as plain text.
fn ask(question: &str) -> (Option<String>, String) {
    entry_and_reply(engine(), question)
}

#[test]
fn the_articles_section_labels_are_a_list_it_shows() {
    for question in ["what subheadings does the piece have?", "перечисли рубрики статьи"]
    {
        let (id, text) = ask(question);
        assert_eq!(id.as_deref(), Some("section-labels"), "{question}: {text}");
        for label in ["Driving the news", "The big picture", "State of play", "The other side", "Go deeper"] {
            assert!(text.contains(label), "{question}: {text}");
        }
    }
}

#[test]
fn a_restriction_no_item_of_the_list_meets_is_declined() {
    // The article names Turkey, Serbia and Armenia "and elsewhere", and never the EU:
    // the flights entry must not confirm that those are EU countries.
    for question in ["which European countries are the flights going to?", "летят ли россияне в страны ЕС?"]
    {
        let (id, text) = ask(question);
        assert_eq!(id, None, "{question}: {text}");
        assert!(text.contains("EU") || text.contains("ЕС"), "{question}: {text}");
    }
}

#[test]
fn terse_questions_about_stated_facts_are_answered() {
    for (question, entry) in [
        ("which day was the photo taken?", "photo-date"),
        ("what have Ukrainian troops done in the past few weeks?", "war-territory"),
        ("кто назвал мобилизацию актом отчаяния?", "white-house-view"),
        // "Вова" is what Russian chat calls Putin.
        ("сколько вова хочет призвать?", "order-300k"),
    ] {
        let (id, text) = ask(question);
        assert_eq!(id.as_deref(), Some(entry), "{question}: {text}");
    }
}

#[test]
fn a_decline_about_a_region_says_only_what_the_article_lacks() {
    // The note's second sentence names Reuters, which the question does not: it is cut.
    let (id, text) = ask("what's the population of Buryatia?");
    assert_eq!(id, None, "{text}");
    assert!(text.starts_with("The article gives no population"), "{text}");
    assert!(!text.contains("Reuters"), "{text}");
}
