//! A small schema reader over toml's spanned document tree.
//!
//! serde stops at the first error and forgets where values were; maintainers need every
//! problem with its position, so tables are walked by hand: each field is taken by name
//! and type, missing and unknown fields are all reported, and values keep their spans.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::problems::{Problems, SourceFile};

/// A string with the byte range it came from.
pub type Located = Spanned<String>;

/// Parses a whole file. Only the first syntax error is reported: the parser's later
/// ones mostly follow from it (one unclosed `[[entry]` misreads the rest of the file).
pub fn parse<'a>(file: &'a SourceFile, problems: &mut Problems) -> Option<DeTable<'a>> {
    let (doc, errors) = DeTable::parse_recoverable(&file.text);
    let Some(error) = errors.first() else {
        return Some(doc.into_inner());
    };
    let span = error.span().unwrap_or(0..0);
    problems.at(file, span, format!("TOML syntax: {}", error.message().trim()));
    problems.unparsed(&file.path);
    None
}

/// Reads the fields of one table; call [`TableReader::finish`] to report unknown keys.
pub struct TableReader<'t, 'a> {
    file: &'a SourceFile,
    table: &'t DeTable<'a>,
    span: Range<usize>,
    what: String,
    /// The fields asked for (the table's other keys are unknown): a few literal names,
    /// kept without a copy.
    seen: Vec<&'static str>,
}

impl<'t, 'a> TableReader<'t, 'a> {
    pub fn new(
        file: &'a SourceFile,
        table: &'t DeTable<'a>,
        span: Range<usize>,
        what: impl Into<String>,
    ) -> Self {
        TableReader { file, table, span, what: what.into(), seen: Vec::new() }
    }

    fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'a>>> {
        // Fields are looked up more than once (is it there, then its value): the key
        // is noted the first time only.
        if !self.seen.contains(&key) {
            self.seen.push(key);
        }
        self.table.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)
    }

    fn missing(&self, key: &'static str, problems: &mut Problems) {
        problems.at(self.file, self.span.clone(), format!("{} is missing the field `{key}`", self.what));
    }

    /// A required, non-empty string.
    pub fn string(&mut self, key: &'static str, problems: &mut Problems) -> Option<Located> {
        let found = self.optional_string(key, problems);
        if found.is_none() && self.get(key).is_none() {
            self.missing(key, problems);
        }
        found
    }

    /// An optional string; when present it must be a non-empty string.
    pub fn optional_string(&mut self, key: &'static str, problems: &mut Problems) -> Option<Located> {
        let value = self.get(key)?;
        let text = expect_string(self.file, key, value, problems)?;
        Some(text)
    }

    /// A required, non-empty array of non-empty strings.
    pub fn strings(&mut self, key: &'static str, problems: &mut Problems) -> Vec<Located> {
        if self.get(key).is_none() {
            self.missing(key, problems);
            return Vec::new();
        }
        let list = self.optional_strings(key, problems);
        if list.is_empty() {
            let span = self.get(key).map_or(self.span.clone(), |v| v.span());
            problems.at(self.file, span, format!("`{key}` must list at least one string"));
        }
        list
    }

    /// An optional array of non-empty strings (empty when absent).
    pub fn optional_strings(&mut self, key: &'static str, problems: &mut Problems) -> Vec<Located> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let Some(items) = value.get_ref().as_array() else {
            let found = value.get_ref().type_str();
            problems.at(
                self.file,
                value.span(),
                format!("`{key}` must be an array of strings, found {found}"),
            );
            return Vec::new();
        };
        items.iter().filter_map(|item| expect_string(self.file, key, item, problems)).collect()
    }

    /// An optional array of arrays of strings (synonym groups).
    pub fn string_groups(&mut self, key: &'static str, problems: &mut Problems) -> Vec<Vec<Located>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let Some(groups) = value.get_ref().as_array() else {
            problems.at(self.file, value.span(), format!("`{key}` must be an array of arrays of strings"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for group in groups.iter() {
            match group.get_ref().as_array() {
                Some(items) => out
                    .push(items.iter().filter_map(|i| expect_string(self.file, key, i, problems)).collect()),
                None => problems.at(
                    self.file,
                    group.span(),
                    format!("each group in `{key}` must be an array of strings"),
                ),
            }
        }
        out
    }

    /// An optional array of members, each a name or an array of names for one thing
    /// (`known = ["Axios", ["Russia", "Russian", "Россия"]]`).
    pub fn members(&mut self, key: &'static str, problems: &mut Problems) -> Vec<Vec<Located>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let Some(items) = value.get_ref().as_array() else {
            problems.at(self.file, value.span(), format!("`{key}` must be an array of names"));
            return Vec::new();
        };
        members(self.file, key, items.iter(), problems)
    }

    /// An optional array of groups of members (entity groups).
    pub fn member_groups(&mut self, key: &'static str, problems: &mut Problems) -> Vec<Vec<Vec<Located>>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let Some(groups) = value.get_ref().as_array() else {
            problems.at(self.file, value.span(), format!("`{key}` must be an array of arrays of names"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for group in groups.iter() {
            match group.get_ref().as_array() {
                Some(items) => out.push(members(self.file, key, items.iter(), problems)),
                None => problems.at(
                    self.file,
                    group.span(),
                    format!("each group in `{key}` must be an array of names"),
                ),
            }
        }
        out
    }

    /// Whether the table has `key`, without reading it.
    pub fn has(&self, key: &'static str) -> bool {
        self.table.iter().any(|(k, _)| k.get_ref() == key)
    }

    /// The span of `key`'s value, or of the whole table when it is absent.
    pub fn span_of(&self, key: &'static str) -> Range<usize> {
        self.table.iter().find(|(k, _)| k.get_ref() == key).map_or(self.span.clone(), |(_, v)| v.span())
    }

    /// The span of the whole table.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub fn file(&self) -> &'a SourceFile {
        self.file
    }

    /// What the table is called in messages ("entry #3").
    pub fn what(&self) -> &str {
        &self.what
    }

    /// A required TOML date (`2022-09-24`), as (year, month, day).
    pub fn date(&mut self, key: &'static str, problems: &mut Problems) -> Option<(u16, u8, u8)> {
        let Some(value) = self.get(key) else {
            self.missing(key, problems);
            return None;
        };
        match value.get_ref().as_datetime().and_then(|d| d.date.filter(|_| d.time.is_none())) {
            Some(date) => Some((date.year, date.month, date.day)),
            None => {
                problems.at(
                    self.file,
                    value.span(),
                    format!("`{key}` must be a TOML date like 2022-09-24 (no quotes)"),
                );
                None
            }
        }
    }

    /// A required sub-table, for files like `story.toml` with one `[story]` table.
    pub fn table(
        &mut self,
        key: &'static str,
        problems: &mut Problems,
    ) -> Option<(&'t DeTable<'a>, Range<usize>)> {
        if self.get(key).is_none() {
            self.missing(key, problems);
            return None;
        }
        self.optional_table(key, problems)
    }

    /// An optional sub-table, like `[entities]` in `lexicon.toml`.
    pub fn optional_table(
        &mut self,
        key: &'static str,
        problems: &mut Problems,
    ) -> Option<(&'t DeTable<'a>, Range<usize>)> {
        let value = self.get(key)?;
        match value.get_ref().as_table() {
            Some(table) => Some((table, value.span())),
            None => {
                problems.at(self.file, value.span(), format!("`{key}` must be a table ([{key}])"));
                None
            }
        }
    }

    /// An optional array of tables (`[[entry]]`), each with its span.
    pub fn tables(
        &mut self,
        key: &'static str,
        problems: &mut Problems,
    ) -> Vec<(&'t DeTable<'a>, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let Some(items) = value.get_ref().as_array() else {
            problems.at(self.file, value.span(), format!("`{key}` must be written as [[{key}]] tables"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_table() {
                Some(table) => out.push((table, item.span())),
                None => {
                    problems.at(self.file, item.span(), format!("each `{key}` must be a table ([[{key}]])"))
                }
            }
        }
        out
    }

    /// Reports every key that no reader asked for, naming the ones that are allowed.
    pub fn finish(self, problems: &mut Problems) {
        for (key, _) in self.table.iter() {
            if !self.seen.contains(&key.get_ref().as_ref()) {
                let mut known = self.seen.clone();
                known.sort_unstable();
                let allowed: Vec<_> = known.iter().map(|k| format!("`{k}`")).collect();
                problems.at(
                    self.file,
                    key.span(),
                    format!(
                        "unknown field `{}` in {}; expected one of {}",
                        key.get_ref(),
                        self.what,
                        allowed.join(", ")
                    ),
                );
            }
        }
    }
}

/// Each item a name (`"Axios"`) or a non-empty array of names for one thing.
fn members<'v, 'a: 'v>(
    file: &SourceFile,
    key: &str,
    items: impl Iterator<Item = &'v Spanned<DeValue<'a>>>,
    problems: &mut Problems,
) -> Vec<Vec<Located>> {
    let mut out = Vec::new();
    for item in items {
        if let Some(names) = item.get_ref().as_array() {
            let names: Vec<Located> =
                names.iter().filter_map(|n| expect_string(file, key, n, problems)).collect();
            if names.is_empty() {
                problems.at(file, item.span(), format!("an empty list of names in `{key}`; remove it"));
            } else {
                out.push(names);
            }
        } else if let Some(name) = expect_string(file, key, item, problems) {
            out.push(vec![name]);
        }
    }
    out
}

fn expect_string(
    file: &SourceFile,
    key: &str,
    value: &Spanned<DeValue<'_>>,
    problems: &mut Problems,
) -> Option<Located> {
    match value.get_ref().as_str() {
        Some(text) if text.trim().is_empty() => {
            problems.at(file, value.span(), format!("`{key}` must not be empty"));
            None
        }
        Some(text) => Some(Spanned::new(value.span(), text.to_string())),
        None => {
            let found = value.get_ref().type_str();
            problems.at(file, value.span(), format!("`{key}` must be a string, found {found}"));
            None
        }
    }
}
