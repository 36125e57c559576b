//! Scoring: how well a question fits each document, in [0, 1], and the candidates
//! (entries, the best gap and small talk) that the decision weighs.
//!
//! *Coverage*: how much of the question (by idf weight) a document explains; words the
//! knowledge never uses count against every document, which is what keeps "what is
//! the population of Buryatia?" from looking like a question about Buryatia. *Fit*: a
//! weighted Jaccard against the closest phrasing. *Containment*: how much of the
//! closest phrasing the question contains, which carries long, chatty questions.
//!
//! A question's sums and the score they give are [`Query`]'s (`score/query.rs`); here,
//! the per-thread buffers they add up in, the ranking and the candidates.

use super::analyze::Analysis;
use super::index::{DocRef, Index, PHRASING, surface_similarity};

mod query;

pub(super) use query::Query;

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
    /// Pruning's buffers ([`super::prune`]): the documents probed and their full
    /// scores, for the whole question (a document probed again is not scored
    /// again), the documents to probe, and one document's phrasings' matched weights.
    pub probed: Vec<(u32, f32)>,
    pub best: Vec<(f32, u32)>,
    pub doc_matched: Vec<f32>,
    /// The least a document matched to have been among the last probes: the terms
    /// only add, so the next probes all match at least this much.
    pub probe_matched: f32,
    /// The candidate documents (`docs` once pruning has found them), one bit each.
    pub candidate_bits: Vec<u64>,
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

    /// Forgets what the question touched once ranking has zeroed it as it read it
    /// (the phrasings as they were fitted, the documents as they were scored): one
    /// pass over each instead of two.
    fn forget_zeroed(&mut self) {
        debug_assert!(self.docs.iter().all(|&d| self.sums[d as usize].matched == 0.0));
        debug_assert!(self.phrasings.iter().all(|&p| self.phrasing_matched[p as usize] == 0.0));
        self.docs.clear();
        self.phrasings.clear();
        self.carried = (0, 0.0);
    }
}

/// [`rank_query`] for an analysis (for tests).
#[cfg(test)]
pub(super) fn rank_pruned(index: &Index, analysis: &Analysis, prune: bool) -> Vec<Scored> {
    rank_query(&Query::new(index, analysis), prune)
}

/// The best documents for a question (at most [`KEEP`]), best first, with pruning
/// ([`super::prune`]) or without.
fn rank_query(query: &Query, prune: bool) -> Vec<Scored> {
    let index = query.index;
    if query.total <= 0.0 {
        return Vec::new();
    }
    SCRATCH.with(|scratch| {
        let mut s = scratch.borrow_mut();
        s.fit_to(index);
        let ranked = rank_with(query, &mut s, prune);
        s.forget_zeroed();
        s.probed.clear();
        s.probe_matched = 0.0;
        ranked
    })
}

fn rank_with(query: &Query, s: &mut Scratch, prune: bool) -> Vec<Scored> {
    use super::prune::{self, Plan};
    // Every term adds up in the question's order whichever way it is gathered, so
    // each score is the same to the last bit as without pruning.
    match if prune { prune::plan(query, s) } else { Plan::Every } {
        Plan::Candidates(floor) => {
            for &term in &query.terms {
                prune::add_to_candidates(query, term, s);
            }
            gather_reachable(query, s, floor);
        }
        Plan::Documents => {
            for at in 0..query.terms.len() {
                query.add_to_documents(at, s);
            }
            let floor = prune::reachable(query, s);
            gather_reachable(query, s, floor);
        }
        Plan::Every => {
            for at in 0..query.terms.len() {
                query.add_to_documents(at, s);
                query.add_to_phrasings(at, s);
            }
            query.fit_phrasings(s);
            query.fit_common(None, s);
        }
    }
    let mut best = Best::default();
    // Each document's sums are read once, here: zeroed as they are read.
    for &doc in &s.docs {
        let blended = query.blend(&std::mem::take(&mut s.sums[doc as usize]));
        // A document whose blend is below the KEEP-th best score cannot rank: no need
        // to weigh its kind of answer and the things it names.
        if best.is_full() && blended < best.kth {
            continue;
        }
        best.keep(Scored { doc, score: query.score_blended(doc, blended) });
    }
    best.keys[..best.len].iter().map(|&key| scored_of(key)).collect()
}

