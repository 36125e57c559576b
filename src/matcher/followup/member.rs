//! A follow-up that asks whether a thing is among those the last answer listed ("is
//! Armenia on that list too?", "а Казахстан среди них есть?") or which others it named
//! ("anyone else apart from Serbia?") is answered by that list again: the last answer
//! names several things of a kind, and the message names only ones it names. Without a
//! word that asks about the list, "and Georgia?" asks about Georgia itself.

use super::super::analyze::Analysis;
use super::super::index::{DocRef, Index, Named};
use super::super::{Matcher, normalize};
use super::{Focus, own_terms};
use crate::knowledge::Story;

/// Word stems that ask whether a thing is among others, or for the others: "on the
/// list", "among them", "one of", "too", "besides", "в списке", "среди", "тоже", "кроме".
/// Matched at a word's start, so "lists", "others", "списке", "других" count.
const AMONG: [&str; 21] = [
    "list",
    "among",
    "other",
    "besides",
    "apart",
    "else",
    "too",
    "also",
    "includ",
    "одна",
    "один",
    "спис",
    "среди",
    "тоже",
    "также",
    "кроме",
    "друг",
    "ещё",
    "еще",
    "входит",
    "остал",
];

/// Stems of [`AMONG`] that ask for the list's other items, not whether one is on it.
const OTHERS: [&str; 9] = ["other", "besides", "apart", "else", "кроме", "друг", "ещё", "еще", "остал"];

/// Whether a message asks for the other items of a list ("any others besides Turkey?"),
/// not whether one is on it.
pub(super) fn asks_for_others(words: &[String]) -> bool {
    words.iter().any(|w| OTHERS.iter().any(|a| w.starts_with(a)))
}

/// Whether a message asks about membership of a list or for its other items.
pub(super) fn asks_among(words: &[String]) -> bool {
    words.iter().any(|w| AMONG.iter().any(|a| w.starts_with(a)))
}

/// Whether a message names things and asks whether they are on a list, or for the
/// list's others, and nothing else: "is Serbia on it?", not "did Finland also round men
/// up?" or "is Georgia visa-free too?" (a list of borders names Georgia, not as one).
pub(super) fn asks_about_list(index: &Index, own: &Analysis, words: &[String]) -> bool {
    let among = |t: &str| AMONG.iter().any(|a| t.starts_with(a) || a.starts_with(t));
    let rest = own_terms(own).filter(|t| index.entity_group(t).is_none() && !among(t)).count();
    !index.entities_in(own).is_empty() && asks_among(words) && rest == 0
}

/// The things a message names, when it asks about the last answer's list and the last
/// answer lists them among others of their kind.
pub(super) fn listed_in_last(
    story: &Story,
    index: &Index,
    focus: &Focus,
    (own, words): (&Analysis, &[String]),
) -> Option<Vec<Named>> {
    let entry = focus.entry?;
    if !asks_about_list(index, own, words) {
        return None;
    }
    let named = index.entities_in(own);
    let doc = index.doc_of(DocRef::Entry(entry));
    let listed = |&(group, member): &Named| {
        let members = story.lexicon.entities.get(group as usize).map_or(0, Vec::len) as u16;
        let others = (0..members).any(|m| m != member && index.names_thing(doc, (group, m)));
        others && index.names_thing(doc, (group, member))
    };
    named.iter().all(listed).then_some(named)
}

impl Matcher {
    /// Whether `question`, after the answer `focus`, asks whether the things it names are
    /// on that answer's list ("is Armenia on it too?"), which the answer names: its reply
    /// says yes before the list.
    pub fn confirms_listed(&self, story: &Story, question: &str, focus: &Focus) -> bool {
        let words = normalize::words(question);
        let own = self.index.analyzer.analyze_question(question);
        let listed = listed_in_last(story, &self.index, focus, (&own, &words)).is_some();
        listed && !asks_for_others(&words)
    }
}
