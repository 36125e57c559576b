//! Unit tests of the premise checks: figures, sums, the sentences that ask.

use super::contrast::begins_with;
use super::dates::{DATE_WORD_STARTS, asking_sentences, may_name_a_date};
use super::figure::{is_sum, of_one_order, replaced};
use super::said::{puts_as_said, without_said};

#[test]
fn a_figure_is_mistaken_only_for_one_of_its_order() {
    assert!(of_one_order(30_000.0, 300_000.0));
    assert!(of_one_order(8.0, 7.0));
    assert!(!of_one_order(30_000.0, 7.0));
    assert!(!of_one_order(0.0, 7.0));
}

#[test]
fn a_sum_is_no_figure() {
    let text = "what is 2 + 2, and why only 30,000?";
    assert!(is_sum(text, &(8..9)));
    assert!(is_sum(text, &(12..13)));
    assert!(!is_sum(text, &(29..35)));
}

#[test]
fn only_the_sentences_that_ask_state_its_premise() {
    let text = "We drive on Monday. I'm anxious! What happened on Sept. 22? and then";
    assert_eq!(asking_sentences(text).collect::<Vec<_>>(), [" What happened on Sept. 22?"]);
    assert_eq!(asking_sentences("no question on Monday").count(), 1);
}

#[test]
fn each_wrong_figure_is_replaced() {
    let text = "not 3m but 30k?";
    assert_eq!(replaced(text, &[4..6, 11..14], "300000"), "not 300000 but 300000?");
}

#[test]
fn a_date_word_is_told_by_its_first_three_characters() {
    let naive = |w: &str| DATE_WORD_STARTS.contains(&w.chars().take(3).collect::<String>().as_str());
    let words = [
        "january",
        "sept",
        "mon",
        "mo",
        "m",
        "",
        "monthly",
        "maybe",
        "июня",
        "понедельник",
        "по",
        "пят",
        "пя",
        "sun",
        "sunday",
        "x",
        "é",
        "дек",
        "дека",
        "jul",
        "july",
        "june",
        "ja",
    ];
    for w in words {
        assert_eq!(may_name_a_date(w), naive(w), "{w}");
    }
    assert!(may_name_a_date("sept") && may_name_a_date("понедельник") && !may_name_a_date("what"));
}

#[test]
fn begins_with_is_starts_with() {
    for (word, start) in [
        ("fully", "full"),
        ("full", "fully"),
        ("total", ""),
        ("", ""),
        ("", "x"),
        ("полная", "полн"),
        ("general", "gen"),
    ] {
        assert_eq!(begins_with(word, start), word.starts_with(start), "{word} {start}");
    }
}

#[test]
fn the_verb_that_puts_a_figure_in_a_mouth_is_no_word_of_the_claim() {
    assert_eq!(without_said("Why did Putin announce he'd call up men?"), "Why did Putin he'd call up men?");
    assert_eq!(without_said("Путин заявил, что призовут"), "Путин что призовут");
    assert!(puts_as_said(&["putin".to_string(), "announced".to_string()]));
    assert!(!puts_as_said(&["could".to_string(), "it".to_string(), "reach".to_string()]));
}
