//! "Give / show / дай … every / all …" requests a list as "list" does, so an aside that
//! says what the list holds does not make it a yes/no question the list must cover.
//! The questions are written for these tests, not taken from any eval set.

use crate::support::{entry_correction_and_reply as asked, shipped_engine as engine};

#[test]
fn handing_over_every_item_gets_the_whole_list() {
    let engine = engine();
    for (question, list) in [
        ("give me every figure in the piece (totals, durations, days)", "figures-named"),
        ("show me all the numbers in the text (counts, months, days)", "figures-named"),
        ("gimme all the countries the article mentions (borders, flights)", "countries-named"),
        ("покажи все цифры из статьи (сроки, количества)", "figures-named"),
    ] {
        let (entry, _, text) = asked(engine, question);
        assert_eq!(entry.as_deref(), Some(list), "{question}: {text}");
    }
}
