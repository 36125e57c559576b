//! The matcher: a question → an [`Outcome`], pure and synchronous.
//!
//! normalize → analyze (stop words, stems, synonyms, typos) → scores from the index
//! → decide: answer, clarify ("did you mean"), an honest decline (with a gap's note
//! when the question is a known gap), or small talk. Every step caps its input, so
//! a question of any length costs bounded time.

pub(crate) mod analyze;
mod asked;
mod compare;
mod decide;
mod decision;
mod followup;
mod gap_yield;
mod index;
mod lists;
pub mod message;
mod names;
mod noise;
pub mod normalize;
mod parts;
mod premise;
mod prune;
mod question;
mod reference;
mod score;
mod small_talk;
mod subject;
pub mod thresholds;
mod turns;
mod yes_no;

pub use decision::{Decision, Outcome};
pub use followup::{Focus, Reading, fits_better, refers_to_person};
pub use index::DocRef;
pub use premise::Correction;
pub use reference::AboutAnswer;
pub use score::{Candidate, Candidates};
pub use subject::note_head;

use crate::knowledge::Story;
use crate::lang::Lang;
use index::Index;

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Matcher {
    pub(crate) index: Index,
    /// Entries offered when nothing else fits: the first of each topic.
    starters: Vec<usize>,
    related: decide::Related,
    /// The people, places and outlets each entry names, for follow-ups.
    names: names::Names,
    premises: premise::Premises,
    /// The things each gap's note names ([`subject::gap_is_about`]).
    gap_names: subject::GapNames,
    /// The kind each phrasing asks for ([`asked::Asked::adjust`]).
    asked: asked::Asked,
    bare_small_talk: small_talk::BareSmallTalk,
    /// The entries whose quotes back what each gap's note says ([`gap_yield`]).
    backing: gap_yield::SharedBacking,
}

impl Matcher {
    pub fn new(story: &Story) -> Matcher {
        let topics = story.topics();
        let starters =
            topics.iter().filter_map(|t| story.entries.iter().position(|e| e.topic == *t)).collect();
        let (mut index, synonym_words) = Index::build_with_synonym_words(story);
        index.analyzer.keep_article(&story.article);
        let names = names::Names::build(&index, story, &synonym_words);
        let premises = premise::Premises::new(story, &index);
        let gap_names = subject::GapNames::build(story, &index);
        let asked = asked::Asked::build(story, &index);
        let related = decide::Related::new(story);
        let bare_small_talk = small_talk::BareSmallTalk::build(story, &index.analyzer);
        let backing = gap_yield::SharedBacking::build(story);
        Matcher { index, starters, related, names, premises, gap_names, asked, bare_small_talk, backing }
    }

    /// Reads now the tables otherwise read the first time a question needs them: an
    /// engine kept in the start-up cache has them all.
    pub fn read_all(&self, story: &Story) {
        self.premises.read_all(story);
    }

    /// Whether the tables read the first time a question needs them are read.
    #[cfg(test)]
    pub fn has_read_all(&self) -> bool {
        self.premises.has_read_all()
    }

    /// The entries a gap's note points to (found by id at load, not per question), in
    /// its order.
    pub fn gap_related(&self, gap: usize) -> &[usize] {
        self.related.of_gap(gap)
    }

    /// Entries to offer a newcomer: the first question of each topic.
    pub fn starters(&self) -> Vec<usize> {
        self.starters.iter().copied().take(4).collect()
    }

    /// Decides what to do with `question`; `lang_hint` is Telegram's `language_code`.
    pub fn decide(&self, story: &Story, question: &str, lang_hint: Option<&str>) -> Decision {
        self.decide_with_candidates(story, question, lang_hint).0
    }

    /// [`Self::decide`], and the whole message's candidate entries (most confident
    /// first), for inline mode's list of results without a second pass.
    pub fn decide_with_candidates(
        &self,
        story: &Story,
        question: &str,
        lang_hint: Option<&str>,
    ) -> (Decision, Vec<Candidate>) {
        self.decide_read(story, question, lang_hint, true)
    }

