//! A name that only one gap's question uses (a city or region the article never
//! names) counts as much as a name the knowledge never uses: an entry that shares a
//! filler word with the question does not answer it. The questions are written for
//! these tests, not taken from any eval set.

use crate::support::{answered, shipped_engine};

#[test]
fn a_name_only_a_gap_uses_is_not_answered_by_a_shared_word() {
    let engine = shipped_engine();
    // The entry on online videos shares "going around"; the region's war news is the
    // question's subject, and the article never speaks of it.
    for question in
        ["Is anything going around about Kharkiv?", "Что сейчас творится в Дагестане, тоже гребут подряд?"]
    {
        assert_eq!(answered(engine, question), None, "{question}");
    }
}

#[test]
fn a_possessive_of_a_name_the_answers_use_is_still_answered() {
    let engine = shipped_engine();
    // "Belarus's" is read "belaruss", a word one gap happens to use: it is Belarus.
    let question = "How does the article describe Belarus's ties to Russia?";
    assert_eq!(answered(engine, question).as_deref(), Some("belarus-ally"), "{question}");
}
