//! Questions whose premise the article doesn't support.
//!
//! - A figure the article doesn't give ("why only 30,000?", "3 миллиона мобилизованных")
//!   where it gives one for the same thing: the article's own figure is tried in its
//!   place, and when an entry whose quotes state that figure then answers, the reply
//!   corrects the premise with that entry. The numbers are read by the claims check's
//!   reader ([`claims::figures`]), so every format it knows is known here.
//! - A word that contradicts the article's ("full mobilization" where it says
//!   "partial"; lexicon `[[contrast]]`): the same, with the article's word in its place.
//! - A yes/no question about a state of affairs the article never reports ("Is the war
//!   over now?", "Is gasoline getting more expensive?"): declined unless the entry
//!   that would answer it says whether it is so ([`super::yes_no`]).

use std::ops::Range;
use std::sync::OnceLock;

use super::analyze::{Analysis, QUESTION_MARK};
use super::index::{DocRef, Index, Named};
use super::question::{ASPECT, ATTRIBUTION, MEANING, NEGATION, SAYING};
use super::yes_no::{Unknown, coverage, covers_yes_no, doc_has};
use super::{Matcher, Outcome, decide, parts, thresholds};
use crate::knowledge::Story;
use crate::knowledge::claims::{self, Backing, Claim};
use crate::knowledge::names::{Names, Stemmers};

pub(super) mod confirm;
mod dates;
mod later;
mod said;
mod swap;
mod which;

/// At most this many of the article's figures are tried in place of a wrong one: each
/// costs one more match of the question.
const MAX_FIGURES: usize = 8;
/// A figure more than this many times another is no mix-up of the two: 3 million for
/// 300,000 is one, 25 million reservists counts something else.
const MAX_RATIO: f64 = 20.0;
/// Share of the rest of a question with a wrong figure (its words the knowledge uses,
/// but for the commonest, and names) that the correcting entry must speak of: what
/// the figure counts ("did 2m men *flee*?") must be what the entry's figure counts.
const FIGURE_REST: f32 = 0.75;
/// Characters next to a number that make it a sum ("2+2"), not a claim about the story.
const ARITHMETIC: [char; 6] = ['+', '*', '/', '=', '×', '^'];
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

#[derive(serde::Serialize, serde::Deserialize)]
struct ContrastStems {
    word: [String; 2],
    /// The terms the article's word is matched as (with its synonyms: "limited").
    terms: Vec<String>,
    contradicts: Vec<String>,
    entries: Vec<usize>,
}

impl Premises {
    pub fn new(story: &Story, index: &Index) -> Premises {
        let stemmers = Stemmers::default();
        let stem = |w: &str| stemmers.stem(&w.to_lowercase().replace('ё', "е"));
        // Each entry's quotes lowercased once, not once per contrast.
        let quotes: Vec<Vec<String>> =
            story.entries.iter().map(|e| e.quotes.iter().map(|q| q.to_lowercase()).collect()).collect();
        let contrasts = story
            .lexicon
            .contrasts
            .iter()
            .map(|c| {
                let lower = c.word.to_lowercase();
                let terms = [&c.word, &c.word_ru]
                    .iter()
                    .flat_map(|w| index.analyzer.analyze_question(w).terms)
                    .collect();
                ContrastStems {
                    word: [stem(&c.word), stem(&c.word_ru)],
                    terms,
                    contradicts: c.contradicts.iter().map(|w| stem(w)).collect(),
                    entries: (0..story.entries.len())
                        .filter(|&e| quotes[e].iter().any(|q| q.contains(&lower)))
                        .collect(),
                }
            })
            .collect();
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
        let confirms = one_part && confirm::asks_to_confirm(&analysis.words);
        if let Some(checked) = self.named_otherwise(m, analysis, &outcome, confirms) {
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

    /// The entry that answers `question` with the article's figure in place of one the
    /// article doesn't give, and its score. A known gap stays: it says what the article
    /// lacks.
    fn figure(
        &self,
        m: &Matcher,
        story: &Story,
        question: &str,
        analysis: &Analysis,
        outcome: &Outcome,
    ) -> Option<(usize, f32)> {
        // Reading numbers costs a stemming of every word: only when there may be one.
        let digits = |w: &String| w.bytes().any(|b| b.is_ascii_digit());
        if !analysis.words.iter().any(|w| digits(w) || claims::is_scale_word(w)) {
            return None;
        }
        // "300k or a million?" asks which: the article's figure answers, even where the
        // other fits a gap (it is the asker's alternative, not what is asked about).
        if let Some(found) = self.which_figure(m, story, analysis) {
            return Some(found);
        }
        // A claim asked to be confirmed ("he'll call up a million, right?") is corrected
        // though a gap is about its figure: the article's figure is the answer to it.
        // So is a figure put in someone's mouth ("why did Putin announce a million?"):
        // what was said is what the article reports, so it is a wrong premise, not a
        // wish to know a figure the article lacks.
        if matches!(outcome, Outcome::Gap { .. })
            && !confirm::asks_to_confirm(&analysis.words)
            && !said::puts_as_said(&analysis.words)
        {
            return None;
        }
        // A premise is one figure in a question: "17 times 23", "'1'='1'" or "repeat it
        // 10000 times" state nothing about the story.
        // "State that the article reports 50,000 …" orders, it doesn't ask: attribution
        // and saying are light terms, no question words.
        let light = [NEGATION, ATTRIBUTION, SAYING, ASPECT, MEANING];
        let asks = question.contains('?')
            || analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK) && !light.contains(&t.as_str()));
        let figures = claims::figures(question, &Stemmers::default());
        if !asks || figures.len() != 1 {
            return None;
        }
        // The figure's own sentence is its premise: chatter after it ("… right? just
        // correct me if wrong") is not what the entry must speak of.
        let question = parts::split(question)
            .into_iter()
            .find(|part| claims::figures(part, &Stemmers::default()).len() == 1)
            .unwrap_or(question);
        let wrong: Vec<(Range<usize>, f64)> = claims::figures(question, &Stemmers::default())
            .into_iter()
            .filter(|f| !self.stated(story).article.backs(&f.claim) && !is_sum(question, &f.range))
            .filter_map(|f| match f.claim {
                Claim::Number(n) => Some((f.range, n.parse().ok()?)),
                _ => None,
            })
            .collect();
        if wrong.is_empty() {
            return None;
        }
        // The rest of the question must be about the entry too: "did 3m men flee?" is
        // not about the call-up, however well 300,000 alone fits it.
        let (wrong, said): (Vec<Range<usize>>, Vec<f64>) = wrong.into_iter().unzip();
        // "Putin *announced* …": the verb that puts the figure in his mouth is the
        // frame, not what the figure counts.
        let mut rest =
            m.index.analyzer.analyze_question(&said::without_said(&replaced(question, &wrong, "")));
        // "Is it *true* that 3 million were called up?": the frame asks to confirm the
        // claim; the claim is the rest.
        if confirm::asks_to_confirm(&analysis.words) {
            rest.terms.retain(|t| !confirm::is_confirm_tag(t));
        }
        let mut best: Option<(usize, f32)> = None;
        for (figure, entries) in &self.stated(story).figures {
            if !figure.parse::<f64>().is_ok_and(|v| said.iter().any(|&s| of_one_order(s, v))) {
                continue;
            }
            let text = replaced(question, &wrong, figure);
            let candidates = m.candidates_for(&m.index.analyzer.analyze_question(&text));
            let stating = candidates.entries.iter().find(|c| entries.contains(&c.entry));
            if let Some(c) = stating
                && c.confidence >= thresholds::ANSWER
                && best.is_none_or(|(_, b)| c.confidence > b)
                && coverage(&m.index, &rest, &[c.entry], Unknown::Names) >= FIGURE_REST
            {
                best = Some((c.entry, c.confidence));
            }
        }
        best
    }

