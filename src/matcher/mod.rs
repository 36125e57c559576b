//! The matcher: a question → an [`Outcome`], pure and synchronous.
//!
//! normalize → analyze (stop words, stems, synonyms, typos) → score against the index
//! → decide: answer, clarify ("did you mean"), an honest decline, or small talk. Every
//! step caps its input, so a question of any length costs bounded time.

mod analyze;
mod index;
pub mod normalize;
mod score;

pub use index::DocRef;

use crate::knowledge::Story;
use crate::lang::Lang;
use index::Index;

/// Where the decision lines sit; calibrated on the question sets in `tests/eval/`
/// (see the README, "How answers are matched").
pub mod thresholds {
    /// At or above: answer.
    pub const ANSWER: f32 = 0.45;
    /// At or above (and below ANSWER): ask "did you mean".
    pub const CLARIFY: f32 = 0.32;
    /// Small talk must fit this well to be taken as small talk.
    pub const SMALLTALK: f32 = 0.6;
    /// How much better than the best entry a gap must fit to decline.
    pub const GAP_MARGIN: f32 = 0.05;
    /// A second entry this close to the first, covering other words, is answered too.
    pub const ALSO: f32 = 0.08;
}

/// What the bot should do with a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Answer from an entry; `also` is a second entry for a two-part question.
    Answer { entry: usize, also: Option<usize> },
    /// Unsure between these entries: ask which one was meant.
    Clarify { entries: Vec<usize> },
    /// A known gap: the article does not say, and the gap's note says what it does say.
    Gap { gap: usize },
    /// A greeting, thanks, "who are you".
    SmallTalk { intent: usize },
    /// Nothing fits: the article doesn't say.
    NoMatch,
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub outcome: Outcome,
    /// Confidence in [0, 1] of the best candidate.
    pub score: f32,
    pub lang: Lang,
    /// The best candidates with their scores, for logs and `eval`.
    pub ranked: Vec<(DocRef, f32)>,
    /// Entries to offer next: related questions or things the article does answer.
    pub suggestions: Vec<usize>,
}

impl Decision {
    pub fn matched(&self) -> bool {
        matches!(self.outcome, Outcome::Answer { .. })
    }
}

pub struct Matcher {
    index: Index,
    /// Entries offered when nothing else fits: the first of each topic.
    starters: Vec<usize>,
}

impl Matcher {
    pub fn new(story: &Story) -> Matcher {
        let topics = story.topics();
        let starters = topics
            .iter()
            .filter_map(|t| story.entries.iter().position(|e| e.topic == *t))
            .collect();
        Matcher {
            index: Index::build(story),
            starters,
        }
    }

    /// Entries to offer a newcomer: the first question of each topic.
    pub fn starters(&self) -> Vec<usize> {
        self.starters.iter().copied().take(4).collect()
    }

    /// The terms a question is read as, with their weights ("?" for unknown words).
    pub fn explain_terms(&self, question: &str) -> String {
        let analysis = self.index.analyzer.analyze_question(question);
        let asks = analysis
            .asks
            .map(|k| format!(" asks={k:?}"))
            .unwrap_or_default();
        let terms: Vec<String> = analysis
            .terms
            .iter()
            .map(|t| match self.index.term(t) {
                Some(id) => format!(
                    "{t}={:.2}{}",
                    self.index.idf[id as usize],
                    if analysis.corrected.contains(t) {
                        "(typo)"
                    } else {
                        ""
                    }
                ),
                None => format!("{t}=?"),
            })
            .collect();
        terms.join(" ") + &asks
    }

    /// Decides what to do with `question`; `lang_hint` is Telegram's `language_code`.
    pub fn decide(&self, story: &Story, question: &str, lang_hint: Option<&str>) -> Decision {
        let lang = Lang::detect(question, lang_hint);
        let analysis = self.index.analyzer.analyze_question(question);
        let ranked: Vec<(DocRef, f32)> = score::rank(&self.index, &analysis)
            .into_iter()
            .take(8)
            .map(|s| (self.index.docs[s.doc as usize].target, s.score))
            .collect();
        let (outcome, score) = decide(&ranked, &analysis.terms);
        let suggestions = self.suggestions(story, &outcome, &ranked);
        Decision {
            outcome,
            score,
            lang,
            ranked,
            suggestions,
        }
    }

