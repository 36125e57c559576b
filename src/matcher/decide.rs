//! From scores to a decision: small talk, a known gap, an answer, "did you mean", or
//! an honest "the article doesn't say".

use super::index::DocRef;
use super::score::Candidates;
use super::{Outcome, thresholds};
use crate::knowledge::Story;

/// A part answered this well is answered even when the whole message is a known gap
/// that another part asks about: a weaker part is more likely a stray match.
const PART_OVER_GAP: f32 = 0.5;

/// A part answered this well settles a "did you mean" about the whole message; a
/// part of chatter around an off-topic question ("… everyone at work talks about
/// Putin") fits barely above the answer line.
const PART_OVER_CLARIFY: f32 = 0.45;

/// A declined question is offered entries that fit it at least this well (as well as
/// a "did you mean"): a weaker fit is a word in common ("the *train* ride" and "can
/// Russia *train* soldiers"), which only brings up what was not asked.
const SUGGEST: f32 = thresholds::CLARIFY;

pub fn decide(c: &Candidates) -> (Outcome, f32) {
    use thresholds::*;
    let (top, top_score) = c.entries.first().map_or((None, 0.0), |t| (Some(t), t.confidence));
    if let Some((DocRef::SmallTalk(intent), score)) = c.smalltalk {
        let gap_score = c.gap.map_or(0.0, |g| g.1);
        if score >= SMALLTALK && score >= top_score && score >= gap_score {
            return (Outcome::SmallTalk { intent }, 0.0);
        }
    }
    // A question that fits a known gap better than any entry asks what the article
    // doesn't say, however well it also fits an entry; unless the gap asks for
    // nothing the entry lacks (its phrasing merely shares the entry's topic words).
    if let Some((DocRef::Gap(gap), score)) = c.gap
        && score >= GAP
        && score > top_score
        && c.gap_asks_more
    {
        return (Outcome::Gap { gap }, top_score);
    }
    let Some(top) = top else { return (Outcome::NoMatch, 0.0) };
    if top.confidence >= ANSWER {
        let also = c
            .entries
            .get(1)
            .filter(|s| s.confidence >= ANSWER && top.confidence - s.confidence <= ALSO)
            .map(|s| s.entry);
        return (Outcome::Answer { entry: top.entry, also }, top.confidence);
    }
    if top.confidence >= CLARIFY {
        let close =
            c.entries.iter().take(3).filter(|s| s.confidence >= CLARIFY * 0.8).map(|s| s.entry).collect();
        return (Outcome::Clarify { entries: close }, top.confidence);
    }
    (Outcome::NoMatch, top.confidence)
}

/// A second entry is shown under the answer ("Also:", for a near tie or a second
/// question) only when it is backed by a sentence the answer does not already show:
/// one backed by the same quotes restates the answer in other words, and the quote
/// shown already holds what the second question asked.
pub fn without_restating_also(story: &Story, outcome: Outcome) -> Outcome {
    match outcome {
        Outcome::Answer { entry, also: Some(also) } if restates(story, entry, also) => {
            Outcome::Answer { entry, also: None }
        }
        outcome => outcome,
    }
}

fn restates(story: &Story, entry: usize, also: usize) -> bool {
    let shown = &story.entries[entry].quotes;
    story.entries[also].quotes.iter().all(|q| holds(shown, q))
}

/// Whether one of the quotes `shown` holds `quote`: the same sentence, or a longer
/// passage it is part of ("Belarus, a close Russian ally that …" inside "Some have fled
/// to Belarus, a close Russian ally that …").
fn holds(shown: &[String], quote: &str) -> bool {
    shown.iter().any(|s| s.contains(quote))
}

/// Whether a gap's note beside an answer ("… The article doesn't give …") would only
/// restate it: every quote backing the note is one the answer already shows. A note
/// backed by no quote says only what the article lacks.
pub fn gap_restates(story: &Story, gap: usize, outcome: &Outcome) -> bool {
    let Outcome::Answer { entry, also } = outcome else { return false };
    let shown =
        |q: &String| [Some(*entry), *also].into_iter().flatten().any(|e| story.entries[e].quotes.contains(q));
    let quotes = &story.gaps[gap].quotes;
    !quotes.is_empty() && quotes.iter().all(shown)
}

/// The entries that answer a message's further questions, beyond the two its answer
/// gives (`shown`): those of `asking` (entries of parts that ask, in the message's
/// order) that are neither shown nor backed only by quotes shown before them, so a third
/// question gets its answer rather than being dropped. Only a message of three or more
/// parts that ask and are answered has further answers.
pub fn further_answers(story: &Story, shown: [usize; 2], asking: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    if asking.len() <= shown.len() {
        // Two questions or fewer: the answer and "also" are theirs.
        return out;
    }
    for &entry in asking {
        let before: Vec<usize> = shown.iter().chain(&out).copied().collect();
        let new_quote = story.entries[entry]
            .quotes
            .iter()
            .any(|q| !before.iter().any(|&b| story.entries[b].quotes.contains(q)));
        if !before.contains(&entry) && new_quote && out.len() < MAX_FURTHER {
            out.push(entry);
        }
    }
    out
}