/// The best documents so far (at most [`KEEP`]), best first, as [`rank_key`]s: one
/// integer comparison a step of the search for a new document's place.
#[derive(Default)]
struct Best {
    keys: [u64; KEEP],
    len: usize,
    /// The [`KEEP`]-th best score, once there are [`KEEP`].
    kth: f32,
}

impl Best {
    fn is_full(&self) -> bool {
        self.len == KEEP
    }

    /// Adds `scored` if it is among the best.
    fn keep(&mut self, scored: Scored) {
        let key = rank_key(scored);
        let at = self.keys[..self.len].partition_point(|&k| k < key);
        if at == KEEP {
            return;
        }
        let end = self.len.min(KEEP - 1);
        self.keys.copy_within(at..end, at + 1);
        self.keys[at] = key;
        self.len = end + 1;
        if self.is_full() {
            self.kth = scored_of(self.keys[KEEP - 1]).score;
        }
    }
}

/// A ranked document as one number that sorts best first: higher scores (the score's
/// bits in `f32::total_cmp`'s order, flipped), then lower document numbers. A total
/// order, so the best [`KEEP`] are the same whichever order documents come in.
fn rank_key(scored: Scored) -> u64 {
    let bits = scored.score.to_bits();
    // Negative scores' bits count down as the score falls: reversed, below the rest.
    let ascending = if bits >> 31 == 1 { !bits } else { bits | 0x8000_0000 };
    (u64::from(!ascending) << 32) | u64::from(scored.doc)
}

/// The document and score a [`rank_key`] was made from.
fn scored_of(key: u64) -> Scored {
    let ascending = !((key >> 32) as u32);
    let bits = if ascending >> 31 == 1 { ascending & 0x7fff_ffff } else { !ascending };
    Scored { doc: key as u32, score: f32::from_bits(bits) }
}

/// Once every term is in the candidates' sums (`s.docs`, sorted): the phrasings of
/// those that can reach `floor`, fitted.
fn gather_reachable(query: &Query, s: &mut Scratch, floor: f32) {
    super::prune::drop_out_of_reach(query, s, floor);
    for at in 0..query.terms.len() {
        super::prune::add_to_candidate_phrasings(query, at, s);
    }
    query.fit_phrasings(s);
    let docs = std::mem::take(&mut s.docs);
    query.fit_common(Some(&docs), s);
    s.docs = docs;
}

/// Best first: higher scores, then lower document numbers (a total order, so the
/// best [`KEEP`] are the same whichever order documents come in): [`rank_key`]'s
/// order, for tests.
#[cfg(test)]
fn order(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc))
}

/// Every touched document scored, sorted whole and cut to [`KEEP`]: every term added
/// to every phrasing that has it, with no pruning and no common-term step (for tests).
#[cfg(test)]
pub(super) fn rank_every_document(index: &Index, analysis: &Analysis) -> Vec<Scored> {
    let query = Query::new(index, analysis);
    let mut s = Scratch::default();
    s.fit_to(index);
    for at in 0..query.terms.len() {
        query.add_everywhere(at, &mut s);
    }
    query.fit_phrasings(&mut s);
    let mut all: Vec<Scored> =
        s.docs.iter().map(|&doc| Scored { doc, score: query.score(doc, &s.sums[doc as usize]) }).collect();
    all.sort_by(order);
    all.truncate(KEEP);
    all
}

