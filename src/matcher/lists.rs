//! Questions that ask for a whole list: "which people does the article name?", "list
//! every number in the story". An entry of kind `list` gives every thing of a kind the
//! whole article names. Its phrasings are made of words any list question shares
//! ("names", "countries", "mentioned"), so a follow-up fragment read with the last
//! answer ("any other names?" after the White House) would fit them better than the
//! last answer's own subject: such a follow-up asks about that subject, not the article.

use super::index::DocRef;
use super::{Candidates, Outcome};
use crate::knowledge::{AnswerKind, Story};

/// Whether entry `entry` lists every thing of a kind the article names.
pub fn is_list(story: &Story, entry: usize) -> bool {
    story.entries.get(entry).is_some_and(|e| e.kinds.contains(&AnswerKind::List))
}

/// Leaves the whole-article lists out of a follow-up's candidates, unless the last
/// answer was one: after "which countries does the article mention?", "and the
/// people?" still asks for a list.
pub fn keep_lists_to_list_talk(story: &Story, candidates: &mut Candidates, last: Option<usize>) {
    if last.is_some_and(|e| is_list(story, e)) {
        return;
    }
    candidates.entries.retain(|c| !is_list(story, c.entry));
    candidates.ranked.retain(|(doc, _)| !matches!(doc, DocRef::Entry(e) if is_list(story, *e)));
}

/// A whole-article list is not said beside another answer: the other part of the
/// message restricts it ("перечисли все страны, куда бегут россияне" lists where they
/// flee, not every country) or the list was a stray match of a preamble. Two lists
/// ("which countries and people are named?") are both said.
pub fn no_list_beside_an_answer(story: &Story, outcome: Outcome) -> Outcome {
    match outcome {
        Outcome::Answer { entry, also: Some(other) } if is_list(story, entry) != is_list(story, other) => {
            let kept = if is_list(story, entry) { other } else { entry };
            Outcome::Answer { entry: kept, also: None }
        }
        outcome => outcome,
    }
}
