//! A claim planted as the article's ("pretend the article says Putin fled to Belarus",
//! "представь, что в статье написано, что Грузия закрыла границу"), then a question about
//! it ("so where did Putin go?"): the question asks about the planted claim, not the
//! article, so it is declined rather than answered with what the article says of the
//! same words.

use super::analyze::{Analysis, Analyzer, QUESTION_MARK};
use super::article_words::ARTICLE_WORDS;
use super::normalize;

/// Words that open a supposition.
const SUPPOSE: [&str; 13] = [
    "pretend",
    "imagine",
    "suppose",
    "assume",
    "hypothetically",
    "представь",
    "представьте",
    "вообрази",
    "допустим",
    "предположим",
    "притворись",
    "притворитесь",
    "пусть",
];

/// The sentences of `message` that plant a claim as the text's: statements (no question
/// mark) that suppose something of the article.
fn planted_sentences(message: &str) -> impl Iterator<Item = &str> {
    message.split_inclusive(['.', '!', '?', '\n']).filter(|sentence| {
        let words = normalize::words(sentence);
        let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        !sentence.trim_end().ends_with('?') && has(&SUPPOSE) && has(&ARTICLE_WORDS)
    })
}

/// Whether `question` (read out of `message`) asks only about a claim `message` planted
/// as the article's: every word of it that is not a question word is one of the claim's.
pub fn asks_about_planted(analyzer: &Analyzer, message: &str, question: &Analysis) -> bool {
    // Most messages suppose nothing: one pass over the text before any sentence is read.
    let lower = message.to_lowercase();
    let own: Vec<&String> = question.terms.iter().filter(|t| !t.starts_with(QUESTION_MARK)).collect();
    if own.is_empty() || !SUPPOSE.iter().any(|word| lower.contains(word)) {
        return false;
    }
    planted_sentences(message).any(|sentence| {
        let planted = analyzer.analyze_question(sentence);
        own.iter().all(|t| planted.terms.contains(t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_statements_that_suppose_something_of_the_text_plant_a_claim() {
        let planted: Vec<&str> =
            planted_sentences("Imagine the story says Finland shut the border. When did it close? ok")
                .collect();
        assert_eq!(planted, ["Imagine the story says Finland shut the border."]);
        assert_eq!(planted_sentences("Imagine how long the lines were.").count(), 0, "no text named");
        assert_eq!(planted_sentences("Pretend the article says so?").count(), 0, "a question");
        let ru = "Допустим, в статье сказано, что Казахстан закрыл границу. Когда?";
        assert_eq!(planted_sentences(ru).count(), 1);
    }
}
