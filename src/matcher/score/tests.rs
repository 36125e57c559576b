//! Ranking and candidate selection, on small indexes and the shipped knowledge.

use std::path::Path;

use super::*;
use crate::matcher::analyze::QUESTION_MARK;

#[test]
fn the_best_documents_are_those_a_whole_sort_finds() {
    let story = crate::knowledge::load(Path::new("knowledge")).unwrap();
    let index = Index::build(&story);
    let sets = crate::evaluate::question_sets(Path::new("tests/eval")).unwrap();
    let (mut cut, mut common) = (0, 0);
    for q in sets.into_iter().flat_map(|(_, cases)| cases).map(|c| c.q) {
        let analysis = index.analyzer.analyze_question(&q);
        let ranked = rank_pruned(&index, &analysis, false);
        assert_eq!(ranked, rank_every_document(&index, &analysis), "{q}");
        cut += usize::from(ranked.len() == KEEP);
        common += usize::from(Query::new(&index, &analysis).common.is_some());
    }
    assert!(cut > 100, "only {cut} questions touched more than {KEEP} documents");
    assert!(common > 100, "only {common} questions had a common term");
}

#[test]
fn rank_keys_sort_as_the_order_does_and_give_back_what_they_were_made_from() {
    let values = [1.0, 0.75, 0.5, 0.5 + f32::EPSILON, f32::MIN_POSITIVE, 0.0, -0.0, -0.25, -1.0];
    let mut all: Vec<Scored> =
        values.iter().flat_map(|&score| [7, 0, 3].map(|doc| Scored { doc, score })).collect();
    for s in &all {
        let back = scored_of(rank_key(*s));
        assert_eq!((back.doc, back.score.to_bits()), (s.doc, s.score.to_bits()));
    }
    let mut by_key = all.clone();
    by_key.sort_by_key(|s| rank_key(*s));
    all.sort_by(order);
    let bits = |v: &[Scored]| v.iter().map(|s| (s.doc, s.score.to_bits())).collect::<Vec<_>>();
    assert_eq!(bits(&by_key), bits(&all));
}

#[test]
fn the_best_keep_the_leading_documents_in_order() {
    let mut best = Best::default();
    let scored: Vec<Scored> =
        (0..40u32).map(|doc| Scored { doc, score: ((doc * 7) % 11) as f32 / 10.0 }).collect();
    for s in &scored {
        best.keep(*s);
    }
    let mut sorted = scored.clone();
    sorted.sort_by(order);
    let kept: Vec<Scored> = best.keys[..best.len].iter().map(|&k| scored_of(k)).collect();
    assert_eq!(kept, sorted[..KEEP]);
    assert_eq!(best.kth, sorted[KEEP - 1].score);
}

#[test]
fn no_document_ranks_on_question_words_alone_beside_other_terms() {
    let story = crate::knowledge::load(Path::new("knowledge")).unwrap();
    let index = Index::build(&story);
    for q in ["What do analysts say?", "what did the white house say?", "Что говорят аналитики?"]
    {
        let analysis = index.analyzer.analyze_question(q);
        let others: Vec<u32> = analysis
            .terms
            .iter()
            .filter(|t| !t.starts_with(QUESTION_MARK))
            .filter_map(|t| index.term(t))
            .collect();
        assert!(!others.is_empty() && analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK)), "{q}");
        let ranked = rank_pruned(&index, &analysis, false);
        assert!(!ranked.is_empty(), "{q}");
        for s in &ranked {
            let has = |t: u32| index.doc_postings[t as usize].iter().any(|&(d, _)| d == s.doc);
            assert!(others.iter().any(|&t| has(t)), "{q}: document {} ranks on question words", s.doc);
        }
    }
    // A question of question words alone still ranks what they fit.
    assert!(!rank_pruned(&index, &index.analyzer.analyze_question("what happened?"), false).is_empty());
}
