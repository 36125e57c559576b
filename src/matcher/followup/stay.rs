//! A follow-up that only repeats the last question's subject ("which crossing?" after
//! "were there lines at the Finnish border?") asks more about the one thing that
//! question named: an entry that names others of its kind beside it (every border the
//! article names) says it again among them, and fits less.

use super::super::analyze::Analysis;
use super::super::index::{DocRef, Index, Named};
use super::{Focus, own_terms};
use crate::knowledge::Story;

/// Factor for an entry that names others of the kept thing's kind beside it.
const OTHERS_TOO: f32 = 0.8;

/// The one thing the last question named, when all the follow-up says of its own comes
/// from that question: Finland, for "which crossing?" after the Finnish border.
pub(super) fn thing_kept(index: &Index, own: &Analysis, focus: &Focus) -> Option<Named> {
    let mut terms = own_terms(own).peekable();
    terms.peek()?;
    if !terms.all(|t| focus.asked.contains(t)) {
        return None;
    }
    let asked = Analysis { terms: focus.asked.clone(), ..Analysis::default() };
    match index.entities_in(&asked).as_slice() {
        [thing] => Some(*thing),
        _ => None,
    }
}

/// How much entry `entry` fits a follow-up that stays on `thing`: less when it names
/// `thing` and others of its group.
pub(super) fn kept_factor(index: &Index, story: &Story, entry: usize, thing: Named) -> f32 {
    let doc = index.doc_of(DocRef::Entry(entry));
    let members = story.lexicon.entities.get(thing.0 as usize).map_or(0, Vec::len) as u16;
    let others = (0..members).any(|m| m != thing.1 && index.names_thing(doc, (thing.0, m)));
    if others && index.names_thing(doc, thing) { OTHERS_TOO } else { 1.0 }
}