/// Further answers at most: a message is split into at most four parts
/// ([`super::parts::MAX_PARTS`]), two of which the answer and "also" give.
const MAX_FURTHER: usize = 2;

/// A decision for a whole message made from its parts' decisions.
pub struct Combined {
    pub outcome: Outcome,
    pub score: f32,
    /// A known gap that one part of an answered message asks about.
    pub gap_part: Option<usize>,
}

/// The decision for a whole message, given the decisions for its parts
/// ([`super::parts`]): a part answered with confidence adds its entry to the answer
/// (two-part questions), settles a "did you mean" and outweighs small talk around it
/// ("ok, how many could be called up?"); a part that asks what the article doesn't
/// say gets that said next to the answer to the other, unless the gap is about the
/// answered entry (`gap_of(gap, entry)`): then the second part only narrows the
/// first ("do flights cost more, and how many rubles?").
pub fn combine(
    whole: (Outcome, f32),
    parts: &[(Outcome, f32)],
    context_gap: Option<usize>,
    gap_of: impl Fn(usize, usize) -> bool,
) -> Combined {
    // Each entry a part answers, with its best score, in the message's order.
    let mut answered: Vec<(usize, f32)> = Vec::new();
    for (outcome, score) in parts {
        if let Outcome::Answer { entry, .. } = outcome {
            match answered.iter_mut().find(|(e, _)| e == entry) {
                Some(seen) => seen.1 = seen.1.max(*score),
                None => answered.push((*entry, *score)),
            }
        }
    }
    if answered.len() > 2 {
        // The two parts answered best; a preamble's stray match drops out.
        let mut best = answered.clone();
        best.sort_by(|a, b| b.1.total_cmp(&a.1));
        answered.retain(|a| best[..2].iter().any(|b| b.0 == a.0));
    }
    let part_gap = parts.iter().find_map(|(outcome, _)| match outcome {
        Outcome::Gap { gap } => Some(*gap),
        _ => None,
    });
    let (outcome, score) = match (&whole.0, answered.as_slice()) {
        (_, []) => whole,
        // Two parts, two answers: they are more specific than the whole message's.
        (_, [first, second]) => {
            (Outcome::Answer { entry: first.0, also: Some(second.0) }, first.1.min(second.1))
        }
        (Outcome::Answer { entry, also: None }, [only]) if *entry != only.0 => {
            (Outcome::Answer { entry: *entry, also: Some(only.0) }, whole.1)
        }
        // Unsure about the whole message, sure about one of its questions.
        (Outcome::Clarify { .. }, [only]) if only.1 >= PART_OVER_CLARIFY => {
            (Outcome::Answer { entry: only.0, also: None }, only.1)
        }
        // "ok, how many could be called up?": the greeting or thanks is not the point.
        (Outcome::SmallTalk { .. }, [only]) => (Outcome::Answer { entry: only.0, also: None }, only.1),
        // One part answered, another is a known gap: answer the one, say the other.
        (Outcome::Gap { .. }, [only])
            if only.1 >= PART_OVER_GAP && part_gap.is_some_and(|gap| !gap_of(gap, only.0)) =>
        {
            (Outcome::Answer { entry: only.0, also: None }, only.1)
        }
        // The gap was the scene the message set, not its question.
        (Outcome::Gap { .. }, [only]) if part_gap.is_none() && context_gap.is_some() => {
            (Outcome::Answer { entry: only.0, also: None }, only.1)
        }
        _ => whole,
    };
    let gap_part = match outcome {
        Outcome::Answer { entry, .. } => part_gap.filter(|&gap| !gap_of(gap, entry)).or(context_gap),
        _ => None,
    };
    Combined { outcome, score, gap_part }
}

/// Each entry's and gap's related entries, found by id once per load rather than
/// per question.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Related {
    entries: Vec<Vec<usize>>,
    gaps: Vec<Vec<usize>>,
}

impl Related {
    pub fn new(story: &Story) -> Related {
        let index: rustc_hash::FxHashMap<&str, usize> =
            story.entries.iter().enumerate().rev().map(|(i, e)| (e.id.as_str(), i)).collect();
        let by_id = |ids: &[String]| -> Vec<usize> {
            ids.iter().filter_map(|id| index.get(id.as_str()).copied()).collect()
        };
        Related {
            entries: story.entries.iter().map(|e| by_id(&e.related)).collect(),
            gaps: story.gaps.iter().map(|g| by_id(&g.related)).collect(),
        }
    }

    /// The entries gap `gap` points to, in its order.
    pub fn of_gap(&self, gap: usize) -> &[usize] {
        &self.gaps[gap]
    }
}

