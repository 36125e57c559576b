//! The inverted index over a story: every entry, gap and small-talk intent becomes a
//! document of weighted terms, every phrasing a small term set. Built once per load.

use rustc_hash::FxHashMap as HashMap;

use super::analyze::{Analysis, Analyzer, QUESTION_MARK};
use crate::knowledge::{AnswerKind, Entity, Lexicon, Story};
use crate::lang::{Lang, Localized, is_cyrillic};

/// What a document stands for; the number indexes the story's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DocRef {
    Entry(usize),
    Gap(usize),
    SmallTalk(usize),
}

/// How strongly a field's words speak for its document.
const PHRASING: f32 = 1.0;
const ANSWER: f32 = 0.7;
const SOURCE: f32 = 0.6;
const QUOTE: f32 = 0.5;
const TOPIC: f32 = 0.5;
const NOTE: f32 = 0.4;
/// Question words only break ties between phrasings; they say little on their own.
const QUESTION_WORD: f32 = 0.3;
/// "When" is the whole point of a question about a date: "when did the governor admit
/// mistakes" and "did the governor admit mistakes" ask different things.
const TIME_WORD: f32 = 0.7;
const ASKS_A_TIME: [&str; 2] = ["?when", "?когда"];
/// A term in at least this share of a document's phrasings (in one language) is what
/// the document is about: a follow-up to it is read with that term.
const CORE_SHARE: f32 = 0.2;
/// At most this many such terms per document and language.
const CORE_TERMS: usize = 4;

/// One thing of an entity group, as (group, member): every name of the member (its
/// aliases, in any language) names the same thing.
pub type Named = (u16, u16);

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Doc {
    pub target: DocRef,
    pub kinds: Vec<AnswerKind>,
    /// Each phrasing's words as typed (stop words included), as sorted distinct ids
    /// ([`Index::surface`]): breaks ties between documents whose terms fit a question
    /// equally well.
    pub surfaces: Vec<Vec<u32>>,
}

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Phrasing {
    pub doc: u32,
    /// Sum of the phrasing's term weights.
    pub weight: f32,
    /// How many terms it has (a one-word phrasing is contained in any question that
    /// mentions the word).
    pub terms: usize,
}

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Index {
    pub analyzer: Analyzer,
    pub docs: Vec<Doc>,
    pub phrasings: Vec<Phrasing>,
    terms: HashMap<String, u32>,
    /// Per term: the idf weight, the documents (with field strength), the phrasings.
    pub idf: Vec<f32>,
    pub doc_postings: Vec<Vec<(u32, f32)>>,
    pub phrasing_postings: Vec<Vec<u32>>,
    /// Per term: the largest share of a phrasing's weight it makes up (bounds how
    /// much of a phrasing a question can contain; see `prune`).
    pub max_share: Vec<f32>,
    /// Where each document's phrasings start (they are numbered document by
    /// document); one more at the end.
    pub doc_phrasings: Vec<u32>,
    /// Per document: the weight of its lightest phrasing (infinite without any). No
    /// phrasing of it can be contained in a question more than what the question
    /// matched of it over this: a bound for pruning.
    pub lightest_phrasing: Vec<f32>,
    /// The weight of a word the knowledge never uses.
    pub unknown_weight: f32,
    /// Entity terms (lexicon `[entities]`) and what they name.
    entity_group: HashMap<u32, Named>,
    /// Per document: the entities it names.
    doc_entities: Vec<Vec<Named>>,
    /// The words of every phrasing, for [`Doc::surfaces`].
    surface_words: HashMap<String, u32>,
    /// Per document: the terms most of its phrasings share, with that share, per
    /// language (what a follow-up to it is about).
    core: Vec<Localized<Vec<(String, f32)>>>,
}

/// A question's words as the phrasings' word ids (sorted, distinct) and how many
/// distinct words no phrasing uses.
pub struct Surface {
    known: Vec<u32>,
    unknown: usize,
}

impl Index {
    pub fn build(story: &Story) -> Index {
        let mut builder = Builder::new(&story.lexicon);
        for (i, e) in story.entries.iter().enumerate() {
            let questions: Vec<&String> = e.questions.en.iter().chain(&e.questions.ru).collect();
            let mut fields = vec![
                (&e.answer.en, ANSWER),
                (&e.answer.ru, ANSWER),
                (&e.source.en, SOURCE),
                (&e.source.ru, SOURCE),
                (&e.topic, TOPIC),
            ];
            fields.extend(e.quotes.iter().map(|q| (q, QUOTE)));
            builder.add(DocRef::Entry(i), e.kinds.clone(), &questions, &fields);
        }
        for (i, g) in story.gaps.iter().enumerate() {
            let questions: Vec<&String> = g.questions.en.iter().chain(&g.questions.ru).collect();
            builder.add(DocRef::Gap(i), Vec::new(), &questions, &[(&g.note.en, NOTE), (&g.note.ru, NOTE)]);
        }
        for (i, s) in story.smalltalk.iter().enumerate() {
            let patterns: Vec<&String> = s.patterns.iter().collect();
            builder.add(DocRef::SmallTalk(i), Vec::new(), &patterns, &[]);
        }
        let entities = builder.entity_terms(&story.lexicon.entities);
        builder.finish(entities)
    }