    /// [`Self::decide_with_candidates`]; with `reread`, a message with words typed in the
    /// other script or layout is read again, once, with them written as meant.
    fn decide_read(
        &self,
        story: &Story,
        question: &str,
        lang_hint: Option<&str>,
        reread: bool,
    ) -> (Decision, Vec<Candidate>) {
        let message = question;
        let read = self.read(message);
        let question = read.as_ref();
        let analysis = self.index.analyzer.analyze_question(question);
        // A Latin word read as an unknown name may be Russian typed on the English
        // layout, split at a punctuation key ("ueu,thyfnjh"): the message's words tell.
        let latin_name = || analysis.names.iter().any(|name| name.is_ascii());
        if reread
            && (analysis.other_script || latin_name())
            && let Some(rewritten) = self.index.analyzer.reread_script(message)
        {
            return self.decide_read(story, &rewritten, lang_hint, false);
        }
        // The question's language; a message of noise alone is answered in its own.
        let lang = Lang::detect(if question.trim().is_empty() { message } else { question }, lang_hint);
        let candidates = self.candidates_for(&analysis);
        let whole = decide::decide(&candidates);
        // A known gap in a part that only sets the scene ("I'm worried how long we'd
        // wait.") is not what the message asks: it is said next to the answer.
        let mut context_gap = None;
        // Each part's subject, when the story never uses it ([`subject::unknown_subject`]).
        let mut part_subjects = Vec::new();
        // The entries parts answered that ask something of their own ([`lists::part_asks`]).
        let mut asking = Vec::new();
        let unknown = |clause: &str| self.names_unknown(&self.index.analyzer.analyze_question(clause));
        let split = parts::split_keeping(question, &unknown);
        let mut analyses: Vec<analyze::Analysis> =
            split.iter().map(|part| self.index.analyzer.analyze_question(part)).collect();
        let things = |a: &analyze::Analysis| {
            (!self.names_unknown(a)).then(|| self.gap_names.thing_terms(&self.index, a))
        };
        let referents = parts::refer::carry(&split, &mut analyses, things);
        let aside: Vec<bool> = analyses
            .iter()
            .zip(&referents.absorbed)
            .map(|(a, &ab)| ab || self.asks_only_the_source(a))
            .collect();
        // Parts set aside (absorbed into a part that points back at them, or asking only
        // for the source): the message asks the rest.
        let whole = match aside.contains(&true) {
            true => self.whole_without(&split, &analyses, &aside).unwrap_or(whole),
            false => whole,
        };
        let parts: Vec<(Outcome, f32)> = split
            .iter()
            .zip(analyses)
            .zip(&aside)
            .map(|((&part, analysis), &absorbed)| {
                // "… and when?" or "need a number pls" asks about the rest of the
                // message, not on its own; nor does "and who reported it?", which the
                // answer's source line answers.
                let known = |t: &str| self.index.term(t).is_some();
                if absorbed
                    || analysis.terms.iter().all(|t| t.starts_with(analyze::QUESTION_MARK))
                    || parts::asks_only_for_a_kind(&analysis.terms, analyze::QUESTION_MARK, known)
                    || parts::only_says_where(part)
                    || parts::only_cites_the_article(part)
                    || lists::only_requests_a_list(&analysis.words)
                    || self.asks_only_the_source(&analysis)
                {
                    return (Outcome::NoMatch, 0.0);
                }
                let decided = match decide::decide(&self.candidates_for(&analysis)) {
                    (Outcome::Gap { gap }, score) if parts::is_context(part) => {
                        context_gap.get_or_insert(gap);
                        (Outcome::NoMatch, score)
                    }
                    decided => decided,
                };
                part_subjects
                    .push((decided.0.clone(), subject::unknown_subject(&self.index, &analysis.words)));
                if let Outcome::Answer { entry, .. } = decided.0
                    && lists::part_asks(part, &analysis.terms)
                {
                    asking.push(entry);
                }
                decided
            })
            .collect();
        let gap_of = |gap: usize, entry: usize| story.gaps[gap].related.contains(&story.entries[entry].id);
        let decide::Combined { mut outcome, mut score, gap_part } =
            decide::combine(whole, &parts, context_gap, gap_of);
        // A request for a list is answered by the list, not by a near tie beside it.
        let requested = lists::requests_a_list(&analysis.words);
        outcome = lists::no_list_beside_an_answer(story, outcome, |e| {
            (parts.is_empty() && !requested) || asking.contains(&e)
        });
        outcome = decide::without_restating_also(story, outcome);
        if !matches!(outcome, Outcome::Answer { entry, .. } if lists::is_list(story, entry))
            && lists::asks_for_all_named(&analysis.words, |w| self.index.analyzer.is_stopword(w))
            && let Some(list) = candidates
                .entries
                .iter()
                .find(|c| lists::is_list(story, c.entry) && c.confidence >= thresholds::CLARIFY)
        {
            (outcome, score) = (Outcome::Answer { entry: list.entry, also: None }, list.confidence);
        }
        if requested
            && !matches!(outcome, Outcome::Answer { entry, .. } if lists::is_list(story, entry))
            && let Some((entry, fit)) = self.list_asked(story, question)
        {
            (outcome, score) = (Outcome::Answer { entry, also: None }, fit);
        }
        if !matches!(outcome, Outcome::Answer { entry, .. } if lists::is_list(story, entry))
            && lists::asks_for_all_named(&analysis.words, |w| self.index.analyzer.is_stopword(w))
            && let Some((entry, fit)) = self.list_counted(story, question)
        {
            (outcome, score) = (Outcome::Answer { entry, also: None }, fit);
        }
        if lists::asks_for_every_item(&analysis.words) {
            outcome = lists::widened_to_every_item(story, outcome, &candidates);
        }
        outcome = compare::compared(story, &self.index, &analysis, outcome, &candidates, gap_part);
        // A gap's note only when the gap is about what was asked, and its head names no
        // other thing of a kind the question names; else a plain decline.
        if let Outcome::Gap { gap } = outcome
            && (!subject::gap_is_about(&self.index, &self.gap_names, &analysis, gap)
                || self.gap_names.head_strays(&self.index, &analysis, gap, lang))
        {
            outcome = Outcome::NoMatch;
        }
        // A question about a subject the story never speaks of is declined; no gap is
        // about it either, since every gap's words are the story's.
        let unknown = if parts.is_empty() {
            subject::unknown_subject(&self.index, &analysis.words)
        } else {
            subject::unknown_in_parts(part_subjects)
        };
        // "What's the best *app* to check the queue?": advice about a thing the story never names.
        let unknown = unknown.or_else(|| self.unknown_advice_subject(&analysis.words));
        if unknown.is_some()
            && matches!(outcome, Outcome::Answer { .. } | Outcome::Clarify { .. } | Outcome::Gap { .. })
            && score < subject::CLOSE_FIT
        {
            outcome = Outcome::NoMatch;
        }
        // "Is he right to do it?" asks for a verdict the story leaves to its reader; in a
        // message of several parts a verdict is more often one the asker reports ("my
        // brother says it's a bad idea") around what they ask.
        if parts.is_empty()
            && question::asks_judgment(&analysis.words)
            && matches!(outcome, Outcome::Answer { .. } | Outcome::Clarify { .. })
        {
            outcome = Outcome::NoMatch;
        }
        // A request for a list is no yes/no question ([`lists::requests_a_list`]).
        let one_part = parts.is_empty() && !requested;
        // A figure or a word the article contradicts is corrected; a yes/no question
        // the answering entry barely speaks of is declined.
        let checked = self.premises.check(self, story, question, &analysis, (outcome, score), one_part);
        let (outcome, score, correction) = (checked.outcome, checked.score, checked.correction);
        let outcome = self.quiet_clarify(outcome, &analysis);
        let gap_part = gap_part.filter(|_| correction.is_none() && matches!(outcome, Outcome::Answer { .. }));
        // A gap in the scene the message sets, backed only by quotes the answer shows,
        // would restate the answer.
        let gap_part =
            gap_part.filter(|&gap| Some(gap) != context_gap || !decide::gap_restates(story, gap, &outcome));
        let subject = unknown
            .map(|u| u.word)
            .filter(|word| outcome == Outcome::NoMatch && lang == Lang::En && self.safe_to_name(story, word));
        let mut suggestions = decide::suggestions(&self.related, &outcome, &candidates, &self.starters);
        if matches!(outcome, Outcome::Gap { .. } | Outcome::NoMatch) {
            suggestions = self.quiet_offers(suggestions, &analysis);
        }
        let asked = followup::asked_terms(&analysis);
        let note_head_only = matches!(outcome, Outcome::Gap { gap }
            if self.gap_names.head_only(&self.index, &analysis, gap, lang));
        let more = match outcome {
            Outcome::Answer { entry, also: Some(also) } if correction.is_none() => {
                decide::further_answers(story, [entry, also], &asking)
            }
            _ => Vec::new(),
        };
        let decision = Decision {
            outcome,
            score,
            lang,
            ranked: candidates.ranked,
            suggestions,
            gap_part,
            more,
            asked,
            correction,
            subject,
            note_head_only,
        };
        (decision, candidates.entries)
    }

