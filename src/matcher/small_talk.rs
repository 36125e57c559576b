//! Small-talk patterns made only of stop words ("see you", "that's all", "got it",
//! "ты человек"): the index drops a text with no terms, so these are recognised by
//! their words, whole, when a message is nothing else. And small talk reached on
//! question words alone ("so who did?", "who then?"): it is about the bot only when the
//! message speaks to the bot.

use std::collections::{HashMap, HashSet};

use super::analyze::{Analysis, Analyzer, QUESTION_MARK};
use super::index::DocRef;
use crate::knowledge::Story;

#[derive(Default, serde::Serialize, serde::Deserialize)]
pub(super) struct BareSmallTalk {
    /// A pattern's words, one space apart → its intent.
    intents: HashMap<String, usize>,
    /// The words, one space apart, of each pattern read as question words alone ("who is
    /// this"): small talk word for word, though it names no addressee.
    asked_bare: HashSet<String>,
}

/// Words that speak to the bot: a question of question words alone is about the bot
/// only with one of them ("who are you?"), else it asks about the story ("so who did?").
const ADDRESSEE: [&str; 20] = [
    "you",
    "your",
    "yours",
    "yourself",
    "u",
    "ur",
    "bot",
    "storybot",
    "robot",
    "ты",
    "вы",
    "тебя",
    "тебе",
    "вас",
    "вам",
    "твой",
    "ваш",
    "бот",
    "бота",
    "робот",
];

impl BareSmallTalk {
    pub(super) fn build(story: &Story, analyzer: &Analyzer) -> BareSmallTalk {
        let mut intents = HashMap::new();
        let mut asked_bare = HashSet::new();
        for (i, intent) in story.smalltalk.iter().enumerate() {
            for pattern in &intent.patterns {
                // Only a pattern of stop words and question words can have no terms but
                // question words: the rest need no reading, which would cost every
                // start-up a question's analysis a pattern.
                let words = super::normalize::words(pattern);
                let plain = |w: &String| analyzer.is_stopword(w) || super::question::is_question_word(w);
                if !words.iter().all(plain) {
                    continue;
                }
                let analysis = analyzer.analyze_question(pattern);
                if analysis.words.is_empty() {
                    continue;
                }
                if analysis.terms.is_empty() {
                    intents.entry(analysis.words.join(" ")).or_insert(i);
                } else if only_question_words(&analysis) {
                    asked_bare.insert(analysis.words.join(" "));
                }
            }
        }
        BareSmallTalk { intents, asked_bare }
    }

    /// The intent a message of stop words alone is, word for word; a full fit.
    pub(super) fn intent(&self, analysis: &Analysis) -> Option<(DocRef, f32)> {
        if !analysis.terms.is_empty() || self.intents.is_empty() {
            return None;
        }
        self.intents.get(&analysis.words.join(" ")).map(|&i| (DocRef::SmallTalk(i), 1.0))
    }

    /// Whether small talk may answer a message: unless it is read as question words
    /// alone, speaks to no one ([`ADDRESSEE`]) and is no pattern word for word. "so who
    /// did?" asks who did what the story tells, not who the bot is.
    pub(super) fn may_answer(&self, analysis: &Analysis) -> bool {
        !only_question_words(analysis)
            || analysis.words.iter().any(|w| ADDRESSEE.contains(&w.as_str()))
            || self.asked_bare.contains(&analysis.words.join(" "))
    }
}

/// Whether a reading has terms, and each is a question word.
fn only_question_words(analysis: &Analysis) -> bool {
    !analysis.terms.is_empty() && analysis.terms.iter().all(|t| t.starts_with(QUESTION_MARK))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_of_stop_words_is_its_intent_word_for_word() {
        let story = crate::knowledge::load(std::path::Path::new("knowledge")).unwrap();
        let index = crate::matcher::index::Index::build(&story);
        let bare = BareSmallTalk::build(&story, &index.analyzer);
        let goodbye = story.smalltalk.iter().position(|s| s.id == "goodbye").unwrap();
        let read = |text: &str| index.analyzer.analyze_question(text);
        assert_eq!(bare.intent(&read("See you!")), Some((DocRef::SmallTalk(goodbye), 1.0)));
        assert_eq!(bare.intent(&read("see you at the border")), None, "more than the pattern");
        assert_eq!(bare.intent(&read("Who are they?")), None);
    }

    #[test]
    fn question_words_alone_are_small_talk_only_when_they_speak_to_the_bot() {
        let story = crate::knowledge::load(std::path::Path::new("knowledge")).unwrap();
        let index = crate::matcher::index::Index::build(&story);
        let bare = BareSmallTalk::build(&story, &index.analyzer);
        let read = |text: &str| index.analyzer.analyze_question(text);
        assert!(!bare.may_answer(&read("and who did, then?")));
        assert!(bare.may_answer(&read("and who are you, then?")));
        assert!(bare.may_answer(&read("бот, ты кто?")));
        assert!(bare.may_answer(&read("thanks a lot")), "no question word");
        // Every pattern of small talk may still answer its own words.
        for pattern in story.smalltalk.iter().flat_map(|s| &s.patterns) {
            assert!(bare.may_answer(&read(pattern)), "{pattern}");
        }
    }
}
