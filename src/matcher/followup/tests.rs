//! The follow-up rules, each on the shipped knowledge.

use std::sync::OnceLock;

use super::*;
use crate::lang::Lang;

fn shipped() -> &'static (Story, Matcher) {
    static SHIPPED: OnceLock<(Story, Matcher)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let story = crate::knowledge::load(std::path::Path::new("knowledge")).unwrap();
        let matcher = Matcher::new(&story);
        (story, matcher)
    })
}

fn name(story: &Story, outcome: &Outcome) -> String {
    match outcome {
        Outcome::Answer { entry, .. } => story.entries[*entry].id.clone(),
        Outcome::Gap { gap } => format!("gap:{}", story.gaps[*gap].id),
        Outcome::SmallTalk { .. } => "small talk".into(),
        Outcome::Clarify { .. } => "clarify".into(),
        Outcome::NoMatch => "none".into(),
    }
}

/// What `question` gets as a follow-up to the answer to `previous`.
fn after(previous: &str, question: &str) -> String {
    let (story, matcher) = shipped();
    let last = matcher.decide(story, previous, None);
    let Outcome::Answer { entry, .. } = last.outcome else { panic!("{previous:?} is not answered") };
    let focus = Focus {
        entry: Some(entry),
        topic: story.entries[entry].topic.clone(),
        asked: last.asked.clone(),
        person: matcher.person_of(entry, last.lang).map(str::to_string),
        corrects: false,
    };
    name(story, &matcher.decide_followup(story, question, None, &focus).outcome)
}

fn reading(question: &str) -> Reading {
    shipped().1.reading(question, false)
}

#[test]
fn a_pronoun_with_little_else_leans_on_the_last_answer() {
    assert_eq!(reading("what did he say?"), Reading::FollowUp);
    assert_eq!(reading("are flights there expensive"), Reading::FollowUp);
    assert_eq!(reading("what is Belarus ordering its security forces to do?"), Reading::Alone);
    assert_eq!(reading("How many men could be called up?"), Reading::Alone);
}

#[test]
fn an_elliptical_opener_leans_on_the_last_answer() {
    assert_eq!(reading("and kazakhstan"), Reading::FollowUp);
    assert_eq!(reading("а финляндия"), Reading::FollowUp);
    assert_eq!(reading("kazakhstan border lines"), Reading::Alone);
}

#[test]
fn a_bare_question_word_or_a_fragment_leans_on_the_last_answer() {
    assert_eq!(reading("why?"), Reading::FollowUp);
    assert_eq!(reading("when"), Reading::FollowUp);
    assert_eq!(reading("which crossing?"), Reading::FollowUp);
    assert_eq!(reading("thanks"), Reading::Alone);
    assert_eq!(reading("source?"), Reading::AboutAnswer(AboutAnswer::Source));
}

#[test]
fn a_follow_up_is_about_the_last_answers_subject() {
    assert_eq!(after("Who is Alexei Tsydanov?", "what did he say?"), "tsydanov-statement");
    assert_eq!(after("Что приказал Путин?", "а сколько человек?"), "order-300k");
    assert_eq!(after("Why are Russian men leaving the country?", "where are they going?"), "where-fleeing");
}

#[test]
fn a_subject_of_its_own_answered_surely_alone_is_not_declined_with_the_last_answer() {
    assert_eq!(
        after("what does the white house think of the mobilization?", "and the analysts?"),
        "analysts-doubts"
    );
    assert_eq!(after("What did the White House say?", "what about analysts"), "analysts-doubts");
}

#[test]
fn a_past_form_of_a_verb_reads_as_its_synonym_group() {
    // "дрались" (fought) is the past of "дерутся": the same clash with the police.
    assert_eq!(after("что видно на видео из соцсетей?", "а с кем они дрались?"), "videos-police");
}

#[test]
fn a_phrase_of_the_lexicon_reads_as_its_group() {
    // "независимо от" (regardless of) is a phrase; "независимые СМИ" is another word.
    assert_eq!(after("кого мобилизуют в бурятии?", "независимо от чего?"), "buryatia-drafted");
}

#[test]
fn he_is_the_person_the_last_answer_named() {
    assert_eq!(after("Can Russia train and equip all these soldiers?", "where does he work?"), "dave-lawler");
}

