//! Building the index from a story: each entry, gap and small-talk intent becomes a
//! document of its fields' terms (the stronger a field, the more its words count),
//! each phrasing a term set; then the idf weights, the postings and the bounds that
//! pruning uses.

use rustc_hash::FxHashMap as HashMap;

use super::{Doc, DocRef, Index, Named, PHRASING, Phrasing};
use crate::knowledge::{AnswerKind, Entity, Lexicon, Story};
use crate::lang::{Localized, is_cyrillic};
use crate::matcher::analyze::{Analyzer, QUESTION_MARK, SynonymWords};

/// How strongly a field's words speak for its document; a phrasing's words the most
/// ([`PHRASING`]).
const ANSWER: f32 = 0.7;
const SOURCE: f32 = 0.6;
const QUOTE: f32 = 0.5;
const TOPIC: f32 = 0.5;
const NOTE: f32 = 0.4;
// Pruning reads a term of strength PHRASING in a document as one of its phrasings'
// words: every other field must be weaker.
const _: () = assert!(ANSWER < PHRASING && SOURCE < PHRASING && QUOTE < PHRASING);
const _: () = assert!(TOPIC < PHRASING && NOTE < PHRASING);
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

impl Index {
    /// An index alone, as tests make one (the matcher keeps the synonym words too).
    #[cfg(test)]
    pub fn build(story: &Story) -> Index {
        Self::build_with_synonym_words(story).0
    }

    /// [`Self::build`], and the words of the lexicon's synonym phrases
    /// ([`Analyzer::with_synonym_words`]).
    pub fn build_with_synonym_words(story: &Story) -> (Index, SynonymWords) {
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
            // A whole-article list is found by its phrasings only: its answer's words
            // are other entries' subjects, and would count twice in every name's idf.
            if e.kinds.contains(&AnswerKind::List) {
                fields.clear();
            }
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
        let synonym_words = std::mem::take(&mut builder.synonym_words);
        let mut index = builder.finish(entities);
        let one_gap_terms =
            (index.terms.iter()).filter(|&(_, &id)| index.only_one_gap(id)).map(|(t, _)| t.clone()).collect();
        index.analyzer.keep_one_gap_terms(one_gap_terms);
        (index, synonym_words)
    }
}

pub(super) struct Builder {
    analyzer: Analyzer,
    /// The words of the lexicon's synonym phrases, handed on to who finds names.
    synonym_words: SynonymWords,
    docs: Vec<Doc>,
    /// Term → id, in order of first use.
    ids: HashMap<String, u32>,
    /// Phrasing word → id, in order of first use.
    surface_words: HashMap<String, u32>,
    /// Per document: its terms with the strongest field strength, by term id.
    doc_terms: Vec<Vec<(u32, f32)>>,
    phrasing_terms: Vec<Vec<u32>>,
    phrasing_doc: Vec<u32>,
    phrasing_asks: Vec<Option<AnswerKind>>,
    phrasing_contrast: Vec<bool>,
    /// Each field text analyzed so far, with its term ids and the stems it uses inside
    /// synonym phrases.
    field_terms: HashMap<String, (Vec<u32>, Vec<String>)>,
    /// By term id: the strongest field strength in the document being added
    /// ([`UNSEEN`] outside it).
    strongest: Vec<f32>,
}

/// No field of the document uses the term: every strength is above it.
const UNSEEN: f32 = 0.0;
const _: () =
    assert!(UNSEEN < NOTE && UNSEEN < TOPIC && UNSEEN < QUOTE && UNSEEN < SOURCE && UNSEEN < ANSWER);

impl Builder {
    pub(super) fn new(lexicon: &Lexicon) -> Builder {
        let (analyzer, synonym_words) = Analyzer::with_synonym_words(lexicon);
        Builder {
            analyzer,
            synonym_words,
            docs: Vec::new(),
            ids: HashMap::default(),
            surface_words: HashMap::default(),
            doc_terms: Vec::new(),
            phrasing_terms: Vec::new(),
            phrasing_doc: Vec::new(),
            phrasing_asks: Vec::new(),
            phrasing_contrast: Vec::new(),
            field_terms: HashMap::default(),
            strongest: Vec::new(),
        }
    }

