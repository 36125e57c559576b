//! A count asked of the last answer's subject: "how many?", "how many men?", "сколько?"
//! after the men who fled or after Buryatia asks how many of *them*, not the largest
//! figure the article gives (the order's 300,000). When the best entry is not about the
//! last answer's subject but a known gap about that subject is among the candidates,
//! the article gives no count of it, and the follow-up is declined with that gap.

use super::super::index::DocRef;
use super::super::{Candidates, Outcome};
use super::{Focus, prefer};
use crate::knowledge::{AnswerKind, Story};

/// Words of its own a count follow-up may have beside its question word: whom it counts
/// ("how many *men*?", "сколько *человек*?"). With more it names its own subject.
pub(super) const MAX_OWN_WITH_COUNT: usize = 1;

/// The decline for a count follow-up whose best answer left the last answer's subject:
/// the first known gap among the candidates that is about that subject.
pub(super) fn left_subject(
    story: &Story,
    candidates: &Candidates,
    focus: &Focus,
    (asks, own): (Option<AnswerKind>, usize),
    outcome: &Outcome,
) -> Option<Outcome> {
    if asks != Some(AnswerKind::Number) || own > MAX_OWN_WITH_COUNT {
        return None;
    }
    let Outcome::Answer { entry, .. } = *outcome else { return None };
    if focus.entry == Some(entry) || prefer::is_near(story, focus, entry) {
        return None;
    }
    candidates.ranked.iter().find_map(|(doc, _)| match *doc {
        DocRef::Gap(gap) if gap_on_subject(story, focus, gap) => Some(Outcome::Gap { gap }),
        _ => None,
    })
}

/// Whether known gap `gap` is about the last answer's subject: it names the last answer
/// among its related entries, or one on the same topic.
fn gap_on_subject(story: &Story, focus: &Focus, gap: usize) -> bool {
    let on_topic = |id: &String| story.entries.iter().any(|e| &e.id == id && e.topic == focus.topic);
    prefer::gap_is_near(story, focus, gap) || story.gaps[gap].related.iter().any(on_topic)
}
