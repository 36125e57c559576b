//! Questions whose premise the article doesn't support: a wrong figure or a word the
//! article contradicts is corrected with the entry that gives the article's own, and
//! a yes/no question about something the article never reports is declined. The
//! questions are written for these tests, not taken from any eval set.

use std::path::Path;

use crate::support::entry_correction_and_reply as asked;
use storybot::engine::Engine;
use storybot::matcher::Correction;

fn engine() -> Engine {
    Engine::load(Path::new("knowledge")).unwrap()
}

#[test]
fn a_wrong_figure_is_corrected_with_the_articles_own() {
    let engine = engine();
    for question in [
        "I read 3 million men would be called up, is that what the article says?",
        "So only 30k men are being called up?",
        "Putin is calling up 3,000,000 reservists, right?",
        "Путин хочет призвать 30 000 человек?",
        "Правда, что призовут 3 млн человек?",
    ] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some("order-300k"), "{question}");
        assert_eq!(correction, Some(Correction::Figure), "{question}");
        assert!(text.contains("300,000") || text.contains("300 000"), "{question}: {text}");
        let opening = text.lines().next().unwrap();
        assert!(
            opening.starts_with("The article doesn't give that figure") || opening.starts_with("Такой цифры"),
            "{question}: {text}"
        );
    }
}

#[test]
fn a_claim_asked_to_be_confirmed_is_corrected_though_a_gap_is_about_its_figure() {
    let engine = engine();
    // A gap says the article doesn't discuss the decree's text (could it reach a
    // million?); asked to confirm a million, the article's own figure answers.
    let question = "the piece says Putin can call up 1,000,000 under the decree, correct?";
    let (entry, correction, text) = asked(&engine, question);
    assert_eq!((entry.as_deref(), correction), (Some("order-300k"), Some(Correction::Figure)), "{text}");
    let (entry, _, text) = asked(&engine, "could the mobilization reach 1 million");
    assert_eq!(entry, None, "asked whether, not to confirm: the gap stays: {text}");
}

#[test]
fn the_articles_own_figure_is_not_corrected() {
    let engine = engine();
    for question in ["So 300,000 men could be called up?", "Правда, что могут призвать триста тысяч?"]
    {
        let (entry, correction, _) = asked(&engine, question);
        assert_eq!((entry.as_deref(), correction), (Some("order-300k"), None), "{question}");
    }
}

#[test]
fn a_figure_for_what_the_article_gives_no_figure_for_stays_declined() {
    let engine = engine();
    // 300,000 counts those who could be called up, not those who fled; sums and
    // repetitions state nothing about the story.
    for question in ["Did 2m men flee Russia?", "What is 17 times 23?", "Repeat the word Putin 10000 times"] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!((entry, correction), (None, None), "{question}: {text}");
    }
}

#[test]
fn a_figure_in_a_sentence_of_its_own_counts_what_the_rest_asks() {
    let engine = engine();
    // "my friend says 30" names nothing the figure counts: the question before it does,
    // and the article gives no such figure, so no entry with a figure of its order
    // (seven months, 300,000) corrects it.
    for question in [
        "How many days can a Russian stay in Serbia without a visa? my friend says 30",
        "how many men have crossed into Kazakhstan? my uncle says 200000",
        "сколько дней можно жить в Армении без визы? брат говорит 90",
    ] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!((entry.as_deref(), correction), (None, None), "{question}: {text}");
    }
    // What the rest asks is the article's figure's: it still corrects.
    let question = "How many men could Putin call up? my uncle says 3 million";
    let (entry, correction, text) = asked(&engine, question);
    assert_eq!((entry.as_deref(), correction), (Some("order-300k"), Some(Correction::Figure)), "{text}");
}

#[test]
fn a_word_the_article_contradicts_is_corrected() {
    let engine = engine();
    for (question, word) in
        [("Is this a total mobilization?", "“partial”"), ("Путин объявил полную мобилизацию?", "«частичная»")]
    {
        let (entry, correction, text) = asked(&engine, question);
        assert!(entry.is_some_and(|e| e.starts_with("order-")), "{question}: {text}");
        assert_eq!(correction, Some(Correction::Word(0)), "{question}");
        assert!(text.lines().next().unwrap().contains(word), "{question}: {text}");
        assert!(text.contains("partial military mobilization"), "the quote backs it: {text}");
    }
    // A question that offers the article's word (or its synonym) asks which.
    let (entry, correction, _) = asked(&engine, "Was it a limited or a total mobilization?");
    assert_eq!((entry.as_deref(), correction), (Some("order-partial"), None));
    // "Total" that qualifies nothing the article calls partial is no contradiction.
    let (entry, correction, _) = asked(&engine, "what's the total number who could be called up?");
    assert_eq!((entry.as_deref(), correction), (Some("order-300k"), None));
}

#[test]
fn a_yes_no_question_about_what_the_article_never_reports_is_declined() {
    let engine = engine();
    for question in ["Is the mobilization over now?", "Is coffee getting more expensive in Moscow?"] {
        let (entry, _, text) = asked(&engine, question);
        assert_eq!(entry, None, "{question}: {text}");
    }
    // The same shape, about what the article does report, is answered.
    for (question, id) in [
        ("Have flights out of Russia gotten pricier?", "flights-cost"),
        ("Is Belarus catching men who fled the draft?", "belarus-roundup"),
        // Offering alternatives asks which, not whether.
        ("в беларусь норм ехать или там ловят?", "belarus-roundup"),
    ] {
        let (entry, _, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some(id), "{question}: {text}");
    }
}

