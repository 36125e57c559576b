//! A word that contradicts the article's ("full mobilization" where it says "partial";
//! lexicon `[[contrast]]`): the question is tried with the article's word in its place.

use super::{Premises, later};
use crate::knowledge::Story;
use crate::knowledge::names::Stemmers;
use crate::matcher::analyze::Analysis;
use crate::matcher::index::{DocRef, Index};
use crate::matcher::yes_no::doc_has;
use crate::matcher::{Matcher, Outcome, decide};

/// A lexicon contrast as the matcher reads it, found once per load.
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct ContrastStems {
    /// The stems of the article's word (both languages).
    word: [String; 2],
    /// The terms the article's word is matched as (with its synonyms: "limited").
    terms: Vec<String>,
    /// The stems of the words that contradict it.
    contradicts: Vec<String>,
    /// The entries whose quotes use the article's word.
    entries: Vec<usize>,
    /// What the words that may stem to `word` or `contradicts` begin with: most
    /// questions name none, and one look at each word's first bytes says so.
    starts: Starts,
}

impl ContrastStems {
    /// Every lexicon contrast of `story`.
    pub(super) fn all(story: &Story, index: &Index) -> Vec<ContrastStems> {
        let stemmers = Stemmers::default();
        let stem = |w: &str| stemmers.stem(&w.to_lowercase().replace('ё', "е"));
        // Each entry's quotes lowercased once, not once per contrast.
        let quotes: Vec<Vec<String>> =
            story.entries.iter().map(|e| e.quotes.iter().map(|q| q.to_lowercase()).collect()).collect();
        story
            .lexicon
            .contrasts
            .iter()
            .map(|c| {
                let lower = c.word.to_lowercase();
                let terms = [&c.word, &c.word_ru]
                    .iter()
                    .flat_map(|w| index.analyzer.analyze_question(w).terms)
                    .collect();
                let word = [stem(&c.word), stem(&c.word_ru)];
                let contradicts: Vec<String> = c.contradicts.iter().map(|w| stem(w)).collect();
                let starts = Starts::of(contradicts.iter().chain(&word).map(|s| stem_start(s)));
                ContrastStems {
                    word,
                    terms,
                    contradicts,
                    entries: (0..story.entries.len())
                        .filter(|&e| quotes[e].iter().any(|q| q.contains(&lower)))
                        .collect(),
                    starts,
                }
            })
            .collect()
    }
}

impl Premises {
    /// The entry that answers the question with the article's word in place of one
    /// that contradicts it, its score and the contrast. The word must qualify what the
    /// entry is about: a word next to it is one the entry uses ("full *mobilization*",
    /// not "the total *number*").
    pub(super) fn contrast(
        &self,
        m: &Matcher,
        story: &Story,
        analysis: &Analysis,
    ) -> Option<(usize, f32, usize)> {
        let words = &analysis.words;
        if later::asks_what_comes_later(words) {
            return None;
        }
        let stemmers = Stemmers::default();
        for (n, c) in self.contrasts.iter().enumerate() {
            let maybe = |w: &String| {
                c.starts.may_begin(w) && c.contradicts.iter().chain(&c.word).any(|s| may_stem_to(w, s))
            };
            if !words.iter().any(maybe) {
                continue;
            }
            let stems: Vec<String> = words.iter().map(|w| stemmers.stem(w)).collect();
            // "Is it partial or total?" asks which; it states nothing.
            if stems.iter().any(|s| c.word.contains(s)) || analysis.terms.iter().any(|t| c.terms.contains(t))
            {
                continue;
            }
            let Some(at) = stems.iter().position(|s| c.contradicts.contains(s)) else { continue };
            let cyrillic = words[at].chars().any(crate::lang::is_cyrillic);
            let contrast = &story.lexicon.contrasts[n];
            let mut text = words.clone();
            text[at] = if cyrillic { contrast.word_ru.to_lowercase() } else { contrast.word.to_lowercase() };
            let text = self.without_reporters(&m.index, analysis, &text);
            let analysis = m.index.analyzer.analyze_question(&text.join(" "));
            let (Outcome::Answer { entry, .. }, score) = decide::decide(&m.candidates_for(&analysis)) else {
                continue;
            };
            if c.entries.contains(&entry) && qualifies(&m.index, words, at, entry) {
                return Some((entry, score, n));
            }
        }
        None
    }
}

/// `word.starts_with(start)`, the first bytes compared first: most words differ there,
/// and the question's words are tested against every contrast's stems.
pub(super) fn begins_with(word: &str, start: &str) -> bool {
    start.as_bytes().first().is_none_or(|b| word.as_bytes().first() == Some(b)) && word.starts_with(start)
}