/// Entries considered per question.
const MAX_CANDIDATES: usize = 6;
/// Documents of any kind kept in [`Candidates::ranked`].
const RANKED: usize = 8;
/// An entry fitting this well keeps a question that a gap fits better but adds
/// nothing to.
const GAP_CLOSE_ENTRY: f32 = 0.75;
/// A gap fitting this well is asked in (nearly) its own words: it is the question,
/// unless an entry fits at least [`EXACT_GAP_ENTRY`]. An entry that shares the gap's
/// words through a synonym ("was the draft *cancelled*?" and loan payments the law may
/// *stop*) fits only middlingly.
pub const GAP_EXACT: f32 = 0.95;
const EXACT_GAP_ENTRY: f32 = 0.85;
/// A gap fitting this well is asked in its own words, up to a word ("who's the author",
/// "Кто автор?"): it wins over any entry not asked in its own words, however many of a
/// short question's few terms the entry shares through synonyms ("who *wrote* about
/// the analysts' doubts" is no byline).
const GAP_VERBATIM: f32 = 0.97;
/// Entries this close in score are equally good answers: a gap asks for more only
/// when it asks for more than each of them.
pub const SAME_SCORE: f32 = 0.002;
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
    /// closely, the gap is asked in nearly its own words, or the question has a word the
    /// gap has and the entry lacks ("how many *kilometres*").
    pub gap_asks_more: bool,
    pub smalltalk: Option<(DocRef, f32)>,
    /// The best documents of any kind by first-stage score.
    pub ranked: Vec<(DocRef, f32)>,
}

/// Whether the gap document `gap` (scored `gap_score`) may ask for more than the entry
/// document `entry` (scored `entry_score`) says: see [`Candidates::gap_asks_more`].
pub fn gap_asks_more(index: &Index, analysis: &Analysis, gap: (u32, f32), entry: (u32, f32)) -> bool {
    gap_fits_closer(gap.1, entry.1) || index.has_term_missing_from(analysis, gap.0, entry.0)
}

/// [`gap_asks_more`] with the question's terms as the query already looked them up.
fn query_gap_asks_more(query: &Query, gap: (u32, f32), entry: (u32, f32)) -> bool {
    let ids = query.terms.iter().map(|&(id, _)| id);
    gap_fits_closer(gap.1, entry.1) || query.index.has_id_missing_from(ids, gap.0, entry.0)
}

/// Whether a gap scored `gap_score` fits the question closer than an entry scored
/// `entry_score` can answer it, whatever words they share.
fn gap_fits_closer(gap_score: f32, entry_score: f32) -> bool {
    entry_score < GAP_CLOSE_ENTRY
        || (gap_score >= GAP_EXACT && entry_score < EXACT_GAP_ENTRY)
        || (gap_score >= GAP_VERBATIM && entry_score < GAP_EXACT)
}

/// The entries worth considering for a question read against the index, best first,
/// and the best gap and small-talk documents.
pub(super) fn candidates_of(query: &Query) -> Candidates {
    let (index, analysis) = (query.index, query.analysis);
    let mut scored = rank_query(query, true);
    break_ties(index, &analysis.words, &mut scored);
    let target = |s: &Scored| index.docs[s.doc as usize].target;
    let first = |want: fn(&DocRef) -> bool| scored.iter().find(|s| want(&target(s)));
    let best = |want| first(want).map(|s| (target(s), s.score));
    let gap_asks_more =
        match (first(|d| matches!(d, DocRef::Gap(_))), first(|d| matches!(d, DocRef::Entry(_)))) {
            // Against each entry tied with the best: which of them is first is chance.
            (Some(gap), Some(entry)) => scored
                .iter()
                .filter(|s| matches!(target(s), DocRef::Entry(_)) && entry.score - s.score <= SAME_SCORE)
                .all(|e| query_gap_asks_more(query, (gap.doc, gap.score), (e.doc, e.score))),
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
        let best = doc.surfaces().map(|p| surface_similarity(&words, p)).fold(0.0, f32::max);
        s.score = s.score * (1.0 - TIE) + TIE * best;
    }
    scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
}

#[cfg(test)]
mod tests;
