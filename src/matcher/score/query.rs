//! A question against the index: its terms' weights, what they add up to in each
//! document and phrasing, the score those sums give, and the bounds on it that
//! pruning uses.

use super::{DocSums, Scratch};
use crate::knowledge::AnswerKind;
use crate::matcher::analyze::{Analysis, Precision, QUESTION_MARK};
use crate::matcher::index::{DocRef, Index, Lightest, Named, Phrasing};

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

/// Whether `term` is a known name with a possessive "'s" joined to it ("Belarus's" reads
/// "belaruss"): the name itself is the one the entries use.
fn possessive(index: &Index, term: &str) -> bool {
    let Some(name) = term.strip_suffix('s') else { return false };
    let terms = index.analyzer.analyze_question(name).terms;
    terms.iter().filter_map(|t| index.term(t)).any(|id| !index.only_one_gap(id))
}

/// A question's known terms, in its order, with their weights, and the weight of the
/// whole question (unknown words included).
pub(in crate::matcher) struct Query<'a> {
    pub index: &'a Index,
    pub analysis: &'a Analysis,
    pub terms: Vec<(u32, f32)>,
    pub total: f32,
    /// The most a phrasing can be contained in the question: 1, but more where the
    /// question weighs a term above its idf (a follow-up's bare question word).
    most_contained: f32,
    /// The entities the question names, as (group, term).
    asked: Vec<Named>,
    /// The question's term that the most phrasings share, if the index lists it among
    /// its common terms, as (its place in `terms`, its place in [`Index::common`]):
    /// its phrasings are weighed document by document ([`crate::matcher::index::Common`]).
    pub common: Option<(usize, usize)>,
    /// The question words among its terms ("?what", "?say", "?not"), one bit a place in
    /// `terms`: they only tell apart documents that share another of its terms. (A
    /// question word weighed above its idf, or after the first 128 places, counts as
    /// any other term.)
    question_words: u128,
    /// The documents some other term of the question has, one bit each, when it has
    /// question words and other terms: the question words count in these only, and
    /// no document ranks on question words alone ("what do analysts say?" is not about
    /// every "what … say" phrasing).
    with_others: Option<Vec<u64>>,
}

