//! Where the decision lines sit on the score; chosen with held-out halves of the
//! question sets in `tests/eval/` (`storybot eval --sweep`; README, "How answers are
//! matched").

/// At or above: answer. Both held-out halves have their knee between 0.40 and
/// 0.45: below, wrong answers to off-topic questions climb; above, right answers
/// to paraphrases fall away.
pub const ANSWER: f32 = 0.40;
/// At or above (and below ANSWER): ask "did you mean".
pub const CLARIFY: f32 = 0.3;
/// A gap this well matched, and ahead of every entry, declines with its note.
pub const GAP: f32 = 0.3;
/// Small talk must fit this well to be taken as small talk.
pub const SMALLTALK: f32 = 0.6;
/// A second entry this close to the first is answered too (two-part questions).
pub const ALSO: f32 = 0.04;
