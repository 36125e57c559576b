//! The knowledge layer: reads a knowledge folder, validates all of it at once and
//! yields a [`Story`], or every problem as `file:line:column: message`.
//!
//! The folder format is documented in `docs/knowledge-format.md`.

mod model;
mod problems;
mod read;
mod toml_reader;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

pub use model::{AnswerKind, Entry, Gap, Lexicon, SmallTalk, Story, StoryMeta};
pub use problems::Problem;
use problems::Problems;
pub use validate::MAX_ID_LEN;

/// Why a knowledge folder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("knowledge folder {0} does not exist; pass --knowledge PATH or set STORYBOT_KNOWLEDGE")]
    MissingFolder(PathBuf),
    #[error("{}", ProblemList(.0))]
    Invalid(Vec<Problem>),
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(f, "the knowledge has {n} problem{}:", if n == 1 { "" } else { "s" })?;
        for problem in self.0 {
            writeln!(f, "{problem}")?;
        }
        Ok(())
    }
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
            KnowledgeError::Invalid(list) => list.clone(),
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

    let mut ids = validate::Ids::default();
    let mut entries = match &entries_file {
        Some(file) => validate::entries(
            read::entries(file, &mut problems),
            article.as_deref(),
            &mut ids,
            file,
            &mut problems,
        ),
        None => Vec::new(),
    };
    let mut gaps = match &gaps_file {
        Some(file) => validate::gaps(read::gaps(file, &mut problems), &mut ids, file, &mut problems),
        None => Vec::new(),
    };
    if let Some(file) = &entries_file
        && entries.is_empty()
        && problems.is_empty()
    {
        problems.file(&file.path, "no [[entry]] tables: the bot would know nothing; add at least one entry");
    }
    let entry_ids: Vec<String> = entries.iter().map(|(e, _)| e.id.clone()).collect();
    let entry_ids: Vec<&str> = entry_ids.iter().map(String::as_str).collect();
    if let Some(file) = &entries_file {
        for (entry, related) in &mut entries {
            entry.related =
                validate::related(&entry.id, std::mem::take(related), &entry_ids, file, &mut problems);
        }
    }
    if let Some(file) = &gaps_file {
        for (gap, related) in &mut gaps {
            gap.related =
                validate::related(&gap.id, std::mem::take(related), &entry_ids, file, &mut problems);
        }
    }
    let lexicon = lexicon_file
        .as_ref()
        .and_then(|f| read::lexicon(f, &mut problems))
        .map(validate::lexicon)
        .unwrap_or_default();
    let smalltalk = smalltalk_file
        .as_ref()
        .map(|f| validate::smalltalk(read::smalltalk(f, &mut problems), meta.as_ref()))
        .unwrap_or_default();

    match (meta, article) {
        (Some(meta), Some(article)) if problems.is_empty() => Ok(Story {
            meta,
            article,
            entries: entries.into_iter().map(|(e, _)| e).collect(),
            gaps: gaps.into_iter().map(|(g, _)| g).collect(),
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
            Err(KnowledgeError::Invalid(problems.into_vec()))
        }
    }
}
