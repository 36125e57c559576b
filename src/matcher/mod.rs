//! The matcher: a question → an [`Outcome`], pure and synchronous.
//!
//! normalize → analyze (stop words, stems, synonyms, typos) → scores from the index
//! → decide: answer, clarify ("did you mean"), an honest decline (with a gap's note
//! when the question is a known gap), or small talk. Every step caps its input, so
//! a question of any length costs bounded time.

pub(crate) mod analyze;
mod article_words;
mod asked;
mod compare;
mod credit;
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
mod pipeline;
mod planted;
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
pub use followup::{Focus, Reading, Shift, asks_only_why, fits_better, only_reacts, refers_to_person, shift};
pub use index::DocRef;
pub use premise::Correction;
pub use reference::AboutAnswer;
pub use score::{Candidate, Candidates};
pub use subject::note_head;

use crate::knowledge::Story;
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
        self.asked.adjust(&query, &self.related, &mut candidates);
        self.backing.give_way(&self.index, analysis, &mut candidates);
        candidates.smalltalk = candidates.smalltalk.or_else(|| self.bare_small_talk.intent(analysis));
        candidates
    }

    /// The text of a message the matcher reads ([`message::read`]): its question, without
    /// the noise around it.
    pub fn read<'a>(&self, message: &'a str) -> std::borrow::Cow<'a, str> {
        // Reading asks some texts more than once (a speaker's label as the turns are split
        // and again as it is taken off, a sentence beside each question after it): each
        // text of the message is analyzed once.
        let seen = Analyzed::default();
        // Only a thing named as the story spells it: "Саша:" is a speaker, though a typo
        // fix would read it as "США".
        let names_a_thing = |text: &str| {
            seen.read(&self.index.analyzer, text, |a| {
                self.gap_names.thing_terms(&self.index, a).iter().any(|t| !a.corrected.contains(t))
            })
        };
        let own_terms = |text: &str| {
            seen.read(&self.index.analyzer, text, |a| {
                a.terms.iter().filter(|t| !t.starts_with(analyze::QUESTION_MARK)).count()
            })
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

/// The texts of one message analyzed so far, each with its analysis.
#[derive(Default)]
struct Analyzed(std::cell::RefCell<Vec<(String, analyze::Analysis)>>);

impl Analyzed {
    /// `read` of `text`'s analysis, analyzing it only the first time it is asked of.
    fn read<T>(&self, analyzer: &analyze::Analyzer, text: &str, read: impl Fn(&analyze::Analysis) -> T) -> T {
        if let Some((_, analysis)) = self.0.borrow().iter().find(|(seen, _)| seen == text) {
            return read(analysis);
        }
        let analysis = analyzer.analyze_question(text);
        let answer = read(&analysis);
        self.0.borrow_mut().push((text.to_string(), analysis));
        answer
    }
}
