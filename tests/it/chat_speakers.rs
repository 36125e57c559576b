//! Pasted group chatter: a speaker's name after a time is a label, even when it is also
//! a word the story knows or one a typo fix turns into one. The questions are written
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
