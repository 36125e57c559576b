//! Question words and negations: what kind of answer a question asks for ("how many"
//! → a number), and the light terms that tell apart phrasings sharing their content
//! words. Language-generic (English and Russian), never story-specific.

use crate::knowledge::AnswerKind;

mod advice;
mod contrast;
mod judgment;
mod light;

pub use contrast::has_contrast;
pub use judgment::asks_judgment;

pub use light::{ASPECT, ATTRIBUTION, MEANING, SAYING, aspect_len, is_list_size, source_noun_len};
use light::{after_who_knows, asks_meaning, asks_who_knows, is_attribution, is_saying};

/// Words that ask rather than say: they tell the kind of answer wanted and are not
/// matched as terms. Language-generic, not story-specific.
const QUESTION_WORDS: [&str; 49] = [
    "what",
    "whats",
    "which",
    "who",
    "whos",
    "whom",
    "whose",
    "when",
    "whens",
    "where",
    "wheres",
    "why",
    "how",
    "hows",
    "что",
    "чем",
    "чего",
    "какой",
    "какая",
    "какое",
    "какие",
    "каких",
    "каким",
    "каком",
    "какого",
    "какую",
    "какому",
    "кто",
    "кого",
    "кому",
    "кем",
    "ком",
    "чей",
    "чья",
    "чьи",
    "где",
    "куда",
    "откуда",
    "когда",
    "почему",
    "зачем",
    "сколько",
    "скока",
    "скольки",
    // Chat spellings: "скок/скоко" for "сколько", "чё/чо/шо" for "что".
    "скок",
    "скоко",
    "чё",
    "чо",
    "шо",
];

pub fn is_question_word(word: &str) -> bool {
    // Asked of every word of every text: most are Latin words that start with neither
    // letter every English question word starts with (a unit test keeps them in step).
    if word.as_bytes().first().is_some_and(|b| b.is_ascii() && !ASCII_INITIALS.contains(b)) {
        return false;
    }
    // The rest: a set, not a scan of the list.
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| QUESTION_WORDS.into_iter().collect()).contains(word)
}

/// The first letters of the English [`QUESTION_WORDS`].
const ASCII_INITIALS: [u8; 2] = [b'w', b'h'];

/// Marks question-word terms; they tell apart phrasings that share their content words
/// ("what did the governor say" / "who is the governor"), with a small weight.
pub const QUESTION_MARK: char = '?';

/// The term every negation becomes: it tells "who won't be drafted" from "who will",
/// with the small weight of a question word.
pub const NEGATION: &str = "?not";

pub fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "no"
            | "never"
            | "wont"
            | "dont"
            | "doesnt"
            | "didnt"
            | "isnt"
            | "arent"
            | "wasnt"
            | "werent"
            | "cant"
            | "wouldnt"
            | "shouldnt"
            | "не"
            | "нет"
            | "ни"
            | "никогда"
    )
}

/// Whether `term` is a question word that asks for something ("?why", "?где"): a
/// question-word term, but not a negation, attribution, verb of saying or meaning, or
/// tense, which only tell entries apart.
pub fn is_asking_term(term: &str) -> bool {
    term.starts_with(QUESTION_MARK) && ![NEGATION, ATTRIBUTION, SAYING, ASPECT, MEANING].contains(&term)
}

/// Adverbs asking for precision ("*exactly* how many", "сколько *точно*"): an entry
/// whose number or date is approximate ("for miles", "earlier this week") does not
/// answer them; an exact one is declared with the kind "exact".
pub const PRECISION_ADVERBS: [&str; 5] = ["exactly", "precisely", "точно", "конкретно", "точнее"];

/// Adjectives asking for precision ("the *exact* salary", "*точная* дата"): they ask
/// for an exact value whatever the question word.
pub const PRECISION_ADJECTIVES: [&str; 9] =
    ["exact", "precise", "точный", "точная", "точное", "точные", "точную", "точного", "точной"];

/// The light term for `words[at]`, if it is one. "When" counts only where a question
/// starts: in "will they have jobs when they get home" it is a conjunction, and as a
/// question word it weighs a lot.
pub fn question_term_at(words: &[String], at: usize) -> Option<String> {
    let word = &words[at];
    let conjunction = matches!(word.as_str(), "when" | "когда") && !(at < 3 || asks_here(words, at));
    if conjunction {
        return None;
    }
    if asks_meaning(words, at) {
        return Some(MEANING.to_string());
    }
    if asks_who_knows(words, at) {
        return None;
    }
    question_term(word)
}

