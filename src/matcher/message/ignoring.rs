//! Orders to ignore or forget something that open a sentence ("Disregard my spelling,
//! which …", "забудь про правила, кто …") and asides that set a topic apart ("politics
//! aside, who …"): the writer sets something aside before asking. The clause of the
//! order or aside is never matched (its words, "ignore", "weather", would count for
//! the entry about them); the question after it (after a comma, or "and tell me …") is.

use super::super::noise::normalized;
use super::{REQUEST_OPENERS, opens_question};
use crate::matcher::question::is_question_word;

/// Imperatives of ignoring or forgetting, as [`normalized`] gives them: a sentence that
/// opens with one gives an order, whatever it orders ignored.
const ORDERS_TO_IGNORE: [&str; 11] = [
    "ignore",
    "disregard",
    "forget",
    "never mind",
    "nevermind",
    "игнорируй",
    "игнорируйте",
    "забудь",
    "забудьте",
    "не обращай внимания",
    "не обращайте внимания",
];

/// Words that may come before the imperative: "please ignore …", "просто забудь …".
const POLITE: [&str; 6] = ["please", "just", "pls", "пожалуйста", "просто", "ладно"];

/// Words that open an aside in front of a question: "*setting aside* the politics, …".
const ASIDE_OPENERS: [&str; 6] = [
    "setting aside",
    "leaving aside",
    "putting aside",
    "set aside",
    "оставим в стороне",
    "оставив в стороне",
];
/// Words that close an aside in front of a question: "the weather *aside*, …".
const ASIDE_CLOSERS: [&str; 3] = ["aside", "apart", "в сторону"];
/// Words an aside closed by [`ASIDE_CLOSERS`] holds at most: "all that politics aside".
const MAX_ASIDE_WORDS: usize = 4;

/// Joiners between an order and the request after it: "forget X *and* tell me …".
const JOINERS: [&str; 4] = ["and", "then", "и", "а"];

/// Whether `words` (a sentence as [`normalized`] gives it) open with an order to ignore
/// or forget something ("Ignore my typos", "Не обращай внимания на ошибки").
pub(super) fn orders_to_ignore(words: &str) -> bool {
    let mut rest = words;
    while let Some(after) = POLITE.iter().find_map(|p| strip_phrase(rest, p)) {
        rest = after;
    }
    ORDERS_TO_IGNORE.iter().any(|order| strip_phrase(rest, order).is_some())
}

/// The question after the order that opens `sentence`: from the first clause after a
/// comma (or colon, semicolon, dash) that opens a question, or from a request or
/// question word after "and" ("… and tell me who …"). None when nothing after the
/// order asks.
pub(super) fn question_after_order(sentence: &str) -> Option<&str> {
    opening_question_after_order(sentence).or_else(|| {
        // "ignore my typos, wich region …?": a question mark says the clause after the
        // order asks, though a misspelt word opens it.
        let at = sentence.char_indices().find_map(|(i, c)| break_after(sentence, i, c))?;
        let rest = sentence[at..].trim_start();
        rest.trim_end().ends_with('?').then_some(rest)
    })
}

/// The first clause after the order that opens `sentence` and opens like a question
/// (see [`question_after_order`]).
fn opening_question_after_order(sentence: &str) -> Option<&str> {
    clause_starts(sentence).find_map(|(at, joined)| {
        let rest = sentence[at..].trim_start();
        let asks = if joined {
            let first = normalized(rest.split_whitespace().next().unwrap_or(""));
            REQUEST_OPENERS.contains(&first.as_str()) || is_question_word(&first)
        } else {
            asks_from_its_start(rest)
        };
        asks.then_some(rest)
    })
}

/// The question after an aside that opens `sentence` ("religion aside, who …", "Setting
/// aside the weather, which …"); None when the sentence opens with no aside, or nothing
/// after it asks.
pub(super) fn question_after_aside(sentence: &str) -> Option<&str> {
    // Every sentence is asked this: most have no break to look behind.
    let at = sentence.char_indices().find_map(|(i, c)| break_after(sentence, i, c))?;
    let clause = normalized(&sentence[..at]);
    let closed = ASIDE_CLOSERS.iter().any(|c| {
        clause.strip_suffix(c).is_some_and(|before| before.ends_with(' '))
            && clause.split(' ').count() <= MAX_ASIDE_WORDS
    });
    let opened = ASIDE_OPENERS.iter().any(|o| strip_phrase(&clause, o).is_some());
    let rest = sentence[at..].trim_start();
    ((closed || opened) && asks_from_its_start(rest)).then_some(rest)
}

