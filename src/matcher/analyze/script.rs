//! Words typed in the other script: Russian written in Latin letters ("chto govorjat
//! analitiki", "skolko ljudej uehalo") and either language typed with the other's
//! keyboard layout ("crjkmrj" for "сколько", "рщц ьфтн" for "how many").
//!
//! Only a word that typo correction would try (unknown to the knowledge, no English
//! word) is looked at while a question is analysed, so an ordinary word costs nothing;
//! when one reads as a known word of the other script, the matcher reads the message
//! again with [`Analyzer::reread_script`]. A word is rewritten only when it is unknown as
//! typed and known once rewritten: a real English word or a name the knowledge uses
//! ("Georgia", "Putin") stays, and so does a name it does not ("Lars" reads as nothing).
//!
//! No crate fits: transliteration crates romanize (Cyrillic → Latin); reading chat
//! Latin back as Russian needs several schemes at once (ya/ja, ch, zh, kh, ts...),
//! which the small table below holds.

use std::ops::Range;

use super::Analyzer;
use crate::matcher::question::is_question_word;

/// Readings of one transliterated word tried: as typed, "e" read as "э" at the start
/// ("eto"), "sh" read as "щ" ("soobshil"), and a soft sign the writer left out
/// ("skolko" → "сколько"). Each costs a
/// stem and a lookup, for unknown words only.
const MAX_READINGS: usize = 8;
/// Words read as transliterated Russian that make a message Russian: then its short
/// function words are read as Russian too ("i", "v", "na", "kak"), though "i" and "on"
/// are English words as well.
const RUSSIAN_RUN: usize = 2;

/// The two layouts' keys, in the same order: QWERTY and ЙЦУКЕН.
const EN_KEYS: &str = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const RU_KEYS: &str = "йцукенгшщзхъфывапролджэячсмитьбюё";

/// Chat transliteration, longest first: several schemes at once (ISO-like, passport,
/// and what people type: "ja"/"ya", "ju"/"yu", "kh"/"h", "shch"/"sch").
const DIGRAPHS: [(&str, char); 15] = [
    ("shch", 'щ'),
    ("sch", 'щ'),
    ("zh", 'ж'),
    ("kh", 'х'),
    ("ch", 'ч'),
    ("sh", 'ш'),
    ("ck", 'к'),
    ("ja", 'я'),
    ("ju", 'ю'),
    ("jo", 'е'),
    ("je", 'е'),
    ("ya", 'я'),
    ("yu", 'ю'),
    ("yo", 'е'),
    ("ye", 'е'),
];

/// Consonants after which Russian often writes a soft sign that chat Latin leaves out.
const SOFTENED: &str = "лнтдсзрмвпб";

