//! A figure written without a digit ("a million", "миллион") is a premise to correct as
//! "1 million" is; a figure put in someone's mouth is corrected by any entry that states
//! the article's figure and speaks of the rest; a figure the asker states in passing
//! before another question is corrected only by the best fit. The questions are written
//! for these tests, not taken from any eval set.

use crate::support::{entry_correction_and_reply as asked, shipped_engine as engine};
use storybot::matcher::Correction;

#[test]
fn a_million_written_in_words_is_corrected_with_the_articles_figure() {
    let engine = engine();
    for question in
        ["Putin claimed one million would be drafted, correct?", "Зачем Путин объявил, что призовут миллион?"]
    {
        let (entry, correction, text) = asked(engine, question);
        assert!(entry.is_some(), "{question}: {text}");
        assert_eq!(correction, Some(Correction::Figure), "{question}: {text}");
        assert!(text.contains("300,000") || text.contains("300 000"), "{question}: {text}");
    }
}

#[test]
fn a_figure_in_someones_mouth_is_corrected_by_an_entry_that_states_it() {
    let engine = engine();
    // The best fit reports that Putin spoke (putin-said) but not of this; the entry
    // with his figure does.
    let question = "Why did Putin announce he'd call up 3 million men?";
    let (entry, correction, text) = asked(engine, question);
    assert_eq!(entry.as_deref(), Some("order-300k"), "{question}: {text}");
    assert_eq!(correction, Some(Correction::Figure), "{question}: {text}");
}

#[test]
fn a_figure_stated_in_passing_leaves_the_question_after_it() {
    let engine = engine();
    let question = "after the full mobilization of 1 million reservists, what did the governor concede?";
    let (entry, correction, text) = asked(engine, question);
    assert_eq!(entry.as_deref(), Some("tsydanov-statement"), "{question}: {text}");
    assert_eq!(correction, None, "{question}: {text}");
}
