//! What every reply about an entry shows that depends on the entry alone: its quotes
//! as a reader sees them (pieces of one sentence joined), its source line in each
//! language and its link into the article. Each is a search of the article or a
//! format, and making them for every answer cost as much as the rest of the reply, so
//! the engine keeps them: each entry's are made the first time it is answered.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::knowledge::{Entry, Story};
use crate::lang::Lang;

/// One entry's parts, as [`super::answer`] shows them.
#[derive(Debug, Clone)]
pub(super) struct EntryParts {
    /// The quotes to show ([`super::quotes::joined`]).
    pub quotes: Vec<String>,
    /// "Source: …", in English and in Russian.
    pub source: [String; 2],
    /// Each quote's text directive ([`crate::link::text_directive`]): a search of the
    /// article, so a reply with two answers links both without searching again.
    pub directives: Vec<String>,
    /// The story's URL at the entry's quotes; `None` when the article has none of them.
    pub link: Option<String>,
}

impl EntryParts {
    pub fn of(story: &Story, entry: &Entry) -> EntryParts {
        let directives: Vec<String> =
            entry.quotes.iter().filter_map(|q| crate::link::text_directive(&story.article, q)).collect();
        EntryParts {
            quotes: super::quotes::joined(&story.article, &entry.quotes),
            source: [Lang::En, Lang::Ru].map(|lang| super::source_line(story, entry, lang)),
            link: crate::link::with_directives(&story.meta.url, &directives),
            directives,
        }
    }

    pub fn source(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.source[0],
            Lang::Ru => &self.source[1],
        }
    }
}

/// The parts of each entry of one story, made on demand and kept. It belongs with the
/// story it was made from (the engine holds both): a story edited after its first
/// answer would be shown with its old parts.
#[derive(Debug)]
pub struct Shown {
    /// Whether parts are kept; [`Shown::none`] makes them afresh every time.
    keeps: bool,
    entries: OnceLock<Box<[OnceLock<EntryParts>]>>,
}

impl Default for Shown {
    fn default() -> Shown {
        Shown { keeps: true, entries: OnceLock::new() }
    }
}

impl Shown {
    /// Keeps nothing: for a reply made once, about a story no engine holds.
    pub const fn none() -> Shown {
        Shown { keeps: false, entries: OnceLock::new() }
    }

    /// The parts of `story`'s entry number `entry`.
    pub(super) fn entry(&self, story: &Story, entry: usize) -> Cow<'_, EntryParts> {
        if !self.keeps {
            return Cow::Owned(EntryParts::of(story, &story.entries[entry]));
        }
        let all = self.entries.get_or_init(|| story.entries.iter().map(|_| OnceLock::new()).collect());
        Cow::Borrowed(all[entry].get_or_init(|| EntryParts::of(story, &story.entries[entry])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_parts_are_the_parts_made_afresh() {
        let story = crate::knowledge::load(std::path::Path::new("knowledge")).unwrap();
        let shown = Shown::default();
        for round in 0..2 {
            for entry in 0..story.entries.len() {
                for lang in [Lang::En, Lang::Ru] {
                    let kept = super::super::answer_in(&story, &shown, entry, lang, &[]);
                    let fresh = super::super::answer(&story, entry, lang, &[]);
                    assert_eq!(kept, fresh, "entry {entry}, {lang:?}, round {round}");
                }
            }
        }
    }
}
