//! Conversations that follow up on a two-part answer, and messages whose parts depend
//! on each other: questions of our own, in English and Russian, for the rules in
//! `docs/matching.md` ("Follow-ups and the parts of a message").

use storybot::matcher::Outcome;

use crate::support::{converse as chat, shipped_engine as engine};

#[test]
fn a_two_part_answer_leaves_both_entries_to_follow_up_on() {
    let engine = engine();
    let first = engine.respond_in("What did the White House say, and who is Alexei Tsydanov?", None, None);
    let context = first.context.expect("an answer leaves a context");
    assert_eq!((context.entry.as_str(), context.also.as_deref()), ("white-house-view", Some("tsydanov-who")));
}

#[test]
fn a_follow_up_about_the_second_of_two_answers_is_read_with_it() {
    let english =
        chat(&["What did the White House say, and who is Alexei Tsydanov?", "and what did he say?"]);
    assert_eq!(english[1].1, ["tsydanov-statement"], "{english:?}");
    let russian = chat(&["Что сказал Белый дом и кто такой Алексей Цыданов?", "а что он сказал?"]);
    assert_eq!(russian[1].1, ["tsydanov-statement"], "{russian:?}");
    // The first of the two answers is still followed up on as before.
    let first = chat(&["Who is Alexei Tsydanov, and what did the White House say?", "and what did he say?"]);
    assert_eq!(first[1].1, ["tsydanov-statement"], "{first:?}");
}

#[test]
fn a_phrase_that_restricts_a_question_is_not_dropped() {
    // "куда бегут россияне" alone is answered by where people flee; the countries asked
    // for are European ones, which the article does not sort its list by.
    for message in [
        "перечисли все европейские страны, куда бегут россияне",
        "перечисли все южные страны, куда бегут россияне",
    ] {
        let replies = chat(&[message]);
        assert!(!matches!(replies[0].0, Outcome::Answer { .. }), "{message}: {replies:?}");
    }
}

/// Whether a conversation's last reply declined (no answer) and says it has nothing more.
fn declines_again(messages: &[&str]) -> bool {
    let engine = engine();
    let mut context = None;
    let mut last = None;
    for m in messages {
        let response = engine.respond_in(m, None, context.as_ref());
        context = response.context.clone();
        last = Some(response);
    }
    let last = last.expect("a message");
    let declined = matches!(last.decision.map(|d| d.outcome), Some(Outcome::Gap { .. }));
    let text = storybot::reply::plain(&last.reply);
    declined && (text.contains("That is all") || text.contains("Больше статья"))
}

#[test]
fn why_not_and_tell_me_more_after_a_decline_are_about_the_decline() {
    // The decline's context moves on to what the article does say; "how come?" and
    // "more please" still ask about what was declined, which the article lacks.
    assert!(declines_again(&["how many people have fled so far?", "how come?"]));
    assert!(declines_again(&["how many people have fled so far?", "more please"]));
    assert!(declines_again(&["сколько мужчин уже уехало?", "а почему?"]));
    // After an answer, "why?" is still a follow-up on it.
    let answered = chat(&["Where are Russians fleeing to?", "how come?"]);
    assert!(matches!(answered[1].0, Outcome::Answer { .. }), "{answered:?}");
}

#[test]
fn a_correction_is_read_as_what_it_meant() {
    let replies = chat(&["how much are draftees paid?", "sorry, I meant the plane tickets, not the pay"]);
    assert_eq!(replies[1].1, ["flights-cost"], "{replies:?}");
    let entity = chat(&["who did Buryatia draft?", "no, I meant who reported on Belarus"]);
    assert_eq!(entity[1].1, ["belarus-roundup"], "{entity:?}");
}

#[test]
fn a_correction_opened_by_more_than_no_is_still_read_as_what_it_meant() {
    // "no wait", "не," or a "not this" before "I meant" still open a correction: read
    // whole, "I meant the analysts" matched alone was only a "did you mean".
    let waited =
        chat(&["what did the White House say about the mobilization?", "no wait, I meant the analysts"]);
    assert_eq!(waited[1].1, ["analysts-doubts"], "{waited:?}");
    let russian = chat(&["что сказал Белый дом?", "не, я имел в виду аналитиков"]);
    assert_eq!(russian[1].1, ["analysts-doubts"], "{russian:?}");
    let not_this =
        chat(&["What did Putin say about the numbers?", "not the numbers, I meant who gets called up"]);
    assert_eq!(not_this[1].1, ["draft-who"], "{not_this:?}");
}

#[test]
fn a_swap_to_another_thing_of_its_kind_is_answered_only_about_that_thing() {
    // The same question of Armenia or Turkey: an answer about Belarus, or about neither,
    // answers what was asked before.
    let swapped =
        chat(&["Is Belarus handing fleeing men over to Russia?", "and Armenia, does it hand them over too?"]);
    assert!(!matches!(swapped[1].0, Outcome::Answer { .. }), "{swapped:?}");
    let corrected = chat(&["Tell me about Belarus", "no, I meant Turkey - is it sending men back as well?"]);
    assert!(!matches!(corrected[1].0, Outcome::Answer { .. }), "{corrected:?}");
    // An entry that names the new thing still answers.
    let georgia = chat(&["What's happening at the Finnish border?", "and Georgia?"]);
    assert!(matches!(georgia[1].0, Outcome::Answer { .. }), "{georgia:?}");
}

