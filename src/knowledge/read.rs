//! Reads each file of a knowledge folder into raw records that remember where every
//! value was written, so validation can point at the exact line and column.

use std::path::Path;

use super::problems::{Problems, SourceFile};
use super::toml_reader::{Located, TableReader, parse};

pub struct RawStory {
    pub headline: Option<Located>,
    pub outlet: Option<Located>,
    pub date: Option<(u16, u8, u8)>,
    pub url: Option<Located>,
    pub section: Option<Located>,
    pub photo_credit: Option<Located>,
    pub article: Option<Located>,
    pub summary: Option<Located>,
    pub summary_ru: Option<Located>,
    pub cited: Vec<Located>,
    pub cited_ru: Vec<Located>,
    pub uncovered: Vec<Located>,
}

pub struct RawEntry {
    pub id: Option<Located>,
    pub topic: Option<Located>,
    pub kinds: Vec<Located>,
    pub questions: Vec<Located>,
    pub questions_ru: Vec<Located>,
    pub answer: Option<Located>,
    pub answer_ru: Option<Located>,
    pub source: Option<Located>,
    pub source_ru: Option<Located>,
    /// From `quote = "..."` or `quotes = [...]`, whichever the entry has.
    pub quotes: Vec<Located>,
    pub related: Vec<Located>,
    /// Entries this one is meant to be close to (settles an ambiguity warning).
    pub close_to: Vec<Located>,
}

pub struct RawGap {
    pub id: Option<Located>,
    pub questions: Vec<Located>,
    pub questions_ru: Vec<Located>,
    pub note: Option<Located>,
    pub note_ru: Option<Located>,
    pub quotes: Vec<Located>,
    pub related: Vec<Located>,
}

pub struct RawLexicon {
    pub synonyms_en: Vec<Vec<Located>>,
    pub synonyms_ru: Vec<Vec<Located>>,
    pub stopwords_en: Vec<Located>,
    pub stopwords_ru: Vec<Located>,
    /// Groups of members; each member is the names of one thing.
    pub entities: Vec<Vec<Vec<Located>>>,
    pub known: Vec<Vec<Located>>,
    pub contrasts: Vec<RawContrast>,
}

/// One `[[contrast]]` table, with where it was written.
pub struct RawContrast {
    pub word: Option<Located>,
    pub word_ru: Option<Located>,
    pub contradicts: Vec<Located>,
    pub span: std::ops::Range<usize>,
}

pub struct RawSmallTalk {
    pub id: Option<Located>,
    pub patterns: Vec<Located>,
    pub reply: Option<Located>,
    pub reply_ru: Option<Located>,
}

/// Reads a file into memory; a missing or unreadable file is a problem, not a panic.
pub fn source(dir: &Path, name: &str, problems: &mut Problems) -> Option<SourceFile> {
    let path = dir.join(name);
    match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(SourceFile::new(path, text)),
            Err(e) => {
                problems.file(
                    &path,
                    format!(
                        "not valid UTF-8 (first bad byte at offset {}); save the file as UTF-8",
                        e.utf8_error().valid_up_to()
                    ),
                );
                None
            }
        },
        Err(e) => {
            problems.file(
                &path,
                format!(
                    "cannot read {name}: {e}; every knowledge folder needs it (see docs/knowledge-format.md)"
                ),
            );
            None
        }
    }
}

pub fn story(file: &SourceFile, problems: &mut Problems) -> Option<RawStory> {
    let doc = parse(file, problems)?;
    let mut top = TableReader::new(file, &doc, 0..0, "story.toml");
    let (table, span) = top.table("story", problems)?;
    top.finish(problems);
    let mut t = TableReader::new(file, table, span, "[story]");
    let story = RawStory {
        headline: t.string("headline", problems),
        outlet: t.string("outlet", problems),
        date: t.date("date", problems),
        url: t.string("url", problems),
        section: t.optional_string("section", problems),
        photo_credit: t.optional_string("photo_credit", problems),
        article: t.string("article", problems),
        summary: t.string("summary", problems),
        summary_ru: t.string("summary_ru", problems),
        cited: t.strings("cited", problems),
        cited_ru: t.strings("cited_ru", problems),
        uncovered: t.optional_strings("uncovered", problems),
    };
    t.finish(problems);
    Some(story)
}

pub fn entries(file: &SourceFile, problems: &mut Problems) -> Vec<RawEntry> {
    let Some(doc) = parse(file, problems) else {
        return Vec::new();
    };
    let mut top = TableReader::new(file, &doc, 0..0, "entries.toml");
    let tables = top.tables("entry", problems);
    top.finish(problems);
    let mut out = Vec::new();
    for (n, (table, span)) in tables.into_iter().enumerate() {
        let mut t = TableReader::new(file, table, span.clone(), format!("entry #{}", n + 1));
        out.push(RawEntry {
            id: t.string("id", problems),
            topic: t.string("topic", problems),
            kinds: t.optional_strings("kinds", problems),
            questions: t.strings("questions", problems),
            questions_ru: t.strings("questions_ru", problems),
            answer: t.string("answer", problems),
            answer_ru: t.string("answer_ru", problems),
            source: t.string("source", problems),
            source_ru: t.string("source_ru", problems),
            quotes: entry_quotes(&mut t, problems),
            related: t.optional_strings("related", problems),
            close_to: t.optional_strings("close_to", problems),
        });
        t.finish(problems);
    }
    out
}

