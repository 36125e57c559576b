//! "Who said that?" about an answer: one sentence saying whom the article credits it
//! to, built only from the answer's own credit. An answer that opens with its speaker
//! ("Putin said as many as 300,000…") names who said it; any other is credited to its
//! source line. A bare "Source:" line leaves the reader to guess whose words they are.

use crate::knowledge::Entry;
use crate::lang::Lang;

/// Verbs after an answer's opening speaker that say the speaker stated it: "Putin
/// *said*", "The White House *has characterized*", "Путин *заявил*".
const STATING: [&str; 24] = [
    "said",
    "says",
    "has said",
    "conceded",
    "characterized",
    "has characterized",
    "called",
    "announced",
    "promised",
    "reports",
    "reported",
    "stated",
    "заявил",
    "заявила",
    "заявили",
    "сказал",
    "сказала",
    "назвал",
    "назвала",
    "признал",
    "признала",
    "сообщает",
    "сообщил",
    "пообещал",
];

/// Most words a speaker's name takes: "Governor Alexei Tsydanov", "The White House".
const MAX_SPEAKER_WORDS: usize = 4;

/// Capitalised words that are no speaker: a pronoun stands for someone named before.
const PRONOUNS: [&str; 10] = ["He", "She", "It", "They", "This", "Он", "Она", "Они", "Это", "Оно"];

/// The sentence crediting `entry`'s answer in `lang`: its speaker when the answer
/// opens with one the source line doesn't already name, else its source line.
pub fn credit_sentence(entry: &Entry, lang: Lang) -> String {
    let source = entry.source.get(lang);
    match opening_speaker(entry.answer.get(lang)) {
        Some(speaker) if !source.to_lowercase().contains(&speaker.to_lowercase()) => match lang {
            Lang::En => format!("According to the article, {} said it.", lowercase_article(speaker)),
            Lang::Ru => format!("Чьи это слова, по данным статьи: {speaker}."),
        },
        _ => match lang {
            Lang::En => format!("The article credits this to {source}."),
            Lang::Ru => format!("По данным статьи, источник — {source}."),
        },
    }
}

/// The name an answer opens with before a verb of stating, when every word of it is
/// capitalised and it is no pronoun: "Putin" of "Putin said…", "The White House" of
/// "The White House has characterized…".
fn opening_speaker(answer: &str) -> Option<&str> {
    STATING
        .iter()
        .flat_map(|verb| [format!(" {verb} "), format!(" {verb},")])
        .filter_map(|verb| answer.find(&verb).map(|at| &answer[..at]))
        .min_by_key(|speaker| speaker.len())
        .filter(|speaker| is_name(speaker))
}

/// Whether `words` read as a name: a few words, each capitalised, not a pronoun.
fn is_name(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    !words.is_empty()
        && words.len() <= MAX_SPEAKER_WORDS
        && words.iter().all(capitalised)
        && !PRONOUNS.contains(&words[0])
}

/// "The White House" inside a sentence: "the White House".
fn lowercase_article(speaker: &str) -> String {
    match speaker.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => speaker.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_speaker_an_answer_opens_with_is_its_name_before_the_verb() {
        assert_eq!(opening_speaker("Smith said the bridge would reopen."), Some("Smith"));
        assert_eq!(
            opening_speaker("The Town Council has characterized it as a delay."),
            Some("The Town Council")
        );
        assert_eq!(opening_speaker("Мэр Иванов заявил, что мост откроют."), Some("Мэр Иванов"));
        assert_eq!(opening_speaker("He said the bridge would reopen."), None);
        assert_eq!(opening_speaker("Local drivers said the bridge was closed."), None);
        assert_eq!(opening_speaker("The bridge is closed, officials said."), None);
        assert_eq!(lowercase_article("The Town Council"), "the Town Council");
    }
}
