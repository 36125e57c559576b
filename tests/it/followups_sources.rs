//! Follow-ups that name only another source ("and Reuters?", "а рейтер?"): they ask
//! what that source reported, not the last source's report again nor the list of all
//! the article's sources. And follow-ups that only repeat the last question's subject
//! ("which crossing?" after the Finnish border): they stay on the one thing it named.
//! Wordings of our own.

use crate::support::{converse as chat, shipped_engine as engine};

/// Whether entry `id`'s source names `outlet` and no other news agency.
fn reported_by_alone(id: &str, outlet: &str) -> bool {
    let entry = engine().story.entries.iter().find(|e| e.id == id).expect("an entry");
    let source = &entry.source.en;
    let others: &[&str] = if outlet == "AP" { &["Reuters"] } else { &["AP", "Associated Press"] };
    source.contains(outlet) && !others.iter().any(|o| source.contains(o))
}

#[test]
fn naming_only_another_agency_asks_what_that_agency_reported() {
    for conversation in [
        ["what does AP say about the people leaving Russia?", "and what about Reuters?"],
        ["Что пишет AP о бегстве мужчин из России?", "а Рейтер?"],
        ["What did Reuters say about Buryatia?", "and the AP?"],
    ] {
        let replies = chat(&conversation);
        let outlet = if conversation[1].contains("AP") { "AP" } else { "Reuters" };
        let answered = replies[1].1.first().map(String::as_str).unwrap_or("");
        assert!(reported_by_alone(answered, outlet), "{conversation:?} ({outlet}): {replies:?}");
    }
}

#[test]
fn repeating_the_last_subject_stays_on_the_one_thing_it_named() {
    // Every border the article names (Finland's among them) is not which crossing on
    // the Finnish border: the photo's checkpoint is.
    for conversation in [
        ["was there a queue on the border with Finland?", "which crossing was that?"],
        ["были очереди на финской границе?", "а какой переход?"],
    ] {
        let replies = chat(&conversation);
        assert_eq!(replies[1].1, ["photo-place"], "{conversation:?}: {replies:?}");
    }
}
