//! Typo correction against the knowledge's own vocabulary: which words need none (real
//! English words, the article's words, numbers, short words), the closest known words
//! within a typo's reach, and clipped words completed ("cred" for "credit").

use super::Analyzer;
use crate::matcher::normalize;
use crate::matcher::question::is_question_word;

/// Letters a word needs to be read as a misspelt stop word: shorter ones are one edit
/// from too many.
const MIN_STOPWORD_TYPO: usize = 5;
/// How many letters a clipped word may lack ("cred" for "credit").
const MAX_CLIPPED: usize = 5;
/// How many vowels a chat spelling may leave out ("gvrnr" for "governor").
const MAX_DROPPED_VOWELS: usize = 4;
/// The vowels chat leaves out; "y" stays ("mny" for "many").
const VOWELS: &[u8] = b"aeiou";

impl Analyzer {
    pub(super) fn needs_no_correction(&self, word: &str, stem: &str) -> bool {
        // Cheapest first; the English word list last.
        word.bytes().any(|b| b.is_ascii_digit())
            || normalize::fewer_chars_than(word, 4)
            || self.known_stems.contains(stem)
            || self.stopwords.contains(word)
            || is_question_word(word)
            || self.article_words.contains(word)
            // A word only small talk uses ("привет") is no typo target, but it is
            // known: read as it is, not as the nearest entry word ("примет").
            || self.stem_cache.contains_key(word)
            || is_english_word(word)
    }

    /// The known word a chat spelling without vowels stands for ("mny", "brdr",
    /// "gvrnr"): a Latin word of three to six letters, none of them a, e, i, o or u, that
    /// is no word as typed, read as the known word with its first letter and its
    /// letters but for the vowels, the one with the fewest vowels added ("mny" is
    /// "many", not "money"); none when two tie ("frm": "form" or "from"). Two letters
    /// are an abbreviation more often ("st", "km"). Only such words are looked at,
    /// and they are rare.
    pub(super) fn vowels_dropped(&self, word: &str, stem: &str) -> Option<&str> {
        let len = word.len();
        // Most words have a vowel: they leave at the first one.
        if !(3..=6).contains(&len) || !word.bytes().all(|b| b.is_ascii_lowercase() && !VOWELS.contains(&b)) {
            return None;
        }
        if self.stopwords.contains(word) || self.known_stems.contains(stem) || is_english_word(word) {
            return None;
        }
        let buckets = self.vocabulary.get(&char::from(word.as_bytes()[0]))?;
        let (at, found) =
            buckets.iter().enumerate().skip(len + 1).take(MAX_DROPPED_VOWELS).find_map(|(at, bucket)| {
                let mut found = bucket.iter().map(|(c, _)| c.as_str()).filter(|c| without_vowels(c, word));
                found.next().map(|first| (at, found.next().is_none().then_some(first)))
            })?;
        // The vocabulary has no stop words: one as close ("frm": "from") is left to
        // stand for the spelling, which stays unknown rather than read as another word.
        let stop_word_as_close = self
            .stopwords
            .iter()
            .any(|s| s.len() <= at && s.as_bytes()[0] == word.as_bytes()[0] && without_vowels(s, word));
        found.filter(|_| !stop_word_as_close)
    }

    /// The stop word a Latin word of [`MIN_STOPWORD_TYPO`] letters or more misspells
    /// ("actualy", "becuase"): one edit from it (the first letter kept). No knowledge
    /// word is closer to a word that needs correcting, and a tie goes to the stop word:
    /// the vocabulary has no stop words, so without this the word is read as a rare
    /// entry word ("actual") and decides the match. Russian words are left alone: one
    /// ending from a stop word is often another word.
    pub(super) fn misspelt_stopword(&self, word: &str) -> Option<String> {
        if normalize::fewer_chars_than(word, MIN_STOPWORD_TYPO) || !word.is_ascii() {
            return None;
        }
        let first = word.as_bytes()[0];
        self.stopwords
            .iter()
            .filter(|s| s.as_bytes().first() == Some(&first) && s.len().abs_diff(word.len()) <= 1)
            .filter(|s| strsim::damerau_levenshtein(word, s) <= 1)
            .min()
            .cloned()
    }

