//! Follow-ups that doubt or dispute the last answer ("you sure about that?", "nope,
//! that's incorrect — …"): they get the article's word on the same point again, even
//! when they state a figure or a date of their own, and a dispute of a decline stays a
//! decline. Wordings of our own.

use crate::support::converse as chat;
use storybot::matcher::Outcome;

/// Each conversation's second message is about the first answer: the same entry again.
fn about_the_same_point_again<const N: usize>(conversations: [[&str; 2]; N]) {
    for conversation in conversations {
        let replies = chat(&conversation);
        assert!(!replies[0].1.is_empty(), "{conversation:?}: {replies:?}");
        assert_eq!(replies[1].1[..1], replies[0].1[..1], "{conversation:?}: {replies:?}");
    }
}

#[test]
fn doubting_an_answer_gets_the_same_answer_again() {
    about_the_same_point_again([
        ["how many reservists can be mobilised?", "hmm, you sure about that?"],
        ["what is going on at the Finnish border?", "wait, seriously?"],
        ["Какой губернатор признал ошибки при мобилизации?", "а вы уверены?"],
        ["what is going on at the Finnish border?", "это не так"],
    ]);
}

#[test]
fn a_dispute_that_states_a_figure_or_a_date_gets_the_articles_word_again() {
    about_the_same_point_again([
        ["how many reservists can be mobilised?", "nope, that's incorrect — it was half a million"],
        ["when did the governor of Buryatia speak?", "not true. He spoke on a Monday"],
        ["Какой губернатор признал ошибки при мобилизации?", "ложь, губернатор ничего такого не говорил"],
    ]);
}

#[test]
fn disputing_a_decline_stays_a_decline() {
    for conversation in [
        ["how much does a ticket to Yerevan cost?", "that's false, the article does say it"],
        ["what did the Pope say about the draft?", "неправда, в статье это есть"],
    ] {
        let replies = chat(&conversation);
        let declined = |o: &Outcome| !matches!(o, Outcome::Answer { .. });
        assert!(declined(&replies[0].0) && declined(&replies[1].0), "{conversation:?}: {replies:?}");
    }
}

/// The text of each reply in one conversation.
fn replies_of(messages: &[&str]) -> Vec<String> {
    crate::support::each_response(messages, |_, response| storybot::reply::plain(&response.reply))
}

#[test]
fn a_dispute_with_a_figure_the_answer_lacks_is_told_so_before_the_quote() {
    for (conversation, lead) in [
        (
            ["how many reservists may be drafted?", "no, that's false, it was 2 million"],
            "The article doesn't give that figure.",
        ),
        (
            ["how many reservists may be drafted?", "wrong! they said 500k"],
            "The article doesn't give that figure.",
        ),
        (
            ["when did the governor of Buryatia speak?", "incorrect, that was back in 2019"],
            "The article doesn't give that figure.",
        ),
        (
            ["Сколько резервистов могут призвать?", "неправда, призовут 2 миллиона"],
            "Такой цифры в статье нет.",
        ),
    ] {
        let replies = replies_of(&conversation);
        assert!(replies[1].starts_with(lead), "{conversation:?}: {replies:?}");
        assert!(replies[1].contains('“'), "the quote follows: {conversation:?}: {replies:?}");
    }
}

#[test]
fn a_doubt_without_a_figure_of_its_own_gets_the_quote_alone() {
    for conversation in [
        ["how many reservists may be drafted?", "hmm, are you certain?"],
        ["how many reservists may be drafted?", "no, that's false, it was 300,000"],
    ] {
        let replies = replies_of(&conversation);
        assert!(replies[1].starts_with("The article says"), "{conversation:?}: {replies:?}");
    }
}
