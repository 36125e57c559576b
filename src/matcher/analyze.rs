//! Words → matching terms: stop words, stemming (English or Russian by script),
//! synonym groups (single words and short phrases), typo correction against the
//! knowledge's own vocabulary (typos.rs; names kept by their capitals, capitals.rs), and
//! the kind of answer the question asks for. Building the analyzer from the knowledge
//! is learn.rs; stems → terms is terms.rs.

use rust_stemmers::Stemmer;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::normalize;
pub use super::question::QUESTION_MARK;
use super::question::{PRECISION_ADJECTIVES, PRECISION_ADVERBS, question_kind};
use crate::knowledge::AnswerKind;
pub(super) use typos::is_english_word;

mod capitals;
mod learn;
mod script;
mod terms;
mod typos;

use capitals::{looks_like_name, written_capitalized};

/// The longest synonym phrase, in words.
const MAX_PHRASE: usize = 4;
/// Unknown words tried against the vocabulary per question: typo correction is the
/// costliest step, so a junk message cannot make it unbounded.
const MAX_CORRECTIONS: usize = 12;

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Analyzer {
    #[serde(skip, default = "crate::cache::fields::english")]
    en: Stemmer,
    #[serde(skip, default = "crate::cache::fields::russian")]
    ru: Stemmer,
    stopwords: HashSet<String>,
    /// Stem sequence → the group's canonical term.
    synonyms: HashMap<Vec<String>, String>,
    /// First stem of a phrase of two or more stems → the longest such phrase's length,
    /// so only words that can start a phrase are looked up as phrases.
    phrase_starts: HashMap<String, usize>,
    /// Known words by length in characters, for typo correction.
    /// By first letter (a typo rarely changes it), by length in characters.
    vocabulary: HashMap<char, Vec<Vec<(String, u64)>>>,
    known_stems: HashSet<String>,
    /// Stems of words the knowledge uses only inside the lexicon's phrases of two or
    /// more words ("central asian"): known inside the phrase, but alone ("an *Asian*
    /// airline") such a word may still be a name the story never uses.
    phrase_stems: HashSet<String>,
    /// The stem of every knowledge word, and whether the word was learned for typo
    /// correction yet: each is stemmed once, and questions, which mostly use the
    /// knowledge's words, look their stems up instead of stemming them again.
    stem_cache: HashMap<String, (String, bool)>,
    /// Words the knowledge writes with a capital: a name typed with a capital is only
    /// ever a typo of one of these ("Tsidanov"), never of a common word ("Helsinki"
    /// is not "helping").
    capitalized: HashSet<String>,
    /// The article's own words: one of them is what the user meant, never a typo.
    article_words: HashSet<String>,
    /// Terms only one gap uses ([`super::index::Index::only_one_gap`]): of the known
    /// words, only these are worth asking whether they are written like names.
    one_gap_terms: HashSet<String>,
}

/// Per synonym group, per phrase: its normalized words.
pub type SynonymWords = Vec<Vec<Vec<String>>>;

/// What a text means to the matcher.
#[derive(Debug, Default, Clone)]
pub struct Analysis {
    /// Distinct terms, in order of appearance.
    pub terms: Vec<String>,
    /// Terms that came from typo correction (they count a little less).
    pub corrected: HashSet<String>,
    /// What kind of answer the question words ask for.
    pub asks: Option<AnswerKind>,
    /// Unknown terms that look like names ("Peskov", "Zelensky"): a question about
    /// someone the knowledge never mentions is not about anything it knows.
    pub names: HashSet<String>,
    /// Terms written like names, known or not ("Kharkiv", "Дагестан"): a name that only
    /// the questions the article leaves open use is one it never speaks of
    /// ([`super::index::Index::only_one_gap`]).
    pub written_names: HashSet<String>,
    /// Whether the question asks for an exact value.
    pub precise: Precision,
    /// A question's normalized words (stop words included), for comparing its
    /// wording with the phrasings'.
    pub words: Vec<String>,
    /// Terms weighed apart from their idf: a follow-up is read with the last answer's
    /// terms, which count for less than the message's own (absent: 1).
    pub weights: HashMap<String, f32>,
    /// Stems read inside a synonym phrase of two or more words ("military *record*"):
    /// the text has the word, though it reads as the phrase's group.
    pub in_phrases: Vec<String>,
    /// Whether an unknown word reads as a known word typed in the other script or
    /// layout ("chto", "ghbdtn"): the message is worth [`Analyzer::reread_script`].
    pub other_script: bool,
}

impl Analysis {
    /// How much `term` counts, on top of its idf.
    pub fn weight(&self, term: &str) -> f32 {
        if self.weights.is_empty() { 1.0 } else { self.weights.get(term).copied().unwrap_or(1.0) }
    }
}