/// How many questions a reply offers under it: a few to pick from, not a menu.
pub const OFFERS: usize = 3;

/// Entries to offer after an outcome: related ones, then the story's starters.
pub fn suggestions(related: &Related, outcome: &Outcome, c: &Candidates, starters: &[usize]) -> Vec<usize> {
    let mut out = match outcome {
        Outcome::Answer { entry, also } => {
            let mut related = related.entries[*entry].clone();
            related.retain(|r| Some(*r) != *also);
            related
        }
        Outcome::Gap { gap } => related.gaps[*gap].clone(),
        Outcome::Clarify { .. } | Outcome::SmallTalk { .. } => Vec::new(),
        Outcome::NoMatch => c.entries.iter().filter(|e| e.confidence >= SUGGEST).map(|e| e.entry).collect(),
    };
    let answered = match outcome {
        Outcome::Answer { entry, .. } => Some(*entry),
        _ => None,
    };
    for starter in starters {
        if out.len() >= OFFERS {
            break;
        }
        if !out.contains(starter) && answered != Some(*starter) {
            out.push(*starter);
        }
    }
    out.truncate(OFFERS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clarify_of(entry: usize) -> (Outcome, f32) {
        (Outcome::Clarify { entries: vec![entry] }, 0.35)
    }

    fn answer(entry: usize, score: f32) -> (Outcome, f32) {
        (Outcome::Answer { entry, also: None }, score)
    }

    #[test]
    fn two_parts_answered_answer_both() {
        let c = combine(answer(0, 0.45), &[answer(1, 0.9), answer(2, 0.7)], None, |_, _| false);
        assert_eq!(c.outcome, Outcome::Answer { entry: 1, also: Some(2) });
        assert_eq!(c.score, 0.7);
    }

    #[test]
    fn a_part_the_article_does_not_answer_is_said_next_to_the_answer() {
        let whole = (Outcome::Gap { gap: 5 }, 0.5);
        let parts = [answer(1, 0.9), (Outcome::Gap { gap: 5 }, 0.3)];
        let c = combine(whole.clone(), &parts, None, |_, _| false);
        assert_eq!((c.outcome, c.gap_part), (Outcome::Answer { entry: 1, also: None }, Some(5)));
        // A weakly answered part is likelier a stray match than the message's question.
        let weak = [answer(1, 0.45), (Outcome::Gap { gap: 5 }, 0.3)];
        assert_eq!(combine(whole.clone(), &weak, None, |_, _| false).outcome, whole.0);
        // A gap about the answered entry narrows the question: the whole stays a gap.
        let c = combine(whole.clone(), &parts, None, |gap, entry| (gap, entry) == (5, 1));
        assert_eq!((c.outcome, c.gap_part), (whole.0, None));
    }

    #[test]
    fn a_gap_in_the_scene_a_message_sets_is_said_next_to_the_answer() {
        let whole = (Outcome::Gap { gap: 3 }, 0.42);
        let parts = [(Outcome::NoMatch, 0.3), answer(1, 0.56)];
        let c = combine(whole.clone(), &parts, Some(3), |_, _| true);
        assert_eq!((c.outcome, c.gap_part), (Outcome::Answer { entry: 1, also: None }, Some(3)));
        let c = combine(whole.clone(), &parts, None, |_, _| true);
        assert_eq!(c.outcome, whole.0, "without a scene, the gap the whole asks stands");
    }

    #[test]
    fn small_talk_around_a_question_does_not_hide_it() {
        let c = combine((Outcome::SmallTalk { intent: 0 }, 0.0), &[answer(7, 0.8)], None, |_, _| false);
        assert_eq!(c.outcome, Outcome::Answer { entry: 7, also: None });
    }

    #[test]
    fn a_message_of_one_part_keeps_its_decision() {
        let c = combine((Outcome::NoMatch, 0.1), &[], None, |_, _| false);
        assert_eq!((c.outcome, c.gap_part), (Outcome::NoMatch, None));
        let clarify = (Outcome::Clarify { entries: vec![3, 4] }, 0.35);
        let c = combine(clarify, &[answer(4, 0.5), (Outcome::NoMatch, 0.0)], None, |_, _| false);
        assert_eq!(c.outcome, Outcome::Answer { entry: 4, also: None }, "a part settles 'did you mean'");
        let weak = combine(clarify_of(3), &[answer(4, 0.42)], None, |_, _| false);
        assert_eq!(weak.outcome, clarify_of(3).0, "a barely answered part settles nothing");
        let clarify = (Outcome::Clarify { entries: vec![3] }, 0.35);
        let c = combine(clarify, &[(Outcome::NoMatch, 0.1), answer(9, 0.45)], None, |_, _| false);
        assert_eq!(c.outcome, Outcome::Answer { entry: 9, also: None }, "the one question it is sure of");
    }
}