/// Prepositions a question word may follow at a question's start: "*on* what date …",
/// "*в* каком регионе …".
const PREPOSITIONS: [&str; 18] = [
    "on", "in", "at", "from", "to", "for", "by", "of", "в", "на", "с", "из", "к", "по", "о", "до", "от", "за",
];

/// Whether `clause` opens like a question: a question word or a word that opens one, or
/// a preposition before a question word ("on what date …").
fn asks_from_its_start(clause: &str) -> bool {
    let mut words = clause.split_whitespace().map(normalized);
    let (first, second) = (words.next().unwrap_or_default(), words.next().unwrap_or_default());
    opens_question(clause) || (PREPOSITIONS.contains(&first.as_str()) && is_question_word(&second))
}

/// Where each clause after the first starts in `sentence`: after a comma, colon,
/// semicolon or dash with a space after it (`false`), or after a joiner word of
/// [`JOINERS`] (`true`), in the order they come.
fn clause_starts(sentence: &str) -> impl Iterator<Item = (usize, bool)> + '_ {
    let bytes = sentence.as_bytes();
    sentence.char_indices().filter_map(move |(i, c)| {
        if let Some(next) = break_after(sentence, i, c) {
            return Some((next, false));
        }
        if c.is_whitespace() && i > 0 && !bytes[i - 1].is_ascii_whitespace() {
            let after = sentence[i..].trim_start();
            let word = after.split_whitespace().next().unwrap_or("");
            if JOINERS.contains(&normalized(word).as_str()) {
                return Some((sentence.len() - after.len() + word.len(), true));
            }
        }
        None
    })
}

/// Where the clause after `c` (at `i` in `sentence`) starts when `c` is a comma, colon,
/// semicolon or dash with a space after it.
fn break_after(sentence: &str, i: usize, c: char) -> Option<usize> {
    let next = i + c.len_utf8();
    (matches!(c, ',' | ':' | ';' | '—' | '–') && sentence[next..].starts_with(char::is_whitespace))
        .then_some(next)
}

/// `words` after `phrase` when they open with it, whole.
fn strip_phrase<'a>(words: &'a str, phrase: &str) -> Option<&'a str> {
    let rest = words.strip_prefix(phrase)?;
    if rest.is_empty() {
        return Some(rest);
    }
    rest.strip_prefix(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_imperative_of_ignoring_that_opens_a_sentence_is_an_order() {
        for text in ["Disregard my spelling", "please forget the old rules", "Не обращай внимания на ошибки"]
        {
            assert!(orders_to_ignore(&normalized(text)), "{text:?}");
        }
        for text in ["Did the governor ignore the exemptions?", "ignored by everyone", "Забудут ли их?"]
        {
            assert!(!orders_to_ignore(&normalized(text)), "{text:?}");
        }
    }

    #[test]
    fn the_question_after_an_order_is_found_after_a_comma_or_a_joined_request() {
        assert_eq!(
            question_after_order("Disregard my spelling, which men were drafted?"),
            Some("which men were drafted?")
        );
        assert_eq!(
            question_after_order("forget the old rules and tell me who took the photo"),
            Some("tell me who took the photo")
        );
        assert_eq!(question_after_order("забудь прежние правила, кого призвали?"), Some("кого призвали?"));
        assert_eq!(question_after_order("Forget the old rules and reply only in French."), None);
        assert_eq!(question_after_order("Forget my spelling, it is bad"), None);
        assert_eq!(question_after_order("ignore the spelling, wen did it hapen?"), Some("wen did it hapen?"));
    }

    #[test]
    fn the_question_after_an_aside_is_found() {
        assert_eq!(question_after_aside("religion aside, who was drafted?"), Some("who was drafted?"));
        assert_eq!(question_after_aside("jokes aside, in which region?"), Some("in which region?"));
        assert_eq!(
            question_after_aside("Setting aside the politics, where did the cars queue?"),
            Some("where did the cars queue?")
        );
        assert_eq!(question_after_aside("политику в сторону, кого призвали?"), Some("кого призвали?"));
        assert_eq!(question_after_aside("The men who stood aside, were they drafted?"), None);
        assert_eq!(question_after_aside("who was drafted?"), None);
    }
}
