//! Scoring: how well a question fits each document, in [0, 1].
//!
//! *Coverage*: how much of the question (by idf weight) a document explains; words the
//! knowledge never uses count against every document, which is what keeps "what is
//! the population of Buryatia?" from looking like a question about Buryatia. *Fit*: a
//! weighted Jaccard against the closest phrasing. *Containment*: how much of the
//! closest phrasing the question contains, which carries long, chatty questions.

use super::analyze::{Analysis, Precision};
use super::index::{DocRef, Index};
use crate::knowledge::AnswerKind;

/// How much phrasing words missing from the question count against the fit.
const MISSING_PHRASING_WORDS: f32 = 0.5;
/// A typo-corrected word is less certain than one typed right.
const CORRECTED: f32 = 0.85;
/// How much of an unknown word's weight a typo-corrected word still counts against.
const CORRECTED_DOUBT: f32 = 0.35;
/// Messages with more terms than this weigh their unknown words down: in a long
/// message most unknown words are conversation, not the question's point.
const LONG_QUESTION: f32 = 8.0;
/// How much more an unknown name counts against every document than another
/// unknown word.
const NAME: f32 = 2.0;
/// How much a fully contained phrasing counts, before the coverage discount.
const CONTAINED: f32 = 0.75;
/// How much a one-word phrasing's containment counts.
const ONE_WORD_CONTAINED: f32 = 0.7;
/// Factor for an entry whose kind of answer is not the one the question asks for.
const WRONG_KIND: f32 = 0.7;
/// Factor for a document about another country, person or outlet than the one the
/// question names ("did Kazakhstan send men back?" against Belarus's roundups).
const ANOTHER_ENTITY: f32 = 0.6;

#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub doc: u32,
    /// The first-stage score in [0, 1], used to rank.
    pub score: f32,
}

/// Every document that shares a term with the question, best first.
/// How many of the best documents `rank` returns: the decision looks at a handful.
pub const KEEP: usize = 16;

/// Per-thread buffers sized to the index, so a question touches only the documents
/// and phrasings that share a term with it instead of clearing arrays of them all.
#[derive(Default)]
struct Scratch {
    doc_matched: Vec<f32>,
    fit: Vec<f32>,
    containment: Vec<f32>,
    phrasing_matched: Vec<f32>,
    docs: Vec<u32>,
    phrasings: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

impl Scratch {
    fn fit_to(&mut self, index: &Index) {
        if self.doc_matched.len() != index.docs.len() || self.phrasing_matched.len() != index.phrasings.len()
        {
            *self = Scratch {
                doc_matched: vec![0.0; index.docs.len()],
                fit: vec![0.0; index.docs.len()],
                containment: vec![0.0; index.docs.len()],
                phrasing_matched: vec![0.0; index.phrasings.len()],
                ..Scratch::default()
            };
        }
    }

    fn clear(&mut self) {
        for &d in &self.docs {
            let d = d as usize;
            (self.doc_matched[d], self.fit[d], self.containment[d]) = (0.0, 0.0, 0.0);
        }
        for &p in &self.phrasings {
            self.phrasing_matched[p as usize] = 0.0;
        }
        self.docs.clear();
        self.phrasings.clear();
    }
}

/// The best documents for a question (at most [`KEEP`]), best first.
pub fn rank(index: &Index, analysis: &Analysis) -> Vec<Scored> {
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        scratch.fit_to(index);
        let ranked = rank_with(index, analysis, &mut scratch);
        scratch.clear();
        ranked
    })
}

