//! Unit tests of pruning: leaps through postings, and pruned ranking equal to scoring
//! every document on knowledge grown far past the pruning threshold.

use std::path::Path;

use super::super::index::Index;
use super::super::score::{rank_every_document, rank_pruned};
use crate::knowledge::{self, Story};

/// The shipped knowledge grown to `size` entries: each a copy of a shipped one
/// with a made-up word of its own in every phrasing and answer.
fn grown(base: &Story, size: usize) -> Story {
    let mut story = base.clone();
    let word = |n: usize| -> String {
        let mut w = String::from("zq");
        let mut k = n;
        loop {
            w.push((b'a' + (k % 26) as u8) as char);
            k /= 26;
            if k == 0 {
                return w;
            }
        }
    };
    story.entries = (0..size)
        .map(|n| {
            let mut e = base.entries[n % base.entries.len()].clone();
            e.id = format!("{}-{n}", e.id);
            for (i, q) in e.questions.en.iter_mut().chain(e.questions.ru.iter_mut()).enumerate() {
                q.push(' ');
                q.push_str(&word(n * 64 + i));
            }
            e.answer.en.push(' ');
            e.answer.en.push_str(&word(n * 64 + 63));
            e
        })
        .collect();
    story
}

#[test]
fn a_leap_lands_on_the_first_item_not_below() {
    let list = [1, 3, 3, 5, 8, 13, 21, 34, 55, 89];
    for from in 0..=list.len() {
        for target in 0..100 {
            let expected = from + list[from..].partition_point(|&x| x < target);
            assert_eq!(super::leap(&list, from, |&x| x < target), expected, "{from} {target}");
        }
    }
}

#[test]
fn pruning_ranks_exactly_as_scoring_every_document() {
    let base = knowledge::load(Path::new("knowledge")).unwrap();
    let index = Index::build(&grown(&base, 1_500));
    let sets = crate::evaluate::question_sets(Path::new("tests/eval")).unwrap();
    let mut questions: Vec<String> = sets.into_iter().flat_map(|(_, c)| c).map(|c| c.q).collect();
    questions.extend(base.entries.iter().flat_map(|e| e.questions.en.iter().take(3)).cloned());
    let mut pruned = 0;
    for q in &questions {
        let analysis = index.analyzer.analyze_question(q);
        let fast = rank_pruned(&index, &analysis, true);
        let full = rank_pruned(&index, &analysis, false);
        assert_eq!(fast, full, "{q}");
        assert_eq!(full, rank_every_document(&index, &analysis), "{q}");
        let mut s = super::super::score::Scratch::default();
        pruned += usize::from(super::essential_terms_for_test(&index, &analysis, &mut s));
    }
    assert!(pruned * 3 > questions.len(), "pruning was tried on {pruned} of {} questions", questions.len());
}
