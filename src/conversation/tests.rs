//! Conversations on the shipped knowledge: follow-ups, questions about the last
//! answer, and what a declined question leaves.

use std::path::Path;
use std::sync::OnceLock;

use super::*;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(Path::new("knowledge")).unwrap())
}

/// The replies to `messages` sent in turn in one conversation, as plain text, with
/// the id of the entry each answered.
fn chat(messages: &[&str]) -> Vec<(Option<String>, String)> {
    let engine = engine();
    let mut context: Option<Context> = None;
    messages
        .iter()
        .map(|m| {
            let response = engine.respond_in(m, None, context.as_ref());
            context = response.context.clone();
            let id = match response.decision.map(|d| d.outcome) {
                Some(Outcome::Answer { entry, .. }) => Some(engine.story.entries[entry].id.clone()),
                _ => None,
            };
            (id, reply::plain(&response.reply))
        })
        .collect()
}

#[test]
fn who_reported_that_is_the_last_answers_source() {
    let replies = chat(&["What happened in Buryatia?", "who reported that?"]);
    assert!(replies[1].1.contains("Reuters"), "{replies:?}");
    let photo = chat(&["Where was the photo taken?", "source?"]);
    assert!(photo[1].1.contains("Lauri Heino"), "{photo:?}");
}

#[test]
fn where_does_it_say_that_gives_the_quote_and_its_link() {
    let replies = chat(&["Who is Alexei Tsydanov?", "where does it say that?"]);
    let (id, text) = &replies[1];
    assert_eq!(id.as_deref(), Some("tsydanov-who"));
    assert!(text.contains("“Governor Alexei Tsydanov released"), "{text}");
    assert!(text.contains("#:~:text="), "the link: {text}");
}

#[test]
fn tell_me_more_answers_a_related_entry() {
    let replies = chat(&["Who is Alexei Tsydanov?", "tell me more"]);
    let related = &engine().story.entries.iter().find(|e| e.id == "tsydanov-who").unwrap().related;
    assert!(replies[1].0.as_ref().is_some_and(|id| related.contains(id)), "{replies:?}");
}

#[test]
fn a_complete_question_is_not_read_with_the_last_answer() {
    let replies = chat(&["What is Belarus doing?", "How many men could be called up?"]);
    assert_eq!(replies[1].0.as_deref(), Some("order-300k"), "{replies:?}");
}

#[test]
fn a_declined_follow_up_says_whom_he_is() {
    // A gap whose note names him says it best.
    let tsydanov = chat(&["Who is Alexei Tsydanov?", "how old is he?", "and what did he say?"]);
    assert_eq!(tsydanov[1].0, None);
    assert!(tsydanov[1].1.contains("no background on Alexei Tsydanov"), "the note: {tsydanov:?}");
    assert_eq!(tsydanov[2].0.as_deref(), Some("tsydanov-statement"), "still about him");
    // Otherwise the decline names him itself.
    let lawler = chat(&["Who is Dave Lawler?", "is he married?"]);
    assert_eq!(lawler[1].0, None, "{lawler:?}");
    assert!(lawler[1].1.contains("Dave Lawler"), "{lawler:?}");
}

#[test]
fn after_a_known_gap_a_follow_up_is_about_what_its_note_says() {
    let engine = engine();
    let question = "were men wrongly drafted in other regions besides buryatia?";
    let response = engine.respond_in(question, None, None);
    let Some(Outcome::Gap { gap }) = response.decision.as_ref().map(|d| d.outcome.clone()) else {
        panic!("{question:?} is a known gap");
    };
    assert_eq!(response.context.map(|c| c.entry).as_ref(), engine.story.gaps[gap].related.first());
    let replies = chat(&[question, "what mistakes?"]);
    assert!(replies[1].1.contains("wrongly"), "{replies:?}");
}

#[test]
fn a_pressed_button_is_a_fresh_question_whose_context_follows() {
    let engine = engine();
    let pressed = engine.press(&reply::Action::Answer("border-finland".into()), Lang::En).unwrap();
    let context = pressed.context.expect("an answer leaves a context");
    assert_eq!(context.entry, "border-finland");
    let next = engine.respond_in("what about Georgia?", None, Some(&context));
    let Some(Outcome::Answer { entry, .. }) = next.decision.map(|d| d.outcome) else { panic!() };
    assert_eq!(engine.story.entries[entry].id, "border-georgia-kz");
}

#[test]
fn a_context_is_a_few_hundred_bytes() {
    let engine = engine();
    let context = engine.respond_in("Who is Alexei Tsydanov?", None, None).context.unwrap();
    let bytes = std::mem::size_of::<Context>() + context.heap_bytes();
    assert!(context.heap_bytes() > 0 && bytes < 1_024, "{bytes} bytes");
}
