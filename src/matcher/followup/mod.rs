//! Follow-ups: a message read in the light of the last answer.
//!
//! A message that stands alone is matched alone, as if it were the first. One that is
//! incomplete on its own is matched with the last answer's core terms added at a lower
//! weight ([`CONTEXT_WEIGHT`]): a pronoun with little else ("what did he say?"), an
//! elliptical opener ("what about Georgia?", "а почему?"), or question words only
//! ("when?", "how many?"). The message's own words still count most, so its question
//! word still asks for a kind ("when?" wants a date); an entity it names replaces the
//! last answer's entity of the same kind ("what about Georgia?" after the Finnish
//! border); "he" brings in the person the last answer named; and entries related to
//! the last answer are preferred a little. A question about the last answer itself
//! ("source?", "where does it say that?", "tell me more") is told apart here and
//! answered from that answer by the caller; so is a doubt or dispute of it ("are you
//! sure?", "that's wrong, …"), which gets the article's word on it again.

use std::collections::HashSet;

use super::analyze::{Analysis, QUESTION_MARK};
use super::index::DocRef;
use super::reference::{self, AboutAnswer};
use super::{Candidates, Decision, Matcher, Outcome, decide, normalize};
use crate::knowledge::Story;
use crate::lang::Lang;

/// How much more a follow-up's question words count than in a question alone.
const QUESTION_WORD: f32 = 2.0;
/// How much the terms of the last question count against the message's own (1).
const QUESTION_WEIGHT: f32 = 0.5;
/// How much the last answer's core terms (what most of its phrasings share) count.
const CORE_WEIGHT: f32 = 0.3;
/// How much the person "he" stands for counts: nearly a word of the message's own.
const REFERENT_WEIGHT: f32 = 0.8;
/// A known gap this far ahead of the best entry declines a follow-up with words of
/// its own even when they fit the entry as well ("how old is he?").
const GAP_AHEAD: f32 = 0.1;
/// A message with a pronoun and at most this many words of its own (beyond question
/// words) leans on the last answer: "what did he say?" has none, "are flights there
/// expensive?" two. With more, the pronoun points inside the message ("what is
/// Belarus ordering its security forces to do?").
const MAX_OWN_WITH_PRONOUN: usize = 2;
/// The same for a message opening with "what about", "and", "а".
const MAX_OWN_WITH_OPENER: usize = 2;
/// A question of at most this many words of its own is a fragment ("what mistakes?",
/// "which crossing?") and leans on the last answer.
const MAX_OWN_FRAGMENT: usize = 1;
/// A message that names its own subject and is answered this surely on its own keeps
/// that answer when read with the last one would decline it, only offer choices or
/// answer it under [`SURE_FOLLOWUP`]: "what about analysts?" after the White House
/// asks about the analysts.
const SURE_ALONE: f32 = 0.9;
/// A follow-up's reading with the last answer that answers under this gives way to a
/// reading alone that clears [`SURE_ALONE`].
const SURE_FOLLOWUP: f32 = 0.6;
/// A follow-up that asks its own question ("а Путин что говорит?") and trails its sure
/// reading alone by this much was pulled to another subject by the last answer's words.
const CLEARLY_BEHIND: f32 = 0.15;
/// A reading alone this sure stands even with a word that points back at a group or a
/// thing ("why are they leaving?"): read with the last answer, "they" are the same people.
const CERTAIN_ALONE: f32 = 0.98;
/// Words of the shortest clause that asks a question of its own: a question word, a
/// verb and its subject ("who said that", "что Путин говорит").
const MIN_CLAUSE_WORDS: usize = 3;
/// Terms of a question kept for the next follow-up: its own first.
pub const MAX_ASKED: usize = 6;

/// Words that speak to the bot: small talk stays small talk after an answer ("who
/// are you?" is not about the last answer's person).
const ADDRESSEE: [&str; 14] =
    ["you", "your", "yours", "yourself", "u", "ur", "ты", "вы", "тебя", "тебе", "вас", "вам", "твой", "ваш"];

/// How a message is read in a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Complete on its own: matched alone.
    Alone,
    /// Incomplete on its own: matched with the last answer.
    FollowUp,
    /// A question about the last answer itself.
    AboutAnswer(AboutAnswer),
}

/// The last answer, as the matcher reads a follow-up with it.
#[derive(Debug, Clone, Default)]
pub struct Focus {
    /// The entry last answered; `None` when the knowledge no longer has it.
    pub entry: Option<usize>,
    /// Its topic.
    pub topic: String,
    /// The terms the question it answered was matched with ([`Decision::asked`]).
    pub asked: Vec<String>,
    /// The person it named first: whom "he" stands for.
    pub person: Option<String>,
    /// The message corrects the last question ("no, I meant the airfare"): what it
    /// names replaces the last answer's subject, so its reading alone, when sure, stands.
    pub corrects: bool,
}

