//! "Who promised that?", "кто это заявил?": a question of who made the statement just
//! answered asks for that answer's source, like "who said that?". Read as a question
//! of its own, the verb alone ("promised") finds another entry that speaks of promises
//! and credits the statement to someone else.

use super::super::reference;

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

/// "Who" in its forms.
const WHO: [&str; 4] = ["who", "whos", "кто", "кого"];

/// Words that may stand beside them and say nothing of their own: "who *so* promised",
/// "кто *так* говорит".
const FILLER: [&str; 4] = ["so", "actually", "так", "вообще"];

/// Whether `words` ask only who made the statement just answered: "who", a verb of
/// stating, and otherwise pointing words and stop words.
pub fn asks_who_stated(words: &[String], is_stopword: impl Fn(&str) -> bool) -> bool {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let bare = |w: &String| {
        let w = w.as_str();
        WHO.contains(&w)
            || STATED.contains(&w)
            || FILLER.contains(&w)
            || reference::is_referring(w)
            || is_stopword(w)
    };
    has(&WHO) && has(&STATED) && words.iter().all(bare)
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
}
