//! Unit tests of the premise checks: figures, sums, the sentences that ask.

use super::contrast::begins_with;
use super::dates::{DATE_WORD_STARTS, asking_sentences, may_name_a_date, years_asked};
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
fn a_year_is_a_time_only_after_a_word_of_time_or_before_year() {
    let years = |s: &str| years_asked(s).collect::<Vec<_>>();
    assert_eq!(years("what did the governor do in 2024?"), [(2024, false)]);
    assert_eq!(years("and after 2022, did anyone come back?"), [(2022, true)]);
    assert_eq!(years("что было в 2025 году?"), [(2025, false)]);
    assert_eq!(years("что будет после 2022?"), [(2022, true)]);
    assert_eq!(years("2019 year of the census"), [(2019, false)]);
    // Counts and other numbers are no years.
    assert!(years("were 2000 men stopped at the border?").is_empty());
    assert!(years("in 300000 cases").is_empty());
    assert!(years("in 1850").is_empty());
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