/// Whether `word` may stem to `stem`, checked cheaply before it is stemmed: a stem is
/// the start of its word, but for a final "y" the stemmer writes "i" ("deny" → "deni",
/// "denies" → "deni"), so that letter is left out of the test.
pub(super) fn may_stem_to(word: &str, stem: &str) -> bool {
    begins_with(word, stem_start(stem))
}

/// What a word that may stem to `stem` begins with ([`may_stem_to`]).
fn stem_start(stem: &str) -> &str {
    stem.strip_suffix('i').filter(|s| !s.is_empty()).unwrap_or(stem)
}

/// A set of word beginnings, as bits: the first byte of each one-byte beginning, and
/// the first two bytes (folded to a byte) of each longer one, since every Russian
/// word shares its first byte with a third of the alphabet. A word that begins with
/// one of them is in the set; so may a few others, never fewer ([`Starts::may_begin`]).
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Starts {
    one: [u64; 4],
    two: [u64; 4],
    /// An empty beginning: every word begins with it.
    any: bool,
}

impl Starts {
    pub(super) fn of<'a>(starts: impl IntoIterator<Item = &'a str>) -> Starts {
        let mut set = Starts::default();
        for start in starts {
            match start.as_bytes() {
                [] => set.any = true,
                [b] => set_bit(&mut set.one, *b),
                [a, b, ..] => set_bit(&mut set.two, pair(*a, *b)),
            }
        }
        set
    }

    /// Whether `word` may begin with one of the set's beginnings: false only when it
    /// begins with none.
    pub(super) fn may_begin(&self, word: &str) -> bool {
        self.any
            || match word.as_bytes() {
                [] => false,
                [a] => has_bit(&self.one, *a),
                [a, b, ..] => has_bit(&self.one, *a) || has_bit(&self.two, pair(*a, *b)),
            }
    }
}

fn set_bit(bits: &mut [u64; 4], at: u8) {
    bits[usize::from(at >> 6)] |= 1 << (at & 63);
}

fn has_bit(bits: &[u64; 4], at: u8) -> bool {
    bits[usize::from(at >> 6)] >> (at & 63) & 1 == 1
}

/// Two bytes folded into one: a Cyrillic letter's two bytes differ in the second.
fn pair(a: u8, b: u8) -> u8 {
    b ^ a.rotate_left(3)
}

/// Whether a content word next to `words[at]` (stop words skipped) is one entry
/// `entry` uses.
pub(super) fn qualifies(index: &Index, words: &[String], at: usize, entry: usize) -> bool {
    let doc = index.doc_of(DocRef::Entry(entry));
    let content = |i: &usize| !index.analyzer.is_stopword(&words[*i]);
    let next = (at + 1..words.len()).find(content);
    let previous = (0..at).rev().find(content);
    next.into_iter().chain(previous).any(|i| {
        let analysis = index.analyzer.analyze_question(&words[i]);
        analysis.terms.iter().filter_map(|t| index.term(t)).any(|id| doc_has(index, id, doc))
    })
}

#[cfg(test)]
mod tests {
    use super::{Starts, may_stem_to, stem_start};

    #[test]
    fn a_word_ending_in_y_may_stem_to_its_i_stem() {
        assert!(may_stem_to("deny", "deni"));
        assert!(may_stem_to("denies", "deni"));
        assert!(may_stem_to("denied", "deni"));
        assert!(may_stem_to("полная", "полн"));
        assert!(!may_stem_to("dune", "deni"));
        assert!(!may_stem_to("total", "deni"));
    }

    /// The beginnings are a cheap test before [`may_stem_to`]: it may let through a
    /// word no stem fits, never hold back one that one does.
    #[test]
    fn beginnings_never_hold_back_a_word_a_stem_fits() {
        let stems = ["deni", "refut", "отрица", "a", "полн"];
        let starts = Starts::of(stems.iter().map(|s| stem_start(s)));
        let words = [
            "deny",
            "denied",
            "refuting",
            "отрицают",
            "and",
            "a",
            "полная",
            "full",
            "",
            "b",
            "о",
            "тотальная",
        ];
        let mut held_back = 0;
        for word in words {
            let fits = stems.iter().any(|s| may_stem_to(word, s));
            assert!(!fits || starts.may_begin(word), "{word}");
            held_back += usize::from(!starts.may_begin(word));
        }
        assert!(held_back >= 3, "{held_back}");
        assert!(Starts::of([""]).may_begin("anything"));
    }
}
