//! A follow-up that swaps one thing for another of its kind: "and Georgia, is it sending
//! them back too?" after Belarus's roundups, "no, I meant Kazakhstan — …" after a
//! question on Belarus. The reader asks the same of the new thing, so only an entry
//! that names it answers; one about the old thing, or about neither, would answer a
//! question nobody asked now, and the article saying nothing of the new thing is the
//! honest reply.

use super::super::analyze::Analysis;
use super::super::index::{DocRef, Named};
use super::super::{Matcher, normalize, reference};
use super::Focus;
use crate::knowledge::Story;

impl Matcher {
    /// Whether `question`, a correction (`corrects`) or one opening "and …" / "what
    /// about …", swaps a thing the last question or answer named for another of its
    /// kind, and entry `answered` does not name the new one: it answers what was asked
    /// before, not what is asked now.
    pub fn swaps_to_unanswered(
        &self,
        story: &Story,
        (question, corrects): (&str, bool),
        focus: &Focus,
        answered: usize,
    ) -> bool {
        if !corrects && !reference::opens_ellipsis(&normalize::words(question)) {
            return false;
        }
        let index = &self.index;
        let named = index.entities_in(&index.analyzer.analyze_question(question));
        if named.is_empty() {
            return false;
        }
        let asked = index.entities_in(&Analysis { terms: focus.asked.clone(), ..Analysis::default() });
        let last = focus.entry.map(|e| index.doc_of(DocRef::Entry(e)));
        let before =
            |thing: Named| asked.contains(&thing) || last.is_some_and(|d| index.names_thing(d, thing));
        let answer = index.doc_of(DocRef::Entry(answered));
        named.iter().any(|&(group, member)| {
            let members = story.lexicon.entities.get(group as usize).map_or(0, Vec::len) as u16;
            let swapped = !before((group, member)) && (0..members).any(|m| m != member && before((group, m)));
            swapped && !index.names_thing(answer, (group, member))
        })
    }
}
