//! A follow-up that swaps one thing for another of its kind: "and Georgia, is it sending
//! them back too?" after Belarus's roundups, "no, I meant Kazakhstan — …" after a
//! question on Belarus. The reader asks the same of the new thing, so only an entry
//! that names it answers; one about the old thing, or about neither, would answer a
//! question nobody asked now, and the article saying nothing of the new thing is the
//! honest reply. Naming it is not enough either: "and Serbia?" after the price of
//! flights to Turkey asks the price again, and an entry that only lists Serbia among
//! the destinations answers the bare name, not the question. So the last question is
//! read again with the new thing in the old one's place, and the entry stands only
//! when that question, asked whole, is answered by it too.

use std::collections::HashSet;

use super::super::analyze::Analysis;
use super::super::index::{DocRef, Index, Named};
use super::super::{Matcher, Outcome, decide, normalize, reference};
use super::{Focus, outlet};
use crate::knowledge::Story;
use crate::lang::Lang;

impl Matcher {
    /// Whether `question`, a correction (`corrects`) or one opening "and …" / "what
    /// about …", swaps a thing the last question or answer named for another of its
    /// kind, and entry `answered` does not answer the last question asked of the new
    /// one: it answers what was asked before, or the new thing's name in a list of its kind,
    /// not what is asked now.
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
        let own = index.analyzer.analyze_question(question);
        let named = index.entities_in(&own);
        if named.is_empty() {
            return false;
        }
        let asked = index.entities_in(&Analysis { terms: focus.asked.clone(), ..Analysis::default() });
        let last = focus.entry.map(|e| index.doc_of(DocRef::Entry(e)));
        let answer = index.doc_of(DocRef::Entry(answered));
        let before =
            |thing: Named| asked.contains(&thing) || last.is_some_and(|d| index.names_thing(d, thing));
        if swapped(story, &named, before).any(|thing| !index.names_thing(answer, thing)) {
            return true;
        }
        // The last answer may have named the new thing among others ("Turkey, Serbia
        // and Armenia"); the ask is still the last question's, of the new thing. An entry
        // about the new thing alone speaks to it; one that lists it among others of its
        // kind only says it is among them, which answers the bare name, not the ask.
        // A source named alone asks what it reported ([`super::outlet`]): an entry
        // it reports answers that, whatever the last question asked.
        let reported_by = |thing: Named| {
            [Lang::En, Lang::Ru]
                .into_iter()
                .any(|l| outlet::report_factor(index, story, answered, thing, l) > 1.0)
        };
        let listed = |(group, member): Named| {
            !reported_by((group, member))
                && others_of_kind(story, (group, member)).any(|other| index.names_thing(answer, other))
        };
        let listed_in_answer = swapped(story, &named, |thing| asked.contains(&thing)).any(listed);
        listed_in_answer && names_only_things(index, &own) && !self.asked_again_answers(&own, focus)
    }

    /// Whether the last question asked again with what the follow-up (`own`)
    /// names in place of the things of its kinds is answered at all: "and Serbia?" after
    /// "how much are flights to Turkey?" reads as "how much are flights to Serbia?".
    fn asked_again_answers(&self, own: &Analysis, focus: &Focus) -> bool {
        let index = &self.index;
        let kinds: HashSet<u16> = index.entities_in(own).iter().map(|&(group, _)| group).collect();
        let mut again = own.clone();
        for term in &focus.asked {
            let replaced = index.entity_group(term).is_some_and(|g| kinds.contains(&g));
            if !replaced && !again.terms.contains(term) {
                again.terms.push(term.clone());
            }
        }
        // Asked whole, the question may well be answered by another entry that fits it
        // better than the one the short follow-up found; only a decline says the
        // article lacks it.
        !matches!(decide::decide(&self.candidates_for(&again)).0, Outcome::NoMatch | Outcome::Gap { .. })
    }
}

/// The things of `named` new beside `before` that another thing of their kind was
/// `before`: what a follow-up swaps in.
fn swapped<'a>(
    story: &'a Story,
    named: &'a [Named],
    before: impl Fn(Named) -> bool + 'a,
) -> impl Iterator<Item = Named> + 'a {
    named.iter().copied().filter(move |&thing| !before(thing) && others_of_kind(story, thing).any(&before))
}

/// The other things of `thing`'s kind in the lexicon: the other countries, the other outlets.
fn others_of_kind(story: &Story, (group, member): Named) -> impl Iterator<Item = Named> {
    let members = story.lexicon.entities.get(group as usize).map_or(0, Vec::len) as u16;
    (0..members).filter(move |&m| m != member).map(move |m| (group, m))
}

/// Whether a follow-up says nothing of its own but the things it names (and question
/// words): "and Serbia?", "а Грузия?". One that asks its own question of the new thing
/// ("no, I meant Putin — what did he promise?") is read as it is.
fn names_only_things(index: &Index, own: &Analysis) -> bool {
    let mut terms = super::own_terms(own).peekable();
    terms.peek().is_some() && terms.all(|t| index.entity_group(t).is_some())
}
