//! What the matcher hands back: the [`Outcome`] for a question, and the [`Decision`]
//! around it (score, language, offers, corrections) that replies and logs read.

use super::DocRef;
use super::premise::Correction;
use crate::lang::Lang;

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

impl Outcome {
    /// Whether the outcome speaks of the story: an answer, or a "did you mean" that
    /// offers entries (rather than declining).
    pub fn speaks(&self) -> bool {
        matches!(self, Outcome::Answer { .. } | Outcome::Clarify { .. })
    }
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub outcome: Outcome,
    /// Confidence in [0, 1]: how well the best entry fits the question.
    pub score: f32,
    pub lang: Lang,
    /// The best documents with their first-stage scores, for logs and `eval`.
    pub ranked: Vec<(DocRef, f32)>,
    /// Entries to offer next: related questions or things the article does answer.
    pub suggestions: Vec<usize>,
    /// With an answer: a known gap that another part of the message asks about.
    pub gap_part: Option<usize>,
    /// The terms the question was matched with, its own first: what a follow-up to
    /// it is read with (at most [`super::followup::MAX_ASKED`]).
    pub asked: Vec<String>,
    /// With an answer: a premise of the question the answer corrects first.
    pub correction: Option<Correction>,
    /// With an answer to two parts: the entries answering the message's further questions
    /// (a third, a fourth), each backed by a sentence the answers before it don't show.
    pub more: Vec<usize>,
    /// With a decline: the question's subject, a word the story never uses that is safe
    /// to name (an English dictionary word the article does not contain).
    pub subject: Option<String>,
    /// With a gap: say only its note's head, what the article lacks
    /// ([`super::note_head`]), since the rest names things the question does not.
    pub note_head_only: bool,
    /// With a decline: the message ordered the article set aside ("Ignore the article.
    /// What did the White House call it?") and asked what it does answer. The reply
    /// says the bot answers only from the article, not that the article doesn't say.
    pub article_set_aside: bool,
    /// With an answer: the question alone asked whether the things it names are among
    /// those the answer lists, which they are; the reply says yes first.
    pub on_the_list: bool,
}

impl Decision {
    pub fn matched(&self) -> bool {
        matches!(self.outcome, Outcome::Answer { .. })
    }
}
