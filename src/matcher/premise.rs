//! Questions whose premise the article doesn't support.
//!
//! - A figure the article doesn't give ("why only 30,000?", "3 миллиона мобилизованных")
//!   where it gives one for the same thing: the article's own figure is tried in its
//!   place, and when an entry whose quotes state that figure then answers, the reply
//!   corrects the premise with that entry. The numbers are read by the claims check's
//!   reader ([`claims::figures`]), so every format it knows is known here (figure.rs).
//! - A word that contradicts the article's ("full mobilization" where it says
//!   "partial"; lexicon `[[contrast]]`): the same, with the article's word in its place
//!   (contrast.rs).
//! - A yes/no question about a state of affairs the article never reports ("Is the war
//!   over now?", "Is gasoline getting more expensive?"): declined unless the entry
//!   that would answer it says whether it is so ([`super::yes_no`]).

use std::sync::OnceLock;

use super::analyze::Analysis;
use super::index::{Index, Named};
use super::yes_no::{Unknown, coverage, covers_yes_no};
use super::{Matcher, Outcome};
use crate::knowledge::Story;
use crate::knowledge::claims::{self, Backing, Claim};
use crate::knowledge::names::{Names, Stemmers};

pub(super) mod confirm;
mod contrast;
mod counted;
mod dates;
mod figure;
mod later;
mod said;
mod swap;
mod which;

use contrast::ContrastStems;

/// At most this many of the article's figures are tried in place of a wrong one: each
/// costs one more match of the question.
const MAX_FIGURES: usize = 8;
/// Share of a claim asked to be confirmed (its words the knowledge uses, but for the
/// commonest, and names) that an entry must speak of to say what the article says
/// instead: all of it but a word or so the article puts otherwise.
const CLAIM_COVER: f32 = 0.75;
/// What a reply corrects before it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correction {
    /// The question's figure is not the article's; the answer gives the article's.
    Figure,
    /// The question's word contradicts the article's: lexicon `contrasts[n]`.
    Word(usize),
    /// The question asks to confirm a claim the article doesn't make in those words, or
    /// credits to another reporter; the answer says what it does say.
    Claim,
}

/// A decision after its premise was checked.
pub struct Checked {
    pub outcome: Outcome,
    pub score: f32,
    pub correction: Option<Correction>,
}

/// What the premise checks need from the knowledge, found once per load.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Premises {
    /// The figures and dates the knowledge states, read the first time a question
    /// names a figure or a date: reading them stems every word of the article and the
    /// answers (a tenth of a start-up), and most questions name neither.
    #[serde(with = "crate::cache::fields::cell")]
    stated: OnceLock<Stated>,
    /// Per lexicon contrast: the stems of the article's word (both languages), the
    /// stems of the words that contradict it, the entries whose quotes use the word.
    contrasts: Vec<ContrastStems>,
    /// The things (lexicon `[entities]`) some entry's source credits: the reporters.
    reporters: Vec<Named>,
    /// The terms of the names the lexicon knows (`known`, written with a capital) that
    /// the article never mentions ("Mongolia", "Shoigu").
    absent: Vec<String>,
}

/// The figures and dates the article and the answers state.
#[derive(serde::Serialize, serde::Deserialize)]
struct Stated {
    /// Every figure and date the article states.
    article: Backing,
    /// Each figure the entries' answers state, with the entries that state it.
    figures: Vec<(String, Vec<usize>)>,
}

impl Stated {
    fn read(story: &Story) -> Stated {
        let names = Names::new(&story.lexicon);
        let stemmers = Stemmers::default();
        let mut article = Backing::default();
        article.add_text(&story.article, &names);
        // The dateline is the article's too: "the day it came out, Sept. 24".
        article.add_text(&format!("{}. {}", story.meta.date, story.meta.date_ru), &names);
        let mut figures: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, entry) in story.entries.iter().enumerate() {
            // The answer states the figure (and `check` proves its quotes do).
            for found in claims::figures(&entry.answer.en, &stemmers) {
                let Claim::Number(n) = found.claim else { continue };
                match figures.iter_mut().find(|(f, _)| *f == n) {
                    Some((_, entries)) if !entries.contains(&i) => entries.push(i),
                    Some(_) => {}
                    None => figures.push((n, vec![i])),
                }
            }
        }
        figures.truncate(MAX_FIGURES);
        Stated { article, figures }
    }
}

