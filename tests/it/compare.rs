//! Questions that compare two things the story names, in our own wordings: both sides'
//! facts when one entry gives the measure for both, a decline when the article gives
//! no amount to compare (`src/matcher/compare.rs`).

use crate::support::converse;

/// The entry answered first for a question asked alone, if any.
fn answered(question: &str) -> Option<String> {
    converse(&[question]).into_iter().next().and_then(|(_, ids)| ids.into_iter().next())
}

#[test]
fn a_measure_given_for_both_sides_answers_the_comparison() {
    for question in [
        "were the lines longer in finland or georgia",
        "which queue was longer: the finnish one or the kazakh one?",
        "где очереди длиннее — в Казахстан или в Финляндию?",
    ] {
        assert_eq!(answered(question).as_deref(), Some("border-queue-length"), "{question}");
    }
}

#[test]
fn a_count_the_article_never_gives_is_not_compared() {
    // The article names where men went but counts no one: an entry naming both sides
    // would read as a verdict.
    for question in [
        "did more men go to Georgia or to Finland?",
        "which border had more people cross, Kazakhstan or Finland?",
        "куда уехало больше: в Казахстан или в Грузию?",
        "which country is cheaper to fly to, Turkey or Serbia?",
    ] {
        assert_eq!(answered(question), None, "{question}");
    }
    // Without a comparison, the same sides are still answered.
    assert_eq!(answered("did men go to Georgia or to Finland?").as_deref(), Some("where-fleeing"));
}

#[test]
fn a_superlative_about_one_border_is_no_comparison() {
    // "Longest" is not read as "long": which crossing had the longest line asks for a
    // crossing the article never names, not for the length of the lines.
    assert_eq!(answered("which kazakh crossing had the longest line?"), None);
}