impl<'a> Query<'a> {
    pub fn new(index: &'a Index, analysis: &'a Analysis) -> Query<'a> {
        let n_terms = analysis.terms.len().max(1) as f32;
        let unknown_weight = index.unknown_weight * (LONG_QUESTION / n_terms).min(1.0);
        let (mut terms, mut total) = (Vec::with_capacity(analysis.terms.len()), 0f32);
        let (mut most_contained, mut question_words) = (1f32, 0u128);
        for term in &analysis.terms {
            let Some(id) = index.term(term) else {
                total += if analysis.names.contains(term) { NAME * unknown_weight } else { unknown_weight };
                continue;
            };
            // A name only one gap uses is as specific as an unknown name: it counts twice,
            // for the gap that asks about it and against the entries that never name it.
            let named =
                analysis.written_names.contains(term) && index.only_one_gap(id) && !possessive(index, term);
            let factor = analysis.weight(term) * if named { NAME } else { 1.0 };
            most_contained = most_contained.max(factor);
            let mut weight = index.idf[id as usize] * factor;
            if analysis.corrected.contains(term) {
                // A corrected word is a guess: it keeps part of an unknown word's doubt.
                weight *= CORRECTED;
                total += CORRECTED_DOUBT * unknown_weight;
            }
            total += weight;
            // A follow-up's bare question word, weighed up, is its question ("куда?").
            if term.starts_with(QUESTION_MARK) && analysis.weight(term) <= 1.0 && terms.len() < 128 {
                question_words |= 1 << terms.len();
            }
            terms.push((id, weight));
        }
        let common = common_term(index, &terms);
        let with_others = documents_with_others(index, &terms, question_words);
        let asked = index.entities_of(terms.iter().map(|&(id, _)| id));
        Query { index, analysis, terms, total, most_contained, asked, common, question_words, with_others }
    }

    /// The documents the term at `at` counts in, one bit each, when not all that have
    /// it (a question word beside other terms).
    fn counts_only_in(&self, at: usize) -> Option<&[u64]> {
        let question_word = at < 128 && self.question_words >> at & 1 == 1;
        self.with_others.as_deref().filter(|_| question_word)
    }

    /// Adds the question's term at `at` in `terms`: the common term to the phrasings
    /// touched so far only ([`Self::carry_common`]), any other to all that use it.
    pub fn add_to_phrasings(&self, at: usize, s: &mut Scratch) {
        let (id, weight) = self.terms[at];
        match self.common {
            Some((common_at, common)) if common_at == at => self.carry_common(common, weight, s),
            _ => {
                // Slices: their places and lengths stay put while phrasings are listed.
                let (matched, phrasings) =
                    (s.phrasing_matched.as_mut_slice(), self.index.phrasings.as_slice());
                let postings = &self.index.phrasing_postings[id as usize];
                let mut add = |p: u32| {
                    add_to(p, weight, &mut matched[p as usize], &mut s.phrasings, s.carried, phrasings)
                };
                match self.counts_only_in(at) {
                    None => postings.iter().for_each(|&p| add(p)),
                    Some(docs) => postings
                        .iter()
                        .filter(|&&p| has(docs, phrasings[p as usize].doc))
                        .for_each(|&p| add(p)),
                }
            }
        }
    }

    /// Adds the common term (`common` in [`Index::common`], weighing `weight`) to the
    /// phrasings touched so far that have it, and carries it to those touched later.
    fn carry_common(&self, common: usize, weight: f32, s: &mut Scratch) {
        let bit = 1 << common;
        for &p in &s.phrasings {
            if self.index.phrasings[p as usize].common & bit != 0 {
                s.phrasing_matched[p as usize] += weight;
            }
        }
        s.carried = (bit, weight);
    }

    /// Adds a term's weight to a phrasing, listing it on first touch (from the
    /// carried common term's weight if it has that term).
    pub fn add_to_phrasing(&self, p: u32, weight: f32, s: &mut Scratch) {
        let matched = &mut s.phrasing_matched[p as usize];
        add_to(p, weight, matched, &mut s.phrasings, s.carried, &self.index.phrasings);
    }

    /// The common term's phrasings that no other term touched, weighed by each
    /// document's lightest ones, in the documents `docs` (sorted; all when `None`).
    pub fn fit_common(&self, docs: Option<&[u32]>, s: &mut Scratch) {
        let Some((at, common)) = self.common else { return };
        let weight = self.terms[at].1;
        let lightest = &self.index.common[common].lightest;
        let phrasings = self.index.phrasings.as_slice();
        let fit = |l: &Lightest, sums: &mut DocSums| {
            for p in l.phrasings() {
                self.fit_to(&phrasings[p as usize], weight, sums);
            }
        };
        match docs {
            None => match self.counts_only_in(at) {
                None => lightest.iter().for_each(|l| fit(l, &mut s.sums[l.doc as usize])),
                Some(docs) => lightest
                    .iter()
                    .filter(|l| has(docs, l.doc))
                    .for_each(|l| fit(l, &mut s.sums[l.doc as usize])),
            },
            Some(docs) => {
                let mut at = 0;
                for &d in docs {
                    at = crate::matcher::prune::leap(lightest, at, |l| l.doc < d);
                    if let Some(l) = lightest.get(at).filter(|l| l.doc == d) {
                        fit(l, &mut s.sums[d as usize]);
                    }
                }
            }
        }
    }

    /// Adds a term to every document and phrasing that uses it, listing new
    /// documents: scoring without the common term's shortcut (for tests).
    #[cfg(test)]
    pub fn add_everywhere(&self, at: usize, s: &mut Scratch) {
        self.add_to_documents(at, s);
        let (id, weight) = self.terms[at];
        for &p in &self.index.phrasing_postings[id as usize] {
            let doc = self.index.phrasings[p as usize].doc;
            if self.counts_only_in(at).is_none_or(|docs| has(docs, doc)) {
                self.add_to_phrasing(p, weight, s);
            }
        }
    }

    /// Adds the question's term at `at` in `terms` to every document it counts in (not
    /// to their phrasings), listing new documents.
    pub fn add_to_documents(&self, at: usize, s: &mut Scratch) {
        let (id, weight) = self.terms[at];
        // A slice of the sums: its place and length stay put while documents are listed.
        let all_sums = s.sums.as_mut_slice();
        let mut add = |doc: u32, strength: f32| {
            let sums = &mut all_sums[doc as usize];
            if sums.matched == 0.0 {
                s.docs.push(doc);
            }
            sums.add(weight, strength);
        };
        let postings = &self.index.doc_postings[id as usize];
        match self.counts_only_in(at) {
            None => postings.iter().for_each(|&(doc, strength)| add(doc, strength)),
            Some(docs) => postings
                .iter()
                .filter(|&&(doc, _)| has(docs, doc))
                .for_each(|&(doc, strength)| add(doc, strength)),
        }
    }

    /// Each touched document's best fit and containment among its touched phrasings.
    /// Nothing reads a phrasing's sum after this: it is zeroed as it is read.
    pub fn fit_phrasings(&self, s: &mut Scratch) {
        // The index's list and the scratch's vectors apart: their lengths and places
        // are read once, not again after each write.
        let phrasings = self.index.phrasings.as_slice();
        let Scratch { phrasings: touched, phrasing_matched, sums, .. } = s;
        for &p in touched.iter() {
            let phrasing = &phrasings[p as usize];
            let matched = std::mem::take(&mut phrasing_matched[p as usize]);
            self.fit_to(phrasing, matched, &mut sums[phrasing.doc as usize]);
        }
    }

    /// Raises a document's fit and containment to a phrasing's, which matched
    /// `matched` of the question's weight.
    pub fn fit_phrasing(&self, p: u32, matched: f32, sums: &mut DocSums) {
        self.fit_to(&self.index.phrasings[p as usize], matched, sums);
    }

    /// [`Self::fit_phrasing`] for the phrasing itself.
    fn fit_to(&self, phrasing: &Phrasing, matched: f32, sums: &mut DocSums) {
        let missing = (phrasing.weight - matched).max(0.0);
        // Scores are never NaN: a plain comparison is `f32::max` here.
        let fit = matched / (self.total + MISSING_PHRASING_WORDS * missing);
        if fit > sums.fit {
            sums.fit = fit;
        }
        // A one-word phrasing ("jobs?") is contained in every question using the
        // word; being contained in a longer question says little about it.
        let one_word = if phrasing.terms == 1 { ONE_WORD_CONTAINED } else { 1.0 };
        let containment = one_word * matched / phrasing.weight.max(f32::EPSILON);
        if containment > sums.containment {
            sums.containment = containment;
        }
    }

    /// A touched document's score from its sums.
    pub fn score(&self, doc: u32, sums: &DocSums) -> f32 {
        self.score_blended(doc, self.blend(sums))
    }

    /// A touched document's score from its [`Self::blend`].
    pub fn score_blended(&self, doc: u32, blended: f32) -> f32 {
        let (index, analysis) = (self.index, self.analysis);
        let d = doc as usize;
        let wrong_kind = wrong_kind(&index.docs[d].kinds, index.docs[d].target, analysis.asks)
            || not_exact(&index.docs[d].kinds, index.docs[d].target, analysis);
        let mut score = blended * if wrong_kind { WRONG_KIND } else { 1.0 };
        if !self.asked.is_empty() && index.names_another(doc, &self.asked) {
            score *= ANOTHER_ENTITY;
        }
        score.clamp(0.0, 1.0)
    }

    /// A touched document's coverage, fit and containment blended: its score before
    /// the factors, each at most 1, that [`Self::score`] applies, so never below it.
    pub fn blend(&self, sums: &DocSums) -> f32 {
        let coverage = (sums.matched / self.total).min(1.0);
        let mixed = 0.5 * coverage + 0.5 * sums.fit;
        let contained = CONTAINED * sums.containment * coverage.sqrt();
        // `mixed` is never NaN (coverage is at most 1, a fit is only ever raised by a
        // comparison): a plain comparison is `f32::max` here, ties included.
        if contained > mixed { contained } else { mixed }
    }

    /// The most a document can score from terms of total weight `weight` whose
    /// shares of their phrasings add up to `share`: coverage and fit are at most
    /// `weight` of the question's, containment at most `share` (of the idf weight, so
    /// times what the question weighs a term above its idf).
    pub fn bound(&self, weight: f32, share: f32) -> f32 {
        let most = (weight / self.total).min(1.0);
        most.max(CONTAINED * share.min(1.0) * self.most_contained * most.sqrt())
    }

    /// The most document `doc` can score from terms that add up to `matched` in it,
    /// `phrasal` of them from terms of its phrasings: coverage at most `matched` of the
    /// question's weight; a phrasing's fit at most that of a phrasing matching
    /// `phrasal` and weighing what the lightest one does (fit grows with what a
    /// phrasing matched and shrinks with its weight); and its containment at most
    /// `phrasal` over the lightest phrasing's weight (what a phrasing shares with the
    /// question is part of what the document matched through its phrasings).
    pub fn doc_bound(&self, doc: u32, matched: f32, phrasal: f32) -> f32 {
        let most = (matched / self.total).min(1.0);
        let lightest = self.index.lightest_phrasing[doc as usize];
        let missing = (lightest - phrasal).max(0.0);
        let fit = (phrasal / (self.total + MISSING_PHRASING_WORDS * missing)).min(1.0);
        let lightest = lightest.max(f32::EPSILON);
        let contained = (phrasal / lightest).min(self.most_contained);
        (0.5 * most + 0.5 * fit).max(CONTAINED * contained * most.sqrt())
    }
}

