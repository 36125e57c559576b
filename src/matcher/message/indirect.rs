//! Questions asked without a question mark, inside a long message: "She wanted to know
//! what the authorities were doing …", "я хочу понять, что именно обещают власти". In a
//! long message such a sentence bears the question as much as one with a "?", and
//! reading only the sentences with one misses it.

use super::super::noise::normalized;
use super::super::question::is_question_word;

/// Word sequences that say the writer wants something known: each, as whole words, marks
/// a sentence that asks.
const WANTS_TO_KNOW: [&str; 30] = [
    "want to know",
    "wanted to know",
    "like to know",
    "need to know",
    "wants to know",
    "want to understand",
    "trying to understand",
    "trying to find out",
    "wondering",
    "i wonder",
    "curious what",
    "curious whether",
    "curious if",
    "хочу понять",
    "хочу узнать",
    "хотел бы узнать",
    "хотела бы узнать",
    "хотелось бы узнать",
    "хочу уточнить",
    "хотел уточнить",
    "хотела уточнить",
    "хотела понять",
    "хотел понять",
    "интересует",
    "интересно",
    "хочет узнать",
    "хочет понять",
    "хотят узнать",
    "хочу знать",
    "хотелось бы понять",
];

/// Words that open a question embedded after a wish to know, besides the question words.
const EMBEDDED_OPENERS: [&str; 3] = ["whether", "if", "ли"];

/// The question `sentence` asks without a question mark, if it says the writer wants to
/// know and a question follows within two words ("wanted to know *what* the authorities
/// were doing", "хочу понять, *что* именно…"): the words after the wish, normalized.
/// "One thing I wanted to know and could not find" asks nothing itself: the question it
/// announces comes after it.
pub(super) fn embedded_question(sentence: &str) -> Option<String> {
    let words = normalized(sentence);
    let words: Vec<&str> = words.split(' ').collect();
    WANTS_TO_KNOW.iter().find_map(|phrase| {
        let phrase: Vec<&str> = phrase.split(' ').collect();
        words.windows(phrase.len()).enumerate().find_map(|(at, window)| {
            let rest = &words[at + phrase.len()..];
            let asks = rest.iter().take(2).any(|w| is_question_word(w) || EMBEDDED_OPENERS.contains(w));
            (window == phrase.as_slice() && asks).then(|| rest.join(" "))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wish_to_know_asks_what_follows_it() {
        let asked = |s: &str| embedded_question(s);
        assert_eq!(
            asked("She wanted to know what the authorities were doing for the men.").as_deref(),
            Some("what the authorities were doing for the men")
        );
        assert_eq!(
            asked("Я хочу понять, что именно обещают власти").as_deref(),
            Some("что именно обещают власти")
        );
        assert_eq!(
            asked("I'm wondering which borders had the longest lines").as_deref(),
            Some("which borders had the longest lines")
        );
    }

    #[test]
    fn other_sentences_ask_nothing() {
        for sentence in [
            "My brother is at the border with his wife.",
            "Nobody wants to understate it.",
            "Хочу поехать в Грузию.",
            "There is one thing I wanted to know and could not find.",
        ] {
            assert_eq!(embedded_question(sentence), None, "{sentence}");
        }
    }
}
