//! Unit tests of validation helpers: the key that finds a phrasing listed twice.

use super::ids::phrasing_key;

#[test]
fn phrasing_key_reads_words_lowercased() {
    let general = |text: &str| {
        let words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
        words.map(str::to_lowercase).collect::<Vec<_>>().join(" ")
    };
    for text in ["How many men?", "  Who's  Tsydanov, 300,000 -- call-up! ", "", "?!", "A", "x_y z9"] {
        assert_eq!(phrasing_key(text), general(text), "{text:?}");
    }
    assert_eq!(phrasing_key("Сколько  человек, Putin?"), "сколько человек putin");
}
