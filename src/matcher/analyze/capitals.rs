//! Words read as names by how they are written: an unknown word that is no English word
//! or is capitalised inside the message, and the knowledge's and the article's
//! capitalised words (a capitalised word is only ever corrected to one of them).

use super::is_english_word;
use crate::matcher::normalize;

/// An unknown word is taken for a name when it is not an English word (Latin script)
/// or is written with a capital inside the message (any script): "peskov", "Песков".
pub(super) fn looks_like_name(text: &str, word: &str) -> bool {
    // A number the story never uses ("25 million reservists") is as specific as a name.
    if word.len() >= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // Russian letters answered without the Unicode tables.
    let letter = |c: char| matches!(c, 'а'..='я' | 'ё') || c.is_alphabetic();
    if normalize::fewer_chars_than(word, 4) || !word.chars().all(letter) {
        return false;
    }
    let latin = word.chars().all(|c| c.is_ascii_alphabetic());
    if latin && !is_english_word(word) {
        return true;
    }
    // Most messages have no capital past their first letter that could start the word:
    // one byte search says so before a substring search is set up.
    if latin
        && !text
            .as_bytes()
            .get(1..)
            .is_some_and(|rest| rest.contains(&word.as_bytes()[0].to_ascii_uppercase()))
    {
        return false;
    }
    with_capital(word, |capitalized| text.match_indices(capitalized).any(|(at, _)| at > 0))
}

/// Calls `f` with `word` written with a capital first letter; an ASCII word (most) is
/// capitalised on the stack, since every unknown word of a question asks this.
fn with_capital<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; MAX_STACK_WORD];
    if word.is_ascii() && word.len() <= buffer.len() {
        let capitalized = &mut buffer[..word.len()];
        capitalized.copy_from_slice(word.as_bytes());
        capitalized[0].make_ascii_uppercase();
        return f(std::str::from_utf8(capitalized).expect("ASCII stays ASCII"));
    }
    let mut chars = word.chars();
    let capitalized: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
    f(&capitalized)
}

/// Bytes of a word capitalised without an allocation: longer words are rare.
const MAX_STACK_WORD: usize = 64;

/// Whether `word` (normalized) is written with a capital inside `text`, not as its
/// first word: "weather in Helsinki", not "Govenor said…" at the start.
pub(super) fn written_capitalized(text: &str, word: &str) -> bool {
    with_capital(word, |capitalized| {
        text.match_indices(capitalized).any(|(at, _)| {
            let starts_word = !text[..at].chars().next_back().is_some_and(normalize::is_word_char);
            let ends_word =
                !text[at + capitalized.len()..].chars().next().is_some_and(normalize::is_word_char);
            at > 0 && starts_word && ends_word
        })
    })
}

/// The words of `text` written with a capital first letter, as written.
pub(super) fn capitalized_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !normalize::is_word_char(c))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A word of the knowledge lowercased as the normalizer does for plain letters: names
/// and the article's words need no more, and the whole normalizer per word made
/// loading slower.
pub(super) fn lowercase(word: &str) -> String {
    word.chars().flat_map(char::to_lowercase).map(|c| if c == 'ё' { 'е' } else { c }).collect()
}

/// [`lowercase`] into `out`, replacing what it held: a buffer reused word after word.
pub(super) fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    out.extend(word.chars().flat_map(char::to_lowercase).map(|c| if c == 'ё' { 'е' } else { c }));
}
