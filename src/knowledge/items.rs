//! Entries and gaps as validated, with what the checks after them need: the entry ids
//! they link to (`related`, `close_to`), checked once every entry is known, and where
//! their texts were written, for the claims and attribution checks.

use std::ops::Range;

use super::model::{Entry, Gap};
use super::problems::{Problems, SourceFile};
use super::toml_reader::Located;

/// An entry or gap as validated, with what later checks need: the entry ids it links
/// to, per field (checked once every entry is known), and where its texts were written.
pub struct Item<T> {
    pub item: T,
    pub links: Vec<(&'static str, Vec<Located>)>,
    pub spans: FieldSpans,
}

/// What links to entries by id: entries (`related`, `close_to`) and gaps (`related`).
pub trait Related {
    fn id(&self) -> &str;
    fn ids_mut(&mut self, field: &str) -> Option<&mut Vec<String>>;
}

impl Related for Entry {
    fn id(&self) -> &str {
        &self.id
    }
    fn ids_mut(&mut self, field: &str) -> Option<&mut Vec<String>> {
        match field {
            "related" => Some(&mut self.related),
            "close_to" => Some(&mut self.close_to),
            _ => None,
        }
    }
}

impl Related for Gap {
    fn id(&self) -> &str {
        &self.id
    }
    fn ids_mut(&mut self, field: &str) -> Option<&mut Vec<String>> {
        (field == "related").then_some(&mut self.related)
    }
}

/// Where each checked field's string was written (`answer`, `note_ru`, `source`...).
#[derive(Default)]
pub struct FieldSpans(Vec<(&'static str, Range<usize>)>);

impl FieldSpans {
    pub fn note(&mut self, field: &'static str, value: &Option<Located>) {
        if let Some(value) = value {
            self.0.push((field, value.span()));
        }
    }

    pub fn get(&self, field: &str) -> Option<Range<usize>> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, span)| span.clone())
    }
}

/// Keeps the ids in `field` (`related`, `close_to`) that name an entry; reports the others.
pub fn related(
    owner: &str,
    field: &str,
    related: Vec<Located>,
    entry_ids: &[&str],
    file: &SourceFile,
    problems: &mut Problems,
) -> Vec<String> {
    let mut out = Vec::new();
    for id in related {
        if id.get_ref() == owner {
            problems.at(file, id.span(), format!("{owner:?} lists itself in `{field}`"));
        } else if !entry_ids.contains(&id.get_ref().as_str()) {
            problems.at(file, id.span(), format!("{field} id {:?} is not the id of any entry", id.get_ref()));
        } else {
            out.push(id.into_inner());
        }
    }
    out
}

/// Checks every item's links, unless entries.toml did not parse: then every id would
/// look unknown, and each such error would only repeat the syntax error.
pub fn check_links<T: Related>(
    items: &mut [Item<T>],
    file: Option<&SourceFile>,
    entries_parsed: bool,
    entry_ids: &[&str],
    problems: &mut Problems,
) {
    let Some(file) = file.filter(|_| entries_parsed) else {
        return;
    };
    for Item { item, links, .. } in items {
        let owner = item.id().to_string();
        for (field, ids) in links {
            let kept = related(&owner, field, std::mem::take(ids), entry_ids, file, problems);
            if let Some(slot) = item.ids_mut(field) {
                *slot = kept;
            }
        }
    }
}
