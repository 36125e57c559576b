//! A follow-up the last answer already answers: "how many soldiers?" after an answer
//! that says "hundreds of thousands of soldiers", "when did they do it?" after one
//! that says "in recent weeks". The reader missed it or wants it again; an entry that
//! only fits the question word better ("how many" → the 300,000 called up, "when" →
//! the photo's date) would change the subject. So does one that names only a kind
//! of thing the last answer gives ("and the town?" after the checkpoint in the photo).

use super::super::analyze::Analysis;
use super::super::index::{DocRef, Index};
use super::super::question::ASPECT;
use super::super::reference;
use super::{Focus, own_terms};
use crate::knowledge::claims::is_scale_word;
use crate::knowledge::{AnswerKind, Entry, Story};
use crate::lang::Lang;

/// Words that say when, or for how long, in an answer: "in recent weeks", "за
/// последние недели", "seven months". Whole words, lowercase.
const TIME_WORDS: [&str; 26] = [
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "today",
    "yesterday",
    "день",
    "дня",
    "дней",
    "неделя",
    "недели",
    "недель",
    "неделю",
    "неделе",
    "месяц",
    "месяца",
    "месяцев",
    "год",
    "года",
    "лет",
    "сегодня",
    "вчера",
];

/// Stems of a verb that stands for what the last answer said was done, as "did" does
/// (a stopword) in "when did they do it?": "а когда они это *сделали*?".
const DOING: [&str; 1] = ["сдела"];

/// Words that frame an elliptical follow-up around the thing it names: the opener
/// ("and", "what about", "а что насчёт") and articles. Whole words, lowercase.
const FRAME_WORDS: [&str; 14] =
    ["and", "what", "about", "how", "of", "also", "the", "a", "its", "а", "и", "что", "насчет", "насчёт"];

/// Nouns that, named alone after an elliptical opener, ask for a kind of thing: a
/// place ("and the town?", "а город?") or a date ("and the day?"). Whole words.
const KIND_NOUNS: [(&str, AnswerKind); 22] = [
    ("town", AnswerKind::Place),
    ("city", AnswerKind::Place),
    ("village", AnswerKind::Place),
    ("country", AnswerKind::Place),
    ("region", AnswerKind::Place),
    ("place", AnswerKind::Place),
    ("location", AnswerKind::Place),
    ("spot", AnswerKind::Place),
    ("город", AnswerKind::Place),
    ("городок", AnswerKind::Place),
    ("поселок", AnswerKind::Place),
    ("посёлок", AnswerKind::Place),
    ("село", AnswerKind::Place),
    ("страна", AnswerKind::Place),
    ("регион", AnswerKind::Place),
    ("место", AnswerKind::Place),
    ("date", AnswerKind::Date),
    ("day", AnswerKind::Date),
    ("дата", AnswerKind::Date),
    ("число", AnswerKind::Date),
    ("день", AnswerKind::Date),
    ("year", AnswerKind::Date),
];

/// The last answer, when an elliptical follow-up names only a kind of thing ("and the
/// town?", "а город?") and the last answer is declared to give that kind: it names the
/// very thing, of what it was about. Another entry matched on the bare noun ("towns"
/// are the territory Ukraine regained) would change the subject.
pub(super) fn last_answer_is_of_kind(story: &Story, focus: &Focus, words: &[String]) -> Option<usize> {
    let entry = focus.entry?;
    if !reference::opens_ellipsis(words) {
        return None;
    }
    let mut rest = words.iter().filter(|w| !FRAME_WORDS.contains(&w.as_str()));
    let (Some(noun), None) = (rest.next(), rest.next()) else { return None };
    let kind = KIND_NOUNS.iter().find(|(n, _)| n == noun)?.1;
    story.entries[entry].kinds.contains(&kind).then_some(entry)
}

/// The last answer, when it already says what the follow-up asks: the follow-up asks
/// for a number or a time, the answer states one, and every word of the follow-up's
/// own (beyond question words) is one the last answer's entry uses, and it speaks of
/// what has happened so far only if that entry does. Unless the best
/// entry `best` says part of it more to the point, from a sentence it quotes too
/// ("how many people?" after the order is the 300,000 of it).
pub(super) fn last_answer_says_it(
    story: &Story,
    index: &Index,
    (focus, best): (&Focus, Option<usize>),
    own: &Analysis,
    lang: Lang,
) -> Option<usize> {
    let entry = focus.entry?;
    let kind = own.asks?;
    if best.is_some_and(|b| b != entry && quotes_overlap(&story.entries[b], &story.entries[entry])) {
        return None;
    }
    let doc = index.doc_of(DocRef::Entry(entry));
    let used = |t: &String| index.term(t).is_some_and(|t| index.doc_has(t, doc));
    let all_used = own_terms(own).filter(|t| !DOING.contains(&t.as_str())).all(used);
    // "How many have been called up *so far*?" asks what has happened; an answer that
    // never speaks of it states what could ("as many as 300,000 could be").
    let same_time = !own.terms.iter().any(|t| t == ASPECT) || used(&ASPECT.to_string());
    (all_used && same_time && states(&story.entries[entry], kind, lang)).then_some(entry)
}

/// Whether `entry`'s answer in `lang` states a thing of `kind`: it is declared of that
/// kind, or its words hold one (digits or a scale word for a number, a span of time).
pub(super) fn states(entry: &Entry, kind: AnswerKind, lang: Lang) -> bool {
    let answer = entry.answer.get(lang).to_lowercase();
    let words = || answer.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    match kind {
        AnswerKind::Number => {
            entry.kinds.contains(&AnswerKind::Number)
                || answer.chars().any(|c| c.is_ascii_digit())
                || words().any(is_scale_word)
        }
        AnswerKind::Date | AnswerKind::Time => {
            entry.kinds.iter().any(|k| matches!(k, AnswerKind::Date | AnswerKind::Time))
                || words().any(|w| TIME_WORDS.contains(&w))
        }
        _ => false,
    }
}

/// Whether two entries quote the same sentence, whole or in part.
fn quotes_overlap(a: &Entry, b: &Entry) -> bool {
    a.quotes.iter().any(|qa| b.quotes.iter().any(|qb| qa.contains(qb.as_str()) || qb.contains(qa.as_str())))
}
