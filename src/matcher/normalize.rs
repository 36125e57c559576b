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
    // Plain ASCII (most messages, most of the knowledge) needs no Unicode folding.
    let folded: String = match text.is_ascii() {
        true => text.chars().take(MAX_CHARS).map(|c| c.to_ascii_lowercase()).collect(),
        false => strip_latin_marks(text)
            .nfc()
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'ё' { 'е' } else { c })
            .collect(),
    };
    let joined = join_arithmetic(&join_digit_groups(&folded));
    let mut out = Vec::new();
    for raw in joined.split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c)) {
        // Apostrophes join contractions and possessives: "what's" → "whats".
        let word: String = raw.chars().filter(|c| !is_apostrophe(*c)).collect();
        if word.is_empty() {
            continue;
        }
        match chat_spelling(&word) {
            Some(standard) => out.push(standard.to_string()),
            None => out.extend(split_number_suffix(&word)),
        }
        if out.len() >= MAX_WORDS {
            out.truncate(MAX_WORDS);
            break;
        }
    }
    numbers::fold_number_words(out)
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
        "chto" | "чо" | "че" | "шо" | "што" => "что",
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
        let next = chars[i + 1..].iter().find(|c| **c != ' ');
        if operator
            && out.trim_end().ends_with(|c: char| c.is_ascii_digit())
            && next.is_some_and(char::is_ascii_digit)
        {
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
fn split_number_suffix(word: &str) -> Vec<String> {
    if let Some(digits) =
        word.strip_suffix('k').filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return vec![format!("{digits}000")];
    }
    vec![word.to_string()]
}

mod numbers {
    //! Number words → digits ("three hundred thousand" → "300000", "семь" → "7").

    fn value(word: &str) -> Option<(u64, bool)> {
        // (value, is_multiplier)
        const UNITS: [(&str, u64); 38] = [
            ("zero", 0),
            ("one", 1),
            ("two", 2),
            ("three", 3),
            ("four", 4),
            ("five", 5),
            ("six", 6),
            ("seven", 7),
            ("eight", 8),
            ("nine", 9),
            ("ten", 10),
            ("eleven", 11),
            ("twelve", 12),
            ("twenty", 20),
            ("thirty", 30),
            ("forty", 40),
            ("fifty", 50),
            ("hundred", 100),
            ("один", 1),
            ("одна", 1),
            ("два", 2),
            ("две", 2),
            ("три", 3),
            ("четыре", 4),
            ("пять", 5),
            ("шесть", 6),
            ("семь", 7),
            ("семи", 7),
            ("восемь", 8),
            ("девять", 9),
            ("десять", 10),
            ("двадцать", 20),
            ("тридцать", 30),
            ("сто", 100),
            ("двести", 200),
            ("триста", 300),
            ("четыреста", 400),
            ("пятьсот", 500),
        ];
        const MULTIPLIERS: [(&str, u64); 8] = [
            ("thousand", 1_000),
            ("million", 1_000_000),
            ("тысяча", 1_000),
            ("тысячи", 1_000),
            ("тысяч", 1_000),
            ("тыс", 1_000),
            ("миллион", 1_000_000),
            ("миллионов", 1_000_000),
        ];
        if let Some((_, v)) = UNITS.iter().find(|(w, _)| *w == word) {
            return Some((*v, *v == 100));
        }
        MULTIPLIERS.iter().find(|(w, _)| *w == word).map(|(_, v)| (*v, true))
    }

    /// Multipliers that stand for one of them on their own ("a million men").
    const SINGULAR_MULTIPLIERS: [&str; 4] = ["thousand", "million", "тысяча", "миллион"];

    /// Replaces runs of number words (and digits followed by multipliers) with digits.
    pub fn fold_number_words(words: Vec<String>) -> Vec<String> {
        let mut out = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            let (total, used) = parse_run(&words[i..]);
            // A lone "one" is usually a pronoun ("which one"), not a number.
            if used == 0 || (used == 1 && words[i] == "one") {
                out.push(words[i].clone());
                i += 1;
            } else {
                out.push(total.to_string());
                i += used;
            }
        }
        out
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
mod tests {
    use super::*;

    #[test]
    fn folds_case_punctuation_and_contractions() {
        assert_eq!(words("What's Putin’s CALL-UP?"), ["whats", "putins", "call", "up"]);
    }

    #[test]
    fn joins_digit_groups_in_every_style() {
        for text in [
            "300,000",
            "300 000",
            "300.000",
            "300\u{a0}000",
            "300k",
            "three hundred thousand",
            "триста тысяч",
            "300 тысяч",
        ] {
            assert_eq!(words(text), ["300000"], "{text}");
        }
        assert_eq!(words("1,5"), ["1", "5"]);
    }

    #[test]
    fn number_words_become_digits_but_not_pronouns() {
        assert_eq!(words("seven month mark"), ["7", "month", "mark"]);
        assert_eq!(words("which one"), ["which", "one"]);
        assert_eq!(words("a million men"), ["a", "1000000", "men"]);
        assert_eq!(words("what is 2+2? 7 * 7"), ["what", "is", "2x2", "7x7"], "sums are not numbers");
        assert_eq!(words("on 9/22, 2-3 days"), ["on", "9", "22", "2", "3", "days"]);
        assert_eq!(words("тысячи мужчин"), ["тысячи", "мужчин"], "a plural is 'thousands'");
    }

    #[test]
    fn cyrillic_yo_and_zalgo_are_folded() {
        assert_eq!(words("Ещё"), ["еще"]);
        assert_eq!(words("ẃ̷h̸a̴t̵"), ["what"]);
    }

    #[test]
    fn chat_spellings_of_function_words_are_standard() {
        assert_eq!(
            words("wat did the govt say abt it"),
            ["what", "did", "the", "government", "say", "about", "it"]
        );
        assert_eq!(words("чо там"), ["что", "там"]);
    }

    #[test]
    fn huge_input_is_capped() {
        let text = "word ".repeat(10_000);
        assert_eq!(words(&text).len(), MAX_WORDS);
    }
}
