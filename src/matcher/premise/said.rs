//! Questions that put a figure or a claim in someone's mouth ("why did Putin *announce*
//! a million?"): what was said is what the article reports, so a figure said otherwise
//! is a wrong premise to correct, not a wish to know a figure the article lacks.

/// Verbs that put what follows in someone's mouth ("Putin *announced* he'd call up …",
/// "Путин *заявил*, что …").
const SAID: [&str; 16] = [
    "said",
    "says",
    "say",
    "announced",
    "announce",
    "announces",
    "declared",
    "claimed",
    "promised",
    "заявил",
    "сказал",
    "объявил",
    "пообещал",
    "говорил",
    "заявлял",
    "обещал",
];

/// Whether a question puts what it states in someone's mouth ([`SAID`]).
pub(super) fn puts_as_said(words: &[String]) -> bool {
    words.iter().any(|w| SAID.contains(&w.as_str()))
}

/// `text` without its words that put what follows in someone's mouth ([`SAID`]).
pub(super) fn without_said(text: &str) -> String {
    let said =
        |w: &str| SAID.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str());
    text.split_whitespace().filter(|w| !said(w)).collect::<Vec<_>>().join(" ")
}
