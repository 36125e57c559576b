//! Short follow-ups that go on from the last answer's subject: a fragment the last
//! answer's neighbour answers is not declined by a gap alone about something else,
//! though its own word fits that gap ("day" of the time-of-day gap). Our own wordings.

use storybot::matcher::Outcome;

use crate::support::converse as chat;

/// Where the picture was made, asked with words of the scene (the country, the
/// queue) that the entry about its date never uses.
const PLACES: [&str; 2] = [
    "where was the snapshot of the Finland border queue made?",
    "Где сделан снимок очереди на границе с Финляндией?",
];

#[test]
fn a_day_asked_after_where_a_picture_was_made_is_its_date() {
    for place in PLACES {
        for ask in ["and what day?", "what day was it?"] {
            let replies = chat(&[place, ask]);
            assert_eq!(replies[1].1, ["photo-date"], "{place} / {ask}: {replies:?}");
        }
    }
}

#[test]
fn a_gap_about_the_last_answer_still_declines_a_fragment() {
    let replies = chat(&[PLACES[0], "at what hour?"]);
    assert!(matches!(replies[1].0, Outcome::Gap { .. }), "{replies:?}");
}
