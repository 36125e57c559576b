//! The terms that many phrasings share (question words such as "?what", the story's
//! main words): for each, per document, its lightest phrasings with the term, so
//! scoring weighs the phrasings that share only that term with a question in one
//! step a document instead of one a phrasing.
//!
//! It is exact. A phrasing's fit and containment grow with what it matched and
//! shrink with its weight, so among a document's phrasings that match only the
//! common term, the lightest fits best and is contained most (one-word phrasings,
//! whose containment counts less, apart). Weighing the lightest phrasings as if they
//! matched only the term never gives a phrasing more than it really matched.

use super::Phrasing;

/// At most this many common terms: one bit each in [`Phrasing::common`].
pub const MOST_COMMON: usize = u32::BITS as usize;
/// A term is common when it is in at least this many more phrasings than documents:
/// below that, one step a phrasing costs about what one a document does.
pub const SAVES_FROM: usize = 32;
/// No such phrasing in the document.
pub const NONE: u32 = u32::MAX;

/// A common term's lightest phrasings in one document.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Lightest {
    pub doc: u32,
    /// Its lightest phrasing of more than one term with the common term, or [`NONE`].
    pub phrasing: u32,
    /// Its phrasing of the common term alone, or [`NONE`].
    pub alone: u32,
}

impl Lightest {
    /// The phrasings to weigh: together, the lightest of every kind.
    pub fn phrasings(&self) -> impl Iterator<Item = u32> {
        [self.phrasing, self.alone].into_iter().filter(|&p| p != NONE)
    }
}

/// A term many phrasings share.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Common {
    pub term: u32,
    /// Per document with the term in a phrasing, in document order.
    pub lightest: Vec<Lightest>,
}

/// Picks the common terms (the [`MOST_COMMON`] that save the most) and marks each
/// phrasing's in [`Phrasing::common`]. Phrasings are numbered document by document
/// and each posting list is sorted, so a term's documents come in order.
pub(super) fn common_terms(phrasings: &mut [Phrasing], phrasing_postings: &[Vec<u32>]) -> Vec<Common> {
    let mut found: Vec<(usize, Common)> = phrasing_postings
        .iter()
        .enumerate()
        // A term listed twice for one phrasing counts twice there: not one step.
        .filter(|(_, postings)| postings.len() >= SAVES_FROM && postings.windows(2).all(|w| w[0] < w[1]))
        .map(|(term, postings)| {
            let common = Common { term: term as u32, lightest: lightest(phrasings, postings) };
            (postings.len() - common.lightest.len(), common)
        })
        .filter(|(saved, _)| *saved >= SAVES_FROM)
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.term.cmp(&b.1.term)));
    found.truncate(MOST_COMMON);
    let found: Vec<Common> = found.into_iter().map(|(_, common)| common).collect();
    for (bit, common) in found.iter().enumerate() {
        for &p in &phrasing_postings[common.term as usize] {
            phrasings[p as usize].common |= 1 << bit;
        }
    }
    found
}

/// Per document, in order, the lightest phrasings among `postings`.
fn lightest(phrasings: &[Phrasing], postings: &[u32]) -> Vec<Lightest> {
    let mut out: Vec<Lightest> = Vec::new();
    for &p in postings {
        let phrasing = &phrasings[p as usize];
        if out.last().is_none_or(|l| l.doc != phrasing.doc) {
            out.push(Lightest { doc: phrasing.doc, phrasing: NONE, alone: NONE });
        }
        let last = out.last_mut().expect("pushed above");
        let slot = if phrasing.terms == 1 { &mut last.alone } else { &mut last.phrasing };
        if *slot == NONE || phrasing.weight < phrasings[*slot as usize].weight {
            *slot = p;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrasing(doc: u32, weight: f32, terms: usize) -> Phrasing {
        Phrasing { doc, weight, terms, asks: None, common: 0, contrast: false }
    }

    #[test]
    fn each_document_keeps_its_lightest_phrasings_of_each_kind() {
        let phrasings = [
            phrasing(0, 3.0, 2),
            phrasing(0, 2.0, 3),
            phrasing(0, 0.5, 1),
            phrasing(1, 4.0, 2),
            phrasing(2, 1.0, 2),
        ];
        let lightest = lightest(&phrasings, &[0, 1, 2, 3]);
        let got: Vec<(u32, u32, u32)> = lightest.iter().map(|l| (l.doc, l.phrasing, l.alone)).collect();
        assert_eq!(got, [(0, 1, 2), (1, 3, NONE)]);
        assert_eq!(lightest[1].phrasings().collect::<Vec<_>>(), [3]);
    }

    #[test]
    fn only_terms_in_many_more_phrasings_than_documents_are_common() {
        // Term 0: two phrasings in each of 40 documents; term 1: one in each.
        let mut phrasings: Vec<Phrasing> = (0..80).map(|p| phrasing(p / 2, 1.0 + p as f32, 2)).collect();
        let postings = vec![(0..80).collect::<Vec<u32>>(), (0..80).step_by(2).collect()];
        let common = common_terms(&mut phrasings, &postings);
        assert_eq!(common.iter().map(|c| c.term).collect::<Vec<_>>(), [0]);
        assert_eq!(common[0].lightest.len(), 40);
        assert!(phrasings.iter().all(|p| p.common == 1));
    }
}