/// An entry's quotes: `quote = "..."` or `quotes = [...]`, exactly one of the two.
fn entry_quotes(t: &mut TableReader, problems: &mut Problems) -> Vec<Located> {
    let (single, plural) = (t.has("quote"), t.has("quotes"));
    let mut quotes: Vec<Located> = t.optional_string("quote", problems).into_iter().collect();
    quotes.extend(t.optional_strings("quotes", problems));
    if single && plural {
        let message =
            format!("{} has both `quote` and `quotes`; keep one (`quotes = [...]` holds several)", t.what());
        problems.at(t.file(), t.span_of("quotes"), message);
    } else if !single && !plural {
        let message = format!(
            "{} is missing its quote: add `quote = \"...\"` or `quotes = [\"...\", ...]`, verbatim from the article",
            t.what()
        );
        problems.at(t.file(), t.span(), message);
    } else if plural && quotes.is_empty() {
        problems.at(t.file(), t.span_of("quotes"), "`quotes` must list at least one quote");
    }
    quotes
}

/// A gap's optional quotes: what backs the facts its note states.
fn gap_quotes(t: &mut TableReader, problems: &mut Problems) -> Vec<Located> {
    let quotes = t.optional_strings("quotes", problems);
    if t.has("quotes") && quotes.is_empty() {
        problems.at(t.file(), t.span_of("quotes"), "`quotes` must list at least one quote, or be left out");
    }
    quotes
}

pub fn gaps(file: &SourceFile, problems: &mut Problems) -> Vec<RawGap> {
    let Some(doc) = parse(file, problems) else {
        return Vec::new();
    };
    let mut top = TableReader::new(file, &doc, 0..0, "gaps.toml");
    let tables = top.tables("gap", problems);
    top.finish(problems);
    let mut out = Vec::new();
    for (n, (table, span)) in tables.into_iter().enumerate() {
        let mut t = TableReader::new(file, table, span.clone(), format!("gap #{}", n + 1));
        out.push(RawGap {
            id: t.string("id", problems),
            questions: t.strings("questions", problems),
            questions_ru: t.optional_strings("questions_ru", problems),
            note: t.string("note", problems),
            note_ru: t.string("note_ru", problems),
            quotes: gap_quotes(&mut t, problems),
            related: t.optional_strings("related", problems),
        });
        t.finish(problems);
    }
    out
}

pub fn lexicon(file: &SourceFile, problems: &mut Problems) -> Option<RawLexicon> {
    let doc = parse(file, problems)?;
    let mut top = TableReader::new(file, &doc, 0..0, "lexicon.toml");
    let synonyms = top.table("synonyms", problems);
    let stopwords = top.table("stopwords", problems);
    let entities = top.optional_table("entities", problems);
    let contrasts = top.tables("contrast", problems);
    top.finish(problems);
    let mut lexicon = RawLexicon {
        synonyms_en: vec![],
        synonyms_ru: vec![],
        stopwords_en: vec![],
        stopwords_ru: vec![],
        entities: vec![],
        known: vec![],
        contrasts: vec![],
    };
    if let Some((table, span)) = synonyms {
        let mut t = TableReader::new(file, table, span, "[synonyms]");
        lexicon.synonyms_en = t.string_groups("en", problems);
        lexicon.synonyms_ru = t.string_groups("ru", problems);
        t.finish(problems);
    }
    if let Some((table, span)) = stopwords {
        let mut t = TableReader::new(file, table, span, "[stopwords]");
        lexicon.stopwords_en = t.optional_strings("en", problems);
        lexicon.stopwords_ru = t.optional_strings("ru", problems);
        t.finish(problems);
    }
    if let Some((table, span)) = entities {
        let mut t = TableReader::new(file, table, span, "[entities]");
        lexicon.entities = t.member_groups("groups", problems);
        lexicon.known = t.members("known", problems);
        t.finish(problems);
    }
    for (n, (table, span)) in contrasts.into_iter().enumerate() {
        let mut t = TableReader::new(file, table, span.clone(), format!("contrast #{}", n + 1));
        lexicon.contrasts.push(RawContrast {
            word: t.string("word", problems),
            word_ru: t.string("word_ru", problems),
            contradicts: t.strings("contradicts", problems),
            span,
        });
        t.finish(problems);
    }
    Some(lexicon)
}

pub fn smalltalk(file: &SourceFile, problems: &mut Problems) -> Vec<RawSmallTalk> {
    let Some(doc) = parse(file, problems) else {
        return Vec::new();
    };
    let mut top = TableReader::new(file, &doc, 0..0, "smalltalk.toml");
    let tables = top.tables("smalltalk", problems);
    top.finish(problems);
    let mut out = Vec::new();
    for (n, (table, span)) in tables.into_iter().enumerate() {
        let mut t = TableReader::new(file, table, span, format!("smalltalk #{}", n + 1));
        out.push(RawSmallTalk {
            id: t.string("id", problems),
            patterns: t.strings("patterns", problems),
            reply: t.string("reply", problems),
            reply_ru: t.string("reply_ru", problems),
        });
        t.finish(problems);
    }
    out
}
