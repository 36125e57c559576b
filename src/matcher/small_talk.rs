//! Small-talk patterns made only of stop words ("see you", "that's all", "got it",
//! "ты человек"): the index drops a text with no terms, so these are recognised by
//! their words, whole, when a message is nothing else.

use std::collections::HashMap;

use super::analyze::{Analysis, Analyzer};
use super::index::DocRef;
use crate::knowledge::Story;

#[derive(Default, serde::Serialize, serde::Deserialize)]
pub(super) struct BareSmallTalk {
    /// A pattern's words, one space apart → its intent.
    intents: HashMap<String, usize>,
}

impl BareSmallTalk {
    pub(super) fn build(story: &Story, analyzer: &Analyzer) -> BareSmallTalk {
        let mut intents = HashMap::new();
        for (i, intent) in story.smalltalk.iter().enumerate() {
            for pattern in &intent.patterns {
                // Only a pattern of stop words can have no terms: the rest need no reading,
                // which would cost every start-up a question's analysis a pattern.
                let words = super::normalize::words(pattern);
                if !words.iter().all(|w| analyzer.is_stopword(w)) {
                    continue;
                }
                let analysis = analyzer.analyze_question(pattern);
                if analysis.terms.is_empty() && !analysis.words.is_empty() {
                    intents.entry(analysis.words.join(" ")).or_insert(i);
                }
            }
        }
        BareSmallTalk { intents }
    }

    /// The intent a message of stop words alone is, word for word; a full fit.
    pub(super) fn intent(&self, analysis: &Analysis) -> Option<(DocRef, f32)> {
        if !analysis.terms.is_empty() || self.intents.is_empty() {
            return None;
        }
        self.intents.get(&analysis.words.join(" ")).map(|&i| (DocRef::SmallTalk(i), 1.0))
    }
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
}
