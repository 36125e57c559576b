//! The faithfulness checks `load` runs once everything parsed: every number, date and
//! named thing an answer or a gap note states is in one of the item's quotes or in the
//! story's metadata ([`super::claims`]), and every entry's `source` credits exactly the
//! reporters of its quoted sentences ([`super::attribution`]).
//!
//! A gap note may name what the article never mentions (that is what it declines:
//! "the article doesn't mention NATO"), but not a figure or a date the article lacks;
//! whatever the article does report, the note must back with the gap's quotes.

use std::collections::HashSet;
use std::ops::Range;

use super::attribution::{Attribution, Credits};
use super::claims::{Backing, Claim, Date, claims};
use super::items::{FieldSpans, Item};
use super::model::{Entry, Gap, Lexicon, StoryMeta};
use super::names::Names;
use super::problems::{Problems, SourceFile};

/// How much of a quote a message shows.
const QUOTE_SHOWN: usize = 48;

pub struct Faithful<'a> {
    names: Names,
    metadata: Backing,
    article: Backing,
    attribution: Attribution<'a>,
    outlet: &'a str,
}

/// One checked string: whose, which field, its text and where it is written.
struct Field<'t> {
    id: &'t str,
    name: &'static str,
    text: &'t str,
    span: Range<usize>,
}

