//! Max-score pruning for large knowledge: the rarest terms of a question find the
//! documents that can rank; the common terms are then added to those documents
//! only, instead of to every document and phrasing that uses them.
//!
//! It is exact. A document none of the rare terms touch can score at most
//! [`Query::bound`] of the common terms' weight; once that is below the [`KEEP`]-th
//! best score the rare terms alone already give (scores only grow as terms are
//! added), no such document can rank. Every term is still added in the question's
//! order, so the documents that rank get the same scores to the last bit.

use super::score::{DocSums, KEEP, Query, Scratch};

/// Below this many postings a question is cheap: planning would cost more than it
/// saves. The shipped knowledge stays under it; 1,000 entries and more go over.
const PRUNE_FROM_POSTINGS: usize = 6_000;
/// Scores are sums of `f32`s added in another order while planning: this much
/// slack keeps a rounding difference from ever pruning a document that ranks.
const ROUNDING_SLACK: f32 = 1e-3;

/// How a question's documents are gathered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Plan {
    /// The rarest terms found the candidates: `s.docs` lists them (sorted, their sums
    /// zeroed), and this is a floor under the [`KEEP`]-th best final score.
    Candidates(f32),
    /// The rarest terms could not prune (the scratch is left clear): every term's
    /// documents are added up first ([`reachable`]), and only the documents that can
    /// still rank have their phrasings gathered.
    Documents,
    /// A small question: every document and phrasing, term by term.
    Every,
}

/// Plans a question: finds the documents that can rank from its rarest terms when
/// it can ([`Plan`]).
pub fn plan(query: &Query, s: &mut Scratch) -> Plan {
    let index = query.index;
    let work = |&(id, _): &(u32, f32)| {
        index.doc_postings[id as usize].len() + index.phrasing_postings[id as usize].len()
    };
    let total_work: usize = query.terms.iter().map(work).sum();
    if total_work < PRUNE_FROM_POSTINGS {
        return Plan::Every;
    }
    if query.terms.len() < 2 {
        return Plan::Documents;
    }
    // Rarest (heaviest) first; what the terms after each step could still add.
    let mut order: Vec<usize> = (0..query.terms.len()).collect();
    order.sort_by(|&a, &b| query.terms[b].1.total_cmp(&query.terms[a].1).then(a.cmp(&b)));
    let mut rest = vec![(0f32, 0f32); order.len() + 1];
    for k in (0..order.len()).rev() {
        let (id, weight) = query.terms[order[k]];
        rest[k] = (rest[k + 1].0 + weight, rest[k + 1].1 + index.max_share[id as usize]);
    }
    let (mut done, mut floor) = (0, 0f32);
    for k in 0..order.len() - 1 {
        let term = query.terms[order[k]];
        // Planning needs what each document matched, not its phrasings: the probes are
        // scored from the postings, and the candidates' sums start again from zero.
        query.add_to_documents(order[k], s);
        done += work(&term);
        // Pruning now could save less than it has cost.
        if 2 * done > total_work {
            break;
        }
        let bound = query.bound(rest[k + 1].0, rest[k + 1].1);
        if bound >= 1.0 || s.docs.len() < KEEP {
            continue;
        }
        floor = floor.max(exact_floor(query, s));
        if bound < floor - ROUNDING_SLACK {
            keep_candidates(query, s, rest[k + 1].0, floor);
            return Plan::Candidates(floor);
        }
    }
    s.clear(false);
    Plan::Documents
}

/// Once every term is in every document's sums ([`Plan::Documents`]): lists the
/// documents in order, as candidates, and returns a floor under the [`KEEP`]-th best
/// final score, from the documents that matched the most.
pub fn reachable(query: &Query, s: &mut Scratch) -> f32 {
    // Planning's sums were added in another order: its probes set no bound here.
    s.probe_matched = 0.0;
    let floor = exact_floor(query, s);
    let mut bits = std::mem::take(&mut s.candidate_bits);
    bits.clear();
    bits.resize(s.sums.len().div_ceil(64), 0);
    for &d in &s.docs {
        bits[d as usize / 64] |= 1 << (d % 64);
    }
    s.docs.clear();
    push_in_order(&bits, &mut s.docs);
    s.candidate_bits = bits;
    floor
}

/// Lists the documents of `bits` in order.
fn push_in_order(bits: &[u64], docs: &mut Vec<u32>) {
    for (w, &bits) in bits.iter().enumerate() {
        let mut bits = bits;
        while bits != 0 {
            docs.push((w * 64) as u32 + bits.trailing_zeros());
            bits &= bits - 1;
        }
    }
}

