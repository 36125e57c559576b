//! A follow-up that asks whether a thing is among those the last answer listed ("is
//! Armenia on that list too?", "а Казахстан среди них есть?") or which others it named
//! ("anyone else apart from Serbia?") is answered by that list again: the last answer
//! names several things of a kind, and the message names only ones it names. Without a
//! word that asks about the list, "and Georgia?" asks about Georgia itself.
//!
//! Asked alone ("is Serbia one of the visa-free destinations?"), the same question is
//! confirmed only when it says "among", "one of" or "list" outright, the answer's own
//! text lists the thing with others of its kind, and the entry speaks of every other
//! word the question uses: a yes must not confirm a list the answer doesn't give.

use super::super::analyze::{Analysis, QUESTION_MARK};
use super::super::index::{DocRef, Index, Named};
use super::super::question::{ASPECT, SAYING};
use super::super::yes_no::{COMMON_IDF, doc_has};
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

/// Word stems that ask, in a message alone, whether a thing is among others: fewer than
/// [`AMONG`], since "too" and "also" there add a claim rather than ask about a list
/// ("is Georgia visa-free too?").
const MEMBERSHIP: [&str; 6] = ["among", "includ", "list", "среди", "спис", "входи"];
/// "One" before "of" / "из": "one of the countries", "одна из стран".
const ONE: [&str; 7] = ["one", "одна", "один", "одной", "одним", "одну", "одно"];

/// Whether a message alone asks whether a thing is among others, in so many words.
fn asks_membership(words: &[String]) -> bool {
    let one_of = |pair: &[String]| ONE.contains(&pair[0].as_str()) && matches!(pair[1].as_str(), "of" | "из");
    words.iter().any(|w| MEMBERSHIP.iter().any(|m| w.starts_with(m))) || words.windows(2).any(one_of)
}

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

/// Whether a clause of `entry`'s answer (in either language) lists `thing` with another
/// thing of its kind and speaks of what `rest` asks of it: the clause has one of `rest`,
/// and none of `rest` that the answer has elsewhere. A list entry with several lists
/// ("borders with Finland, Georgia and Kazakhstan; flights to Turkey, Serbia…") does
/// not put Georgia among the visa-free destinations.
fn answer_lists(
    story: &Story,
    index: &Index,
    entry: usize,
    (group, member): Named,
    rest: &[&String],
) -> bool {
    let answer = &story.entries[entry].answer;
    [&answer.en, &answer.ru].into_iter().any(|text| {
        let whole = index.analyzer.analyze_question(text);
        let elsewhere: Vec<&&String> = rest.iter().filter(|t| whole.terms.contains(t)).collect();
        text.split(['.', ';', '!', '?']).any(|clause| {
            let clause = index.analyzer.analyze_question(clause);
            let named = index.entities_in(&clause);
            let lists =
                named.contains(&(group, member)) && named.iter().any(|&(g, m)| g == group && m != member);
            lists
                && rest.iter().any(|t| clause.terms.contains(t))
                && elsewhere.iter().all(|t| clause.terms.contains(t))
        })
    })
}

impl Matcher {
    /// Whether `analysis`, a question alone that `entry` answers, asks whether the things
    /// it names are among those the answer lists ("is Serbia one of the no-visa
    /// destinations?"), and the entry speaks of every other word it uses: its reply says
    /// yes before the list. A question word, a negation or a word the entry lacks
    /// leaves the answer as it is.
    pub(in crate::matcher) fn confirms_member(
        &self,
        story: &Story,
        analysis: &Analysis,
        entry: usize,
    ) -> bool {
        let index = &self.index;
        let words = &analysis.words;
        let asks = analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK) && t != ASPECT && t != SAYING);
        let named = index.entities_in(analysis);
        if asks || named.is_empty() || !asks_membership(words) || asks_for_others(words) {
            return false;
        }
        let doc = index.doc_of(DocRef::Entry(entry));
        // A stem may be shorter than the word it came from ("входит" → "вход").
        let membership = |t: &str| {
            MEMBERSHIP.iter().any(|m| t.starts_with(m) || t.chars().count() >= 4 && m.starts_with(t))
                || ONE.contains(&t)
        };
        let common = |t: &String| index.term(t).is_some_and(|id| index.idf[id as usize] < COMMON_IDF);
        let spoken = |t: &&String| common(t) || index.term(t).is_some_and(|id| doc_has(index, id, doc));
        let rest: Vec<&String> =
            own_terms(analysis).filter(|t| index.entity_group(t).is_none() && !membership(t)).collect();
        let specific: Vec<&String> = rest.iter().copied().filter(|t| !common(t)).collect();
        rest.iter().all(spoken)
            && analysis.names.is_empty()
            && named.iter().all(|&n| answer_lists(story, index, entry, n, &specific))
    }

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
