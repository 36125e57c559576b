//! The languages storybot answers in, and how a question's language is detected.
//!
//! Cyrillic script is a strong signal for Russian; Telegram's `language_code` is only a
//! hint, used when the text itself has no letters to judge by ("300,000?").

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// Detects the language of `text`; `hint` is a Telegram `language_code` like "ru-RU".
    pub fn detect(text: &str, hint: Option<&str>) -> Lang {
        // ASCII text (most messages) has no Cyrillic letter: one Latin letter decides.
        if text.is_ascii() && text.bytes().take(MAX_DETECTED).any(|b| b.is_ascii_alphabetic()) {
            return Lang::En;
        }
        let (mut cyrillic, mut latin) = (0usize, 0usize);
        for c in text.chars().take(MAX_DETECTED) {
            if is_cyrillic(c) {
                cyrillic += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        if cyrillic + latin == 0 {
            return match hint {
                Some(code) if code.to_ascii_lowercase().starts_with("ru") => Lang::Ru,
                _ => Lang::En,
            };
        }
        if cyrillic >= latin { Lang::Ru } else { Lang::En }
    }
}

/// Characters of a text its language is told by.
const MAX_DETECTED: usize = 2_000;

pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// A value in each language storybot speaks.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Localized<T> {
    pub en: T,
    pub ru: T,
}

impl<T> Localized<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_text_is_russian() {
        assert_eq!(Lang::detect("Сколько человек призовут?", None), Lang::Ru);
        assert_eq!(Lang::detect("How many? Путин", None), Lang::En);
    }

    #[test]
    fn hint_decides_only_without_letters() {
        assert_eq!(Lang::detect("300,000?", Some("ru")), Lang::Ru);
        assert_eq!(Lang::detect("how many", Some("ru")), Lang::En);
        assert_eq!(Lang::detect("", None), Lang::En);
        let late = format!("{}how many", "1".repeat(MAX_DETECTED));
        assert_eq!(Lang::detect(&late, Some("ru")), Lang::Ru, "letters past the first 2,000 characters");
    }
}