#[test]
fn a_date_the_article_never_states_is_not_answered_as_if_it_held() {
    let engine = engine();
    for question in [
        "what did Tsydanov say on Monday?",
        "the governor spoke on Sunday, what did he say?",
        "Путин объявил мобилизацию в марте, почему люди бегут только сейчас?",
        "в апреле губернатор признал ошибки — что он сказал?",
    ] {
        let (entry, _, text) = asked(&engine, question);
        assert_eq!(entry, None, "{question}: {text}");
    }
    // The article's own dates, and the story's, are premises that hold.
    for (question, id) in [
        ("what did Tsydanov say on Friday about the men drafted by mistake?", "buryatia-wrongly"),
        ("was the photo taken on Sept. 22?", "photo-date"),
    ] {
        let (entry, _, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some(id), "{question}: {text}");
    }
}

#[test]
fn a_year_the_story_never_reaches_is_not_answered_as_if_it_held() {
    let engine = engine();
    for question in [
        "how did the Buryatia call-up go in 2024?",
        "what did Belarus order its security forces to do after 2022?",
        "почему мужчины уезжали из России в 2023 году?",
        "what did the governor of Buryatia admit in 2025?",
        "what did the White House say about Putin's order in 2019?",
    ] {
        let (entry, _, text) = asked(&engine, question);
        assert_eq!(entry, None, "{question}: {text}");
    }
    // The story's own year holds, and a four-digit count is no year.
    for (question, id) in [
        ("what did the White House call Putin's move in 2022?", "white-house-view"),
        ("where did Russian men flee in 2022?", "where-fleeing"),
    ] {
        let (entry, _, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some(id), "{question}: {text}");
    }
}

#[test]
fn a_welcome_the_article_reports_as_a_roundup_is_corrected() {
    // The article says Belarus ordered its forces to round up men fleeing the draft:
    // a question that has them welcomed gets the article's word, with its quote.
    let engine = engine();
    for (question, word) in [
        ("so Belarus embraced the Russians who fled?", "“round up”"),
        ("Белоруссия приветствует мужчин, бегущих от призыва?", "«задерживать»"),
    ] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some("belarus-roundup"), "{question}: {text}");
        assert!(matches!(correction, Some(Correction::Word(_))), "{question}: {text}");
        assert!(text.lines().next().unwrap().contains(word), "{question}: {text}");
    }
}

#[test]
fn a_welcome_credited_to_another_reporter_is_corrected_too() {
    // The reporter named is not the article's (AP); the contradicted word is what the
    // correction is about, and the reply's source line says whose report it is.
    let engine = engine();
    for (question, word) in [
        ("Reuters says Belarus is welcoming the Russians who fled, right?", "“round up”"),
        ("По данным Рейтер, Беларусь принимает уклонистов?", "«задерживать»"),
    ] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some("belarus-roundup"), "{question}: {text}");
        assert!(matches!(correction, Some(Correction::Word(_))), "{question}: {text}");
        assert!(text.lines().next().unwrap().contains(word), "{question}: {text}");
        assert!(text.contains("AP"), "{question}: {text}");
    }
}

#[test]
fn a_figure_put_in_someones_mouth_is_corrected_though_a_gap_is_about_its_figure() {
    // A gap says the article doesn't discuss whether the call-up could reach a million;
    // a million said to be what Putin announced is a wrong premise: the article says
    // what he said.
    let engine = engine();
    let question = "why would putin say he'd draft 1 million?";
    let (_, correction, text) = asked(&engine, question);
    assert_eq!(correction, Some(Correction::Figure), "{question}: {text}");
    assert!(text.contains("300,000") || text.contains("300 000"), "{question}: {text}");
    let (entry, _, text) = asked(&engine, "could the mobilization reach 1 million");
    assert_eq!(entry, None, "not put in anyone's mouth: the gap stays: {text}");
}

#[test]
fn a_word_the_article_contradicts_in_a_question_about_later_is_no_premise() {
    // "Total" where the article says "partial", asked of what may come: the article
    // can't say whether it will change, so it declines rather than correct the word.
    let engine = engine();
    for question in
        ["will putin turn it into a total mobilization later?", "объявят ли потом всеобщую мобилизацию?"]
    {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!((entry, correction), (None, None), "{question}: {text}");
    }
}

#[test]
fn a_denial_where_the_article_reports_a_concession_is_corrected() {
    // The article has the Buryatia governor conceding that men were wrongly drafted: a
    // question that has him deny it gets the article's word, whatever form "deny" takes
    // ("deny" stems to "deni", which the word itself doesn't start with).
    let engine = engine();
    for question in ["so the governor denies that sick men got drafted?", "did the governor deny it?"] {
        let (entry, correction, text) = asked(&engine, question);
        assert_eq!(entry.as_deref(), Some("tsydanov-statement"), "{question}: {text}");
        assert!(matches!(correction, Some(Correction::Word(_))), "{question}: {text}");
        assert!(text.lines().next().unwrap().contains("“conceding”"), "{question}: {text}");
    }
}

#[test]
fn a_statement_put_in_an_officials_mouth_the_article_never_quotes_is_corrected() {
    let engine = engine();
    // The article quotes Putin; the Kremlin's spokesman is a name only a gap knows.
    let question = "Peskov said as many as 300,000 could be called up, right?";
    let (entry, correction, text) = asked(&engine, question);
    assert!(entry.is_some(), "{text}");
    assert_eq!(correction, Some(Correction::Claim), "{text}");
    assert!(text.starts_with("The article doesn't say it that way") && text.contains("Putin"), "{text}");
}

#[test]
fn a_thousand_as_chat_writes_it_is_the_articles_figure() {
    let engine = engine();
    let (entry, correction, text) = asked(&engine, "Путин сказал, что призовут 300 тыщ?");
    assert_eq!((entry.as_deref(), correction), (Some("order-300k"), None), "{text}");
}
