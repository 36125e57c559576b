//! Problems found while loading a knowledge folder, each pinned to `file:line:column`.
//!
//! Loading never stops at the first problem: every reader pushes into one [`Problems`]
//! list so a maintainer sees everything that is wrong in one `storybot check` run.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A text file kept in memory with its line starts, so byte offsets become positions.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        let line_starts =
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
        SourceFile { path, text, line_starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

/// One problem: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path.display(), self.line, self.column, self.message)
    }
}

/// The list every loader and validator appends to.
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
    /// Files that did not parse: checks that need them wait until they do.
    unparsed: Vec<PathBuf>,
}

impl Problems {
    /// Notes that `path` did not parse.
    pub fn unparsed(&mut self, path: &Path) {
        self.unparsed.push(path.to_path_buf());
    }

    /// Whether `path` parsed (or was never read).
    pub fn parsed(&self, path: &Path) -> bool {
        !self.unparsed.iter().any(|p| p == path)
    }

    pub fn unparsed_files(&self) -> &[PathBuf] {
        &self.unparsed
    }

    pub fn at(&mut self, file: &SourceFile, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = file.position(span.start);
        self.list.push(Problem { path: file.path.clone(), line, column, message: message.into() });
    }

    /// A problem with a whole file (missing, unreadable): reported at 1:1.
    pub fn file(&mut self, path: &Path, message: impl Into<String>) {
        self.list.push(Problem { path: path.to_path_buf(), line: 1, column: 1, message: message.into() });
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn into_vec(mut self) -> Vec<Problem> {
        self.list.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let file = SourceFile::new("f.toml".into(), "ab\nцыд = 1\n".into());
        assert_eq!(file.position(0), (1, 1));
        assert_eq!(file.position(3), (2, 1));
        // "цыд" is 6 bytes but 3 characters.
        assert_eq!(file.position(3 + 7), (2, 5));
    }

    #[test]
    fn problems_print_as_file_line_column() {
        let file = SourceFile::new("k/entries.toml".into(), "x\ny = 2\n".into());
        let mut problems = Problems::default();
        problems.at(&file, 2..3, "unknown field `y`");
        let list = problems.into_vec();
        assert_eq!(list[0].to_string(), "k/entries.toml:2:1: unknown field `y`");
    }
}
