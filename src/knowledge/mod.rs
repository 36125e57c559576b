//! The knowledge layer: reads a knowledge folder, validates all of it at once and
//! yields a [`Story`], or every problem as `file:line:column: message`.
//!
//! The folder format is documented in `docs/knowledge-format.md`.

pub mod article;
pub mod attribution;
pub mod claims;
mod faithful;
mod model;
pub mod names;
mod problems;
mod read;
mod toml_reader;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

pub use model::{AnswerKind, Entity, Entry, Gap, Lexicon, SmallTalk, Story, StoryMeta};
pub use problems::Problem;
use problems::{Problems, SourceFile};
pub use validate::MAX_ID_LEN;

/// Why a knowledge folder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("knowledge folder {0} does not exist; pass --knowledge PATH or set STORYBOT_KNOWLEDGE")]
    MissingFolder(PathBuf),
    /// Every problem, and the files that did not parse (checks that need them wait).
    #[error("{}", ProblemList(.0, .1))]
    Invalid(Vec<Problem>, Vec<PathBuf>),
}

struct ProblemList<'a>(&'a [Problem], &'a [PathBuf]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(f, "the knowledge has {n} problem{}:", if n == 1 { "" } else { "s" })?;
        for problem in self.0 {
            writeln!(f, "{problem}")?;
        }
        if let Some(note) = unparsed_note(self.1) {
            writeln!(f, "{note}")?;
        }
        Ok(())
    }
}

/// Said once when a file did not parse: what depends on it is checked after the fix.
pub fn unparsed_note(files: &[PathBuf]) -> Option<String> {
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    (!names.is_empty()).then(|| {
        format!(
            "{} did not parse, so the checks that need {} did not run; they run once the syntax is fixed",
            names.join(" and "),
            if names.len() == 1 { "it" } else { "them" }
        )
    })
}

impl KnowledgeError {
    /// Every problem, for `check` to print one per line.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            KnowledgeError::MissingFolder(path) => vec![Problem {
                path: path.clone(),
                line: 1,
                column: 1,
                message: "knowledge folder does not exist; pass --knowledge PATH or set STORYBOT_KNOWLEDGE"
                    .into(),
            }],
            KnowledgeError::Invalid(list, _) => list.clone(),
        }
    }

    /// The files that did not parse.
    pub fn unparsed(&self) -> &[PathBuf] {
        match self {
            KnowledgeError::Invalid(_, files) => files,
            KnowledgeError::MissingFolder(_) => &[],
        }
    }
}

/// Loads and validates the knowledge folder at `dir`.
pub fn load(dir: &Path) -> Result<Story, KnowledgeError> {
    if !dir.is_dir() {
        return Err(KnowledgeError::MissingFolder(dir.to_path_buf()));
    }
    let mut problems = Problems::default();
    let story_file = read::source(dir, "story.toml", &mut problems);
    let entries_file = read::source(dir, "entries.toml", &mut problems);
    let optional = |name: &str, problems: &mut Problems| {
        dir.join(name).exists().then(|| read::source(dir, name, problems)).flatten()
    };
    let gaps_file = optional("gaps.toml", &mut problems);
    let lexicon_file = optional("lexicon.toml", &mut problems);
    let smalltalk_file = optional("smalltalk.toml", &mut problems);

    let (meta, article) =
        match story_file.as_ref().and_then(|file| Some((read::story(file, &mut problems)?, file))) {
            Some((raw, file)) => validate::meta(raw, dir, file, &mut problems),
            None => (None, None),
        };
    let lexicon = lexicon_file.as_ref().and_then(|f| Some((read::lexicon(f, &mut problems)?, f)));
    let lexicon_read = lexicon_file.is_none() || lexicon.is_some();
    let lexicon = lexicon.map(|(raw, f)| validate::lexicon(raw, f, &mut problems)).unwrap_or_default();

    let mut ids = validate::Ids::default();
    let raw_entries = entries_file.as_ref().map(|file| read::entries(file, &mut problems));
    // Every id an entry was given, even one with other problems: a related id naming
    // it is fine, and reporting it would only repeat those problems.
    let entry_ids: Vec<String> =
        raw_entries.iter().flatten().filter_map(|e| e.id.as_ref().map(|id| id.get_ref().clone())).collect();
    let mut entries = match (&entries_file, raw_entries) {
        (Some(file), Some(raw)) => validate::entries(raw, article.as_deref(), &mut ids, file, &mut problems),
        _ => Vec::new(),
    };
    let mut gaps = match &gaps_file {
        Some(file) => {
            validate::gaps(read::gaps(file, &mut problems), article.as_deref(), &mut ids, file, &mut problems)
        }
        None => Vec::new(),
    };
    if let Some(file) = &entries_file
        && entry_ids.is_empty()
        && problems.is_empty()
    {
        problems.file(&file.path, "no [[entry]] tables: the bot would know nothing; add at least one entry");
    }
    let entry_ids: Vec<&str> = entry_ids.iter().map(String::as_str).collect();
    let entries_parsed = entries_file.as_ref().is_some_and(|f| problems.parsed(&f.path));
    related(&mut entries, entries_file.as_ref(), entries_parsed, &entry_ids, &mut problems);
    related(&mut gaps, gaps_file.as_ref(), entries_parsed, &entry_ids, &mut problems);
    if let (Some(meta), Some(article), true) = (&meta, &article, lexicon_read) {
        let faithful = faithful::Faithful::new(meta, article, &lexicon);
        if let Some(file) = &entries_file {
            faithful.entries(&entries, file, &mut problems);
        }
        if let Some(file) = &gaps_file {
            faithful.gaps(&gaps, file, &mut problems);
        }
    }
    let smalltalk = smalltalk_file
        .as_ref()
        .map(|f| validate::smalltalk(read::smalltalk(f, &mut problems), meta.as_ref()))
        .unwrap_or_default();

    match (meta, article) {
        (Some(meta), Some(article)) if problems.is_empty() => Ok(Story {
            meta,
            article,
            entries: entries.into_iter().map(|e| e.item).collect(),
            gaps: gaps.into_iter().map(|g| g.item).collect(),
            lexicon,
            smalltalk,
        }),
        _ => {
            if problems.is_empty() {
                // Unreachable in practice: a missing meta always leaves a problem behind.
                if let Some(file) = &story_file {
                    problems.file(&file.path, "story.toml is incomplete");
                }
            }
            let unparsed = problems.unparsed_files().to_vec();
            Err(KnowledgeError::Invalid(problems.into_vec(), unparsed))
        }
    }
}

/// Checks each item's related ids, unless entries.toml did not parse: then every
/// id would look unknown.
fn related<T: validate::Related>(
    items: &mut [validate::Item<T>],
    file: Option<&SourceFile>,
    entries_parsed: bool,
    entry_ids: &[&str],
    problems: &mut Problems,
) {
    let Some(file) = file.filter(|_| entries_parsed) else {
        return;
    };
    for validate::Item { item, links, .. } in items {
        let owner = item.id().to_string();
        for (field, ids) in links {
            let kept = validate::related(&owner, field, std::mem::take(ids), entry_ids, file, problems);
            if let Some(slot) = item.ids_mut(field) {
                *slot = kept;
            }
        }
    }
}