    /// A question's words for [`surface_similarity`].
    pub fn surface(&self, words: &[String]) -> Surface {
        let mut known = Vec::with_capacity(words.len());
        let mut unknown: Vec<&str> = Vec::new();
        for word in words {
            match self.surface_words.get(word.as_str()) {
                Some(&id) => known.push(id),
                None => unknown.push(word),
            }
        }
        known.sort_unstable();
        known.dedup();
        unknown.sort_unstable();
        unknown.dedup();
        Surface { known, unknown: unknown.len() }
    }

    pub fn term(&self, term: &str) -> Option<u32> {
        self.terms.get(term).copied()
    }

    /// Whether `doc` uses the term.
    fn doc_has(&self, term: u32, doc: u32) -> bool {
        self.doc_postings[term as usize].binary_search_by_key(&doc, |&(d, _)| d).is_ok()
    }

    /// Whether the question has a term that `doc` uses and `other` does not.
    pub fn has_term_missing_from(&self, analysis: &Analysis, doc: u32, other: u32) -> bool {
        analysis
            .terms
            .iter()
            .filter_map(|t| self.term(t))
            .any(|t| self.doc_has(t, doc) && !self.doc_has(t, other))
    }

    /// The things the question names.
    pub fn entities_in(&self, analysis: &Analysis) -> Vec<Named> {
        analysis
            .terms
            .iter()
            .filter_map(|t| self.term(t))
            .filter_map(|t| self.entity_group.get(&t).copied())
            .collect()
    }

    /// The question's terms that name a thing (lexicon `[entities]`).
    pub fn entity_terms_in(&self, analysis: &Analysis) -> Vec<u32> {
        analysis
            .terms
            .iter()
            .filter_map(|t| self.term(t))
            .filter(|t| self.entity_group.contains_key(t))
            .collect()
    }

    /// The document of an entry, gap or small-talk intent.
    pub fn doc_of(&self, target: DocRef) -> u32 {
        self.docs.iter().position(|d| d.target == target).unwrap_or(0) as u32
    }

    /// The entity group of a term (lexicon `[entities]`), if it is an entity.
    pub fn entity_group(&self, term: &str) -> Option<u16> {
        self.term(term).and_then(|id| self.entity_group.get(&id)).map(|&(group, _)| group)
    }

    /// What `doc` is about, in `lang`: the terms most of its phrasings share, with the
    /// share of phrasings that have each.
    pub fn core_terms(&self, doc: u32, lang: Lang) -> &[(String, f32)] {
        self.core.get(doc as usize).map_or(&[], |c| c.get(lang).as_slice())
    }

    /// Whether `doc` is about another thing of a kind the question names: it names
    /// none of the question's countries but names another country.
    pub fn names_another(&self, doc: u32, asked: &[Named]) -> bool {
        let named = &self.doc_entities[doc as usize];
        asked.iter().any(|&(group, _)| {
            named.iter().any(|&(g, _)| g == group) && !asked.iter().any(|a| a.0 == group && named.contains(a))
        })
    }
}

struct Builder {
    analyzer: Analyzer,
    docs: Vec<Doc>,
    /// Term → id, in order of first use.
    ids: HashMap<String, u32>,
    /// Phrasing word → id, in order of first use.
    surface_words: HashMap<String, u32>,
    /// Per document: its terms with the strongest field strength, by term id.
    doc_terms: Vec<Vec<(u32, f32)>>,
    phrasing_terms: Vec<Vec<u32>>,
    phrasing_doc: Vec<u32>,
}

impl Builder {
    fn new(lexicon: &Lexicon) -> Builder {
        Builder {
            analyzer: Analyzer::new(lexicon),
            docs: Vec::new(),
            ids: HashMap::default(),
            surface_words: HashMap::default(),
            doc_terms: Vec::new(),
            phrasing_terms: Vec::new(),
            phrasing_doc: Vec::new(),
        }
    }

