//! Questions about the asker's own fate: "will they take me?", "should I leave now or
//! wait?", "меня заберут?", "что мне будет, если не пойду?". A news article reports
//! what happened; it cannot say what will happen to one reader or what they should
//! do, however closely the situation they describe fits a fact ("I'm 38 and never
//! served" and the entry on who is called up). Only the sentences that ask are read
//! (a message's story of the asker's situation sets the scene), and a clause that
//! opens with "if" or "если" states a condition rather than asks.

use crate::matcher::normalize::{MAX_CHARS, MAX_WORDS, words};

/// Object pronouns of the asker: "will they take *me*".
const ME: [&str; 2] = ["me", "us"];
/// Subjects a fate question is asked of: the asker, or someone they speak for ("my
/// son is 22, should *he* leave?").
const WHO: [&str; 4] = ["i", "we", "he", "she"];
/// What may happen to someone: "will I be *drafted*", "am I going to be *safe*".
const FATE: [&str; 16] = [
    "drafted",
    "mobilized",
    "mobilised",
    "called",
    "taken",
    "conscripted",
    "exempt",
    "exempted",
    "safe",
    "arrested",
    "punished",
    "fined",
    "jailed",
    "summoned",
    "detained",
    "allowed",
];
/// What someone may do about it: "should I *leave*", "can I *refuse*", "how do I *get*".
const ACT: [&str; 24] = [
    "leave",
    "go",
    "stay",
    "flee",
    "run",
    "wait",
    "move",
    "cross",
    "hide",
    "worry",
    "panic",
    "refuse",
    "avoid",
    "dodge",
    "skip",
    "ignore",
    "apply",
    "enter",
    "get",
    "escape",
    "sign",
    "enlist",
    "join",
    "volunteer",
];
/// Words of the asker's fate in Russian: "меня *заберут*", "могут ли *призвать* сына".
const RU_FATE: [&str; 9] = [
    "заберут",
    "призовут",
    "мобилизуют",
    "возьмут",
    "заберет",
    "отправят",
    "забрать",
    "призвать",
    "мобилизовать",
];
/// Whom it may happen to: "*меня* заберут", "заберут *мужа*".
const RU_WHOM: [&str; 6] = ["меня", "нас", "его", "сына", "мужа", "брата"];
/// To whom, with a verb of what to do: "*мне* ехать или сидеть?", "что *нам* делать".
const RU_TO: [&str; 3] = ["мне", "нам", "ему"];
const RU_DO: [&str; 10] =
    ["ехать", "уезжать", "уехать", "делать", "бежать", "валить", "сидеть", "оставаться", "идти", "ждать"];
/// Clauses that open with these state a condition: "if they draft me, will my job wait?".
const CONDITION: [&str; 5] = ["if", "when", "once", "если", "когда"];
/// A sentence that names the article asks what it says ("does the article say
/// whether men like me are taken?"), which an entry may answer.
const ARTICLE: [&str; 8] = ["article", "story", "piece", "text", "статье", "статья", "статью", "тексте"];

/// Words without which no clause asks the asker's fate: every English shape names the
/// asker or whom they speak for, every Russian one a verb of fate or "мне".
fn names_someone_s_fate(word: &str) -> bool {
    ["i", "we", "he", "she", "me", "us", "him", "her", "my"].contains(&word)
        || RU_FATE.contains(&word)
        || RU_TO.contains(&word)
}

/// Whether `question` asks what will become of the asker (or of someone they speak
/// for), or what they should do: in a sentence that asks (one ending in "?", or the
/// last one when none does), a clause that is no condition. `question_words` are the
/// question's normalized words: most questions name nobody's fate, and are told so
/// without splitting the question again (unless its words were cut short).
pub fn asks_own_fate(question: &str, question_words: &[String]) -> bool {
    let read_whole = question_words.len() < MAX_WORDS && question.len() <= MAX_CHARS;
    if read_whole && !question_words.iter().any(|w| names_someone_s_fate(w)) {
        return false;
    }
    asking_sentences(question).into_iter().any(|sentence| {
        // Each clause's words, read once.
        let clauses: Vec<Vec<String>> = sentence.split([',', ';', ':', '—', '–']).map(words).collect();
        let names_article = clauses.iter().flatten().any(|w| ARTICLE.contains(&w.as_str()));
        let condition = |w: &[String]| w.first().is_some_and(|first| CONDITION.contains(&first.as_str()));
        !names_article && clauses.iter().any(|w| !condition(w) && clause_asks_fate(w))
    })
}

