//! What a question is about, and whether the story knows it.
//!
//! A decline that brings up the nearest gap's subject ("How cold is Moscow in winter?"
//! → a note about Buryatia's governor) answers a question nobody asked: a gap's note is
//! said only when the gap covers most of the question's weight and the note names
//! every thing the question names. A question whose frame names its subject ("what did
//! *the Pope* say", "what is *the temperature* in", "сколько стоит *X*") and whose
//! subject the story never speaks of is declined, however well its other words fit.

use super::Outcome;
use super::analyze::QUESTION_MARK;
use super::index::Index;

mod fate;
mod gaps;

pub use fate::asks_own_fate;
pub use gaps::{GapNames, gap_is_about, note_head};

/// An entry that fits this well is answered even when the question's subject is a word
/// the story never uses: its other words already say what the entry says, and the new
/// word is a paraphrase ("the White House's *stance*").
pub const CLOSE_FIT: f32 = 0.7;
/// The longest subject a frame reads, in words: longer, the frame is not a noun phrase.
const MAX_SUBJECT: usize = 4;

/// Question words that open a frame, and the verbs that close a frame about what
/// someone said ("what did X say") or what a thing costs ("how much does X cost").
const EN_OPEN: [&str; 2] = ["what", "how"];
const EN_AUX: [&str; 8] = ["did", "does", "do", "has", "have", "had", "will", "would"];
const EN_SAY: [&str; 12] = [
    "say", "said", "think", "tell", "claim", "write", "announce", "react", "respond", "reply", "comment",
    "do",
];
const EN_BE: [&str; 4] = ["is", "was", "are", "were"];
/// Words that end the noun phrase after "what is the …".
const EN_END: [&str; 17] = [
    "in", "of", "for", "at", "on", "like", "during", "this", "these", "to", "from", "about", "with", "by",
    "near", "now", "today",
];
const RU_COST: [&str; 6] = ["стоит", "стоят", "стоил", "стоила", "стоило", "стоили"];
const RU_SAY: [&str; 20] = [
    "сказал",
    "сказала",
    "сказали",
    "говорил",
    "говорила",
    "говорили",
    "говорит",
    "говорят",
    "заявил",
    "заявила",
    "заявили",
    "думает",
    "думают",
    "ответил",
    "ответила",
    "ответили",
    "написал",
    "написали",
    "считает",
    "считают",
];
const RU_WHICH: [&str; 8] = ["какая", "какой", "какое", "какие", "каков", "какова", "каково", "каковы"];
const RU_END: [&str; 16] =
    ["в", "во", "на", "о", "об", "про", "у", "для", "из", "с", "со", "к", "по", "за", "при", "сейчас"];
/// Nouns that stand for any subject ("what's the *situation* at the border"): the
/// subject is elsewhere, so they never decline a question.
const VAGUE: [&str; 34] = [
    "situation",
    "deal",
    "story",
    "news",
    "latest",
    "thing",
    "things",
    "point",
    "status",
    "update",
    "gist",
    "summary",
    "idea",
    "context",
    "background",
    "reason",
    "matter",
    "problem",
    "issue",
    "main",
    "overall",
    "vibe",
    "mood",
    "atmosphere",
    "scene",
    "takeaway",
    "tldr",
    "ситуация",
    "обстановка",
    "атмосфера",
    "дело",
    "новости",
    "суть",
    "история",
];

/// What a frame says its subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Someone who said something: unknown when its head is ("the *Pope*"), or in
    /// Russian any of its words ("папа *римский*").
    Speaker,
    /// A thing asked about: it is unknown when none of its words is ("the temperature",
    /// but not "a used *car*").
    Thing,
}

/// A question's subject that the story never speaks of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    /// The unknown word that heads it, as normalized.
    pub word: String,
}

/// The subject a question's frame names, if any frame does, and the story does not
/// know it.
pub fn unknown_subject(index: &Index, words: &[String]) -> Option<Unknown> {
    let (span, role) = (0..words.len()).find_map(|at| frame_at(words, at))?;
    let content: Vec<(&String, bool)> = span
        .iter()
        .filter(|w| !VAGUE.contains(&w.as_str()))
        .filter_map(|w| known(index, w).map(|k| (w, k)))
        .collect();
    let unknown = || content.iter().filter(|(_, k)| !k).map(|(w, _)| w.to_string());
    // An English noun phrase ends in its head ("the Russian *govt*"); a Russian one
    // may not ("папа римский"), so there any unknown word makes the speaker unknown.
    let english = span.iter().all(|w| w.is_ascii());
    let is_unknown = match role {
        Role::Speaker if english => content.last().is_some_and(|(_, k)| !k),
        Role::Speaker => content.iter().any(|(_, k)| !k),
        Role::Thing => !content.is_empty() && content.iter().all(|(_, k)| !k),
    };
    let word = match role {
        Role::Speaker if english => unknown().next_back(),
        Role::Speaker => unknown().next(),
        Role::Thing => unknown().next_back(),
    };
    word.filter(|_| is_unknown).map(|word| Unknown { word })
}

/// The unknown subject of a message of several parts, given each part's outcome and
/// unknown subject: none when a part that may be answered has a subject the story
/// knows (a frame in the chatter around a question is not the question's), else the
/// first part's that has one.
pub fn unknown_in_parts(parts: Vec<(Outcome, Option<Unknown>)>) -> Option<Unknown> {
    if parts.iter().any(|(outcome, unknown)| outcome.speaks() && unknown.is_none()) {
        return None;
    }
    parts.into_iter().find_map(|(_, unknown)| unknown)
}