/// The term for a question word: forms folded together, "?" in front.
fn question_term(word: &str) -> Option<String> {
    if is_attribution(word) {
        return Some(ATTRIBUTION.to_string());
    }
    if is_saying(word) {
        return Some(SAYING.to_string());
    }
    if !is_question_word(word) {
        return None;
    }
    let base = match word {
        "whats" => "what",
        "whos" | "whom" | "whose" => "who",
        "whens" => "when",
        "wheres" => "where",
        "hows" => "how",
        "чем" | "чего" | "чё" | "чо" | "шо" => "что",
        "какая" | "какое" | "какие" | "каких" | "каким" | "каком" | "какого" | "какую" | "какому" => {
            "какой"
        }
        "кого" | "кому" | "кем" | "ком" => "кто",
        "чья" | "чьи" => "чей",
        "куда" | "откуда" => "где",
        "зачем" => "почему",
        "скока" | "скольки" | "скок" | "скоко" => "сколько",
        other => other,
    };
    Some(format!("{QUESTION_MARK}{base}"))
}

/// Words that follow a question word where a question starts ("where did", "who is").
const AUXILIARIES: [&str; 22] = [
    "is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could", "has", "have", "had",
    "many", "much", "exactly", "the", "this", "that", "long", "old",
];

fn asks_here(words: &[String], at: usize) -> bool {
    let next = words.get(at + 1).map(String::as_str).unwrap_or("");
    AUXILIARIES.contains(&next) || PLACE_NOUNS.contains(&next) || TIME_NOUNS.contains(&next)
}

const PLACE_NOUNS: [&str; 18] = [
    "country",
    "countries",
    "city",
    "cities",
    "region",
    "place",
    "border",
    "borders",
    "страна",
    "страны",
    "стран",
    "город",
    "городе",
    "стране",
    "странах",
    "городах",
    "регион",
    "регионе",
];
const TIME_NOUNS: [&str; 11] =
    ["day", "date", "time", "year", "month", "weekday", "день", "дата", "число", "числа", "дату"];

/// People and bodies a "which" question asks to have named: "which *analysts*". Not
/// "agency" or "outlet": every answer names its source.
const ACTOR_NOUNS: [&str; 24] = [
    "analyst",
    "analysts",
    "expert",
    "experts",
    "official",
    "officials",
    "think",
    "organization",
    "organizations",
    "company",
    "companies",
    "airline",
    "airlines",
    "bank",
    "banks",
    "politician",
    "politicians",
    "эксперты",
    "аналитики",
    "чиновники",
    "чиновник",
    "авиакомпании",
    "компании",
    "банки",
];

/// Words that ask for a name: "what is the *name* of the law", "как *называется*".
const NAME_WORDS: [&str; 10] =
    ["name", "names", "titled", "называется", "называют", "зовут", "название", "имя", "фамилия", "фамилию"];

/// The kind of answer the question asks for: its first question word's, or a name.
pub fn question_kind(words: &[String]) -> Option<AnswerKind> {
    let asks_name = || {
        // "called up" is the draft, not a name.
        words.iter().enumerate().any(|(i, w)| {
            NAME_WORDS.contains(&w.as_str())
                && !(w == "called" && words.get(i + 1).is_some_and(|n| n == "up"))
        })
    };
    question_word_kind(words).or_else(|| asks_name().then_some(AnswerKind::Name))
}

/// The kind of answer the question's first question word asks for.
fn question_word_kind(words: &[String]) -> Option<AnswerKind> {
    // A question word asks only where a question starts: "when they get home" in
    // "will they have jobs when they get home" is a conjunction, not a question.
    let opener = after_who_knows(words);
    let at = words.iter().enumerate().position(|(i, w)| {
        is_question_word(w) && (i < opener + 3 || asks_here(words, i)) && !asks_who_knows(words, i)
    })?;
    let next = words.get(at + 1).map(String::as_str).unwrap_or("");
    let after = words.get(at + 2).map(String::as_str).unwrap_or("");
    let noun_is = |list: &[&str]| list.contains(&next) || list.contains(&after);
    // Every form of a question word folds to one term ("whos" → who, "каком" → какой).
    let asks = question_term(&words[at])?;
    match asks.trim_start_matches(QUESTION_MARK) {
        "how" if matches!(next, "many" | "much") => Some(AnswerKind::Number),
        // "How long ago" asks for a date; "how long" for a duration or a length, a
        // measure either way: "seven months", "for miles", never "earlier this week".
        "how" if next == "long" && after == "ago" => Some(AnswerKind::Date),
        "how" if next == "long" => Some(AnswerKind::Number),
        "сколько" => Some(AnswerKind::Number),
        "when" | "когда" => Some(AnswerKind::Date),
        "where" | "где" => Some(AnswerKind::Place),
        "who" | "кто" | "чей" => Some(AnswerKind::Person),
        "why" | "почему" => Some(AnswerKind::Reason),
        "what" | "which" | "какой" if noun_is(&PLACE_NOUNS) => Some(AnswerKind::Place),
        "what" | "which" | "какой" if noun_is(&TIME_NOUNS) => Some(AnswerKind::Date),
        "which" | "какой" if noun_is(&ACTOR_NOUNS) => Some(AnswerKind::Name),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