#[test]
fn a_follow_up_about_him_is_not_answered_by_an_entry_that_never_names_him() {
    let popular = chat(&["Who is Alexei Tsydanov?", "is he popular?"]);
    assert!(!matches!(popular[1].0, Outcome::Answer { .. }), "{popular:?}");
    let said = chat(&["Who is Alexei Tsydanov?", "what did he say?"]);
    assert_eq!(said[1].1, ["tsydanov-statement"], "{said:?}");
}

#[test]
fn a_return_to_an_earlier_subject_is_not_read_with_the_last_answer() {
    let replies = chat(&[
        "who is the governor of Buryatia?",
        "what did the White House say?",
        "back to the governor: what is his name?",
    ]);
    assert_eq!(replies[2].1, ["tsydanov-who"], "{replies:?}");
}

#[test]
fn a_reaction_before_a_follow_up_does_not_hide_it() {
    let english = chat(&["what did the governor say?", "ok and the white house?"]);
    assert_eq!(english[1].1, ["white-house-view"], "{english:?}");
    let russian = chat(&["что сказал губернатор?", "ага а белый дом?"]);
    assert_eq!(russian[1].1, ["white-house-view"], "{russian:?}");
    let laughed = chat(&["what's happening at the Finnish border?", "haha ok and kazakhstan?"]);
    assert_eq!(laughed[1].1, ["border-georgia-kz"], "{laughed:?}");
}

#[test]
fn a_bare_reaction_leaves_the_conversation_on_the_last_answer() {
    // "wow" or "interesting" asks nothing: the "why?" after it is about the answer before.
    let english = chat(&["Does Belarus side with Moscow?", "whoa", "why would they do that, though?"]);
    assert_eq!(english[2].1, ["belarus-ally"], "{english:?}");
    let interested = chat(&["Does Belarus side with Moscow?", "interesting.", "why?"]);
    assert_eq!(interested[2].1, ["belarus-ally"], "{interested:?}");
    let russian = chat(&["Беларусь на стороне Москвы?", "хм, интересно", "а почему?"]);
    assert!(russian[2].1.iter().any(|id| id.starts_with("belarus")), "{russian:?}");
    // The reaction itself is acknowledged, never answered from an entry.
    assert!(matches!(english[1].0, Outcome::SmallTalk { .. }), "{english:?}");
    assert!(matches!(russian[1].0, Outcome::SmallTalk { .. }), "{russian:?}");
}

#[test]
fn who_made_the_statement_just_answered_is_its_source_not_another_entry() {
    let english = chat(&["what did the Buryatia governor announce?", "and who promised that?"]);
    assert_eq!(english[0].1, ["tsydanov-statement"], "{english:?}");
    assert_eq!(english[1].1, english[0].1, "{english:?}");
    // Answered in two parts (the exemptions, then the statement), the source is the
    // first part's: the entry the reply is about.
    let russian = chat(&["что губернатор Бурятии сказал про освобождения?", "а кто это пообещал?"]);
    assert_eq!(russian[1].1.first(), russian[0].1.first(), "{russian:?}");
    assert_eq!(russian[1].1.first().map(String::as_str), Some("buryatia-exempt"), "{russian:?}");
}

#[test]
fn a_question_of_its_own_is_not_pulled_back_to_an_earlier_answer() {
    // Read with the last answers' words, each went back to what was said before: the
    // White House's words for Putin's, the loans again for the pay, where people
    // flee for why.
    let putin = chat(&["What did the White House call Putin's move?", "why?", "and what is Putin saying?"]);
    assert_eq!(putin[2].1, ["putin-said"], "{putin:?}");
    let pay = chat(&["tell me about the loan law", "and the pay?"]);
    assert_eq!(pay[1].1, ["promise-pay"], "{pay:?}");
    let why = chat(&["what's going on at the Finland border?", "why are they running away?"]);
    assert_eq!(why[1].1, ["exodus-why"], "{why:?}");
}

#[test]
fn what_someone_reported_is_not_the_list_of_every_source_naming_them() {
    // The list of sources names the Axios reporter among others; what he reported is
    // his own reporting, not that list.
    for (who, what) in
        [("Who is Dave Lawler?", "and what did he report?"), ("Кто такой Дэйв Лоулер?", "а что он сообщил?")]
    {
        let replies = chat(&[who, what]);
        assert_ne!(replies[1].1.first().map(String::as_str), Some("story-sources"), "{replies:?}");
        assert!(matches!(replies[1].0, Outcome::Answer { .. }), "{replies:?}");
    }
}
