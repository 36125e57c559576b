//! First-stage scoring: how well a question fits each document, and the features the
//! calibrated model (see `calibrate.rs`) turns into a confidence.
//!
//! *Coverage*: how much of the question (by idf weight) a document explains; words the
//! knowledge never uses count against every document, which is what keeps "what is
//! the population of Buryatia?" from looking like a question about Buryatia. *Fit*: a
//! weighted Jaccard against the closest phrasing. *Containment*: how much of the
//! closest phrasing the question contains, which carries long, chatty questions.

use super::analyze::Analysis;
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
/// How much a fully contained phrasing counts, before the coverage discount.
const CONTAINED: f32 = 0.75;
/// Factor for an entry whose kind of answer is not the one the question asks for.
const WRONG_KIND: f32 = 0.7;

/// What the calibrated model sees about one (question, document) pair.
#[derive(Debug, Clone, Copy, Default)]
pub struct Features {
    pub coverage: f32,
    pub fit: f32,
    pub containment: f32,
    /// Share of the question's weight in words the knowledge never uses.
    pub unknown: f32,
    /// Question length in terms, scaled to [0, 1] (20 terms and more → 1).
    pub length: f32,
    /// The question asks for a number, date or place and this entry gives none.
    pub wrong_kind: f32,
    /// The question asks for exactly the kind of answer this entry gives.
    pub right_kind: f32,
    /// Share of the question's weight that came from typo correction.
    pub corrected: f32,
}

#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub doc: u32,
    /// The first-stage score in [0, 1], used to rank.
    pub score: f32,
    pub features: Features,
}

/// Every document that shares a term with the question, best first.
pub fn rank(index: &Index, analysis: &Analysis) -> Vec<Scored> {
    let mut doc_matched = vec![0f32; index.docs.len()];
    let mut phrasing_matched = vec![0f32; index.phrasings.len()];
    let n_terms = analysis.terms.len().max(1) as f32;
    let unknown_weight = index.unknown_weight * (LONG_QUESTION / n_terms).min(1.0);
    let (mut total, mut unknown, mut corrected) = (0f32, 0f32, 0f32);
    for term in &analysis.terms {
        let Some(id) = index.term(term) else {
            total += unknown_weight;
            unknown += unknown_weight;
            continue;
        };
        let id = id as usize;
        let mut weight = index.idf[id];
        if analysis.corrected.contains(term) {
            // A corrected word is a guess: it keeps part of an unknown word's doubt.
            weight *= CORRECTED;
            corrected += weight;
            total += CORRECTED_DOUBT * unknown_weight;
        }
        total += weight;
        for &(doc, strength) in &index.doc_postings[id] {
            doc_matched[doc as usize] += weight * strength;
        }
        for &p in &index.phrasing_postings[id] {
            phrasing_matched[p as usize] += weight;
        }
    }
    if total <= 0.0 {
        return Vec::new();
    }
    let mut fit = vec![0f32; index.docs.len()];
    let mut containment = vec![0f32; index.docs.len()];
    for (p, &matched) in phrasing_matched.iter().enumerate().filter(|(_, m)| **m > 0.0) {
        let phrasing = &index.phrasings[p];
        let missing = (phrasing.weight - matched).max(0.0);
        let doc = phrasing.doc as usize;
        fit[doc] = fit[doc].max(matched / (total + MISSING_PHRASING_WORDS * missing));
        containment[doc] = containment[doc].max(matched / phrasing.weight.max(f32::EPSILON));
    }
    let shared = Features {
        unknown: unknown / total,
        length: (n_terms / 20.0).min(1.0),
        corrected: corrected / total,
        ..Features::default()
    };
    let mut ranked: Vec<Scored> = doc_matched
        .iter()
        .enumerate()
        .filter(|(_, m)| **m > 0.0)
        .map(|(doc, &matched)| {
            let coverage = (matched / total).min(1.0);
            let (wrong_kind, right_kind) =
                kind_match(&index.docs[doc].kinds, index.docs[doc].target, analysis.asks);
            let features = Features {
                coverage,
                fit: fit[doc],
                containment: containment[doc],
                wrong_kind,
                right_kind,
                ..shared
            };
            let blended =
                (0.5 * coverage + 0.5 * fit[doc]).max(CONTAINED * containment[doc] * coverage.sqrt());
            let score = blended * if wrong_kind > 0.0 { WRONG_KIND } else { 1.0 };
            Scored { doc: doc as u32, score: score.clamp(0.0, 1.0), features }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
    ranked
}

/// (wrong kind, right kind) as 0/1 features.
fn kind_match(kinds: &[AnswerKind], target: DocRef, asks: Option<AnswerKind>) -> (f32, f32) {
    let (Some(asks), DocRef::Entry(_)) = (asks, target) else { return (0.0, 0.0) };
    if kinds.contains(&asks) {
        return (0.0, 1.0);
    }
    // "Who" and "why" questions are often about any fact's source or context.
    // Places are named in many answers about other things ("in Buryatia, men were
    // drafted..."), so only numbers and dates are strict.
    let strict = matches!(asks, AnswerKind::Number | AnswerKind::Date);
    (if strict { 1.0 } else { 0.0 }, 0.0)
}
