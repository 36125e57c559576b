//! A follow-up that asks for the exact detail of what the last answer said ("who
//! *exactly* does it?", "what's the *exact* wording?", "а что *именно* он меняет?", "как
//! его зовут *полностью*?") asks that answer again, more closely: the detail it wants
//! (who acts, the full name, the words used) is in it. An entry that shares only the
//! message's verb ("doing", "меняет") or its question word would change the subject.

use super::super::analyze::Analysis;
use super::super::index::{DocRef, Index};
use super::super::{Candidates, Decision, Matcher};
use super::restate::states;
use super::{Focus, answered_surely_alone, member, own_terms, reference, repeats_last};
use crate::knowledge::{AnswerKind, Story};
use crate::lang::Lang;

/// A known gap this sure, ahead of the last answer, says what the article lacks of the
/// detail asked ("who exactly at the White House?": no official is named).
const SURE_GAP: f32 = 0.6;

/// Words that ask for a detail more precisely than the last answer was read: "exactly",
/// "именно", "конкретно", "полностью" (a full name). Normalized, whole words.
const EXACTLY: [&str; 24] = [
    "exactly",
    "exact",
    "precisely",
    "precise",
    "specifically",
    "specific",
    "verbatim",
    "full",
    "fully",
    "именно",
    "конкретно",
    "конкретный",
    "конкретная",
    "конкретное",
    "конкретные",
    "конкретнее",
    "полностью",
    "полное",
    "полный",
    "полная",
    "дословно",
    "точная",
    "точное",
    "точные",
];

/// Whether a message asks for something exactly ("who exactly", "что именно").
pub(super) fn asks_exactly(words: &[String]) -> bool {
    words.iter().any(|w| EXACTLY.contains(&w.as_str()))
}

/// The last answer, when a follow-up asks for a detail of it exactly and says nothing
/// that takes it elsewhere: it has words of its own (a bare "when exactly?" is left to
/// the question word), every thing it names the last answer names too, and it asks who
/// or what, or for a number or a time the last answer states.
pub(super) fn last_answer_in_detail(
    story: &Story,
    index: &Index,
    focus: &Focus,
    (own, words): (&Analysis, &[String]),
    lang: Lang,
) -> Option<usize> {
    let entry = focus.entry?;
    if !asks_exactly(words) || own_terms(own).next().is_none() {
        return None;
    }
    let doc = index.doc_of(DocRef::Entry(entry));
    if !index.entities_in(own).iter().all(|&thing| index.names_thing(doc, thing)) {
        return None;
    }
    // Who or what exactly is in the answer; where, when or why exactly may not be, nor
    // a full name unless the answer is one ("what's his full name?" after his words).
    let named = |k: &AnswerKind| matches!(k, AnswerKind::Person | AnswerKind::Organization);
    let who_or_what = match own.asks {
        None | Some(AnswerKind::Person | AnswerKind::Organization) => true,
        Some(AnswerKind::Name) => story.entries[entry].kinds.iter().any(named),
        Some(_) => false,
    };
    let counted = own.asks.is_some_and(|kind| states(&story.entries[entry], kind, lang));
    (who_or_what || counted).then_some(entry)
}

/// Whether the best known gap says the article lacks the detail asked: it fits the
/// follow-up surely and better than the last answer does, or the message asks which
/// thing with a word the gap has and the last answer lacks ("which *checkpoint*
/// exactly?" after the lines' length). A gap that fits "who exactly" only loosely
/// shares its verb ("кто именно их ищет?"), which the last answer may say otherwise.
pub(super) fn gap_says_more(
    index: &Index,
    candidates: &Candidates,
    (focus, own): (&Focus, &Analysis),
) -> bool {
    let (Some((gap @ DocRef::Gap(_), score)), Some(entry)) = (candidates.gap, focus.entry) else {
        return false;
    };
    let last = candidates.entries.iter().find(|c| c.entry == entry);
    let sure = score > last.map_or(0.0, |c| c.confidence) && score >= SURE_GAP;
    let which = own.asks.is_none();
    sure || which && index.has_term_missing_from(own, index.doc_of(gap), index.doc_of(DocRef::Entry(entry)))
}

impl Matcher {
    /// The last answer, when a follow-up points at it: asking a detail of it exactly
    /// ("А что именно он меняет?"), then asking whether things are on its list ("а
    /// Сербия в этом списке есть?"). Neither when the message is answered surely alone
    /// by another entry, nor a detail for a new subject the knowledge never mentions
    /// that points back at nothing (`new_subject`: "and Israel, exactly?").
    pub(super) fn pointed_at_last(
        &self,
        story: &Story,
        focus: &Focus,
        alone: &Decision,
        (own, words): (&Analysis, &[String]),
        new_subject: bool,
    ) -> (Option<usize>, Option<usize>) {
        let pointing = words.iter().any(|w| reference::is_referring(w));
        let elsewhere = answered_surely_alone(alone, words, false);
        let in_detail = last_answer_in_detail(story, &self.index, focus, (own, words), alone.lang)
            .filter(|_| (!new_subject || pointing) && !elsewhere);
        let in_list = member::listed_in_last(story, &self.index, focus, (own, words))
            .and(focus.entry)
            .filter(|_| !elsewhere || repeats_last(&alone.outcome, focus));
        (in_detail, in_list)
    }
}
