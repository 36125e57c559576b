//! Requests for advice: "what's the *best app* to check the queue", "which *website*
//! can I trust", "what *app* should I use". The noun they ask about is their
//! subject; when the story never uses it, nothing in the story answers, however well
//! the words around it ("the queue", "the border") fit an entry.

use crate::matcher::Matcher;
use crate::matcher::subject::Unknown;

/// Superlatives that ask for a recommendation ("the *best* app", "the *cheapest*
/// hotel").
const SUPERLATIVES: [&str; 17] = [
    "best",
    "cheapest",
    "fastest",
    "quickest",
    "safest",
    "easiest",
    "simplest",
    "nearest",
    "closest",
    "recommended",
    "лучший",
    "лучшая",
    "лучшее",
    "лучшие",
    "лучшую",
    "лучшего",
    "лучшей",
];

/// Words that end the noun phrase after a superlative or a which-word ("the best app
/// *to* check", "the best known figure *for*").
const PHRASE_END: [&str; 22] = [
    "to",
    "for",
    "in",
    "of",
    "at",
    "on",
    "from",
    "with",
    "by",
    "near",
    "that",
    "which",
    "i",
    "we",
    "you",
    "чтобы",
    "в",
    "на",
    "для",
    "у",
    "с",
    "по",
];

/// Modal verbs after "which" / "what" + a noun that ask for advice ("what *app*
/// should I use", "which *website* can I trust"); "what conclusion does it draw" asks
/// what the story says.
const ADVICE_VERBS: [&str; 5] = ["should", "can", "could", "would", "shall"];

/// The longest noun phrase read after a superlative, in words.
const MAX_PHRASE: usize = 3;

/// The noun a request for advice asks about, if the question is one: the head of the
/// noun phrase after a superlative ("the best *app* to"), or the noun between "which"
/// / "what" and a modal verb ("what *app* should", "which *website* can").
pub fn advice_noun(words: &[String]) -> Option<&str> {
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    (0..words.len()).find_map(|at| {
        let w = word(at);
        if SUPERLATIVES.contains(&w) {
            let rest = &words[at + 1..];
            let len = rest.iter().take(MAX_PHRASE).position(|w| PHRASE_END.contains(&w.as_str()));
            let len = len.unwrap_or(rest.len().min(MAX_PHRASE));
            return rest[..len].last().map(String::as_str);
        }
        let noun = word(at + 1);
        let asks_advice = matches!(w, "which" | "what") && ADVICE_VERBS.contains(&word(at + 2));
        (asks_advice && !ADVICE_VERBS.contains(&noun)).then_some(noun)
    })
}

impl Matcher {
    /// The subject of a request for advice ([`advice_noun`]) when the story never
    /// uses it: a stop word or a word of the knowledge is no unknown subject.
    pub(in crate::matcher) fn unknown_advice_subject(&self, words: &[String]) -> Option<Unknown> {
        let noun = advice_noun(words)?;
        self.names_unknown(&self.index.analyzer.analyze_question(noun))
            .then(|| Unknown { word: noun.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::advice_noun;

    fn noun(question: &str) -> Option<String> {
        let words: Vec<String> = question.split(' ').map(String::from).collect();
        advice_noun(&words).map(String::from)
    }

    #[test]
    fn a_request_for_advice_names_the_noun_it_asks_about() {
        assert_eq!(noun("whats the best app to check the queue").as_deref(), Some("app"));
        assert_eq!(noun("what is the best known figure for how many left").as_deref(), Some("figure"));
        assert_eq!(noun("which website can i trust on the wait").as_deref(), Some("website"));
        assert_eq!(noun("what app should i use at the border").as_deref(), Some("app"));
        assert_eq!(noun("what conclusion does the piece draw"), None, "it asks what the story says");
        assert_eq!(noun("какое лучшее приложение для границы").as_deref(), Some("приложение"));
        assert_eq!(noun("what prompted the exodus"), None);
        assert_eq!(noun("what can they do"), None, "the modal comes first");
        assert_eq!(noun("how long are the lines"), None);
    }
}