    fn intern(&mut self, term: String) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(term).or_insert(next)
    }

    /// A field's term ids. Entries repeat their fields (a source, a quote), and a text
    /// learned once reads the same again, so each distinct text is analyzed once.
    fn field_terms(&mut self, text: &str) -> (Vec<u32>, Vec<String>) {
        if let Some(read) = self.field_terms.get(text) {
            return read.clone();
        }
        let analysis = self.analyzer.analyze_knowledge(text, true);
        let ids: Vec<u32> = analysis.terms.into_iter().map(|t| self.intern(t)).collect();
        let read = (ids, analysis.in_phrases);
        self.field_terms.insert(text.to_string(), read.clone());
        read
    }

    pub(super) fn add(
        &mut self,
        target: DocRef,
        kinds: Vec<AnswerKind>,
        questions: &[&String],
        fields: &[(&String, f32)],
    ) {
        let doc = self.docs.len() as u32;
        let mut terms: Vec<(u32, f32)> = Vec::new();
        let (mut surface_ids, mut surface_ends) = (Vec::new(), Vec::with_capacity(questions.len()));
        let mut phrase_stems = Vec::new();
        for question in questions {
            // Small talk's chat words ("lol", "code") are not what a typo meant.
            let learn = !matches!(target, DocRef::SmallTalk(_));
            let words = crate::matcher::normalize::words(question);
            let analysis = self.analyzer.analyze_knowledge_words(&words, learn);
            if analysis.terms.is_empty() {
                continue;
            }
            self.phrasing_asks.push(crate::matcher::question::question_kind(&words));
            self.phrasing_contrast.push(crate::matcher::question::has_contrast(&words));
            let mut surface: Vec<u32> = words
                .into_iter()
                .map(|w| {
                    let next = self.surface_words.len() as u32;
                    *self.surface_words.entry(w).or_insert(next)
                })
                .collect();
            surface.sort_unstable();
            surface.dedup();
            surface_ids.extend(surface);
            surface_ends.push(surface_ids.len() as u32);
            phrase_stems.extend(analysis.in_phrases);
            let ids: Vec<u32> = analysis.terms.into_iter().map(|t| self.intern(t)).collect();
            terms.extend(ids.iter().map(|&id| (id, PHRASING)));
            self.phrasing_terms.push(ids);
            self.phrasing_doc.push(doc);
        }
        for (text, strength) in fields {
            let (ids, in_phrases) = self.field_terms(text);
            terms.extend(ids.iter().map(|&id| (id, *strength)));
            phrase_stems.extend(in_phrases);
        }
        phrase_stems.sort_unstable();
        phrase_stems.dedup();
        // Each term once, with the strongest field that uses it, in the order of ids.
        self.strongest.resize(self.ids.len(), UNSEEN);
        let mut unique = Vec::new();
        for (id, strength) in terms {
            let strongest = &mut self.strongest[id as usize];
            if *strongest == UNSEEN {
                unique.push(id);
            }
            *strongest = strongest.max(strength);
        }
        unique.sort_unstable();
        let terms =
            unique.into_iter().map(|id| (id, std::mem::replace(&mut self.strongest[id as usize], UNSEEN)));
        self.docs.push(Doc { target, kinds, surface_ids, surface_ends, phrase_stems });
        self.doc_terms.push(terms.collect());
    }

    /// Each entity name's terms, with the member they name.
    pub(super) fn entity_terms(&mut self, groups: &[Vec<Entity>]) -> Vec<(String, Named)> {
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

    pub(super) fn finish(mut self, entities: Vec<(String, Named)>) -> Index {
        let ids = std::mem::take(&mut self.ids);
        // Each posting list sized once: its length counted before it is filled.
        let mut doc_counts = vec![0usize; ids.len()];
        self.doc_terms.iter().flatten().for_each(|&(id, _)| doc_counts[id as usize] += 1);
        let mut doc_postings: Vec<Vec<(u32, f32)>> =
            doc_counts.iter().map(|&n| Vec::with_capacity(n)).collect();
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
        let mut phrasing_counts = vec![0usize; doc_postings.len()];
        self.phrasing_terms.iter().flatten().for_each(|&id| phrasing_counts[id as usize] += 1);
        let mut phrasing_postings: Vec<Vec<u32>> =
            phrasing_counts.iter().map(|&n| Vec::with_capacity(n)).collect();
        let mut phrasings = Vec::with_capacity(self.phrasing_terms.len());
        for (p, terms) in self.phrasing_terms.iter().enumerate() {
            let mut weight = 0.0;
            for &id in terms {
                phrasing_postings[id as usize].push(p as u32);
                weight += idf[id as usize];
            }
            phrasings.push(Phrasing {
                doc: self.phrasing_doc[p],
                weight,
                terms: terms.len(),
                asks: self.phrasing_asks[p],
                common: 0,
                contrast: self.phrasing_contrast[p],
            });
        }
        let common = super::common::common_terms(&mut phrasings, &phrasing_postings);
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
            common,
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
        // The shared terms of one document and language; its counts are cleared for
        // the next.
        let rank = |(n, seen, touched): &mut (usize, Vec<usize>, Vec<u32>)| {
            let mut shared: Vec<(u32, f32)> = touched
                .iter()
                .map(|&t| (t, seen[t as usize] as f32 / (*n).max(1) as f32))
                .filter(|(_, share)| *share >= CORE_SHARE)
                .collect();
            touched.iter().for_each(|&t| seen[t as usize] = 0);
            touched.clear();
            *n = 0;
            let weight = |t: u32| idf[t as usize];
            shared.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then(weight(b.0).total_cmp(&weight(a.0)))
                    .then(names[a.0 as usize].cmp(names[b.0 as usize]))
            });
            shared.truncate(CORE_TERMS);
            shared.into_iter().map(|(t, share)| (names[t as usize].to_string(), share)).collect()
        };
        let russian: Vec<bool> = names.iter().map(|t| t.chars().any(is_cyrillic)).collect();
        let asking: Vec<bool> = names.iter().map(|t| t.starts_with(QUESTION_MARK)).collect();
        // Per language: phrasings counted, and each term's phrasings, densely by term id
        // with the ids touched; phrasings are numbered document by document.
        let mut counts =
            [(0usize, vec![0usize; ids.len()], Vec::new()), (0usize, vec![0usize; ids.len()], Vec::new())];
        let mut out = Vec::with_capacity(self.docs.len());
        let mut p = 0;
        for doc in 0..self.docs.len() {
            while p < self.phrasing_doc.len() && self.phrasing_doc[p] as usize == doc {
                let terms = &self.phrasing_terms[p];
                let (n, seen, touched) = &mut counts[usize::from(terms.iter().any(|&t| russian[t as usize]))];
                *n += 1;
                for &term in terms.iter().filter(|&&t| !asking[t as usize]) {
                    if seen[term as usize] == 0 {
                        touched.push(term);
                    }
                    seen[term as usize] += 1;
                }
                p += 1;
            }
            let [en, ru] = &mut counts;
            out.push(Localized { en: rank(en), ru: rank(ru) });
        }
        out
    }
}
