//! Scoring: how well a question fits each document, in [0, 1], and the candidates
//! (entries, the best gap and small talk) that the decision weighs.
//!
//! *Coverage*: how much of the question (by idf weight) a document explains; words the
//! knowledge never uses count against every document, which is what keeps "what is
//! the population of Buryatia?" from looking like a question about Buryatia. *Fit*: a
//! weighted Jaccard against the closest phrasing. *Containment*: how much of the
//! closest phrasing the question contains, which carries long, chatty questions.

use super::analyze::{Analysis, Precision};
use super::index::{DocRef, Index, PHRASING, surface_similarity};
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

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub doc: u32,
    /// The first-stage score in [0, 1], used to rank.
    pub score: f32,
}

/// How many of the best documents `rank` returns: the decision looks at a handful.
pub const KEEP: usize = 16;

/// What a question's terms add up to, per document.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DocSums {
    /// The question's weight the document explains (by field strength).
    pub matched: f32,
    /// The part of it from terms of its phrasings: no phrasing matches more.
    pub phrasal: f32,
    /// The best fit and containment among its phrasings.
    pub fit: f32,
    pub containment: f32,
}

/// Per-thread buffers sized to the index, so a question touches only the documents
/// and phrasings that share a term with it instead of clearing arrays of them all.
#[derive(Default)]
pub(super) struct Scratch {
    pub sums: Vec<DocSums>,
    pub phrasing_matched: Vec<f32>,
    /// The documents and phrasings touched, in order of first touch.
    pub docs: Vec<u32>,
    pub phrasings: Vec<u32>,
    /// The common term ([`Query::common`]) once the question's order has passed it,
    /// as (its bit, its weight): a phrasing first touched after it and having it
    /// starts from its weight, as if it had been added there.
    pub carried: (u32, f32),
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

impl DocSums {
    /// Adds a term of weight `weight` that the document has with `strength`.
    pub fn add(&mut self, weight: f32, strength: f32) {
        self.matched += weight * strength;
        if strength >= PHRASING {
            self.phrasal += weight * strength;
        }
    }
}

impl Scratch {
    pub fn fit_to(&mut self, index: &Index) {
        if self.sums.len() != index.docs.len() || self.phrasing_matched.len() != index.phrasings.len() {
            *self = Scratch {
                sums: vec![DocSums::default(); index.docs.len()],
                phrasing_matched: vec![0.0; index.phrasings.len()],
                ..Scratch::default()
            };
        }
    }

    /// Zeroes what the question touched; the documents stay listed when `keep_docs`.
    pub fn clear(&mut self, keep_docs: bool) {
        for &d in &self.docs {
            self.sums[d as usize] = DocSums::default();
        }
        for &p in &self.phrasings {
            self.phrasing_matched[p as usize] = 0.0;
        }
        self.phrasings.clear();
        self.carried = (0, 0.0);
        if !keep_docs {
            self.docs.clear();
        }
    }
}

/// A question's known terms, in its order, with their weights, and the weight of the
/// whole question (unknown words included).
pub(super) struct Query<'a> {
    pub index: &'a Index,
    pub analysis: &'a Analysis,
    pub terms: Vec<(u32, f32)>,
    pub total: f32,
    /// The most a phrasing can be contained in the question: 1, but more where the
    /// question weighs a term above its idf (a follow-up's bare question word).
    most_contained: f32,
    /// The entities the question names, as (group, term).
    asked: Vec<super::index::Named>,
    /// The question's term that the most phrasings share, if the index lists it among
    /// its common terms, as (its place in `terms`, its place in [`Index::common`]):
    /// its phrasings are weighed document by document ([`super::index::Common`]).
    pub common: Option<(usize, usize)>,
}

