//! The knowledge layer: reads a knowledge folder, validates all of it at once and
//! yields a [`Story`], or every problem as `file:line:column: message`.
//!
//! How much is proved is the caller's choice ([`Checks`]): the structure always, and
//! the faithfulness of claims and sources where a maintainer or the running bot needs
//! it (`check`, start-up of `run`, every reload), not in one-shot commands that answer
//! from a folder `check` has passed.
//!
//! The folder format is documented in `docs/knowledge-format.md`.

pub mod article;
pub mod attribution;
pub mod claims;
mod contrast;
mod faithful;
mod items;
mod model;
pub mod names;
mod problems;
mod read;
pub mod roundup;
mod toml_reader;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

pub use model::{AnswerKind, Contrast, Entity, Entry, Gap, Lexicon, SmallTalk, Story, StoryMeta};
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

/// The folder's files, read into memory (`None` when missing or unreadable).
struct Files {
    story: Option<SourceFile>,
    entries: Option<SourceFile>,
    gaps: Option<SourceFile>,
    lexicon: Option<SourceFile>,
    smalltalk: Option<SourceFile>,
}

impl Files {
    /// story.toml and entries.toml are required; the others may be left out.
    fn read(dir: &Path, problems: &mut Problems) -> Files {
        let optional = |name: &str, problems: &mut Problems| {
            dir.join(name).exists().then(|| read::source(dir, name, problems)).flatten()
        };
        let [story, entries, gaps, lexicon, smalltalk] = FILES;
        Files {
            story: read::source(dir, story, problems),
            entries: read::source(dir, entries, problems),
            gaps: optional(gaps, problems),
            lexicon: optional(lexicon, problems),
            smalltalk: optional(smalltalk, problems),
        }
    }
}

/// The files a load reads from the folder itself, whether or not each is there.
const FILES: [&str; 5] = ["story.toml", "entries.toml", "gaps.toml", "lexicon.toml", "smalltalk.toml"];

/// Every file a load of `dir` reads, as `dir`-relative names: the folder's own
/// ([`FILES`], read or found missing) and the article `story.toml` names (none when it
/// names none). A cache of the load is keyed by their contents.
pub fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = FILES.iter().map(PathBuf::from).collect();
    let mut problems = Problems::default();
    if let Some(file) = read::source(dir, FILES[0], &mut problems)
        && let Some(article) = read::story(&file, &mut problems).and_then(|raw| raw.article)
    {
        names.push(PathBuf::from(article.into_inner()));
    }
    names
}

/// The lexicon, and whether it could be read (a missing one is empty and fine).
fn lexicon(file: Option<&SourceFile>, article: Option<&str>, problems: &mut Problems) -> (Lexicon, bool) {
    let Some(file) = file else {
        return (Lexicon::default(), true);
    };
    match read::lexicon(file, problems) {
        Some(raw) => (validate::lexicon(raw, article, file, problems), true),
        None => (Lexicon::default(), false),
    }
}

/// How much [`load_with`] proves about a folder before it yields a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// What answering needs: every file parses, fields, ids and `related` are valid,
    /// every quote is verbatim in the article. For one-shot commands (`ask`, `chat`,
    /// `explain`, `eval`, `report`) that answer from a folder `check` has passed.
    Structure,
    /// The structure and faithfulness: every number, date and name an answer or a
    /// note states is backed by its quotes, every source credits whom the article
    /// credits; and no phrasing is listed twice. What `check` enforces, and what the bot proves at start-up and on
    /// every reload, so it never serves unfaithful knowledge.
    Faithful,
}

/// Loads the knowledge folder at `dir` and proves all of it ([`Checks::Faithful`]).
pub fn load(dir: &Path) -> Result<Story, KnowledgeError> {
    load_with(dir, Checks::Faithful)
}

/// Loads the knowledge folder at `dir`, proving what `checks` says.
pub fn load_with(dir: &Path, checks: Checks) -> Result<Story, KnowledgeError> {
    if !dir.is_dir() {
        return Err(KnowledgeError::MissingFolder(dir.to_path_buf()));
    }
    let mut problems = Problems::default();
    let files = Files::read(dir, &mut problems);
    let (meta, article) =
        match files.story.as_ref().and_then(|file| Some((read::story(file, &mut problems)?, file))) {
            Some((raw, file)) => validate::meta(raw, dir, file, &mut problems),
            None => (None, None),
        };
    let (lexicon, lexicon_read) = lexicon(files.lexicon.as_ref(), article.as_deref(), &mut problems);

    let mut ids = match checks {
        Checks::Structure => validate::Ids::default(),
        Checks::Faithful => validate::Ids::checking_phrasings(),
    };
    let raw_entries = files.entries.as_ref().map(|file| read::entries(file, &mut problems));
    // Every id an entry was given, even one with other problems: a related id naming
    // it is fine, and reporting it would only repeat those problems.
    let entry_ids: Vec<String> =
        raw_entries.iter().flatten().filter_map(|e| e.id.as_ref().map(|id| id.get_ref().clone())).collect();
    let mut entries = match (&files.entries, raw_entries) {
        (Some(file), Some(raw)) => validate::entries(raw, article.as_deref(), &mut ids, file, &mut problems),
        _ => Vec::new(),
    };
    let mut gaps = match &files.gaps {
        Some(file) => {
            validate::gaps(read::gaps(file, &mut problems), article.as_deref(), &mut ids, file, &mut problems)
        }
        None => Vec::new(),
    };
    if let Some(file) = &files.entries
        && entry_ids.is_empty()
        && problems.is_empty()
    {
        problems.file(&file.path, "no [[entry]] tables: the bot would know nothing; add at least one entry");
    }
    let entry_ids: Vec<&str> = entry_ids.iter().map(String::as_str).collect();
    let entries_parsed = files.entries.as_ref().is_some_and(|f| problems.parsed(&f.path));
    items::check_links(&mut entries, files.entries.as_ref(), entries_parsed, &entry_ids, &mut problems);
    items::check_links(&mut gaps, files.gaps.as_ref(), entries_parsed, &entry_ids, &mut problems);
    if let (Checks::Faithful, Some(meta), Some(article), true) = (checks, &meta, &article, lexicon_read) {
        let faithful = faithful::Faithful::new(meta, article, &lexicon);
        faithful.entries(&entries, files.entries.as_ref(), &mut problems);
        faithful.gaps(&gaps, files.gaps.as_ref(), &mut problems);
    }
    let smalltalk = files
        .smalltalk
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
                if let Some(file) = &files.story {
                    problems.file(&file.path, "story.toml is incomplete");
                }
            }
            let unparsed = problems.unparsed_files().to_vec();
            Err(KnowledgeError::Invalid(problems.into_vec(), unparsed))
        }
    }
}
