//! Words that point back at the conversation: pronouns and place or time words that
//! stand for something said before ("what did *he* say?", "*there*", "*это*"),
//! openers of an elliptical question ("*what about* Georgia?", "*а* почему?"), and the
//! words of a question about the last answer itself ("source?", "where does it say
//! that?", "tell me more"). English and Russian; language-generic, never
//! story-specific. Used by [`super::followup`] to tell a follow-up from a question
//! that stands alone.

/// Pronouns for one person: "he" is the person the last answer named.
/// Words are normalized ("её" → "ее"), so only the folded forms are listed.
const PERSONAL: [&str; 20] = [
    "he", "him", "his", "she", "her", "hers", "himself", "herself", "он", "она", "его", "ее", "ему", "ей",
    "ним", "ней", "нему", "него", "нее", "нем",
];

/// Words that stand for a thing, an act or a group said before ("*that*", "*they*",
/// "*это*"): what a question that goes on asking about the one before leans on.
const LEANING: [&str; 24] = [
    "they",
    "them",
    "their",
    "that",
    "this",
    "those",
    "these",
    "оно",
    "они",
    "их",
    "им",
    "ими",
    "них",
    "это",
    "этом",
    "этого",
    "этому",
    "этим",
    "эти",
    "этих",
    "этой",
    "эту",
    "эта",
    "этот",
];

/// Words that stand for something said before but as often for the article, the claim
/// or the scene: "it", a place, a time ("is *it* safe *there*?", "на *тот* момент").
const LOOSELY_REFERRING: [&str; 16] = [
    "it",
    "its",
    "theirs",
    "themselves",
    "there",
    "then",
    "тот",
    "та",
    "те",
    "того",
    "тому",
    "том",
    "там",
    "туда",
    "оттуда",
    "тогда",
];

/// Openers of an elliptical question: the rest of it is the last answer's subject
/// ("what about Georgia?" after the Finnish border), one to three words long.
const ELLIPSIS_OPENERS: [&[&str]; 22] = [
    &["what", "about"],
    &["how", "about"],
    &["what", "of"],
    &["and", "what", "about"],
    &["and", "how", "about"],
    &["and"],
    &["also"],
    &["plus"],
    &["so"],
    &["а", "что", "насчет"],
    &["а", "как", "насчет"],
    &["что", "насчет"],
    &["как", "насчет"],
    &["а", "что", "с"],
    &["а", "как", "же"],
    &["а", "как", "с"],
    &["а", "если"],
    &["ну", "а"],
    &["а"],
    &["и"],
    &["также"],
    &["еще"],
];

/// Whether `word` (normalized) is a pronoun for one person.
pub fn is_personal(word: &str) -> bool {
    PERSONAL.contains(&word)
}

/// Whether `word` (normalized) stands for something said before.
pub fn is_referring(word: &str) -> bool {
    is_personal(word) || is_leaning(word) || LOOSELY_REFERRING.contains(&word)
}

/// Whether `word` (normalized) stands for a thing, an act or a group said before, not a
/// person, "it", a place or a time: see [`LEANING`].
pub fn is_leaning(word: &str) -> bool {
    LEANING.contains(&word)
}

/// Words that, inside one message, point back at a thing an earlier sentence of it named
/// ("… a part about Buryatia. What happened to the men *there*?"). Narrower than
/// [`is_referring`]: "it", "this", "that" and "это" stand for the article or the claim as
/// often as for a thing ("is *it* true", "what does *it* say", "*это* правда?").
const POINTING: [&str; 22] = [
    "they",
    "them",
    "their",
    "those",
    "these",
    "there",
    "he",
    "him",
    "his",
    "she",
    "her",
    "они",
    "их",
    "им",
    "них",
    "там",
    "туда",
    "оттуда",
    "он",
    "его",
    "ему",
    "нем",
];

/// Forms of "be" that make "there" existential ("is there …", "there are …"), not a place.
const BE: [&str; 8] = ["is", "are", "was", "were", "be", "been", "isnt", "arent"];

