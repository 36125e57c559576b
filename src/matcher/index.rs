//! The inverted index over a story: every entry, gap and small-talk intent becomes a
//! document of weighted terms, every phrasing a small term set. Built once per load
//! ([`build`]); here, what a question looks up in it.

use rustc_hash::FxHashMap as HashMap;

use super::analyze::{Analysis, Analyzer};
use crate::knowledge::AnswerKind;
use crate::lang::{Lang, Localized};

mod build;
mod common;

pub use common::{Common, Lightest, SAVES_FROM};

/// What a document stands for; the number indexes the story's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DocRef {
    Entry(usize),
    Gap(usize),
    SmallTalk(usize),
}

/// How strongly a phrasing's words speak for its document: the strongest field, so a
/// document's term of this strength is in one of its phrasings (pruning's bounds rely
/// on it).
pub const PHRASING: f32 = 1.0;

/// One thing of an entity group, as (group, member): every name of the member (its
/// aliases, in any language) names the same thing.
pub type Named = (u16, u16);

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Doc {
    pub target: DocRef,
    pub kinds: Vec<AnswerKind>,
    /// Each phrasing's words as typed (stop words included), as sorted distinct ids
    /// ([`Index::surface`]), one phrasing after another ([`Doc::surfaces`]): breaks
    /// ties between documents whose terms fit a question equally well. In one piece,
    /// so reading a document's phrasings is one read from memory, not one a phrasing.
    surface_ids: Vec<u32>,
    /// Where each phrasing's ids end in `surface_ids`.
    surface_ends: Vec<u32>,
    /// Stems its texts use only inside a synonym phrase ("military *record*"), sorted:
    /// the document has the word, though not as a term of its own.
    phrase_stems: Vec<String>,
}

impl Doc {
    /// Whether one of its texts has `stem` inside a synonym phrase.
    pub fn has_in_a_phrase(&self, stem: &str) -> bool {
        self.phrase_stems.binary_search_by(|s| s.as_str().cmp(stem)).is_ok()
    }

