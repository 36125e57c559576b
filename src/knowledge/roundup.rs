//! Roundups: "every fact about Belarus" asks for all the article says about one thing.
//! When the sentences naming a thing (a country, person or outlet of lexicon
//! `[entities]`) are split over several entries, one entry must quote them all, or
//! such a question gets one entry's share. `storybot check` warns about each shared
//! thing no entry rounds up.

use super::Story;
use super::article::sentences;

/// A thing whose name is in the quotes of at least this many entries is shared: a
/// question about all of it would otherwise get one of their shares.
pub const SHARED_BY: usize = 3;
/// Only things named in at most this many of the article's sentences are checked: a
/// thing named across the story (its main actor, its main source, the war) is what
/// the story is about, and a roundup of it would be most of the article, weighing on
/// the matching of every question that shares its words. A roundup may still be
/// written for such a thing (the shipped knowledge has Finland's).
pub const MAX_SENTENCES: usize = 1;
/// How much of a sentence (in characters) an entry's quotes must hold to cover it: a
/// quote may leave out a trailing "per AP" or an opening "State of play:".
const COVERS: f32 = 0.8;

/// A thing several entries name, and the entry that rounds it up, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// Its first name in the lexicon.
    pub name: String,
    /// The ids of the entries whose quotes name it.
    pub entries: Vec<String>,
    /// An entry whose quotes cover every sentence that names it.
    pub roundup: Option<String>,
}

/// Every shared thing named in at most [`MAX_SENTENCES`] sentences, with its roundup
/// (an entry whose quotes hold all of them).
pub fn shared_things(story: &Story) -> Vec<Shared> {
    let sentences: Vec<&str> = sentences(&story.article).into_iter().map(|s| s.text).collect();
    let mut out = Vec::new();
    for names in story.lexicon.entities.iter().flatten() {
        let named = |text: &str| names.iter().any(|name| names_word(text, name));
        let naming: Vec<&str> = sentences.iter().copied().filter(|s| named(s)).collect();
        if naming.is_empty() || naming.len() > MAX_SENTENCES {
            continue;
        }
        let entries: Vec<_> = story.entries.iter().filter(|e| e.quotes.iter().any(|q| named(q))).collect();
        if entries.len() < SHARED_BY {
            continue;
        }
        let roundup =
            entries.iter().find(|e| naming.iter().all(|s| covered(s, &e.quotes))).map(|e| e.id.clone());
        let name = names.first().cloned().unwrap_or_default();
        out.push(Shared { name, entries: entries.iter().map(|e| e.id.clone()).collect(), roundup });
    }
    out
}

/// Whether `quotes` hold at least [`COVERS`] of `sentence`.
fn covered(sentence: &str, quotes: &[String]) -> bool {
    if quotes.iter().any(|q| q.contains(sentence)) {
        return true;
    }
    let held: usize = quotes.iter().filter(|q| sentence.contains(q.as_str())).map(|q| q.len()).sum();
    held as f32 >= COVERS * sentence.len() as f32
}

/// Whether `text` has `name` as a word of its own ("AP reports", not "APril").
fn names_word(text: &str, name: &str) -> bool {
    super::article::contains_word(text, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_as_words() {
        assert!(names_word("lines at its borders with Georgia and Kazakhstan", "Georgia"));
        assert!(names_word("per AP.", "AP"));
        assert!(!names_word("in April", "AP"));
        assert!(!names_word("the CAP", "AP"));
    }

    #[test]
    fn a_sentence_is_covered_by_most_of_it_or_all() {
        let sentence = "Some have fled to Belarus, a close Russian ally, per AP.";
        assert!(covered(sentence, &["Some have fled to Belarus, a close Russian ally".into()]));
        assert!(!covered(sentence, &["Some have fled to Belarus".into()]));
        assert!(covered(sentence, &[format!("Driving the news: {sentence}")]));
        let halves = ["Some have fled to Belarus,".to_string(), " a close Russian ally, per AP.".to_string()];
        assert!(covered(sentence, &halves), "quotes together");
    }
}
