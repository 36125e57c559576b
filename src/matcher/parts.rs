//! A message → the questions in it. "Who wrote this and when was it published?" asks
//! two things; "My cousin lives in Moscow. … Is that how it's working?" is context
//! and then a question. Matching each part on its own lets a two-part question get
//! both answers and a long message be judged by its question, not its preamble.
//! Language-generic (English and Russian), never story-specific.

use super::normalize;
use super::question::is_question_word;

/// Parts matched on their own, at most: the last ones, where questions usually are.
pub const MAX_PARTS: usize = 4;
/// Characters of a message split into parts; the matcher reads no further either.
const MAX_CHARS: usize = super::normalize::MAX_CHARS;

/// Words that join two questions: "… and when was it published?".
const JOINERS: [&str; 9] = ["and", "also", "plus", "but", "then", "и", "а", "также", "ещё"];

/// Russian correlatives that a comma and a question word continue as a relative clause
/// ("тех, кто бежит" is "those who flee", "там, где" is "where"): no new question.
const CORRELATIVES: [&str; 22] = [
    "тот",
    "та",
    "то",
    "те",
    "тех",
    "тем",
    "теми",
    "того",
    "тому",
    "той",
    "том",
    "там",
    "туда",
    "оттуда",
    "тогда",
    "так",
    "столько",
    "такой",
    "такие",
    "таких",
    "все",
    "всех",
];

/// Words that can open a question after a joiner ("and did…", "and is…").
pub(super) const OPENERS: [&str; 24] = [
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "has",
    "have",
    "had",
    "whats",
    "whos",
    "hows",
    "wheres",
    "ли",
    "был",
    "была",
    "были",
    "есть",
    "правда",
];

/// A clause before a comma of more words than this that asks nothing itself is a
/// phrase of the question after it: it says which things are asked about ("перечисли
/// все европейские страны, куда бегут россияне", "according to the Axios article, how
/// many hours…"), so the two are one question. A shorter one is an interjection or an
/// address ("ok, how many…", "народ, что…"), and the question after it stands alone.
const MAX_INTERJECTION_WORDS: usize = 2;

/// Quote marks that close a quoted sentence after its full stop.
const CLOSING_QUOTES: [char; 4] = ['"', '”', '»', '\''];

/// Short words a full stop follows without ending a sentence ("St. Petersburg").
const ABBREVIATIONS: [&str; 12] =
    ["st", "mr", "mrs", "ms", "dr", "gov", "sept", "sep", "jan", "feb", "aug", "vs"];

/// The parts of `text` that may be questions of their own, in order; empty when the
/// message is one question.
pub fn split(text: &str) -> Vec<&str> {
    split_keeping(text, &|_| false)
}

/// [`split`], keeping with the question after it a phrase before a comma that
/// restricts it with a word `unknown` says the knowledge never uses ("перечисли все
/// *европейские* страны, куда бегут россияне"): matched alone, the question would be
/// answered without the restriction.
pub fn split_keeping<'a>(text: &'a str, unknown: &dyn Fn(&str) -> bool) -> Vec<&'a str> {
    let text = match text.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let mut parts: Vec<&str> = Vec::new();
    for sentence in sentences(text) {
        parts.extend(clauses(sentence, unknown));
    }
    parts.retain(|p| p.chars().any(char::is_alphanumeric));
    if parts.len() < 2 {
        return Vec::new();
    }
    let skip = parts.len().saturating_sub(MAX_PARTS);
    parts.drain(..skip);
    parts
}

