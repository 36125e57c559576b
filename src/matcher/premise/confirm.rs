//! Questions that ask to have a claim confirmed ("…, right?", "is it true that …",
//! "правда, что …", "подтверди"): they state what they ask about, so an answer that
//! says otherwise corrects them rather than answering yes.

use super::Premises;
use crate::matcher::analyze::{Analysis, QUESTION_MARK};
use crate::matcher::index::{DocRef, Index};
use crate::matcher::question::{ASPECT, ATTRIBUTION, NEGATION, SAYING};
use crate::matcher::yes_no::doc_has;
use crate::matcher::{Matcher, Outcome, decide};

/// Words that ask for a claim to be confirmed wherever they stand.
const CONFIRM_ANYWHERE: [&str; 7] =
    ["confirm", "правда", "верно", "подтверди", "подтвердите", "ведь", "неужели"];
/// Words that ask for it at the end of a question ("…, right?", "…, correct?") or as
/// its opening ("is it *true* that …", "*right*, so …"); elsewhere they are words of
/// the claim ("the right to leave").
const CONFIRM_TAGS: [&str; 5] = ["right", "correct", "true", "innit", "yes"];
/// Whether `term` is a tag that asks for a claim to be confirmed ("is it *true* that
/// …"): in a question that asks so, it is the frame, not a word of the claim.
pub(super) fn is_confirm_tag(term: &str) -> bool {
    CONFIRM_TAGS.contains(&term)
}

/// Words from either end of a question a tag may stand at.
const TAG_REACH: usize = 3;

/// Whether `words` (a question's, lowercase) ask to confirm what they state.
pub(in crate::matcher) fn asks_to_confirm(words: &[String]) -> bool {
    let near_end = words.len().saturating_sub(TAG_REACH);
    words.iter().enumerate().any(|(i, w)| {
        CONFIRM_ANYWHERE.contains(&w.as_str())
            || (CONFIRM_TAGS.contains(&w.as_str()) && (i >= near_end || i < TAG_REACH))
    })
}

impl Premises {
    /// Whether a yes/no question names a thing the article never mentions ("нужна ли
    /// виза в *Монголию*?", "were flights to *Dubai* selling out?": a lexicon name or
    /// an unknown one) that `entry` doesn't speak of: it cannot say whether.
    pub(super) fn names_absent(&self, m: &Matcher, analysis: &Analysis, entry: usize) -> bool {
        let yes_no =
            !analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK) && t != NEGATION && t != ASPECT);
        let doc = m.index.doc_of(DocRef::Entry(entry));
        let absent = |t: &&String| self.absent.contains(t) || analysis.names.contains(*t);
        yes_no
            && (analysis.terms.iter().filter(absent))
                .any(|t| m.index.term(t).is_none_or(|id| !doc_has(&m.index, id, doc)))
    }

    /// Whether a yes/no question asks whether a reporter the article cites said or
    /// reported what it states ("did *Reuters report* the lines at the Finnish border?",
    /// "сообщил ли Reuters …"): like "…, right?", it asks to confirm a claim and its
    /// credit, so a claim the article credits to another is corrected, not declined.
    pub(super) fn asks_about_credit(&self, m: &Matcher, analysis: &Analysis) -> bool {
        let credit = [ATTRIBUTION, SAYING];
        let asks = |t: &String| t.starts_with(QUESTION_MARK) && t != NEGATION && t != ASPECT;
        analysis.terms.iter().any(|t| credit.contains(&t.as_str()))
            && !analysis.terms.iter().any(|t| asks(t) && !credit.contains(&t.as_str()))
            && m.index.entities_in(analysis).iter().any(|n| self.reporters.contains(n))
    }

    /// The entry that answers a question asking to confirm a claim it credits to a
    /// reporter ("the article says *Reuters* reported the lines, right?") once the
    /// reporter is set aside, when that entry credits another: the claim is the
    /// article's, its credit is not.
    pub(super) fn credited_elsewhere(
        &self,
        m: &Matcher,
        analysis: &Analysis,
        outcome: &Outcome,
    ) -> Option<(usize, f32)> {
        let index = &m.index;
        let named = self.reporter_terms(index, analysis);
        if named.is_empty() {
            return None;
        }
        if let Outcome::Answer { entry, .. } = outcome {
            let doc = index.doc_of(DocRef::Entry(*entry));
            if named.iter().all(|&t| doc_has(index, t, doc)) {
                return None;
            }
        }
        let rest = without_terms(index, &analysis.words, &named);
        let (Outcome::Answer { entry, .. }, score) =
            decide::decide(&m.candidates_for(&index.analyzer.analyze_question(&rest.join(" "))))
        else {
            return None;
        };
        let doc = index.doc_of(DocRef::Entry(entry));
        (!named.iter().any(|&t| doc_has(index, t, doc))).then_some((entry, score))
    }

    /// `words` without the reporters `analysis` names ("Reuters says Belarus is
    /// *welcoming* them"): a claim is matched by what it says; the reply's source line
    /// tells whose report it is.
    pub(super) fn without_reporters(
        &self,
        index: &Index,
        analysis: &Analysis,
        words: &[String],
    ) -> Vec<String> {
        let named = self.reporter_terms(index, analysis);
        if named.is_empty() {
            return words.to_vec();
        }
        without_terms(index, words, &named).into_iter().map(str::to_string).collect()
    }

    /// The index terms of the reporters `analysis` names, in its order.
    fn reporter_terms(&self, index: &Index, analysis: &Analysis) -> Vec<u32> {
        (index.named_terms_in(analysis).into_iter())
            .filter(|(_, n)| self.reporters.contains(n))
            .map(|(t, _)| t)
            .collect()
    }
}

/// `words` but those read as one of the index terms `terms`.
pub(super) fn without_terms<'w>(index: &Index, words: &'w [String], terms: &[u32]) -> Vec<&'w str> {
    (words.iter().map(String::as_str))
        .filter(|w| {
            let read = index.analyzer.analyze_question(w).terms;
            !read.iter().filter_map(|t| index.term(t)).any(|t| terms.contains(&t))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(String::from).collect()
    }

    #[test]
    fn a_tag_or_an_order_asks_to_confirm() {
        assert!(asks_to_confirm(&words("the governor admitted mistakes right")));
        assert!(asks_to_confirm(&words("is it true that flights sold out")));
        assert!(asks_to_confirm(&words("это правда что белоруссия ловит уклонистов")));
        assert!(asks_to_confirm(&words("губернатор ведь отрицал ошибки")));
        assert!(!asks_to_confirm(&words("did men lose the right to leave the country at all")));
        assert!(!asks_to_confirm(&words("did the governor admit mistakes")));
    }
}
