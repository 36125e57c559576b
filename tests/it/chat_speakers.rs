//! Pasted group chatter: a speaker's name after a time is a label, even when it is also
//! a word the story knows; one a typo fix turns into a known word is a label without a
//! time too. The questions are written
//! for these tests, not taken from any eval set.

use crate::support::{entry_and_reply, shipped_engine};

#[test]
fn a_timed_speaker_named_like_a_country_is_not_read_as_the_country() {
    let engine = shipped_engine();
    let cases = [
        // "Саша" is one typo from "США"; "Usa" names the country itself.
        ("[21:02] Саша: какие страны упоминаются как направления перелётов?", "flights-destinations"),
        ("[07:30] Usa: which borders had lines of cars?", "border-queue-length"),
        ("Usa (07:30): which borders had lines of cars?", "border-queue-length"),
    ];
    for (question, expected) in cases {
        let (entry, reply) = entry_and_reply(engine, question);
        assert_eq!(entry.as_deref(), Some(expected), "{question}\n{reply}");
    }
}

#[test]
fn a_speaker_a_typo_fix_would_read_as_a_country_is_a_label_and_their_later_turn_is_not_asked() {
    let engine = shipped_engine();
    // "Саша" is one typo from "США": read as a country, it was no label, so the whole line
    // was one turn, and Вика's doubt after the question was matched as a question too.
    let chat = "Саша: слышал, на таможне сразу военкомат ждёт / Вика: не верю / \
        Саша: @storybot в статье что-то есть про повестки на таможне? / Вика: сомневаюсь я";
    let (entry, reply) = entry_and_reply(engine, chat);
    assert_eq!(entry, None, "{reply}");
    assert!(!reply.contains("Лоулер") && !reply.contains("Analysts"), "{reply}");
}