/// Whether the story knows `word`; `None` for a word that says nothing (a stop word).
fn known(index: &Index, word: &str) -> Option<bool> {
    let analysis = index.analyzer.analyze_question(word);
    if analysis.terms.is_empty() {
        return None;
    }
    Some(analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK) || index.term(t).is_some()))
}

/// The subject of a frame that starts at word `at`, and what the frame says it is.
fn frame_at(words: &[String], at: usize) -> Option<(&[String], Role)> {
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    let rest = &words[at..];
    // "what did X say", "how did X react", "how much does X cost".
    let open = match (word(at), word(at + 1)) {
        ("how", "much") => 2,
        (w, _) if EN_OPEN.contains(&w) => 1,
        _ => 0,
    };
    if open > 0 && EN_AUX.contains(&word(at + open)) {
        let start = open + 1;
        let close = rest.iter().skip(start).take(MAX_SUBJECT + 1).position(|w| {
            let w = w.as_str();
            if open == 2 { w == "cost" } else { EN_SAY.contains(&w) || w == "cost" }
        });
        if let Some(len @ 1..) = close {
            let role = if word(at + start + len) == "cost" { Role::Thing } else { Role::Speaker };
            return speaker(&rest[start..start + len], &EN_END).map(|span| (span, role));
        }
    }
    // "what is the temperature in …", "what's the weather like".
    let the = match (word(at), word(at + 1)) {
        ("whats", _) => 1,
        ("what", be) if EN_BE.contains(&be) => 2,
        _ => 0,
    };
    if the > 0 && word(at + the) == "the" {
        return phrase(&rest[the + 1..], &EN_END).map(|span| (span, Role::Thing));
    }
    // "who is the mayor of …": a role of a place names the person who holds it.
    if let Some(span) = role_of(rest) {
        return Some((span, Role::Speaker));
    }
    // "сколько стоит X", "какая X", "что X сказал", "что сказал X".
    match word(at) {
        "сколько" if RU_COST.contains(&word(at + 1)) => {
            phrase(&rest[2..], &RU_END).map(|s| (s, Role::Thing))
        }
        w if RU_WHICH.contains(&w) => phrase(&rest[1..], &RU_END).map(|s| (s, Role::Thing)),
        "что" if RU_SAY.contains(&word(at + 1)) => phrase(&rest[2..], &RU_END).map(|s| (s, Role::Speaker)),
        "что" => {
            let said = rest.iter().skip(1).take(MAX_SUBJECT + 1).position(|w| RU_SAY.contains(&w.as_str()));
            said.filter(|&len| len >= 1)
                .and_then(|len| speaker(&rest[1..1 + len], &RU_END))
                .map(|s| (s, Role::Speaker))
        }
        _ => None,
    }
}

/// The role in "who is the *mayor* of …", "who's *prime minister* of …": a "who is"
/// question whose noun phrase ends at "of" asks who holds that role, so the role is
/// its subject. Without "of" ("who is the man in the photo") the phrase may be a
/// description of someone the story shows, not a role.
fn role_of(rest: &[String]) -> Option<&[String]> {
    let word = |i: usize| rest.get(i).map_or("", String::as_str);
    let be = match (word(0), word(1)) {
        ("whos", _) => 1,
        ("who", be) if EN_BE.contains(&be) => 2,
        _ => return None,
    };
    let start = if word(be) == "the" { be + 1 } else { be };
    let span = phrase(&rest[start..], &EN_END)?;
    (word(start + span.len()) == "of").then_some(span)
}

/// `words` when they can name who spoke: a phrase with a preposition ("people in
/// Moscow") or "что" read as "that" ("правда, что в Бурятии … говорят") is a clause.
fn speaker<'a>(words: &'a [String], end: &[&str]) -> Option<&'a [String]> {
    (!words.iter().any(|w| end.contains(&w.as_str()))).then_some(words)
}

/// The noun phrase that opens `words`, up to a word of `end` or the end: none when it
/// is empty or too long to be one.
fn phrase<'a>(words: &'a [String], end: &[&str]) -> Option<&'a [String]> {
    let len = words.iter().position(|w| end.contains(&w.as_str())).unwrap_or(words.len());
    (1..=MAX_SUBJECT).contains(&len).then(|| &words[..len])
}

/// Declines an outcome that speaks off the story: a question whose subject the story
/// never names (`unknown`) unless an entry fits it closely, and, in a message of one
/// part, a request for a verdict ("is he right to do it?") the story leaves to its
/// reader. In a message of several parts a verdict is more often one the asker reports
/// ("my brother says it's a bad idea") around what they ask.
pub fn declined_off_story(
    outcome: Outcome,
    score: f32,
    unknown: bool,
    one_part: bool,
    analysis: &super::analyze::Analysis,
) -> Outcome {
    let speaks = outcome.speaks();
    if unknown && (speaks || matches!(outcome, Outcome::Gap { .. })) && score < CLOSE_FIT {
        return Outcome::NoMatch;
    }
    if one_part && speaks && super::question::asks_judgment(&analysis.words) {
        return Outcome::NoMatch;
    }
    outcome
}

#[cfg(test)]
mod tests;