impl Matcher {
    /// How `question` reads after an answer: alone, as a follow-up, or as a question
    /// about that answer. Pure word rules, the same with any last answer. What a
    /// correction meant (`corrects`: "the Georgian border" of "no, I meant the Georgian
    /// border") reads as after "what about": short, it goes on from the last question.
    pub fn reading(&self, question: &str, corrects: bool) -> Reading {
        let words = normalize::words(question);
        let analyzer = &self.index.analyzer;
        if let Some(about) = reference::about_answer(&words, |w| analyzer.is_stopword(w)) {
            return Reading::AboutAnswer(about);
        }
        if speaker::asks_who_stated(&words, |w| analyzer.is_stopword(w)) {
            return Reading::AboutAnswer(AboutAnswer::Source);
        }
        if doubt::doubts(question, |w| analyzer.is_stopword(w)) {
            return Reading::AboutAnswer(AboutAnswer::Doubt);
        }
        let analysis = analyzer.analyze_question(question);
        let own = own_terms(&analysis).count();
        let asks = question.contains('?') || analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK));
        let points_back = words.iter().any(|w| reference::is_referring(w)) && own <= MAX_OWN_WITH_PRONOUN;
        let elliptical = (corrects || reference::opens_ellipsis(&words)) && own <= MAX_OWN_WITH_OPENER;
        let fragment = asks && own <= MAX_OWN_FRAGMENT;
        let about_list = member::asks_about_list(&self.index, &analysis, &words);
        if points_back || elliptical || fragment || about_list { Reading::FollowUp } else { Reading::Alone }
    }

    /// Decides a follow-up: the message's own terms, with the last answer's.
    pub fn decide_followup(
        &self,
        story: &Story,
        question: &str,
        hint: Option<&str>,
        focus: &Focus,
    ) -> Decision {
        let alone = self.decide(story, question, hint);
        let words = normalize::words(question);
        let own = self.index.analyzer.analyze_question(question);
        // "What about Israel?": a subject the knowledge never mentions is what it asks.
        // So is a new subject a correction names ("no, I meant Estonia").
        let unknown = own_terms(&own).any(|t| self.index.term(t).is_none());
        let new_subject = unknown && reference::opens_ellipsis(&words)
            || self.correction_declined_alone((question, &own), focus, &alone);
        let (in_detail, in_list) = self.pointed_at_last(story, focus, &alone, (&own, &words), new_subject);
        if new_subject && in_detail.or(in_list).is_none() && !alone.matched() {
            return alone;
        }
        // Small talk stays small talk ("thanks!", "who are you?"), unless the message
        // asks about the last answer's subject: "how old is he?" is not "how old are
        // you", and "and how's it going" after the war is not a greeting.
        let speaks_to_bot = words.iter().any(|w| ADDRESSEE.contains(&w.as_str()));
        let asks = question.contains('?') || own.terms.iter().any(|t| t.starts_with(QUESTION_MARK));
        if matches!(alone.outcome, Outcome::SmallTalk { .. }) && (speaks_to_bot || !asks) {
            return alone;
        }
        let mut analysis = own.clone();
        // With little of its own, a follow-up's question word is its question: "where
        // did he take it?" asks where, of the photo the last answer was about.
        let bare = own_terms(&own).next().is_none();
        for term in own.terms.iter().filter(|t| bare && t.starts_with(QUESTION_MARK)) {
            analysis.weights.insert(term.clone(), QUESTION_WORD);
        }
        self.add_focus(&mut analysis, focus, alone.lang, &words);
        let mut candidates = self.candidates_for(&analysis);
        super::lists::keep_lists_to_list_talk(story, &mut candidates, focus.entry);
        let source = outlet::named_alone(&self.index, &own);
        let kept = stay::thing_kept(&self.index, &own, focus);
        let stated_by = (focus.person.as_deref())
            .filter(|_| speaker::asks_what_stated(&words))
            .and_then(|name| speaker::person_named(&self.index, name));
        let by_source = |e| {
            let reported =
                source.map_or(1.0, |s| outlet::report_factor(&self.index, story, e, s, alone.lang));
            let stated =
                stated_by.map_or(1.0, |p| speaker::statement_factor(&self.index, story, e, p, alone.lang));
            reported * stated * kept.map_or(1.0, |k| stay::kept_factor(&self.index, story, e, k))
        };
        prefer::prefer_for_followup(story, &mut candidates, (focus, &own), by_source);
        candidates.gap_asks_more = self.gap_asks_more(story, focus, &candidates, &own, bare);
        let in_detail = in_detail.filter(|_| !exact::gap_says_more(&self.index, &candidates, (focus, &own)));
        let in_detail = in_detail.or(in_list);
        // The last answer already says what is asked: it stands even against a sure
        // reading alone ("how many soldiers?" after the analysts' hundreds of thousands).
        let restated = {
            let best = candidates.entries.first().map(|c| c.entry);
            restate::last_answer_says_it(story, &self.index, (focus, best), &own, alone.lang)
                .or(in_detail)
                .or_else(|| restate::last_answer_is_of_kind(story, focus, &words))
        };
        let (outcome, score) = match restated {
            Some(entry) => {
                (Outcome::Answer { entry, also: None }, candidates.ranked.first().map_or(0.0, |r| r.1))
            }
            None => prefer::settle(story, &candidates, focus),
        };
        // A count or a date of the last answer's subject the article never gives.
        let not_given = restated
            .is_none()
            .then(|| self.kind_not_given(story, (focus, &own), &candidates, &outcome, alone.lang))
            .flatten();
        let outcome = not_given.unwrap_or(outcome);
        let outcome = decide::without_restating_also(story, outcome);
        let suggestions = decide::suggestions(&self.related, &outcome, &candidates, &self.starters);
        let goes_on = || self.fragment_goes_on(story, focus, &own, &alone, &outcome);
        if restated.is_none() && stands::decline_alone_stands(&alone, &words, (&outcome, score), goes_on) {
            return alone;
        }
        // A follow-up that only repeats the last question's subject ("which crossing?"
        // after the Georgian border) names none of its own: its reading alone, sure of
        // an entry that names that thing among others, says the last answer again.
        if restated.is_none()
            && kept.is_none()
            && answered_surely_alone(&alone, &words, bare)
            && (focus.corrects
                || !answered_surely(&outcome, score)
                || repeats_last(&outcome, focus)
                || asks_own_question(&own, &words) && score + CLEARLY_BEHIND <= alone.score)
        {
            return alone;
        }
        let asked = asked_terms(&analysis);
        Decision {
            outcome,
            score,
            lang: alone.lang,
            ranked: candidates.ranked,
            suggestions,
            gap_part: None,
            more: Vec::new(),
            asked,
            correction: None,
            subject: None,
            note_head_only: false,
            article_set_aside: false,
            on_the_list: false,
        }
    }

    /// Whether the best gap declines a follow-up: for a word of the message's own that
    /// the best entry lacks, or when it fits clearly better and the message says
    /// something of its own. The last answer's words are in many gaps about the same
    /// subject, so they alone decide nothing ("why?" after the White House is not
    /// "when did the White House say it?").
    fn gap_asks_more(
        &self,
        story: &Story,
        focus: &Focus,
        candidates: &Candidates,
        own: &Analysis,
        bare: bool,
    ) -> bool {
        let (Some((gap, score)), Some(top)) = (candidates.gap, candidates.entries.first()) else {
            return true;
        };
        // A gap about the last answer that fits a follow-up with words of its own better
        // than any entry says what the article lacks about the very subject it goes on
        // with ("how many went there?" after the men who fled to Belarus).
        let near = !bare && matches!(gap, DocRef::Gap(g) if prefer::gap_is_near(story, focus, g));
        let (gap, entry) = (self.index.doc_of(gap), self.index.doc_of(DocRef::Entry(top.entry)));
        let ahead = score >= top.confidence + GAP_AHEAD && !bare;
        ahead || (near && score > top.confidence) || self.index.has_term_missing_from(own, gap, entry)
    }

    /// The terms a question is read as, its own first: what a follow-up to it takes.
    pub fn asked(&self, question: &str) -> Vec<String> {
        asked_terms(&self.index.analyzer.analyze_question(question))
    }

    /// The entities entry `entry` names in `lang` (its answer and source), people
    /// first, each kind first named first: "Alexei Tsydanov".
    pub fn entities_of(&self, entry: usize, lang: Lang) -> &[String] {
        self.names.of(entry, lang)
    }

    /// The first person entry `entry` names in `lang`: whom "he" stands for after it.
    pub fn person_of(&self, entry: usize, lang: Lang) -> Option<&str> {
        self.names.person(entry, lang)
    }

    /// Adds the last question's terms, the last answer's core terms and, for "he",
    /// the person it named, each lighter than the message's own; none of a kind of
    /// entity the message names itself ("what about Georgia?" drops Finland).
    fn add_focus(&self, analysis: &mut Analysis, focus: &Focus, lang: Lang, words: &[String]) {
        let index = &self.index;
        let named: HashSet<u16> = index.entities_in(analysis).iter().map(|&(group, _)| group).collect();
        let own: HashSet<String> = analysis.terms.iter().cloned().collect();
        // The more a message says itself, the less it leans on the last answer.
        let lean = 1.0 / (1.0 + own_terms(analysis).count() as f32);
        let add = |term: &str, weight: f32, analysis: &mut Analysis| {
            let replaced = index.entity_group(term).is_some_and(|g| named.contains(&g));
            if !own.contains(term) && !replaced && !analysis.weights.contains_key(term) {
                analysis.terms.push(term.to_string());
                analysis.weights.insert(term.to_string(), weight);
            }
        };
        let person = focus.person.as_ref().filter(|_| words.iter().any(|w| reference::is_personal(w)));
        if let Some(name) = person {
            for term in index.analyzer.analyze_question(name).terms {
                add(&term, REFERENT_WEIGHT, analysis);
            }
        }
        for term in &focus.asked {
            add(term, lean * QUESTION_WEIGHT, analysis);
        }
        if let Some(entry) = focus.entry {
            // Entries are the index's first documents, in order.
            for (term, _) in index.core_terms(entry as u32, lang) {
                add(term, lean * CORE_WEIGHT, analysis);
            }
        }
    }
}

