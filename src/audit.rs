//! The maintainer's audit behind `storybot check`: beyond validity, does the knowledge
//! work? Every phrasing must retrieve its own entry; entries must not collide (unless
//! `close_to` says they are meant to be close); every sentence of the article must be
//! backed by some entry's quote (or be listed in `story.toml` as deliberately
//! uncovered); no answer may open with "Yes" or "No"; a thing several entries name
//! must have an entry that rounds up all the article says of it; an entry's first
//! question, the label of its buttons and suggestions, must read as a question. These
//! are warnings: the bot still runs.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::engine::Engine;
use crate::knowledge::Story;
use crate::knowledge::article::sentences;
use crate::lang::Lang;
use crate::matcher::Outcome;

#[derive(Debug, Clone, Serialize)]
pub struct Warning {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    /// self-retrieval, ambiguity, coverage, yes-no, roundup or label.
    pub kind: &'static str,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: warning: {}", self.path.display(), self.line, self.column, self.message)
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Audit {
    pub warnings: Vec<Warning>,
    pub phrasings: usize,
    pub retrieved: usize,
    pub sentences: usize,
    pub covered: usize,
}

impl Audit {
    pub fn coverage_percent(&self) -> f64 {
        if self.sentences == 0 { 100.0 } else { 100.0 * self.covered as f64 / self.sentences as f64 }
    }
}

/// A file's text, to point warnings at the line where a string is written.
struct Located {
    path: PathBuf,
    text: String,
}

impl Located {
    fn read(path: PathBuf) -> Located {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        Located { path, text }
    }