#[test]
fn an_entity_the_message_names_replaces_the_last_answers() {
    assert_eq!(after("What's happening at the Finnish border?", "what about Georgia?"), "border-georgia-kz");
    assert_eq!(after("What's happening at the Georgian border?", "and Finland?"), "border-finland");
    assert_eq!(after("Что происходит на границе с Грузией?", "а финляндия?"), "border-finland");
}

#[test]
fn a_bare_question_word_is_the_question() {
    assert_eq!(after("What did the White House say?", "why?"), "order-context");
    assert_eq!(after("What did Tsydanov say?", "when?"), "tsydanov-when");
    assert_eq!(after("Where was the photo taken?", "who took it?"), "photo-by");
    assert_eq!(after("Подорожали ли авиабилеты?", "куда?"), "flights-destinations");
}

#[test]
fn the_last_answers_core_terms_fill_in_the_subject() {
    assert_eq!(after("Where are the long car lines?", "how long?"), "border-queue-length");
}

#[test]
fn a_follow_up_asks_what_the_last_answer_did_not_say() {
    assert_eq!(after("Where was the photo taken?", "when?"), "photo-date");
    assert_eq!(after("Кто сделал снимок?", "а где он снимал?"), "photo-place");
}

#[test]
fn entries_related_to_the_last_answer_come_first() {
    assert_eq!(after("Who is Alexei Tsydanov?", "when?"), "tsydanov-when");
}

#[test]
fn a_gap_declines_a_follow_up_only_for_what_the_message_asks() {
    assert_eq!(after("the white house called it an act of desperation?", "why"), "order-context");
    assert!(after("Who is Alexei Tsydanov?", "how old is he?").starts_with("gap:"));
}

#[test]
fn small_talk_stays_small_talk_unless_it_asks_about_the_subject() {
    assert_eq!(after("How many men could be called up?", "thanks!"), "small talk");
    assert_eq!(after("Who is Alexei Tsydanov?", "who are you?"), "small talk");
    assert_ne!(after("Who is Alexei Tsydanov?", "how old is he?"), "small talk");
    assert!(
        after("How long has the war been going on?", "and how's it going").starts_with("war-"),
        "not a greeting"
    );
}

#[test]
fn a_subject_the_knowledge_never_mentions_is_not_the_last_answers() {
    let israel = after("Which countries are Russians flying to?", "what about Israel?");
    assert!(israel == "none" || israel.starts_with("gap:"), "declined, not {israel}");
    assert_eq!(after("В какие страны летят без виз?", "а израиль?"), "none", "not 'did you mean'");
}

#[test]
fn a_follow_up_keeps_what_the_last_question_asked() {
    let (_, matcher) = shipped();
    let asked = matcher.asked("what do analysts say about the mobilization?");
    assert!(asked.len() <= MAX_ASKED && asked.iter().all(|t| !t.starts_with(QUESTION_MARK)), "{asked:?}");
    assert_eq!(
        after("what do analysts say about the mobilization?", "and the White House?"),
        "white-house-view"
    );
}

#[test]
fn names_come_from_the_knowledge_people_first() {
    let (story, matcher) = shipped();
    let entry = story.entries.iter().position(|e| e.id == "tsydanov-statement").unwrap();
    assert_eq!(matcher.person_of(entry, Lang::En), Some("Alexei Tsydanov"), "the source names him");
    assert_eq!(matcher.person_of(entry, Lang::Ru), Some("Алексей Цыданов"));
    let border = story.entries.iter().position(|e| e.id == "border-finland").unwrap();
    assert_eq!(matcher.person_of(border, Lang::En), None, "a country is not 'he'");
    assert_eq!(matcher.entities_of(border, Lang::En)[0], "Finland");
}

#[test]
fn a_did_you_mean_led_by_the_last_answers_neighbour_answers_it() {
    assert_eq!(after("как изменились цены на авиабилеты из россии?", "куда?"), "flights-destinations");
}

