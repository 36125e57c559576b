//! Reading one message as a whole: a question that points back at a thing named
//! earlier in the same message, a part that asks only who reported what the rest asks,
//! a gap's note that would restate the answer, and a part made only of words a typo fix
//! guessed at. The questions are written for these
//! tests, not taken from any eval set.

use storybot::matcher::Outcome;
use storybot::reply::plain;

use crate::support::{answered, entry_and_reply, shipped_engine};

/// A preamble long enough that only a long message's question-bearing sentences are read.
const PREAMBLE: &str = "My family has been glued to the news for a week and my grandmother keeps calling \
    me at night asking whether my brother should leave. I promised her I would check the actual \
    articles instead of the rumours in the group chat.";

#[test]
fn there_and_they_in_a_message_are_the_thing_it_named_before() {
    let engine = shipped_engine();
    let cases = [
        ("The article mentions Buryatia. What happened to the men there?", "buryatia-drafted"),
        ("Я читал про Бурятию. Что там произошло с мужчинами?", "buryatia-drafted"),
        (
            &format!(
                "{PREAMBLE} There is a bit about Belarus in it. What are they doing to Russians who cross, and which agency reported it?"
            ),
            "belarus-roundup",
        ),
        (
            &format!(
                "{PREAMBLE} The piece has a paragraph about Buryatia. What does it say happened to the men there, and who is that attributed to?"
            ),
            "buryatia-drafted",
        ),
    ];
    for (question, expected) in cases {
        let (entry, reply) = entry_and_reply(engine, question);
        assert_eq!(entry.as_deref(), Some(expected), "{question}\n{reply}");
    }
    // The long Russian message gets the Buryatia entry with its source, Reuters.
    let ru = format!(
        "{PREAMBLE} В статье есть абзац про Бурятию. Что там делали с мужчинами и какое агентство об этом сообщило?"
    );
    let (entry, reply) = entry_and_reply(engine, &ru);
    assert!(entry.is_some_and(|e| e.starts_with("buryatia")) && reply.contains("Reuters"), "{reply}");
}

#[test]
fn a_pointer_to_a_thing_the_story_never_names_is_not_read_as_another() {
    // "him" is the priest, whom the story never mentions: not the Buryatia entries.
    let engine = shipped_engine();
    let question = "the priest in buryatia who hid men in his church — what happened to him?";
    assert_eq!(entry_and_reply(engine, question).0, None);
}

#[test]
fn a_part_asking_only_who_reported_it_is_answered_by_the_source_line() {
    let engine = shipped_engine();
    for (question, expected, not) in [
        (
            "what happened at the Finnish border and which agency reported that?",
            "border-finland",
            "story-sources",
        ),
        ("что случилось в Бурятии и кто об этом сообщил?", "buryatia-region", "exodus-source"),
    ] {
        let decision = engine.ask(question, None).decision.unwrap();
        let ids: Vec<&str> = match decision.outcome {
            Outcome::Answer { entry, also } => [Some(entry), also]
                .into_iter()
                .flatten()
                .map(|e| engine.story.entries[e].id.as_str())
                .collect(),
            _ => Vec::new(),
        };
        assert_eq!(ids.first(), Some(&expected), "{question}");
        assert!(!ids.contains(&not), "{question}: {ids:?}");
    }
}

#[test]
fn a_wrong_source_asked_about_then_who_reported_it_is_corrected() {
    // The first part names the wrong agency; the second only asks the source. Read as
    // one question, the wrong agency is corrected with the entry that credits the right one.
    let engine = shipped_engine();
    for (question, expected, right) in [
        (
            "The Belarus round-up was reported by Reuters, wasn't it? Who reported it?",
            "belarus-roundup",
            "AP",
        ),
        (
            "AP is the source for the Buryatia drafting claim, right? who reported it then?",
            "buryatia-drafted",
            "Reuters",
        ),
    ] {
        let (entry, reply) = entry_and_reply(engine, question);
        assert_eq!(entry.as_deref(), Some(expected), "{question}\n{reply}");
        assert!(reply.contains("doesn't say it that way") && reply.contains(right), "{question}\n{reply}");
    }
}

#[test]
fn asking_for_the_sources_with_nothing_else_asked_is_the_question() {
    // The second part asks for no fact of its own: the sources are what is asked, not a
    // source line for some other answer.
    let engine = shipped_engine();
    let alone = "Which sources does the article cite?";
    let expected = entry_and_reply(engine, alone).0;
    assert!(expected.is_some(), "{alone}");
    for question in [
        "Which sources does the article cite? give me every one of them",
        "which sources are cited in the piece? all of them please",
    ] {
        assert_eq!(entry_and_reply(engine, question).0, expected, "{question}");
    }
}