    /// Line and column of the first `"needle"` (as a TOML string), or 1:1.
    fn find(&self, needle: &str) -> (usize, usize) {
        let quoted = toml_string(needle);
        let at = self.text.find(&quoted).or_else(|| self.text.find(needle)).unwrap_or(0);
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    fn warn(&self, needle: &str, kind: &'static str, message: String) -> Warning {
        let (line, column) = self.find(needle);
        Warning { path: self.path.clone(), line, column, kind, message }
    }
}

fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

pub fn audit(engine: &Engine, dir: &Path) -> Audit {
    let entries_file = Located::read(dir.join("entries.toml"));
    let mut audit = Audit::default();
    self_retrieval(engine, &entries_file, &mut audit);
    small_talk_retrieval(engine, &Located::read(dir.join("smalltalk.toml")), &mut audit);
    yes_or_no(engine, &entries_file, &mut audit);
    coverage(engine, &Located::read(dir.join("story.toml")), &mut audit);
    roundups(engine, &entries_file, &mut audit);
    labels(engine, &entries_file, &mut audit);
    audit
}

/// An entry's first question in each language is what its buttons, suggestions and
/// `/topics` show ([`crate::reply::entry_label`]): a phrasing written to catch how people
/// type ("putin's order?", "list them all") reads badly there.
fn labels(engine: &Engine, file: &Located, audit: &mut Audit) {
    for entry in &engine.story.entries {
        for (first, lang) in
            [(entry.questions.en.first(), "questions"), (entry.questions.ru.first(), "questions_ru")]
        {
            let Some(first) = first.filter(|q| !reads_as_label(q)) else { continue };
            let message = format!(
                "the first phrasing in `{lang}` of {:?} is the label its buttons and suggestions show, and {first:?} does not read as a question there; put a full question first (a capital letter at the start, \"?\" at the end)",
                entry.id
            );
            audit.warnings.push(file.warn(first, "label", message));
        }
    }
}

/// A full question: opens with a capital letter and ends with a question mark.
fn reads_as_label(question: &str) -> bool {
    let opens_capital = question.chars().next().is_some_and(char::is_uppercase);
    opens_capital && question.trim_end().ends_with('?')
}

/// A thing several entries name needs an entry that quotes all the article says of it
/// ([`crate::knowledge::roundup`]): "every fact about X" otherwise gets one share.
fn roundups(engine: &Engine, file: &Located, audit: &mut Audit) {
    for shared in crate::knowledge::roundup::shared_things(&engine.story) {
        if shared.roundup.is_some() {
            continue;
        }
        let message = format!(
            "{} is named by {} entries ({}) but no entry's quotes hold every sentence that names it, so \"everything about {}\" gets one entry's share; add a roundup entry that quotes them all",
            shared.name,
            shared.entries.len(),
            shared.entries.join(", "),
            shared.name
        );
        let first = format!("id = {:?}", shared.entries[0]);
        audit.warnings.push(file.warn(&first, "roundup", message));
    }
}

fn self_retrieval(engine: &Engine, file: &Located, audit: &mut Audit) {
    let story = &engine.story;
    let mut collisions: Vec<(usize, usize)> = Vec::new();
    for (i, entry) in story.entries.iter().enumerate() {
        for (phrasing, lang) in entry
            .questions
            .en
            .iter()
            .map(|q| (q, Lang::En))
            .chain(entry.questions.ru.iter().map(|q| (q, Lang::Ru)))
        {
            audit.phrasings += 1;
            let decision = engine.matcher.decide(story, phrasing, Some(lang.code()));
            let hit = match decision.outcome {
                Outcome::Answer { entry: hit, also } => {
                    if let Some(other) = also.filter(|o| *o != i) {
                        let pair = (i.min(other), i.max(other));
                        if !collisions.contains(&pair) {
                            collisions.push(pair);
                            if !declared_close(story, pair) {
                                let message = format!(
                                    "entries {:?} and {:?} are hard to tell apart: {phrasing:?} fits both about equally; make their phrasings more distinct, or if they are meant to be close (the reply then shows both), say so with `close_to = [{:?}]` in {:?}",
                                    entry.id, story.entries[other].id, story.entries[other].id, entry.id
                                );
                                audit.warnings.push(file.warn(phrasing, "ambiguity", message));
                            }
                        }
                    }
                    Some(hit)
                }
                _ => None,
            };
            if hit == Some(i) {
                audit.retrieved += 1;
                continue;
            }
            let got = match (&decision.outcome, hit) {
                (_, Some(other)) => format!("retrieves {:?} instead", story.entries[other].id),
                (Outcome::Gap { gap }, _) => format!("is declined as the gap {:?}", story.gaps[*gap].id),
                (Outcome::Clarify { .. }, _) => "gets only a \"did you mean\"".to_string(),
                (Outcome::SmallTalk { intent }, _) => {
                    format!("is taken as small talk {:?}", story.smalltalk[*intent].id)
                }
                _ => "is not answered".to_string(),
            };
            let message = format!("{phrasing:?} (entry {:?}) {got} (score {:.2})", entry.id, decision.score);
            audit.warnings.push(file.warn(phrasing, "self-retrieval", message));
        }
    }
    stale_close(story, &collisions, file, audit);
}

/// Every small-talk pattern must be taken as its own intent: one read as an entry's
/// word ("пока" as "still", "привет" corrected to an entry's "примет") gets a greeting
/// or a goodbye answered with a news fact.
fn small_talk_retrieval(engine: &Engine, file: &Located, audit: &mut Audit) {
    let story = &engine.story;
    for (i, intent) in story.smalltalk.iter().enumerate() {
        for pattern in &intent.patterns {
            let decision = engine.matcher.decide(story, pattern, None);
            let got = match decision.outcome {
                Outcome::SmallTalk { intent: hit } if hit == i => continue,
                Outcome::SmallTalk { intent: hit } => format!("small talk {:?}", story.smalltalk[hit].id),
                Outcome::Answer { entry, .. } => format!("the entry {:?}", story.entries[entry].id),
                Outcome::Gap { gap } => format!("the gap {:?}", story.gaps[gap].id),
                _ => "no reply of its own".to_string(),
            };
            let message = format!(
                "{pattern:?} (small talk {:?}) is taken as {got}; reword it, or take it out if the other reading is what people mean",
                intent.id
            );
            audit.warnings.push(file.warn(pattern, "small-talk", message));
        }
    }
}

/// Whether either entry of the pair says it is meant to be close to the other.
fn declared_close(story: &Story, (a, b): (usize, usize)) -> bool {
    let (a, b) = (&story.entries[a], &story.entries[b]);
    a.close_to.contains(&b.id) || b.close_to.contains(&a.id)
}

/// A `close_to` no phrasing needs any more: once phrasings change, it would hide the
/// next real ambiguity between the two.
fn stale_close(story: &Story, collisions: &[(usize, usize)], file: &Located, audit: &mut Audit) {
    for (i, entry) in story.entries.iter().enumerate() {
        for other in &entry.close_to {
            let Some(j) = story.entries.iter().position(|e| &e.id == other) else { continue };
            if !collisions.contains(&(i.min(j), i.max(j))) {
                let message = format!(
                    "{:?} says it is close to {other:?}, but no phrasing of either fits both; remove it from `close_to`",
                    entry.id
                );
                audit.warnings.push(file.warn(&format!("id = {:?}", entry.id), "ambiguity", message));
            }
        }
    }
}

/// Words that settle a yes/no question, in the languages answers are written in.
const VERDICTS: [&str; 4] = ["yes", "no", "да", "нет"];

/// An answer that opens with "Yes" also answers the opposite question: one entry
/// takes "did airfare rise?" and "are flights cheaper?" alike (synonyms and stems
/// cannot tell them apart), so the answer must state the fact instead.
fn yes_or_no(engine: &Engine, file: &Located, audit: &mut Audit) {
    for entry in &engine.story.entries {
        for answer in [&entry.answer.en, &entry.answer.ru] {
            let first: String = answer.chars().take_while(|c| c.is_alphabetic()).collect();
            if VERDICTS.contains(&first.to_lowercase().as_str()) {
                let message = format!(
                    "the answer of {:?} opens with {first:?}, which is wrong for the opposite question (\"did prices rise?\" / \"are flights cheaper?\"); state the fact instead",
                    entry.id
                );
                audit.warnings.push(file.warn(answer, "yes-no", message));
            }
        }
    }
}

fn coverage(engine: &Engine, story_file: &Located, audit: &mut Audit) {
    let story = &engine.story;
    for sentence in sentences(&story.article) {
        let sentence = sentence.text;
        if story.meta.uncovered.iter().any(|u| sentence.contains(u.as_str())) {
            continue;
        }
        audit.sentences += 1;
        let covered = story.entries.iter().flat_map(|e| &e.quotes).any(|q| overlaps(q, sentence));
        if covered {
            audit.covered += 1;
        } else {
            let message = format!(
                "the article's sentence {sentence:?} is backed by no entry's quote; add an entry, or list it in `uncovered` in story.toml"
            );
            audit.warnings.push(story_file.warn("article", "coverage", message));
        }
    }
}

/// A quote backs a sentence when one contains the other, or they share a long run.
fn overlaps(quote: &str, sentence: &str) -> bool {
    if sentence.contains(quote) || quote.contains(sentence) {
        return true;
    }
    // A quote spanning the end of one sentence and the start of the next.
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words.windows(6).any(|w| quote.contains(&w.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_opening_with_yes_or_no_is_flagged() {
        let mut engine = Engine::load(Path::new("tests/fixtures/mini")).unwrap();
        let file = Located { path: PathBuf::from("entries.toml"), text: String::new() };
        let mut audit = Audit::default();
        yes_or_no(&engine, &file, &mut audit);
        assert!(audit.warnings.is_empty(), "{:?}", audit.warnings);
        engine.story.entries[0].answer.en = "Yes, it opened on Wednesday.".into();
        engine.story.entries[0].answer.ru = "Нет.".into();
        yes_or_no(&engine, &file, &mut audit);
        let kinds: Vec<_> = audit.warnings.iter().map(|w| w.kind).collect();
        assert_eq!(kinds, ["yes-no", "yes-no"]);
        assert!(audit.warnings[0].message.contains("\"Yes\""), "{}", audit.warnings[0].message);
    }

    #[test]
    fn a_first_question_that_is_no_full_question_is_flagged() {
        let mut engine = Engine::load(Path::new("tests/fixtures/mini")).unwrap();
        let file = Located { path: PathBuf::from("entries.toml"), text: String::new() };
        let mut audit = Audit::default();
        labels(&engine, &file, &mut audit);
        assert!(audit.warnings.is_empty(), "{:?}", audit.warnings);
        engine.story.entries[0].questions.en.insert(0, "putin's order?".into());
        engine.story.entries[0].questions.ru.insert(0, "Перечисли все страны".into());
        labels(&engine, &file, &mut audit);
        let kinds: Vec<_> = audit.warnings.iter().map(|w| w.kind).collect();
        assert_eq!(kinds, ["label", "label"]);
        assert!(audit.warnings[0].message.contains("\"putin's order?\""), "{}", audit.warnings[0].message);
    }

    #[test]
    fn quotes_cover_sentences_they_overlap() {
        assert!(overlaps(
            "as many as 300,000 could be called up",
            "Putin said as many as 300,000 could be called up."
        ));
        assert!(!overlaps("Belarus", "Putin said as many as 300,000 could be called up."));
    }
}
