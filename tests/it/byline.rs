//! Questions about the article's own details that it does not give: its author (it
//! carries no byline, and nobody it quotes wrote it) and the time of day of what it
//! reports (it dates events by the day at most). The questions are written for these
//! tests, not taken from any eval set.

use storybot::matcher::Outcome;

use crate::support::{entry_and_reply, shipped_engine};

/// The id of the gap a question is declined with, None for any other outcome.
fn gap_of(question: &str) -> Option<String> {
    let engine = shipped_engine();
    match engine.ask(question, None).decision.unwrap().outcome {
        Outcome::Gap { gap } => Some(engine.story.gaps[gap].id.clone()),
        _ => None,
    }
}

#[test]
fn the_author_asked_is_the_missing_byline_never_a_person_quoted() {
    let engine = shipped_engine();
    for question in ["Кто автор?", "who is the writer of this?", "автор статьи кто?", "who penned this piece"]
    {
        let (entry, text) = entry_and_reply(engine, question);
        assert_eq!(entry, None, "{question}: {text}");
        assert_eq!(gap_of(question).as_deref(), Some("gap-byline"), "{question}: {text}");
        assert!(!text.contains("Lawler") && !text.contains("Лоулер"), "{question}: {text}");
    }
    // Who wrote one point of it is still the reporter the article credits.
    let (entry, text) = entry_and_reply(engine, "which axios journalist wrote about the analysts' doubts?");
    assert_eq!(entry.as_deref(), Some("dave-lawler"), "{text}");
}

#[test]
fn a_time_of_day_is_not_answered_with_a_day() {
    let engine = shipped_engine();
    for question in [
        "at what hour did the governor put out his statement?",
        "в котором часу губернатор выступил с заявлением?",
        "what time of day were the cars lining up at the border?",
    ] {
        let (entry, text) = entry_and_reply(engine, question);
        assert_eq!(entry, None, "{question}: {text}");
        assert!(!["Friday", "пятниц", "Sept. 22", "22 сентября"].iter().any(|d| text.contains(d)), "{text}");
    }
    // Asked the day, the day answers.
    let (entry, text) = entry_and_reply(engine, "on what day did the governor put out his statement?");
    assert_eq!(entry.as_deref(), Some("tsydanov-when"), "{text}");
}
