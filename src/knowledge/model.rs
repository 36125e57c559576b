//! The validated knowledge: what the matcher indexes and the replies quote.

use crate::lang::Localized;

/// Everything storybot knows about its one story.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Story {
    pub meta: StoryMeta,
    /// The article text, verbatim; every quote is a substring of it.
    pub article: String,
    pub entries: Vec<Entry>,
    pub gaps: Vec<Gap>,
    pub lexicon: Lexicon,
    pub smalltalk: Vec<SmallTalk>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StoryMeta {
    pub headline: String,
    pub outlet: String,
    /// ISO date, `2022-09-24`.
    pub date_iso: String,
    /// Human date, `24 Sep 2022`.
    pub date: String,
    /// The same in Russian, `24 сентября 2022`.
    pub date_ru: String,
    pub url: String,
    pub section: Option<String>,
    pub photo_credit: Option<String>,
    pub summary: Localized<String>,
    pub cited: Localized<Vec<String>>,
    /// Article sentences deliberately backed by no entry (datelines, "Go deeper").
    pub uncovered: Vec<String>,
}

/// What kind of fact an entry answers with; question words ask for one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum AnswerKind {
    Number,
    Person,
    Organization,
    Place,
    Date,
    Time,
    Reason,
    /// Declared, never asked: the entry's number or date is exact (300,000; Sept. 22),
    /// so it answers "exactly how many" and "the exact date"; others are approximate.
    Exact,
    /// Declared, never asked: the entry lists every thing of a kind the whole article
    /// names (its people, countries, figures), so it answers a question that asks for
    /// the whole list, never a follow-up about the last answer ("any other names?"
    /// after the White House asks about the White House).
    List,
    /// Asked for ("what is the law *called*"), never declared: an entry whose kinds
    /// include a person, organization or place answers it.
    Name,
}

impl AnswerKind {
    pub const NAMES: [&'static str; 9] =
        ["number", "person", "organization", "place", "date", "time", "reason", "exact", "list"];

    pub fn parse(name: &str) -> Option<AnswerKind> {
        Some(match name {
            "number" => AnswerKind::Number,
            "person" => AnswerKind::Person,
            "organization" => AnswerKind::Organization,
            "place" => AnswerKind::Place,
            "date" => AnswerKind::Date,
            "time" => AnswerKind::Time,
            "reason" => AnswerKind::Reason,
            "exact" => AnswerKind::Exact,
            "list" => AnswerKind::List,
            _ => return None,
        })
    }
}

/// A question the article answers.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub id: String,
    pub topic: String,
    pub kinds: Vec<AnswerKind>,
    pub questions: Localized<Vec<String>>,
    pub answer: Localized<String>,
    pub source: Localized<String>,
    /// Verbatim from the article, one or more: together they back every claim of
    /// the answer. The reply shows them all.
    pub quotes: Vec<String>,
    pub related: Vec<String>,
    /// Entries it is meant to be close to: a question may fit both, and the reply
    /// shows both; `check` does not warn about the pair.
    pub close_to: Vec<String>,
}

/// A question people ask that the article does not answer.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Gap {
    pub id: String,
    pub questions: Localized<Vec<String>>,
    pub note: Localized<String>,
    /// Verbatim article quotes backing what the note says the article does report.
    pub quotes: Vec<String>,
    pub related: Vec<String>,
}

/// Matching vocabulary a maintainer can edit.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Lexicon {
    pub synonyms: Localized<Vec<Vec<String>>>,
    pub stopwords: Localized<Vec<String>>,
    /// Groups of things of one kind the story tells apart (countries, people,
    /// outlets): a question naming one is not answered by an entry about another.
    /// Each member is one thing with all its names (aliases, languages, adjectives).
    pub entities: Vec<Vec<Entity>>,
    /// Named things the matcher need not tell apart (Russia, the outlet), listed so
    /// the claims check recognises their names in every language.
    pub known: Vec<Entity>,
    /// The article's words and the words that contradict them (`[[contrast]]`): a
    /// question that says "full mobilization" where the article says "partial" has
    /// its premise corrected.
    pub contrasts: Vec<Contrast>,
}

/// A word of the article and the words a question may wrongly put in its place.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Contrast {
    /// As the article writes it (checked: it occurs in the article).
    pub word: String,
    /// The same word in Russian, for a Russian question.
    pub word_ru: String,
    /// Single words, in either language, that say the opposite.
    pub contradicts: Vec<String>,
}

/// The names of one thing: `["Finland", "Finnish", "Финляндия", "финский"]`.
pub type Entity = Vec<String>;

/// Greetings, thanks and the like: a friendly line, never an answer.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SmallTalk {
    pub id: String,
    pub patterns: Vec<String>,
    /// Already filled in with the story's headline, outlet and date.
    pub reply: Localized<String>,
}

impl Story {
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Topics in first-seen order, for browsing.
    pub fn topics(&self) -> Vec<&str> {
        let mut topics: Vec<&str> = Vec::new();
        for entry in &self.entries {
            if !topics.contains(&entry.topic.as_str()) {
                topics.push(&entry.topic);
            }
        }
        topics
    }
}
