//! Dates a question states: one the article and its dateline never state ("since it
//! was announced back in March", "what happened in Buryatia in 2023?") is a premise no
//! answer holds, and so is a time after the story's year ("after 2022"). A question is
//! read for dates only when a word may name a month, a weekday or a year: reading them
//! stems every word.

use super::Premises;
use crate::knowledge::Story;
use crate::knowledge::claims::{self, Claim, Date};
use crate::knowledge::names::Stemmers;
use crate::matcher::analyze::Analysis;

/// How every month and weekday name begins, in English and Russian: a question is read
/// for dates only when a word does (reading them stems every word).
pub(super) const DATE_WORD_STARTS: [&str; 39] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed",
    "thu", "fri", "sat", "sun", "янв", "фев", "мар", "апр", "мая", "май", "июн", "июл", "авг", "сен", "окт",
    "ноя", "дек", "пон", "вто", "сре", "чет", "пят", "суб", "вос",
];

/// [`DATE_WORD_STARTS`] as [`packed`] keys: every word of a question is tested, and a
/// key is one comparison where a string is a call.
const DATE_KEYS: [u64; DATE_WORD_STARTS.len()] = {
    let mut keys = [0; DATE_WORD_STARTS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = packed(DATE_WORD_STARTS[i].as_bytes());
        i += 1;
    }
    keys
};

impl Premises {
    /// Whether `question` states a calendar date, a weekday (not one told from now:
    /// "next week") or a year that neither the article nor its dateline states, or asks
    /// about the time after a year it states.
    pub(super) fn states_another_date(&self, story: &Story, question: &str, analysis: &Analysis) -> bool {
        let names_a_year = analysis.words.iter().any(|w| year_of(w).is_some());
        if !names_a_year && !analysis.words.iter().any(|w| may_name_a_date(w)) {
            return false;
        }
        let backed = |date: Date| self.stated(story).article.backs(&Claim::Date(date));
        let stemmers = Stemmers::default();
        asking_sentences(question).any(|sentence| {
            let another_year = names_a_year
                && years_asked(sentence)
                    .any(|(year, after)| after || !backed(Date { year: Some(year), ..Date::default() }));
            another_year
                || claims::dates_in(sentence, &stemmers).into_iter().any(|date| {
                    let absolute = date.relative.is_none()
                        && (date.month.is_some() || date.day.is_some() || date.weekday.is_some());
                    absolute && !backed(date)
                })
        })
    }
}

/// Words before a year that make a four-digit number a time ("in 2023", "после 2022"),
/// not a count ("2000 men"); `true` for those that ask about the time after it.
const BEFORE_A_YEAR: [(&str, bool); 20] = [
    ("in", false),
    ("of", false),
    ("since", true),
    ("after", true),
    ("before", false),
    ("by", false),
    ("until", false),
    ("during", false),
    ("from", false),
    ("early", false),
    ("late", false),
    ("в", false),
    ("во", false),
    ("с", true),
    ("со", true),
    ("после", true),
    ("до", false),
    ("к", false),
    ("от", false),
    ("начале", false),
];

/// The years `sentence` names as a time, each with whether it asks about the time after
/// it: a year of 1900-2099 after a word of [`BEFORE_A_YEAR`] or before "year" / "год".
pub(super) fn years_asked(sentence: &str) -> impl Iterator<Item = (u16, bool)> + '_ {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let found: Vec<(u16, bool)> = words
        .iter()
        .enumerate()
        .filter_map(|(i, word)| {
            let year = year_of(word)?;
            let before = i.checked_sub(1).map(|j| words[j].as_str());
            let marked = BEFORE_A_YEAR.iter().find(|(w, _)| Some(*w) == before);
            let year_word = words.get(i + 1).is_some_and(|w| w.starts_with("year") || w.starts_with("год"));
            match marked {
                Some(&(_, after)) => Some((year, after)),
                None => year_word.then_some((year, false)),
            }
        })
        .collect();
    found.into_iter()
}

/// `word` as a year of 1900-2099, if it is one.
fn year_of(word: &str) -> Option<u16> {
    let year: u16 =
        (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok())??;
    (1900..2100).contains(&year).then_some(year)
}

/// The sentences of `text` that ask (end in "?"), or all of it when none does: "We're
/// driving to Finland on Monday. What does the article say about the border?" states
/// the reader's plans, not the story's. A sentence ends at ".", "!" or "?" before a
/// space and a letter ("Sept. 22" goes on).
pub(super) fn asking_sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let next = text[at + c.len_utf8()..].trim_start().chars().next();
        let spaced = text[at + c.len_utf8()..].starts_with(char::is_whitespace);
        if c == '?' || (matches!(c, '.' | '!') && spaced && next.is_some_and(char::is_alphabetic)) {
            sentences.push(&text[start..at + c.len_utf8()]);
            start = at + c.len_utf8();
        }
    }
    sentences.push(&text[start..]);
    let asking = sentences.iter().any(|s| s.ends_with('?'));
    sentences.into_iter().filter(move |s| !asking || s.ends_with('?'))
}

/// Whether `word` begins as a month or a weekday name does: its first three characters
/// are one of [`DATE_WORD_STARTS`].
pub(super) fn may_name_a_date(word: &str) -> bool {
    let end = word.char_indices().nth(3).map_or(word.len(), |(at, _)| at);
    let start = &word.as_bytes()[..end];
    start.len() < 8 && DATE_KEYS.contains(&packed(start))
}

/// Up to 7 bytes and their count as one number (distinct texts, distinct numbers).
const fn packed(bytes: &[u8]) -> u64 {
    let mut key = bytes.len() as u64;
    let mut i = 0;
    while i < bytes.len() && i < 7 {
        key = key << 8 | bytes[i] as u64;
        i += 1;
    }
    key
}
