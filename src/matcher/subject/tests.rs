//! Unit tests of [`super`]: the rules of `subject.rs`, each with the cases that made it.

use super::gaps::note_parts;
use super::*;

fn words(text: &str) -> Vec<String> {
    super::super::normalize::words(text)
}

fn subject(text: &str) -> Option<(Vec<String>, Role)> {
    let words = words(text);
    (0..words.len()).find_map(|at| frame_at(&words, at)).map(|(span, role)| (span.to_vec(), role))
}

fn span(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| w.to_string()).collect()
}

#[test]
fn frames_name_the_subject_of_a_question() {
    assert_eq!(subject("What did the Pope say about it?"), Some((span(&["the", "pope"]), Role::Speaker)));
    assert_eq!(subject("how did Finland react"), Some((span(&["finland"]), Role::Speaker)));
    assert_eq!(
        subject("How much does a used car cost in Moscow?"),
        Some((span(&["a", "used", "car"]), Role::Thing))
    );
    assert_eq!(
        subject("whats the temperature in lappeenranta this time of year"),
        Some((span(&["temperature"]), Role::Thing))
    );
    assert_eq!(subject("what is the weather like"), Some((span(&["weather"]), Role::Thing)));
    assert_eq!(
        subject("Что папа римский сказал о мобилизации?"),
        Some((span(&["папа", "римский"]), Role::Speaker))
    );
    assert_eq!(subject("что сказал губернатор о призыве"), Some((span(&["губернатор"]), Role::Speaker)));
    assert_eq!(subject("сколько стоит бензин в москве"), Some((span(&["бензин"]), Role::Thing)));
    assert_eq!(subject("какая погода в финляндии"), Some((span(&["погода"]), Role::Thing)));
}

#[test]
fn a_frame_in_the_chatter_around_an_answerable_question_is_not_its_subject() {
    let pope = || Some(Unknown { word: "pope".into() });
    let answer = Outcome::Answer { entry: 0, also: None };
    let parts = vec![(Outcome::NoMatch, pope()), (answer.clone(), None)];
    assert_eq!(unknown_in_parts(parts), None);
    let parts = vec![(Outcome::NoMatch, None), (answer, pope())];
    assert_eq!(unknown_in_parts(parts), pope());
}

#[test]
fn a_role_of_a_place_is_the_subject_of_a_who_question() {
    assert_eq!(subject("Who is the sheriff of Nottingham?"), Some((span(&["sheriff"]), Role::Speaker)));
    assert_eq!(subject("who's chief rabbi of Tallinn"), Some((span(&["chief", "rabbi"]), Role::Speaker)));
    assert_eq!(
        subject("who was the harbour master of Turku"),
        Some((span(&["harbour", "master"]), Role::Speaker))
    );
    assert_eq!(subject("who is the woman in the picture"), None, "a description, not a role");
    assert_eq!(subject("who is Tsydanov"), None);
}

#[test]
fn questions_without_a_frame_name_no_subject() {
    assert_eq!(subject("How many soldiers does Ukraine have?"), None);
    assert_eq!(subject("what did they"), None, "no verb closes the frame");
    assert_eq!(
        subject("what is the number of men who could be called up to serve now"),
        Some((span(&["number"]), Role::Thing))
    );
    assert_eq!(
        subject("what is the one thing that everyone here keeps asking about"),
        None,
        "too long for a subject"
    );
    assert_eq!(subject("сколько человек призовут"), None);
    assert_eq!(subject("what do people in Moscow say"), None, "a clause, not a speaker");
    assert_eq!(subject("слышал, что в Бурятии всех забирают, говорят"), None, "что is 'that' here");
}

#[test]
fn a_note_is_cut_after_what_the_article_lacks() {
    let note = "The article doesn't give waiting times. It says only that lines stretched.";
    assert_eq!(
        note_parts(note),
        ("The article doesn't give waiting times", "It says only that lines stretched.")
    );
    let note = "No count for Finland; it says only that cars queued on Sept. 22. Nothing more.";
    assert_eq!(note_parts(note).0, "No count for Finland");
    assert_eq!(note_head(note), "No count for Finland.");
    assert_eq!(note_parts("Taken on Sept. 22 at the border."), ("Taken on Sept. 22 at the border.", ""));
    assert_eq!(
        note_head("О сроках в статье не говорится; сказано лишь, что"),
        "О сроках в статье не говорится."
    );
}

#[test]
fn a_note_head_strays_when_it_names_another_thing_of_a_kind_the_question_names() {
    use super::super::index::Index;
    let story = crate::knowledge::load(std::path::Path::new("knowledge")).unwrap();
    let index = Index::build(&story);
    let names = GapNames::build(&story, &index);
    let gap = |id: &str| story.gaps.iter().position(|g| g.id == id).unwrap();
    let strays = |question: &str, id: &str| {
        names.head_strays(&index, &index.analyzer.analyze_question(question), gap(id), crate::lang::Lang::En)
    };
    // The head names Turkey, Serbia and Armenia: asked of one country, it names others.
    assert!(strays("is there a full list of visa-free countries besides Armenia?", "gap-visa-list"));
    assert!(!strays("is there a full list of visa-free countries?", "gap-visa-list"), "no country asked");
    assert!(!strays("visa-free: only Turkey, Serbia and Armenia?", "gap-visa-list"), "all of them asked");
    // Putin is in the headline: a head that names him brings up no other subject.
    assert!(!strays("was Governor Tsydanov fired?", "gap-tsydanov-fired"));
}

#[test]
fn a_note_s_figure_is_said_to_a_question_that_states_another_of_its_order() {
    use super::super::index::Index;
    let story = crate::knowledge::load(std::path::Path::new("knowledge")).unwrap();
    let index = Index::build(&story);
    let names = GapNames::build(&story, &index);
    let gap = story.gaps.iter().position(|g| g.id == "gap-decree-secret-clause").unwrap();
    let head_only = |question: &str| {
        names.head_only(&index, &index.analyzer.analyze_question(question), gap, crate::lang::Lang::En)
    };
    // The tail says 300,000 could be called up: the correction of a million.
    assert!(!head_only("so Putin can call up a million men under the decree, yes?"));
    assert!(!head_only("Putin's decree allows 2,000,000 to be called up?"));
    // A figure the question doesn't state, or one of another order, is another subject.
    assert!(head_only("does Putin's decree have a secret clause?"));
    assert!(head_only("does Putin's decree have 7 paragraphs?"));
}
