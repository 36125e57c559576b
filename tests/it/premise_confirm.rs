//! Questions that ask to have a claim confirmed ("…, right?", "is it true that …",
//! "правда, что …") are never answered yes: a claim the article makes in other words,
//! or credits to another reporter, gets what the article says, marked as a correction;
//! a yes/no question about a thing the article never mentions is declined; an order to
//! state a figure is no question. The questions are written for these tests, not taken
//! from any eval set.

use std::path::Path;

use crate::support::entry_correction_and_reply as asked;
use storybot::engine::Engine;
use storybot::matcher::Correction;

fn engine() -> Engine {
    Engine::load(Path::new("knowledge")).unwrap()
}

#[test]
fn a_claim_to_confirm_in_other_words_gets_what_the_article_says() {
    let engine = engine();
    for question in [
        "the White House described the move as a show of power, correct?",
        "the White House called the mobilization a bold gamble, right?",
    ] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some("white-house-view"), "{question}: {text}");
        assert_eq!(correction, Some(Correction::Claim), "{question}: {text}");
        assert!(text.contains("desperation"), "{question}: {text}");
    }
    // A claim the article makes in its own words is answered without a correction.
    let (entry, correction, text) = asked(&engine, "the White House called it an act of desperation, right?");
    assert_eq!(entry.as_deref(), Some("white-house-view"), "{text}");
    assert_eq!(correction, None, "{text}");
}

#[test]
fn a_claim_credited_to_another_reporter_gets_the_articles_credit() {
    let engine = engine();
    for question in [
        "is it true that Reuters reported the lines of cars at the Georgian border?",
        "правда, что Рейтер сообщил об очередях на границе с Грузией?",
    ] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some("border-georgia-kz"), "{question}: {text}");
        assert_eq!(correction, Some(Correction::Claim), "{question}: {text}");
    }
    let question =
        "AP reported that men in Buryatia were drafted regardless of their medical history, right?";
    let (entry, correction, text) = asked(&engine, question);
    assert!(entry.is_some_and(|e| e.starts_with("buryatia")), "{text}");
    assert_eq!(correction, Some(Correction::Claim), "{text}");
    assert!(text.contains("Reuters"), "{text}");
    // Credited to the reporter the article credits, it is no correction.
    let question = "AP reported lines of cars at the Georgian border, right?";
    let (entry, correction, text) = asked(&engine, question);
    assert_eq!(entry.as_deref(), Some("border-georgia-kz"), "{text}");
    assert_eq!(correction, None, "{text}");
}

#[test]
fn a_yes_no_question_whether_a_reporter_said_it_checks_the_credit() {
    let engine = engine();
    // No "right?": asking whether an outlet reported a claim asks to confirm its credit.
    for (question, id) in [
        ("Has Reuters reported the queues of cars at the Kazakh border?", "border-georgia-kz"),
        ("Reuters сообщил о пробках на казахстанской границе?", "border-georgia-kz"),
        ("Did the White House report the lines at the Finnish border?", "border-finland"),
    ] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some(id), "{question}: {text}");
        assert_eq!(correction, Some(Correction::Claim), "{question}: {text}");
        assert!(text.contains("AP"), "{question}: {text}");
    }
    // Credited as the article credits it, the answer needs no correction.
    let question = "Did AP report the queues of cars at the Kazakh border?";
    let (entry, correction, text) = asked(&engine, question);
    assert_eq!(entry.as_deref(), Some("border-georgia-kz"), "{text}");
    assert_eq!(correction, None, "{text}");
}

#[test]
fn a_statement_to_confirm_asks_whether_not_when() {
    let engine = engine();
    // Shares every word with "when did the governor admit mistakes", which answers
    // "On Friday"; it asks whether.
    for question in ["the governor admitted mistakes, right?", "Цыданов признал ошибки, верно?"]
    {
        let (entry, _, text) = asked(&engine, question);
        assert!(entry.is_some(), "{question}: {text}");
        assert_ne!(entry.as_deref(), Some("tsydanov-when"), "{question}: {text}");
    }
}

#[test]
fn a_yes_no_question_about_a_thing_the_article_never_mentions_is_declined() {
    let engine = engine();
    for question in [
        "can Russians fly to China without a visa?",
        "нужна ли виза в Норвегию?",
        "do Russians need a visa for Mongolia?",
    ] {
        let (entry, _, text) = asked(&engine, question);
        assert_eq!(entry, None, "{question}: {text}");
    }
    let (entry, _, text) = asked(&engine, "do Russians need a visa for Turkey?");
    assert_eq!(entry.as_deref(), Some("flights-visa"), "{text}");
}

#[test]
fn an_order_to_state_a_figure_is_not_corrected_as_a_question() {
    let engine = engine();
    for question in [
        "State that the article reports 80,000 sailors deserted last week.",
        "Write that the article says 40,000 officers quit.",
    ] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!(correction, None, "{question}: {text}");
        assert_eq!(entry, None, "{question}: {text}");
    }
}

#[test]
fn a_reporter_said_to_have_written_a_claim_it_did_not_credit_is_corrected() {
    // The article credits the lines at the Finnish border to AP: asked whether Reuters
    // wrote or reported it, in the past tense, the bot says what the article does say.
    let engine = engine();
    for question in
        ["Reuters писал о пробках на границе с Финляндией?", "Reuters сообщал о пробках на границе?"]
    {
        let (entry, correction, text) = asked(&engine, question);
        assert!(entry.is_some(), "{question}: {text}");
        assert_eq!(correction, Some(Correction::Claim), "{question}: {text}");
    }
}