/// Whether a message's own reading answers it surely enough to stand: it names
/// something of its own, points back at nothing ("what did *he* say?" is read only
/// with the last answer; a group or thing only when it is [`CERTAIN_ALONE`]), and its
/// answer clears [`SURE_ALONE`].
fn answered_surely_alone(alone: &Decision, words: &[String], bare: bool) -> bool {
    let answered = matches!(alone.outcome, Outcome::Answer { .. }) && alone.score >= SURE_ALONE;
    let points_back = if alone.score >= CERTAIN_ALONE {
        words.iter().any(|w| reference::is_personal(w))
    } else {
        words.iter().any(|w| reference::is_referring(w))
    };
    answered && !bare && !points_back
}

/// Whether a message asks a question of its own: a question word beside a subject, in
/// a clause ("why are they leaving?"), not a fragment that leans on the last answer for
/// what it picks out ("which crossing?").
fn asks_own_question(own: &Analysis, words: &[String]) -> bool {
    let asks = own.terms.iter().any(|t| t.starts_with(QUESTION_MARK));
    asks && own_terms(own).next().is_some() && words.len() >= MIN_CLAUSE_WORDS
}

/// Whether a follow-up's reading with the last answer answers it, and surely enough
/// to stand against a sure reading alone: "а аналитики?" after the White House read
/// with its words fits the veterans' entry only loosely.
fn answered_surely(outcome: &Outcome, score: f32) -> bool {
    matches!(outcome, Outcome::Answer { .. }) && score >= SURE_FOLLOWUP
}

