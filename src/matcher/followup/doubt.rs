//! A message that doubts or disputes the last answer ("are you sure?", "серьёзно?",
//! "that's wrong, it was more", "неправда, …"): what it asks for is the article's own
//! word on that point again, not a new question. A dispute may go on to state what
//! the asker believes instead (a figure, a date, a claim); that is a premise the
//! article's word corrects, never a subject of its own. Only a message that asks
//! nothing else counts: "really? and Georgia?" asks about Georgia.

use crate::matcher::{normalize, question, reference};

/// Words that ask whether the last answer holds ("are you *sure*?", "*правда*?"): a
/// doubt only in a message that asks.
const DOUBT: [&str; 19] = [
    "sure",
    "certain",
    "really",
    "seriously",
    "true",
    "truly",
    "correct",
    "right",
    "real",
    "уверен",
    "уверена",
    "уверены",
    "серьезно",
    "правда",
    "верно",
    "правильно",
    "точно",
    "действительно",
    "неужели",
];

/// Words that say the last answer is wrong ("that's *wrong*", "*неправда*"): a dispute
/// even without a question mark.
const DISPUTE: [&str; 25] = [
    "wrong",
    "incorrect",
    "false",
    "untrue",
    "nonsense",
    "bullshit",
    "lie",
    "lies",
    "lying",
    "fake",
    "mistaken",
    "неправда",
    "неверно",
    "неправильно",
    "ошибаешься",
    "ошибаетесь",
    "ошибся",
    "ошиблась",
    "неправ",
    "неправы",
    "врешь",
    "врете",
    "чушь",
    "бред",
    "ложь",
];

/// Negations that make a word of [`DOUBT`] a dispute ("*not* true", "это *не* так").
const NOT: [&str; 7] = ["not", "isnt", "wasnt", "aint", "не", "no", "нет"];

/// Words that may stand beside a doubt without asking anything ("*no*, that's wrong",
/// "*wait*, really?", "*ты* уверен?", "это не *так*").
const AROUND: [&str; 14] =
    ["no", "nope", "нет", "wait", "huh", "hmm", "ok", "what", "что", "хм", "так", "you", "ты", "вы"];

/// Marks that end a clause: a doubt is a clause of its own ("really? …", "неправда, …").
const CLAUSE_MARKS: [char; 9] = [',', '.', '!', '?', ';', ':', '—', '–', '…'];

/// Whether `text` only doubts or disputes the last answer: it opens with clauses made of
/// doubt words alone (with pronouns, stop words and [`AROUND`]), one of which disputes,
/// or asks with a doubt word; what follows them, if anything, states rather than asks.
pub(super) fn doubts(text: &str, is_stopword: impl Fn(&str) -> bool) -> bool {
    let mut lead_end = 0;
    let (mut disputes, mut asks_doubt) = (false, false);
    for clause in clauses(text) {
        let words = normalize::words(&text[clause.0..clause.1]);
        if words.is_empty() {
            lead_end = clause.1;
            continue;
        }
        let plain = |w: &String| {
            let w = w.as_str();
            [&DOUBT[..], &DISPUTE, &NOT, &AROUND].iter().any(|list| list.contains(&w))
        };
        if !words.iter().all(|w| plain(w) || reference::is_referring(w) || is_stopword(w)) {
            break;
        }
        let doubt = words.iter().any(|w| DOUBT.contains(&w.as_str()));
        disputes |= words.iter().any(|w| DISPUTE.contains(&w.as_str())) || negates(&words);
        asks_doubt |= doubt && text[clause.1..].starts_with('?');
        lead_end = clause.1;
    }
    let rest = &text[lead_end..];
    let rest_asks = rest.trim_start_matches(CLAUSE_MARKS).contains('?')
        || normalize::words(rest).iter().any(|w| question::is_question_word(w));
    lead_end > 0 && (disputes || asks_doubt) && !rest_asks
}

/// Whether a negation stands before a word of [`DOUBT`] or "так": "not true", "не так".
fn negates(words: &[String]) -> bool {
    words.windows(2).any(|pair| {
        NOT.contains(&pair[0].as_str()) && (DOUBT.contains(&pair[1].as_str()) || pair[1] == "так")
    })
}

/// The clauses of `text`, as byte ranges between [`CLAUSE_MARKS`].
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if CLAUSE_MARKS.contains(&c) {
            out.push((start, i));
            start = i + c.len_utf8();
        }
    }
    out.push((start, text.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::doubts;

    fn doubt(text: &str) -> bool {
        let stop = ["are", "is", "it", "that", "thats", "was", "the", "this", "about", "это", "а", "so"];
        doubts(text, |w| stop.contains(&w))
    }

    #[test]
    fn a_doubt_of_the_last_answer_is_told_apart() {
        assert!(doubt("you sure about that?"));
        assert!(doubt("is this correct?"));
        assert!(doubt("а точно?"));
        assert!(doubt("вы уверены?"));
        assert!(doubt("wait, seriously?"));
    }

    #[test]
    fn a_dispute_that_states_what_it_believes_is_a_doubt() {
        assert!(doubt("nope, that's wrong. The number was far higher"));
        assert!(doubt("это не так, граница с Грузией открыта"));
        assert!(doubt("ложь! всё было иначе"));
    }

    #[test]
    fn a_doubt_that_goes_on_to_ask_something_else_is_not_one() {
        assert!(!doubt("seriously? and what did Lukashenko do?"), "asks a new question");
        assert!(!doubt("wrong, how many fled"), "a question word");
        assert!(!doubt("wrong people got drafted"), "'wrong' describes, no clause of its own");
        assert!(!doubt("true, that makes sense"), "agrees, asks nothing");
        assert!(!doubt("sure!"), "agrees");
        assert!(!doubt("no"));
    }
}
