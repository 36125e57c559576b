//! What a question asks for, read against each candidate's phrasings and words.
//!
//! - A phrasing's own question word counts when the question lacks it or asks another
//!   kind: "*when* did the governor admit mistakes" shares every word of "did the
//!   governor admit mistakes?" but asks for a date, so a candidate is scored without
//!   its phrasings that ask for another kind of answer than the question does.
//! - What "how many" counts ("how many have *left*") and what "list every" lists
//!   ("every *European* country", "every *airline*") must be something the document
//!   speaks of: a document whose number counts something else, or whose list is not
//!   restricted the way the question restricts it, loses as an entry of the wrong kind
//!   does.

use super::analyze::{Analysis, QUESTION_MARK};
use super::decide::Related;
use super::index::{DocRef, Index};
use super::premise::confirm::asks_to_confirm;
use super::question::{has_contrast, is_asking_term, is_question_word};
use super::score::{Candidate, Candidates, DocSums, Query, SAME_SCORE, gap_asks_more};
use super::thresholds;
use super::yes_no::{ASKS_HOW, Unknown, coverage};
use crate::knowledge::{AnswerKind, Story};

mod degree;
mod given;
mod target;
mod who;

use degree::compared;
use target::target_terms;
use who::{
    NOT_A_SOURCE, asks_source_by_noun, asks_where_not_whose, asks_who_inside, names_a_body,
    names_only_a_body, names_only_who,
};

/// Factor for a document that does not speak of what the question counts: as much as
/// an entry whose answer is of the wrong kind loses.
const OFF_COUNT: f32 = 0.7;
/// Factor for a document that does not have what restricts the list asked for: its
/// list is another list, however many words it shares ("every *European* country").
const OFF_LIST: f32 = 0.6;
/// Terms this common (in about two documents in five: "men", "Russia", the draft) say
/// little of what is counted: the next word is read instead ("how many men *fled*");
/// a word before one narrows it rather than names another thing ([`super::yes_no`]).
pub(super) const GENERIC_IDF: f32 = 1.2;
/// Factor for an entry that gives a place when a question asks why, and speaks of
/// too little of it, or names only who when it asks where: as much as an entry whose
/// answer is of the wrong kind loses.
const OFF_KIND: f32 = 0.7;
/// Factor for an entry that gives only a date or a person when a question asks why
/// ("*why* did the governor speak on Friday?" and "On Friday"), or only a date the
/// question states itself ("what did he concede *on Friday*?", [`given`]): such an
/// answer is no answer, however many words it shares, so even a close fit falls
/// below the answer line.
const OFF_VALUE: f32 = 0.4;
/// Share of a "why" question's content weight an entry that gives a place must speak of
/// to answer it: nearly all, since the place is then what the question asks about.
const WHY_COVER: f32 = 0.75;
/// Factor for a document that does not speak of what a question compares or ranks
/// by ("the *easiest* border"): a list of borders is no ranking of them.
const OFF_DEGREE: f32 = 0.6;
/// Phrasings per document rescored at most (each document has a few dozen); a
/// document with more keeps its score.
const MAX_PHRASINGS: usize = 96;
/// The field strength of a phrasing in the index: a gap must be asked about what a
/// question counts or lists, not only mention it in its note.
const IN_PHRASINGS: f32 = 1.0;
/// One bit per kind of answer a question word asks for (a name, a person and an
/// organization are one: "who" and "which officials" ask the same).
fn kind_bit(kind: AnswerKind) -> u8 {
    match kind {
        AnswerKind::Number => 1,
        AnswerKind::Date | AnswerKind::Time => 2,
        AnswerKind::Place => 4,
        AnswerKind::Person | AnswerKind::Name | AnswerKind::Organization => 8,
        AnswerKind::Reason => 16,
        AnswerKind::Exact | AnswerKind::List => 0,
    }
}
const NUMBER: u8 = 1;
const PLACE: u8 = 4;
const REASON: u8 = 16;
const ALL_KINDS: u8 = 0x1f;
/// Beside the kinds: a phrasing with a word of contrast ("*other* regions", "the
/// *only* one", [`has_contrast`]).
const CONTRAST: u8 = 0x20;
/// Whether a question asks why, the one kind an entry's declared kinds must fit
/// beyond what the scorer requires (a number, a date, a name). Places are named in
/// answers of every kind ("for miles at the Georgian and Kazakh borders"), and "who"
/// is as often asked of a fact's source or credit, which every reply shows.
fn asks_why(analysis: &Analysis) -> bool {
    let mut words = analysis.terms.iter().filter(|t| is_asking_term(t));
    // "Why was Putin the one who …": of two question words, either may be the one that asks.
    let only = words.next().filter(|_| words.next().is_none());
    only.is_some_and(|w| matches!(&w[QUESTION_MARK.len_utf8()..], "why" | "почему"))
}

