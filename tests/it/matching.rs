//! Matching behaviours on the shipped knowledge that no single question set pins
//! down: messages of several parts, other countries, sums, scene-setting. The
//! questions here are written for these tests, not taken from any eval set.

use crate::support::{answered, shipped_engine};
use storybot::matcher::Outcome;

#[test]
fn a_bare_follow_up_word_is_not_a_question_of_its_own() {
    let engine = shipped_engine();
    // "… and when?" asks when the first part happens, not when the story came out.
    for question in ["Are the wrongly drafted men going home, and when?", "will the loan law pass, and when?"]
    {
        assert_ne!(answered(engine, question).as_deref(), Some("story-date"), "{question}");
    }
}

#[test]
fn a_part_asking_only_for_a_figure_asks_about_the_rest() {
    let engine = shipped_engine();
    // The article gives no count of leavers: "a number pls" must not fetch the only
    // figure it has (how many could be called up).
    for question in [
        "how many men have left russia since putin's order? need a number pls",
        "how many russians fled after the order? a number please",
        "сколько мужчин уехало из страны после приказа? нужна цифра",
    ] {
        assert_eq!(answered(engine, question), None, "{question}");
    }
}

#[test]
fn an_entry_about_another_country_does_not_answer() {
    let engine = shipped_engine();
    let kazakhstan = answered(engine, "Is Kazakhstan rounding up Russian men and handing them over?");
    assert_ne!(kazakhstan.as_deref(), Some("belarus-roundup"));
    let georgia = answered(engine, "Did Georgia send the draft dodgers back?");
    assert_ne!(georgia.as_deref(), Some("belarus-roundup"));
    assert_ne!(answered(engine, "is finland an ally of russia").as_deref(), Some("belarus-ally"));
    assert_eq!(answered(engine, "Is Belarus rounding up Russian men?").as_deref(), Some("belarus-roundup"));
}

#[test]
fn a_sum_is_not_a_date() {
    let engine = shipped_engine();
    assert_eq!(answered(engine, "what's 2+2"), None);
    assert_eq!(answered(engine, "22+0?"), None);
}

#[test]
fn a_worry_in_the_preamble_is_said_next_to_the_answer() {
    let engine = shipped_engine();
    let message = "We're driving to Finland on Monday. I'm anxious about how many hours we'll be stuck. \
                   What does the article say about the Finnish border?";
    let decision = engine.ask(message, None).decision.unwrap();
    assert!(matches!(decision.outcome, Outcome::Answer { .. }), "{:?}", decision.outcome);
    assert!(decision.gap_part.is_some(), "the waiting time the article doesn't give is said too");
}

#[test]
fn an_approximate_figure_does_not_answer_a_question_for_an_exact_one() {
    let engine = shipped_engine();
    // The article says the lines stretched "for miles": no exact length.
    assert_eq!(
        answered(engine, "precisely how many kilometres did the car lines at the Kazakh border stretch?"),
        None
    );
    // 300,000 and Sept. 22 are exact (kind "exact").
    let callup = answered(engine, "exactly how many men can Putin call up?");
    assert_eq!(callup.as_deref(), Some("order-300k"));
    assert_eq!(answered(engine, "the exact date the border photo was taken?").as_deref(), Some("photo-date"));
}

#[test]
fn a_figure_the_article_does_not_give_is_not_answered_with_another_fact() {
    let engine = shipped_engine();
    // The article's figure is 300,000: a question about 500,000 is answered with that
    // figure or declined, never with the order's background.
    let answer = answered(engine, "Did Putin say 500,000 men could be called up?");
    assert!(matches!(answer.as_deref(), None | Some("order-300k")), "{answer:?}");
}

#[test]
fn the_lexicon_reads_everyday_words_for_what_they_mean() {
    let engine = shipped_engine();
    // "насчёт" (about) is no content word; "рабочих мест" is the jobs promise.
    let id = answered(engine, "что власти обещают насчёт рабочих мест призывников?");
    assert!(matches!(id.as_deref(), Some("promise-jobs" | "promises-overview")), "{id:?}");
    // "медкарта" is a medical record: the Buryatia entry on medical history.
    let id = answered(engine, "правда, что забирали без учёта медкарты?");
    assert!(id.as_deref().is_some_and(|id| id.starts_with("buryatia")), "{id:?}");
    // Cash to carry abroad is not the pay draftees are promised: not even a "did you
    // mean" about it.
    let decision = engine.ask("what's the cap on cash you can carry out of russia?", None).decision.unwrap();
    assert!(matches!(decision.outcome, Outcome::Gap { .. } | Outcome::NoMatch), "{:?}", decision.outcome);
}

#[test]
fn russian_in_latin_letters_and_the_wrong_keyboard_layout_is_read_as_meant() {
    let engine = shipped_engine();
    // Each as typed, and as meant: both answer from the same entry.
    for (typed, meant) in [
        ("skolko mogut prizvat?", "сколько могут призвать?"),
        ("kto gubernator burjatii?", "кто губернатор бурятии?"),
        ("chto pishut pro burjatiju?", "что пишут про бурятию?"),
        ("crjkmrj vjuen ghbpdfnm?", "сколько могут призвать?"),
        ("rnj ue,thyfnjh ,ehznbb?", "кто губернатор бурятии?"),
        ("црщ шы еру пщмуктщк ща игкнфешф?", "who is the governor of buryatia?"),
    ] {
        let expected = answered(engine, meant);
        assert!(expected.is_some(), "{meant}");
        assert_eq!(answered(engine, typed), expected, "{typed}");
    }
}

#[test]
fn chat_words_people_use_about_this_story_are_known() {
    let engine = shipped_engine();
    // Chat fillers ("мб", "хз", "кто-нить") carry nothing; "сфоткал" is who took the photo.
    for (chat, plain) in [
        ("мб кто знает кто сфоткал очередь?", "кто фотограф снимка?"),
        ("хз, кто сфотографировал очередь?", "кто фотограф снимка?"),
        ("кто-нить знает чё там с белоруссией", "что с белоруссией?"),
        ("what did they promise the mobi guys", "what did they promise the draftees"),
    ] {
        let expected = answered(engine, plain);
        assert!(expected.is_some(), "{plain}");
        assert_eq!(answered(engine, chat), expected, "{chat}");
    }
}

#[test]
fn a_phrasal_verb_split_by_its_object_still_means_what_it_means() {
    let engine = shipped_engine();
    // "turn them in", "hand them over": the pronoun between verb and particle.
    for question in ["does belarus turn them in?", "would belarus hand them over?"] {
        assert_eq!(answered(engine, question).as_deref(), Some("belarus-roundup"), "{question}");
    }
    let ran_there = answered(engine, "what is belarus doing about the men who ran there?");
    assert!(matches!(ran_there.as_deref(), Some("belarus-roundup" | "belarus-fled")), "{ran_there:?}");
}

#[test]
fn letting_in_or_sheltering_is_corrected_by_the_roundup() {
    let engine = shipped_engine();
    // The article says Belarus rounds them up: a question that it lets them in or
    // shelters them is answered with what it does.
    for question in ["does belarus shelter the men who fled?", "Белоруссия пускает россиян?"]
    {
        assert_eq!(answered(engine, question).as_deref(), Some("belarus-roundup"), "{question}");
    }
}
