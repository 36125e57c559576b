//! What a question counts ("how many *have left*") or lists ("list every *European
//! country* that …"): the noun phrase after "how many" or a list word, read as the
//! index's terms, which a document must use to answer it ([`super::Asked`]).

use super::GENERIC_IDF;
use crate::matcher::analyze::QUESTION_MARK;
use crate::matcher::index::Index;

/// Content words read after "how many" or "list every": a noun phrase is short, and
/// what follows it is what the counted or listed things did.
const MAX_TARGET_WORDS: usize = 3;
/// Words that ask for a whole list of something.
const LIST_VERBS: [&str; 9] =
    ["list", "name", "enumerate", "перечисли", "перечислите", "назови", "назовите", "список", "перечень"];
/// Words that quantify the listed things after a list verb, or on their own ("every").
const LIST_ALL: [&str; 7] = ["every", "all", "each", "все", "всех", "каждый", "каждую"];
/// Words that end the noun phrase a question counts or lists: relative words and
/// prepositions ("every country *that* …", "every border *with* queues").
/// and auxiliaries ("all the ways Russians *are* getting out").
const PHRASE_END: [&str; 54] = [
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "with",
    "in",
    "of",
    "to",
    "from",
    "for",
    "at",
    "on",
    "by",
    "about",
    "than",
    "and",
    "or",
    "so",
    "is",
    "are",
    "was",
    "were",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "can",
    "could",
    "will",
    "would",
    "который",
    "которые",
    "которая",
    "которых",
    "где",
    "куда",
    "кто",
    "что",
    "в",
    "на",
    "из",
    "с",
    "к",
    "по",
    "от",
    "у",
    "за",
    "о",
    "и",
];
/// Auxiliaries, which end a listed noun phrase but not a count.
const AUXILIARIES: [&str; 14] =
    ["is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "can", "could", "will", "would"];
/// Words that stand for any listed thing ("list all the *ways* …"): they restrict
/// nothing, so they are not required of a document.
const ANY_THING: [&str; 22] = [
    "way",
    "ways",
    "thing",
    "things",
    "fact",
    "facts",
    "detail",
    "details",
    "option",
    "options",
    "place",
    "places",
    "способы",
    "способ",
    "факты",
    "детали",
    "места",
    "мест",
    "направления",
    "направлений",
    "варианты",
    "вещи",
];
/// Words in a list question that restrict nothing ("list every *single* country").
const LIST_FILLERS: [&str; 14] = [
    "single",
    "possible",
    "other",
    "different",
    "specific",
    "mentioned",
    "named",
    "known",
    "listed",
    "другие",
    "упомянутые",
    "названные",
    "возможные",
    "остальные",
];
/// Words after "how many" that say how it is counted, not what: "сколько *всего*",
/// "how many *in total*".
const COUNT_ADVERBS: [&str; 12] = [
    "total",
    "overall",
    "exactly",
    "roughly",
    "approximately",
    "всего",
    "примерно",
    "около",
    "точно",
    "уже",
    "ещё",
    "еще",
];

/// What a question counts or lists.
#[derive(Default)]
pub(super) struct Target {
    /// The terms a document must use (index term ids).
    pub(super) terms: Vec<u32>,
    /// The list is restricted by a word the knowledge never uses.
    pub(super) unmet: bool,
    /// The question asks how many.
    pub(super) counts: bool,
}

/// The terms of what a question counts ("how many *have left*", "сколько *человек
/// уехало*") or lists ("list every *European country* that …"), as index term ids:
/// for a count, the first term that is not generic ("how many men *fled*"); for a list, every term of the listed noun phrase. Empty
/// when the question does neither.
pub(super) fn target_terms(index: &Index, words: &[String]) -> Target {
    let at = |i: usize| words.get(i).map_or("", String::as_str);
    let count = (0..words.len()).find_map(|i| match at(i) {
        "how" if at(i + 1) == "many" => Some(i + 2),
        "сколько" | "скока" | "скок" | "скоко" => Some(i + 1),
        _ => None,
    });
    let list = || {
        let verb = words.iter().position(|w| LIST_VERBS.contains(&w.as_str()));
        let all = words.iter().position(|w| w == "every" || w == "каждый" || w == "каждую");
        let after_verb = verb.map(|v| {
            let all = (v + 1..words.len()).find(|&i| LIST_ALL.contains(&at(i)));
            all.map_or(v + 1, |a| a + 1)
        });
        after_verb.or(all.map(|a| a + 1))
    };
    let (start, is_count) = match count {
        Some(start) => (start, true),
        None => match list() {
            Some(start) => (start, false),
            None => return Target::default(),
        },
    };
    let analyzer = &index.analyzer;
    let mut phrase: Vec<&str> = Vec::new();
    let mut content = 0;
    for word in words[start.min(words.len())..].iter().map(String::as_str) {
        let stop = analyzer.is_stopword(word)
            || LIST_ALL.contains(&word)
            || COUNT_ADVERBS.contains(&word)
            || LIST_FILLERS.contains(&word);
        if (stop || ANY_THING.contains(&word)) && content == 0 {
            continue;
        }
        // What a count counts is often the verb after an auxiliary ("how many men
        // *have fled*"); a listed noun phrase ends before one.
        let ends = PHRASE_END.contains(&word) && !(is_count && AUXILIARIES.contains(&word));
        if ends || content == MAX_TARGET_WORDS {
            break;
        }
        if ANY_THING.contains(&word) {
            continue;
        }
        content += usize::from(!stop);
        phrase.push(word);
    }
    let analysis = analyzer.analyze_question(&phrase.join(" "));
    let content = analysis.terms.iter().filter(|t| !t.starts_with(QUESTION_MARK));
    let terms: Vec<u32> = content.clone().filter_map(|t| index.term(t)).collect();
    if !is_count {
        // A restriction the knowledge never uses ("every *African* country") is one
        // that no list in it has.
        let unmet = content.clone().any(|t| index.term(t).is_none());
        return Target { terms, unmet, counts: false };
    }
    // What is counted is its first specific term: "how many *men* fled" counts the
    // fleeing, "how many Russian men *crossed*" the crossing.
    let counted = terms.into_iter().find(|&id| index.idf[id as usize] >= GENERIC_IDF);
    Target { terms: counted.into_iter().collect(), unmet: false, counts: true }
}