/// The factor for an entry that declares `kinds` when a question asks why (1: it
/// fits): a date, a person or an organization alone is no reason ([`OFF_VALUE`]), and
/// a place is one only when the entry speaks of nearly all the question asks about
/// (`covered`: "why did lines form at the Finnish border?" and the entry on those
/// lines, which says who formed them; else [`OFF_KIND`]). An entry with a figure is
/// left to the premise check ("why only 30,000?"), and one that declares no kind may
/// answer with any fact.
fn misfit(kinds: &[AnswerKind], covered: impl FnOnce() -> f32) -> f32 {
    let declared = kinds.iter().fold(0, |bits, &k| bits | kind_bit(k));
    if declared == 0 || declared & (REASON | NUMBER) != 0 {
        1.0
    } else if declared & PLACE == 0 {
        OFF_VALUE
    } else if covered() < WHY_COVER {
        OFF_KIND
    } else {
        1.0
    }
}

/// Where a yes/no question's auxiliary may stand: after a word or two of address or
/// chatter ("so", "hey bot").
const YES_NO_OPENING: usize = 3;
/// Auxiliaries that open a yes/no question.
const YES_NO_AUX: [&str; 26] = [
    "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "has", "have", "had",
    "should", "isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "cant", "wont", "hasnt",
    "havent",
];

/// The kinds of phrasing that do not fit `analysis` (0: none): for a yes/no question
/// (no question word), every kind but "why", which is asked in other words too ("what
/// made them flee"); for a question that asks for kinds ("where … and when …"),
/// every other kind. A question word that asks for no kind ("what", "which *platform*")
/// may ask for any, so it rules out nothing. With it, whether a question word asked
/// for the kinds (not a yes/no question).
fn foreign_and_asked(analysis: &Analysis) -> (u8, bool) {
    let mut asked = analysis.asks.map_or(0, kind_bit);
    // "Как зовут …", "как отреагировал …": "как" is no question word to the matcher (it
    // is as often "as"), but it asks.
    let mut asks_any =
        analysis.asks.is_some() || analysis.words.iter().any(|w| ASKS_HOW.contains(&w.as_str()));
    for term in analysis.terms.iter().filter_map(|t| t.strip_prefix(QUESTION_MARK)) {
        asked |= match term {
            "when" | "когда" => kind_bit(AnswerKind::Date),
            "where" | "где" => kind_bit(AnswerKind::Place),
            "who" | "кто" | "чей" => kind_bit(AnswerKind::Person),
            "why" | "почему" => REASON,
            "сколько" => kind_bit(AnswerKind::Number),
            _ => 0,
        };
        asks_any |= is_question_word(term);
    }
    if asked != 0 {
        return (ALL_KINDS & !asked, true);
    }
    // "Признал ли он, что были ошибки?": "что" is "that" in a yes/no question. A
    // fragment ("statement date?", "cars, planes") asks for what its words name.
    // "The governor admitted mistakes, right?" asks whether, as "did he …?" does.
    let yes_no = yes_no_auxiliary(&analysis.words).is_some_and(|aux| {
        !asks_any || analysis.words.iter().position(|w| is_question_word(w)).is_some_and(|q| q > aux)
    }) || (!asks_any && asks_to_confirm(&analysis.words));
    (if yes_no { ALL_KINDS & !REASON } else { 0 }, false)
}

#[cfg(test)]
fn foreign_to(analysis: &Analysis) -> u8 {
    foreign_and_asked(analysis).0
}

/// Where the words open like a yes/no question: an auxiliary among the first few
/// ("did the governor …", "so are prices …"), or "ли" ("признал *ли* губернатор …").
pub(super) fn yes_no_auxiliary(words: &[String]) -> Option<usize> {
    let opening = &words[..words.len().min(YES_NO_OPENING)];
    opening
        .iter()
        .position(|w| YES_NO_AUX.contains(&w.as_str()))
        .or_else(|| words.iter().position(|w| w == "ли"))
}

/// What the rules need from the knowledge, found once per load.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Asked {
    /// Per phrasing (numbered as the index numbers them): the kind its question word
    /// asks for, as a [`kind_bit`], and [`CONTRAST`] if it has a word of contrast.
    phrasing_kinds: Vec<u8>,
    /// Per document: the kinds its phrasings ask for.
    doc_kinds: Vec<u8>,
    /// Where gaps' and small talk's documents start (entries' start at 0).
    gap_base: usize,
    smalltalk_base: usize,
}

