//! Light terms: words that say how a question asks, not what about (who reported it,
//! "say", "already", "what does X mean", "кто-нибудь знает"). Each becomes a term that
//! weighs like a question word, so the fact asked about decides the match.

/// The term every word asking for a fact's source becomes ("who *reported* …",
/// "*according* to whom", "*источник*"): every entry has a source, so these words
/// weigh like question words and the fact they ask about decides the match.
pub const ATTRIBUTION: &str = "?source";

/// The term every verb of saying becomes: "what did the governor *say*" asks for a
/// statement, "who is the governor" does not, but neither word names a fact.
pub const SAYING: &str = "?say";

/// The term every word or phrase of tense and aspect becomes ("already", "so far",
/// "до сих пор"): it tells what has happened from what could happen ("how many *have
/// been* drafted so far" against "how many could be called up"), but names no
/// subject, so it weighs like a question word and "how many have left Russia so far?"
/// is matched on *left*, not on "so far".
pub const ASPECT: &str = "?already";

/// Tense and aspect phrases, as normalized words. Words the lexicon already drops as
/// stop words ("still", "yet", "now", "уже") stay dropped. "Пока" before a pronoun is
/// "while" ("уволят ли, *пока они* воюют?"), as "while" is a stop word in English: read
/// alone it would be the small talk's "bye", a rare word that outweighs the question.
pub(super) const ASPECT_PHRASES: [&[&str]; 21] = [
    &["already"],
    &["so", "far"],
    &["thus", "far"],
    &["to", "date"],
    &["by", "now"],
    &["as", "of", "now"],
    &["up", "to", "now"],
    // "who said so *in the first place*": when, not a place
    &["in", "the", "first", "place"],
    &["до", "сих", "пор"],
    &["пока", "что"],
    &["пока", "они"],
    &["пока", "он"],
    &["пока", "мы"],
    &["пока", "я"],
    &["пока", "ты"],
    &["пока", "вы"],
    &["на", "данный", "момент"],
    &["на", "текущий", "момент"],
    &["на", "сегодняшний", "день"],
    &["к", "настоящему", "времени"],
    &["к", "настоящему", "моменту"],
];

/// How many words of `words` from its start make a tense or aspect phrase, if they do.
pub fn aspect_len(words: &[String]) -> Option<usize> {
    let first = words.first()?;
    // Every word of a question is tried: one match rules out most without looping over
    // the phrases (a unit test keeps it in step with them).
    if !opens_an_aspect_phrase(first) {
        return None;
    }
    ASPECT_PHRASES
        .iter()
        .filter(|p| p[0] == first.as_str() && p.len() <= words.len())
        .find(|p| p.iter().zip(words).all(|(a, w)| *a == w.as_str()))
        .map(|p| p.len())
}

/// Whether `word` is the first word of one of [`ASPECT_PHRASES`].
pub(super) fn opens_an_aspect_phrase(word: &str) -> bool {
    matches!(word, "already" | "so" | "thus" | "to" | "by" | "as" | "up" | "in" | "до" | "пока" | "на" | "к")
}

/// The term a verb of meaning becomes in a question about a word ("what does
/// 'botched' *refer* to", "what is *meant* by", "что *значит* «мобилизация»"): the
/// word asked about is the subject, and the verb names nothing of the story.
pub const MEANING: &str = "?mean";

/// Verbs that ask what a word means or refers to. "Mean" and "means" stay stop words:
/// "what does *partial* mobilization *legally* mean" asks what the article never says.
const MEANING_VERBS: [&str; 10] = [
    "refer",
    "refers",
    "referring",
    "meant",
    "значит",
    "означает",
    "означают",
    "подразумевается",
    "подразумевают",
    "понимается",
];

/// How far before a verb of meaning its question word may stand ("what *does the
/// word 'botched'* refer to").
const MEANING_REACH: usize = 6;