    fn suggestions(
        &self,
        story: &Story,
        outcome: &Outcome,
        ranked: &[(DocRef, f32)],
    ) -> Vec<usize> {
        let by_id = |ids: &[String]| -> Vec<usize> {
            ids.iter()
                .filter_map(|id| story.entries.iter().position(|e| &e.id == id))
                .collect()
        };
        let mut out = match outcome {
            Outcome::Answer { entry, also } => {
                let mut related = by_id(&story.entries[*entry].related);
                related.retain(|r| Some(*r) != *also);
                related
            }
            Outcome::Gap { gap } => by_id(&story.gaps[*gap].related),
            Outcome::Clarify { .. } | Outcome::SmallTalk { .. } => Vec::new(),
            Outcome::NoMatch => ranked
                .iter()
                .filter_map(|(d, s)| matches!(d, DocRef::Entry(_)).then_some((*d, *s)))
                .filter(|(_, s)| *s >= 0.2)
                .filter_map(|(d, _)| {
                    if let DocRef::Entry(e) = d {
                        Some(e)
                    } else {
                        None
                    }
                })
                .collect(),
        };
        for starter in &self.starters {
            if out.len() >= 3 {
                break;
            }
            if !out.contains(starter)
                && !matches!(outcome, Outcome::Answer { entry, .. } if entry == starter)
            {
                out.push(*starter);
            }
        }
        out.truncate(3);
        out
    }
}

fn decide(ranked: &[(DocRef, f32)], terms: &[String]) -> (Outcome, f32) {
    use thresholds::*;
    let Some(&(best, best_score)) = ranked.first() else {
        return (Outcome::NoMatch, 0.0);
    };
    let _ = terms;
    let entries: Vec<(usize, f32)> = ranked
        .iter()
        .filter_map(|&(d, s)| {
            if let DocRef::Entry(e) = d {
                Some((e, s))
            } else {
                None
            }
        })
        .collect();
    match best {
        DocRef::SmallTalk(intent) if best_score >= SMALLTALK => {
            return (Outcome::SmallTalk { intent }, best_score);
        }
        _ => {}
    }
    let top_entry = entries.first().map_or(0.0, |e| e.1);
    // A gap declines only when it clearly fits better than every entry; a near tie
    // between "not in the article" and an entry is a question to clarify, not to refuse.
    if let DocRef::Gap(gap) = best {
        if best_score >= CLARIFY && best_score >= top_entry + GAP_MARGIN {
            return (Outcome::Gap { gap }, best_score);
        }
    }
    let Some(&(top, top_score)) = entries.first() else {
        return (Outcome::NoMatch, best_score);
    };
    let best_gap = ranked
        .iter()
        .find(|(d, _)| matches!(d, DocRef::Gap(_)))
        .map_or(0.0, |g| g.1);
    if best_gap > top_score {
        let close: Vec<usize> = entries.iter().take(3).map(|(e, _)| *e).collect();
        return (Outcome::Clarify { entries: close }, top_score);
    }
    if top_score >= ANSWER {
        let also = entries
            .get(1)
            .filter(|(_, s)| *s >= ANSWER && top_score - s <= ALSO)
            .map(|(e, _)| *e);
        (Outcome::Answer { entry: top, also }, top_score)
    } else if top_score >= CLARIFY {
        let close: Vec<usize> = entries
            .iter()
            .take(3)
            .filter(|(_, s)| *s >= CLARIFY * 0.8)
            .map(|(e, _)| *e)
            .collect();
        (Outcome::Clarify { entries: close }, top_score)
    } else {
        (Outcome::NoMatch, top_score)
    }
}
