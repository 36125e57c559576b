//! Questions that ask for a whole list, and follow-ups near them: questions of our own,
//! in English and Russian, for the rules in `docs/matching.md` ("Whole lists and the
//! crossing points").

use storybot::matcher::Outcome;

use crate::support::{converse, shipped_engine as engine};

/// The entry answered first for each message sent in turn in one conversation, if any.
fn chat(messages: &[&str]) -> Vec<Option<String>> {
    converse(messages).into_iter().map(|(_, ids)| ids.into_iter().next()).collect()
}

#[test]
fn a_question_for_the_whole_list_gets_the_whole_list() {
    for (question, list) in [
        ("Which people does the article name?", "people-named"),
        ("name everyone mentioned in the article", "people-named"),
        ("какие страны упоминаются в статье?", "countries-named"),
        ("list all the countries in the text", "countries-named"),
        ("what numbers does the story give?", "figures-named"),
        ("какие города названы в статье?", "places-named"),
        ("every date or day of the week in the story", "dates-named"),
        ("какие дни недели и даты есть в тексте", "dates-named"),
        // "people" and "name" alone are stop words; the people a text names are a phrase.
        ("name each person the article mentions", "people-named"),
        ("all the people's names in the story", "people-named"),
    ] {
        assert_eq!(chat(&[question])[0].as_deref(), Some(list), "{question}");
    }
}

#[test]
fn a_follow_up_fragment_asks_about_the_last_answer_not_the_whole_article() {
    for (first, then) in [
        ("what did the white house say?", "any other names?"),
        ("what did analysts say?", "any other names?"),
        ("what is belarus doing?", "а другие страны?"),
        ("что показали видео?", "а другие страны?"),
        ("what did the videos show?", "any other names?"),
    ] {
        let answers = chat(&[first, then]);
        let listed = answers[1].as_deref().is_some_and(|id| id.ends_with("-named"));
        assert!(!listed, "{first} → {then}: {answers:?}");
    }
}

#[test]
fn after_a_whole_list_the_next_list_is_still_a_list() {
    for (then, list) in [("what about the numbers?", "figures-named"), ("and the cities?", "places-named")] {
        let answers = chat(&["which countries does the article mention?", then]);
        assert_eq!(answers[0].as_deref(), Some("countries-named"));
        assert_eq!(answers[1].as_deref(), Some(list), "{then}: {answers:?}");
    }
}

#[test]
fn a_crossing_point_is_not_the_border() {
    // The article names no crossing on the Georgian or Kazakh borders: a question for
    // one is declined, not answered with the lines at the border.
    for (first, then) in [
        ("что на границе с казахстаном?", "какой пункт пропуска?"),
        ("что на границе с грузией?", "а какой кпп?"),
        ("what happened at the kazakh border?", "which checkpoint?"),
    ] {
        assert_eq!(chat(&[first, then])[1], None, "{first} → {then}");
    }
    for question in
        ["Which crossing into Kazakhstan are Russians using?", "через какой пункт пропуска едут в Грузию?"]
    {
        assert_eq!(chat(&[question])[0], None, "{question}");
    }
    // The one crossing the article names is still found.
    assert_eq!(chat(&["Which checkpoint is in the photo?"])[0].as_deref(), Some("photo-place"));
    assert_eq!(chat(&["на каком КПП сделано фото?"])[0].as_deref(), Some("photo-place"));
}

#[test]
fn a_list_is_not_said_beside_another_answer() {
    // The clause after the comma restricts the list: where Russians flee, not every
    // country the article names.
    for question in [
        "перечисли все страны, куда уезжают мужчины",
        "name all the countries, where are the men escaping to?",
    ] {
        assert_eq!(chat(&[question])[0].as_deref(), Some("where-fleeing"), "{question}");
    }
    let engine = engine();
    let response = engine.respond_in("перечисли все страны, куда уезжают мужчины", None, None);
    let also = response.decision.map(|d| d.outcome);
    assert!(matches!(also, Some(Outcome::Answer { also: None, .. })), "{also:?}");
}