    /// The closest known words within a typo's distance, longest first (a dropped
    /// letter is the commonest typo): one edit (a transposition counts as one), two
    /// for words of eight letters or more, or, when no word is that close, the words
    /// one edit further whose letters differ as little (a Russian ending and a typo);
    /// the first letter must agree, since people rarely mistype it and distant words
    /// often differ there. The edit beyond reach is for Russian words only, whose
    /// endings change with the case: an English word that far from every known word is
    /// another word or a name the story never uses ("helsinki" is not "helping", "asap"
    /// not "AFP"). Among equally close words a name the knowledge writes with a capital
    /// comes first: a lowercase "kazakstan" means the country. A capitalised word gets
    /// only the knowledge's names (`analyze_question`).
    pub(super) fn corrections(&self, word: &str) -> Vec<&str> {
        let len = word.chars().count();
        let allowed = match len {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        let Some(buckets) = word.chars().next().and_then(|first| self.vocabulary.get(&first)) else {
            return Vec::new();
        };
        let mask = letter_mask(word);
        let mut best: Vec<&str> = Vec::new();
        let mut best_distance = allowed + 1;
        for bucket in buckets.iter().take(len + allowed + 1).skip(len.saturating_sub(allowed)) {
            for (candidate, candidate_mask) in bucket {
                // One edit changes at most two letters of the set a word is made of, so
                // words further apart than that cannot be within reach: skip them
                // before the costly distance.
                if (mask ^ candidate_mask).count_ones() as usize > 2 * allowed {
                    continue;
                }
                let distance = strsim::damerau_levenshtein(word, candidate);
                if distance < best_distance {
                    best_distance = distance;
                    best.clear();
                }
                if distance == best_distance {
                    best.push(candidate);
                }
            }
        }
        if best_distance > allowed && !is_cyrillic(word) {
            best.clear();
        }
        best.sort_by_key(|w| (!self.capitalized.contains(*w), std::cmp::Reverse(w.chars().count())));
        if best.is_empty() {
            best = completions(buckets, word, len);
        }
        best
    }
}

/// Whether `candidate` is `skeleton` with vowels put in.
fn without_vowels(candidate: &str, skeleton: &str) -> bool {
    candidate.bytes().filter(|b| !VOWELS.contains(b)).eq(skeleton.bytes())
}

/// Known words (`buckets` by length, all starting as `word` does) that `word` is the
/// start of ("cred" → "credit"), shortest first: people clip long words in chat.
fn completions<'a>(buckets: &'a [Vec<(String, u64)>], word: &str, len: usize) -> Vec<&'a str> {
    buckets
        .iter()
        .skip(len + 1)
        .take(MAX_CLIPPED)
        .map(|bucket| bucket.iter().filter(|(c, _)| c.starts_with(word)).map(|(c, _)| c.as_str()).collect())
        .find(|found: &Vec<&str>| !found.is_empty())
        .unwrap_or_default()
}

/// Whether a word is written in Cyrillic (its first letter tells).
fn is_cyrillic(word: &str) -> bool {
    word.chars().next().is_some_and(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
}

/// The set of letters in a word, one bit per letter (folded into 64 bits).
pub(super) fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0, |mask, c| mask | 1 << (c as u32 % 64))
}

/// A real English word is never a typo, even when it is one letter from a word the
/// knowledge uses ("raise" is not "rise", "data" is not "date").
pub(in crate::matcher) fn is_english_word(word: &str) -> bool {
    // A binary search of the lines, by the table of where each starts that the build
    // made (build.rs): nothing to build while running, which took a whole one-shot
    // `ask` about as long as answering its question.
    let text = ENGLISH_WORDS.as_bytes();
    let lines = ENGLISH_WORD_STARTS.len() / 4;
    let start = |line: usize| {
        let at = &ENGLISH_WORD_STARTS[line * 4..line * 4 + 4];
        u32::from_le_bytes([at[0], at[1], at[2], at[3]]) as usize
    };
    // Every line ends in a newline (a test checks), the last one too.
    let line = |n: usize| {
        let end = if n + 1 < lines { start(n + 1) } else { text.len() };
        &text[start(n)..end - 1]
    };
    let (mut lo, mut hi) = (0, lines);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match line(mid).cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    false
}

/// The SCOWL list, one lowercase word a line, in byte order (a test checks).
const ENGLISH_WORDS: &str = include_str!("../english-words.txt");
/// Where each line of [`ENGLISH_WORDS`] starts: a little-endian `u32` each (build.rs).
const ENGLISH_WORD_STARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/english-word-starts.bin"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_word_list_is_sorted_and_searched() {
        let lines: Vec<&str> = ENGLISH_WORDS.lines().collect();
        assert!(
            lines.windows(2).all(|w| w[0] < w[1]),
            "english-words.txt must stay sorted (LC_ALL=C sort -u)"
        );
        assert!(ENGLISH_WORDS.ends_with('\n'));
        assert_eq!(ENGLISH_WORD_STARTS.len() / 4, lines.len(), "a start for every line");
        for word in [lines[0], lines[1], lines[lines.len() / 2], lines[lines.len() - 1], "raise", "data"] {
            assert!(is_english_word(word), "{word}");
        }
        for word in ["", "a0", "zzzzzz", "tsydanov", "raisee", "rais", "aardvar"] {
            assert!(!is_english_word(word), "{word}");
        }
        assert!(lines.iter().all(|word| is_english_word(word)), "every word is found");
    }
}
