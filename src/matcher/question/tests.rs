//! Unit tests of reading question words, light terms and the kind of answer asked.

use super::*;

fn kind(question: &str) -> Option<AnswerKind> {
    question_kind(&question.split(' ').map(String::from).collect::<Vec<_>>())
}

#[test]
fn tense_and_aspect_phrases_are_read_whole() {
    let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
    assert_eq!(aspect_len(&words("so far")), Some(2));
    assert_eq!(aspect_len(&words("already fled")), Some(1));
    assert_eq!(aspect_len(&words("до сих пор уехали")), Some(3));
    assert_eq!(aspect_len(&words("пока они воюют")), Some(2), "'пока' before a pronoun is 'while'");
    assert_eq!(aspect_len(&words("пока бот")), None, "'пока' alone may be a goodbye");
    assert_eq!(aspect_len(&words("in the first place")), Some(4), "an idiom of time, not a place");
    assert_eq!(aspect_len(&words("in the photo")), None);
    assert_eq!(aspect_len(&words("so many")), None, "'so' alone is no aspect");
    assert_eq!(aspect_len(&words("far away")), None);
    assert!(!is_asking_term(ASPECT), "it asks for no kind of answer");
}

#[test]
fn a_verb_of_meaning_after_what_is_light() {
    let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
    let term = |text: &str, at: usize| question_term_at(&words(text), at);
    assert_eq!(term("what does botched refer to", 3).as_deref(), Some(MEANING));
    assert_eq!(term("what is meant by desperation", 2).as_deref(), Some(MEANING));
    assert_eq!(term("что значит мобилизация", 1).as_deref(), Some(MEANING));
    assert_eq!(term("sources the article refers to", 3), None, "no question about a word");
    assert!(!is_asking_term(MEANING));
}

#[test]
fn who_knows_asks_for_no_person() {
    let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
    assert_eq!(question_term_at(&words("кто нибудь знает сколько"), 0), None);
    assert_eq!(question_term_at(&words("кто в курсе сколько"), 0), None);
    assert_eq!(question_kind(&words("кто в курсе сколько могут призвать")), Some(AnswerKind::Number));
    assert_eq!(question_term_at(&words("who knows how many"), 0), None);
    assert_eq!(question_kind(&words("кто знает сколько могут призвать")), Some(AnswerKind::Number));
    assert_eq!(question_kind(&words("кто губернатор")), Some(AnswerKind::Person));
}

#[test]
fn what_is_known_about_asks_what_is_reported() {
    let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
    // A rare word of one source phrasing, it would pull "что известно про X" to the source.
    assert_eq!(question_term_at(&words("что известно про выплаты"), 1).as_deref(), Some(ATTRIBUTION));
}

#[test]
fn how_long_asks_for_a_measure_and_how_long_ago_for_a_date() {
    assert_eq!(kind("how long had the war been going on"), Some(AnswerKind::Number));
    assert_eq!(kind("so how long were the lines at the border"), Some(AnswerKind::Number));
    assert_eq!(kind("how long ago did putin sign it"), Some(AnswerKind::Date));
    assert_eq!(kind("how did the men leave"), None);
}

#[test]
fn every_aspect_phrase_passes_the_first_word_gate() {
    for phrase in light::ASPECT_PHRASES {
        assert!(light::opens_an_aspect_phrase(phrase[0]), "{phrase:?}");
    }
    assert!(!light::opens_an_aspect_phrase("far") && !light::opens_an_aspect_phrase("what"));
}

#[test]
fn a_source_noun_asked_with_a_verb_of_reporting_and_a_fact_is_light() {
    let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
    let len = |text: &str, at: usize| source_noun_len(&words(text), at);
    assert_eq!(len("which agency reported on buryatia", 1), Some(2));
    assert_eq!(len("which news agency said the men were fleeing", 1), Some(3), "'news agency' is one noun");
    assert_eq!(len("это какое агентство писало про бурятию", 2), Some(2));
    assert_eq!(len("which agencies does it cite", 1), None, "the agencies are what is asked");
    assert_eq!(len("the agency reported it", 1), None, "no which-word");
    assert_eq!(len("which outlet wrote this", 1), None, "no fact: the outlet is asked");
    assert_eq!(len("which outlet wrote the article", 1), None);
}

#[test]
fn every_question_word_passes_the_first_letter_gate() {
    for word in QUESTION_WORDS {
        assert!(!word.is_ascii() || ASCII_INITIALS.contains(&word.as_bytes()[0]), "{word}");
        assert!(is_question_word(word), "{word}");
    }
    assert!(!is_question_word("men") && !is_question_word("whale") && !is_question_word(""));
}
