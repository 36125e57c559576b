//! The article as sentences: what quotes are cut from, what the coverage audit counts
//! and what attribution is worked out for. Each sentence keeps its byte range in the
//! article, so a quote (a substring) can be traced to the sentences it comes from.

use std::ops::Range;

/// One sentence (or bullet, or line such as a headline) of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    /// Which line of the article it is on: a photo caption and its credit share one.
    pub line: usize,
}

/// The article's sentences and bullets, trimmed, in order.
pub fn sentences(article: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (line_no, raw) in article.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += raw.len();
        let trimmed = raw.trim_start().trim_start_matches('•').trim_start();
        let start = line_start + (raw.len() - trimmed.len());
        let line = trimmed.trim_end();
        if line.is_empty() {
            continue;
        }
        let mut from = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (k, &(at, c)) in chars.iter().enumerate() {
            let next_is_start =
                chars.get(k + 2).is_some_and(|(_, n)| n.is_uppercase() || *n == '“' || *n == '"');
            let gap = chars.get(k + 1).is_some_and(|(_, n)| n.is_whitespace());
            if matches!(c, '.' | '!' | '?') && gap && next_is_start {
                push(&mut out, article, start + from..start + at + 1, line_no);
                from = at + 1;
            }
        }
        push(&mut out, article, start + from..start + line.len(), line_no);
    }
    out
}

fn push<'a>(out: &mut Vec<Sentence<'a>>, article: &'a str, range: Range<usize>, line: usize) {
    let text = &article[range.clone()];
    let lead = text.len() - text.trim_start().len();
    let text = text.trim();
    if !text.is_empty() {
        let start = range.start + lead;
        out.push(Sentence { text, range: start..start + text.len(), line });
    }
}

/// Whether `text` has `word` as a word of its own: "AP reports", not "APril" (case
/// counts; lowercase both sides to ignore it).
pub fn contains_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// The indexes of the sentences a quote is cut from (every occurrence of it).
pub fn sentences_of(sentences: &[Sentence], article: &str, quote: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (at, _) in article.match_indices(quote) {
        let span = at..at + quote.len();
        for (i, s) in sentences.iter().enumerate() {
            if s.range.start < span.end && span.start < s.range.end && !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_full_stops_but_not_abbreviations() {
        let text =
            "Cars at Nuijamaa, on Sept. 22. Photo: Lauri Heino/AFP\n\n  • A bullet, per AP.\nGo deeper";
        let found: Vec<&str> = sentences(text).iter().map(|s| s.text).collect();
        assert_eq!(
            found,
            ["Cars at Nuijamaa, on Sept. 22.", "Photo: Lauri Heino/AFP", "A bullet, per AP.", "Go deeper"]
        );
        for s in sentences(text) {
            assert_eq!(&text[s.range.clone()], s.text);
        }
        assert_eq!(sentences(text)[0].line, sentences(text)[1].line);
    }

    #[test]
    fn a_quote_is_traced_to_the_sentences_it_spans() {
        let text = "One thing, per AP. Another thing.\nA third.";
        let list = sentences(text);
        assert_eq!(sentences_of(&list, text, "Another"), [1]);
        assert_eq!(sentences_of(&list, text, "per AP. Another"), [0, 1]);
        assert!(sentences_of(&list, text, "absent").is_empty());
    }
}
