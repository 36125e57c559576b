//! Text → words: Unicode normalization, case folding, punctuation, digit groups and
//! number words, with hard caps so any input costs bounded time.

use unicode_normalization::UnicodeNormalization;

/// Characters of a message looked at; the rest of a longer message is ignored.
pub const MAX_CHARS: usize = 1_000;
/// Words of a message looked at.
pub const MAX_WORDS: usize = 80;

/// Normalizes and splits `text` into lowercase words of letters and digits.
///
/// "Putin’s 300,000 call-up" → ["putins", "300000", "call", "up"].
pub fn words(text: &str) -> Vec<String> {
    if let Some(words) = simple_words(text) {
        return words;
    }
    let folded = fold(text);
    // Digit groups and sums start at a digit: text without one has nothing to join.
    let joined = match folded.bytes().any(|b| b.is_ascii_digit()) {
        true => join_arithmetic(&join_digit_groups(&folded)),
        false => folded,
    };
    let mut out = Vec::with_capacity(MAX_WORDS.min(joined.len() / 4 + 1));
    for raw in joined.split(|c: char| !is_word_char(c) && !is_apostrophe(c)) {
        if raw.is_empty() {
            continue;
        }
        // Apostrophes join contractions and possessives: "what's" → "whats".
        let word: String = match raw.contains(is_apostrophe) {
            true => raw.chars().filter(|c| !is_apostrophe(*c)).collect(),
            false => raw.to_string(),
        };
        if word.is_empty() {
            continue;
        }
        out.push(standard_word(word));
        if out.len() >= MAX_WORDS {
            break;
        }
    }
    numbers::fold_number_words(out)
}

/// [`words`] in one pass, without a folded copy of the text, for the text most
/// messages are: ASCII, Russian letters and typographic punctuation, no digit in the
/// first [`MAX_CHARS`] characters (so nothing to fold by Unicode tables or to join);
/// `None` for any other text.
fn simple_words(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::with_capacity(MAX_WORDS.min(text.len().min(MAX_CHARS) / 4 + 1));
    if text.is_ascii() {
        let bytes = &text.as_bytes()[..text.len().min(MAX_CHARS)];
        if bytes.iter().any(u8::is_ascii_digit) {
            return None;
        }
        let pieces = bytes.split(|&b| !(b.is_ascii_alphanumeric() || b == b'\'' || b == b'`'));
        for piece in pieces.filter(|p| p.iter().any(u8::is_ascii_alphanumeric)).take(MAX_WORDS) {
            // Apostrophes join contractions and possessives: "what's" → "whats".
            let word: Vec<u8> = match piece.iter().all(u8::is_ascii_alphanumeric) {
                true => piece.to_ascii_lowercase(),
                false => {
                    piece.iter().filter(|b| b.is_ascii_alphanumeric()).map(u8::to_ascii_lowercase).collect()
                }
            };
            out.push(standard_word(String::from_utf8(word).ok()?));
        }
        return Some(numbers::fold_number_words(out));
    }
    // One buffer for every word, each kept as an exact copy: a word grown a letter at
    // a time in its own String is reallocated two or three times.
    let mut word = String::with_capacity(64);
    for c in text.chars().take(MAX_CHARS) {
        if c.is_ascii_digit() || !(c.is_ascii() || is_basic_cyrillic(c) || is_plain_punctuation(c)) {
            return None;
        }
        let c = fold_simple(c);
        if is_word_char(c) {
            word.push(c);
        } else if !is_apostrophe(c) && !word.is_empty() {
            // Past the last word kept, the text is still read: a digit or another
            // script further on sends it down the general path, as it did before.
            if out.len() < MAX_WORDS {
                out.push(standard_word(word.as_str().to_owned()));
            }
            word.clear();
        }
    }
    if !word.is_empty() && out.len() < MAX_WORDS {
        out.push(standard_word(word));
    }
    Some(numbers::fold_number_words(out))
}

/// One word of a text, normalized as [`words`] reads it and joined: "Tsydanov's" →
/// "tsydanovs", "Seven" → "7". Names are looked for word by word over the whole
/// article, so a word of plain letters (nearly every word) skips the general path.
pub fn word(text: &str) -> String {
    let letters = |c: char| c.is_ascii_alphabetic() || is_basic_cyrillic(c);
    if !text.is_empty() && text.len() <= MAX_CHARS && text.chars().all(letters) {
        // What `words` does to a text that is one word of letters: fold, then the
        // chat spelling or the number the word stands for.
        let folded = text.chars().map(fold_simple).collect();
        return numbers::fold_number_words(vec![standard_word(folded)]).concat();
    }
    words(text).concat()
}

/// A word as the matcher reads it: its standard spelling, "300k" as digits.
fn standard_word(word: String) -> String {
    match chat_spelling(&word) {
        Some(standard) => standard.to_string(),
        None => expand_number_suffix(word),
    }
}

