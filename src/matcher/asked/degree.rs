//! Questions that rank ("which border is the *easiest* to cross", "the *most crowded*
//! border", "*самый быстрый* способ"): a document answers one only when it speaks of
//! what is ranked by, the adjective itself or its base word ("easy"). A list of
//! borders is no ranking of them. Comparatives are left alone ("smaller than a million"
//! compares a figure the article may give), and so are "best" and "worst", which judge
//! what the article may describe in other words ("the *worst* backups": for miles).

use crate::matcher::analyze::{QUESTION_MARK, is_english_word};
use crate::matcher::index::Index;

/// Words that rank by the adjective after them: "the *most* common", "*самый* быстрый".
const RANKING: [&str; 14] = [
    "most",
    "least",
    "самый",
    "самая",
    "самое",
    "самые",
    "самых",
    "самой",
    "самого",
    "самым",
    "самую",
    "самом",
    "наиболее",
    "наименее",
];
/// Words after which "most" / "least" is a superlative ("the most", "is most"), not a
/// quantity ("most men fled").
const BEFORE_MOST: [&str; 6] = ["the", "is", "are", "was", "were", "be"];
/// How a Russian adjective ends ("самый *быстрый*"); "в самом *начале*" ranks nothing.
const RU_ADJECTIVE: [&str; 18] = [
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ого", "его", "ому", "ему", "ым", "им",
    "ую",
];
/// Words ending like a superlative that are none ("interest" is no "most inter").
const NOT_SUPERLATIVE: [&str; 9] =
    ["interest", "digest", "honest", "modest", "manifest", "latest", "forest", "harvest", "invest"];
/// The shortest superlative read by its ending ("safest"); shorter words ending in
/// "est" are nouns ("test", "west").
const MIN_SUPERLATIVE: usize = 6;
/// The shortest base word ("big" of "biggest").
const MIN_BASE: usize = 3;

/// The terms of what a question ranks by (index term ids: the adjective's
/// and its base word's), one of which a document must use; `None` when it ranks
/// nothing, empty when the knowledge uses none of them.
pub(super) fn compared(index: &Index, words: &[String]) -> Option<Vec<u32>> {
    let adjectives = ranked_by(index, words)?;
    let mut terms: Vec<u32> = Vec::new();
    for adjective in adjectives {
        let analysis = index.analyzer.analyze_question(&adjective);
        // A dictionary word corrected to a knowledge word is not that word.
        let own = analysis
            .terms
            .iter()
            .filter(|t| !t.starts_with(QUESTION_MARK) && !analysis.corrected.contains(*t));
        terms.extend(own.filter_map(|t| index.term(t)));
    }
    Some(terms)
}

/// The adjective a question ranks by, with its base word, if it does.
fn ranked_by(index: &Index, words: &[String]) -> Option<Vec<String>> {
    let at = |i: usize| words.get(i).map_or("", String::as_str);
    let content = |w: &str| !w.is_empty() && !index.analyzer.is_stopword(w);
    for (i, word) in words.iter().map(String::as_str).enumerate() {
        if RANKING.contains(&word) {
            let next = at(i + 1);
            let superlative = if word.is_ascii() {
                i > 0 && BEFORE_MOST.contains(&at(i - 1))
            } else {
                RU_ADJECTIVE.iter().any(|end| next.ends_with(end))
            };
            if superlative && content(next) {
                return Some(vec![at(i + 1).to_string()]);
            }
            continue;
        }
        // After "the" / "is" a filler base ranks too ("the *easiest* border"); alone
        // it is more likely a name or a noun ("Mount *Everest*" is no "most ever").
        let filler_ok = i > 0 && BEFORE_MOST.contains(&at(i - 1));
        if word.len() >= MIN_SUPERLATIVE
            && !NOT_SUPERLATIVE.contains(&word)
            && let Some(base) = base_of(word, "est", index, filler_ok)
        {
            return Some(vec![word.to_string(), base]);
        }
    }
    None
}

/// The base word of an English superlative ending in `suffix`: "easiest" → "easy",
/// "largest" → "large", "biggest" → "big". Only a dictionary word is one, and one the
/// knowledge treats as filler ("easy", "ever") only when `filler_ok`. Nouns that end
/// like a superlative are [`NOT_SUPERLATIVE`].
fn base_of(word: &str, suffix: &str, index: &Index, filler_ok: bool) -> Option<String> {
    let stem = word.strip_suffix(suffix)?;
    let mut bases = Vec::with_capacity(4);
    if let Some(y) = stem.strip_suffix('i') {
        bases.push(format!("{y}y"));
    }
    bases.push(stem.to_string());
    bases.push(format!("{stem}e"));
    let mut letters = stem.chars().rev();
    if let (Some(last), Some(before)) = (letters.next(), letters.next())
        && last == before
    {
        bases.push(stem[..stem.len() - last.len_utf8()].to_string());
    }
    bases.into_iter().find(|base| {
        base.len() >= MIN_BASE && is_english_word(base) && (filler_ok || !index.analyzer.is_stopword(base))
    })
}
