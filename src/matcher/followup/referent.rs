//! A follow-up about the person "he" stands for ("is he popular?" after the governor)
//! is about that person: an entry that never names them, found only loosely, answers
//! something else ("how unpopular the order is").

use super::super::index::DocRef;
use super::super::{Matcher, normalize, reference};

impl Matcher {
    /// Whether entry `answered` leaves out `person` (a name, "Alexei Tsydanov"): the
    /// name is a thing the knowledge tells apart, and the entry never names it.
    pub fn leaves_out_person(&self, answered: usize, person: &str) -> bool {
        let index = &self.index;
        let named = index.entities_in(&index.analyzer.analyze_question(person));
        let doc = index.doc_of(DocRef::Entry(answered));
        !named.is_empty() && !named.iter().any(|&thing| index.names_thing(doc, thing))
    }
}

/// Whether `question` speaks of one person by pronoun ("how old is *he*?").
pub fn refers_to_person(question: &str) -> bool {
    normalize::words(question).iter().any(|w| reference::is_personal(w))
}
