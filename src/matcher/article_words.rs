//! The words a question uses for the article itself ("the *article* says", "в *статье*"),
//! shared by every rule that sets them aside: naming the text asks about no subject of it.

/// Whole words, English and the Russian cases people write, for the text being asked about.
pub(super) const ARTICLE_WORDS: [&str; 13] = [
    "article",
    "story",
    "piece",
    "text",
    "статья",
    "статье",
    "статьи",
    "статью",
    "текст",
    "тексте",
    "материал",
    "материале",
    "заметке",
];

/// Whether `word` (lower-cased, whole) names the article.
pub(super) fn names_the_article(word: &str) -> bool {
    ARTICLE_WORDS.contains(&word)
}