/// Splits at ? ! ; line breaks, dashes between words, and full stops that end a
/// sentence.
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    // Every ending is one of a few bytes ('…', '—' and '–' all open with 0xE2, a byte
    // that only ever opens a character): the text is searched for them, not decoded.
    while let Some(found) = text.as_bytes()[from..].iter().position(|&b| ENDING_BYTES.contains(&b)) {
        let i = from + found;
        let c = text[i..].chars().next().expect("an ending byte starts a character");
        from = i + c.len_utf8();
        let ends = match c {
            '?' | '!' | ';' | '\n' | '…' => true,
            // A dash ends a sentence only before a new question: in Russian it also
            // stands for "is" ("Беларусь — союзник России?").
            '—' | '–' => starts_question(&text[from..]),
            // A quoted sentence ends inside its quote marks ("… border." Please …).
            '.' => {
                text[from..].chars().next().is_none_or(|n| n.is_whitespace() || CLOSING_QUOTES.contains(&n))
                    && !after_abbreviation(&text[start..i])
            }
            _ => false,
        };
        if ends {
            out.push(text[start..from].trim());
            start = from;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// The first bytes of the characters that may end a sentence ([`sentences`]).
const ENDING_BYTES: [u8; 6] = [b'?', b'!', b';', b'\n', b'.', 0xE2];

/// Words that open a request ("tell me how long…", "list all…"): a question without a
/// question mark.
const REQUESTS: [&str; 20] = [
    "list",
    "name",
    "enumerate",
    "перечисли",
    "перечислите",
    "назови",
    "назовите",
    "tell",
    "explain",
    "describe",
    "show",
    "give",
    "say",
    "расскажи",
    "расскажите",
    "скажи",
    "скажите",
    "объясни",
    "подскажите",
    "покажи",
];

/// Stems of words that only say what kind of answer is wanted ("need a number pls",
/// "exact figure?", "нужна цифра"): a part made of them asks about the rest of the
/// message, as "… and when?" does.
const KIND_STEMS: [&str; 14] = [
    "number",
    "figur",
    "date",
    "exact",
    "ballpark",
    "estim",
    "approxim",
    "dat",
    "цифр",
    "числ",
    "точн",
    "примерн",
    "нужн",
    "дат",
];

/// Whether a part's terms only ask for a kind of answer: at least one kind word, and
/// otherwise question words and words `known` says the knowledge never uses.
pub fn asks_only_for_a_kind(terms: &[String], question_mark: char, known: impl Fn(&str) -> bool) -> bool {
    let kind = |t: &str| KIND_STEMS.contains(&t);
    terms.iter().any(|t| kind(t))
        && terms.iter().all(|t| t.starts_with(question_mark) || kind(t) || !known(t))
}

/// Whether a part only sets the scene ("I'm worried about how long we'd wait."): it
/// has no question mark and opens with neither a question word nor a request.
pub fn is_context(part: &str) -> bool {
    let mut letters = String::new();
    let words = word_spans(part, &mut letters);
    let mut words = words.iter().map(|&(_, w)| w).skip_while(|w| JOINERS.contains(w));
    let opens =
        words.next().is_some_and(|w| is_question_word(w) || OPENERS.contains(&w) || REQUESTS.contains(&w));
    !part.contains('?') && !opens
}

/// Whether `text` opens with a question word or a word that opens a question.
fn starts_question(text: &str) -> bool {
    let mut letters = String::new();
    word_spans(text, &mut letters).first().is_some_and(|&(_, w)| is_question_word(w) || OPENERS.contains(&w))
}

/// "… St" or "… U.S" or a lone initial: the full stop after it is not an ending.
fn after_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_ascii() {
        // Most words: lowercasing changes neither their length nor their full stops.
        return word.len() <= 1
            || word.contains('.')
            || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    let word = word.to_lowercase();
    word.chars().count() <= 1 || word.contains('.') || ABBREVIATIONS.contains(&word.as_str())
}

/// Splits a sentence where a joiner starts a new question: "who wrote it and when was
/// it published" → "who wrote it", "and when was it published".
fn clauses<'a>(sentence: &'a str, unknown: &dyn Fn(&str) -> bool) -> Vec<&'a str> {
    let mut letters = String::new();
    let words = word_spans(sentence, &mut letters);
    let mut out = Vec::new();
    let mut start = 0;
    // The index of the clause's first word.
    let mut first = 0;
    for (k, pair) in words.windows(2).enumerate() {
        let ((at, joiner), (_, next)) = (&pair[0], &pair[1]);
        let after_comma = sentence[..*at].trim_end().ends_with(',');
        let relative = k > 0 && CORRELATIVES.contains(&words[k - 1].1);
        // After a comma "что" is "that" ("правда, что…"), not a new question; nor is a
        // question word after a correlative ("тех, кто…") or after a phrase that only
        // says what the question is about.
        let joins = JOINERS.contains(joiner)
            || (after_comma
                && is_question_word(joiner)
                && *joiner != "что"
                && !relative
                && !restricts(&words[first..k], &sentence[..*at], unknown));
        // "…, but that's an order, …" contrasts a statement with what came before; a
        // question after "but" opens with a question word ("…, but when did it start?").
        let opens = is_question_word(next) || OPENERS.contains(next) || (after_comma && *joiner != "but");
        if joins && opens && *at > start {
            out.push(sentence[start..*at].trim());
            start = *at;
            first = k;
        }
    }
    out.push(sentence[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Whether a clause before a comma (`before` ends with it) restricts the question after it:
/// longer than an interjection, asking nothing itself (no question word, no opener),
/// and, beyond a request word that opens it, with a word the knowledge never uses.
fn restricts(clause: &[(usize, &str)], before: &str, unknown: &dyn Fn(&str) -> bool) -> bool {
    let asks = clause.iter().any(|(_, w)| is_question_word(w))
        || clause.first().is_some_and(|(_, w)| OPENERS.contains(w));
    let Some(first) = clause.first() else { return false };
    let from = match clause.get(1) {
        Some((at, _)) if REQUESTS.contains(&first.1) => *at,
        _ => first.0,
    };
    !asks && clause.len() > MAX_INTERJECTION_WORDS && unknown(&before[from..])
}

/// Words that lead into a phrase before a question ("so in that article, …", "ну, по
/// данным статьи, …", "now, per the article, …" after an injected line).
const LEADS: [&str; 16] = [
    "so",
    "ok",
    "okay",
    "well",
    "and",
    "but",
    "now",
    "then",
    "wait",
    "anyway",
    "ну",
    "так",
    "и",
    "а",
    "теперь",
    "ладно",
];

/// Prepositions that open a phrase saying where or by whom something is said ("in that
/// Axios article about the exodus, …", "according to the article, …", "per the caption,
/// …", "в той статье, …", "по данным статьи, …").
const SOURCE_PREPOSITIONS: [&str; 11] =
    ["in", "according", "per", "from", "within", "в", "во", "по", "согласно", "из", "судя"];

/// Starts of words that name the text being asked about, in any story ("article",
/// "статье", "caption"): "according to *Putin*" says whose words are asked about, and
/// is a question's subject; "according to the *article*" is not.
pub(super) const TEXT_WORDS: [&str; 14] = [
    "article",
    "story",
    "piece",
    "text",
    "caption",
    "report",
    "coverage",
    "стат",
    "текст",
    "заметк",
    "подпис",
    "материал",
    "публикац",
    "новост",
];

/// Whether a part only says where the question after it is asked about: a phrase before
/// a comma that opens (after a lead word) with a preposition of [`SOURCE_PREPOSITIONS`],
/// names the text ([`TEXT_WORDS`]) and asks nothing. Matched alone, it would be
/// answered about the article itself ("in that Axios article about men leaving
/// Russia," is the story's headline), so it is not a question of its own; the question
/// after it still is.
pub fn only_says_where(part: &str) -> bool {
    if !part.trim_end().ends_with(',') {
        return false;
    }
    let mut letters = String::new();
    let words = word_spans(part, &mut letters);
    let mut words = words.iter().map(|&(_, w)| w).skip_while(|w| LEADS.contains(w)).peekable();
    let opens = words.next_if(|w| SOURCE_PREPOSITIONS.contains(w)).is_some();
    let rest: Vec<&str> = words.collect();
    opens
        && !rest.iter().any(|w| is_question_word(w))
        && rest.iter().any(|w| TEXT_WORDS.iter().any(|t| w.starts_with(t)))
}

/// Each word's byte offset and its lowercase letters (apostrophes dropped, so "what's"
/// reads "whats"), the letters of all of them written one after another in `letters`:
/// two allocations a sentence rather than one a word.
fn word_spans<'b>(sentence: &str, letters: &'b mut String) -> Vec<(usize, &'b str)> {
    letters.clear();
    letters.reserve(sentence.len());
    // (offset, start and end in `letters`); the same size as what is returned, so the
    // allocation is reused by the collect below.
    let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
    let mut offset = 0;
    for raw in sentence.split_inclusive(char::is_whitespace) {
        let start = letters.len();
        let plain = raw.trim_end();
        if plain.bytes().all(|b| b.is_ascii_alphanumeric()) {
            // Most words: letters and digits only, copied whole and lowercased in place.
            letters.push_str(plain);
            letters[start..].make_ascii_lowercase();
        } else if raw.is_ascii() {
            // Their letters and digits, lowercased byte by byte.
            let bytes = raw.bytes().filter(u8::is_ascii_alphanumeric);
            letters.extend(bytes.map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            for c in raw.chars().filter(|&c| normalize::is_word_char(c)) {
                normalize::push_lowercase(letters, c);
            }
        }
        if letters.len() > start {
            ranges.push((offset, start, letters.len()));
        }
        offset += raw.len();
    }
    let letters: &'b str = letters;
    ranges.into_iter().map(|(at, start, end)| (at, &letters[start..end])).collect()
}

mod cites;
pub mod refer;

pub use cites::{only_cites_the_article, only_names_the_article};

#[cfg(test)]
mod tests;
