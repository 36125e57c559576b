//! Turns raw records into a [`Story`], checking everything a maintainer can get wrong:
//! ids, duplicate phrasings, quotes that are not verbatim, names listed twice.

use std::collections::HashMap;
use std::path::Path;

use rustc_hash::FxHashSet as HashSet;

use super::items::{FieldSpans, Item};
use super::model::*;
use super::problems::{Problems, SourceFile};
use super::read::{RawEntry, RawGap, RawLexicon, RawSmallTalk, RawStory};
use super::toml_reader::Located;
use crate::lang::Localized;

mod ids;

pub use ids::Ids;
use ids::phrasing_key;

/// The longest id: button callback data is `<action>:<id>` within Telegram's 64 bytes.
pub const MAX_ID_LEN: usize = 40;

/// The story's metadata and article text, each `None` when it could not be read; the
/// article is returned even when metadata is broken, so quotes are still checked.
pub fn meta(
    raw: RawStory,
    dir: &Path,
    file: &SourceFile,
    problems: &mut Problems,
) -> (Option<StoryMeta>, Option<String>) {
    let article = raw.article.as_ref().and_then(|name| read_article(dir, name, file, problems));
    (story_meta(raw, file, problems), article)
}

fn story_meta(raw: RawStory, file: &SourceFile, problems: &mut Problems) -> Option<StoryMeta> {
    if let Some(url) = &raw.url
        && !(url.get_ref().starts_with("https://") || url.get_ref().starts_with("http://"))
    {
        problems.at(file, url.span(), format!("`url` must start with https:// (found {:?})", url.get_ref()));
    }
    let (year, month, day) = raw.date?;
    Some(StoryMeta {
        headline: raw.headline?.into_inner(),
        outlet: raw.outlet?.into_inner(),
        date_iso: format!("{year:04}-{month:02}-{day:02}"),
        date: human_date(year, month, day),
        date_ru: human_date_ru(year, month, day),
        url: raw.url?.into_inner(),
        section: raw.section.map(Located::into_inner),
        photo_credit: raw.photo_credit.map(Located::into_inner),
        summary: Localized { en: raw.summary?.into_inner(), ru: raw.summary_ru?.into_inner() },
        cited: Localized { en: inner(raw.cited), ru: inner(raw.cited_ru) },
        uncovered: inner(raw.uncovered),
    })
}

fn read_article(dir: &Path, name: &Located, file: &SourceFile, problems: &mut Problems) -> Option<String> {
    let path = dir.join(name.get_ref());
    match std::fs::read_to_string(&path) {
        Ok(text) if text.trim().is_empty() => {
            problems.at(file, name.span(), format!("the article file {} is empty", path.display()));
            None
        }
        Ok(text) => Some(text),
        Err(e) => {
            problems.at(file, name.span(), format!("cannot read the article {}: {e}", path.display()));
            None
        }
    }
}

fn human_date(year: u16, month: u8, day: u8) -> String {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let name = MONTHS.get(usize::from(month).wrapping_sub(1)).unwrap_or(&"?");
    format!("{day} {name} {year}")
}

fn human_date_ru(year: u16, month: u8, day: u8) -> String {
    const MONTHS: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let name = MONTHS.get(usize::from(month).wrapping_sub(1)).unwrap_or(&"?");
    format!("{day} {name} {year}")
}

fn inner(list: Vec<Located>) -> Vec<String> {
    list.into_iter().map(Located::into_inner).collect()
}

fn localized_list(en: Vec<Located>, ru: Vec<Located>) -> Localized<Vec<String>> {
    Localized { en: inner(en), ru: inner(ru) }
}

pub fn entries(
    raw: Vec<RawEntry>,
    article: Option<&str>,
    ids: &mut Ids,
    file: &SourceFile,
    problems: &mut Problems,
) -> Vec<Item<Entry>> {
    let mut out = Vec::new();
    let mut found = HashSet::default();
    for e in raw {
        if let Some(id) = &e.id {
            ids.claim_id(id, "entry", file, problems);
            let phrasings: Vec<&Located> = e.questions.iter().chain(&e.questions_ru).collect();
            ids.claim_phrasings(id.get_ref(), &phrasings, file, problems);
        }
        if let Some(article) = article {
            e.quotes.iter().for_each(|quote| check_quote(quote, article, &mut found, file, problems));
        }
        let kinds = e.kinds.iter().filter_map(|k| kind(k, file, problems)).collect();
        let mut spans = FieldSpans::default();
        for (field, value) in [
            ("answer", &e.answer),
            ("answer_ru", &e.answer_ru),
            ("source", &e.source),
            ("source_ru", &e.source_ru),
        ] {
            spans.note(field, value);
        }
        let Some(entry) = (|| {
            Some(Entry {
                id: e.id?.into_inner(),
                topic: e.topic?.into_inner(),
                kinds,
                questions: localized_list(e.questions, e.questions_ru),
                answer: Localized { en: e.answer?.into_inner(), ru: e.answer_ru?.into_inner() },
                source: Localized { en: e.source?.into_inner(), ru: e.source_ru?.into_inner() },
                quotes: inner(e.quotes),
                related: Vec::new(),
                close_to: Vec::new(),
            })
        })() else {
            continue;
        };
        out.push(Item { item: entry, links: vec![("related", e.related), ("close_to", e.close_to)], spans });
    }
    out
}

