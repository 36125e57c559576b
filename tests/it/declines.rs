//! Declines and answers about the right thing, on the shipped knowledge: a tense or
//! aspect word ("already", "so far") names no subject, nor does a verb of meaning
//! ("what does 'botched' *refer* to"); and a gap fits a question only through the kind
//! of answer its phrasings ask when an entry is asked that kind too. The questions are
//! written for these tests, not taken from any eval set.

use storybot::matcher::Outcome;
use storybot::reply::{for_decision, plain};

use crate::support::shipped_engine;

/// The id of the gap a question is declined with (None for any other outcome), and
/// the reply as plain text.
fn gap_and_reply(question: &str) -> (Option<String>, String) {
    let engine = shipped_engine();
    let decision = engine.ask(question, None).decision.unwrap();
    let gap = match decision.outcome {
        Outcome::Gap { gap } => Some(engine.story.gaps[gap].id.clone()),
        _ => None,
    };
    (gap, plain(&for_decision(&engine.story, &decision)))
}

#[test]
fn already_and_so_far_do_not_choose_the_gap_a_decline_speaks_of() {
    // Each asks how many have left: the decline is the count of those who fled, not
    // leaving with a summons or the count of men drafted, gaps whose phrasings share
    // only "already" / "so far".
    for question in [
        "How many have left Russia so far?",
        "how many men have already fled",
        "how many people have fled Russia to date?",
        "сколько мужчин до сих пор покинули Россию?",
    ] {
        let (gap, text) = gap_and_reply(question);
        assert_eq!(gap.as_deref(), Some("gap-how-many-fled"), "{question}: {text}");
    }
    // Asked of the draft, the same words still tell "drafted so far" from "could be".
    for question in ["how many men have been drafted so far?", "сколько человек на данный момент призвали?"]
    {
        let (gap, text) = gap_and_reply(question);
        assert_eq!(gap.as_deref(), Some("gap-drafted-so-far"), "{question}: {text}");
    }
}

#[test]
fn a_gap_asked_another_kind_gives_way_to_an_entry_asked_this_kind() {
    let engine = shipped_engine();
    // "How many could be called up" is an entry's question; a gap that fits only
    // through its "when / where did Putin announce it" phrasings is another question.
    for question in
        ["сколько могут призвать по приказу путина?", "how many can be called up under putin's order?"]
    {
        let (id, text) = crate::support::entry_and_reply(engine, question);
        assert_eq!(id.as_deref(), Some("order-300k"), "{question}: {text}");
    }
}

#[test]
fn a_question_about_a_word_of_the_article_finds_the_entry_that_uses_it() {
    let engine = shipped_engine();
    // "Refer", "meant", "значит" name nothing of the story: the word asked about does
    // (before, "refer" matched a phrasing about the article's sources).
    for (question, entry) in [
        ("what does 'botched' refer to", "war-botched"),
        ("what does 'desperation' refer to here?", "white-house-view"),
        ("what is meant by 'desperation'?", "white-house-view"),
        ("что означает «отчаяние» в статье?", "white-house-view"),
        ("что значит слово «провальное» в статье?", "war-botched"),
    ] {
        let (id, text) = crate::support::entry_and_reply(engine, question);
        assert_eq!(id.as_deref(), Some(entry), "{question}: {text}");
    }
    // The article's sources are still what "which sources does it refer to" asks.
    let (id, text) = crate::support::entry_and_reply(engine, "which sources does the article refer to?");
    assert_eq!(id.as_deref(), Some("story-sources"), "{text}");
}

#[test]
fn a_decline_states_no_figure_the_question_did_not_ask_about() {
    // Each names Putin, as the gap's second half does, but asks nothing of the
    // 300,000 he said could be called up: the decline says only what the article
    // lacks.
    for question in [
        "is Putin going to order a second wave of the mobilization?",
        "when will Putin end the mobilization?",
        "how long will putin's mobilization go on?",
    ] {
        let (gap, text) = gap_and_reply(question);
        assert!(gap.is_some(), "{question}: {text}");
        assert!(!text.contains("300,000"), "{question}: {text}");
    }
}