impl Premises {
    /// The things (lexicon `[entities]`) some entry's source credits.
    pub(super) fn reporters(&self) -> &[Named] {
        &self.reporters
    }

    pub fn new(story: &Story, index: &Index) -> Premises {
        let contrasts = ContrastStems::all(story, index);
        let mut reporters: Vec<Named> = Vec::new();
        // Entries share their sources: each is read once.
        let mut read = rustc_hash::FxHashSet::default();
        for source in story.entries.iter().map(|e| e.source.en.as_str()).filter(|s| read.insert(*s)) {
            for named in index.entities_in(&index.analyzer.analyze_question(source)) {
                if !reporters.contains(&named) {
                    reporters.push(named);
                }
            }
        }
        let text = story.article.to_lowercase();
        let absent = (story.lexicon.known.iter())
            .filter(|thing| thing.first().is_some_and(|n| n.starts_with(char::is_uppercase)))
            .filter(|thing| !thing.iter().any(|n| text.contains(&n.to_lowercase())))
            .flat_map(|thing| thing.iter().flat_map(|n| index.analyzer.analyze_question(n).terms))
            .collect();
        Premises { stated: OnceLock::new(), contrasts, reporters, absent }
    }

    /// The figures and dates `story` states, read the first time they are needed.
    fn stated(&self, story: &Story) -> &Stated {
        self.stated.get_or_init(|| Stated::read(story))
    }

    /// Reads now what is otherwise read the first time a question needs it: an engine
    /// kept in the start-up cache has it all.
    pub fn read_all(&self, story: &Story) {
        self.stated(story);
    }

    /// Whether the figures and dates are read.
    #[cfg(test)]
    pub fn has_read_all(&self) -> bool {
        self.stated.get().is_some()
    }

    /// `outcome` for `question` (read, without its noise), its premise checked; `one_part`
    /// says whether the message asks one question (the yes/no rule reads only those).
    pub fn check(
        &self,
        m: &Matcher,
        story: &Story,
        question: &str,
        analysis: &Analysis,
        (outcome, score): (Outcome, f32),
        one_part: bool,
    ) -> Checked {
        if let Some((entry, score)) = self.figure(m, story, question, analysis, &outcome) {
            let outcome = Outcome::Answer { entry, also: None };
            return Checked { outcome, score, correction: Some(Correction::Figure) };
        }
        if let Some((entry, score, n)) = self.contrast(m, story, analysis) {
            let outcome = Outcome::Answer { entry, also: None };
            return Checked { outcome, score, correction: Some(Correction::Word(n)) };
        }
        // "Since it was announced back in March, why …": no answer holds for a date
        // the article never states; a known gap still says what the article lacks.
        if outcome.speaks() && self.states_another_date(story, question, analysis) {
            return Checked { outcome: Outcome::NoMatch, score, correction: None };
        }
        let confirms =
            one_part && (confirm::asks_to_confirm(&analysis.words) || self.asks_about_credit(m, analysis));
        if let Some(mut checked) = self.named_otherwise(m, analysis, &outcome, (confirms, one_part)) {
            // A decline keeps the confidence of the answer it replaces, for the logs.
            if checked.outcome == Outcome::NoMatch {
                checked.score = score;
            }
            return checked;
        }
        if let Outcome::Answer { entry, also } = outcome
            && one_part
            && (!covers_yes_no(&m.index, analysis, entry, also) || self.names_absent(m, analysis, entry))
        {
            // "The White House called it an act of strength, right?": the entry speaks
            // of all the claim names but its new words; it says what the article says.
            if confirms && coverage(&m.index, analysis, &[entry], Unknown::Names) >= CLAIM_COVER {
                let outcome = Outcome::Answer { entry, also: None };
                return Checked { outcome, score, correction: Some(Correction::Claim) };
            }
            return Checked { outcome: Outcome::NoMatch, score, correction: None };
        }
        Checked { outcome, score, correction: None }
    }
}

#[cfg(test)]
mod tests;