/// How exact an answer a question asks for.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    #[default]
    None,
    /// "Exactly how many": exact, if it asks for a number or a date.
    Figure,
    /// "The exact salary": an exact value, whatever it asks.
    Value,
}

impl Analyzer {
    /// Analyzes a user's question, correcting words the knowledge does not know.
    pub fn analyze_question(&self, text: &str) -> Analysis {
        let mut words = normalize::words(text);
        let figure = text.bytes().any(|b| b.is_ascii_digit()) && names_a_figure(&words);
        let asks = question_kind(&words).or_else(|| figure.then_some(AnswerKind::Number));
        let mut stems: Vec<String> = words.iter().map(|w| self.stem_known(w)).collect();
        let mut corrected = HashSet::default();
        let mut attempts = 0;
        let mut other_script = false;
        for i in 0..words.len() {
            if attempts >= MAX_CORRECTIONS {
                continue;
            }
            let chat = self.vowels_dropped(&words[i], &stems[i]);
            if chat.is_none() && self.needs_no_correction(&words[i], &stems[i]) {
                continue;
            }
            attempts += 1;
            other_script = other_script || self.reads_in_other_script(&words[i]);
            // "actualy" is "actually", a stop word, not the entry word "actual".
            if chat.is_none()
                && let Some(stop) = self.misspelt_stopword(&words[i])
            {
                words[i] = stop;
                stems[i] = self.stem_known(&words[i]);
                continue;
            }
            let mut candidates = match chat {
                Some(word) => vec![word],
                None => self.corrections(&words[i]),
            };
            if written_capitalized(text, &words[i]) {
                candidates.retain(|c| self.capitalized.contains(*c));
            }
            // Among equally close words, one that makes a known phrase with a
            // neighbour wins ("wite house" → "white house", not "write house").
            let in_phrase = |c: &&&str| {
                let stem = self.stem_known(c);
                let before = i.checked_sub(1).map(|j| vec![stems[j].clone(), stem.clone()]);
                let after = stems.get(i + 1).map(|next| vec![stem.clone(), next.clone()]);
                before.into_iter().chain(after).any(|pair| self.synonyms.contains_key(&pair))
            };
            let Some(fixed) = candidates.iter().find(in_phrase).or(candidates.first()) else { continue };
            stems[i] = self.stem_known(fixed);
            corrected.insert(
                self.synonyms
                    .get(std::slice::from_ref(&stems[i]))
                    .cloned()
                    .unwrap_or_else(|| stems[i].clone()),
            );
        }
        let (mut names, mut written_names) = (HashSet::default(), HashSet::default());
        for (i, (word, stem)) in words.iter().zip(&stems).enumerate() {
            if corrected.contains(stem) {
                continue;
            }
            let unknown = !self.known_stems.contains(stem)
                || (self.phrase_stems.contains(stem) && !self.in_a_phrase(&stems, i));
            let one_gap = self.one_gap_terms.contains(stem);
            // Asking how a word is written costs substring searches of the message:
            // only a word that could count as a name is asked.
            if (unknown || one_gap) && looks_like_name(text, word) {
                if unknown {
                    names.insert(stem.clone());
                }
                if one_gap {
                    written_names.insert(stem.clone());
                }
            }
        }
        let mut analysis = self.terms_of_stems(&words, stems);
        analysis.names = names;
        analysis.written_names = written_names;
        analysis.corrected = corrected;
        analysis.other_script = other_script;
        analysis.asks = asks;
        let any_of = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        analysis.precise = if any_of(&PRECISION_ADJECTIVES) {
            Precision::Value
        } else if any_of(&PRECISION_ADVERBS) {
            Precision::Figure
        } else {
            Precision::None
        };
        analysis.words = words;
        analysis
    }

    /// Whether `word` (normalized) is one of the lexicon's stop words.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// Whether the stem at `at` is read with its neighbours as one of the lexicon's
    /// phrases ("*central asian*"). Only a known word written with a capital is
    /// looked up, so the cost stays with the few such words.
    fn in_a_phrase(&self, stems: &[String], at: usize) -> bool {
        (2..=MAX_PHRASE.min(stems.len())).any(|len| {
            let first = (at + 1).saturating_sub(len);
            (first..=at.min(stems.len() - len))
                .any(|from| self.synonyms.contains_key(&stems[from..from + len]))
        })
    }
}

/// "Did Putin say 500,000 men could go?" is about a figure even without "how many":
/// a number of 100 or more that is not a year, typed in digits ("a few hundred
/// thousand" is a manner of speaking).
fn names_a_figure(words: &[String]) -> bool {
    words.iter().filter_map(|w| w.parse::<u64>().ok()).any(|n| n >= 100 && !(1900..=2100).contains(&n))
}

#[cfg(test)]
mod tests;