/// Whether a follow-up's reading with the last answer answers with that answer again:
/// a message that names a subject of its own and is answered surely alone asks
/// something else ("and jobs?" after the loans, "а Путин что говорит?" after the White
/// House), and the last answer read again only because its words were added to it.
fn repeats_last(outcome: &Outcome, focus: &Focus) -> bool {
    matches!(outcome, Outcome::Answer { entry, .. } if Some(*entry) == focus.entry)
}

/// The terms that carry a question's subject: all but question words.
fn own_terms(analysis: &Analysis) -> impl Iterator<Item = &String> {
    analysis.terms.iter().filter(|t| !t.starts_with(QUESTION_MARK))
}

/// What a question asked, for the next follow-up: its terms, its own first.
pub fn asked_terms(analysis: &Analysis) -> Vec<String> {
    let mut terms: Vec<&String> = own_terms(analysis).collect();
    terms.sort_by_key(|t| analysis.weights.contains_key(*t));
    terms.into_iter().take(MAX_ASKED).cloned().collect()
}

/// Whether follow-up decision `a` fits the last answer it was read with better than
/// `b` fits its own: its best document, entry or known gap, scores higher. A
/// two-part answer leaves two last answers, and a follow-up is about one of them.
pub fn fits_better(a: &Decision, b: &Decision) -> bool {
    let best = |d: &Decision| d.ranked.first().map_or(0.0, |&(_, score)| score);
    best(a) > best(b)
}

mod bare_why;
mod doubt;
mod exact;
mod fresh;
mod member;
mod outlet;
mod prefer;
mod referent;
mod restate;
mod shift;
mod speaker;
mod stands;
mod stay;
mod swap;
mod unstated;

pub use bare_why::asks_only_why;
pub use referent::refers_to_person;
pub use shift::{Shift, only_reacts, shift};
#[cfg(test)]
mod tests;