#[test]
fn a_follow_up_the_last_answer_already_answers_is_answered_by_it() {
    // The analysts' answer says "hundreds of thousands of soldiers"; the 300,000 is
    // the number called up, another figure.
    assert_eq!(
        after("сомневаются ли эксперты что армия справится", "сколько там солдат?"),
        "analysts-doubts"
    );
    // "In recent weeks": not the date the story came out.
    assert_eq!(after("has ukraine won back land?", "when was that?"), "war-territory");
    // "сделали" stands for what the last answer said was done, as "did" does.
    assert_eq!(after("Украина вернула земли?", "и когда же это сделали?"), "war-territory");
    // An answer that states no time leaves "when?" to the entries that do.
    assert_eq!(after("Who is Alexei Tsydanov?", "when did he say it?"), "tsydanov-when");
}

#[test]
fn a_gap_about_the_last_answer_that_fits_best_declines_a_follow_up() {
    assert_eq!(
        after("did men run off to belarus?", "so how many are gone there?"),
        "gap:gap-belarus-numbers"
    );
}

#[test]
fn a_loose_reading_with_the_last_answer_gives_way_to_a_sure_one_alone() {
    assert_eq!(after("Как Белый дом назвал решение Путина?", "а эксперты?"), "analysts-doubts");
}

#[test]
fn a_bare_question_word_asks_it_of_the_last_answers_neighbour() {
    // "where" alone fits where people flee best; after the photographer it asks where
    // the photo was taken, an entry on the same subject.
    assert_eq!(after("who is the photographer?", "where was that?"), "photo-place");
    assert_eq!(after("who is the photographer?", "where?"), "photo-place");
}

#[test]
fn a_correction_reads_what_it_meant_as_after_what_about() {
    assert_eq!(reading("the Armenian visas"), Reading::Alone);
    assert_eq!(shipped().1.reading("the Armenian visas", true), Reading::FollowUp);
}

#[test]
fn asking_exactly_for_a_detail_restates_the_last_answer_that_has_it() {
    assert_eq!(after("Что с законом о кредитах?", "а что именно этот закон меняет?"), "promise-loans");
    assert_ne!(after("What did the governor concede?", "what's his full name?"), "tsydanov-statement");
}

#[test]
fn asking_whether_a_thing_is_on_the_last_list_reads_with_it() {
    assert_eq!(reading("is Armenia included on that list?"), Reading::FollowUp);
    assert_eq!(
        after("Name the visa-free destinations", "which other ones apart from Serbia?"),
        "flights-destinations"
    );
    // A word of its own beyond the list asks something else of the thing.
    assert_eq!(reading("did Finland also close its border to them?"), Reading::Alone);
}

#[test]
fn a_bare_kind_of_thing_after_an_answer_of_that_kind_is_that_answer() {
    // "village" alone fits the rural region, "country" the list of countries: after
    // where the picture was shot, each asks for a part of that very place.
    assert_eq!(after("where was the picture shot?", "and the village?"), "photo-place");
    assert_eq!(after("where was the picture shot?", "what about the country?"), "photo-place");
    // A kind the last answer does not give asks something else.
    assert_ne!(after("where was the picture shot?", "and the date?"), "photo-place");
}

#[test]
fn a_count_or_date_the_article_never_gives_of_the_last_subject_is_declined() {
    // The only count is of those who could be called up, another subject.
    assert_eq!(
        after("who said untrained men are being forced to serve?", "how many of them?"),
        "gap:gap-drafted-so-far"
    );
    assert_ne!(after("кто сообщил, что призывают людей без опыта?", "и сколько их?"), "order-300k");
    // No date for the loan law: not the summary of the promises, which gives none.
    assert_eq!(after("Что за новый закон о кредитах мобилизованным?", "и когда его приняли?"), "none");
    // A count of the order itself is the order's.
    assert_eq!(after("What did Putin order?", "how many people?"), "order-300k");
    // Where no gap says the last subject's count is missing, the one count answers.
    assert_eq!(after("Who is Putin mobilizing?", "how many?"), "order-300k");
    // A word of the count's own subject asks for it ("called up").
    assert_eq!(after("Who is Putin mobilizing?", "how many could be called up then?"), "order-300k");
}

#[test]
fn a_follow_up_that_only_repeats_the_last_subject_names_none_of_its_own() {
    // All borders' lines name Georgia among others: they say the last answer again.
    assert_eq!(after("tell me about the georgian border", "which crossing?"), "gap:gap-crossing-names");
}