impl Analyzer {
    /// Whether an unknown `word` (normalized) reads as a known word of the other script.
    pub(super) fn reads_in_other_script(&self, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            self.layout_to_russian(word).is_some() || self.transliterated(word).is_some()
        } else {
            self.layout_to_english(word).is_some()
        }
    }

    /// `text` with every word typed in the other script written as meant, or `None`
    /// when no word is.
    pub fn reread_script(&self, text: &str) -> Option<String> {
        // Hyphens part words too: "kto-nibud" is two.
        let mut tokens: Vec<Token> =
            text.split_inclusive(|c: char| c.is_whitespace() || c == '-').map(Token::new).collect();
        let (mut translit, mut layout, mut english) = (0, 0, 0);
        for token in &mut tokens {
            let word = token.word();
            let latin = word.as_ref().is_none_or(|w| w.bytes().all(|b| b.is_ascii_lowercase()));
            match word {
                // Short words are read only with the rest of the message (below), unless
                // punctuation keys make them longer (",tp" is "без").
                Some(word) if word.chars().count() < 3 && token.keys() == token.letters() => continue,
                Some(word) if self.knows(&word, latin) => {
                    english += usize::from(latin && !self.stopwords.contains(&word));
                    continue;
                }
                Some(word) if !latin => {
                    token.read = self.layout_to_english(&word).map(|read| (token.letters(), read));
                    layout += usize::from(token.read.is_some());
                }
                _ => {
                    // The punctuation keys at the end are letters or the message's own.
                    let layout_read = [token.keys(), token.letters()]
                        .into_iter()
                        .find_map(|keys| Some((keys.clone(), self.layout_to_russian(&token.raw[keys])?)));
                    if let Some(read) = layout_read {
                        token.read = Some(read);
                        layout += 1;
                    } else if let Some(w) = word
                        && let Some(read) = self.transliterated(&w)
                    {
                        // A word that is also a typo of a known Latin word ("polise") is
                        // Russian only in a message read as Russian (below).
                        match self.corrections(&w).is_empty() {
                            true => token.read = Some((token.letters(), read)),
                            false => token.doubtful = Some(read),
                        }
                        translit += 1;
                    }
                }
            }
        }
        if translit + layout == 0 {
            return None;
        }
        // A message read as Russian: its other Latin words are Russian too ("privet",
        // and "i", "v", "na", though "i" is English as well), unless the knowledge uses
        // them as they are ("belarus"); a typo correction may then know them.
        let russian = translit >= RUSSIAN_RUN && translit > english;
        // A message typed on the wrong layout: its short words too ("xnj", "иу").
        for token in tokens.iter_mut().filter(|t| t.read.is_none()) {
            let Some(word) = token.word() else { continue };
            let latin = word.bytes().all(|b| b.is_ascii_lowercase());
            let function = |read: &String| self.stopwords.contains(read) || is_question_word(read);
            let read = match () {
                _ if russian && token.doubtful.is_some() => token.doubtful.take(),
                _ if latin && russian && !self.uses_latin(&word) => {
                    self.transliterated(&word).or_else(|| self.russian_unless_filler(&word))
                }
                _ if latin && layout > 0 => layout_map(&word, EN_KEYS, RU_KEYS).filter(function),
                _ if !latin && layout > 0 && !self.knows_russian(&word) => self.layout_to_english(&word),
                _ => None,
            };
            token.read = read.map(|read| (token.letters(), read));
        }
        tokens.iter().any(|t| t.read.is_some()).then(|| tokens.iter().map(Token::text).collect())
    }

    /// A Latin word of a message read as Russian, read letter by letter; a chat
    /// filler that is a stop word as typed ("pls", "lol") stays as it is unless it
    /// reads as a known Russian word ("i", "v"): rewritten it would be a stranger word,
    /// and a stranger word counts against every answer.
    fn russian_unless_filler(&self, word: &str) -> Option<String> {
        let read = transliterate(word)?;
        (!self.stopwords.contains(word) || self.knows_russian(&read)).then_some(read)
    }

    fn knows(&self, word: &str, latin: bool) -> bool {
        if latin { self.knows_latin(word) } else { self.knows_russian(word) }
    }

    /// A Latin word known as typed: an English word, a stop word, or the knowledge's.
    fn knows_latin(&self, word: &str) -> bool {
        self.stopwords.contains(word)
            || is_question_word(word)
            || self.stem_cache.contains_key(word)
            || self.article_words.contains(word)
            || super::is_english_word(word)
            || self.known_stems.contains(self.en.stem(word).as_ref())
    }

    /// A Latin word the knowledge itself uses ("belarus", "axios"), not a stop word.
    fn uses_latin(&self, word: &str) -> bool {
        !self.stopwords.contains(word)
            && (self.stem_cache.contains_key(word) || self.article_words.contains(word))
    }

    /// A Russian word known: a stop word, a question word, or a stem the knowledge has.
    fn knows_russian(&self, word: &str) -> bool {
        self.stopwords.contains(word)
            || is_question_word(word)
            || self.stem_cache.contains_key(word)
            || self.known_stems.contains(self.ru.stem(word).as_ref())
    }

    /// Russian typed on the English layout ("ghbdtn" → "привет"), when known.
    fn layout_to_russian(&self, keys: &str) -> Option<String> {
        let keys: String = keys.chars().map(lowercase).collect();
        layout_map(&keys, EN_KEYS, RU_KEYS)
            .filter(|read| read.chars().count() >= 2 && self.knows_russian(read))
    }

    /// English typed on the Russian layout ("ьфтн" → "many"), when known.
    fn layout_to_english(&self, word: &str) -> Option<String> {
        let read = layout_map(word, RU_KEYS, EN_KEYS)?;
        let letters: String = read.chars().filter(char::is_ascii_alphabetic).collect();
        (letters.len() >= 2 && self.knows_latin(&letters)).then_some(letters)
    }

    /// Russian written in Latin letters, in the first reading that is a known word.
    fn transliterated(&self, word: &str) -> Option<String> {
        let plain: Vec<char> = transliterate(word)?.chars().collect();
        let mut readings = vec![plain.clone()];
        if plain.first() == Some(&'е') {
            readings.push(std::iter::once('э').chain(plain[1..].iter().copied()).collect());
        }
        // Chat Latin writes "sh" for щ as well as for ш ("soobshil", "obshestvo").
        if plain.contains(&'ш') {
            readings.push(plain.iter().map(|&c| if c == 'ш' { 'щ' } else { c }).collect());
        }
        for at in 0..plain.len() {
            let next_is_consonant = plain.get(at + 1).is_none_or(|c| !is_vowel(*c));
            if at > 0 && SOFTENED.contains(plain[at]) && next_is_consonant {
                let mut soft = plain.clone();
                soft.insert(at + 1, 'ь');
                readings.push(soft);
            }
        }
        readings
            .into_iter()
            .take(MAX_READINGS)
            .map(|chars| chars.into_iter().collect::<String>())
            .find(|read| read.chars().count() >= 2 && self.knows_russian(read))
    }
}

