//! Lists that join what several passages say about one thing ("everything about
//! Buryatia", "every way men got out"): entries of kind `list` and no other kind. A
//! question for everything about the thing is answered by them rather than by one
//! passage.

use super::{covers, is_list};
use crate::knowledge::{AnswerKind, Story};
use crate::matcher::{Candidates, Outcome, thresholds};

/// Words that ask for all there is, not one item ("*everything* about Buryatia", "*all*
/// the ways men got out", "*всё* про Бурятию"); a plural "which" is not one of them.
const EVERYTHING: [&str; 7] = ["all", "every", "everything", "each", "всё", "все", "всего"];

/// Whether a question says it wants all there is ([`EVERYTHING`]).
pub fn asks_for_everything(words: &[String]) -> bool {
    words.iter().any(|w| EVERYTHING.contains(&w.as_str()))
}

/// Whether an entry lists what several passages say and nothing of one kind: a list
/// with no other kind ("every way men got out": by car, by air, fighting back).
pub(super) fn joins_passages(story: &Story, entry: usize) -> bool {
    is_list(story, entry) && story.entries[entry].kinds.iter().all(|k| *k == AnswerKind::List)
}

/// A question for everything about something ("everything the story reports about
/// Buryatia", "all the ways men got out") answered by one passage is answered by the
/// list that joins it with the others, when that list fits well enough to answer on
/// its own and its quotes hold all the answer's and more. A list of one kind
/// (countries, people) is left to [`super::widened_to_every_item`]: "every visa-free country"
/// is not every country.
pub fn widened_to_joined_passages(story: &Story, outcome: Outcome, candidates: &Candidates) -> Outcome {
    let Outcome::Answer { entry, also } = outcome else { return outcome };
    if is_list(story, entry) {
        return outcome;
    }
    let answered: Vec<usize> = std::iter::once(entry).chain(also).collect();
    let joined = candidates.entries.iter().find(|c| {
        c.confidence >= thresholds::ANSWER
            && joins_passages(story, c.entry)
            && answered.iter().all(|&e| covers(story, c.entry, e))
    });
    match joined {
        Some(c) => Outcome::Answer { entry: c.entry, also: None },
        None => outcome,
    }
}