/// Once every term is in the candidates' sums: drops (zeroed) the candidates that
/// cannot reach `floor` with what they matched, before their phrasings are gathered.
/// Most of a question's time at scale goes to phrasings, each a read from memory
/// the size of the knowledge.
pub fn drop_out_of_reach(query: &Query, s: &mut Scratch, floor: f32) {
    let (sums, bits) = (&mut s.sums, &mut s.candidate_bits);
    s.docs.retain(|&d| {
        let DocSums { matched, phrasal, .. } = sums[d as usize];
        let keep = query.doc_bound(d, matched, phrasal) >= floor - ROUNDING_SLACK;
        if !keep {
            sums[d as usize] = DocSums::default();
            bits[d as usize / 64] &= !(1 << (d % 64));
        }
        keep
    });
}

/// Keeps, zeroed, the touched documents that the rest of the question (weighing
/// `rest`) could still lift to `floor`.
fn keep_candidates(query: &Query, s: &mut Scratch, rest: f32, floor: f32) {
    let reach = |d: u32| {
        let sums = &s.sums[d as usize];
        query.doc_bound(d, sums.matched + rest, sums.phrasal + rest)
    };
    // One bit a document: read back in order, cheaper than sorting thousands of ids;
    // kept for the terms rare enough to walk ([`walks`]).
    let mut kept = std::mem::take(&mut s.candidate_bits);
    kept.clear();
    kept.resize(s.sums.len().div_ceil(64), 0);
    for &d in s.docs.iter().filter(|&&d| reach(d) >= floor - ROUNDING_SLACK) {
        kept[d as usize / 64] |= 1 << (d % 64);
    }
    s.clear(false);
    push_in_order(&kept, &mut s.docs);
    s.candidate_bits = kept;
}

/// Whether document `d` is a candidate.
fn is_candidate(bits: &[u64], d: u32) -> bool {
    bits[d as usize / 64] & (1 << (d % 64)) != 0
}

/// A posting list this many times longer than the candidates is leapt through, one
/// galloping search a candidate; a shorter one is walked whole, each posting
/// checked against the candidates' bits (a step of a leap costs about what a
/// posting's check does, and a leap takes several).
const WALK_UNDER: usize = 4;

/// Whether a term's list of `postings` is walked rather than leapt through.
fn walks(postings: usize, s: &Scratch) -> bool {
    postings < WALK_UNDER * s.docs.len()
}

/// How many of the documents the rarest terms match best are scored in full for
/// [`exact_floor`].
const PROBES: usize = 2 * KEEP;

/// A floor under the [`KEEP`]-th best final score: the [`KEEP`]-th best full score
/// of the documents the terms so far match best.
fn exact_floor(query: &Query, s: &mut Scratch) -> f32 {
    let mut best = std::mem::take(&mut s.best);
    best.clear();
    // Any set of documents gives a floor (the final scores' can only be higher), so
    // which of those tied at the edge are probed does not matter.
    let least = s.probe_matched;
    best.extend(s.docs.iter().map(|&d| (s.sums[d as usize].matched, d)).filter(|&(m, _)| m >= least));
    let floor = kth_full_score(query, s, &mut best);
    s.best = best;
    floor
}

/// The [`KEEP`]-th best full score among the [`PROBES`] documents of `best` that
/// lead it (by the number each comes with); 0 with fewer than [`KEEP`].
fn kth_full_score(query: &Query, s: &mut Scratch, best: &mut Vec<(f32, u32)>) -> f32 {
    if best.len() > PROBES {
        best.select_nth_unstable_by(PROBES - 1, |a, b| b.0.total_cmp(&a.0));
        best.truncate(PROBES);
        s.probe_matched = best[PROBES - 1].0;
    }
    if best.len() < KEEP {
        return 0.0;
    }
    // A full score takes every term: the same whenever a document is probed. The
    // documents not probed yet are scored together, in order.
    let mut fresh: Vec<u32> =
        best.iter().map(|&(_, d)| d).filter(|&d| !s.probed.iter().any(|&(p, _)| p == d)).collect();
    fresh.sort_unstable();
    full_scores(query, &fresh, &mut s.doc_matched, &mut s.probed);
    for entry in best.iter_mut() {
        let doc = entry.1;
        entry.0 = s.probed.iter().find(|&&(d, _)| d == doc).map_or(0.0, |&(_, score)| score);
    }
    let (_, kth, _) = best.select_nth_unstable_by(KEEP - 1, |a, b| b.0.total_cmp(&a.0));
    kth.0
}

