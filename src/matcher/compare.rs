//! Questions that compare two things the story names: "were the lines longer at the
//! Finnish or the Georgian border?", "больше уехало в Грузию или в Финляндию?". Such a
//! question asks how much of something each side had. It is answered by an entry that
//! gives an amount and names both sides ("for miles at the Georgian border; at the
//! Finnish one no length is given"), so the reader sees both facts with their quotes
//! and no verdict the article does not state. When no entry does, the article gives at
//! most one side, and an entry about one of them or about both without an amount
//! ("lines formed at the borders with Finland and Georgia") would read as a verdict:
//! the question is declined.

use super::analyze::{Analysis, Analyzer};
use super::index::Index;
use super::{Candidates, Outcome, thresholds};
use crate::knowledge::{AnswerKind, Story};

/// Words that compare how many there were ("*more* went to Georgia or Finland?",
/// "куда *больше* бегут?"). Unless the matcher finds an entry that gives an amount
/// the best fit of its own, such a question asks for counts the story lacks.
const COUNTS: [&str; 10] =
    ["more", "most", "less", "fewer", "больше", "меньше", "побольше", "поменьше", "чаще", "реже"];

/// Words that compare a measure ("*longer* lines", "*длиннее* очередь"): answered by
/// an entry that gives that measure for both sides.
const MEASURES: [&str; 22] = [
    "longer",
    "longest",
    "shorter",
    "bigger",
    "biggest",
    "larger",
    "smaller",
    "busier",
    "busiest",
    "worse",
    "cheaper",
    "pricier",
    "faster",
    "длиннее",
    "короче",
    "дольше",
    "хуже",
    "дороже",
    "дешевле",
    "быстрее",
    "крупнее",
    "загруженнее",
];

/// Words that set two things side by side as alternatives ("Georgia *or* Finland").
const ALTERNATIVES: [&str; 4] = ["or", "vs", "или", "либо"];

/// Whether `words` (a question's normalized words) compare amounts between
/// alternatives: a comparative word and an "or".
pub fn compares_amounts(words: &[String]) -> bool {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    (has(&COUNTS) || has(&MEASURES)) && has(&ALTERNATIVES)
}

/// Whether a comparison compares counts only, no measure.
fn compares_counts(words: &[String]) -> bool {
    !words.iter().any(|w| MEASURES.contains(&w.as_str()))
}

/// The things of one kind a question sets side by side (two countries): terms of one
/// entity group, at least two of them. Empty when it names fewer.
fn sides(index: &Index, analysis: &Analysis) -> Vec<String> {
    let grouped: Vec<(&String, u16)> =
        analysis.terms.iter().filter_map(|t| index.entity_group(t).map(|g| (t, g))).collect();
    let Some(&(_, group)) = grouped.iter().find(|(_, g)| grouped.iter().filter(|(_, h)| h == g).count() >= 2)
    else {
        return Vec::new();
    };
    grouped.into_iter().filter(|(_, g)| *g == group).map(|(t, _)| t.clone()).collect()
}

/// Whether entry `entry` gives an amount and its answer names every side.
fn gives_both_amounts(story: &Story, analyzer: &Analyzer, entry: usize, sides: &[String]) -> bool {
    let e = &story.entries[entry];
    if !e.kinds.contains(&AnswerKind::Number) {
        return false;
    }
    // Both languages: a side may be named by an English or a Russian term.
    let named = |text: &str| analyzer.analyze_question(text).terms;
    let (en, ru) = (named(&e.answer.en), named(&e.answer.ru));
    sides.iter().all(|side| en.contains(side) || ru.contains(side))
}

/// The outcome of a question that compares amounts between two things the story names:
/// the most confident candidate fitting at least as well as a "did you mean" that gives
/// an amount and names both (for a count, only the most confident candidate of all),
/// else a decline: a known gap's note, the outcome's own or that of a part of the
/// message (`gap_part`), else "the article doesn't say". Any other question keeps
/// `outcome`.
pub fn compared(
    story: &Story,
    index: &Index,
    analysis: &Analysis,
    outcome: Outcome,
    candidates: &Candidates,
    gap_part: Option<usize>,
) -> Outcome {
    let open = match outcome {
        Outcome::Answer { .. } | Outcome::Clarify { .. } => true,
        // A known gap ("how long do they wait") stays, unless an entry gives the
        // measure compared for both sides.
        Outcome::Gap { .. } => !compares_counts(&analysis.words),
        _ => false,
    };
    if !open || !compares_amounts(&analysis.words) {
        return outcome;
    }
    let sides = sides(index, analysis);
    if sides.is_empty() {
        return outcome;
    }
    let tried = if compares_counts(&analysis.words) { 1 } else { candidates.entries.len() };
    let answering = candidates.entries.iter().take(tried).find(|c| {
        c.confidence >= thresholds::CLARIFY && gives_both_amounts(story, &index.analyzer, c.entry, &sides)
    });
    match answering {
        Some(c) => Outcome::Answer { entry: c.entry, also: None },
        None if matches!(outcome, Outcome::Gap { .. }) => outcome,
        None => gap_part.map_or(Outcome::NoMatch, |gap| Outcome::Gap { gap }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<String> {
        crate::matcher::normalize::words(q)
    }

    #[test]
    fn a_comparison_sets_alternatives_side_by_side_with_a_comparative() {
        assert!(compares_amounts(&words("were the lines longer at the finnish or the georgian border?")));
        assert!(compares_amounts(&words("больше уехало в грузию или в финляндию?")));
        assert!(compares_amounts(&words("which had more cars, Kazakhstan or Georgia")));
        assert!(!compares_amounts(&words("was the photo taken in finland or georgia?")), "no comparative");
        assert!(!compares_amounts(&words("are more men fleeing?")), "no alternatives");
    }
}