/// Whether `words[at]` asks what a word means: a verb of meaning after "what" / "что".
pub(super) fn asks_meaning(words: &[String], at: usize) -> bool {
    MEANING_VERBS.contains(&words[at].as_str())
        && words[at.saturating_sub(MEANING_REACH)..at]
            .iter()
            .any(|w| matches!(w.as_str(), "what" | "whats" | "что" | "чё" | "чо"))
}

/// Nouns for who reports ("which *agency* reported on Buryatia", "какое *агентство*
/// писало про Бурятию"). Asked with a which-word before them and a verb of reporting
/// after, they ask for the source of the fact that follows, which every answer shows:
/// they weigh like [`ATTRIBUTION`] and the fact decides the match. Asked otherwise
/// ("which agencies does it cite?", "which outlet is this from") they are what is asked.
const SOURCE_NOUNS: [&str; 16] = [
    "agency",
    "agencies",
    "outlet",
    "outlets",
    "media",
    "newspaper",
    "paper",
    "publication",
    "wire",
    "агентство",
    "агентства",
    "издание",
    "издания",
    "сми",
    "газета",
    "информагентство",
];

/// Verbs of reporting that make a source noun before them ask for a fact's source.
const REPORTING_VERBS: [&str; 18] = [
    "reported",
    "reports",
    "reporting",
    "said",
    "says",
    "wrote",
    "writes",
    "broke",
    "covered",
    "писало",
    "писал",
    "писали",
    "пишет",
    "написало",
    "сообщило",
    "сообщает",
    "сообщили",
    "рассказало",
];

/// Words that make a source noun after them one phrase ("*news* agency", "*wire*
/// service", "*новостное* агентство").
const SOURCE_NOUN_OPENERS: [&str; 5] = ["news", "wire", "press", "новостное", "информационное"];

/// How far back the which-word may stand from the source noun ("which *major* news agency").
const SOURCE_NOUN_REACH: usize = 2;

/// How many words from `words[at]` make a source noun and its verb of reporting that
/// ask for a fact's source ("which *news agency reported* …"), if they do: a
/// which-word just before the noun, and a fact after the verb.
pub fn source_noun_len(words: &[String], at: usize) -> Option<usize> {
    let noun = |i: usize| words.get(i).is_some_and(|w| SOURCE_NOUNS.contains(&w.as_str()));
    let len = if noun(at) {
        1
    } else if SOURCE_NOUN_OPENERS.contains(&words[at].as_str()) && noun(at + 1) {
        2
    } else {
        return None;
    };
    let asked = words[at.saturating_sub(SOURCE_NOUN_REACH)..at]
        .iter()
        .any(|w| matches!(w.as_str(), "which" | "what" | "какое" | "какая" | "какие" | "какой"));
    let reporting = words.get(at + len).is_some_and(|w| REPORTING_VERBS.contains(&w.as_str()));
    // "Which outlet wrote *this*?" asks for the outlet itself: no fact follows.
    let fact = words
        .iter()
        .skip(at + len + 1)
        .find(|w| !CONNECTORS.contains(&w.as_str()))
        .is_some_and(|w| !POINTING_WORDS.contains(&w.as_str()));
    // The verb goes with the noun: "какое агентство *писало*" asks whose report, as
    // "who *reported*" does, however rare "писало" is in the knowledge.
    (asked && reporting && fact).then_some(len + 1)
}

/// Words after a verb of reporting that point at the article rather than name a fact.
const POINTING_WORDS: [&str; 13] = [
    "this",
    "it",
    "article",
    "story",
    "piece",
    "first",
    "это",
    "эту",
    "статью",
    "материал",
    "новость",
    "первым",
    "originally",
];

/// Words between a verb of reporting and the fact it reports ("reported *that* …",
/// "wrote *about the* …", "писало *про* …").
const CONNECTORS: [&str; 10] = ["that", "the", "about", "on", "of", "про", "о", "об", "что", "a"];