/// The scores of documents `docs` (sorted) with every term of the question, pushed
/// to `probed`; `matched` is scratch space for their phrasings. Term by term, each of
/// its lists leapt through once for all the documents, from where the one before
/// stopped, rather than searched from the top of a list as long as the knowledge
/// once a document; each document still takes the terms in the question's order.
fn full_scores(query: &Query, docs: &[u32], matched: &mut Vec<f32>, probed: &mut Vec<(u32, f32)>) {
    let index = query.index;
    let range = |d: u32| (index.doc_phrasings[d as usize], index.doc_phrasings[d as usize + 1]);
    // Where each document's phrasings start in `matched`: one after another.
    let mut starts = Vec::with_capacity(docs.len() + 1);
    starts.push(0usize);
    for &d in docs {
        let (first, end) = range(d);
        starts.push(starts[starts.len() - 1] + (end - first) as usize);
    }
    matched.clear();
    matched.resize(starts[docs.len()], 0.0);
    let mut sums = vec![DocSums::default(); docs.len()];
    for &(id, weight) in &query.terms {
        let postings = &index.doc_postings[id as usize];
        let mut at = 0;
        for (sums, &d) in sums.iter_mut().zip(docs) {
            at = leap(postings, at, |&(doc, _)| doc < d);
            match postings.get(at) {
                Some(&(doc, strength)) if doc == d => sums.matched += weight * strength,
                Some(_) => {}
                None => break,
            }
        }
        let phrasings = &index.phrasing_postings[id as usize];
        let mut at = 0;
        for (&start, &d) in starts.iter().zip(docs) {
            let (first, end) = range(d);
            at = leap(phrasings, at, |&p| p < first);
            while let Some(&p) = phrasings.get(at)
                && p < end
            {
                matched[start + (p - first) as usize] += weight;
                at += 1;
            }
        }
    }
    for (i, &d) in docs.iter().enumerate() {
        let first = range(d).0;
        for (p, &m) in (first..).zip(&matched[starts[i]..starts[i + 1]]) {
            if m > 0.0 {
                query.fit_phrasing(p, m, &mut sums[i]);
            }
        }
        probed.push((d, query.score(d, &sums[i])));
    }
}

/// Adds a term to the candidate documents (`s.docs`, sorted): both the candidates
/// and the term's list are sorted, so the list is walked once, leaping over the
/// documents that are not candidates.
pub fn add_to_candidates(query: &Query, (id, weight): (u32, f32), s: &mut Scratch) {
    let docs = &query.index.doc_postings[id as usize];
    if walks(docs.len(), s) {
        for &(d, strength) in docs.iter().filter(|&&(d, _)| is_candidate(&s.candidate_bits, d)) {
            s.sums[d as usize].add(weight, strength);
        }
        return;
    }
    let mut at_doc = 0;
    for &d in &s.docs {
        at_doc = leap(docs, at_doc, |&(doc, _)| doc < d);
        if let Some(&(doc, strength)) = docs.get(at_doc)
            && doc == d
        {
            s.sums[d as usize].add(weight, strength);
        }
    }
}

/// Adds the question's term at `at` to the phrasings of the candidate documents
/// (`s.docs`, sorted), the same way; the common term only to those touched so far
/// ([`Query::add_to_phrasings`]).
pub fn add_to_candidate_phrasings(query: &Query, at: usize, s: &mut Scratch) {
    if query.common.is_some_and(|(common_at, _)| common_at == at) {
        return query.add_to_phrasings(at, s);
    }
    let (id, weight) = query.terms[at];
    let index = query.index;
    let phrasings = &index.phrasing_postings[id as usize];
    if walks(phrasings.len(), s) {
        // The candidates' phrasings are runs of numbers in the same order as the list:
        // walked side by side, no posting's document is looked up (one read from
        // memory the size of the knowledge each), and the walk stops after the last run.
        let mut next = 0;
        for &p in phrasings {
            while next < s.docs.len() && index.doc_phrasings[s.docs[next] as usize + 1] <= p {
                next += 1;
            }
            let Some(&d) = s.docs.get(next) else { break };
            if p >= index.doc_phrasings[d as usize] {
                query.add_to_phrasing(p, weight, s);
            }
        }
        return;
    }
    let mut at = 0;
    for i in 0..s.docs.len() {
        let d = s.docs[i] as usize;
        let (first, end) = (index.doc_phrasings[d], index.doc_phrasings[d + 1]);
        at = leap(phrasings, at, |&p| p < first);
        while let Some(&p) = phrasings.get(at)
            && p < end
        {
            query.add_to_phrasing(p, weight, s);
            at += 1;
        }
    }
}

/// The first index from `from` on whose item is not `below` (`list` is sorted so
/// that the items `below` come first): a galloping search, which costs the log of
/// the distance leapt rather than of the list.
pub(super) fn leap<T>(list: &[T], from: usize, below: impl Fn(&T) -> bool) -> usize {
    if list.get(from).is_none_or(|item| !below(item)) {
        return from;
    }
    let (mut last_below, mut step) = (from, 1);
    while last_below + step < list.len() && below(&list[last_below + step]) {
        last_below += step;
        step *= 2;
    }
    let end = (last_below + step).min(list.len());
    last_below + 1 + list[last_below + 1..end].partition_point(below)
}

/// Whether pruning applies to a question (for tests).
#[cfg(test)]
fn essential_terms_for_test(
    index: &super::index::Index,
    analysis: &super::analyze::Analysis,
    s: &mut Scratch,
) -> bool {
    s.fit_to(index);
    let query = Query::new(index, analysis);
    let pruned = query.total > 0.0 && matches!(plan(&query, s), super::prune::Plan::Candidates(_));
    s.clear(false);
    pruned
}

#[cfg(test)]
mod tests;
