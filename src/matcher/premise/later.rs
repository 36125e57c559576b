//! Questions about what may come later ("will Putin announce a *full* mobilization
//! *next*?"): a word the article contradicts ("full" where it says "partial") asks
//! whether things will change, which the article cannot say; it is no premise to
//! correct with the article's word.

/// Words that ask about a change still to come.
const LATER: [&str; 12] = [
    "next",
    "later",
    "eventually",
    "future",
    "expand",
    "escalate",
    "потом",
    "позже",
    "следующим",
    "дальше",
    "расширят",
    "перерастет",
];

/// Whether a question asks about what may come later ([`LATER`]).
pub(super) fn asks_what_comes_later(words: &[String]) -> bool {
    words.iter().any(|w| LATER.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::asks_what_comes_later;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_change_still_to_come_is_asked_about_not_stated() {
        assert!(asks_what_comes_later(&words("will putin announce a full mobilization next")));
        assert!(asks_what_comes_later(&words("будет ли потом всеобщая мобилизация")));
        assert!(!asks_what_comes_later(&words("so it was a full mobilization")));
    }
}
