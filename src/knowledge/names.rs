//! Words and names in knowledge texts, for the claims and attribution checks.
//!
//! A text becomes [`Token`]s (words and numbers, each with its byte range, its stem and
//! whether it opens a sentence); [`Names`] finds the lexicon's entities among them, by
//! stem, so "Финляндией", "Finland" and "Finnish" all name the one thing the lexicon
//! lists them under.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use super::model::{Entity, Lexicon};
use crate::lang::is_cyrillic;

/// A word or a number of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Bytes of the text it was read from.
    pub range: Range<usize>,
    /// Lowercase, with "ё" read as "е".
    pub lower: String,
    /// The Snowball stem of `lower` (Russian for Cyrillic words, English otherwise);
    /// for a number, its value written plainly ("300000", "1.5").
    pub stem: String,
    pub number: bool,
    /// Written with a capital first letter.
    pub capital: bool,
    /// Opens a sentence, a quotation or a heading: its capital says nothing.
    pub initial: bool,
    pub cyrillic: bool,
    /// A full stop follows at once ("Sept.", "сент.").
    pub dot_after: bool,
}

/// Characters between two words that make the next one open a sentence.
const OPENERS: [char; 12] = ['.', '!', '?', ':', '…', '«', '“', '„', '"', '(', '•', '\n'];
/// Separators that group thousands: "300,000", "300 000" (also with a no-break or
/// thin space, as typeset Russian does).
const THOUSANDS: [char; 5] = [',', ' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// The stemmers of both languages.
pub struct Stemmers {
    en: Stemmer,
    ru: Stemmer,
}

/// Stems kept at most before they are forgotten: a bot reads any words people write.
const MAX_SEEN: usize = 50_000;

thread_local! {
    /// The stems found so far on this thread, for every [`Stemmers`]: the knowledge's
    /// texts use a few thousand distinct words over and over (stemming each again was
    /// most of `check`'s time), and a question's figures and dates are read with
    /// stemmers made for the occasion, several times a question.
    static SEEN: RefCell<FxHashMap<String, String>> = RefCell::default();
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers { en: Stemmer::create(Algorithm::English), ru: Stemmer::create(Algorithm::Russian) }
    }
}

impl Stemmers {
    pub fn stem(&self, lower: &str) -> String {
        if let Some(stem) = SEEN.with_borrow(|seen| seen.get(lower).cloned()) {
            return stem;
        }
        let stem = if lower.chars().any(is_cyrillic) {
            self.ru.stem(lower).into_owned()
        } else {
            self.en.stem(lower).into_owned()
        };
        SEEN.with_borrow_mut(|seen| {
            if seen.len() >= MAX_SEEN {
                seen.clear();
            }
            seen.insert(lower.to_string(), stem.clone());
        });
        stem
    }

    /// Splits a text into words and numbers.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out: Vec<Token> = Vec::new();
        let mut k = 0;
        let mut last_end = 0;
        while k < chars.len() {
            let (at, c) = chars[k];
            let (end_k, number) = if c.is_ascii_digit() {
                let (end_k, value) = read_number(&chars, k);
                (end_k, Some(value))
            } else if c.is_alphabetic() {
                let mut e = k;
                while e < chars.len() && chars[e].1.is_alphabetic() {
                    e += 1;
                }
                (e, None)
            } else {
                k += 1;
                continue;
            };
            let end = chars.get(end_k).map_or(text.len(), |&(i, _)| i);
            let between = &text[last_end..at];
            let word = &text[at..end];
            let after_apostrophe = between.ends_with(['’', '\'']) && !out.is_empty() && between.len() <= 3;
            let skip = match &number {
                // "Putin’s", "don’t": the tail after an apostrophe is not a word.
                None => after_apostrophe && word.chars().count() <= 2,
                Some(_) => false,
            };
            if !skip {
                let lower: String = word.to_lowercase().replace('ё', "е");
                let stem = match &number {
                    Some(value) => value.clone(),
                    None => self.stem(&lower),
                };
                out.push(Token {
                    range: at..end,
                    cyrillic: lower.chars().any(is_cyrillic),
                    capital: number.is_none() && c.is_uppercase(),
                    initial: out.is_empty() || between.contains(OPENERS),
                    dot_after: text[end..].starts_with('.'),
                    number: number.is_some(),
                    lower,
                    stem,
                });
            }
            last_end = end;
            k = end_k;
        }
        out
    }
}