/// Whether a sentence of a message points back at a thing an earlier sentence named:
/// a pronoun of [`POINTING`], "there" only where it stands for a place.
pub fn points_back_in_message(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let existential = w == "there"
            && (i > 0 && BE.contains(&words[i - 1].as_str())
                || words.get(i + 1).is_some_and(|n| BE.contains(&n.as_str())));
        POINTING.contains(&w.as_str()) && !existential
    })
}

/// Whether the words open with an elliptical opener ("what about", "а").
pub fn opens_ellipsis(words: &[String]) -> bool {
    ELLIPSIS_OPENERS
        .iter()
        .any(|opener| opener.len() < words.len() && opener.iter().zip(words).all(|(o, w)| o == w))
}

/// What a question about the last answer itself asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AboutAnswer {
    /// "source?", "who reported that?", "кто об этом сообщил?", "откуда это?"
    Source,
    /// "where does it say that?", "quote?", "где это написано?"
    Quote,
    /// "tell me more", "what else?", "подробнее"
    More,
    /// "are you sure?", "неправда, …": the article's word on the last answer again.
    Doubt,
}

/// Words asking for a source whatever else the message asks ("source?", "where is
/// that from?", "откуда это?").
const SOURCE_NOUNS: [&str; 19] = [
    "source",
    "sources",
    "sourced",
    "according",
    "attribution",
    "attributed",
    "credited",
    "agency",
    "agencies",
    "агентство",
    "агентства",
    "from",
    "источник",
    "источники",
    "источника",
    "источнике",
    "откуда",
    "ссылается",
    "ссылаются",
];

/// Verbs of reporting: they ask for a source with "who" ("who reported that?"), not
/// with another question word ("what did he report?" asks what was reported).
const SOURCE_VERBS: [&str; 15] = [
    "report",
    "reports",
    "reported",
    "reporting",
    "cite",
    "cites",
    "cited",
    "said",
    "сообщил",
    "сообщила",
    "сообщили",
    "сообщило",
    "сообщает",
    "сообщают",
    "сказал",
];

/// Whether `word` asks for a source or names reporting ("source", "agency",
/// "reported", "откуда"): the words a question of credit is made of.
pub(crate) fn names_source(word: &str) -> bool {
    SOURCE_NOUNS.contains(&word) || SOURCE_VERBS.contains(&word)
}

/// "Who", in its forms: with a verb of reporting it asks for the source.
pub(crate) const WHO: [&str; 5] = ["who", "whom", "whos", "кто", "кого"];

/// Words asking for the article's own words or the place they stand.
const QUOTE_WORDS: [&str; 20] = [
    "quote",
    "quotes",
    "quotation",
    "verbatim",
    "sentence",
    "passage",
    "proof",
    "link",
    "wording",
    "цитата",
    "цитату",
    "цитаты",
    "цитатой",
    "дословно",
    "ссылка",
    "ссылку",
    "доказательство",
    "доказательства",
    "фраза",
    "фразу",
];

/// Verbs of saying or writing: with "where" they ask where the article says it.
const WRITTEN: [&str; 16] = [
    "say",
    "says",
    "said",
    "written",
    "write",
    "writes",
    "wrote",
    "mention",
    "mentioned",
    "mentions",
    "написано",
    "сказано",
    "говорится",
    "пишут",
    "пишется",
    "упоминается",
];

/// Words asking for more about the same thing.
const MORE_WORDS: [&str; 16] = [
    "more",
    "else",
    "elaborate",
    "continue",
    "further",
    "expand",
    "details",
    "detail",
    "подробнее",
    "подробней",
    "поподробнее",
    "еще",
    "дальше",
    "больше",
    "детали",
    "продолжай",
];

/// Words that may surround the question about the last answer ("where does *the
/// article* say that", "*who* reported it").
const FILLER: [&str; 18] = [
    "which",
    "news",
    "какое",
    "какие",
    "article",
    "story",
    "text",
    "piece",
    "статья",
    "статье",
    "статьи",
    "тексте",
    "where",
    "what",
    "где",
    "что",
    "me",
    "by",
];