#[test]
fn a_gap_in_the_scene_backed_only_by_the_quotes_shown_is_not_said() {
    // The worry sets the scene (a known gap: waiting times); the answer already quotes
    // the lines at the borders, which is all the gap's note could add.
    let engine = shipped_engine();
    for question in [
        "I'm worried about how long we'd wait at the border. How are people getting out of Russia?",
        "My uncle wonders how many hours people wait at the border. Where are Russians fleeing to?",
        "Боюсь, что на границе придётся ждать много часов. Как люди уезжают из России?",
    ] {
        let decision = engine.ask(question, None).decision.unwrap();
        assert!(matches!(decision.outcome, Outcome::Answer { .. }), "{question}");
        assert_eq!(decision.gap_part, None, "{question}");
        let reply = plain(&storybot::reply::for_decision(&engine.story, &decision));
        assert!(!reply.contains("waiting times") && !reply.contains("ожидания"), "{question}\n{reply}");
    }
    // A part that asks what the article lacks still gets its note beside the answer.
    let asked = "How are people getting out of Russia, and how many hours do people wait at the border?";
    let decision = engine.ask(asked, None).decision.unwrap();
    assert!(decision.gap_part.is_some(), "{asked}");
}

#[test]
fn a_message_asking_three_things_gets_three_answers() {
    let engine = shipped_engine();
    for (question, expected) in [
        (
            "Who is Alexei Tsydanov? What did the White House say? How many could be called up?",
            ["tsydanov-who", "white-house-view", "order-300k"],
        ),
        (
            "Кто такой Цыданов? Что сказал Белый дом? Сколько человек могут призвать?",
            ["tsydanov-who", "white-house-view", "order-300k"],
        ),
        (
            "where are people fleeing, what did Belarus order, and what do analysts doubt?",
            ["where-fleeing", "belarus-roundup", "analysts-doubts"],
        ),
    ] {
        let decision = engine.ask(question, None).decision.unwrap();
        let Outcome::Answer { entry, also } = decision.outcome else { panic!("{question}: not answered") };
        let ids: Vec<&str> = [Some(entry), also]
            .into_iter()
            .flatten()
            .chain(decision.more.iter().copied())
            .map(|e| engine.story.entries[e].id.as_str())
            .collect();
        for id in expected {
            assert!(ids.contains(&id), "{question}: {ids:?}");
        }
        // Each answer is said under its own "Also:", within Telegram's message limit.
        let reply = storybot::reply::for_decision(&engine.story, &decision);
        let text = plain(&reply);
        let also = if question.is_ascii() { "Also:" } else { "Кроме того:" };
        assert_eq!(text.matches(also).count(), 2, "{text}");
        for message in storybot::reply::html_messages(&reply) {
            assert!(message.encode_utf16().count() <= storybot::reply::MAX_MESSAGE);
        }
    }
}

#[test]
fn a_part_leaning_on_a_declined_question_is_declined_with_it() {
    // "that" is the licence the article never mentions: matched alone, "how long does
    // that take" would be answered with the length of the border queues.
    let engine = shipped_engine();
    for question in [
        "Can a Russian who lands in Armenia start a business there straight away, or is a licence needed first? And how long does that take?",
        "Which research group made that claim, and where did they publish it?",
        "Which experts said that, and when did they publish it?",
    ] {
        let (entry, reply) = entry_and_reply(engine, question);
        assert_eq!(entry, None, "{question}\n{reply}");
    }
    // Leaning on an answered question, it is still answered.
    let answered = "What did the governor of Buryatia admit? And who reported that?";
    assert!(entry_and_reply(engine, answered).0.is_some_and(|e| e.starts_with("tsydanov")), "{answered}");
}

#[test]
fn a_pause_word_before_a_question_is_set_aside() {
    // "wait" is also a word of the story (waits at the border): read whole, it pulls the
    // question toward them.
    let (entry, _) = entry_and_reply(shipped_engine(), "wait why r the russian men running off");
    assert_eq!(entry.as_deref(), Some("exodus-why"));
}

#[test]
fn a_part_made_only_of_typo_guesses_asks_nothing() {
    // "sooo" was read as a word of the knowledge by a typo fix and, matched alone,
    // answered when the exodus began; the question beside it asks what the article
    // never reports.
    let engine = shipped_engine();
    let (entry, reply) = entry_and_reply(engine, "sooo… what did Lawler post on twitter later?");
    assert_eq!(entry, None, "{reply}");
}

#[test]
fn a_short_line_that_only_names_the_article_asks_nothing_of_its_own() {
    // "Quick one about the article." had been matched alone: "quick" found when the
    // exodus began, "article" what the story is about, each answered beside the question.
    let engine = shipped_engine();
    for (lead, question) in [
        ("Quick one about the article.", "How many could be called up?"),
        ("Question about the piece.", "Which border had the photo?"),
        ("Article question.", "Where did men fly to?"),
    ] {
        let alone = answered(engine, question);
        assert!(alone.is_some(), "{question}");
        let message = format!("{lead} {question}");
        assert_eq!(answered(engine, &message), alone, "{message}");
    }
}
