//! A part that only says the article reported something ("в статье же писали", "об
//! этом писали в статье", "the article said so"): it points at the question beside
//! it and asks nothing itself. Matched alone, its verb of writing would be answered
//! with who wrote about what. So does a short line that only names the article
//! ("Quick one about the article."): matched alone, it was answered with what the story
//! is about.

use crate::matcher::analyze::{Analysis, QUESTION_MARK};
use crate::matcher::article_words::names_the_article;

/// Verbs that say the text reported it.
const REPORTED: [&str; 14] = [
    "said",
    "says",
    "wrote",
    "written",
    "mentioned",
    "reported",
    "писали",
    "пишут",
    "написано",
    "написали",
    "говорилось",
    "сказано",
    "упоминалось",
    "было",
];
/// Words that may stand around them without asking anything.
const FILLER: [&str; 22] = [
    "it",
    "was",
    "is",
    "in",
    "the",
    "this",
    "that",
    "so",
    "though",
    "there",
    "about",
    "об",
    "этом",
    "в",
    "же",
    "ведь",
    "там",
    "так",
    "и",
    "про",
    "это",
    "вроде",
];

/// Whether `part` only says that the article reported something, and asks nothing.
pub fn only_cites_the_article(part: &str) -> bool {
    if part.contains('?') {
        return false;
    }
    let words: Vec<String> =
        part.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let is = |list: &[&str], w: &str| list.contains(&w);
    words.iter().any(|w| names_the_article(w))
        && words.iter().any(|w| is(&REPORTED, w))
        && words.iter().all(|w| names_the_article(w) || is(&REPORTED, w) || is(&FILLER, w))
}

/// Terms beside the article's name a part may have and still only name it: "*Quick* one
/// about the article."
const MAX_TERMS_BESIDE_THE_ARTICLE: usize = 1;
/// Words such a part has at most: a longer one says something of its own ("I need just
/// what is in the article, not a retelling …"), though few of its words are terms.
const MAX_WORDS_NAMING_THE_ARTICLE: usize = 6;

/// Whether a part that sets the scene only names the article the rest asks about
/// ("Quick one about the article.", "Article question."), with no thing of the story
/// beside it: matched alone, it was answered with what the story is about, or with
/// whatever its one other word found.
pub fn only_names_the_article(part: &str, analysis: &Analysis, names_a_thing: bool) -> bool {
    let own = analysis.terms.iter().filter(|t| !t.starts_with(QUESTION_MARK)).count();
    super::is_context(part)
        && analysis.words.iter().any(|w| names_the_article(w))
        && own <= 1 + MAX_TERMS_BESIDE_THE_ARTICLE
        && analysis.words.len() <= MAX_WORDS_NAMING_THE_ARTICLE
        && !names_a_thing
}

#[cfg(test)]
mod tests {
    use super::only_cites_the_article;

    #[test]
    fn a_part_that_only_says_the_article_reported_it_asks_nothing() {
        assert!(only_cites_the_article("об этом же писали в статье"));
        assert!(only_cites_the_article("the article said so though."));
        assert!(!only_cites_the_article("кто писал эту статью?"), "a question");
        assert!(!only_cites_the_article("the article said Finland closed the border"), "a claim to check");
    }
}
