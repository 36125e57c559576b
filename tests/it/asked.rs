//! What kind of answer a question asks for, on the shipped knowledge: a phrasing's own
//! question word, a yes/no question about another kind of thing, what "how many"
//! counts and how "list every" restricts its list. The questions are written for these
//! tests, not taken from any eval set.

use std::path::Path;

use storybot::engine::Engine;

use crate::support::entry_and_reply as ask;

fn engine() -> Engine {
    Engine::load(Path::new("knowledge")).unwrap()
}

#[test]
fn a_yes_no_question_is_not_answered_through_a_phrasing_that_asks_when() {
    let engine = engine();
    // Each shares every content word with a "when … ?" phrasing of the entry that
    // answers "On Friday"; what it asks is whether, which another entry answers.
    for question in ["did tsydanov concede that mistakes were made?", "признал ли Цыданов, что были ошибки?"]
    {
        let (id, text) = ask(&engine, question);
        assert!(id.is_some(), "{question}: {text}");
        assert_ne!(id.as_deref(), Some("tsydanov-when"), "{question}: {text}");
    }
    // Asked when, the same words still get the date.
    for question in ["when did tsydanov concede mistakes?", "когда Цыданов признал ошибки?"]
    {
        let (id, text) = ask(&engine, question);
        assert_eq!(id.as_deref(), Some("tsydanov-when"), "{question}: {text}");
    }
}

#[test]
fn a_yes_no_question_about_another_kind_of_thing_is_declined() {
    let engine = engine();
    // The entry speaks of rising prices, of airfare; these ask about other prices.
    for question in ["are petrol prices climbing?", "is the kerosene price going up?"] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id, None, "{question}: {text}");
    }
    // The thing the entry speaks of, or a common word narrowed, is still answered.
    let (id, text) = ask(&engine, "are plane ticket prices going up?");
    assert_eq!(id.as_deref(), Some("flights-cost"), "{text}");
    let (id, text) = ask(&engine, "are young men fleeing?");
    assert!(id.is_some(), "{text}");
}

#[test]
fn how_many_asks_for_a_count_of_what_it_names() {
    let engine = engine();
    // The article counts the men who could be called up, not those who left: the
    // decline must not bring up that figure as if it were the answer.
    for question in ["how many men have emigrated so far?", "how many have left Russia so far?"] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id, None, "{question}: {text}");
        assert!(!text.contains("300,000"), "{question}: {text}");
    }
    for question in ["how many could be drafted?", "сколько человек могут призвать?"]
    {
        let (id, text) = ask(&engine, question);
        assert_eq!(id.as_deref(), Some("order-300k"), "{question}: {text}");
    }
}

#[test]
fn a_list_restricted_in_a_way_no_entry_is_gets_no_other_list() {
    let engine = engine();
    for question in [
        "list all the airlines that raised fares",
        "list every African country russians fled to",
        "list every European country that closed its border",
    ] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id, None, "{question}: {text}");
    }
    // Unrestricted, or restricted by a word that restricts nothing, the list is given.
    for question in
        ["list every single country russians fled to", "перечисли все страны, куда бегут россияне"]
    {
        let (id, text) = ask(&engine, question);
        assert_eq!(id.as_deref(), Some("where-fleeing"), "{question}: {text}");
    }
}

#[test]
fn how_long_asks_for_a_measure_not_a_date() {
    let engine = engine();
    // Both entries share these words; one gives a date ("earlier this week"), the
    // other how long the war had gone on.
    for question in [
        "how long had Russia been fighting in Ukraine when the order came?",
        "how long had the Ukraine war been running when Putin announced the draft?",
        "how long had the invasion been underway when the order was issued?",
    ] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id.as_deref(), Some("war-seven-months"), "{question}: {text}");
    }
    let (id, text) = ask(&engine, "how long ago was the mobilization order signed?");
    assert_eq!(id.as_deref(), Some("order-when"), "{text}");
}

#[test]
fn a_date_or_a_person_is_no_answer_to_why() {
    let engine = engine();
    // Each shares its words with an entry that gives only a date: that is not why.
    for (question, date) in [
        ("why did the governor speak on Friday?", "tsydanov-when"),
        ("why was the photo taken on Sept. 22?", "photo-date"),
        ("почему фото сделано 22 сентября?", "photo-date"),
    ] {
        let (id, text) = ask(&engine, question);
        assert_ne!(id.as_deref(), Some(date), "{question}: {text}");
    }
    // Asked what those entries give, they still answer.
    for (question, entry) in [
        ("why are men fleeing Russia?", "exodus-why"),
        ("when did the governor speak?", "tsydanov-when"),
        ("почему мужчины бегут из России?", "exodus-why"),
    ] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id.as_deref(), Some(entry), "{question}: {text}");
    }
}

#[test]
fn a_question_that_ranks_is_not_answered_by_a_list() {
    let engine = engine();
    // The article names borders and places but ranks none of them this way.
    for question in [
        "which border is the fastest to cross right now?",
        "where is the safest place to flee?",
        "which is the quickest route out of Russia?",
        "what's the safest border to cross?",
        // "easy" is filler to the knowledge, but the ranking still asks for it.
        "asking for a friend: which border is the easiest to get through rn?",
        "which is the easiest country to fly to?",
    ] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id, None, "{question}: {text}");
    }
    // Ranked by what the article does speak of, the entry that speaks of it answers.
    let (id, text) = ask(&engine, "which borders had the longest lines?");
    assert_eq!(id.as_deref(), Some("border-queue-length"), "{text}");
}

#[test]
fn a_ranking_the_article_lacks_is_declined_by_its_gap_not_answered() {
    let engine = engine();
    // No figures by region or city: the gap on regional quotas declines it, though
    // its note never says "most"; the entry on where draftees are sent must not answer.
    for question in
        ["Which city has sent the most draftees?", "Which region has drafted the most men so far?"]
    {
        let (id, text) = ask(&engine, question);
        assert_eq!(id, None, "{question}: {text}");
    }
}

#[test]
fn a_date_the_question_states_is_not_its_answer() {
    let engine = engine();
    // Each names the very day an entry gives, and asks something else of it.
    for (question, date) in [
        ("what did Tsydanov say on Friday?", "tsydanov-when"),
        ("what did the governor concede in his Friday statement?", "tsydanov-when"),
        ("что губернатор сказал в пятницу?", "tsydanov-when"),
        ("what happened on Sept. 22?", "photo-date"),
    ] {
        let (id, text) = ask(&engine, question);
        assert_ne!(id.as_deref(), Some(date), "{question}: {text}");
    }
    // Asked when, or whether it was that day, the date is the answer.
    for (question, date) in [
        ("when did Tsydanov speak, on Friday?", "tsydanov-when"),
        ("was the photo taken on Sept. 22?", "photo-date"),
    ] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id.as_deref(), Some(date), "{question}: {text}");
    }
}

#[test]
fn chat_spellings_of_russian_question_words_ask_as_the_words_do() {
    let engine = engine();
    // "скок"/"скоко" for "сколько", "чо" for "что": without them the first is read as a
    // typo of "срок" (how long one serves) and declined.
    for (question, entry) in [
        ("скок человек могут призвать?", "order-300k"),
        ("скоко могут призвать?", "order-300k"),
        ("чо губернатор сказал?", "tsydanov-statement"),
    ] {
        let (id, text) = ask(&engine, question);
        assert_eq!(id.as_deref(), Some(entry), "{question}: {text}");
    }
}