    /// Each phrasing's words as sorted distinct ids, in order.
    pub fn surfaces(&self) -> impl Iterator<Item = &[u32]> {
        let mut start = 0;
        self.surface_ends.iter().map(move |&end| {
            let ids = &self.surface_ids[start..end as usize];
            start = end as usize;
            ids
        })
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Phrasing {
    pub doc: u32,
    /// Sum of the phrasing's term weights.
    pub weight: f32,
    /// How many terms it has (a one-word phrasing is contained in any question that
    /// mentions the word).
    pub terms: usize,
    /// The kind of answer its question word asks for ("when …" a date), if any.
    pub asks: Option<AnswerKind>,
    /// Which of [`Index::common`] it has, one bit each.
    pub common: u32,
    /// Whether it has a word of contrast ("other", "only", "кроме"): it asks about what
    /// the article does not name, against what it does.
    pub contrast: bool,
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
    /// The terms many phrasings share, with each document's lightest phrasings with
    /// them (at most 32: bits of [`Phrasing::common`]).
    pub common: Vec<Common>,
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
    /// `known` as bits (word id `i` is bit `i % 64` of `bits[i / 64]`): the phrasings
    /// of every document in a tie are compared with it, a look-up a word.
    bits: Vec<u64>,
    unknown: usize,
}

impl Index {
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
        let mut bits = vec![0u64; known.last().map_or(0, |&max| max as usize / 64 + 1)];
        for &id in &known {
            bits[id as usize / 64] |= 1 << (id % 64);
        }
        Surface { known, bits, unknown: unknown.len() }
    }

    pub fn term(&self, term: &str) -> Option<u32> {
        self.terms.get(term).copied()
    }

    /// Whether one gap alone uses term `id`: a word of one question the article leaves
    /// open ("did Ukraine retake *Kharkiv*?"), never of its answers. A word several gaps
    /// use is one the story's surroundings keep bringing up, often standing for
    /// something the answers name ("Moscow" for Russia).
    pub fn only_one_gap(&self, id: u32) -> bool {
        let postings = &self.doc_postings[id as usize];
        postings.len() == 1
            && postings.iter().all(|&(doc, _)| matches!(self.docs[doc as usize].target, DocRef::Gap(_)))
    }

    /// Whether `doc` uses the term.
    pub fn doc_has(&self, term: u32, doc: u32) -> bool {
        self.doc_postings[term as usize].binary_search_by_key(&doc, |&(d, _)| d).is_ok()
    }

    /// Whether the question has a term that `doc` uses and `other` does not.
    pub fn has_term_missing_from(&self, analysis: &Analysis, doc: u32, other: u32) -> bool {
        self.has_id_missing_from(analysis.terms.iter().filter_map(|t| self.term(t)), doc, other)
    }

    /// Whether one of the terms `ids` is one `doc` uses and `other` does not.
    pub fn has_id_missing_from(&self, mut ids: impl Iterator<Item = u32>, doc: u32, other: u32) -> bool {
        ids.any(|t| self.doc_has(t, doc) && !self.doc_has(t, other))
    }

    /// The things the question names.
    pub fn entities_in(&self, analysis: &Analysis) -> Vec<Named> {
        self.entities_of(analysis.terms.iter().filter_map(|t| self.term(t)))
    }

    /// The things the terms `ids` name.
    pub fn entities_of(&self, ids: impl Iterator<Item = u32>) -> Vec<Named> {
        ids.filter_map(|t| self.entity_group.get(&t).copied()).collect()
    }

    /// The question's terms that name a thing (lexicon `[entities]`), each with the
    /// thing: [`Self::entity_terms_in`] and [`Self::entities_in`] side by side, with
    /// one look-up of each term.
    pub fn named_terms_in(&self, analysis: &Analysis) -> Vec<(u32, Named)> {
        let ids = analysis.terms.iter().filter_map(|t| self.term(t));
        ids.filter_map(|t| self.entity_group.get(&t).map(|&named| (t, named))).collect()
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

    /// Whether `doc` names `thing`.
    pub fn names_thing(&self, doc: u32, thing: Named) -> bool {
        self.doc_entities[doc as usize].contains(&thing)
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

/// Jaccard similarity of a question's words and a phrasing's (sorted, distinct ids).
pub fn surface_similarity(a: &Surface, b: &[u32]) -> f32 {
    // Both sides are distinct ids: the words shared are those of `b` among `a`'s bits.
    let has = |id: u32| a.bits.get(id as usize / 64).is_some_and(|word| word >> (id % 64) & 1 != 0);
    let shared = b.iter().filter(|&&id| has(id)).count();
    let union = a.known.len() + a.unknown + b.len() - shared;
    if union == 0 { 0.0 } else { shared as f32 / union as f32 }
}

#[cfg(test)]
mod tests {
    use super::build::Builder;
    use super::*;
    use crate::knowledge::Lexicon;

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

    /// A question's surface of known word ids (sorted, distinct) and unknown words.
    fn surface_of(known: Vec<u32>, unknown: usize) -> Surface {
        let mut bits = vec![0u64; known.last().map_or(0, |&max| max as usize / 64 + 1)];
        for &id in &known {
            bits[id as usize / 64] |= 1 << (id % 64);
        }
        Surface { known, bits, unknown }
    }

    #[test]
    fn surface_similarity_is_the_jaccard_of_the_word_sets() {
        let surface = surface_of(vec![1, 3, 5, 8], 2);
        // Shared 3 and 8; the union: 4 known + 2 unknown + 5 - 2 shared.
        assert_eq!(surface_similarity(&surface, &[3, 4, 8, 9, 10]), 2.0 / 9.0);
        assert_eq!(surface_similarity(&surface, &[0, 1, 2, 3, 4, 5, 6, 7, 8]), 4.0 / 11.0);
        assert_eq!(surface_similarity(&surface, &[9]), 0.0);
        assert_eq!(surface_similarity(&surface_of(Vec::new(), 0), &[]), 0.0);
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
    fn named_terms_pair_each_naming_term_with_its_thing() {
        let docs = ["Belarus rounds up men", "lines at the Georgia and Kazakhstan borders"];
        let index = index(&docs, &[&["belarus"], &["georgia"], &["kazakhstan"]]);
        for question in
            ["were men at georgia or belarus?", "did men flee?", "kazakhstan, kazakhstan and georgia"]
        {
            let analysis = index.analyzer.analyze_question(question);
            let apart: Vec<(u32, Named)> =
                index.entity_terms_in(&analysis).into_iter().zip(index.entities_in(&analysis)).collect();
            assert_eq!(index.named_terms_in(&analysis), apart, "{question}");
        }
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

    #[test]
    fn surface_similarity_is_the_jaccard_of_distinct_ids() {
        let merged = |a: &[u32], unknown: usize, b: &[u32]| {
            let shared = a.iter().filter(|id| b.contains(id)).count();
            let union = a.len() + unknown + b.len() - shared;
            if union == 0 { 0.0 } else { shared as f32 / union as f32 }
        };
        let surface = |known: &[u32], unknown: usize| {
            let mut bits = vec![0u64; known.last().map_or(0, |&m| m as usize / 64 + 1)];
            known.iter().for_each(|&id| bits[id as usize / 64] |= 1 << (id % 64));
            Surface { known: known.to_vec(), bits, unknown }
        };
        let sides: [&[u32]; 6] =
            [&[], &[0], &[3, 64, 65], &[1, 3, 200], &[63, 64, 127, 128], &[0, 1, 2, 3, 500]];
        for a in sides {
            for b in sides {
                for unknown in [0, 2] {
                    assert_eq!(
                        surface_similarity(&surface(a, unknown), b),
                        merged(a, unknown, b),
                        "{a:?} {b:?}"
                    );
                }
            }
        }
    }
}
