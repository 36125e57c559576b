//! Tests of the list questions: which ask for a whole list or every item.

use super::*;
use crate::matcher::question::{NEGATION, SAYING};

fn terms(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn a_question_for_all_the_text_names_of_a_kind_is_told_apart() {
    let stop = |w: &str| ["the", "does", "in", "inside", "all", "about", "which", "какие", "в"].contains(&w);
    let asks = |q: &str| asks_for_all_named(&crate::matcher::normalize::words(q), stop);
    assert!(asks("list every country the article names"));
    assert!(asks("which cities does the story mention?"));
    assert!(asks("list the regions inside russia the article talks about"));
    assert!(asks("какие страны упоминаются в статье?"));
    assert!(!asks("which countries does the article say Russians can fly to without visas?"));
    assert!(!asks("list every country"), "no text named: a list of what?");
    assert!(!asks("what does the article say about Finland?"), "no verb of naming");
}

#[test]
fn a_count_is_read_without_its_count_words() {
    assert_eq!(
        without_count("How many countries does the article name?").as_deref(),
        Some("  countries does the article name?")
    );
    assert_eq!(without_count("сколько стран в статье").as_deref(), Some("  стран в статье"));
    assert_eq!(without_count("which countries does the article name?"), None);
    assert!(names_as_a_verb(&terms(&["how", "many", "countries", "does", "the", "article", "name"])));
    assert!(!names_as_a_verb(&terms(&["what", "is", "the", "name", "of", "the", "governor"])));
}

#[test]
fn a_request_for_a_list_opens_the_question() {
    assert!(requests_a_list(&terms(&["name", "all", "the", "countries"])));
    assert!(requests_a_list(&terms(&["pls", "list", "every", "border"])));
    assert!(requests_a_list(&terms(&["перечисли", "все", "даты"])));
    assert!(!requests_a_list(&terms(&["is", "the", "list", "complete"])));
    assert!(!requests_a_list(&terms(&["is", "serbia", "on", "the", "list"])));
}

#[test]
fn handing_over_every_item_requests_a_list() {
    let requests = |q: &str| requests_a_list(&crate::matcher::normalize::words(q));
    assert!(requests("show me all the figures the piece quotes"));
    assert!(requests("could you give every date from the text"));
    assert!(requests("покажи мне все даты из текста"));
    assert!(!requests("tell me who counted the drafted men"), "one fact handed over");
    assert!(!requests("show me the photo"), "no item said to be every one");
}

#[test]
fn a_question_for_every_item_says_all_or_requests_a_list() {
    assert!(asks_for_every_item(&terms(&["name", "the", "borders"])));
    assert!(asks_for_every_item(&terms(&["every", "border", "with", "queues"])));
    assert!(asks_for_every_item(&terms(&["все", "границы", "с", "очередями"])));
    assert!(!asks_for_every_item(&terms(&["what", "about", "the", "finnish", "border"])));
}

#[test]
fn a_plural_which_asks_for_every_item() {
    let every = |q: &str| asks_for_every_item(&crate::matcher::normalize::words(q));
    assert!(every("which checkpoints have traffic jams?"));
    assert!(every("what nations were the men heading to?"));
    assert!(every("which border posts are busy?"));
    assert!(!every("which checkpoint had a jam?"), "one thing asked for");
    assert!(!every("what happens to the men who stay?"), "a verb in -s, not a plural");
    assert!(!every("what was the reason for the jams?"));
}

#[test]
fn a_bare_list_request_names_nothing() {
    assert!(only_requests_a_list(&terms(&["перечисли", "все"])));
    assert!(only_requests_a_list(&terms(&["list", "em"])));
    assert!(only_requests_a_list(&terms(&["списком", "пожалуйста"])));
    assert!(!only_requests_a_list(&terms(&["list", "the", "borders"])));
    assert!(!only_requests_a_list(&terms(&["all", "of", "them"])));
}

#[test]
fn a_list_clause_ends_where_the_rest_only_adds_to_it() {
    let asks = |rest: &str| rest.contains('?') || rest.contains("куда");
    assert_eq!(list_clause("name everyone, including the photographer", asks), Some("name everyone"));
    assert_eq!(list_clause("перечисли людей включая фотографа", asks), Some("перечисли людей"));
    assert_eq!(list_clause("list all countries, I want to check Serbia", asks), Some("list all countries"));
    assert_eq!(list_clause("перечисли все страны, куда бегут россияне", asks), None);
    assert_eq!(list_clause("list all countries", asks), None);
    assert_eq!(list_clause("перечисли все страны, в которые летают", asks), None, "a relative clause");
    assert_eq!(list_clause("list all countries, that is all of them", asks), None);
    assert_eq!(
        list_clause("show me each date in the text (days, months, years)", asks),
        Some("show me each date in the text"),
        "an aside in parentheses says what the list holds"
    );
}

#[test]
fn a_part_asks_with_a_question_word_or_mark() {
    assert!(part_asks("куда уезжают мужчины", &terms(&["?where", "уезжа", "мужчин"])));
    assert!(part_asks("and the photo credit?", &terms(&["photograph"])));
    assert!(!part_asks("including whoever is in the photo credit", &terms(&["includ", "photograph"])));
    assert!(!part_asks("I want to see if it's there", &terms(&[NEGATION, SAYING])));
}

#[test]
fn everything_is_asked_by_its_own_words_not_by_a_plural_which() {
    assert!(asks_for_everything(&terms(&["everything", "about", "buryatia"])));
    assert!(asks_for_everything(&terms(&["всё", "про", "бурятию"])));
    assert!(!asks_for_everything(&terms(&["which", "borders", "have", "queues"])));
}