    fn intern(&mut self, term: String) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(term).or_insert(next)
    }

    fn add(
        &mut self,
        target: DocRef,
        kinds: Vec<AnswerKind>,
        questions: &[&String],
        fields: &[(&String, f32)],
    ) {
        let doc = self.docs.len() as u32;
        let mut terms: Vec<(u32, f32)> = Vec::new();
        let mut surfaces = Vec::with_capacity(questions.len());
        for question in questions {
            // Small talk's chat words ("lol", "code") are not what a typo meant.
            let learn = !matches!(target, DocRef::SmallTalk(_));
            let words = super::normalize::words(question);
            let analysis = self.analyzer.analyze_knowledge_words(&words, learn);
            if analysis.terms.is_empty() {
                continue;
            }
            let mut surface: Vec<u32> = words
                .into_iter()
                .map(|w| {
                    let next = self.surface_words.len() as u32;
                    *self.surface_words.entry(w).or_insert(next)
                })
                .collect();
            surface.sort_unstable();
            surface.dedup();
            surfaces.push(surface);
            let ids: Vec<u32> = analysis.terms.into_iter().map(|t| self.intern(t)).collect();
            terms.extend(ids.iter().map(|&id| (id, PHRASING)));
            self.phrasing_terms.push(ids);
            self.phrasing_doc.push(doc);
        }
        for (text, strength) in fields {
            let analysis = self.analyzer.analyze_knowledge(text, true);
            for term in analysis.terms {
                terms.push((self.intern(term), *strength));
            }
        }
        // Each term once, with the strongest field that uses it.
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        terms.dedup_by_key(|t| t.0);
        self.docs.push(Doc { target, kinds, surfaces });
        self.doc_terms.push(terms);
    }

    /// Each entity name's terms, with the member they name.
    fn entity_terms(&mut self, groups: &[Vec<Entity>]) -> Vec<(String, Named)> {
        let mut out = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            for (m, member) in group.iter().enumerate() {
                for name in member {
                    for term in self.analyzer.analyze_knowledge(name, false).terms {
                        out.push((term, (g as u16, m as u16)));
                    }
                }
            }
        }
        out
    }

    fn finish(mut self, entities: Vec<(String, Named)>) -> Index {
        let ids = std::mem::take(&mut self.ids);
        let mut doc_postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); ids.len()];
        for (doc, terms) in self.doc_terms.iter().enumerate() {
            for &(id, strength) in terms {
                doc_postings[id as usize].push((doc as u32, strength));
            }
        }
        let n = self.docs.len().max(1) as f32;
        let mut idf: Vec<f32> = doc_postings.iter().map(|p| (1.0 + n / p.len() as f32).ln()).collect();
        for (term, &id) in &ids {
            if term.starts_with(QUESTION_MARK) {
                idf[id as usize] *=
                    if ASKS_A_TIME.contains(&term.as_str()) { TIME_WORD } else { QUESTION_WORD };
            }
        }
        let mut phrasing_postings = vec![Vec::new(); doc_postings.len()];
        let mut phrasings = Vec::with_capacity(self.phrasing_terms.len());
        for (p, terms) in self.phrasing_terms.iter().enumerate() {
            let mut weight = 0.0;
            for &id in terms {
                phrasing_postings[id as usize].push(p as u32);
                weight += idf[id as usize];
            }
            phrasings.push(Phrasing { doc: self.phrasing_doc[p], weight, terms: terms.len() });
        }
        let mut max_share = vec![0f32; idf.len()];
        for (phrasing, terms) in phrasings.iter().zip(&self.phrasing_terms) {
            for &id in terms {
                let share = idf[id as usize] / phrasing.weight.max(f32::EPSILON);
                max_share[id as usize] = max_share[id as usize].max(share);
            }
        }
        let mut doc_phrasings = vec![0u32; self.docs.len() + 1];
        for phrasing in &phrasings {
            doc_phrasings[phrasing.doc as usize + 1] += 1;
        }
        for d in 0..self.docs.len() {
            doc_phrasings[d + 1] += doc_phrasings[d];
        }
        let mut lightest_phrasing = vec![f32::INFINITY; self.docs.len()];
        for phrasing in &phrasings {
            let lightest = &mut lightest_phrasing[phrasing.doc as usize];
            *lightest = lightest.min(phrasing.weight);
        }
        let entity_group: HashMap<u32, Named> =
            entities.into_iter().filter_map(|(term, named)| ids.get(&term).map(|&id| (id, named))).collect();
        let mut doc_entities: Vec<Vec<Named>> = vec![Vec::new(); self.docs.len()];
        for (&id, &named) in &entity_group {
            for &(doc, _) in &doc_postings[id as usize] {
                doc_entities[doc as usize].push(named);
            }
        }
        doc_entities.iter_mut().for_each(|named| {
            named.sort_unstable();
            named.dedup();
        });
        let core = self.core_terms(&ids, &idf);
        let max_idf = (1.0 + n).ln();
        let analyzer = self.analyzer;
        Index {
            analyzer,
            docs: self.docs,
            phrasings,
            terms: ids,
            idf,
            doc_postings,
            phrasing_postings,
            max_share,
            doc_phrasings,
            lightest_phrasing,
            unknown_weight: 0.5 * max_idf,
            entity_group,
            doc_entities,
            surface_words: self.surface_words,
            core,
        }
    }

    /// Per document and language, the terms in at least [`CORE_SHARE`] of its
    /// phrasings (question words aside), most shared first, rarer first on a tie.
    fn core_terms(&self, ids: &HashMap<String, u32>, idf: &[f32]) -> Vec<Localized<Vec<(String, f32)>>> {
        let mut names = vec![""; ids.len()];
        for (term, &id) in ids {
            names[id as usize] = term.as_str();
        }
        let mut counts: Vec<Localized<(usize, HashMap<u32, usize>)>> = Vec::new();
        counts.resize_with(self.docs.len(), Default::default);
        for (terms, &doc) in self.phrasing_terms.iter().zip(&self.phrasing_doc) {
            let russian = terms.iter().any(|&t| names[t as usize].chars().any(is_cyrillic));
            let slot = &mut counts[doc as usize];
            let (n, seen) = if russian { &mut slot.ru } else { &mut slot.en };
            *n += 1;
            for &term in terms.iter().filter(|&&t| !names[t as usize].starts_with(QUESTION_MARK)) {
                *seen.entry(term).or_default() += 1;
            }
        }
        let rank = |(n, seen): &(usize, HashMap<u32, usize>)| {
            let mut shared: Vec<(u32, f32)> = seen
                .iter()
                .map(|(&t, &c)| (t, c as f32 / (*n).max(1) as f32))
                .filter(|(_, share)| *share >= CORE_SHARE)
                .collect();
            let weight = |t: u32| idf[t as usize];
            shared.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then(weight(b.0).total_cmp(&weight(a.0)))
                    .then(names[a.0 as usize].cmp(names[b.0 as usize]))
            });
            shared.truncate(CORE_TERMS);
            shared.into_iter().map(|(t, share)| (names[t as usize].to_string(), share)).collect()
        };
        counts.iter().map(|c| Localized { en: rank(&c.en), ru: rank(&c.ru) }).collect()
    }
}

