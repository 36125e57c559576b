//! Who reported each sentence of the article, read from the article itself, and who
//! an entry's `source` credits: the two must agree.
//!
//! A sentence credits whoever it names in "X reports" / "X reported", "per X" or
//! "according to X"; a photo caption followed by "Photo: X" is X's; a sentence with
//! none is the outlet's own (`outlet` in story.toml). A `source` string credits the
//! reporters it names (aliases through the lexicon: AP = the Associated Press), after
//! dropping a trailing "via <outlet>" / "через <outlet>"; names that report nothing in
//! this article ("Governor X's statement", "the White House") are the outlet's own
//! reporting, and a source that names no reporter credits the outlet.

use std::collections::BTreeMap;

use super::article::{Sentence, sentences, sentences_of};
use super::names::Names;

/// A reporter's name: a lexicon member, or a capitalised word the lexicon doesn't know.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Credit {
    Entity(usize),
    Word(String),
}

/// Credits and how the text wrote them.
pub type Credits = BTreeMap<Credit, String>;

/// Where a clause ends, around "X reports" and "per X".
const CLAUSE_MARKS: [char; 8] = [',', ';', ':', '—', '–', '(', ')', '.'];
/// Words that bring in the credit line of a photo.
const PHOTO_CREDIT: [&str; 4] = ["Photo:", "Photo by", "Фото:", "Photos:"];
/// Words after which the outlet is only the channel: "AP, via Axios".
const VIA: [&str; 2] = [" via ", " через "];

/// One sentence's reporter.
#[derive(Debug, Clone, PartialEq)]
pub struct Reporter {
    pub credits: Credits,
    /// As the article words it ("the Associated Press"), or the outlet.
    pub phrase: String,
}

/// The article's sentences and their reporters.
pub struct Attribution<'a> {
    article: &'a str,
    sentences: Vec<Sentence<'a>>,
    reporters: Vec<Reporter>,
    outlet: Reporter,
    /// Every credit some sentence has.
    known: Credits,
}

/// The names in `text`: lexicon entities wherever they are, and capitalised words.
pub fn credits_in(text: &str, names: &Names) -> Credits {
    let tokens = names.tokens(text);
    let mut taken = vec![false; tokens.len()];
    let mut out = Credits::new();
    for (r, member) in names.find(&tokens, &mut taken) {
        let written = &text[tokens[r.start].range.start..tokens[r.end - 1].range.end];
        out.entry(Credit::Entity(member)).or_insert_with(|| written.to_string());
    }
    for (t, _) in tokens.iter().zip(&taken).filter(|(t, taken)| !**taken && t.capital) {
        out.entry(Credit::Word(t.stem.clone())).or_insert_with(|| text[t.range.clone()].to_string());
    }
    out
}

/// The reporter a sentence names, if it names one.
fn named_reporter(text: &str, names: &Names) -> Option<Reporter> {
    for mark in PHOTO_CREDIT {
        if let Some(rest) = text.strip_prefix(mark) {
            let credits = credits_in(rest, names);
            return (!credits.is_empty()).then(|| Reporter { credits, phrase: rest.trim().to_string() });
        }
    }
    let tokens = names.tokens(text);
    let mut credits = Credits::new();
    let mut phrases = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).map(|n| n.lower.as_str());
        let phrase = match t.lower.as_str() {
            "reports" | "reported" if next != Some("of") => {
                let head = &text[..t.range.start];
                &head[head.rfind(CLAUSE_MARKS).map_or(0, |at| at + 1)..]
            }
            "per" => clause_after(&text[t.range.end..]),
            "according" if next == Some("to") => clause_after(&text[tokens[i + 1].range.end..]),
            _ => continue,
        };
        let found = credits_in(phrase, names);
        if !found.is_empty() {
            credits.extend(found);
            phrases.push(phrase.trim().to_string());
        }
    }
    (!credits.is_empty()).then(|| Reporter { credits, phrase: phrases.join(" and ") })
}

/// At most this many words before the colon make a label ("The big picture:"); a
/// longer opening is a sentence's own words.
const LABEL_WORDS: usize = 4;

/// Whether `quote` is a label: a few words and a colon, opening a line of the article.
fn is_label(article: &str, quote: &str) -> bool {
    let Some(words) = quote.trim().strip_suffix(':') else { return false };
    let opens_a_line = article.lines().any(|line| line.trim_start().starts_with(quote.trim()));
    opens_a_line && words.split_whitespace().count() <= LABEL_WORDS
}

fn clause_after(tail: &str) -> &str {
    &tail[..tail.find(CLAUSE_MARKS).unwrap_or(tail.len())]
}

