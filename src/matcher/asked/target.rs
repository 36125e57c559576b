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

/// Words that ask which one of a kind of thing ("*which* general", "*какой* пункт"): the
/// thing named after them is what the answer must be one of.
const WHICH: [&str; 9] = ["which", "какой", "какая", "какое", "какие", "каких", "какого", "какую", "каким"];
/// Words before "which" that keep it a question word ("*in* which city", "and which"):
/// elsewhere it is a relative word ("the lines, which stretched …").
const BEFORE_WHICH: [&str; 12] = ["in", "at", "from", "to", "for", "on", "by", "of", "and", "so", "в", "на"];
/// Where a question word that asks which may open a question: after a word or two of
/// address or chatter ("ok so which …").
const WHICH_OPENING: usize = 3;

/// What a question counts or lists.
#[derive(Default)]
pub(super) struct Target {
    /// The terms a document must use (index term ids).
    pub(super) terms: Vec<u32>,
    /// The list is restricted, or what is asked which one of named, by a word the
    /// knowledge never uses.
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
    // "Which *EU* countries", "how long are they *valid*" ([`measured`]).
    let count = count.map(|start| (start, Some(Measure::Count))).or_else(|| measured(words));
    let list = || {
        let verb = words.iter().position(|w| LIST_VERBS.contains(&w.as_str()));
        let all = words.iter().position(|w| w == "every" || w == "каждый" || w == "каждую");
        let after_verb = verb.map(|v| {
            let all = (v + 1..words.len()).find(|&i| LIST_ALL.contains(&at(i)));
            all.map_or(v + 1, |a| a + 1)
        });
        after_verb.or(all.map(|a| a + 1))
    };
    let (start, measure) = match count {
        Some(found) => found,
        None => match list() {
            Some(start) => (start, None),
            None => return Target::default(),
        },
    };
    let is_count = measure.is_some();
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
    let specific = |w: &str| {
        let terms = analyzer.analyze_question(w).terms;
        terms.iter().any(|t| index.term(t).is_some_and(|id| index.idf[id as usize] >= GENERIC_IDF))
    };
    let unknown = |w: &str| {
        let terms = analyzer.analyze_question(w).terms;
        !terms.is_empty() && terms.iter().all(|t| index.term(t).is_none())
    };
    match measure {
        // Which one of a kind asks for an instance ("which *agency*": AP), which an
        // answer names without the kind; only a narrowing the knowledge never uses
        // ("which *EU* countries") is in no document.
        Some(Measure::Which) => {
            let content: Vec<&str> = phrase.iter().copied().filter(|w| !analyzer.is_stopword(w)).collect();
            // "White House" is one term: no word of it narrows the other.
            let two = |a: &str, b: &str| analyzer.analyze_question(&format!("{a} {b}")).terms.len() > 1;
            let narrows = matches!(content.as_slice(), [first, next, ..]
                if unknown(first) && modifies(first) && specific(next) && two(first, next));
            Target { terms: Vec::new(), unmet: narrows, counts: true }
        }
        // What lasts must be something the knowledge speaks of: "how long are they
        // *valid*" is not answered by the length of a queue. Its verb may be any
        // ("how long had Russia been *fighting*"), so a known one restricts nothing.
        Some(Measure::Long) => {
            let first = phrase.iter().find(|w| !analyzer.is_stopword(w));
            Target { terms: Vec::new(), unmet: first.is_some_and(|w| unknown(w)), counts: true }
        }
        _ => Target { terms: counted.into_iter().collect(), unmet: false, counts: true },
    }
}

/// What a question asks of the thing after its question word.
#[derive(Clone, Copy)]
enum Measure {
    Count,
    Which,
    Long,
}

/// Russian adjective endings: an unknown Russian word narrows the noun after it only
/// when it is an adjective ("какие *европейские* страны"), not a noun of its own
/// ("какие *меры* власти").
const ADJECTIVE_ENDINGS: [&str; 10] = ["ые", "ие", "ый", "ий", "ая", "яя", "ое", "ее", "ых", "их"];

/// Whether an unknown word may narrow the word after it: any English word ("which *EU*
/// countries"), a Russian adjective.
fn modifies(word: &str) -> bool {
    !word.chars().any(crate::lang::is_cyrillic) || ADJECTIVE_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Where the thing a question asks which one of ("*which* EU countries", "in which
/// city") or how long of ("how long are they *valid*") starts, when it asks so: its
/// question word opens the question, not a clause of it ("I'm worried about how long
/// we'd wait").
fn measured(words: &[String]) -> Option<(usize, Option<Measure>)> {
    let at = |i: usize| words.get(i).map_or("", String::as_str);
    let opens = |i: usize| i < WHICH_OPENING || BEFORE_WHICH.contains(&at(i.wrapping_sub(1)));
    (0..words.len()).find_map(|i| match at(i) {
        "how" if at(i + 1) == "long" && at(i + 2) != "ago" && opens(i) => Some((i + 2, Some(Measure::Long))),
        w if WHICH.contains(&w) && opens(i) => Some((i + 1, Some(Measure::Which))),
        _ => None,
    })
}
