//! `storybot explain`: how one question is read and scored, in words a maintainer can
//! act on: its terms and their weights, what it asks for, the outcome, and the best
//! candidates by id, with a legend for the marks.

use std::fmt::Write as _;

use crate::engine::Engine;
use crate::knowledge::AnswerKind;
use crate::lang::Lang;
use crate::matcher::analyze::{Precision, QUESTION_MARK};
use crate::matcher::{Decision, DocRef, Outcome, thresholds};

/// What the marks and figures above it mean.
fn legend() -> String {
    format!(
        "\
Legend:
  ?word         a question word, negation (?not), attribution (?source) or verb of saying
                (?say): weighs little, and only tells apart entries that share the other terms
  ~word         a synonym group from lexicon.toml: any of its words or phrases reads as this term
  weight        how rare the term is in the knowledge (idf): rare terms decide the match
  typo fix      a word the knowledge does not know, read as the nearest word it does
  unknown       a word the knowledge never uses: it counts against every entry
  unknown name  an unknown word that looks like a name, or a figure the story never uses:
                it counts twice as much against every entry
  candidates    entries, gaps (questions the article does not answer) and small talk, by
                their first-stage score in [0, 1]; an answer needs {:.2}, \"did you mean\" {:.2}",
        thresholds::ANSWER,
        thresholds::CLARIFY
    )
}

/// The whole explanation, as printed.
pub fn explain(engine: &Engine, question: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Question: {question}");
    // A message with noise around its question is matched on the question alone.
    let read = engine.matcher.read(question);
    if read != question {
        let _ = writeln!(out, "Its question, noise set aside: {}", read.replace('\n', " / "));
    }
    terms(engine, &read, &mut out);
    let decision = engine.matcher.decide(&engine.story, question, None);
    let _ = writeln!(out, "Outcome: {}", outcome(engine, &decision));
    let _ = writeln!(out, "Best candidates:");
    for (doc, score) in &decision.ranked {
        let _ = writeln!(out, "  {score:.3}  {}", candidate(engine, *doc));
    }
    if decision.ranked.is_empty() {
        let _ = writeln!(out, "  none: no term of the question is in the knowledge");
    }
    out.push('\n');
    out.push_str(&legend());
    out
}

fn candidate(engine: &Engine, doc: DocRef) -> String {
    let story = &engine.story;
    match doc {
        DocRef::Entry(i) => format!("entry {}", story.entries[i].id),
        DocRef::Gap(i) => format!("gap {}", story.gaps[i].id),
        DocRef::SmallTalk(i) => format!("small talk {}", story.smalltalk[i].id),
    }
}

/// "Read as": one line per term, then what the question words ask for.
fn terms(engine: &Engine, question: &str, out: &mut String) {
    let index = &engine.matcher.index;
    let analysis = index.analyzer.analyze_question(question);
    let _ = writeln!(out, "Read as (term, weight, note):");
    for term in &analysis.terms {
        let mut notes = Vec::new();
        if term.starts_with(QUESTION_MARK) {
            notes.push("question word");
        } else if term.starts_with('~') {
            notes.push("synonym group");
        }
        if analysis.corrected.contains(term) {
            notes.push("typo fix");
        }
        let weight = match index.term(term) {
            Some(id) => format!("{:.2}", index.idf[id as usize]),
            None => {
                notes.push(if analysis.names.contains(term) { "unknown name" } else { "unknown" });
                "-".to_string()
            }
        };
        let line = format!("  {term:<16} {weight:>5}  {}", notes.join(", "));
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if analysis.terms.is_empty() {
        let _ = writeln!(out, "  nothing: only stop words");
    }
    let asks = analysis.asks.map_or("a fact (no question word that asks for a kind)", kind_words);
    let exact = if analysis.precise == Precision::None { "" } else { ", exactly" };
    let _ = writeln!(out, "Asks for: {asks}{exact}");
}

fn kind_words(kind: AnswerKind) -> &'static str {
    match kind {
        AnswerKind::Number => "a number",
        AnswerKind::Person => "a person",
        AnswerKind::Organization => "an organization",
        AnswerKind::Place => "a place",
        AnswerKind::Date => "a date",
        AnswerKind::Time => "a time",
        AnswerKind::Reason => "a reason",
        AnswerKind::Exact => "an exact value",
        AnswerKind::List => "a whole list",
        AnswerKind::Name => "a name",
    }
}

/// The decision in words, with ids rather than positions.
fn outcome(engine: &Engine, decision: &Decision) -> String {
    let story = &engine.story;
    let entry = |i: usize| story.entries[i].id.as_str();
    let what = match &decision.outcome {
        Outcome::Answer { entry: first, also: None } => format!("answer with entry {}", entry(*first)),
        Outcome::Answer { entry: first, also: Some(second) } => {
            format!("answer with entries {} and {} (two parts)", entry(*first), entry(*second))
        }
        Outcome::Clarify { entries } => {
            let ids: Vec<&str> = entries.iter().map(|&i| entry(i)).collect();
            format!("ask \"did you mean\": {}", ids.join(", "))
        }
        Outcome::Gap { gap } => {
            format!("\"the article doesn't say\", with the note of gap {}", story.gaps[*gap].id)
        }
        Outcome::SmallTalk { intent } => format!("small talk {}", story.smalltalk[*intent].id),
        Outcome::NoMatch => "decline: \"the article doesn't say\", with questions it can answer".to_string(),
    };
    let gap_part = decision
        .gap_part
        .map(|gap| format!("; another part is gap {}, whose note follows", story.gaps[gap].id))
        .unwrap_or_default();
    let lang = match decision.lang {
        Lang::En => "English",
        Lang::Ru => "Russian",
    };
    format!("{what}{gap_part} (confidence {:.3}, in {lang})", decision.score)
}