impl<'a> Query<'a> {
    pub fn new(index: &'a Index, analysis: &'a Analysis) -> Query<'a> {
        let n_terms = analysis.terms.len().max(1) as f32;
        let unknown_weight = index.unknown_weight * (LONG_QUESTION / n_terms).min(1.0);
        let (mut terms, mut total) = (Vec::with_capacity(analysis.terms.len()), 0f32);
        let mut most_contained = 1f32;
        for term in &analysis.terms {
            let Some(id) = index.term(term) else {
                total += if analysis.names.contains(term) { NAME * unknown_weight } else { unknown_weight };
                continue;
            };
            most_contained = most_contained.max(analysis.weight(term));
            let mut weight = index.idf[id as usize] * analysis.weight(term);
            if analysis.corrected.contains(term) {
                // A corrected word is a guess: it keeps part of an unknown word's doubt.
                weight *= CORRECTED;
                total += CORRECTED_DOUBT * unknown_weight;
            }
            total += weight;
            terms.push((id, weight));
        }
        let common = common_term(index, &terms);
        Query { index, analysis, terms, total, most_contained, asked: index.entities_in(analysis), common }
    }

    /// Adds the question's term at `at` in `terms`: the common term to the phrasings
    /// touched so far only ([`Self::carry_common`]), any other to all that use it.
    pub fn add_to_phrasings(&self, at: usize, s: &mut Scratch) {
        let (id, weight) = self.terms[at];
        match self.common {
            Some((common_at, common)) if common_at == at => self.carry_common(common, weight, s),
            _ => {
                for &p in &self.index.phrasing_postings[id as usize] {
                    self.add_to_phrasing(p, weight, s);
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
        if *matched == 0.0 {
            s.phrasings.push(p);
            let (bit, carried) = s.carried;
            if bit != 0 && self.index.phrasings[p as usize].common & bit != 0 {
                *matched = carried;
            }
        }
        *matched += weight;
    }

    /// The common term's phrasings that no other term touched, weighed by each
    /// document's lightest ones, in the documents `docs` (sorted; all when `None`).
    pub fn fit_common(&self, docs: Option<&[u32]>, s: &mut Scratch) {
        let Some((at, common)) = self.common else { return };
        let weight = self.terms[at].1;
        let lightest = &self.index.common[common].lightest;
        let fit = |l: &super::index::Lightest, sums: &mut DocSums| {
            for p in l.phrasings() {
                self.fit_phrasing(p, weight, sums);
            }
        };
        match docs {
            None => lightest.iter().for_each(|l| fit(l, &mut s.sums[l.doc as usize])),
            Some(docs) => {
                let mut at = 0;
                for &d in docs {
                    at = super::prune::leap(lightest, at, |l| l.doc < d);
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
    pub fn add_everywhere(&self, (id, weight): (u32, f32), s: &mut Scratch) {
        self.add_to_documents((id, weight), s);
        for &p in &self.index.phrasing_postings[id as usize] {
            self.add_to_phrasing(p, weight, s);
        }
    }

    /// Adds a term to every document that uses it (not to its phrasings), listing new
    /// documents.
    pub fn add_to_documents(&self, (id, weight): (u32, f32), s: &mut Scratch) {
        for &(doc, strength) in &self.index.doc_postings[id as usize] {
            let sums = &mut s.sums[doc as usize];
            if sums.matched == 0.0 {
                s.docs.push(doc);
            }
            sums.add(weight, strength);
        }
    }

    /// Each touched document's best fit and containment among its touched phrasings.
    pub fn fit_phrasings(&self, s: &mut Scratch) {
        for &p in &s.phrasings {
            let doc = self.index.phrasings[p as usize].doc;
            self.fit_phrasing(p, s.phrasing_matched[p as usize], &mut s.sums[doc as usize]);
        }
    }

    /// Raises a document's fit and containment to a phrasing's, which matched
    /// `matched` of the question's weight.
    pub fn fit_phrasing(&self, p: u32, matched: f32, sums: &mut DocSums) {
        let phrasing = &self.index.phrasings[p as usize];
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
        let (index, analysis) = (self.index, self.analysis);
        let d = doc as usize;
        let wrong_kind = wrong_kind(&index.docs[d].kinds, index.docs[d].target, analysis.asks)
            || not_exact(&index.docs[d].kinds, index.docs[d].target, analysis);
        let blended = self.blend(sums);
        let mut score = blended * if wrong_kind { WRONG_KIND } else { 1.0 };
        if !self.asked.is_empty() && index.names_another(doc, &self.asked) {
            score *= ANOTHER_ENTITY;
        }
        score.clamp(0.0, 1.0)
    }

    /// A touched document's coverage, fit and containment blended: its score before
    /// the factors, each at most 1, that [`Self::score`] applies, so never below it.
    fn blend(&self, sums: &DocSums) -> f32 {
        let coverage = (sums.matched / self.total).min(1.0);
        (0.5 * coverage + 0.5 * sums.fit).max(CONTAINED * sums.containment * coverage.sqrt())
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
    /// question's weight, a phrasing's fit at most `phrasal` of it, and its
    /// containment at most `phrasal` over the lightest phrasing's weight (what a
    /// phrasing shares with the question is part of what the document matched through
    /// its phrasings).
    pub fn doc_bound(&self, doc: u32, matched: f32, phrasal: f32) -> f32 {
        let most = (matched / self.total).min(1.0);
        let fit = (phrasal / self.total).min(1.0);
        let lightest = self.index.lightest_phrasing[doc as usize].max(f32::EPSILON);
        let contained = (phrasal / lightest).min(self.most_contained);
        (0.5 * most + 0.5 * fit).max(CONTAINED * contained * most.sqrt())
    }
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
        .filter(|&(_, &(id, _))| index.phrasing_postings[id as usize].len() >= super::index::SAVES_FROM)
        .filter_map(|(at, &(id, _))| Some((at, index.common.iter().position(|c| c.term == id)?)))
        .max_by_key(|&(at, common)| (index.phrasing_postings[index.common[common].term as usize].len(), at))
}

/// The best documents for a question (at most [`KEEP`]), best first.
pub fn rank(index: &Index, analysis: &Analysis) -> Vec<Scored> {
    rank_pruned(index, analysis, true)
}

/// [`rank`], with pruning ([`super::prune`]) or without.
pub(super) fn rank_pruned(index: &Index, analysis: &Analysis, prune: bool) -> Vec<Scored> {
    let query = Query::new(index, analysis);
    if query.total <= 0.0 {
        return Vec::new();
    }
    SCRATCH.with(|scratch| {
        let mut s = scratch.borrow_mut();
        s.fit_to(index);
        let ranked = rank_with(&query, &mut s, prune);
        s.clear(false);
        ranked
    })
}

fn rank_with(query: &Query, s: &mut Scratch, prune: bool) -> Vec<Scored> {
    // Every term adds up in the question's order whichever way it is gathered, so
    // each score is the same to the last bit as without pruning.
    if let Some(floor) = prune.then(|| super::prune::find_candidates(query, s)).flatten() {
        for &term in &query.terms {
            super::prune::add_to_candidates(query, term, s);
        }
        super::prune::drop_out_of_reach(query, s, floor);
        for at in 0..query.terms.len() {
            super::prune::add_to_candidate_phrasings(query, at, s);
        }
        query.fit_phrasings(s);
        let docs = std::mem::take(&mut s.docs);
        query.fit_common(Some(&docs), s);
        s.docs = docs;
    } else {
        for (at, &term) in query.terms.iter().enumerate() {
            query.add_to_documents(term, s);
            query.add_to_phrasings(at, s);
        }
        query.fit_phrasings(s);
        query.fit_common(None, s);
    }
    let mut ranked: Vec<Scored> = Vec::with_capacity(KEEP + 1);
    for &doc in &s.docs {
        let sums = &s.sums[doc as usize];
        // A document whose blend is below the KEEP-th best score cannot rank: no need
        // to weigh its kind of answer and the things it names.
        if ranked.len() == KEEP && query.blend(sums) < ranked[KEEP - 1].score {
            continue;
        }
        keep_best(&mut ranked, Scored { doc, score: query.score(doc, sums) });
    }
    ranked
}

/// Best first: higher scores, then lower document numbers (a total order, so the
/// best [`KEEP`] are the same whichever order documents come in).
fn order(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc))
}

/// Adds `scored` to the best documents so far (at most [`KEEP`], best first) if it
/// is among them.
fn keep_best(ranked: &mut Vec<Scored>, scored: Scored) {
    let at = ranked.partition_point(|r| order(r, &scored).is_lt());
    if at < KEEP {
        ranked.truncate(KEEP - 1);
        ranked.insert(at, scored);
    }
}

/// Entries considered per question.
const MAX_CANDIDATES: usize = 6;
/// Documents of any kind kept in [`Candidates::ranked`].
const RANKED: usize = 8;
/// An entry fitting this well keeps a question that a gap fits better but adds
/// nothing to.
const GAP_CLOSE_ENTRY: f32 = 0.75;
/// Scores this close to the best are ties, settled by surface similarity.
const TIE: f32 = 0.03;
/// How many leading documents can be in a tie.
const TIE_WINDOW: usize = 8;

/// One entry considered for an answer.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub entry: usize,
    /// How well the entry fits the question, in [0, 1].
    pub confidence: f32,
}

/// What the first stage found for a question.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    /// Entries, most confident first.
    pub entries: Vec<Candidate>,
    /// The best gap and small-talk documents, with first-stage scores.
    pub gap: Option<(DocRef, f32)>,
    /// The best gap may ask for more than the best entry says: the entry does not fit
    /// closely, or the question has a word the gap has and the entry lacks ("how
    /// many *kilometres*").
    pub gap_asks_more: bool,
    pub smalltalk: Option<(DocRef, f32)>,
    /// The best documents of any kind by first-stage score.
    pub ranked: Vec<(DocRef, f32)>,
}

/// Whether the gap document `gap` may ask for more than the entry document `entry`
/// (scored `entry_score`) says: see [`Candidates::gap_asks_more`].
pub fn gap_asks_more(index: &Index, analysis: &Analysis, gap: u32, entry: u32, entry_score: f32) -> bool {
    entry_score < GAP_CLOSE_ENTRY || index.has_term_missing_from(analysis, gap, entry)
}

/// The entries worth considering for an analyzed question, best first, and the best
/// gap and small-talk documents.
pub fn candidates(index: &Index, analysis: &Analysis) -> Candidates {
    let mut scored = rank(index, analysis);
    break_ties(index, &analysis.words, &mut scored);
    let target = |s: &Scored| index.docs[s.doc as usize].target;
    let first = |want: fn(&DocRef) -> bool| scored.iter().find(|s| want(&target(s)));
    let best = |want| first(want).map(|s| (target(s), s.score));
    let gap_asks_more =
        match (first(|d| matches!(d, DocRef::Gap(_))), first(|d| matches!(d, DocRef::Entry(_)))) {
            (Some(gap), Some(entry)) => gap_asks_more(index, analysis, gap.doc, entry.doc, entry.score),
            _ => true,
        };
    Candidates {
        gap_asks_more,
        entries: scored
            .iter()
            .filter_map(|s| match target(s) {
                DocRef::Entry(entry) => Some(Candidate { entry, confidence: s.score }),
                _ => None,
            })
            .take(MAX_CANDIDATES)
            .collect(),
        gap: best(|d| matches!(d, DocRef::Gap(_))),
        smalltalk: best(|d| matches!(d, DocRef::SmallTalk(_))),
        ranked: scored.iter().take(RANKED).map(|s| (target(s), s.score)).collect(),
    }
}

/// Among the leading documents, a little weight for sharing the question's very
/// words (stop words included): "what did the governor say" is the statement's
/// phrasing, not "who is the governor", though both read as "governor".
fn break_ties(index: &Index, question: &[String], scored: &mut [Scored]) {
    let Some(top) = scored.first().map(|s| s.score) else { return };
    let words = index.surface(question);
    for s in scored.iter_mut().take(TIE_WINDOW).filter(|s| top - s.score <= TIE) {
        let doc = &index.docs[s.doc as usize];
        let best = doc.surfaces.iter().map(|p| surface_similarity(&words, p)).fold(0.0, f32::max);
        s.score = s.score * (1.0 - TIE) + TIE * best;
    }
    scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// Every touched document scored, sorted whole and cut to [`KEEP`].
    fn rank_every_document(index: &Index, analysis: &Analysis) -> Vec<Scored> {
        let query = Query::new(index, analysis);
        let mut s = Scratch::default();
        s.fit_to(index);
        for &term in &query.terms {
            query.add_everywhere(term, &mut s);
        }
        query.fit_phrasings(&mut s);
        let mut all: Vec<Scored> = s
            .docs
            .iter()
            .map(|&doc| Scored { doc, score: query.score(doc, &s.sums[doc as usize]) })
            .collect();
        all.sort_by(order);
        all.truncate(KEEP);
        all
    }

    #[test]
    fn the_best_documents_are_those_a_whole_sort_finds() {
        let story = crate::knowledge::load(Path::new("knowledge")).unwrap();
        let index = Index::build(&story);
        let sets = crate::evaluate::question_sets(Path::new("tests/eval")).unwrap();
        let mut cut = 0;
        for q in sets.into_iter().flat_map(|(_, cases)| cases).map(|c| c.q) {
            let analysis = index.analyzer.analyze_question(&q);
            let ranked = rank_pruned(&index, &analysis, false);
            assert_eq!(ranked, rank_every_document(&index, &analysis), "{q}");
            cut += usize::from(ranked.len() == KEEP);
        }
        assert!(cut > 100, "only {cut} questions touched more than {KEEP} documents");
    }
}