fn kind(name: &Located, file: &SourceFile, problems: &mut Problems) -> Option<AnswerKind> {
    let kind = AnswerKind::parse(name.get_ref());
    if kind.is_none() {
        let names = AnswerKind::NAMES.join(", ");
        problems.at(file, name.span(), format!("unknown kind {:?}; use one of {names}", name.get_ref()));
    }
    kind
}

/// Reports `quote` unless it is verbatim in `article`. `found` holds the quotes found
/// so far: the same few sentences back many entries, and each is looked for once.
fn check_quote(
    quote: &Located,
    article: &str,
    found: &mut HashSet<String>,
    file: &SourceFile,
    problems: &mut Problems,
) {
    let text = quote.get_ref();
    if found.contains(text.as_str()) {
        return;
    }
    if article.contains(text.as_str()) {
        found.insert(text.clone());
        return;
    }
    let loose = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '’' | '‘' => '\'',
                '“' | '”' => '"',
                c if c.is_whitespace() => ' ',
                c => c,
            })
            .collect::<String>()
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let hint = if loose(article).contains(&loose(text)) {
        "it differs only in quote marks or spacing; copy it from the article exactly"
    } else {
        "copy the sentence from the article file exactly"
    };
    problems.at(file, quote.span(), format!("quote is not verbatim in the article: {text:?}; {hint}"));
}

pub fn gaps(
    raw: Vec<RawGap>,
    article: Option<&str>,
    ids: &mut Ids,
    file: &SourceFile,
    problems: &mut Problems,
) -> Vec<Item<Gap>> {
    let mut out = Vec::new();
    let mut found = HashSet::default();
    for g in raw {
        if let Some(id) = &g.id {
            ids.claim_id(id, "gap", file, problems);
            let phrasings: Vec<&Located> = g.questions.iter().chain(&g.questions_ru).collect();
            ids.claim_phrasings(id.get_ref(), &phrasings, file, problems);
        }
        if let Some(article) = article {
            g.quotes.iter().for_each(|quote| check_quote(quote, article, &mut found, file, problems));
        }
        let mut spans = FieldSpans::default();
        spans.note("note", &g.note);
        spans.note("note_ru", &g.note_ru);
        let Some(gap) = (|| {
            Some(Gap {
                id: g.id?.into_inner(),
                questions: localized_list(g.questions, g.questions_ru),
                note: Localized { en: g.note?.into_inner(), ru: g.note_ru?.into_inner() },
                quotes: inner(g.quotes),
                related: Vec::new(),
            })
        })() else {
            continue;
        };
        out.push(Item { item: gap, links: vec![("related", g.related)], spans });
    }
    out
}

/// The lexicon; a name listed under two entities is a problem (the claims check
/// could not tell which thing it names).
pub fn lexicon(
    raw: RawLexicon,
    article: Option<&str>,
    file: &SourceFile,
    problems: &mut Problems,
) -> Lexicon {
    let groups = |g: Vec<Vec<Located>>| g.into_iter().map(inner).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let members = raw.entities.iter().flatten().chain(&raw.known);
    for (m, member) in members.enumerate() {
        for name in member {
            let key = phrasing_key(name.get_ref());
            match seen.get(&key) {
                Some(&first) if first != m => problems.at(
                    file,
                    name.span(),
                    format!(
                        "the name {:?} is listed under two entities; a name may stand for one thing only",
                        name.get_ref()
                    ),
                ),
                _ => {
                    seen.insert(key, m);
                }
            }
        }
    }
    Lexicon {
        synonyms: Localized { en: groups(raw.synonyms_en), ru: groups(raw.synonyms_ru) },
        stopwords: Localized { en: inner(raw.stopwords_en), ru: inner(raw.stopwords_ru) },
        entities: raw.entities.into_iter().map(|g| g.into_iter().map(inner).collect()).collect(),
        known: raw.known.into_iter().map(inner).collect(),
        contrasts: super::contrast::contrasts(raw.contrasts, article, file, problems),
    }
}

pub fn smalltalk(raw: Vec<RawSmallTalk>, meta: Option<&StoryMeta>) -> Vec<SmallTalk> {
    let fill = |text: String, ru: bool| match meta {
        Some(m) => {
            let date = if ru { &m.date_ru } else { &m.date };
            text.replace("{headline}", &m.headline).replace("{outlet}", &m.outlet).replace("{date}", date)
        }
        None => text,
    };
    raw.into_iter()
        .filter_map(|s| {
            Some(SmallTalk {
                id: s.id?.into_inner(),
                patterns: inner(s.patterns),
                reply: Localized {
                    en: fill(s.reply?.into_inner(), false),
                    ru: fill(s.reply_ru?.into_inner(), true),
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
