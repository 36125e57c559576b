//! The people, places and outlets each entry names (lexicon `[entities]`), as the
//! knowledge writes them: "Alexei Tsydanov", "Lauri Heino". A follow-up's "he" is the
//! first person the last answer named, and a decline says who "he" was. Which groups
//! of entities are people is read from the knowledge too: a group named mostly by
//! answers to "who" (entries of kind `person`) rather than "where" or "which outlet".
//! Built once per load from the article and the answers; no per-question cost.

use std::cell::RefCell;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::analyze::SynonymWords;
use super::index::Index;
use super::normalize;
use crate::knowledge::Story;
use crate::lang::{Lang, Localized};

/// Words a name is written with, at most ("Alexei Tsydanov", "Lauri Heino").
const MAX_NAME_WORDS: usize = 3;

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Names {
    /// Per entry and language: the entities its answer and source name, people first,
    /// each in the order named, and how many of them are people.
    by_entry: Vec<Localized<(Vec<String>, usize)>>,
}

impl Names {
    /// `synonym_words`: the lexicon's synonym phrases as the analyzer read them
    /// ([`Index::build_with_synonym_words`]).
    pub fn build(index: &Index, story: &Story, synonym_words: &SynonymWords) -> Names {
        let finder = Finder::new(index, story, synonym_words);
        // One name per entity and language: the longest way the knowledge writes it,
        // the commonest of those (answers, not sources, which decline names in Russian).
        let mut written: Localized<HashMap<String, HashMap<String, usize>>> = Localized::default();
        let answers = |lang| story.entries.iter().map(move |e| e.answer.get(lang).as_str());
        for text in std::iter::once(story.article.as_str()).chain(answers(Lang::En)) {
            finder.note(text, &mut written.en);
        }
        for text in answers(Lang::Ru) {
            finder.note(text, &mut written.ru);
        }
        let name_of = |written: &HashMap<String, HashMap<String, usize>>, term: &str| {
            let forms = written.get(term)?;
            let words = |s: &str| s.split_whitespace().count();
            let best = forms
                .iter()
                .max_by(|a, b| words(a.0).cmp(&words(b.0)).then(a.1.cmp(b.1)).then(b.0.cmp(a.0)))?;
            Some(best.0.clone())
        };
        let named = |entry: &crate::knowledge::Entry, lang: Lang| {
            let text = format!("{}\n{}", entry.answer.get(lang), entry.source.get(lang));
            let mut terms: Vec<(String, String)> = Vec::new();
            finder.each(&text, |term, form| {
                if !terms.iter().any(|(t, _)| t == term) {
                    terms.push((term.to_string(), form.to_string()));
                }
            });
            terms
        };
        // Each entry's English names, found once: they tell who the people are too.
        let named_en: Vec<Vec<(String, String)>> = story.entries.iter().map(|e| named(e, Lang::En)).collect();
        let people = people_groups(index, story, &named_en);
        let by_entry = story
            .entries
            .iter()
            .zip(named_en)
            .map(|(entry, en)| {
                let listed = |lang: Lang, mut terms: Vec<(String, String)>| {
                    let is_person = |t: &str| index.entity_group(t).is_some_and(|g| people.contains(&g));
                    // People first ("he"), each kind in the order named.
                    terms.sort_by_key(|(t, _)| !is_person(t));
                    let persons = terms.iter().filter(|(t, _)| is_person(t)).count();
                    let written = written.get(lang);
                    let names =
                        terms.into_iter().map(|(t, form)| name_of(written, &t).unwrap_or(form)).collect();
                    (names, persons)
                };
                Localized { en: listed(Lang::En, en), ru: listed(Lang::Ru, named(entry, Lang::Ru)) }
            })
            .collect();
        Names { by_entry }
    }

    /// The entities entry `entry` names in `lang`: people first, each kind first
    /// named first.
    pub fn of(&self, entry: usize, lang: Lang) -> &[String] {
        self.by_entry.get(entry).map_or(&[], |n| n.get(lang).0.as_slice())
    }

    /// The first person entry `entry` names in `lang`: whom "he" stands for after it.
    pub fn person(&self, entry: usize, lang: Lang) -> Option<&str> {
        let (names, persons) = self.by_entry.get(entry)?.get(lang);
        names.first().filter(|_| *persons > 0).map(String::as_str)
    }
}

/// The entity groups that are people: named first more often by answers to "who"
/// (entries of kind `person`: "Alexei Tsydanov is the governor…") than by answers
/// about places or organizations ("At the Nuijamaa checkpoint in Finland").
/// `named` is each entry's English (term, form) list, in the story's order.
fn people_groups(index: &Index, story: &Story, named: &[Vec<(String, String)>]) -> HashSet<u16> {
    use crate::knowledge::AnswerKind::{Organization, Person, Place};
    let mut tally: HashMap<u16, (usize, usize)> = HashMap::default();
    for (entry, named) in story.entries.iter().zip(named) {
        let person = entry.kinds.contains(&Person);
        let other = entry.kinds.iter().any(|k| matches!(k, Place | Organization));
        if let Some((term, _)) = named.first()
            && let Some(group) = index.entity_group(term)
        {
            let slot = tally.entry(group).or_default();
            slot.0 += usize::from(person);
            slot.1 += usize::from(other && !person);
        }
    }
    tally.into_iter().filter(|(_, (person, other))| person > other).map(|(g, _)| g).collect()
}

