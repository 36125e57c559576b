//! Unit tests of [`super`]: the rules of `normalize.rs`, each with the cases that made it.

use super::*;

#[test]
fn folds_case_punctuation_and_contractions() {
    assert_eq!(words("What's Putin’s CALL-UP?"), ["whats", "putins", "call", "up"]);
}

#[test]
fn joins_digit_groups_in_every_style() {
    for text in [
        "300,000",
        "300 000",
        "300.000",
        "300\u{a0}000",
        "300k",
        "three hundred thousand",
        "триста тысяч",
        "300 тысяч",
        "300 тыщ",
    ] {
        assert_eq!(words(text), ["300000"], "{text}");
    }
    assert_eq!(words("1,5"), ["1", "5"]);
}

#[test]
fn number_words_become_digits_but_not_pronouns() {
    assert_eq!(words("seven month mark"), ["7", "month", "mark"]);
    assert_eq!(words("which one"), ["which", "one"]);
    assert_eq!(words("a million men"), ["a", "1000000", "men"]);
    assert_eq!(words("what is 2+2? 7 * 7"), ["what", "is", "2x2", "7x7"], "sums are not numbers");
    assert_eq!(words("on 9/22, 2-3 days"), ["on", "9", "22", "2", "3", "days"]);
    assert_eq!(words("тысячи мужчин"), ["тысячи", "мужчин"], "a plural is 'thousands'");
    assert_eq!(words("о 300 тысячах"), ["о", "300000"], "a scale in any case");
    assert_eq!(words("2 млн"), ["2000000"]);
    assert_eq!(words("в тысячах случаев"), ["в", "тысячах", "случаев"], "alone, no figure");
}

#[test]
fn cyrillic_yo_and_zalgo_are_folded() {
    assert_eq!(words("Ещё"), ["еще"]);
    assert_eq!(words("ẃ̷h̸a̴t̵"), ["what"]);
}

#[test]
fn chat_spellings_of_function_words_are_standard() {
    assert_eq!(
        words("wat did the govt say abt it"),
        ["what", "did", "the", "government", "say", "about", "it"]
    );
    assert_eq!(words("chats w friends, tell em"), ["chats", "with", "friends", "tell", "them"]);
    assert_eq!(words("could b called up"), ["could", "be", "called", "up"]);
    assert_eq!(words("чо там"), ["что", "там"]);
    // "-нибудь" / "-нить" run into the pronoun: read as the hyphenated form is.
    assert_eq!(words("ктонить знает"), ["кто", "знает"]);
    assert_eq!(words("чтонибудь слышно"), ["что", "слышно"]);
}

#[test]
fn the_fast_paths_agree_with_the_unicode_tables() {
    for c in (0..0x500).filter_map(char::from_u32) {
        assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        let mut lower = String::new();
        push_lowercase(&mut lower, c);
        assert_eq!(lower, c.to_lowercase().collect::<String>(), "{c:?}");
    }
}

#[test]
fn one_word_reads_as_its_words_joined() {
    for text in [
        "Tsydanov's",
        "Seven",
        "one",
        "wat",
        "Ещё",
        "ЧО",
        "300k",
        "300,000",
        "Türkiye",
        "call-up",
        "",
        "hundred",
        "Цыданов",
        "ẃ̷h̸a̴t̵",
        "тысяч",
        "abt",
    ] {
        assert_eq!(word(text), words(text).concat(), "{text}");
    }
}

#[test]
fn huge_input_is_capped() {
    let text = "word ".repeat(10_000);
    assert_eq!(words(&text).len(), MAX_WORDS);
}

#[test]
fn fewer_chars_counts_characters_not_bytes() {
    assert!(fewer_chars_than("who", 4) && !fewer_chars_than("whom", 4));
    assert!(fewer_chars_than("кто", 4) && !fewer_chars_than("кого", 4), "6 and 8 bytes");
    assert!(fewer_chars_than("", 1) && !fewer_chars_than("ё", 1));
}