#[test]
fn words_around_a_list_request_do_not_sink_it() {
    // What the list should include, or why it is asked for, is no other question: the
    // request is answered with the list, not declined or answered with one item's entry.
    for (question, list) in [
        ("name each person the article mentions, including who took the photo", "people-named"),
        ("list every person named in the article, including the photographer", "people-named"),
        ("list every country mentioned, I need to check whether Belarus is there", "countries-named"),
        ("list the countries in the article, is armenia one of them", "countries-named"),
        ("перечисли все страны из статьи, мне надо проверить сербию", "countries-named"),
        ("list all the people in the story, my teacher says Putin isn't the only one", "people-named"),
        // A request for a list is no yes/no question, whatever words it has.
        ("name all the countries that appear anywhere in the article", "countries-named"),
    ] {
        assert_eq!(chat(&[question])[0].as_deref(), Some(list), "{question}");
    }
    // A relative clause after the comma still restricts the list.
    assert_eq!(
        chat(&["перечисли все страны, в которые летают россияне"])[0].as_deref(),
        Some("flights-destinations")
    );
}

#[test]
fn a_bare_list_request_after_a_question_asks_for_that_questions_list() {
    // "перечисли все" names nothing to list: matched alone it fits any list's phrasings
    // and added another answer; it asks for the whole answer to the question before it.
    for question in [
        "куда летят россияне? перечисли все пожалуйста",
        "what did the authorities promise draftees? list them all",
        "на каких границах пробки из машин? перечисли все",
    ] {
        let engine = engine();
        let outcome = engine.respond_in(question, None, None).decision.map(|d| d.outcome);
        assert!(matches!(outcome, Some(Outcome::Answer { also: None, .. })), "{question}: {outcome:?}");
    }
}

#[test]
fn a_question_for_every_item_gets_the_entry_that_names_them_all() {
    // The best fit names one border; the entry that says all it says and names the
    // other borders too answers a question for every one of them.
    for question in ["name all the borders where cars lined up", "name all borders with lined up cars"] {
        let answered = chat(&[question])[0].clone();
        assert_eq!(answered.as_deref(), Some("where-fleeing"), "{question}");
    }
    // An answer that already gives every item asked for is not widened to more.
    for question in
        ["name every country russians can fly to without visas", "все безвизовые страны из статьи"]
    {
        assert_eq!(chat(&[question])[0].as_deref(), Some("flights-destinations"), "{question}");
    }
    // A question for one border still gets that border.
    assert_eq!(chat(&["were cars lined up at the finnish border?"])[0].as_deref(), Some("border-finland"));
}

#[test]
fn a_count_of_everything_the_text_names_gets_the_list() {
    // No entry counts them; the list shows every one, each with its quote.
    for (question, list) in [
        ("how many countries does the article name?", "countries-named"),
        ("how many cities does the story name", "places-named"),
    ] {
        assert_eq!(chat(&[question])[0].as_deref(), Some(list), "{question}");
    }
}

#[test]
fn a_list_of_the_sources_gets_every_source() {
    // "Source" reads as attribution, a light word: the sources entry has list phrasings
    // of its own, so such a request is not taken for another list.
    for question in ["list each source in the story", "источники статьи все списком"]
    {
        assert_eq!(chat(&[question])[0].as_deref(), Some("story-sources"), "{question}");
    }
}

#[test]
fn a_news_org_the_piece_cites_is_a_source_and_one_it_is_from_the_outlet() {
    // "news org" is chat for a news organization: unknown, it read as a name the article
    // never gives and sank the request; asked what the piece cites, it is every source.
    for question in [
        "name every news org and reporter the piece cites",
        "what news orgs does the story rely on, list them all",
    ] {
        assert_eq!(chat(&[question])[0].as_deref(), Some("story-sources"), "{question}");
    }
    assert_eq!(chat(&["which news org is this from"])[0].as_deref(), Some("story-outlet"));
}

