//! "Who said that?" and "source?" about the last reply: a sentence saying whom the
//! article credits, never someone the answer doesn't; after a decline, that there is
//! no source for what the article doesn't say. Questions of our own wording.

use storybot::matcher::Outcome;

use crate::support::{each_response, outcome_of};

/// Each reply of a conversation as plain text, with its outcome.
fn replies(messages: &[&str]) -> Vec<(Outcome, String)> {
    each_response(messages, |_, response| (outcome_of(response), storybot::reply::plain(&response.reply)))
}

#[test]
fn who_said_it_names_the_speaker_the_answer_opens_with() {
    let english = replies(&["up to how many men might be mobilized?", "who said so?"]);
    assert!(english[1].1.starts_with("According to the article, Putin said it."), "{english:?}");
    let russian = replies(&["до скольких человек могут мобилизовать?", "кто так сказал?"]);
    assert!(russian[1].1.starts_with("Чьи это слова, по данным статьи: Путин."), "{russian:?}");
}

#[test]
fn who_said_it_credits_the_source_line_when_the_answer_names_no_other_speaker() {
    // The White House opens the answer and its source line names it already; the
    // governor's statement is "he" in its answer, so only the source line credits it.
    let white_house = replies(&["how did the White House describe the mobilization?", "who said so?"]);
    assert!(
        white_house[1].1.starts_with("The article credits this to the White House, via Axios."),
        "{white_house:?}"
    );
    let governor = replies(&["what did the Buryatia governor announce?", "who said that?"]);
    assert!(
        governor[1].1.starts_with("The article credits this to Governor Alexei Tsydanov"),
        "{governor:?}"
    );
    assert!(!governor[1].1.contains("Putin"), "{governor:?}");
}

#[test]
fn source_after_a_decline_says_there_is_none_instead_of_an_older_answers() {
    let english = replies(&["how many people have crossed into Georgia?", "source?"]);
    assert!(matches!(english[0].0, Outcome::Gap { .. }), "{english:?}");
    assert!(matches!(english[1].0, Outcome::Gap { .. }), "{english:?}");
    assert!(english[1].1.starts_with("The article doesn't cover that, so there is no source"), "{english:?}");
}
