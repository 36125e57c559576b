//! "300k or a million?": of two figures a question offers, the one the article states
//! answers, with the correction for the other.

use super::Premises;
use crate::knowledge::Story;
use crate::knowledge::claims::Claim;
use crate::matcher::analyze::Analysis;
use crate::matcher::{Matcher, thresholds};

impl Premises {
    /// For a question that offers two figures to choose from ("300k or a million??",
    /// "300 тысяч или 3 миллиона?"), one the article states and one it doesn't: the
    /// entry that states the article's, when it answers the question without the other.
    pub(super) fn which_figure(
        &self,
        m: &Matcher,
        story: &Story,
        analysis: &Analysis,
    ) -> Option<(usize, f32)> {
        let words = &analysis.words;
        if !words.iter().any(|w| matches!(w.as_str(), "or" | "или" | "либо")) {
            return None;
        }
        // The words are normalized: "300k", "a million", "3 млн" are digits by now.
        let numbers: Vec<usize> =
            (0..words.len()).filter(|&i| words[i].bytes().all(|b| b.is_ascii_digit())).collect();
        let [a, b] = numbers.as_slice() else { return None };
        let states = self.stated(story);
        let backs = |i: usize| states.article.backs(&Claim::Number(words[i].clone()));
        let (stated, wrong) = match (backs(*a), backs(*b)) {
            (true, false) => (*a, *b),
            (false, true) => (*b, *a),
            _ => return None,
        };
        let entries = &states.figures.iter().find(|(f, _)| *f == words[stated])?.1;
        let rest: Vec<&str> = (0..words.len()).filter(|&i| i != wrong).map(|i| words[i].as_str()).collect();
        let candidates = m.candidates_for(&m.index.analyzer.analyze_question(&rest.join(" ")));
        let stating = candidates.entries.iter().find(|c| entries.contains(&c.entry))?;
        (stating.confidence >= thresholds::ANSWER).then_some((stating.entry, stating.confidence))
    }
}
