//! How a follow-up's candidates are weighed and settled: the last answer's neighbours
//! first, the last answer itself last, and a "did you mean" settled by neighbourhood.

use super::super::analyze::Analysis;
use super::super::index::DocRef;
use super::super::{Candidates, Decision, Matcher, Outcome, decide};
use super::{Focus, MAX_OWN_FRAGMENT, own_terms};
use crate::knowledge::{AnswerKind, Story};

/// Factor for an entry related to the last answer (its `related` list or its topic):
/// a follow-up most likely stays on the same subject.
const RELATED: f32 = 1.1;
/// Factor for the last answer itself: a follow-up asks something it didn't say.
const SAME_ENTRY: f32 = 0.85;
/// Factor for the last answer's neighbour of the kind a bare question word asks for:
/// "where was it taken?" after who took the photo is where the photo was taken, not
/// where people flee, which fits "where" better on its own.
const NEIGHBOUR_OF_KIND: f32 = 1.25;
/// Factor for an entry of another kind than a bare question word asks for: "why?"
/// wants a reason, "куда?" a place, "who?" a person.
const OTHER_KIND: f32 = 0.8;

/// Reorders the candidates for a follow-up: entries related to the last answer or on
/// its topic a little higher, the last answer itself lower, and, for a bare question
/// word ("why?"), entries of another kind than it asks for lower.
///
/// `by_source` weighs an entry by its source when a follow-up names only a source
/// ([`super::outlet`]), and by the things it names when the follow-up stays on the one
/// the last question named ([`super::stay`]).
pub(super) fn prefer_for_followup(
    story: &Story,
    candidates: &mut Candidates,
    (focus, own): (&Focus, &Analysis),
    by_source: impl Fn(usize) -> f32,
) {
    let bare = own_terms(own).next().is_none();
    let related: Vec<&str> = focus
        .entry
        .map(|e| story.entries[e].related.iter().map(String::as_str).collect())
        .unwrap_or_default();
    for c in &mut candidates.entries {
        let entry = &story.entries[c.entry];
        let mut factor = 1.0;
        if entry.topic == focus.topic || related.contains(&entry.id.as_str()) {
            factor *= RELATED;
        }
        if focus.entry == Some(c.entry) {
            factor *= SAME_ENTRY;
        }
        if bare && own.asks.is_some_and(|kind| !answers_kind(&entry.kinds, kind)) {
            factor *= OTHER_KIND;
        } else if bare && own.asks.is_some() && focus.entry != Some(c.entry) && is_near(story, focus, c.entry)
        {
            factor *= NEIGHBOUR_OF_KIND;
        }
        factor *= by_source(c.entry);
        c.confidence = (c.confidence * factor).min(1.0);
    }
    candidates.entries.sort_by(|a, b| b.confidence.total_cmp(&a.confidence).then(a.entry.cmp(&b.entry)));
    for (doc, score) in &mut candidates.ranked {
        if let DocRef::Entry(e) = doc
            && let Some(c) = candidates.entries.iter().find(|c| c.entry == *e)
        {
            *score = c.confidence;
        }
    }
    candidates.ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
}

/// Whether known gap `gap` is about the last answer: its `related` list names it, so
/// its note says what the article lacks about that answer's subject ("how many went
/// there?" after the men who fled to Belarus).
pub(super) fn gap_is_near(story: &Story, focus: &Focus, gap: usize) -> bool {
    focus.entry.is_some_and(|e| story.gaps[gap].related.contains(&story.entries[e].id))
}

/// Whether known gap `gap` is about the last answer's neighbours: its `related` list
/// names an entry related to that answer or on its topic (the missing byline, about the
/// story's sources, after what the story is about).
pub(super) fn gap_neighbours(story: &Story, focus: &Focus, gap: usize) -> bool {
    let near = |id: &String| {
        story.entries.iter().position(|e| e.id == *id).is_some_and(|e| is_near(story, focus, e))
    };
    story.gaps[gap].related.iter().any(near)
}

/// The decision for a follow-up's candidates: a "did you mean" led by the last
/// answer's neighbour, alone among the offered entries, answers it (after the airfares,
/// "куда?" is where the flights go, not where the men flee).
pub(super) fn settle(story: &Story, candidates: &Candidates, focus: &Focus) -> (Outcome, f32) {
    match decide::decide(candidates) {
        (Outcome::Clarify { entries }, score) => {
            let near = |e: &usize| is_near(story, focus, *e);
            match entries.as_slice() {
                [first, rest @ ..] if near(first) && !rest.iter().any(near) => {
                    (Outcome::Answer { entry: *first, also: None }, score)
                }
                _ => (Outcome::Clarify { entries }, score),
            }
        }
        decided => decided,
    }
}

/// Whether `entry` is the last answer's neighbour: related to it, or on its topic.
pub(super) fn is_near(story: &Story, focus: &Focus, entry: usize) -> bool {
    let related = focus.entry.is_some_and(|e| story.entries[e].related.contains(&story.entries[entry].id));
    related || story.entries[entry].topic == focus.topic
}

/// Whether an entry of these kinds answers a question asking for `kind`.
fn answers_kind(kinds: &[AnswerKind], kind: AnswerKind) -> bool {
    use AnswerKind::*;
    let fits = |k: &AnswerKind| match kind {
        Date => matches!(k, Date | Time),
        Person => matches!(k, Person | Organization),
        Name => matches!(k, Person | Organization | Place),
        other => *k == other,
    };
    kinds.iter().any(fits)
}

impl Matcher {
    /// Whether a fragment goes on from the last answer: its reading with that answer is
    /// answered by the answer's neighbour, which has every word of the fragment's own that
    /// the gap it fits alone has, and that gap is about something else (neither about the
    /// last answer nor about its neighbours). "What day?" after where the photo was taken
    /// is the photo's date, not the missing time of day; "who wrote it?" after what the
    /// story is about keeps the missing byline, a gap about the story's sources.
    pub(super) fn fragment_goes_on(
        &self,
        story: &Story,
        focus: &Focus,
        own: &Analysis,
        alone: &Decision,
        outcome: &Outcome,
    ) -> bool {
        let (&Outcome::Gap { gap }, &Outcome::Answer { entry, .. }) = (&alone.outcome, outcome) else {
            return false;
        };
        let (gap_doc, entry_doc) =
            (self.index.doc_of(DocRef::Gap(gap)), self.index.doc_of(DocRef::Entry(entry)));
        own_terms(own).count() <= MAX_OWN_FRAGMENT
            && is_near(story, focus, entry)
            && !gap_is_near(story, focus, gap)
            && !gap_neighbours(story, focus, gap)
            && !self.index.has_term_missing_from(own, gap_doc, entry_doc)
    }
}