#[test]
fn a_near_tie_whose_quotes_hold_the_answer_is_said_alone() {
    // "all" asks for every item: the entry whose quotes hold all the other's says it
    // all, whatever kinds the two declare, so the second answer is not said again.
    let outcome =
        engine().respond_in("what's all this about Belarus?", None, None).decision.map(|d| d.outcome);
    assert!(matches!(outcome, Some(Outcome::Answer { also: None, .. })), "{outcome:?}");
}

#[test]
fn or_between_two_verbs_restricts_nothing() {
    // "или" joins two ways of leaving; as a word of its own it pulled the answer to an
    // entry that shares it (airfare) rather than the list of where people go.
    for question in [
        "назови все страны, куда едут или бегут россияне",
        "перечисли все страны, куда уезжают или бегут парни",
        "все страны куда едут или бегут русские мужчины",
    ] {
        assert_eq!(chat(&[question])[0].as_deref(), Some("where-fleeing"), "{question}");
    }
}

#[test]
fn a_question_for_all_the_text_talks_about_of_a_kind_gets_the_list() {
    // "talk about" is a verb of naming no list phrasing uses; it weighs against them
    // all, so the kind is read alone in the plainest question for it.
    for (question, list) in [
        ("which cities does the article talk about?", "places-named"),
        ("name all the numbers the article talks about", "figures-named"),
        ("list the regions inside russia the article talks about", "places-named"),
        ("what dates is the story talking about", "dates-named"),
    ] {
        assert_eq!(chat(&[question])[0].as_deref(), Some(list), "{question}");
    }
}

#[test]
fn a_question_for_everything_about_a_thing_gets_the_list_that_joins_its_passages() {
    // "everything" and "all" are stop words: read alone, the question is about its
    // thing, and one passage's entry would answer it.
    for (question, list) in [
        ("tell me everything the piece has on buryatia", "buryatia-all"),
        ("всё, что известно про Бурятию", "buryatia-all"),
        ("list every way the men avoided or fought the call-up", "ways-out"),
    ] {
        assert_eq!(chat(&[question])[0].as_deref(), Some(list), "{question}");
    }
    // Asked without "all", or for one kind of thing, one passage still answers.
    let question = "what kind of region is buryatia";
    assert_eq!(chat(&[question])[0].as_deref(), Some("buryatia-region"), "{question}");
    for question in ["list every country they fled to", "what are all the countries people went to"] {
        assert_ne!(chat(&[question])[0].as_deref(), Some("ways-out"), "{question}");
    }
}

#[test]
fn a_list_that_joins_passages_answers_no_question_for_what_the_text_names() {
    // "why does the article mention X" reads as a question for everything of a kind
    // the text names; a list of one thing's passages is no list of a kind.
    let question = "why does the article mention buryatia";
    assert_eq!(chat(&[question])[0].as_deref(), Some("buryatia-region"), "{question}");
}

#[test]
fn how_many_items_are_asked_for_is_no_figure_to_match() {
    // "which *three* countries": the count says how long the list is; read as a figure
    // the story never gives, it sank the request below an answer.
    for question in [
        "which three countries had cars lined up at their borders?",
        "which three borders did russians queue at",
    ] {
        assert_eq!(chat(&[question])[0].as_deref(), Some("where-fleeing"), "{question}");
    }
}

#[test]
fn a_list_question_with_an_aside_in_parentheses_is_read_without_the_aside() {
    // The aside says what the list should hold; its words ("image", "credit") would
    // only lower the list's fit. "all" asks for the list as "list" does.
    let question = "who are all the people called by name in the piece (the image credit included)?";
    assert_eq!(chat(&[question])[0].as_deref(), Some("people-named"), "{question}");
}
