//! Questions about credit: "which outlet ran the part about the loans?" asks who
//! reported a subject of the story, "what did AP say in the piece?" what a named
//! outlet reported. Every answer shows its source, so the first is best answered by
//! the subject's own entry, matched with the words of credit set aside (they pulled it
//! towards gaps and entries about sourcing); the second by what that outlet reported.

use super::analyze::{Analysis, QUESTION_MARK};
use super::article_words::names_the_article;
use super::index::{DocRef, Named};
use super::{Candidates, Matcher, Outcome, decide, lists, premise, reference, thresholds};
use crate::knowledge::Story;

/// Words of credit beyond those that ask for a source after an answer
/// ([`reference::names_source`]): the outlet's own names and rarer forms. Set aside,
/// the rest of the question is its subject. "Credit" alone stays a loan's word.
const MORE_CREDIT_WORDS: [&str; 14] = [
    "attributes",
    "attribute",
    "outlet",
    "outlets",
    "wire",
    "news",
    "media",
    "citing",
    "агентств",
    "агентству",
    "издание",
    "ссылались",
    "ссылалась",
    "сообщалось",
];

/// Words that ask for a source after an answer but name no credit in a question of its
/// own: "from" is as often a place ("men from Buryatia"), "said" a statement.
const NO_CREDIT_ALONE: [&str; 3] = ["from", "said", "сказал"];

/// Words that ask for the credit itself ("*who* reported", "*which* agency"): with
/// the credit set aside they ask nothing of the subject.
const ASKING_WORDS: [&str; 12] =
    ["who", "whom", "which", "what", "кто", "кого", "какое", "какие", "какой", "какая", "что", "на"];

/// Verbs of writing: beside a word of credit ("what *agency wrote* about …") they ask
/// for it too, but alone ("who wrote the piece?") they ask for a byline, which the
/// article lacks; so they are set aside from the subject without making a question one
/// of credit.
const WRITING: [&str; 12] = [
    "wrote",
    "write",
    "writes",
    "written",
    "писал",
    "писали",
    "написал",
    "написали",
    "пишет",
    "пишут",
    "писало",
    "написало",
];

/// Words that ask for what a report holds, not about a subject of it ("*list
/// everything*", "*every claim*").
const LISTING: [&str; 9] =
    ["everything", "claim", "claims", "statement", "statements", "bullet", "point", "points", "всё"];

/// Whether a word only asks for the items of a report.
fn is_listing_word(word: &str) -> bool {
    LISTING.contains(&word) || lists::LIST_REQUESTS.contains(&word) || lists::EVERY.contains(&word)
}

/// Whether a word asks for the credit of what the question is about.
fn is_credit_word(word: &str) -> bool {
    MORE_CREDIT_WORDS.contains(&word) || (reference::names_source(word) && !NO_CREDIT_ALONE.contains(&word))
}

/// Whether `words` ask for a credit: a word of credit, but "according to the article"
/// credits the article itself, which is what every answer comes from.
fn asks_credit(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        is_credit_word(w)
            && !(w == "according" && words.iter().skip(i + 1).take(3).any(|n| names_the_article(n)))
    })
}

/// The question's words without those `drop` rejects, as one text to match again.
fn words_without(words: &[String], drop: impl Fn(&str) -> bool) -> String {
    words.iter().map(String::as_str).filter(|w| !drop(w)).collect::<Vec<_>>().join(" ")
}