#[test]
fn a_gap_asked_in_nearly_its_own_words_outweighs_an_entry_sharing_a_synonym() {
    // "Cancelled" and "halted" share a synonym group with the loan payments the law may
    // stop; the loans entry fits these only middlingly, the gap nearly word for word.
    for question in ["is the call-up cancelled now?", "was the mobilization halted?"] {
        let (gap, text) = gap_and_reply(question);
        assert_eq!(gap.as_deref(), Some("gap-mobilization-halted"), "{question}: {text}");
    }
    // The loans entry keeps what it answers closely.
    let engine = shipped_engine();
    for question in ["can my mortgage be cancelled", "will draftees' loan payments be suspended?"] {
        let (id, text) = crate::support::entry_and_reply(engine, question);
        assert_eq!(id.as_deref(), Some("promise-loans"), "{question}: {text}");
    }
}

#[test]
fn a_gap_barely_ahead_gives_way_to_the_entry_whose_fact_its_note_restates() {
    let engine = shipped_engine();
    for (question, entry, named) in [
        ("some guys fled to a russian ally, which one?", "belarus-ally", "Belarus"),
        (
            "who was the governor who conceded that men had been drafted wrongly?",
            "buryatia-wrongly",
            "Tsydanov",
        ),
    ] {
        let (id, text) = crate::support::entry_and_reply(engine, question);
        assert_eq!(id.as_deref(), Some(entry), "{question}: {text}");
        assert!(text.contains(named), "{question}: {text}");
    }
    // A word of the question the entry lacks ("percentage") is what the gap is asked.
    let (gap, text) = gap_and_reply("by what percentage does the new law cut loan payments?");
    assert_eq!(gap.as_deref(), Some("gap-loan-law"), "{text}");
}

#[test]
fn a_decline_about_one_country_does_not_bring_up_another() {
    // The gap on border-crossing counts covers Georgia and Kazakhstan; asked of one, the
    // decline speaks of that one only.
    for (question, other) in [
        ("how many men have crossed into Georgia?", "Kazakh"),
        ("Сколько человек уехало в Казахстан?", "Грузи"),
    ] {
        let (gap, text) = gap_and_reply(question);
        assert_eq!(gap.as_deref(), Some("gap-georgia-kz-count"), "{question}: {text}");
        assert!(!text.contains(other), "{question}: {text}");
    }
}

#[test]
fn who_inside_a_body_is_not_answered_by_the_body() {
    // The article credits the White House as a whole: asked which person in it, the
    // entry that names the body says no more, and the decline says so.
    for question in [
        "who specifically from the White House used the word desperation?",
        "кто конкретно в Белом доме назвал это отчаянием?",
    ] {
        let (gap, text) = gap_and_reply(question);
        assert_eq!(gap.as_deref(), Some("gap-white-house-who"), "{question}: {text}");
    }
    // What the White House said is still the entry's.
    let engine = shipped_engine();
    let (id, text) = crate::support::entry_and_reply(engine, "what did the White House call Putin's move?");
    assert_eq!(id.as_deref(), Some("white-house-view"), "{text}");
}

#[test]
fn a_request_for_a_verdict_is_declined_however_well_its_words_fit() {
    // The story reports the order and the exodus; whether either was right it leaves
    // to the reader, so the entries about the order or the exodus answer none of these.
    for question in [
        "is Putin right to call up 300,000 men?",
        "was the Kremlin right to mobilize veterans?",
        "what's your take on the partial mobilization?",
        "is it morally ok to dodge the draft?",
        "прав ли Путин, что призывает резервистов?",
    ] {
        let (gap, text) = gap_and_reply(question);
        assert!(
            gap.is_none()
                && (text.starts_with("The article doesn't say")
                    || text.starts_with("В статье об этом не говорится")),
            "{question}: {text}"
        );
    }
}

#[test]
fn weather_at_the_border_and_a_reporters_contacts_are_declined_by_their_gaps() {
    // The story names the crossings and its reporter, not the weather there or how to
    // reach him: those words must not bring up the entry on the crossing or the reporter.
    for (question, expected) in [
        ("will it be cold at the Kazakh border on Saturday?", "gap-border-weather"),
        ("what's the forecast at the Finland crossing tomorrow?", "gap-border-weather"),
        ("какая будет погода на КПП с Грузией в выходные?", "gap-border-weather"),
        ("how do I email the Axios reporter?", "gap-reporter-contact"),
    ] {
        let (gap, text) = gap_and_reply(question);
        assert_eq!(gap.as_deref(), Some(expected), "{question}: {text}");
    }
}