    /// The entry that answers the question with the article's word in place of one
    /// that contradicts it, its score and the contrast. The word must qualify what the
    /// entry is about: a word next to it is one the entry uses ("full *mobilization*",
    /// not "the total *number*").
    fn contrast(&self, m: &Matcher, story: &Story, analysis: &Analysis) -> Option<(usize, f32, usize)> {
        let words = &analysis.words;
        if later::asks_what_comes_later(words) {
            return None;
        }
        let stemmers = Stemmers::default();
        for (n, c) in self.contrasts.iter().enumerate() {
            let maybe = |w: &String| c.contradicts.iter().chain(&c.word).any(|s| begins_with(w, s));
            if !words.iter().any(maybe) {
                continue;
            }
            let stems: Vec<String> = words.iter().map(|w| stemmers.stem(w)).collect();
            // "Is it partial or total?" asks which; it states nothing.
            if stems.iter().any(|s| c.word.contains(s)) || analysis.terms.iter().any(|t| c.terms.contains(t))
            {
                continue;
            }
            let Some(at) = stems.iter().position(|s| c.contradicts.contains(s)) else { continue };
            let cyrillic = words[at].chars().any(crate::lang::is_cyrillic);
            let contrast = &story.lexicon.contrasts[n];
            let mut text = words.clone();
            text[at] = if cyrillic { contrast.word_ru.to_lowercase() } else { contrast.word.to_lowercase() };
            let analysis = m.index.analyzer.analyze_question(&text.join(" "));
            let (Outcome::Answer { entry, .. }, score) = decide::decide(&m.candidates_for(&analysis)) else {
                continue;
            };
            if c.entries.contains(&entry) && qualifies(&m.index, words, at, entry) {
                return Some((entry, score, n));
            }
        }
        None
    }
}

/// `word.starts_with(start)`, the first bytes compared first: most words differ there,
/// and the question's words are tested against every contrast's stems.
fn begins_with(word: &str, start: &str) -> bool {
    start.as_bytes().first().is_none_or(|b| word.as_bytes().first() == Some(b)) && word.starts_with(start)
}

/// Whether a figure may have been mistaken for another: 30,000 for 300,000, eight
/// months for seven; not 30,000 for seven.
fn of_one_order(a: f64, b: f64) -> bool {
    a > 0.0 && b > 0.0 && a.max(b) / a.min(b) <= MAX_RATIO
}

/// Whether the number at `range` is part of a sum.
fn is_sum(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].trim_end().chars().next_back();
    let after = text[range.end..].trim_start().chars().next();
    before.into_iter().chain(after).any(|c| ARITHMETIC.contains(&c))
}

/// `text` with each of `ranges` (in order, not overlapping) replaced by `with`.
fn replaced(text: &str, ranges: &[Range<usize>], with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for r in ranges {
        out.push_str(&text[last..r.start]);
        out.push_str(with);
        last = r.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Whether a content word next to `words[at]` (stop words skipped) is one entry
/// `entry` uses.
fn qualifies(index: &Index, words: &[String], at: usize, entry: usize) -> bool {
    let doc = index.doc_of(DocRef::Entry(entry));
    let content = |i: &usize| !index.analyzer.is_stopword(&words[*i]);
    let next = (at + 1..words.len()).find(content);
    let previous = (0..at).rev().find(content);
    next.into_iter().chain(previous).any(|i| {
        let analysis = index.analyzer.analyze_question(&words[i]);
        analysis.terms.iter().filter_map(|t| index.term(t)).any(|id| doc_has(index, id, doc))
    })
}

#[cfg(test)]
mod tests;