impl Asked {
    pub fn build(story: &Story, index: &Index) -> Asked {
        // The index found each phrasing's question word as it read it.
        let phrasing_kinds: Vec<u8> = index
            .phrasings
            .iter()
            .map(|p| p.asks.map_or(0, kind_bit) | if p.contrast { CONTRAST } else { 0 })
            .collect();
        let mut doc_kinds = vec![0u8; index.docs.len()];
        for (phrasing, &kind) in index.phrasings.iter().zip(&phrasing_kinds) {
            doc_kinds[phrasing.doc as usize] |= kind;
        }
        let (gap_base, smalltalk_base) = (story.entries.len(), story.entries.len() + story.gaps.len());
        Asked { phrasing_kinds, doc_kinds, gap_base, smalltalk_base }
    }

    fn doc(&self, target: DocRef) -> u32 {
        (match target {
            DocRef::Entry(e) => e,
            DocRef::Gap(g) => self.gap_base + g,
            DocRef::SmallTalk(s) => self.smalltalk_base + s,
        }) as u32
    }

    /// `c` with each candidate scored without its phrasings of another kind, and
    /// lowered when it lacks what the question counts or lists; re-ranked.
    pub fn adjust(&self, query: &Query, related: &Related, c: &mut Candidates) {
        let (index, analysis) = (query.index, query.analysis);
        let (foreign, kind_asked) = foreign_and_asked(analysis);
        let target = target_terms(index, &analysis.words);
        let degree = compared(index, &analysis.words);
        let why = asks_why(analysis);
        let date_given = given::date_given(analysis);
        let clock = given::asks_time_of_day(&analysis.words);
        let where_asked = asks_where_not_whose(analysis);
        let source_asked = asks_source_by_noun(analysis);
        let who_inside = asks_who_inside(analysis);
        let misfit = |r: &DocRef| match *r {
            DocRef::Entry(e) => {
                let kinds = &index.docs[self.doc(*r) as usize].kinds;
                let why =
                    if why { misfit(kinds, || coverage(index, analysis, &[e], Unknown::All)) } else { 1.0 };
                let why = if where_asked && names_only_who(kinds) { why.min(OFF_KIND) } else { why };
                let why = if source_asked && !names_a_body(kinds) { why * NOT_A_SOURCE } else { why };
                let why = if who_inside && names_only_a_body(kinds) { why.min(OFF_VALUE) } else { why };
                let off = (date_given && given::date_only(kinds)) || (clock && !given::exact_time(kinds));
                if off { why.min(OFF_VALUE) } else { why }
            }
            _ => 1.0,
        };
        // An entry answers one fact of one kind ("On Friday"). A gap's note says what
        // the article lacks about a subject, whatever kind was asked of it; but when a
        // question word asks a kind that the best entry's own phrasings ask ("*how
        // many* could be called up"), a gap that fits only through phrasings of
        // another kind ("*when* did Putin announce it") is another question, and is
        // scored without them as the entry is. The best entry is the best as the
        // question's kind ranks them: asked why, an entry on who said a thing falls
        // below the one giving a reason, so the reason's phrasings are the entry's.
        let fit = |e: &Candidate| e.confidence * misfit(&DocRef::Entry(e.entry));
        let best = c.entries.iter().rev().max_by(|a, b| fit(a).total_cmp(&fit(b)));
        let entry_asked =
            kind_asked && best.is_some_and(|e| self.doc_kinds[e.entry] & !foreign & ALL_KINDS != 0);
        // A gap asked about things set against what the article names ("did *other*
        // governors admit errors?", "was it the *only* region?") is no fit for a question
        // that sets nothing against it ("which governor admitted errors?"): without a
        // word of contrast, a gap is scored without its phrasings that have one.
        let gap_foreign =
            if entry_asked { foreign } else { 0 } | if has_contrast(&analysis.words) { 0 } else { CONTRAST };
        let foreign_of = |r: &DocRef| match r {
            DocRef::Entry(_) => foreign,
            DocRef::Gap(_) => gap_foreign,
            DocRef::SmallTalk(_) => 0,
        };
        let touched = |r: &DocRef| self.doc_kinds[self.doc(*r) as usize] & foreign_of(r) != 0;
        let any = c.ranked.iter().any(|(r, _)| touched(r))
            || c.entries.iter().any(|e| touched(&DocRef::Entry(e.entry)));
        let any = any
            || c.ranked.iter().any(|(r, _)| misfit(r) < 1.0)
            || c.entries.iter().any(|e| misfit(&DocRef::Entry(e.entry)) < 1.0);
        if target.terms.is_empty() && !target.unmet && degree.is_none() && !any {
            return;
        }
        let adjusted = |target_doc: DocRef, score: f32| {
            let doc = self.doc(target_doc);
            let mut score = score;
            if touched(&target_doc) {
                score = score.min(self.rescore(query, doc, foreign_of(&target_doc)));
            }
            // A gap is about what its phrasings ask; its note also says what the
            // article does say, about other things.
            let gap = matches!(target_doc, DocRef::Gap(_));
            let has = |&id: &u32| {
                let postings = &index.doc_postings[id as usize];
                let at = postings.binary_search_by_key(&doc, |p| p.0);
                at.is_ok_and(|at| !gap || postings[at].1 >= IN_PHRASINGS)
            };
            if target.unmet || !target.terms.iter().all(has) {
                score *= if target.counts && !target.unmet { OFF_COUNT } else { OFF_LIST };
            }
            // Small talk ranks nothing ("all the best!"), and a gap declines the
            // ranking it lacks ("which region sent the *most* draftees?": the article
            // gives no regional figures) without speaking of it.
            let talk = matches!(target_doc, DocRef::SmallTalk(_));
            if !talk && !gap && degree.as_ref().is_some_and(|by| !by.iter().any(has)) {
                score *= OFF_DEGREE;
            }
            score * misfit(&target_doc)
        };
        // An entry is both among the entries and among the ranked documents, with the
        // same score: it is adjusted once.
        let mut done: Vec<(DocRef, u32, f32)> = Vec::with_capacity(c.entries.len() + c.ranked.len() + 2);
        let mut adjusted = |target_doc: DocRef, score: f32| {
            let key = (target_doc, score.to_bits());
            if let Some(&(_, _, out)) = done.iter().find(|d| (d.0, d.1) == key) {
                return out;
            }
            let out = adjusted(target_doc, score);
            done.push((target_doc, key.1, out));
            out
        };
        for e in &mut c.entries {
            e.confidence = adjusted(DocRef::Entry(e.entry), e.confidence);
        }
        c.entries.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        for r in &mut c.ranked {
            r.1 = adjusted(r.0, r.1);
        }
        c.ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        if let Some((gap, score)) = c.gap {
            let best = c.ranked.iter().copied().find(|(r, _)| matches!(r, DocRef::Gap(_)));
            c.gap = best.or(Some((gap, adjusted(gap, score))));
        }
        if let Some((talk, score)) = c.smalltalk {
            c.smalltalk = Some((talk, adjusted(talk, score)));
        }
        if let (Some((gap, gap_score)), Some(top)) = (c.gap, c.entries.first()) {
            let gap = self.doc(gap);
            // Asked why, a gap none of whose phrasings asks why lacks another aspect of
            // the thing (when or by whom it was said), not its reason: an entry the gap
            // points to, whose phrasings ask why and that fits at the answer line, gives
            // the reason. An entry it does not point to gives the reason for something
            // else ("why was he fired": the gap says he was not).
            let reason_given = why
                && self.doc_kinds[gap as usize] & REASON == 0
                && top.confidence >= thresholds::ANSWER
                && self.doc_kinds[top.entry] & REASON != 0
                && related.of_gap(gap as usize - self.gap_base).contains(&top.entry);
            // Asked whose report a fact is, an entry that states the fact answers with its
            // source line, however loosely it fits: a gap on the same subject asks more
            // only with a word of the question the entry lacks. Each entry tied with the
            // best is asked: which of them is first is chance.
            let tied = c.entries.iter().take_while(|e| top.confidence - e.confidence <= SAME_SCORE);
            c.gap_asks_more = !reason_given
                && tied.map(|e| (self.doc(DocRef::Entry(e.entry)), e.confidence)).all(|entry| {
                    if source_asked {
                        index.has_term_missing_from(analysis, gap, entry.0)
                    } else {
                        gap_asks_more(index, analysis, (gap, gap_score), entry)
                    }
                });
        }
    }

