//! Unit tests of [`super`]: the rules of `parts.rs`, each with the cases that made it.

use super::*;

#[test]
fn two_questions_joined_by_and_are_two_parts() {
    assert_eq!(
        split("Who wrote this and when was it published?"),
        ["Who wrote this", "and when was it published?"]
    );
    assert_eq!(split("кто автор и когда вышла статья"), ["кто автор", "и когда вышла статья"]);
    assert_eq!(
        split("what did the White House say, and how is Ukraine doing"),
        ["what did the White House say,", "and how is Ukraine doing"]
    );
}

#[test]
fn a_statement_after_but_stays_with_its_sentence() {
    assert!(
        split("Finland let the cars through, but that's a rule, it doesn't mean they stay, right?")
            .is_empty(),
        "'but' and a statement contrast, they ask nothing new"
    );
    assert_eq!(
        split("Putin ordered it, but when did it start?"),
        ["Putin ordered it,", "but when did it start?"],
        "'but' and a question word still open a question"
    );
}

#[test]
fn a_relative_clause_after_a_correlative_is_no_new_question() {
    // One question: no parts.
    assert!(split("а Польша пускает тех, кто бежит от мобилизации?").is_empty());
    assert!(split("пускают ли туда, где нет виз?").is_empty());
    assert_eq!(split("кто уехал, кто остался?").len(), 2, "a plain comma still splits");
}

#[test]
fn a_phrase_that_says_what_is_asked_about_stays_with_its_question() {
    let unknown = |clause: &str| clause.contains("европейск") || clause.contains("African");
    let split = |text| split_keeping(text, &unknown);
    assert!(split("перечисли все европейские страны, куда бегут россияне").is_empty());
    assert!(split("name all the African countries, where do Russians flee?").is_empty());
    // A phrase of words the knowledge uses, an interjection and a question of its
    // own are parts.
    assert_eq!(split("according to Putin, who is drafted?"), ["according to Putin,", "who is drafted?"]);
    assert_eq!(split("ok, how many could be called up?"), ["ok,", "how many could be called up?"]);
    assert_eq!(split("кто уехал, кто остался?").len(), 2, "two questions");
}

#[test]
fn a_phrase_that_says_where_it_is_said_asks_nothing_of_its_own() {
    let parts = split("so in that Axios article about the exodus, what did Belarus do?");
    assert_eq!(parts.len(), 2);
    assert!(only_says_where(parts[0]) && !only_says_where(parts[1]));
    for phrase in ["according to the article,", "per the caption,", "по данным статьи,", "а в статье,"]
    {
        assert!(only_says_where(phrase), "{phrase}");
    }
    let not = [
        "in which city,",
        "in Buryatia they drafted everyone",
        "My brother is in Russia,",
        "according to Putin,",
    ];
    for part in not {
        assert!(!only_says_where(part), "{part}");
    }
}

#[test]
fn one_question_stays_whole() {
    assert!(split("Where was the photo taken?").is_empty());
    assert!(split("Why are men leaving Russia and Belarus").is_empty(), "and + a noun joins nouns");
    assert!(split("Did men flee to St. Petersburg?").is_empty(), "St. is not a sentence end");
    assert!(split("?!?").is_empty());
    assert!(split("Беларусь — союзник России?").is_empty(), "a dash for 'is'");
    assert!(split("Правда, что в Бурятии призывают всех?").is_empty(), "', что' is 'that'");
    assert_eq!(
        split("the war — what did the White House say?"),
        ["the war —", "what did the White House say?"]
    );
}

#[test]
fn context_and_question_are_parts() {
    let parts = split("My cousin lives in Moscow. He is nervous. Is that how it works?");
    assert_eq!(parts, ["My cousin lives in Moscow.", "He is nervous.", "Is that how it works?"]);
}

#[test]
fn a_part_asking_only_for_a_kind_of_answer_asks_about_the_rest() {
    let terms = |list: &[&str]| list.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    let known = |t: &str| t != "pls";
    assert!(asks_only_for_a_kind(&terms(&["number", "pls"]), '?', known));
    assert!(asks_only_for_a_kind(&terms(&["нужн", "цифр"]), '?', known));
    assert!(!asks_only_for_a_kind(&terms(&["pls"]), '?', known), "no kind word");
    assert!(!asks_only_for_a_kind(&terms(&["number", "soldier"]), '?', known), "a subject of its own");
}

#[test]
fn a_statement_is_context_and_a_request_is_not() {
    assert!(is_context("I'm a bit worried about how long we'd wait."));
    assert!(is_context("Мой брат в Бурятии."));
    assert!(!is_context("How long is the wait"));
    assert!(!is_context("the wait is long?"));
    assert!(!is_context("Tell me how long the wait is."));
    assert!(!is_context("и когда вышла статья"));
}

#[test]
fn a_long_message_keeps_its_last_parts() {
    let text = "a. b. c. d. one. two. three. four. five. six?";
    let parts = split(text);
    assert_eq!(parts.len(), MAX_PARTS);
    assert_eq!(parts.last(), Some(&"six?"));
}

#[test]
fn typographic_marks_end_a_sentence_only_where_they_say_so() {
    // ’ “ ” share their first byte with … — –: only the last three can end a sentence.
    assert_eq!(
        sentences("Putin’s “partial” call-up… who is called up? Men — who fled? Беларусь — союзник"),
        ["Putin’s “partial” call-up…", "who is called up?", "Men —", "who fled?", "Беларусь — союзник"]
    );
    assert_eq!(sentences("It’s St. Petersburg’s. And Why"), ["It’s St. Petersburg’s.", "And Why"]);
}

#[test]
fn words_are_split_at_any_whitespace_in_any_script() {
    let mut letters = String::new();
    let spans = word_spans("Who\x0Bwon, St. X", &mut letters);
    assert_eq!(spans, [(0, "who"), (4, "won"), (9, "st"), (13, "x")]);
    let mut letters = String::new();
    let spans = word_spans("Кто\u{a0}Won\x0Bwhat's", &mut letters);
    assert_eq!(spans, [(0, "кто"), (8, "won"), (12, "whats")]);
}
