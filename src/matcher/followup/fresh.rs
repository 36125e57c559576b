//! A correction that names a new subject: "no, I meant Estonia — what did it do?"
//! after a question on Belarus, "нет, я про мэра Казани" after the governor. The
//! reader says the last question was not theirs and names what it was about instead,
//! so what they meant is a fresh question about that subject; read with the last
//! answer, it is pulled back to the old subject's neighbours ("what did Belarus do" for
//! Estonia). When the article says nothing of the new subject, the decline alone is
//! the honest reply.

use super::super::analyze::{Analysis, QUESTION_MARK};
use super::super::{Decision, Matcher, Outcome};
use super::Focus;

impl Matcher {
    /// Whether `own`, what a correction meant, asks of a new subject that its reading
    /// alone (`alone`) declines: it names something the knowledge never does ("Israel"), or
    /// names a thing (a country, a person, an outlet) the last question didn't and a
    /// known gap declines it. A bare new name that nothing reads alone ("I meant the
    /// Armenia part") still takes the last question's ask.
    pub(super) fn correction_declined_alone(
        &self,
        (question, own): (&str, &Analysis),
        focus: &Focus,
        alone: &Decision,
    ) -> bool {
        if !focus.corrects || alone.matched() {
            return false;
        }
        !own.names.is_empty()
            || self.capitalised_unknown(question)
            || matches!(alone.outcome, Outcome::Gap { .. }) && self.names_new_thing(focus, own)
    }

    /// Whether `own` names a thing (the lexicon's `[entities]` and `known` names) that
    /// the last question didn't: a correction naming it changes the subject.
    pub(super) fn names_new_thing(&self, focus: &Focus, own: &Analysis) -> bool {
        let index = &self.index;
        let named = self.gap_names.things_named(index, own);
        let asked = Analysis { terms: focus.asked.clone(), ..Analysis::default() };
        let before = self.gap_names.things_named(index, &asked);
        named.iter().any(|thing| !before.contains(thing))
    }

    /// Whether `question` has a capitalised word the knowledge never uses: a name, even
    /// where it opens what a correction meant ("Израиль — туда тоже летят?"), which
    /// the analyzer does not take for one (a sentence's first word is capitalised anyway).
    fn capitalised_unknown(&self, question: &str) -> bool {
        let index = &self.index;
        let unknown = |word: &str| {
            let terms = index.analyzer.analyze_question(word).terms;
            !terms.is_empty()
                && terms.iter().all(|t| !t.starts_with(QUESTION_MARK) && index.term(t).is_none())
        };
        question
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .any(unknown)
    }

    /// Whether `question`, what a correction meant (`focus.corrects`), names a thing the
    /// last question didn't: its "he" is whom it names ("no, I meant Shoigu — what did
    /// he say?"), not the person the last answer named.
    pub fn correction_names_new(&self, question: &str, focus: &Focus) -> bool {
        focus.corrects && self.names_new_thing(focus, &self.index.analyzer.analyze_question(question))
    }
}
