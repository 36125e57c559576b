//! The claims a text makes that a reader can check: numbers, dates and named things.
//!
//! [`claims`] reads them out of an answer or a note; a [`Backing`] holds those of the
//! texts that may back it (the item's quotes, the story's metadata); `backs` says
//! whether one claim is among them. Both sides are read the same way, so the match is
//! across languages and formats: "300 000" = "300,000", "22 сентября" = "Sept. 22",
//! "Финляндией" = "Finnish" = "Finland" (through the lexicon's entities).
//!
//! Entities are the lexicon's names, found anywhere, and English words written with a
//! capital where a sentence does not start. A capitalised Russian word the lexicon does
//! not know is reported apart: it must be added to the lexicon with its English name,
//! which is how the check stays complete for Russian.

mod dates;
mod numbers;

use std::collections::HashSet;
use std::ops::Range;

pub use dates::Date;
use numbers::Amount;

use super::names::{Names, Stemmers, Token};

/// One checkable claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Claim {
    /// A number written plainly: "300000".
    Number(String),
    /// Scales with no count: [100, 1000] is "hundreds of thousands".
    Quantity(Vec<u64>),
    Date(Date),
    /// A member of the lexicon's entities.
    Entity(usize),
    /// Capitalised English words the lexicon doesn't know, one name ("Lunar City"),
    /// by their stems.
    Name(Vec<String>),
}

/// A claim and the bytes of the text that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub claim: Claim,
    pub range: Range<usize>,
}

/// What a text claims.
#[derive(Debug, Default)]
pub struct Claims {
    pub found: Vec<Found>,
    /// Capitalised Russian words, not opening a sentence, that the lexicon doesn't know.
    pub unknown: Vec<Range<usize>>,
}

/// Every claim of `text`.
pub fn claims(text: &str, names: &Names) -> Claims {
    let tokens = names.tokens(text);
    let mut taken = vec![false; tokens.len()];
    let bytes = |r: Range<usize>| tokens[r.start].range.start..tokens[r.end - 1].range.end;
    let mut out = Claims::default();
    for (r, date) in dates::dates(&tokens, &mut taken) {
        out.found.push(Found { claim: Claim::Date(date), range: bytes(r) });
    }
    for (r, amount) in numbers::amounts(&tokens, &mut taken) {
        let claim = match amount {
            Amount::Exact(n) => Claim::Number(n),
            Amount::Vague(scales) => Claim::Quantity(scales),
        };
        out.found.push(Found { claim, range: bytes(r) });
    }
    for (r, member) in names.find(&tokens, &mut taken) {
        out.found.push(Found { claim: Claim::Entity(member), range: bytes(r) });
    }
    let mut run: Vec<&Token> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let named = !taken[i] && t.capital && !t.initial;
        if named && t.cyrillic {
            out.unknown.push(t.range.clone());
        }
        let latin = named && !t.cyrillic && t.lower.chars().count() > 1;
        // One name runs over words with nothing but spaces between them.
        let joined = run.last().is_some_and(|last| text[last.range.end..t.range.start].trim().is_empty());
        if !(latin && joined) {
            out.found.extend(name(&run));
            run.clear();
        }
        if latin {
            run.push(t);
        }
    }
    out.found.extend(name(&run));
    out.found.sort_by_key(|f| f.range.start);
    out
}

/// The exact figures `text` states (dates aside: "Sept. 22" is no figure), with the
/// bytes that state them; for reading a question's numbers the way quotes are read.
pub fn figures(text: &str, stemmers: &Stemmers) -> Vec<Found> {
    let tokens = stemmers.tokens(text);
    let mut taken = vec![false; tokens.len()];
    let bytes = |r: Range<usize>| tokens[r.start].range.start..tokens[r.end - 1].range.end;
    dates::dates(&tokens, &mut taken);
    numbers::amounts(&tokens, &mut taken)
        .into_iter()
        .filter_map(|(r, amount)| match amount {
            Amount::Exact(n) => Some(Found { claim: Claim::Number(n), range: bytes(r) }),
            Amount::Vague(_) => None,
        })
        .collect()
}

/// The dates `text` states, read as quotes are read: for a question's dates.
pub fn dates_in(text: &str, stemmers: &Stemmers) -> Vec<Date> {
    let tokens = stemmers.tokens(text);
    let mut taken = vec![false; tokens.len()];
    dates::dates(&tokens, &mut taken).into_iter().map(|(_, date)| date).collect()
}

/// Whether a word (lowercase) may be part of a figure that has no digits in it
/// ("тысяч", "million"): with [`figures`], to read a text's numbers only when it may
/// have some.
pub fn is_scale_word(lower: &str) -> bool {
    numbers::is_scale(lower)
}

fn name(run: &[&Token]) -> Option<Found> {
    let (first, last) = (run.first()?, run.last()?);
    let stems = run.iter().map(|t| t.stem.clone()).collect();
    Some(Found { claim: Claim::Name(stems), range: first.range.start..last.range.end })
}

/// The claims some texts make, to check other claims against.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Backing {
    claims: HashSet<Claim>,
    dates: Vec<Date>,
    /// Each text's stems, for names the lexicon doesn't know.
    texts: Vec<Vec<String>>,
}

