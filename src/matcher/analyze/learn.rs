//! Building an [`Analyzer`] from the knowledge: stop words, synonym groups, the
//! stems of the knowledge's words (each stemmed once), the vocabulary typo correction
//! draws on, and the words written with a capital.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::capitals::{capitalized_words, lowercase, lowercase_into};
use super::typos::letter_mask;
use super::{Analysis, Analyzer, MAX_PHRASE, SynonymWords, normalize};
use crate::knowledge::Lexicon;
use crate::lang::is_cyrillic;

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
            one_gap_terms: HashSet::default(),
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

    pub(super) fn stem(&self, word: &str) -> String {
        if word.chars().any(is_cyrillic) {
            self.ru.stem(word).into_owned()
        } else {
            self.en.stem(word).into_owned()
        }
    }

    /// A question word's stem: looked up when the knowledge uses the word.
    pub(super) fn stem_known(&self, word: &str) -> String {
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

    /// Keeps the terms only one gap uses, once the index knows them.
    pub fn keep_one_gap_terms(&mut self, terms: HashSet<String>) {
        self.one_gap_terms = terms;
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
}