/// Case folding, marks and compatibility forms, over the first [`MAX_CHARS`].
fn fold(text: &str) -> String {
    // Plain ASCII (most messages, most of the knowledge) needs no Unicode folding.
    if text.is_ascii() {
        return text[..text.len().min(MAX_CHARS)].to_ascii_lowercase();
    }
    // Neither do basic Cyrillic letters and typographic punctuation mixed with ASCII:
    // decomposing and composing them again gives them back, and they carry no marks.
    if text.chars().take(MAX_CHARS).all(|c| c.is_ascii() || is_basic_cyrillic(c) || is_plain_punctuation(c)) {
        return text.chars().take(MAX_CHARS).map(fold_simple).collect();
    }
    strip_latin_marks(text)
        .nfc()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The Russian alphabet, both cases, ё included.
fn is_basic_cyrillic(c: char) -> bool {
    matches!(c, 'А'..='я' | 'ё' | 'Ё')
}

/// Pushes `c` lowercased (`char::to_lowercase`), ASCII and Russian letters without
/// the Unicode tables.
pub(super) fn push_lowercase(out: &mut String, c: char) {
    match c {
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        'а'..='я' => out.push(c),
        'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        c => out.extend(c.to_lowercase()),
    }
}

/// Quotes and dashes that Unicode normalization leaves alone (not "…", which it
/// spells "...", nor the no-break spaces, which become spaces).
fn is_plain_punctuation(c: char) -> bool {
    matches!(c, '‘' | '’' | '“' | '”' | '–' | '—' | '«' | '»')
}

/// Lowercase for ASCII and the Russian alphabet, with ё read as е.
fn fold_simple(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'ё' | 'Ё' => 'е',
        c => c.to_ascii_lowercase(),
    }
}

/// Whether `text` has fewer than `n` characters: counted only when it is not ASCII
/// (a question's every word is asked).
pub(super) fn fewer_chars_than(text: &str, n: usize) -> bool {
    text.len() < n || (!text.is_ascii() && text.chars().count() < n)
}

/// Whether `c` belongs to a word: `char::is_alphanumeric`, with ASCII and Cyrillic
/// letters answered without the Unicode tables.
pub(super) fn is_word_char(c: char) -> bool {
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0400}'..='\u{0481}' => true,
        c => c.is_alphanumeric(),
    }
}

