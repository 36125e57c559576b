//! When a known gap gives way to an entry: a gap's note says what the article lacks,
//! then what it does say, and that second half is often the very fact an entry answers
//! with ("the article calls only Belarus a close Russian ally"). Asked that fact, the
//! entry answers it with its quote rather than the gap declining.

use rustc_hash::FxHashMap as HashMap;

use super::analyze::{Analysis, QUESTION_MARK};
use super::index::{DocRef, Index};
use super::question::is_asking_term;
use super::score::{Candidates, GAP_EXACT};
use super::thresholds;
use crate::knowledge::{AnswerKind, Story};

/// Words that ask for a count: an answer that states no figure cannot give it.
const COUNTING: [&str; 3] = ["many", "сколько", "скольких"];

/// A gap ahead of the best entry by less than this is no clearer a fit: the words
/// that put it ahead are the ones the entry answers too.
const YIELD_MARGIN: f32 = 0.06;

/// Per gap, the entries backed by an article paragraph its note's quotes are from:
/// those whose fact the note restates.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct SharedBacking {
    gaps: Vec<Vec<usize>>,
    /// Per entry: its answer states no figure ("for miles"), so it cannot give the
    /// number a "how many kilometres" asks for, whatever kinds it declares.
    figureless: Vec<bool>,
}

impl SharedBacking {
    pub fn build(story: &Story) -> SharedBacking {
        let mut lines = QuoteLines::new(&story.article);
        let entries: Vec<Vec<usize>> = story.entries.iter().map(|e| lines.of(&e.quotes)).collect();
        let gaps = story
            .gaps
            .iter()
            .map(|g| {
                let of_gap = lines.of(&g.quotes);
                (entries.iter().enumerate())
                    .filter(|(_, of_entry)| of_entry.iter().any(|line| of_gap.contains(line)))
                    .map(|(entry, _)| entry)
                    .collect()
            })
            .collect();
        let stemmers = crate::knowledge::names::Stemmers::default();
        let figureless = story
            .entries
            .iter()
            .map(|e| crate::knowledge::claims::figures(&e.answer.en, &stemmers).is_empty())
            .collect();
        SharedBacking { gaps, figureless }
    }

    /// Lets the best entry answer instead of the best gap when the gap is barely
    /// ahead, is not asked in its own words, the entry has every word of the question
    /// ([`has_the_question`]), and the gap's note is backed by a paragraph the entry's
    /// quotes are from.
    pub fn give_way<'a>(&'a self, index: &Index, analysis: &Analysis, c: &mut Candidates) {
        let (Some((DocRef::Gap(gap), gap_score)), Some(top)) = (c.gap, c.entries.first()) else { return };
        let close = top.confidence >= thresholds::ANSWER
            && gap_score < GAP_EXACT
            && gap_score - top.confidence < YIELD_MARGIN;
        if !c.gap_asks_more || !close || !self.gaps.get(gap).is_some_and(|e| e.contains(&top.entry)) {
            return;
        }
        let entry = index.doc_of(DocRef::Entry(top.entry));
        // A question that asks for nothing (yes or no) checks a claim: a word of it
        // the gap lacks but another entry on the same paragraph uses ("is Belarus
        // *helping* ...") is how the asker put that paragraph's fact, not what the gap
        // lacks.
        let yes_no = analysis.asks.is_none() && !analysis.terms.iter().any(|t| is_asking_term(t));
        let kin = |entries: &'a [usize]| Kin { gap: index.doc_of(DocRef::Gap(gap)), entries };
        let kin = self.gaps.get(gap).filter(|_| yes_no).map(|e| kin(e));
        // "How *many* kilometres" asks for a count; "how long" is answered "for miles".
        let counts = analysis.words.iter().any(|w| COUNTING.contains(&w.as_str()));
        let no_figure = counts && self.figureless.get(top.entry) == Some(&true);
        c.gap_asks_more = no_figure
            || !gives_the_kind(&index.docs[entry as usize].kinds, analysis.asks)
            || !has_the_question(index, analysis, entry, kin.as_ref());
    }
}

/// A gap's document and the entries its note's paragraphs back (ascending, as
/// [`SharedBacking`] lists them): a question's word is looked up in them from its
/// postings, which are few, not the other way round (thousands share a paragraph in a
/// large knowledge).
struct Kin<'a> {
    gap: u32,
    entries: &'a [usize],
}

/// The paragraph (article line) each quote starts in; quotes are verbatim. Entries and
/// gaps quote the same sentences again and again: each is looked for once.
struct QuoteLines<'s> {
    article: &'s str,
    /// Where each line of the article ends: a quote starting at byte `at` is in line
    /// `partition_point(|&n| n < at)`, the count of line ends before it.
    ends: Vec<usize>,
    found: HashMap<&'s str, Option<usize>>,
}

