//! Words → matching terms: stop words, stemming (English or Russian by script),
//! synonym groups (single words and short phrases), typo correction against the
//! knowledge's own vocabulary (typos.rs; names kept by their capitals, capitals.rs), and
//! the kind of answer the question asks for.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::normalize;
pub use super::question::QUESTION_MARK;
use super::question::{
    ASPECT, ATTRIBUTION, NEGATION, PRECISION_ADJECTIVES, PRECISION_ADVERBS, aspect_len, is_list_size,
    is_negation, is_question_word, question_kind, question_term_at, source_noun_len,
};
use crate::knowledge::{AnswerKind, Lexicon};
use crate::lang::is_cyrillic;
pub(super) use typos::is_english_word;
use typos::letter_mask;

mod capitals;
mod script;
mod typos;

use capitals::{capitalized_words, looks_like_name, lowercase, lowercase_into, written_capitalized};

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
    /// Whether the question asks for an exact value.
    pub precise: Precision,
    /// A question's normalized words (stop words included), for comparing its
    /// wording with the phrasings'.
    pub words: Vec<String>,
    /// Terms weighed apart from their idf: a follow-up is read with the last answer's
    /// terms, which count for less than the message's own (absent: 1).
    pub weights: HashMap<String, f32>,
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
    /// An analyzer alone, as tests make one (the index makes its own with the words).
    #[cfg(test)]
    pub fn new(lexicon: &Lexicon) -> Analyzer {
        Self::with_synonym_words(lexicon).0
    }

    /// [`Self::new`], and the words of every synonym group's phrases (English groups,
    /// then Russian, in the lexicon's order), normalized: names are found by them too,
    /// and normalizing them twice was a fiftieth of a start-up.
    pub fn with_synonym_words(lexicon: &Lexicon) -> (Analyzer, SynonymWords) {
        let mut analyzer = Analyzer {
            en: Stemmer::create(Algorithm::English),
            ru: Stemmer::create(Algorithm::Russian),
            stopwords: HashSet::default(),
            synonyms: HashMap::default(),
            phrase_starts: HashMap::default(),
            vocabulary: HashMap::default(),
            known_stems: HashSet::default(),
            phrase_stems: HashSet::default(),
            stem_cache: HashMap::default(),
            capitalized: HashSet::default(),
            article_words: HashSet::default(),
        };
        for word in lexicon.stopwords.en.iter().chain(&lexicon.stopwords.ru) {
            analyzer.stopwords.extend(normalize::words(word));
        }
        let groups = lexicon.synonyms.en.iter().chain(&lexicon.synonyms.ru);
        let words = groups.map(|group| analyzer.add_synonym_group(group)).collect();
        (analyzer, words)
    }

    /// Adds a synonym group; returns its phrases' words.
    fn add_synonym_group(&mut self, group: &[String]) -> Vec<Vec<String>> {
        let phrases: Vec<Vec<String>> = group.iter().map(|p| normalize::words(p)).collect();
        // Each word becomes vocabulary for typo correction as it is stemmed.
        let stemmed: Vec<Vec<String>> = phrases
            .iter()
            .map(|words| {
                let phrase = words.len() >= 2;
                words.iter().map(|w| self.synonym_stem(w, phrase)).collect::<Vec<_>>()
            })
            .filter(|s| !s.is_empty())
            .collect();
        let Some(first) = stemmed.first() else { return phrases };
        let canonical = format!("~{}", first.join("_"));
        for phrase in stemmed.into_iter().filter(|p| p.len() <= MAX_PHRASE) {
            if phrase.len() >= 2 {
                let longest = self.phrase_starts.entry(phrase[0].clone()).or_default();
                *longest = (*longest).max(phrase.len());
            }
            self.synonyms.entry(phrase).or_insert_with(|| canonical.clone());
        }
        phrases
    }

    /// The stem of a synonym phrase's word, learned; a word only a phrase of two or
    /// more words uses so far is noted in `phrase_stems`.
    fn synonym_stem(&mut self, word: &str, in_phrase: bool) -> String {
        // Stemmed once: kept unlearned until `knowledge_stem` below learns it.
        let stem = match self.stem_cache.get(word) {
            Some((stem, _)) => stem.clone(),
            None => {
                let stem = self.stem(word);
                self.stem_cache.insert(word.to_string(), (stem.clone(), false));
                stem
            }
        };
        let phrase_only =
            in_phrase && (self.phrase_stems.contains(&stem) || !self.known_stems.contains(&stem));
        let stem = self.knowledge_stem(word, true);
        if phrase_only {
            self.phrase_stems.insert(stem.clone());
        }
        stem
    }

    /// The stem of a knowledge word; with `learn`, the word becomes vocabulary for
    /// typo correction. The knowledge repeats its words a lot, so each distinct word
    /// is stemmed and learned once while the index is built.
    fn knowledge_stem(&mut self, word: &str, learn: bool) -> String {
        let (stem, learned) = match self.stem_cache.get_mut(word) {
            Some((stem, learned)) => (stem.clone(), std::mem::replace(learned, *learned || learn)),
            None => {
                let stem = self.stem(word);
                self.stem_cache.insert(word.to_string(), (stem.clone(), learn));
                (stem, false)
            }
        };
        if learn && !learned {
            self.learn_word(word, &stem);
        }
        // Used on its own, the word is known alone too.
        if learn && !self.phrase_stems.is_empty() {
            self.phrase_stems.remove(&stem);
        }
        stem
    }

    fn stem(&self, word: &str) -> String {
        if word.chars().any(is_cyrillic) {
            self.ru.stem(word).into_owned()
        } else {
            self.en.stem(word).into_owned()
        }
    }

    /// A question word's stem: looked up when the knowledge uses the word.
    fn stem_known(&self, word: &str) -> String {
        match self.stem_cache.get(word) {
            Some((stem, _)) => stem.clone(),
            None => self.stem(word),
        }
    }

    /// Adds a knowledge word (and its stem) to the vocabulary for typo correction;
    /// [`Self::knowledge_stem`] learns each word once.
    fn learn_word(&mut self, word: &str, stem: &str) {
        let len = word.chars().count();
        if len < 3 || self.stopwords.contains(word) {
            return;
        }
        self.known_stems.insert(stem.to_string());
        let Some(first) = word.chars().next() else { return };
        let buckets = self.vocabulary.entry(first).or_default();
        if buckets.len() <= len {
            buckets.resize(len + 1, Vec::new());
        }
        buckets[len].push((word.to_string(), letter_mask(word)));
    }

    /// Indexes a knowledge text; with `learn`, its words become vocabulary for typo
    /// correction.
    pub fn analyze_knowledge(&mut self, text: &str, learn: bool) -> Analysis {
        if learn {
            self.keep_capitalized(text);
        }
        self.analyze_knowledge_words(&normalize::words(text), learn)
    }

    /// Keeps the words `text` writes with a capital. The knowledge repeats its names:
    /// a name already kept is not copied again.
    fn keep_capitalized(&mut self, text: &str) {
        let mut lower = String::new();
        for word in capitalized_words(text) {
            lowercase_into(word, &mut lower);
            if !self.capitalized.contains(&lower) {
                self.capitalized.insert(lower.clone());
            }
        }
    }

    /// Keeps the article's words, so that a word the article uses is never corrected
    /// into another, and its names, which a capitalised typo may mean.
    pub fn keep_article(&mut self, article: &str) {
        self.keep_capitalized(article);
        let words = article.split(|c: char| !normalize::is_word_char(c)).filter(|w| !w.is_empty());
        self.article_words.extend(words.map(lowercase));
    }

    /// The same, for a text already split into words.
    pub fn analyze_knowledge_words(&mut self, words: &[String], learn: bool) -> Analysis {
        let stems: Vec<String> = words.iter().map(|w| self.knowledge_stem(w, learn)).collect();
        self.terms_of_stems(words, stems)
    }

    /// Analyzes a user's question, correcting words the knowledge does not know.
    pub fn analyze_question(&self, text: &str) -> Analysis {
        let words = normalize::words(text);
        let figure = text.bytes().any(|b| b.is_ascii_digit()) && names_a_figure(&words);
        let asks = question_kind(&words).or_else(|| figure.then_some(AnswerKind::Number));
        let mut stems: Vec<String> = words.iter().map(|w| self.stem_known(w)).collect();
        let mut corrected = HashSet::default();
        let mut attempts = 0;
        let mut other_script = false;
        for i in 0..words.len() {
            if attempts >= MAX_CORRECTIONS || self.needs_no_correction(&words[i], &stems[i]) {
                continue;
            }
            attempts += 1;
            other_script = other_script || self.reads_in_other_script(&words[i]);
            let mut candidates = self.corrections(&words[i]);
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
        let names = (words.iter().zip(&stems).enumerate())
            .filter(|(i, (w, s))| {
                let known = self.known_stems.contains(*s)
                    && (!self.phrase_stems.contains(*s) || self.in_a_phrase(&stems, *i));
                !corrected.contains(*s) && !known && looks_like_name(text, w)
            })
            .map(|(_, (_, s))| s.clone())
            .collect();
        let mut analysis = self.terms_of_stems(&words, stems);
        analysis.names = names;
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

    /// The terms of `words`, stemmed as `stems`; a stem that is its own term is moved
    /// into the terms, not copied (the stems before it are never read again).
    fn terms_of_stems(&self, words: &[String], mut stems: Vec<String>) -> Analysis {
        // A term a word at most: the terms never grow past it.
        let mut analysis = Analysis { terms: Vec::with_capacity(stems.len()), ..Analysis::default() };
        let push = |term: String, analysis: &mut Analysis| {
            if !analysis.terms.contains(&term) {
                analysis.terms.push(term);
            }
        };
        let mut i = 0;
        while i < stems.len() {
            let reach = self.phrase_starts.get(&stems[i]).map_or(0, |&n| n.min(stems.len() - i));
            if let Some(n) = aspect_len(&words[i..]) {
                push(ASPECT.to_string(), &mut analysis);
                i += n;
                continue;
            }
            // "Which *news agency* reported …" asks for a fact's source, as "who reported" does.
            if let Some(n) = source_noun_len(words, i) {
                push(ATTRIBUTION.to_string(), &mut analysis);
                i += n;
                continue;
            }
            let longest = (2..=reach).rev().find_map(|n| self.synonyms.get(&stems[i..i + n]).map(|c| (n, c)));
            if let Some((n, canonical)) = longest {
                push(canonical.clone(), &mut analysis);
                i += n;
                continue;
            }
            if let Some(term) = question_term_at(words, i) {
                push(term, &mut analysis);
            } else if is_question_word(&words[i]) {
                // A question word that does not ask here: a conjunction, weightless.
            } else if is_negation(&words[i]) {
                push(NEGATION.to_string(), &mut analysis);
            } else if is_list_size(words, i) {
                // "Which *three* countries …": how many are asked for, no figure to match.
            } else if !self.stopwords.contains(&words[i]) {
                let term = match self.synonyms.get(&stems[i..i + 1]) {
                    Some(canonical) => canonical.clone(),
                    None => std::mem::take(&mut stems[i]),
                };
                push(term, &mut analysis);
            }
            i += 1;
        }
        analysis
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
