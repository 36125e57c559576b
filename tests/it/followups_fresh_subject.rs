//! A correction that names a new subject ("no, I meant Latvia — what has Latvia been
//! doing?") is a fresh question about it: when the article says nothing of it, the
//! decline keeps to it, rather than the last answer's neighbour answering or the
//! decline going on about the old subject. Questions of our own wording.

use storybot::matcher::Outcome;
use storybot::reply::plain;

use crate::support::{converse as chat, each_response};

#[test]
fn a_correction_to_a_place_the_article_never_names_is_declined() {
    let russian = chat(&["Куда можно улететь без визы?", "нет, я про Мексику — туда тоже пускают?"]);
    assert!(matches!(russian[0].0, Outcome::Answer { .. }), "{russian:?}");
    assert!(!matches!(russian[1].0, Outcome::Answer { .. }), "{russian:?}");
}

#[test]
fn a_correction_to_a_subject_a_gap_declines_keeps_the_decline_to_it() {
    let messages = [
        "What has Belarus been doing about draft dodgers?",
        "no, I meant Latvia — what has Latvia been doing?",
    ];
    let replies = each_response(&messages, |_, response| plain(&response.reply));
    assert!(replies[1].contains("Latvia"), "{replies:?}");
    assert!(!replies[1].contains("Finland"), "the decline speaks of Latvia alone: {replies:?}");
}

#[test]
fn a_correction_to_a_subject_the_article_covers_is_still_answered() {
    let finland = chat(&[
        "What's the line like at the Georgian border?",
        "no, I meant Finland — what happened at the Finnish border?",
    ]);
    assert!(finland[1].1.iter().any(|id| id.contains("finland")), "{finland:?}");
}

#[test]
fn he_in_a_correction_is_the_person_it_names() {
    let messages = ["Who took the photo?", "no, I meant Shoigu — what did he say?"];
    let replies = each_response(&messages, |_, response| plain(&response.reply));
    assert!(replies[0].contains("Heino"), "{replies:?}");
    assert!(!replies[1].contains("Heino"), "the decline is not about the photographer: {replies:?}");
    let russian = ["Кто автор фото?", "нет, я про Шойгу — что он заявил?"];
    let replies = each_response(&russian, |_, response| plain(&response.reply));
    assert!(!replies[1].contains("Хейно"), "{replies:?}");
}