    /// A decline's offers, then the starters, without those whose button names a thing
    /// the question does not: a decline does not bring up another subject.
    fn quiet_offers(&self, offers: Vec<usize>, analysis: &analyze::Analysis) -> Vec<usize> {
        let asked = self.gap_names.things_named(&self.index, analysis);
        let mut quiet: Vec<usize> = Vec::with_capacity(decide::OFFERS);
        for entry in offers.into_iter().chain(self.starters.iter().copied()) {
            if quiet.len() < decide::OFFERS
                && !quiet.contains(&entry)
                && self.gap_names.may_offer(&self.index, &asked, entry)
            {
                quiet.push(entry);
            }
        }
        quiet
    }

    /// A "did you mean" offers, as a decline does, only entries whose question names
    /// nothing the question doesn't ("max stay in *Serbia*?" is not offered "Why *Turkey*,
    /// Serbia and *Armenia*?"); with none left it is a decline.
    fn quiet_clarify(&self, outcome: Outcome, analysis: &analyze::Analysis) -> Outcome {
        let Outcome::Clarify { mut entries } = outcome else { return outcome };
        let asked = self.gap_names.things_named(&self.index, analysis);
        entries.retain(|&entry| self.gap_names.may_offer(&self.index, &asked, entry));
        if entries.is_empty() { Outcome::NoMatch } else { Outcome::Clarify { entries } }
    }

