//! The scoring model: how well a question fits each document, in [0, 1].
//!
//! Two views are blended. *Coverage*: how much of the question (by idf weight) the
//! document explains — words the knowledge never uses count against it, which is what
//! keeps "what is the monthly salary?" from matching an entry about pay. *Phrasing
//! fit*: a weighted Jaccard against the closest phrasing, so a question worded like a
//! known phrasing scores high. Question words that ask for a number, a date or a place
//! count against entries whose answer is not of that kind.

use super::analyze::Analysis;
use super::index::{DocRef, Index};
use crate::knowledge::AnswerKind;

/// How much phrasing words missing from the question count against the fit.
const MISSING_PHRASING_WORDS: f32 = 0.5;
/// A typo-corrected word is less certain than one typed right.
const CORRECTED: f32 = 0.85;
/// Messages with more terms than this weigh their unknown words down.
const LONG_QUESTION: f32 = 8.0;
/// How much a fully contained phrasing counts, before the coverage discount.
const CONTAINED: f32 = 0.75;
/// Factor for an entry whose kind of answer is not the one the question asks for.
const WRONG_KIND: f32 = 0.7;

#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub doc: u32,
    pub score: f32,
}

pub fn rank(index: &Index, analysis: &Analysis) -> Vec<Scored> {
    let mut doc_matched = vec![0f32; index.docs.len()];
    let mut phrasing_matched = vec![0f32; index.phrasings.len()];
    let mut total = 0f32;
    // In a long message most unknown words are conversation, not the question's point.
    let unknown_weight =
        index.unknown_weight * (LONG_QUESTION / analysis.terms.len().max(1) as f32).min(1.0);
    for term in &analysis.terms {
        let Some(id) = index.term(term) else {
            total += unknown_weight;
            continue;
        };
        let id = id as usize;
        let weight = index.idf[id]
            * if analysis.corrected.contains(term) {
                CORRECTED
            } else {
                1.0
            };
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
    let mut best_fit = vec![0f32; index.docs.len()];
    let mut best_containment = vec![0f32; index.docs.len()];
    for (p, &matched) in phrasing_matched.iter().enumerate() {
        if matched > 0.0 {
            let phrasing = &index.phrasings[p];
            let missing = (phrasing.weight - matched).max(0.0);
            let fit = matched / (total + MISSING_PHRASING_WORDS * missing);
            let doc = phrasing.doc as usize;
            best_fit[doc] = best_fit[doc].max(fit);
            best_containment[doc] =
                best_containment[doc].max(matched / phrasing.weight.max(f32::EPSILON));
        }
    }
    let mut ranked: Vec<Scored> = doc_matched
        .iter()
        .enumerate()
        .filter(|(_, m)| **m > 0.0)
        .map(|(doc, &matched)| {
            let coverage = (matched / total).min(1.0);
            let blended = 0.5 * coverage + 0.5 * best_fit[doc];
            // A long question that contains a whole phrasing asks that phrasing's question.
            let contained = CONTAINED * best_containment[doc] * coverage.sqrt();
            let blended = blended.max(contained);
            let score = blended
                * kind_factor(
                    &index.docs[doc].kinds,
                    index.docs[doc].target,
                    analysis.asks,
                );
            Scored {
                doc: doc as u32,
                score: score.clamp(0.0, 1.0),
            }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
    ranked
}

fn kind_factor(kinds: &[AnswerKind], target: DocRef, asks: Option<AnswerKind>) -> f32 {
    let (Some(asks), DocRef::Entry(_)) = (asks, target) else {
        return 1.0;
    };
    if kinds.is_empty() || kinds.contains(&asks) {
        return 1.0;
    }
    // "Who" questions are often about a fact's source, which every answer names.
    let strict = matches!(
        asks,
        AnswerKind::Number | AnswerKind::Date | AnswerKind::Place
    );
    if strict { WRONG_KIND } else { 1.0 }
}
