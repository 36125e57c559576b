//! Ids and phrasings seen so far while validating: well-formed ids, no id used twice,
//! and (when asked) no phrasing listed under two entries.

use std::collections::HashMap;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::MAX_ID_LEN;
use crate::knowledge::problems::{Problems, SourceFile};
use crate::knowledge::toml_reader::Located;

/// Ids seen so far, for duplicate and related-id checks across entries and gaps.
#[derive(Default)]
pub struct Ids {
    entries: HashMap<String, Range<usize>>,
    /// Whether a phrasing listed twice is a problem ([`Ids::checking_phrasings`]).
    check_phrasings: bool,
    /// Phrasing key → its owner, an index into `owners`. Every phrasing of the
    /// knowledge is keyed at every load, so the table hashes with FxHash and keeps each
    /// owner's id once rather than once a phrasing.
    phrasings: FxHashMap<String, usize>,
    owners: Vec<String>,
}

fn check_id(id: &Located, file: &SourceFile, problems: &mut Problems) {
    let text = id.get_ref();
    let well_formed = text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-');
    if !well_formed {
        problems.at(
            file,
            id.span(),
            format!("id {text:?} must be lowercase-kebab (a-z, 0-9, -), like \"callup-size\""),
        );
    }
    if text.len() > MAX_ID_LEN {
        problems.at(
            file,
            id.span(),
            format!(
                "id {text:?} is {} bytes; keep ids within {MAX_ID_LEN} so buttons can carry them",
                text.len()
            ),
        );
    }
}

/// Lowercase letters and digits only: two phrasings equal under this ask the same thing.
pub(super) fn phrasing_key(text: &str) -> String {
    // Every phrasing is keyed at every load, in one pass: ASCII and Russian letters
    // skip the Unicode tables.
    let mut key = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        let alphanumeric = match c {
            c if c.is_ascii() => c.is_ascii_alphanumeric(),
            'А'..='я' => true,
            c => c.is_alphanumeric(),
        };
        if !alphanumeric {
            gap = true;
            continue;
        }
        if gap && !key.is_empty() {
            key.push(' ');
        }
        gap = false;
        match c {
            c if c.is_ascii() => key.push(c.to_ascii_lowercase()),
            'а'..='я' => key.push(c),
            c => key.extend(c.to_lowercase()),
        }
    }
    key
}

impl Ids {
    /// Ids that also prove no phrasing is listed twice. A duplicate does not stop
    /// answering (both entries read it), and keying every phrasing is a tenth of
    /// reading the knowledge, so only `check` and the bot, which prove the knowledge
    /// sound, pay for it.
    pub fn checking_phrasings() -> Ids {
        Ids { check_phrasings: true, ..Ids::default() }
    }

    pub(super) fn claim_id(&mut self, id: &Located, what: &str, file: &SourceFile, problems: &mut Problems) {
        check_id(id, file, problems);
        if let Some(first) = self.entries.get(id.get_ref()) {
            let (line, _) = file.position(first.start);
            problems.at(
                file,
                id.span(),
                format!(
                    "duplicate {what} id {:?} (first used on line {line}); ids must be unique",
                    id.get_ref()
                ),
            );
        } else {
            self.entries.insert(id.get_ref().clone(), id.span());
        }
    }

    pub(super) fn claim_phrasings(
        &mut self,
        owner: &str,
        phrasings: &[&Located],
        file: &SourceFile,
        problems: &mut Problems,
    ) {
        if !self.check_phrasings {
            return;
        }
        self.phrasings.reserve(phrasings.len());
        let mut claimed = None;
        for phrasing in phrasings {
            let key = phrasing_key(phrasing.get_ref());
            match self.phrasings.get(&key).map(|&o| self.owners[o].as_str()) {
                Some(first) if first == owner => problems.at(
                    file,
                    phrasing.span(),
                    format!("{:?} is listed twice under {owner:?}", phrasing.get_ref()),
                ),
                Some(first) => problems.at(
                    file,
                    phrasing.span(),
                    format!(
                        "the phrasing {:?} is also under {first:?}; a question may belong to one entry only",
                        phrasing.get_ref()
                    ),
                ),
                None => {
                    let index = *claimed.get_or_insert_with(|| {
                        self.owners.push(owner.to_string());
                        self.owners.len() - 1
                    });
                    self.phrasings.insert(key, index);
                }
            }
        }
    }
}