    /// Whether an analysis holds a content term the knowledge never uses.
    fn names_unknown(&self, analysis: &analyze::Analysis) -> bool {
        analysis.terms.iter().any(|t| !t.starts_with(analyze::QUESTION_MARK) && self.index.term(t).is_none())
    }

    /// Whether a word of the user's may be named in a reply: only a dictionary word,
    /// never arbitrary text, and one the article does not use.
    fn safe_to_name(&self, story: &Story, word: &str) -> bool {
        analyze::is_english_word(word) && !story.article.to_lowercase().contains(word)
    }

    /// The entries worth considering for `question`, best first, and the best gap and
    /// small-talk documents.
    pub fn candidates(&self, question: &str) -> Candidates {
        self.candidates_for(&self.index.analyzer.analyze_question(question))
    }

    /// The same, for a question already analyzed.
    fn candidates_for(&self, analysis: &analyze::Analysis) -> Candidates {
        // One reading of the question against the index, for the scores and the kinds.
        let query = score::Query::new(&self.index, analysis);
        let mut candidates = score::candidates_of(&query);
        self.asked.adjust(&query, &mut candidates);
        self.backing.give_way(&self.index, analysis, &mut candidates);
        candidates.smalltalk = candidates.smalltalk.or_else(|| self.bare_small_talk.intent(analysis));
        candidates
    }

    /// The text of a message the matcher reads ([`message::read`]): its question, without
    /// the noise around it.
    pub fn read<'a>(&self, message: &'a str) -> std::borrow::Cow<'a, str> {
        let names_a_thing = |text: &str| {
            let analysis = self.index.analyzer.analyze_question(text);
            !self.gap_names.thing_terms(&self.index, &analysis).is_empty()
        };
        let own_terms = |text: &str| {
            let terms = self.index.analyzer.analyze_question(text).terms;
            terms.iter().filter(|t| !t.starts_with(analyze::QUESTION_MARK)).count()
        };
        message::read(message, &names_a_thing, &own_terms)
    }

    /// The terms a question is read as, with their weights ("?" for unknown words).
    pub fn explain_terms(&self, question: &str) -> String {
        let analysis = self.index.analyzer.analyze_question(question);
        let asks = analysis.asks.map(|k| format!(" asks={k:?}")).unwrap_or_default();
        let terms: Vec<String> = analysis
            .terms
            .iter()
            .map(|t| match self.index.term(t) {
                Some(id) => {
                    let typo = if analysis.corrected.contains(t) { "(typo)" } else { "" };
                    format!("{t}={:.2}{typo}", self.index.idf[id as usize])
                }
                None => format!("{t}=?"),
            })
            .collect();
        terms.join(" ") + &asks
    }
}
