//! Words of contrast: "other", "besides", "else", "only", "too", "кроме", "другие",
//! "единственный", "тоже". A phrasing with one asks about things set against what the
//! article names ("did *other* governors admit errors *too*?", "was it the *only*
//! region?"), not about what it names; a question with none does not ask that, however
//! many of the phrasing's other words it shares. Language-generic, not story-specific.

/// Words that set what is asked against something else, as normalized words.
const CONTRAST_WORDS: [&str; 24] = [
    "other",
    "others",
    "another",
    "besides",
    "else",
    "elsewhere",
    "only",
    "too",
    "also",
    "except",
    "apart",
    "aside",
    "кроме",
    "помимо",
    "иной",
    "иные",
    "иных",
    "иным",
    "тоже",
    "также",
    "только",
    "остальные",
    "остальных",
    "остальным",
];

/// Stems that set what is asked against something else in every ending: "другие",
/// "других", "другой" (not "друг", "друга": a friend), "единственный", "единственная".
const CONTRAST_STEMS: [(&str, usize); 2] = [("друг", 6), ("единствен", 9)];

/// Whether `words` (normalized) have a word of contrast.
pub fn has_contrast(words: &[String]) -> bool {
    words.iter().any(|w| is_contrast(w))
}

fn is_contrast(word: &str) -> bool {
    CONTRAST_WORDS.contains(&word)
        || CONTRAST_STEMS.iter().any(|&(stem, chars)| word.starts_with(stem) && word.chars().count() >= chars)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::normalize::words;

    #[test]
    fn contrast_words_in_both_languages() {
        for text in [
            "Did any other city see protests?",
            "Was he the only official to resign?",
            "who else was arrested",
            "did the mayor apologize too",
            "Кроме Москвы, где ещё протестовали?",
            "Это единственный город с протестами?",
            "Протестовали ли в других городах?",
            "Мэр тоже извинился?",
        ] {
            assert!(has_contrast(&words(text)), "{text}");
        }
    }

    #[test]
    fn no_contrast_in_plain_questions() {
        for text in [
            "Which mayor apologized for the arrests?",
            "When did the protests start?",
            "Кто из друзей помог ему уехать?",
            "Какой мэр извинился?",
        ] {
            assert!(!has_contrast(&words(text)), "{text}");
        }
    }
}
