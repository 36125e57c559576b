//! A follow-up that asks how many or when of the last answer's subject, where the
//! article gives neither: "how many such people?" after those drafted without
//! experience, "when was it passed?" after the new loan law. Read with the last
//! answer, the question word pulls in whatever entry states a count or a date (the
//! 300,000 who could be called up, a summary of the promises), which answers another
//! subject or not what was asked. The honest reply is that the article doesn't say:
//! the known gap about the last answer that asks the same, or a plain decline.

use super::super::analyze::Analysis;
use super::super::index::DocRef;
use super::super::{Candidates, Matcher, Outcome};
use super::prefer::is_near;
use super::restate::states;
use super::{Focus, own_terms};
use crate::knowledge::{AnswerKind, Story};
use crate::lang::Lang;

/// Phrases that ask for a count or a length, whose second word the analyzer keeps as a
/// term ("many" of "how many"): it asks the kind, not of a subject.
const ASKING: [&str; 3] = ["how many", "how much", "how long"];

impl Matcher {
    /// The decline for a follow-up (`own`, read with the last answer to `outcome`) that
    /// asks a count or a date of the last answer's subject, which that answer doesn't
    /// state: when the entry chosen states none either (a plain decline, or the known
    /// gap about the last answer that asks it), or states one of another subject while
    /// a known gap says the last subject's is missing, and the follow-up has no word of
    /// that other subject ("how many of them?" after those drafted untrained, not "how
    /// many could be *called up*?").
    pub(super) fn kind_not_given(
        &self,
        story: &Story,
        (focus, own): (&Focus, &Analysis),
        candidates: &Candidates,
        outcome: &Outcome,
        lang: Lang,
    ) -> Option<Outcome> {
        let kind =
            own.asks.filter(|k| matches!(k, AnswerKind::Number | AnswerKind::Date | AnswerKind::Time))?;
        let last = focus.entry?;
        let &Outcome::Answer { entry, .. } = outcome else { return None };
        if entry == last || states(&story.entries[last], kind, lang) {
            return None;
        }
        if !states(&story.entries[entry], kind, lang) {
            let gap = self.gap_asking(story, focus, kind, candidates, lang);
            return Some(gap.map_or(Outcome::NoMatch, |gap| Outcome::Gap { gap }));
        }
        if is_near(story, focus, entry) {
            return None;
        }
        // A word of the message's own that the chosen entry has and the last answer
        // lacks names the chosen entry's subject ("how many could be *called up*?").
        let index = &self.index;
        let (chosen, was) = (index.doc_of(DocRef::Entry(entry)), index.doc_of(DocRef::Entry(last)));
        let has = |t: &String, doc| index.term(t).is_some_and(|id| index.doc_has(id, doc));
        let phrase: Vec<String> =
            ASKING.iter().flat_map(|p| index.analyzer.analyze_question(p).terms).collect();
        let of_subject = own_terms(own).filter(|t| !phrase.contains(t));
        if of_subject.into_iter().any(|t| has(t, chosen) && !has(t, was)) {
            return None;
        }
        // Another subject's count answers only where the knowledge doesn't say the last
        // subject's is missing: "how many?" after whom Putin is mobilizing is the
        // 300,000 he may call up.
        self.gap_asking(story, focus, kind, candidates, lang).map(|gap| Outcome::Gap { gap })
    }

    /// The known gap about the last answer (its `related` list names it) that asks for
    /// `kind` in most of its phrasings, best ranked first: its note says what the article lacks of that subject.
    fn gap_asking(
        &self,
        story: &Story,
        focus: &Focus,
        kind: AnswerKind,
        candidates: &Candidates,
        lang: Lang,
    ) -> Option<usize> {
        let last = &story.entries[focus.entry?].id;
        let analyzer = &self.index.analyzer;
        let asks = |gap: usize| {
            let asked = |k: Option<AnswerKind>| match kind {
                AnswerKind::Number => k == Some(AnswerKind::Number),
                _ => matches!(k, Some(AnswerKind::Date | AnswerKind::Time)),
            };
            // Most of its phrasings ask it: one count among a gap's other questions
            // ("how many reservists did Shoigu say…") is not what the gap is about.
            let questions = story.gaps[gap].questions.get(lang);
            let asking = questions.iter().filter(|q| asked(analyzer.analyze_question(q).asks)).count();
            2 * asking > questions.len()
        };
        let near: Vec<usize> =
            (0..story.gaps.len()).filter(|&g| story.gaps[g].related.contains(last) && asks(g)).collect();
        let ranked = candidates.ranked.iter().find_map(|(doc, _)| match doc {
            DocRef::Gap(g) if near.contains(g) => Some(*g),
            _ => None,
        });
        ranked.or_else(|| near.first().copied())
    }
}