impl<'s> QuoteLines<'s> {
    fn new(article: &'s str) -> Self {
        let ends = article.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect();
        QuoteLines { article, ends, found: HashMap::default() }
    }

    /// The lines `quotes` start in, in their order; a quote not in the article has none.
    fn of(&mut self, quotes: &'s [String]) -> Vec<usize> {
        let QuoteLines { article, ends, found } = self;
        quotes
            .iter()
            .filter_map(|q| {
                *found
                    .entry(q.as_str())
                    .or_insert_with(|| article.find(q.as_str()).map(|at| ends.partition_point(|&n| n < at)))
            })
            .collect()
    }
}

/// Whether an entry of `kinds` gives the kind a question word asks for: an entry that
/// declares none may; one that declares only others ("how much is a taxi to the
/// border" and the place where lines formed) does not.
fn gives_the_kind(kinds: &[AnswerKind], asked: Option<AnswerKind>) -> bool {
    use AnswerKind::{Name, Organization, Person, Place};
    match asked {
        None => true,
        _ if kinds.is_empty() => true,
        Some(Name) => kinds.iter().any(|k| matches!(k, Person | Organization | Place)),
        Some(kind) => kinds.contains(&kind),
    }
}

/// Whether document `doc` has every content word of the question, but for words only
/// small talk uses ("bot"): a word it lacks that other documents use ("by what
/// *percentage*"), or that the knowledge never uses ("the *longest* line"), may be what
/// the gap is asked. With `kin` (a yes-or-no question's), a word the gap lacks and an
/// entry on its paragraph has is no such word.
fn has_the_question(index: &Index, analysis: &Analysis, doc: u32, kin: Option<&Kin>) -> bool {
    let talk = |&(d, _): &(u32, f32)| matches!(index.docs[d as usize].target, DocRef::SmallTalk(_));
    (analysis.terms.iter().filter(|t| !t.starts_with(QUESTION_MARK))).all(|term| match index.term(term) {
        Some(id) => {
            let postings = &index.doc_postings[id as usize];
            let has = |doc: u32| postings.binary_search_by_key(&doc, |p| p.0).is_ok();
            let kin_entry = |k: &Kin, d: u32| match index.docs[d as usize].target {
                DocRef::Entry(e) => k.entries.binary_search(&e).is_ok(),
                _ => false,
            };
            let kin_has = |k: &Kin| !has(k.gap) && postings.iter().any(|&(d, _)| kin_entry(k, d));
            has(doc)
                || postings.iter().all(talk)
                || kin.is_some_and(kin_has)
                // "Military *record*" reads as the veterans' group, yet the document
                // has the bare word a question ("regardless of their *record*") uses.
                || index.docs[doc as usize].has_in_a_phrase(term)
        }
        None => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_gives_the_kind_asked_unless_it_declares_only_others() {
        use AnswerKind::*;
        assert!(gives_the_kind(&[Place], None), "no kind asked");
        assert!(gives_the_kind(&[], Some(Number)), "an entry that declares no kind may give any");
        assert!(!gives_the_kind(&[Place], Some(Number)), "a place is no count");
        assert!(gives_the_kind(&[Person], Some(Name)), "a person is a name");
        assert!(gives_the_kind(&[Number, Exact], Some(Number)));
    }

    #[test]
    fn a_word_an_entry_has_inside_a_lexicon_phrase_is_one_it_has() {
        let story = crate::knowledge::load(std::path::Path::new("knowledge")).unwrap();
        let index = Index::build(&story);
        let entry =
            |id: &str| index.doc_of(DocRef::Entry(story.entries.iter().position(|e| e.id == id).unwrap()));
        let has = |q: &str, id: &str| {
            has_the_question(&index, &index.analyzer.analyze_question(q), entry(id), None)
        };
        // "Military record" reads as the veterans' group: the entry still says "record".
        assert!(has("were men drafted regardless of their record", "buryatia-drafted"));
        // A word of a phrase the entry never uses ("skip the *country*") is not its own.
        assert!(!has("what did the kremlin say about the country", "promises-why"));
    }

    #[test]
    fn a_gap_backed_by_an_entry_s_paragraph_lists_that_entry() {
        let story = crate::knowledge::load(std::path::Path::new("knowledge")).unwrap();
        let backing = SharedBacking::build(&story);
        let gap = story.gaps.iter().position(|g| g.id == "gap-other-allies").unwrap();
        let entry = |id: &str| story.entries.iter().position(|e| e.id == id).unwrap();
        assert!(backing.gaps[gap].contains(&entry("belarus-ally")), "both quote the Belarus bullet");
        assert!(!backing.gaps[gap].contains(&entry("tsydanov-who")), "the governor's statement is another");
    }
}