#[test]
fn saying_the_article_reported_it_asks_nothing_of_its_own() {
    // "в статье же писали" beside a question the story can't answer is no question
    // about who wrote: the question is declined, not answered with the reporter.
    for question in [
        "почему Грузия закрыла границу для россиян? в статье же писали",
        "почему Армения депортирует россиян? об этом писали в статье",
    ] {
        let (_, text) = gap_and_reply(question);
        assert!(!text.contains("Лоулер"), "{question}: {text}");
    }
}

#[test]
fn a_length_or_distance_the_article_does_not_give_is_declined_not_answered_with_miles() {
    // The article says the lines stretched "for miles": asked how many miles or
    // kilometres, or how far one place is from another, it has no figure; asked how
    // long, it answers.
    for (question, expected) in [
        ("exactly how many km long was the tailback at the kazakh border?", "gap-queue-exact-length"),
        ("how many km long were the queues at the border?", "gap-queue-exact-length"),
        // The entry for how long says "for miles": it states no figure to count with.
        ("сколько километров была очередь у казахской границы?", "gap-queue-exact-length"),
        ("what was the exact length of the line at the georgian border", "gap-queue-exact-length"),
        ("how many kilometres is the finnish border from moscow?", "gap-distances"),
        ("какое расстояние от москвы до границы с Грузией?", "gap-distances"),
    ] {
        let (gap, text) = gap_and_reply(question);
        assert_eq!(gap.as_deref(), Some(expected), "{question}: {text}");
    }
    let (gap, text) = gap_and_reply("how long were the queues at the border?");
    assert_eq!(gap, None, "{text}");
    assert!(text.contains("miles"), "{text}");
}

#[test]
fn a_list_of_what_the_article_does_not_give_is_declined() {
    // A request for every price names nothing the article lists: the entry it fits
    // best says only that prices rose.
    for (question, expected) in [
        ("list all the airfares in the story", "gap-ticket-prices"),
        ("перечисли все цены на билеты", "gap-ticket-prices"),
    ] {
        let (gap, text) = gap_and_reply(question);
        assert_eq!(gap.as_deref(), Some(expected), "{question}: {text}");
    }
}

#[test]
fn a_gap_about_another_place_is_not_the_decline_for_a_place_the_question_names() {
    // The gap on facts about Buryatia fits "how many people live in …", but asked of
    // the Finnish town in the photo caption its note speaks of another place.
    for question in ["How many people live in Lappeenranta?", "What is Lappeenranta's average income?"] {
        let (gap, text) = gap_and_reply(question);
        assert_eq!(gap, None, "{question}: {text}");
        assert!(!text.contains("Buryatia") && text.contains("doesn't say"), "{question}: {text}");
    }
    // Asked of Buryatia itself, the note is the decline.
    let (gap, text) = gap_and_reply("How big is Buryatia?");
    assert_eq!(gap.as_deref(), Some("gap-buryatia-facts"), "{text}");
}

#[test]
fn a_list_of_countries_that_shut_russians_out_is_declined_as_none_reported() {
    // The article lists where men went, not any country that closed its border to them:
    // the answer about where they fled would read as that list.
    let (gap, reply) = gap_and_reply("Has any country shut its border to Russian men since the call-up?");
    assert_eq!(gap.as_deref(), Some("gap-entry-bans"), "{reply}");
    assert!(reply.starts_with("The article reports no country closing its border"), "{reply}");
}

#[test]
fn what_the_article_never_says_of_its_outlet_borders_or_entry_rules_is_declined() {
    // Each was answered with an entry that shares its nouns (the story's sources, its
    // outlet) or declined without saying what is missing.
    for (question, expected, opening) in [
        ("so who actually owns axios?", "gap-axios-outlet", "The article says nothing about Axios itself"),
        ("кто владеет аксиосом?", "gap-axios-outlet", "Об Axios как об издании"),
        (
            "what is the length of the finnish border in kilometers",
            "gap-distances",
            "The article gives no distances",
        ),
        (
            "does turkey ask russians for a return ticket at the border",
            "gap-visa-howto",
            "The article doesn't explain visa rules",
        ),
    ] {
        let (gap, reply) = gap_and_reply(question);
        assert_eq!(gap.as_deref(), Some(expected), "{question}\n{reply}");
        assert!(reply.starts_with(opening), "{question}\n{reply}");
    }
}
