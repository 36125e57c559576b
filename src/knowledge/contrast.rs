//! Validates `[[contrast]]` tables of `lexicon.toml`: the article's word and the words
//! that contradict it ("partial" and "full", "total", "полная"). A question that puts
//! one of those words where the article has its own gets that premise corrected, so
//! the article's word must really be in the article, and a contradicting word must be
//! one word the matcher can find in a question.

use super::model::Contrast;
use super::problems::{Problems, SourceFile};
use super::read::RawContrast;

/// Each contrast that is whole and sound; every problem is reported.
pub fn contrasts(
    raw: Vec<RawContrast>,
    article: Option<&str>,
    file: &SourceFile,
    problems: &mut Problems,
) -> Vec<Contrast> {
    let mut out = Vec::new();
    for c in raw {
        let (Some(word), Some(word_ru)) = (c.word, c.word_ru) else { continue };
        let mut sound = true;
        if let Some(article) = article
            && !occurs_as_word(article, word.get_ref())
        {
            problems.at(
                file,
                word.span(),
                format!(
                    "the contrast word {:?} does not occur in the article; give a word the article uses, as it writes it",
                    word.get_ref()
                ),
            );
            sound = false;
        }
        if c.contradicts.is_empty() {
            problems.at(file, c.span.clone(), "`contradicts` is empty; list the words that say the opposite");
            sound = false;
        }
        for w in &c.contradicts {
            let text = w.get_ref();
            if text.trim().is_empty() || text.chars().any(|ch| !ch.is_alphabetic()) {
                problems.at(
                    file,
                    w.span(),
                    format!("{text:?} is not one word; a contradicting word is a single word (\"full\", \"полная\")"),
                );
                sound = false;
            } else if text.to_lowercase() == word.get_ref().to_lowercase() {
                problems.at(
                    file,
                    w.span(),
                    format!("{text:?} is the article's own word; it cannot contradict it"),
                );
                sound = false;
            }
        }
        if sound {
            out.push(Contrast {
                word: word.into_inner(),
                word_ru: word_ru.into_inner(),
                contradicts: c.contradicts.into_iter().map(|w| w.into_inner()).collect(),
            });
        }
    }
    out
}

/// Whether `word` is in `text` as a whole word, ignoring case.
fn occurs_as_word(text: &str, word: &str) -> bool {
    super::article::contains_word(&text.to_lowercase(), &word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_only_whole() {
        assert!(occurs_as_word("Putin’s partial military mobilization order", "Partial"));
        assert!(!occurs_as_word("impartial observers", "partial"));
        assert!(!occurs_as_word("partially", "partial"));
    }
}