/// Chat spellings of function words: left alone they read as unknown words, which
/// count against every answer ("wat did the governor say").
fn chat_spelling(word: &str) -> Option<&'static str> {
    Some(match word {
        "wat" | "wut" | "wht" | "waht" | "whta" | "whaat" | "wats" => "what",
        "hwo" | "woh" | "hoo" => "who",
        "wen" | "wehn" | "whn" => "when",
        "wher" | "whr" | "wheer" | "whre" => "where",
        "hw" => "how",
        "wich" | "whcih" | "whih" => "which",
        "abt" | "bout" => "about",
        "bc" | "bcs" | "cos" | "becuz" | "bcuz" => "because",
        "govt" | "gvt" => "government",
        "thru" => "through",
        // "borders w queues", "list em", "could b": a stray letter or two would read as an unknown
        // word, and unknown words weigh against every answer.
        "w" => "with",
        "em" => "them",
        "b" => "be",
        "chto" | "чо" | "че" | "шо" | "што" => "что",
        // "кто-нибудь" typed as one word: left whole it is a stranger word that the
        // typo fixer turns into a knowledge word ("ктонить" → "уклонен").
        "ктонить" | "ктонибудь" | "ктонидь" | "ктолибо" => "кто",
        "чтонить" | "чтонибудь" | "чтолибо" => "что",
        "када" | "кагда" => "когда",
        "ваще" => "вообще",
        "щас" | "ща" => "сейчас",
        "кароче" => "короче",
        _ => return None,
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`')
}

/// Decomposes and drops combining marks on non-Cyrillic letters: zalgo and accents
/// ("ẃ̷h̸a̴t̵" → "what", "Türkiye" → "turkiye") while "й" keeps its breve.
fn strip_latin_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut base_is_cyrillic = false;
    for c in text.chars().take(MAX_CHARS).nfkd() {
        if is_combining_mark(c) {
            if base_is_cyrillic {
                out.push(c);
            }
        } else {
            base_is_cyrillic = crate::lang::is_cyrillic(c);
            out.push(c);
        }
    }
    out
}

/// Zalgo and stray accents: combining marks carry no meaning for matching.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// "300,000", "300 000" and "300.000" are one number: drop the separators between
/// a digit and a group of exactly three digits.
fn join_digit_groups(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let separator = matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'');
        if separator && i > 0 && chars[i - 1].is_ascii_digit() {
            let group = chars.get(i + 1..i + 4);
            let after = chars.get(i + 4);
            if group.is_some_and(|g| g.iter().all(char::is_ascii_digit))
                && !after.is_some_and(char::is_ascii_digit)
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// "2+2" and "7 * 7" are one token ("2x2"), not two numbers the story may use: a
/// sum is not a question about Sept. 22.
fn join_arithmetic(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Not '/' or '-': "9/22" is a date and "2-3" a range.
        let operator = matches!(c, '+' | '*' | '=' | '^' | '×' | '÷');
        // The next character is looked for only after an operator: a text is mostly not.
        let next_is_digit = || chars[i + 1..].iter().find(|c| **c != ' ').is_some_and(char::is_ascii_digit);
        if operator && out.trim_end().ends_with(|c: char| c.is_ascii_digit()) && next_is_digit() {
            out.truncate(out.trim_end().len());
            out.push('x');
            i += 1;
            while chars.get(i) == Some(&' ') {
                i += 1;
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// "300k" → "300000"; "7-month" is already split by punctuation.
fn expand_number_suffix(word: String) -> String {
    match word.strip_suffix('k') {
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{digits}000")
        }
        _ => word,
    }
}

mod numbers {
    //! Number words → digits ("three hundred thousand" → "300000", "семь" → "7").

    /// A number word's value, and whether it multiplies what comes before it.
    fn value(word: &str) -> Option<(u64, bool)> {
        let unit = match word {
            "zero" => 0,
            "one" | "один" | "одна" => 1,
            "two" | "два" | "две" => 2,
            "three" | "три" => 3,
            "four" | "четыре" => 4,
            "five" | "пять" => 5,
            "six" | "шесть" => 6,
            "seven" | "семь" | "семи" => 7,
            "eight" | "восемь" => 8,
            "nine" | "девять" => 9,
            "ten" | "десять" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "twenty" | "двадцать" => 20,
            "thirty" | "тридцать" => 30,
            "forty" => 40,
            "fifty" => 50,
            "hundred" | "сто" => 100,
            "двести" => 200,
            "триста" => 300,
            "четыреста" => 400,
            "пятьсот" => 500,
            _ => {
                let multiplier = match word {
                    // Every case: "о 300 тысячах", "300 тысячами"; and as chat says it ("300 тыщ").
                    "thousand" | "тысяча" | "тысячи" | "тысяч" | "тыс" | "тысячах" | "тысячам"
                    | "тысячами" | "тысячу" | "тысячей" | "тыща" | "тыщи" | "тыщ" | "тыщу" | "тыщами"
                    | "тыщах" => 1_000,
                    "million"
                    | "миллион"
                    | "миллионов"
                    | "миллиона"
                    | "миллионах"
                    | "миллионам"
                    | "миллионами"
                    | "млн" => 1_000_000,
                    _ => return None,
                };
                return Some((multiplier, true));
            }
        };
        Some((unit, unit == 100))
    }

    /// Multipliers that stand for one of them on their own ("a million men").
    const SINGULAR_MULTIPLIERS: [&str; 4] = ["thousand", "million", "тысяча", "миллион"];

    /// Replaces runs of number words (and digits followed by multipliers) with digits.
    pub fn fold_number_words(mut words: Vec<String>) -> Vec<String> {
        // In place: words before `kept` are the output, words from `i` are still to read.
        let (mut kept, mut i) = (0, 0);
        while i < words.len() {
            let (total, used) = parse_run(&words[i..]);
            // A lone "one" is usually a pronoun ("which one"), not a number.
            if used == 0 || (used == 1 && words[i] == "one") {
                words.swap(kept, i);
                i += 1;
            } else {
                words[kept] = total.to_string();
                i += used;
            }
            kept += 1;
        }
        words.truncate(kept);
        words
    }

    fn parse_run(words: &[String]) -> (u64, usize) {
        let (mut total, mut current, mut used) = (0u64, 0u64, 0usize);
        for word in words {
            let parsed = match word.parse::<u64>() {
                Ok(n) if used == 0 && word.len() <= 12 => Some((n, false)),
                _ => value(word),
            };
            let Some((v, multiplier)) = parsed else { break };
            if multiplier && v >= 1_000 {
                // "a million" is one; a lone plural ("тысячи мужчин") is "thousands".
                if used == 0 && !SINGULAR_MULTIPLIERS.contains(&word.as_str()) {
                    break;
                }
                total = total.saturating_add(current.max(1).saturating_mul(v));
                current = 0;
            } else if multiplier {
                current = current.max(1).saturating_mul(v);
            } else {
                current = current.saturating_add(v);
            }
            used += 1;
        }
        if used == 1 && words[0].bytes().all(|b| b.is_ascii_digit()) {
            return (0, 0);
        }
        (total.saturating_add(current), used)
    }
}

#[cfg(test)]
mod tests;