/// The sentences of `text` that end in a question mark, or its last sentence when none does.
fn asking_sentences(text: &str) -> Vec<&str> {
    let sentences: Vec<&str> = text
        .split_inclusive(['.', '?', '!', '\n'])
        .map(str::trim)
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect();
    let asking: Vec<&str> = sentences.iter().copied().filter(|s| s.ends_with('?')).collect();
    match asking.is_empty() {
        true => sentences.last().copied().into_iter().collect(),
        false => asking,
    }
}

fn clause_asks_fate(w: &[String]) -> bool {
    (0..w.len()).any(|at| english_at(w, at) || russian_at(w, at))
}

/// An English fate question starting at word `at`.
fn english_at(w: &[String], at: usize) -> bool {
    let word = |i: usize| w.get(i).map_or("", String::as_str);
    let within = |from: usize, len: usize, set: &[&str]| (from..from + len).any(|i| set.contains(&word(i)));
    let (this, next, then) = (word(at), word(at + 1), word(at + 2));
    match this {
        // "will they take me", "are they going to draft us".
        "will" | "would" | "are" | "can" | "could" if next == "they" => within(at + 2, 4, &ME),
        // "will I be drafted", "am I going to be safe".
        "will" | "would" | "am" if WHO.contains(&next) => within(at + 2, 4, &FATE),
        // "should I leave", "should he wait".
        "should" => WHO.contains(&next) && ACT.contains(&then),
        // "tell me why I should sign up".
        w if WHO.contains(&w) && next == "should" => ACT.contains(&then),
        // "can I refuse", "do I have to leave".
        "can" | "could" | "must" | "do" if WHO.contains(&next) => {
            let verb = if this == "do" && matches!(then, "have" | "need") { word(at + 4) } else { then };
            ACT.contains(&verb) && verb != "wait"
        }
        // "how do I get an exemption", "where can he go".
        "how" | "where" => {
            matches!(next, "do" | "can" | "could" | "should")
                && WHO.contains(&then)
                && ACT.contains(&word(at + 3))
        }
        // "what happens if he ignores it", "what happens to me".
        "what" if next == "happens" && matches!(then, "if" | "to") => {
            within(at + 3, 2, &["i", "me", "he", "him", "she", "her", "we", "us", "my"])
        }
        // "what should I do".
        "what" => next == "should" && WHO.contains(&then),
        _ => false,
    }
}

/// A Russian fate question around word `at`.
fn russian_at(w: &[String], at: usize) -> bool {
    let word = |i: usize| w.get(i).map_or("", String::as_str);
    let near = |set: &[&str], before: usize, after: usize| {
        (at.saturating_sub(before)..=at + after).any(|i| i != at && set.contains(&word(i)))
    };
    let this = word(at);
    if RU_FATE.contains(&this) {
        // "меня заберут?", "заберут меня или нет", "его тоже могут забрать".
        return near(&RU_WHOM, 3, 3);
    }
    if RU_TO.contains(&this) {
        // "мне ехать или сидеть?", "что мне делать", "что мне будет", "дадут ли ему отсрочку".
        return near(&RU_DO, 2, 2)
            || (word(at.wrapping_sub(1)) == "что" && word(at + 1) == "будет")
            || (word(at.wrapping_sub(1)) == "ли" && word(at.wrapping_sub(2)) == "стоит")
            || near(&["дадут", "дают"], 2, 1);
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::matcher::normalize::words;

    fn asks_own_fate(question: &str) -> bool {
        super::asks_own_fate(question, &words(question))
    }

    #[test]
    fn a_question_about_the_asker_s_own_fate_is_one() {
        for q in [
            "I'm 45, a driver with asthma, never served. Will they draft me?",
            "ok so am I going to be mobilized with flat feet?",
            "my son is 20 and at university, should he leave for Armenia or wait?",
            "Could I refuse a summons because of my heart condition?",
            "what happens if I just ignore the summons?",
            "How do I get a deferment as a student?",
            "мне 30, не служил, меня заберут?",
            "Мне уезжать или ждать?",
            "если придёт повестка, что мне будет?",
            "брат программист, ему дадут отсрочку?",
            "Tell me why I should enlist right now.",
        ] {
            assert!(asks_own_fate(q), "{q}");
        }
    }

    #[test]
    fn a_question_of_what_the_story_says_is_not_one() {
        for q in [
            "Who could be called up, according to Putin?",
            "I'm worried about the wait at the border. How long were the lines?",
            "If they draft me, I'd lose my job. What did authorities promise about jobs?",
            "если меня мобилизуют, я потеряю работу. Что власти обещают мобилизованным?",
            "Does the article say whether men like me will be drafted?",
            "Which agencies should I mention in the credit?",
            "will they keep the jobs of the men who are drafted?",
            "Кого будут призывать, по словам Путина?",
        ] {
            assert!(!asks_own_fate(q), "{q}");
        }
    }
}