/// What a message asks about the last answer itself, if that is all it asks: every
/// word is a cue, a pronoun, a stop word or filler. "Who said that?" asks for a
/// source; "what did he say?" does not (it asks for a statement).
pub fn about_answer(words: &[String], is_stopword: impl Fn(&str) -> bool) -> Option<AboutAnswer> {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let where_written = has(&["where", "где"]) && has(&WRITTEN);
    let asks_what = words.iter().any(|w| super::question::is_question_word(w) && !WHO.contains(&w.as_str()));
    let reported = has(&SOURCE_VERBS) && (has(&WHO) || !asks_what);
    let about = if has(&QUOTE_WORDS) || where_written {
        AboutAnswer::Quote
    } else if has(&SOURCE_NOUNS) || reported {
        AboutAnswer::Source
    } else if has(&MORE_WORDS) {
        AboutAnswer::More
    } else {
        return None;
    };
    let cue = |w: &str| {
        [&SOURCE_NOUNS[..], &SOURCE_VERBS, &WHO, &QUOTE_WORDS, &WRITTEN, &MORE_WORDS, &FILLER]
            .iter()
            .any(|l| l.contains(&w))
    };
    words.iter().all(|w| cue(w) || is_referring(w) || is_stopword(w)).then_some(about)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        super::super::normalize::words(text)
    }

    fn about(text: &str) -> Option<AboutAnswer> {
        let stop = ["the", "does", "did", "is", "to", "tell", "me", "anything", "об", "а", "это", "please"];
        about_answer(&words(text), |w| stop.contains(&w))
    }

    #[test]
    fn questions_about_the_last_answer_are_told_apart() {
        assert_eq!(about("source?"), Some(AboutAnswer::Source));
        assert_eq!(about("who reported that?"), Some(AboutAnswer::Source));
        assert_eq!(about("кто об этом сообщил?"), Some(AboutAnswer::Source));
        assert_eq!(about("откуда это?"), Some(AboutAnswer::Source));
        assert_eq!(about("who said that?"), Some(AboutAnswer::Source));
        assert_eq!(about("where does it say that?"), Some(AboutAnswer::Quote));
        assert_eq!(about("where does the article say that?"), Some(AboutAnswer::Quote));
        assert_eq!(about("quote please"), Some(AboutAnswer::Quote));
        assert_eq!(about("где это написано?"), Some(AboutAnswer::Quote));
        assert_eq!(about("tell me more"), Some(AboutAnswer::More));
        assert_eq!(about("anything else?"), Some(AboutAnswer::More));
        assert_eq!(about("а подробнее?"), Some(AboutAnswer::More));
        assert_eq!(about("which news agency is it attributed to?"), Some(AboutAnswer::Source));
        assert_eq!(about("какое агентство об этом сообщило?"), Some(AboutAnswer::Source));
        assert_eq!(about("which agency reported the lines?"), None, "a subject of its own");
    }

    #[test]
    fn a_question_with_a_subject_of_its_own_is_not_about_the_last_answer() {
        assert_eq!(about("what did he say?"), None, "a statement, not a source");
        assert_eq!(about("what did he report?"), None, "what was reported, not who");
        assert_eq!(about("reported by whom?"), Some(AboutAnswer::Source));
        assert_eq!(about("who reported the exodus?"), None);
        assert_eq!(about("tell me more about Belarus"), None);
        assert_eq!(about("where did he take it"), None);
        assert_eq!(about("thanks!"), None);
    }

    #[test]
    fn pronouns_and_openers_point_back() {
        assert!(is_personal("he") && is_personal("его") && !is_personal("they"));
        assert!(is_referring("they") && is_referring("там") && is_referring("she"));
        assert!(!is_referring("governor"));
        assert!(opens_ellipsis(&words("what about Georgia?")));
        assert!(opens_ellipsis(&words("а финляндия?")));
        assert!(opens_ellipsis(&words("and kazakhstan")));
        assert!(!opens_ellipsis(&words("what about")), "an opener needs a rest");
        assert!(!opens_ellipsis(&words("what did Putin order?")));
    }
}