impl<'a> Faithful<'a> {
    pub fn new(meta: &'a StoryMeta, article: &'a str, lexicon: &Lexicon) -> Faithful<'a> {
        let names = Names::new(lexicon);
        let mut metadata = Backing::default();
        let texts = [&meta.headline, &meta.outlet, &meta.url].into_iter().chain(&meta.photo_credit);
        for text in texts.chain(&meta.cited.en).chain(&meta.cited.ru) {
            metadata.add_text(text, &names);
        }
        let mut date = meta.date_iso.split('-').map(|p| p.parse::<u16>().unwrap_or(0));
        if let (Some(y), Some(m), Some(d)) = (date.next(), date.next(), date.next()) {
            metadata.add_date(Date::calendar(y, m as u8, d as u8));
        }
        let mut whole = Backing::default();
        whole.add_text(article, &names);
        let attribution = Attribution::new(article, &meta.outlet, &names);
        Faithful { names, metadata, article: whole, attribution, outlet: &meta.outlet }
    }

    fn backing(&self, quotes: &[String]) -> Backing {
        let mut backing = self.metadata.clone();
        quotes.iter().for_each(|q| backing.add_text(q, &self.names));
        backing
    }

    pub fn entries(&self, entries: &[Item<Entry>], file: Option<&SourceFile>, problems: &mut Problems) {
        let Some(file) = file else { return };
        for Item { item: e, spans, .. } in entries {
            let backing = self.backing(&e.quotes);
            for field in fields(&e.id, spans, [("answer", &e.answer.en), ("answer_ru", &e.answer.ru)]) {
                self.claims(&field, &backing, None, file, problems);
            }
            for field in fields(&e.id, spans, [("source", &e.source.en), ("source_ru", &e.source.ru)]) {
                self.source(e, &field, file, problems);
            }
        }
    }

    pub fn gaps(&self, gaps: &[Item<Gap>], file: Option<&SourceFile>, problems: &mut Problems) {
        let Some(file) = file else { return };
        for Item { item: g, spans, .. } in gaps {
            let backing = self.backing(&g.quotes);
            // What the gap's questions name: a note may say the article never mentions
            // these, but naming anything else would tell the asker something the
            // article doesn't ("Who is the defense minister?" → "… doesn't mention
            // Sergei Shoigu").
            let asked: Vec<Claim> = (g.questions.en.iter().chain(&g.questions.ru))
                .flat_map(|q| claims(q, &self.names).found)
                .map(|f| f.claim)
                .collect();
            for field in fields(&g.id, spans, [("note", &g.note.en), ("note_ru", &g.note.ru)]) {
                self.claims(&field, &backing, Some(&asked), file, problems);
            }
        }
    }

    fn claims(
        &self,
        field: &Field,
        backing: &Backing,
        asked: Option<&[Claim]>,
        file: &SourceFile,
        problems: &mut Problems,
    ) {
        let Field { id, name, text, .. } = field;
        let found = claims(text, &self.names);
        let gap = asked.is_some();
        let mut reported: HashSet<&Claim> = HashSet::new();
        for f in &found.found {
            let in_article = self.article.backs(&f.claim);
            // A note may name what the article never mentions when the gap's questions
            // ask about it (that is what it declines), but never a figure or a date the
            // article doesn't give.
            let named = matches!(f.claim, Claim::Entity(_) | Claim::Name(_));
            let declined = !in_article && named && asked.is_some_and(|a| a.contains(&f.claim));
            if backing.backs(&f.claim) || declined || !reported.insert(&f.claim) {
                continue;
            }
            let said = &text[f.range.clone()];
            let message = match (gap, in_article) {
                (false, _) => format!(
                    "`{name}` of {id:?} states {said:?}, which none of its quotes has; add a quote that backs it or drop it"
                ),
                (true, true) => format!(
                    "`{name}` of {id:?} states {said:?}, which the article reports but none of the gap's quotes has; add the article's words that back it to `quotes`, or drop it"
                ),
                (true, false) if named => format!(
                    "`{name}` of {id:?} names {said:?}, which neither the article nor the gap's questions name; a note may say the article never mentions what its questions ask about, but naming anything else tells the asker what the article doesn't: drop it, or add a question that asks about it"
                ),
                (true, false) => format!(
                    "`{name}` of {id:?} states {said:?}, which the article doesn't give; a note may name what the article never mentions, but not a figure or a date it lacks: drop it"
                ),
            };
            problems.at(file, at(file, &field.span, said), message);
        }
        let mut unknown: HashSet<&str> = HashSet::new();
        for range in &found.unknown {
            let word = &text[range.clone()];
            if unknown.insert(word) {
                let message = format!(
                    "`{name}` of {id:?} names {word:?}, which the lexicon doesn't know; add it to [entities] in lexicon.toml with its English name (`known = [[\"English name\", {word:?}]]`, or into its group) so it can be checked against the quotes"
                );
                problems.at(file, at(file, &field.span, word), message);
            }
        }
    }

    fn source(&self, entry: &Entry, field: &Field, file: &SourceFile, problems: &mut Problems) {
        let mut expected = Credits::new();
        let (mut reporters, mut by): (Vec<&str>, Vec<String>) = (Vec::new(), Vec::new());
        for quote in &entry.quotes {
            for reporter in self.attribution.of_quote(quote) {
                expected.extend(reporter.credits.clone());
                if !reporters.contains(&reporter.phrase.as_str()) {
                    reporters.push(&reporter.phrase);
                }
                by.push(format!("“{}” is {}'s", shorten(quote), reporter.phrase));
            }
        }
        let credited = self.attribution.credited(field.text, &self.names);
        if expected.is_empty() || credited.keys().eq(expected.keys()) {
            return;
        }
        let message = format!(
            "`{}` of {:?} is {:?}, but the article credits its quotes to {} ({}); name exactly those (a sentence the article credits to no one is {}'s own)",
            field.name,
            field.id,
            field.text,
            list(reporters),
            by.join("; "),
            self.outlet
        );
        problems.at(file, field.span.clone(), message);
    }
}

fn fields<'t, const N: usize>(
    id: &'t str,
    spans: &FieldSpans,
    texts: [(&'static str, &'t String); N],
) -> impl Iterator<Item = Field<'t>> {
    let found: Vec<Field<'t>> = texts
        .into_iter()
        .filter_map(|(name, text)| Some(Field { id, name, text, span: spans.get(name)? }))
        .collect();
    found.into_iter()
}

/// Where `said` is written inside the string at `span` (its start when it can't tell).
fn at(file: &SourceFile, span: &Range<usize>, said: &str) -> Range<usize> {
    let offset =
        file.text.get(span.clone()).and_then(|s| s.find(said)).map_or(span.start, |i| span.start + i);
    offset..offset
}

fn shorten(quote: &str) -> String {
    if quote.chars().count() <= QUOTE_SHOWN {
        return quote.to_string();
    }
    let cut: String = quote.chars().take(QUOTE_SHOWN).collect();
    format!("{}…", cut.trim_end())
}

/// "A", "A and B", "A, B and C".
fn list(names: Vec<&str>) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}