/// The words of a credit question but those `asking` drops, and a count of the credited
/// things just before them ("which *two* news agencies …", "какие *два* агентства"): what
/// was credited is the subject, never how many asked for.
fn subject_words(words: &[String], asking: impl Fn(&str) -> bool) -> String {
    let is_count = |i: usize| {
        let next = &words[i + 1..(i + 3).min(words.len())];
        !words[i].is_empty() && words[i].bytes().all(|b| b.is_ascii_digit()) && next.iter().any(|w| asking(w))
    };
    (words.iter().enumerate())
        .filter(|&(i, w)| !asking(w) && !is_count(i))
        .map(|(_, w)| w.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Matcher {
    /// A one-part question about credit, answered as [`self`](self) describes; any other
    /// outcome is left as it was.
    pub(super) fn credited(
        &self,
        story: &Story,
        analysis: &Analysis,
        (outcome, score): (Outcome, f32),
    ) -> (Outcome, f32) {
        let words = &analysis.words;
        // Most questions have no word of credit: that cheap test goes first. A claim to
        // confirm ("did AP report …?", "…, right?") is the premise checks'; a name the
        // knowledge never uses is asked about, not its credit.
        if !asks_credit(words)
            || premise::confirm::asks_to_confirm(words)
            || !self.asks_something(analysis)
            || !analysis.names.is_empty()
        {
            return (outcome, score);
        }
        let outlets = self.outlets_named(analysis);
        let credited = match outlets.as_slice() {
            [] => self.subject_credited(analysis, &outcome),
            // "who is AP's source?" asks who stands behind the outlet: the article never says.
            [outlet] if !words.iter().any(|w| reference::WHO.contains(&w.as_str())) => {
                self.outlet_reported(story, analysis, &outcome, *outlet)
            }
            _ => None,
        };
        match credited {
            Some((entry, also, score)) => {
                (decide::without_restating_also(story, Outcome::Answer { entry, also }), score)
            }
            None => (outcome, score),
        }
    }

    /// Whether the question asks (a question word other than the light ones, or a
    /// request for a list) rather than states.
    fn asks_something(&self, analysis: &Analysis) -> bool {
        use super::question::{ASPECT, ATTRIBUTION, MEANING, NEGATION, SAYING};
        let light = [ATTRIBUTION, SAYING, NEGATION, ASPECT, MEANING];
        analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK) && !light.contains(&t.as_str()))
            || lists::requests_a_list(&analysis.words)
    }

    /// The outlets (things some entry's source credits) the question names.
    fn outlets_named(&self, analysis: &Analysis) -> Vec<Named> {
        let reporters = self.premises.reporters();
        let mut named: Vec<Named> = self.index.entities_in(analysis);
        named.retain(|n| reporters.contains(n));
        named.dedup();
        named
    }

    /// "Which agency reported the Belarus roundups?": the subject matched alone, when it
    /// gets an answer that speaks of all it names and the outcome did not.
    fn subject_credited(
        &self,
        analysis: &Analysis,
        outcome: &Outcome,
    ) -> Option<(usize, Option<usize>, f32)> {
        let asking = |w: &str| {
            is_credit_word(w) || ASKING_WORDS.contains(&w) || WRITING.contains(&w) || names_the_article(w)
        };
        let subject = self.index.analyzer.analyze_question(&subject_words(&analysis.words, asking));
        let covers = self.covering(&subject, None)?;
        if let Outcome::Answer { entry, .. } = outcome
            && covers(*entry)
        {
            return None;
        }
        let candidates = self.candidates_for(&subject);
        // A subject that only names a thing ("the Belarus roundups") asks nothing a gap
        // about that thing lacks: its entry answers, with its source.
        if !subject.terms.iter().any(|t| t.starts_with(QUESTION_MARK)) {
            let best = candidates.entries.iter().find(|c| covers(c.entry))?;
            return (best.confidence >= thresholds::ANSWER).then_some((best.entry, None, best.confidence));
        }
        match decide::decide(&candidates) {
            (Outcome::Answer { entry, also }, score) if score >= thresholds::ANSWER && covers(entry) => {
                Some((entry, also, score))
            }
            _ => None,
        }
    }

    /// Whether an entry speaks of every term `asked` has of its own (not its question
    /// words, nor the term `but`); `None` when one is a word the knowledge never uses,
    /// or, without `but`, when there is none.
    fn covering(&self, asked: &Analysis, but: Option<u32>) -> Option<impl Fn(usize) -> bool + '_> {
        let terms: Vec<u32> = asked
            .terms
            .iter()
            .filter(|t| !t.starts_with(QUESTION_MARK))
            .map(|t| self.index.term(t))
            .collect::<Option<Vec<u32>>>()?
            .into_iter()
            .filter(|&t| Some(t) != but)
            .collect();
        if terms.is_empty() && but.is_none() {
            return None;
        }
        Some(move |entry: usize| {
            let doc = self.index.doc_of(DocRef::Entry(entry));
            terms.iter().all(|&t| self.index.doc_has(t, doc))
        })
    }

    /// "What did Reuters report?": the entries that outlet reports alone, best fitting
    /// the rest of the question first (the second beside it when it fits well too),
    /// unless the outcome already credits the outlet.
    fn outlet_reported(
        &self,
        story: &Story,
        analysis: &Analysis,
        outcome: &Outcome,
        outlet: Named,
    ) -> Option<(usize, Option<usize>, f32)> {
        let reports_alone = |entry: usize| {
            let source = &story.entries[entry].source.en;
            let named = self.index.entities_in(&self.index.analyzer.analyze_question(source));
            named.contains(&outlet)
                && !named.iter().any(|&(group, member)| group == outlet.0 && member != outlet.1)
        };
        if let Outcome::Answer { entry, .. } = outcome
            && reports_alone(*entry)
        {
            return None;
        }
        let rest = self.index.analyzer.analyze_question(&words_without(&analysis.words, |w| {
            is_credit_word(w) || names_the_article(w) || is_listing_word(w)
        }));
        // What the rest asks of the outlet's report, it must speak of ("which Reuters
        // *journalist* …" asks for a byline, not the report).
        let named = self.index.named_terms_in(&rest);
        let outlet_term = named.iter().find(|(_, n)| *n == outlet).map(|(t, _)| *t);
        let covers = self.covering(&rest, outlet_term.or(Some(u32::MAX)))?;
        let candidates: Candidates = self.candidates_for(&rest);
        let mut own = candidates.entries.iter().filter(|c| reports_alone(c.entry) && covers(c.entry));
        let first = own.next().filter(|c| c.confidence >= thresholds::CLARIFY)?;
        let also = own.next().filter(|c| c.confidence >= thresholds::ANSWER).map(|c| c.entry);
        Some((first.entry, also, first.confidence))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_words_are_told_from_a_loans_word() {
        assert!(is_credit_word("attributed"));
        assert!(is_credit_word("ссылаются"));
        assert!(!is_credit_word("credit"), "a loan's word");
        assert!(!is_credit_word("from") && !is_credit_word("said"), "a place's or a statement's word");
        let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(asks_credit(&words("which outlet covered the loans")));
        assert!(!asks_credit(&words("according to the piece where did the lines form")));
    }

    #[test]
    fn the_subject_is_what_remains_without_the_credit() {
        let words: Vec<String> = "which agency reported the loans law".split(' ').map(String::from).collect();
        let rest = words_without(&words, |w| is_credit_word(w) || ASKING_WORDS.contains(&w));
        assert_eq!(rest, "the loans law");
    }
}
