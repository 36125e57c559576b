//! "Who promised that?", "кто это заявил?": a question of who made the statement just
//! answered asks for that answer's source, like "who said that?". Read as a question
//! of its own, the verb alone ("promised") finds another entry that speaks of promises
//! and credits the statement to someone else. And "what did he report?" after someone
//! asks what *they* stated: an entry credited to them alone, not the list of every
//! source that names them among others.

use super::super::index::{Index, Named};
use super::super::reference;
use crate::knowledge::Story;
use crate::lang::Lang;

/// Factor for an entry credited to the person a "what did he say?" follow-up asks
/// about, and to no other named thing; its inverse for one crediting them among others.
const OWN_STATEMENT: f32 = 1.2;

/// Verbs of reporting, which [`STATED`] leaves to the question of its own.
const REPORTED: [&str; 10] =
    ["report", "reported", "reports", "write", "wrote", "сообщил", "сообщает", "писал", "написал", "сказал"];

/// Verbs of stating beyond reporting ("reported", "said" are known already): with
/// "who" and nothing of its own, they ask who made the statement.
const STATED: [&str; 62] = [
    "promise",
    "promised",
    "promises",
    "pledge",
    "pledged",
    "vow",
    "vowed",
    "claim",
    "claimed",
    "claims",
    "state",
    "stated",
    "states",
    "announce",
    "announced",
    "announces",
    "declare",
    "declared",
    "say",
    "says",
    "tell",
    "told",
    "admit",
    "admitted",
    "concede",
    "conceded",
    "insist",
    "insisted",
    "guarantee",
    "guaranteed",
    "обещал",
    "обещала",
    "обещали",
    "обещает",
    "обещают",
    "пообещал",
    "пообещала",
    "пообещали",
    "заявил",
    "заявила",
    "заявили",
    "заявило",
    "заявляет",
    "заявляют",
    "говорит",
    "говорят",
    "говорил",
    "говорила",
    "говорили",
    "сказала",
    "сказали",
    "сказало",
    "утверждает",
    "утверждают",
    "утверждал",
    "признал",
    "признала",
    "признали",
    "объявил",
    "объявила",
    "объявили",
    "гарантировал",
];

/// Words that may stand beside them and say nothing of their own: "who *so* promised",
/// "кто *так* говорит".
const FILLER: [&str; 4] = ["so", "actually", "так", "вообще"];

/// Whether `words` ask only who made the statement just answered: "who", a verb of
/// stating, and otherwise pointing words and stop words.
pub fn asks_who_stated(words: &[String], is_stopword: impl Fn(&str) -> bool) -> bool {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let bare = |w: &String| {
        let w = w.as_str();
        reference::WHO.contains(&w)
            || STATED.contains(&w)
            || FILLER.contains(&w)
            || reference::is_referring(w)
            || is_stopword(w)
    };
    has(&reference::WHO) && has(&STATED) && words.iter().all(bare)
}

/// Whether `words` ask what the person "he" stands for stated: a personal pronoun, a
/// verb of stating or reporting, and no "who" ("what did he report?", "что он сказал?").
pub fn asks_what_stated(words: &[String]) -> bool {
    let has = |f: &dyn Fn(&str) -> bool| words.iter().any(|w| f(w.as_str()));
    has(&reference::is_personal)
        && has(&|w| STATED.contains(&w) || REPORTED.contains(&w))
        && !has(&|w| reference::WHO.contains(&w))
}

/// The person named `name`, as the index knows them.
pub fn person_named(index: &Index, name: &str) -> Option<Named> {
    index.entities_in(&index.analyzer.analyze_question(name)).first().copied()
}

/// How much entry `entry` fits a question of what `person` stated, by its source in
/// `lang`: more when that credits `person` and no other named thing, less when it names
/// them among others (the list of every source the article cites).
pub fn statement_factor(index: &Index, story: &Story, entry: usize, person: Named, lang: Lang) -> f32 {
    let source = story.entries[entry].source.get(lang);
    let named = index.entities_in(&index.analyzer.analyze_question(source));
    match (named.contains(&person), named.len()) {
        (true, 1) => OWN_STATEMENT,
        (true, _) => 1.0 / OWN_STATEMENT,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(text: &str) -> bool {
        let stop = ["and", "а", "и", "did", "the"];
        asks_who_stated(&super::super::super::normalize::words(text), |w| stop.contains(&w))
    }

    #[test]
    fn who_made_the_statement_is_told_from_a_question_of_its_own() {
        assert!(asks("who promised that?"));
        assert!(asks("and who claimed this?"));
        assert!(asks("а кто это обещал?"));
        assert!(asks("кто так говорит?"));
        assert!(!asks("who promised jobs?"));
        assert!(!asks("what did he promise?"));
        assert!(!asks("кто обещал выплаты?"));
    }

    #[test]
    fn what_the_person_stated_is_told_from_who_stated_it() {
        let words = |t: &str| super::super::super::normalize::words(t);
        assert!(asks_what_stated(&words("and what did she report?")));
        assert!(asks_what_stated(&words("а что он сообщил?")));
        assert!(!asks_what_stated(&words("who reported it?")));
        assert!(!asks_what_stated(&words("what did they report?")));
    }
}