impl<'a> Attribution<'a> {
    pub fn new(article: &'a str, outlet: &str, names: &Names) -> Attribution<'a> {
        let outlet = Reporter { credits: credits_in(outlet, names), phrase: outlet.to_string() };
        let sentences = sentences(article);
        let mut named: Vec<Option<Reporter>> =
            sentences.iter().map(|s| named_reporter(s.text, names)).collect();
        // A caption is the photo's: the sentences before "Photo: X" on its line.
        for (i, s) in sentences.iter().enumerate() {
            if PHOTO_CREDIT.iter().any(|m| s.text.starts_with(m))
                && let Some(credit) = named[i].clone()
            {
                for j in (0..i).rev().take_while(|&j| sentences[j].line == s.line) {
                    named[j].get_or_insert_with(|| credit.clone());
                }
            }
        }
        let reporters: Vec<Reporter> =
            named.into_iter().map(|r| r.unwrap_or_else(|| outlet.clone())).collect();
        let mut known = outlet.credits.clone();
        reporters.iter().for_each(|r| known.extend(r.credits.clone()));
        Attribution { article, sentences, reporters, outlet, known }
    }

    /// The reporters of the sentences a quote comes from. A label that opens a line
    /// ("Driving the news:") is the outlet's layout, not the reporting the sentence
    /// after it credits.
    pub fn of_quote(&self, quote: &str) -> Vec<&Reporter> {
        if is_label(self.article, quote) {
            return vec![&self.outlet];
        }
        sentences_of(&self.sentences, self.article, quote).into_iter().map(|i| &self.reporters[i]).collect()
    }

    /// Who a `source` string credits.
    pub fn credited(&self, source: &str, names: &Names) -> Credits {
        let mut text = source.trim();
        for via in VIA {
            if let Some(at) = text.rfind(via) {
                let keys = |c: &Credits| c.keys().cloned().collect::<Vec<_>>();
                if keys(&credits_in(&text[at + via.len()..], names)) == keys(&self.outlet.credits) {
                    text = text[..at].trim_end().trim_end_matches(',');
                }
            }
        }
        let found: Credits =
            credits_in(text, names).into_iter().filter(|(c, _)| self.known.contains_key(c)).collect();
        if found.is_empty() { self.outlet.credits.clone() } else { found }
    }

    /// Each sentence with its reporter: how `check` reads the article.
    pub fn sentences(&self) -> impl Iterator<Item = (&str, &Reporter)> {
        self.sentences.iter().map(|s| s.text).zip(&self.reporters)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Lexicon;

    const ARTICLE: &str = "Headline here\n\nCars at the border, on Sept. 22. Photo: Jane Roe/Agency\n\n\
        Men have fled, the Associated Press reports.\n\
          • The cost of airfare swelled too.\n\
          • Some fled to Belarus, per AP.\n\
        Analysts doubt it, Axios’ Dave Lawler reports.\n\
        Governor Ivan Petrov released a statement Friday.\n\
        Men were drafted, according to Reuters.";

    fn names() -> Names {
        let known: &[&[&str]] =
            &[&["Associated Press", "AP"], &["Dave Lawler", "Лоулер"], &["Axios"], &["Ivan Petrov"]];
        Names::new(&Lexicon {
            known: known.iter().map(|m| m.iter().map(|n| n.to_string()).collect()).collect(),
            ..Lexicon::default()
        })
    }

    fn reporters(a: &Attribution) -> Vec<(String, String)> {
        a.sentences().map(|(s, r)| (s.to_string(), r.phrase.clone())).collect()
    }

    #[test]
    fn each_sentence_is_credited_from_its_own_words() {
        let names = names();
        let a = Attribution::new(ARTICLE, "Axios", &names);
        let found = reporters(&a);
        let by = |start: &str| found.iter().find(|(s, _)| s.starts_with(start)).unwrap().1.clone();
        assert_eq!(by("Headline"), "Axios");
        assert_eq!(by("Cars at"), "Jane Roe/Agency", "a caption is the photo's");
        assert_eq!(by("Men have fled"), "the Associated Press");
        assert_eq!(by("The cost"), "Axios", "no attribution: the outlet's own");
        assert_eq!(by("Some fled"), "AP");
        assert_eq!(by("Analysts"), "Axios’ Dave Lawler");
        assert_eq!(by("Governor"), "Axios");
        assert_eq!(by("Men were"), "Reuters");
    }

    #[test]
    fn a_source_credits_its_reporters_not_its_channel() {
        let names = names();
        let a = Attribution::new(ARTICLE, "Axios", &names);
        let of = |quote: &str| -> Credits {
            a.of_quote(quote).into_iter().flat_map(|r| r.credits.clone()).collect()
        };
        let same = |source: &str, quote: &str| a.credited(source, &names).keys().eq(of(quote).keys());
        assert!(same("the Associated Press (AP), via Axios", "Men have fled"));
        assert!(same("AP", "Some fled to Belarus"));
        assert!(same("Associated Press (AP), через Axios", "Men have fled"));
        assert!(!same("the Associated Press (AP), via Axios", "The cost of airfare"));
        assert!(same("Axios", "The cost of airfare"));
        assert!(same("Governor Ivan Petrov's statement, via Axios", "released a statement Friday"));
        assert!(same("Axios' Dave Lawler", "Analysts doubt it"));
        assert!(same("Дэйв Лоулер (Axios)", "Analysts doubt it"));
        assert!(!same("Axios", "Analysts doubt it"));
        assert!(!same("Reuters and Axios", "Men were drafted"));
        let both: Vec<Credit> =
            of("Men were drafted").into_keys().chain(of("The cost").into_keys()).collect();
        let mut both = both;
        both.sort();
        assert!(a.credited("Reuters and Axios", &names).into_keys().eq(both));
        assert!(same("Jane Roe/Agency", "Cars at the border"));
    }

    #[test]
    fn a_label_opening_a_line_is_the_outlets_own() {
        let names = names();
        let article = "Headline\n\nDriving the news: Men have fled, the Associated Press reports.";
        let a = Attribution::new(article, "Axios", &names);
        let phrases = |quote: &str| a.of_quote(quote).iter().map(|r| r.phrase.clone()).collect::<Vec<_>>();
        assert_eq!(phrases("Driving the news:"), ["Axios"]);
        assert_eq!(phrases("Men have fled"), ["the Associated Press"]);
        // The sentence's own words before a colon are no label.
        assert_eq!(phrases("Driving the news: Men have fled"), ["the Associated Press"]);
    }
}