impl Backing {
    pub fn add_text(&mut self, text: &str, names: &Names) {
        for found in claims(text, names).found {
            match found.claim {
                Claim::Date(date) => self.add_date(date),
                claim => {
                    self.claims.insert(claim);
                }
            }
        }
        self.texts.push(names.tokens(text).into_iter().map(|t| t.stem).collect());
    }

    pub fn add_date(&mut self, date: Date) {
        self.dates.push(date);
    }

    /// Whether these texts state `claim` too.
    pub fn backs(&self, claim: &Claim) -> bool {
        match claim {
            Claim::Date(date) => self.dates.iter().any(|d| date.within(d)),
            // A year or a day is a number too: "2022" is backed by "Sept. 22, 2022".
            Claim::Number(n) => {
                self.claims.contains(claim)
                    || self.dates.iter().any(|d| {
                        d.year.map(|y| y.to_string()).as_deref() == Some(n)
                            || d.day.map(|y| y.to_string()).as_deref() == Some(n)
                    })
            }
            Claim::Name(stems) => self.texts.iter().any(|text| text.windows(stems.len()).any(|w| w == stems)),
            _ => self.claims.contains(claim),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Lexicon;

    fn names() -> Names {
        let known: &[&[&str]] = &[
            &["Finland", "Finnish", "Финляндия", "финский"],
            &["Belarus", "Беларусь", "белорусский"],
            &["Associated Press", "AP"],
        ];
        Names::new(&Lexicon {
            known: known.iter().map(|m| m.iter().map(|n| n.to_string()).collect()).collect(),
            ..Lexicon::default()
        })
    }

    fn backing(texts: &[&str], names: &Names) -> Backing {
        let mut backing = Backing::default();
        texts.iter().for_each(|t| backing.add_text(t, names));
        backing
    }

    /// The claims of `text` that `sources` don't back, as written.
    fn unbacked<'t>(text: &'t str, sources: &[&str]) -> Vec<&'t str> {
        let names = names();
        let backing = backing(sources, &names);
        claims(text, &names)
            .found
            .into_iter()
            .filter(|f| !backing.backs(&f.claim))
            .map(|f| &text[f.range])
            .collect()
    }

    #[test]
    fn a_figure_the_quotes_lack_is_unbacked() {
        let quote = "Putin said as many as 300,000 could be called up for service.";
        assert!(unbacked("До 300 000 человек могут призвать.", &[quote]).is_empty());
        assert_eq!(unbacked("До 500 000 человек могут призвать.", &[quote]), ["500 000"]);
        assert_eq!(unbacked("As many as 300,000, in seven days.", &[quote]), ["seven"]);
    }

    #[test]
    fn entities_match_across_languages_and_forms() {
        let quote = "Lines of cars backed up at the Russian border with Finland, AP reports.";
        assert!(unbacked("Очереди на границе с Финляндией, сообщает Associated Press.", &[quote]).is_empty());
        assert!(unbacked("Cars lined up at the Finnish border.", &[quote]).is_empty());
        assert_eq!(
            unbacked("Cars lined up at the Finnish and Belarusian border, per Reuters.", &[quote]),
            ["Belarusian", "Reuters"]
        );
        assert_eq!(unbacked("На белорусской границе тоже.", &[quote]), ["белорусской"]);
    }

    #[test]
    fn an_unknown_name_is_its_whole_run_of_capitalised_words() {
        let quote = "The Lunar Town council opened a library, per the Moon Gazette.";
        assert!(unbacked("It was the Lunar Town council.", &[quote]).is_empty());
        assert_eq!(
            unbacked("It was the Lunar City council, per the Moon Gazette.", &[quote]),
            ["Lunar City"]
        );
        assert_eq!(
            unbacked("In Lunar, Town folk.", &[quote]),
            Vec::<&str>::new(),
            "Lunar and Town each appear"
        );
    }

    #[test]
    fn a_question_s_figures_are_read_like_a_quote_s() {
        let stemmers = Stemmers::default();
        let text = "so only 30 тысяч, on Sept. 22? not 3m?";
        let found: Vec<_> = figures(text, &stemmers).into_iter().map(|f| (f.claim, &text[f.range])).collect();
        assert_eq!(
            found,
            [(Claim::Number("30000".into()), "30 тысяч"), (Claim::Number("3000000".into()), "3m")]
        );
    }

    #[test]
    fn dates_match_across_languages() {
        let quote = "in Lappeenranta, Finland, on Sept. 22.";
        assert!(unbacked("Снимок сделан 22 сентября.", &[quote]).is_empty());
        assert_eq!(unbacked("Снимок сделан 23 сентября.", &[quote]), ["23 сентября"]);
        assert_eq!(unbacked("It was taken on Friday.", &[quote]), ["Friday"]);
    }

    #[test]
    fn unknown_capitalised_words_are_names_and_russian_ones_are_reported() {
        let names = names();
        let found = claims("The article doesn't mention NATO. Песков и НАТО молчат.", &names);
        let shown: Vec<_> = found.found.iter().map(|f| f.claim.clone()).collect();
        assert_eq!(shown, [Claim::Name(vec!["nato".into()])]);
        let text = "Песков и НАТО молчат.";
        let unknown = claims(text, &names).unknown;
        assert_eq!(
            unknown.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["НАТО"],
            "Песков opens the sentence"
        );
    }
}