/// Finds where a text names an entity.
struct Finder<'a> {
    index: &'a Index,
    /// Every word the lexicon writes an entity's synonyms with: only spans of these
    /// are analyzed.
    words: HashSet<String>,
    /// Each way the lexicon writes an entity, normalized: a span is a name only if it
    /// is one of them ("Vladimir Putin", not "Vladimir Putin: the").
    forms: HashSet<Vec<String>>,
    /// Each word as written → whether it is one of `words` (`None`: it normalizes to
    /// nothing). The article and the answers repeat their words, and normalizing one
    /// costs ten lookups: each is normalized once.
    known: RefCell<HashMap<String, Option<bool>>>,
    /// Each span as written → the entity term it names, if any: names repeat too, and
    /// reading one is a question's analysis.
    terms: RefCell<HashMap<String, Option<String>>>,
}

impl<'a> Finder<'a> {
    fn new(index: &'a Index, story: &Story, synonym_words: &SynonymWords) -> Finder<'a> {
        let lexicon = &story.lexicon;
        let entity_words: HashSet<Vec<String>> =
            lexicon.entities.iter().flatten().flatten().map(|w| normalize::words(w)).collect();
        let forms: HashSet<Vec<String>> = synonym_words
            .iter()
            .filter(|group| group.iter().any(|m| entity_words.contains(m)))
            .flatten()
            .cloned()
            .chain(entity_words.iter().cloned())
            .collect();
        let words = forms.iter().flatten().cloned().collect();
        Finder { index, words, forms, known: RefCell::default(), terms: RefCell::default() }
    }

    /// Calls `found(term, as written)` for each entity named in `text`, in order.
    fn each(&self, text: &str, mut found: impl FnMut(&str, &str)) {
        let spans = self.word_spans(text);
        let mut i = 0;
        while i < spans.len() {
            let longest = (1..=MAX_NAME_WORDS.min(spans.len() - i)).rev().find_map(|n| {
                let words = &spans[i..i + n];
                if !words.iter().all(|(_, known)| *known) {
                    return None;
                }
                let written = trim_possessive(&text[words[0].0.start..words[n - 1].0.end]);
                Some((n, self.term_of(written)?, written))
            });
            match longest {
                Some((n, term, written)) => {
                    found(&term, written);
                    i += n;
                }
                None => i += 1,
            }
        }
    }

    /// The entity term a span of name words names, if it is one way the lexicon
    /// writes one entity.
    fn term_of(&self, written: &str) -> Option<String> {
        if let Some(term) = self.terms.borrow().get(written) {
            return term.clone();
        }
        let term = self.forms.contains(&normalize::words(written)).then(|| {
            match self.index.analyzer.analyze_question(written).terms.as_slice() {
                [term] if self.index.entity_group(term).is_some() => Some(term.clone()),
                _ => None,
            }
        });
        let term = term.flatten();
        self.terms.borrow_mut().insert(written.to_string(), term.clone());
        term
    }

    /// Counts how `text` writes each entity it names.
    fn note(&self, text: &str, written: &mut HashMap<String, HashMap<String, usize>>) {
        self.each(text, |term, form| {
            *written.entry(term.to_string()).or_default().entry(form.to_string()).or_default() += 1;
        });
    }

    /// Each word of `text` with its byte range, and whether it is one of the name
    /// words, normalized ("Tsydanov's" → "tsydanovs"); words that normalize to
    /// nothing are left out.
    fn word_spans(&self, text: &str) -> Vec<(std::ops::Range<usize>, bool)> {
        let mut out = Vec::new();
        let mut start = None;
        let is_word = |c: char| normalize::is_word_char(c) || matches!(c, '\'' | '’');
        let mut known = self.known.borrow_mut();
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (start, is_word(c)) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let raw = &text[s..i];
                    let name_word = match known.get(raw) {
                        Some(&name_word) => name_word,
                        None => {
                            let word = normalize::word(raw);
                            let name_word = (!word.is_empty()).then(|| self.words.contains(&word));
                            known.insert(raw.to_string(), name_word);
                            name_word
                        }
                    };
                    if let Some(name_word) = name_word {
                        out.push((s..i, name_word));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        out
    }
}

/// "Tsydanov's" → "Tsydanov": a name, not its possessive.
fn trim_possessive(written: &str) -> &str {
    written.strip_suffix("'s").or_else(|| written.strip_suffix("’s")).unwrap_or(written)
}
