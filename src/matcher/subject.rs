//! Whether a known gap is about what a question asks. A decline that brings up the
//! nearest gap's subject ("How cold is Moscow in winter?" → a note about Buryatia's
//! governor) answers a question nobody asked: a gap's note is said only when the gap
//! covers most of the question's weight and every thing the question names.

use super::analyze::{Analysis, QUESTION_MARK};
use super::index::{DocRef, Index};

/// Share of a question's content weight (its question words aside) that a gap must
/// cover for its note to be about the question: below, the question's subject is
/// something the gap does not speak of.
pub const GAP_ABOUT: f32 = 0.6;
/// How much more an unknown name weighs than another unknown word, as the scorer counts
/// it.
const NAME: f32 = 2.0;

/// Whether gap `gap` is about the question: it covers at least [`GAP_ABOUT`] of the
/// question's content weight, counting words the knowledge never uses (names twice, as
/// the scorer does), and it names every thing (country, person, outlet) the question
/// names.
pub fn gap_is_about(index: &Index, analysis: &Analysis, gap: usize) -> bool {
    let Some(doc) = index.docs.iter().position(|d| d.target == DocRef::Gap(gap)) else { return false };
    let doc = doc as u32;
    let has = |id: u32| index.doc_postings[id as usize].binary_search_by_key(&doc, |&(d, _)| d).is_ok();
    let (mut asked, mut covered) = (0f32, 0f32);
    for term in analysis.terms.iter().filter(|t| !t.starts_with(QUESTION_MARK)) {
        match index.term(term) {
            Some(id) => {
                let weight = index.idf[id as usize];
                asked += weight;
                if has(id) {
                    covered += weight;
                }
            }
            None if analysis.names.contains(term) => asked += NAME * index.unknown_weight,
            None => asked += index.unknown_weight,
        }
    }
    let names_all = index.entity_terms_in(analysis).into_iter().all(has);
    names_all && (asked <= 0.0 || covered / asked >= GAP_ABOUT)
}