/// Reads a number from `chars[k]` on: digits, thousands groups, a decimal part, and an
/// ordinal ending ("22nd", "22-го"), which is dropped. Returns where it ends and its
/// value written plainly.
fn read_number(chars: &[(usize, char)], k: usize) -> (usize, String) {
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.1.is_ascii_digit());
    let mut e = k;
    let mut int = String::new();
    while digit(e) {
        int.push(chars[e].1);
        e += 1;
    }
    let three_digits = |i: usize| digit(i) && digit(i + 1) && digit(i + 2) && !digit(i + 3);
    while int.len() <= 9 && chars.get(e).is_some_and(|c| THOUSANDS.contains(&c.1)) && three_digits(e + 1) {
        (1..=3).for_each(|d| int.push(chars[e + d].1));
        e += 4;
    }
    let mut frac = String::new();
    if chars.get(e).is_some_and(|c| c.1 == '.' || c.1 == ',') && digit(e + 1) {
        e += 1;
        while digit(e) {
            frac.push(chars[e].1);
            e += 1;
        }
    }
    let letters =
        |from: usize| (from..).take_while(|&i| chars.get(i).is_some_and(|c| c.1.is_alphabetic())).count();
    let tail: String = chars[e..].iter().take(2).map(|c| c.1.to_ascii_lowercase()).collect();
    if frac.is_empty() && ["st", "nd", "rd", "th"].contains(&tail.as_str()) && letters(e) == 2 {
        e += 2;
    } else if chars.get(e).is_some_and(|c| c.1 == '-')
        && chars.get(e + 1).is_some_and(|c| is_cyrillic(c.1))
        && letters(e + 1) <= 3
    {
        e += 1 + letters(e + 1);
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    (e, if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") })
}

/// One named thing of the lexicon.
struct Member {
    /// How messages name it: its first name in the lexicon.
    name: String,
    /// Each of its names as a sequence of words.
    forms: Vec<Vec<Token>>,
}

/// The longest case ending a Russian name takes ("-ами", "-ого").
const MAX_ENDING: usize = 3;
/// Shorter stems are too common to tell a name by ("груз").
const MIN_RUSSIAN_STEM: usize = 4;

/// Whether a text's word is a form of a name's word. Snowball gives proper names
/// uneven stems ("Беларусь" / "Беларуси", "Казахстан" / "Казахстаном"), so a
/// Russian word also fits when the two differ only in a short case ending.
fn fits(word: &Token, name: &Token) -> bool {
    if word.stem == name.stem {
        return true;
    }
    if !(word.cyrillic && name.cyrillic) {
        return false;
    }
    let common = word.lower.chars().zip(name.lower.chars()).take_while(|(x, y)| x == y).count();
    let ending = |t: &Token| t.lower.chars().count() - common;
    common >= MIN_RUSSIAN_STEM && ending(word) <= MAX_ENDING && ending(name) <= MAX_ENDING
}

/// The lexicon's entities (groups and `known`), ready to be found in texts.
pub struct Names {
    stemmers: Stemmers,
    members: Vec<Member>,
    /// (member, form) by the first letter of the form's first word: a word can only
    /// fit a name that starts with its letter.
    by_letter: HashMap<char, Vec<(usize, usize)>>,
}

impl Names {
    pub fn new(lexicon: &Lexicon) -> Names {
        let stemmers = Stemmers::default();
        let all: Vec<&Entity> = lexicon.entities.iter().flatten().chain(&lexicon.known).collect();
        let members = all
            .into_iter()
            .map(|names| Member {
                name: names.first().cloned().unwrap_or_default(),
                forms: names.iter().map(|n| stemmers.tokens(n)).filter(|f| !f.is_empty()).collect(),
            })
            .collect::<Vec<Member>>();
        let mut by_letter: HashMap<char, Vec<(usize, usize)>> = HashMap::new();
        for (m, member) in members.iter().enumerate() {
            for (f, form) in member.forms.iter().enumerate() {
                if let Some(letter) = form[0].lower.chars().next() {
                    by_letter.entry(letter).or_default().push((m, f));
                }
            }
        }
        Names { stemmers, members, by_letter }
    }

    pub fn tokens(&self, text: &str) -> Vec<Token> {
        self.stemmers.tokens(text)
    }

    /// The first name the lexicon gives a member.
    pub fn name(&self, member: usize) -> &str {
        &self.members[member].name
    }

    /// The entities named in `tokens`, longest name first, as (token range, member);
    /// tokens marked in `taken` are skipped, and the ones found are marked.
    pub fn find(&self, tokens: &[Token], taken: &mut [bool]) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let letter = tokens[i].lower.chars().next().unwrap_or(' ');
            let best = self
                .by_letter
                .get(&letter)
                .into_iter()
                .flatten()
                .map(|&(m, f)| (m, &self.members[m].forms[f]))
                .filter(|(_, form)| {
                    i + form.len() <= tokens.len()
                        && form
                            .iter()
                            .enumerate()
                            .all(|(j, name)| !taken[i + j] && fits(&tokens[i + j], name))
                })
                .max_by_key(|(_, form)| form.len());
            match best {
                Some((m, form)) => {
                    taken[i..i + form.len()].iter_mut().for_each(|t| *t = true);
                    out.push((i..i + form.len(), m));
                    i += form.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(known: &[&[&str]]) -> Lexicon {
        Lexicon {
            known: known.iter().map(|m| m.iter().map(|n| n.to_string()).collect()).collect(),
            ..Lexicon::default()
        }
    }

    #[test]
    fn numbers_read_across_formats() {
        let s = Stemmers::default();
        let values = |t: &str| -> Vec<String> {
            s.tokens(t).into_iter().filter(|t| t.number).map(|t| t.stem).collect()
        };
        assert_eq!(values("as many as 300,000 could"), ["300000"]);
        assert_eq!(values("до 300 000 человек"), ["300000"]);
        assert_eq!(values("до 300\u{a0}000 человек и 1,5 часа"), ["300000", "1.5"]);
        assert_eq!(values("on Sept. 22, 2022"), ["22", "2022"]);
        assert_eq!(values("the 22nd and 22-го"), ["22", "22"]);
    }

    #[test]
    fn words_know_their_capital_and_sentence_start() {
        let s = Stemmers::default();
        let tokens = s.tokens("Putin’s order. Then «Финляндия» and Finland");
        let shown: Vec<(&str, bool, bool)> =
            tokens.iter().map(|t| (t.lower.as_str(), t.capital, t.initial)).collect();
        assert_eq!(
            shown,
            [
                ("putin", true, true),
                ("order", false, false),
                ("then", true, true),
                ("финляндия", true, true),
                ("and", false, false),
                ("finland", true, false)
            ]
        );
    }

    #[test]
    fn names_match_by_stem_across_languages_longest_first() {
        let names = Names::new(&lexicon(&[
            &["Finland", "Finnish", "Финляндия", "финский"],
            &["White House", "Белый дом"],
            &["House"],
        ]));
        let found = |text: &str| -> Vec<&str> {
            let tokens = names.tokens(text);
            let mut taken = vec![false; tokens.len()];
            names.find(&tokens, &mut taken).into_iter().map(|(_, m)| names.name(m)).collect()
        };
        assert_eq!(found("границе с Финляндией и финской"), ["Finland", "Finland"]);
        assert_eq!(found("the White House and a house"), ["White House", "House"]);
        assert_eq!(found("оценка Белого дома"), ["White House"]);
        assert_eq!(found("с Финляндии, с финнами"), ["Finland"], "a short ending only");
        assert!(found("nothing named").is_empty());
    }
}