/// [`Query::add_to_phrasing`] for phrasing `p`'s sum `matched`, the phrasings touched
/// so far and the carried common term ([`Scratch::carried`]).
fn add_to(
    p: u32,
    weight: f32,
    matched: &mut f32,
    touched: &mut Vec<u32>,
    carried: (u32, f32),
    all: &[Phrasing],
) {
    if *matched == 0.0 {
        touched.push(p);
        let (bit, carried) = carried;
        if bit != 0 && all[p as usize].common & bit != 0 {
            *matched = carried;
        }
    }
    *matched += weight;
}

/// Whether document `doc` is among `docs` (one bit each).
fn has(docs: &[u64], doc: u32) -> bool {
    docs[doc as usize / 64] >> (doc % 64) & 1 == 1
}

/// [`Query::with_others`]: the documents the terms other than the question words have,
/// when there are both kinds.
fn documents_with_others(index: &Index, terms: &[(u32, f32)], question_words: u128) -> Option<Vec<u64>> {
    let others = (0..terms.len()).filter(|&at| at >= 128 || question_words >> at & 1 == 0);
    if question_words == 0 || others.clone().next().is_none() {
        return None;
    }
    let mut docs = vec![0u64; index.docs.len().div_ceil(64)];
    for at in others {
        for &(doc, _) in &index.doc_postings[terms[at].0 as usize] {
            docs[doc as usize / 64] |= 1 << (doc % 64);
        }
    }
    Some(docs)
}

/// The question's term (at most one) to weigh by documents' lightest phrasings:
/// of those the index lists as common, the one most phrasings have.
fn common_term(index: &Index, terms: &[(u32, f32)]) -> Option<(usize, usize)> {
    if index.common.is_empty() {
        return None;
    }
    terms
        .iter()
        .enumerate()
        // Most terms are in too few phrasings to be common: one look says so.
        .filter(|&(_, &(id, _))| {
            index.phrasing_postings[id as usize].len() >= crate::matcher::index::SAVES_FROM
        })
        .filter_map(|(at, &(id, _))| Some((at, index.common.iter().position(|c| c.term == id)?)))
        .max_by_key(|&(at, common)| (index.phrasing_postings[index.common[common].term as usize].len(), at))
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