/// A word of a message (with the space after it) and what a part of it is read as.
struct Token<'a> {
    raw: &'a str,
    read: Option<(Range<usize>, String)>,
    /// A Russian reading taken only if the message is read as Russian.
    doubtful: Option<String>,
}

impl<'a> Token<'a> {
    fn new(raw: &'a str) -> Token<'a> {
        Token { raw, read: None, doubtful: None }
    }

    /// Where the token's letters are: without the punctuation around them.
    fn letters(&self) -> Range<usize> {
        let start = self.raw.len() - self.raw.trim_start_matches(|c: char| !is_letter(c)).len();
        let end = self.raw.trim_end_matches(|c: char| !is_letter(c)).len();
        start..end.max(start)
    }

    /// The token's letters, lowercased, when they are one word of one script.
    fn word(&self) -> Option<String> {
        let word: String = self.raw[self.letters()].chars().map(lowercase).collect();
        let latin = word.bytes().all(|b| b.is_ascii_lowercase());
        let cyrillic = word.chars().all(|c| matches!(c, 'а'..='я' | 'ё'));
        (!word.is_empty() && (latin || cyrillic)).then_some(word)
    }

    /// Where the keys typed are: the token without the space after it and the marks
    /// that end a question, but with the punctuation keys that are Russian letters
    /// (",tp" is "без", "k.ltq" is "людей").
    fn keys(&self) -> Range<usize> {
        let end = self.raw.trim_end_matches(|c: char| c.is_whitespace() || "?!\")".contains(c)).len();
        let start = self.raw[..end].len() - self.raw[..end].trim_start_matches(['"', '(', '@']).len();
        start..end
    }

    fn text(&self) -> String {
        match &self.read {
            Some((range, read)) => format!("{}{read}{}", &self.raw[..range.start], &self.raw[range.end..]),
            None => self.raw.to_string(),
        }
    }
}

/// The same keys on the other layout; `None` when a character is on neither.
fn layout_map(word: &str, from: &str, to: &str) -> Option<String> {
    word.chars().map(|c| from.chars().position(|k| k == c).and_then(|at| to.chars().nth(at))).collect()
}

/// A Latin word read as Russian, by the table; `None` for anything but ASCII letters.
fn transliterate(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len() * 2);
    let mut rest = word;
    let mut previous: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        if !c.is_ascii_lowercase() {
            return None;
        }
        // "ye" is one letter at the start or after a vowel ("yesli"), but "ые" after a
        // consonant ("novye"); "ya" is "я" after one too ("govoryat").
        let digraph = DIGRAPHS
            .iter()
            .find(|(latin, _)| rest.starts_with(latin) && (*latin != "ye" || previous.is_none_or(is_vowel)));
        let (letter, len) = match digraph {
            Some((latin, letter)) => (*letter, latin.len()),
            // "ts" before a vowel is "ц" ("tsena"), before a consonant "тс" ("detstvo").
            None if rest.starts_with("ts") && rest[2..].starts_with(['a', 'e', 'i', 'o', 'u', 'y']) => {
                ('ц', 2)
            }
            None if c == 'x' => {
                out.push('к');
                ('с', 1)
            }
            None => (single(c, previous, rest), 1),
        };
        out.push(letter);
        previous = Some(letter);
        rest = &rest[len..];
    }
    Some(out)
}

/// One Latin letter read as Russian; "y" and "j" after a vowel are "й" ("kakoy").
fn single(c: char, previous: Option<char>, rest: &str) -> char {
    let after_vowel = previous.is_some_and(is_vowel);
    let before_vowel = rest[1..].starts_with(['a', 'e', 'i', 'o', 'u']);
    match c {
        'y' if after_vowel && !before_vowel => 'й',
        'y' => 'ы',
        _ => {
            let at = "abvgdezijklmnoprstufhcwq".find(c).unwrap_or(0);
            "абвгдезийклмнопрстуфхцвк".chars().nth(at).unwrap_or(c)
        }
    }
}

fn is_vowel(c: char) -> bool {
    "аеёиоуыэюя".contains(c)
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')
}

fn lowercase(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' | 'ё' => 'е',
        c => c.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests;