/// Jaccard similarity of a question's words and a phrasing's (sorted, distinct ids).
pub fn surface_similarity(a: &Surface, b: &[u32]) -> f32 {
    let (a_known, mut i, mut j, mut shared) = (&a.known, 0, 0, 0usize);
    while i < a_known.len() && j < b.len() {
        match a_known[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a_known.len() + a.unknown + b.len() - shared;
    if union == 0 { 0.0 } else { shared as f32 / union as f32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[&str], entities: &[&[&str]]) -> Index {
        let lexicon = Lexicon {
            entities: vec![entities.iter().map(|m| m.iter().map(|w| w.to_string()).collect()).collect()],
            ..Lexicon::default()
        };
        let mut builder = Builder::new(&lexicon);
        for (i, text) in docs.iter().enumerate() {
            builder.add(DocRef::Entry(i), Vec::new(), &[&text.to_string()], &[]);
        }
        let entities = builder.entity_terms(&lexicon.entities);
        builder.finish(entities)
    }

    #[test]
    fn a_document_about_another_country_is_told_apart() {
        let docs = ["Belarus rounds up men", "lines at the Georgia and Kazakhstan borders", "men fled"];
        let index = index(&docs, &[&["belarus"], &["georgia"], &["kazakhstan"]]);
        let asked = index.entities_in(&index.analyzer.analyze_question("did kazakhstan round up men?"));
        assert!(index.names_another(0, &asked), "names Belarus only");
        assert!(!index.names_another(1, &asked), "names Kazakhstan too");
        assert!(!index.names_another(2, &asked), "names no country");
        let asked = index.entities_in(&index.analyzer.analyze_question("did men flee?"));
        assert!(asked.is_empty() && !index.names_another(0, &asked), "the question names none");
    }

    #[test]
    fn the_names_of_one_member_name_one_thing() {
        let docs = ["мужчины бегут в финляндию", "men fled to Georgia", "Finland and Georgia"];
        let index = index(&docs, &[&["finland", "финляндия"], &["georgia"]]);
        let asked = index.entities_in(&index.analyzer.analyze_question("did men flee to finland?"));
        assert!(!asked.is_empty());
        assert!(!index.names_another(0, &asked), "Финляндия is Finland");
        assert!(index.names_another(1, &asked));
    }
}