/// "Кто-нибудь знает, …", "кто знает, …", "кто в курсе, …", "who knows …": the asker
/// looking for anyone who knows, not a question about a person.
pub(super) fn asks_who_knows(words: &[String], at: usize) -> bool {
    let next = |i: usize| words.get(at + i).map_or("", String::as_str);
    matches!(words[at].as_str(), "кто" | "who")
        && (matches!(next(1), "нибудь" | "нить" | "либо" | "знает" | "knows")
            || (next(1), next(2)) == ("в", "курсе"))
}

/// Where the question after an opening "кто-нибудь знает" / "мб кто знает" / "who
/// knows" starts (0 without one): question words count as asking from there.
pub(super) fn after_who_knows(words: &[String]) -> usize {
    let Some(at) = (0..words.len().min(WHO_KNOWS_REACH)).find(|&i| asks_who_knows(words, i)) else {
        return 0;
    };
    let knows = |i: usize| words.get(i).is_some_and(|w| matches!(w.as_str(), "знает" | "knows" | "курсе"));
    if knows(at + 1) {
        at + 2
    } else if knows(at + 2) {
        at + 3
    } else {
        at + 2
    }
}

/// How far into a message a "кто знает" opening may start ("мб, ребят, кто знает").
const WHO_KNOWS_REACH: usize = 3;

pub(super) fn is_attribution(word: &str) -> bool {
    matches!(
        word,
        "source"
            | "sources"
            | "sourced"
            | "report"
            | "reports"
            | "reported"
            | "reporting"
            | "according"
            | "cite"
            | "cites"
            | "cited"
            | "citing"
            | "attribution"
            | "attributed"
            | "credited"
            | "claim"
            | "claims"
            | "claimed"
            | "quote"
            | "quotes"
            | "quoted"
            | "quoting"
            | "citation"
            // "что известно про …" asks what is reported, as "what's reported about"
            | "известно"
            | "известны"
            | "источник"
            | "источники"
            | "источников"
            | "источником"
            | "сообщил"
            | "сообщила"
            | "сообщили"
            | "сообщает"
            | "сообщают"
            | "сообщило"
            // The past and the verbs of writing credit a claim as "сообщил" does
            // ("Reuters *писал* о пробках?"); "о чём он пишет" asks what he writes.
            | "сообщал"
            | "сообщала"
            | "сообщали"
            | "писал"
            | "писала"
            | "писали"
            | "ссылается"
            | "словам"
            | "ссылаются"
            | "утверждает"
            | "утверждают"
            | "цитирует"
            | "цитата"
    )
}

pub(super) fn is_saying(word: &str) -> bool {
    matches!(
        word,
        "say"
            | "said"
            | "says"
            | "saying"
            | "told"
            | "tell"
            | "stated"
            | "сказал"
            | "сказала"
            | "сказали"
            | "говорит"
            | "говорил"
            | "говорят"
            | "сказано"
    )
}

/// The words that ask for items by name, before a count of them ("which *three* countries").
const ASKS_FOR_ITEMS: [&str; 8] = ["which", "what", "name", "list", "какие", "каких", "назови", "перечисли"];

/// Whether `words[at]` is how many items a request asks for ("which *three* countries",
/// "name the *two* borders"): a small count right after the words that ask for items,
/// before what they are. It says how long the list is, no figure the article must give,
/// so it is no term to match.
pub fn is_list_size(words: &[String], at: usize) -> bool {
    let small_count = words[at].parse::<u8>().is_ok_and(|n| (2..=20).contains(&n));
    let asks = |i: usize| ASKS_FOR_ITEMS.contains(&words[i].as_str());
    let after_ask = match at {
        0 => false,
        1 => asks(0),
        _ => asks(at - 1) || (matches!(words[at - 1].as_str(), "the" | "those") && asks(at - 2)),
    };
    small_count && after_ask && at + 1 < words.len()
}