fn rank_with(index: &Index, analysis: &Analysis, s: &mut Scratch) -> Vec<Scored> {
    let n_terms = analysis.terms.len().max(1) as f32;
    let unknown_weight = index.unknown_weight * (LONG_QUESTION / n_terms).min(1.0);
    let mut total = 0f32;
    for term in &analysis.terms {
        let Some(id) = index.term(term) else {
            total += if analysis.names.contains(term) { NAME * unknown_weight } else { unknown_weight };
            continue;
        };
        let id = id as usize;
        let mut weight = index.idf[id] * analysis.weight(term);
        if analysis.corrected.contains(term) {
            // A corrected word is a guess: it keeps part of an unknown word's doubt.
            weight *= CORRECTED;
            total += CORRECTED_DOUBT * unknown_weight;
        }
        total += weight;
        for &(doc, strength) in &index.doc_postings[id] {
            if s.doc_matched[doc as usize] == 0.0 {
                s.docs.push(doc);
            }
            s.doc_matched[doc as usize] += weight * strength;
        }
        for &p in &index.phrasing_postings[id] {
            if s.phrasing_matched[p as usize] == 0.0 {
                s.phrasings.push(p);
            }
            s.phrasing_matched[p as usize] += weight;
        }
    }
    if total <= 0.0 {
        return Vec::new();
    }
    for &p in &s.phrasings {
        let matched = s.phrasing_matched[p as usize];
        let phrasing = &index.phrasings[p as usize];
        let missing = (phrasing.weight - matched).max(0.0);
        let doc = phrasing.doc as usize;
        s.fit[doc] = s.fit[doc].max(matched / (total + MISSING_PHRASING_WORDS * missing));
        // A one-word phrasing ("jobs?") is contained in every question using the
        // word; being contained in a longer question says little about it.
        let one_word = if phrasing.terms == 1 { ONE_WORD_CONTAINED } else { 1.0 };
        s.containment[doc] = s.containment[doc].max(one_word * matched / phrasing.weight.max(f32::EPSILON));
    }
    let asked = index.entities_in(analysis);
    let mut ranked: Vec<Scored> = s
        .docs
        .iter()
        .map(|&doc| {
            let d = doc as usize;
            let coverage = (s.doc_matched[d] / total).min(1.0);
            let wrong_kind = wrong_kind(&index.docs[d].kinds, index.docs[d].target, analysis.asks)
                || not_exact(&index.docs[d].kinds, index.docs[d].target, analysis);
            let (fit, containment) = (s.fit[d], s.containment[d]);
            let blended = (0.5 * coverage + 0.5 * fit).max(CONTAINED * containment * coverage.sqrt());
            let mut score = blended * if wrong_kind { WRONG_KIND } else { 1.0 };
            if !asked.is_empty() && index.names_another(doc, &asked) {
                score *= ANOTHER_ENTITY;
            }
            Scored { doc, score: score.clamp(0.0, 1.0) }
        })
        .collect();
    let order = |a: &Scored, b: &Scored| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc));
    if ranked.len() > KEEP {
        ranked.select_nth_unstable_by(KEEP, order);
        ranked.truncate(KEEP);
    }
    ranked.sort_by(order);
    ranked
}

/// The question asks for an exact number or date and the entry's is approximate
/// ("for miles", "earlier this week").
fn not_exact(kinds: &[AnswerKind], target: DocRef, analysis: &Analysis) -> bool {
    let asks_exact = match analysis.precise {
        Precision::None => false,
        Precision::Figure => matches!(analysis.asks, Some(AnswerKind::Number | AnswerKind::Date)),
        Precision::Value => true,
    };
    asks_exact && matches!(target, DocRef::Entry(_)) && !kinds.contains(&AnswerKind::Exact)
}

/// The question asks for a number, a date or a name and this entry's answer is none.
fn wrong_kind(kinds: &[AnswerKind], target: DocRef, asks: Option<AnswerKind>) -> bool {
    let (Some(asks), DocRef::Entry(_)) = (asks, target) else { return false };
    // Places are named in many answers about other things ("in Buryatia, men were
    // drafted..."), and "who" or "why" questions are often about any fact's source or
    // context, so only numbers and dates are strict.
    match asks {
        AnswerKind::Number | AnswerKind::Date => !kinds.contains(&asks),
        AnswerKind::Name => !kinds
            .iter()
            .any(|k| matches!(k, AnswerKind::Person | AnswerKind::Organization | AnswerKind::Place)),
        _ => false,
    }
}