    /// Document `doc`'s score for `query` from its phrasings that are not of a
    /// `foreign` kind, as the scorer computes it.
    fn rescore(&self, query: &Query, doc: u32, foreign: u8) -> f32 {
        let index = query.index;
        let (start, end) = (index.doc_phrasings[doc as usize], index.doc_phrasings[doc as usize + 1]);
        if (end - start) as usize > MAX_PHRASINGS {
            return 1.0;
        }
        let mut sums = DocSums::default();
        let mut matched = [0f32; MAX_PHRASINGS];
        for &(id, weight) in &query.terms {
            let postings = &index.doc_postings[id as usize];
            if let Ok(at) = postings.binary_search_by_key(&doc, |p| p.0) {
                sums.matched += weight * postings[at].1;
            }
            let phrasings = &index.phrasing_postings[id as usize];
            let from = phrasings.partition_point(|&p| p < start);
            for &p in phrasings[from..].iter().take_while(|&&p| p < end) {
                matched[(p - start) as usize] += weight;
            }
        }
        for p in start..end {
            let m = matched[(p - start) as usize];
            if m > 0.0 && self.phrasing_kinds[p as usize] & foreign == 0 {
                query.fit_phrasing(p, m, &mut sums);
            }
        }
        query.score(doc, &sums)
    }
}

#[cfg(test)]
mod tests;
