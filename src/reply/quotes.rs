//! The quotes under an answer as a reader sees them. An entry may quote several pieces
//! of one sentence ("Governor Alexei Tsydanov released a statement Friday", "he said
//! that ..."); shown apart they read as two things the article said, so pieces of one
//! sentence become one quote, in the article's order, joined by an ellipsis.

use crate::knowledge::article::{Sentence, sentences};

/// The pieces quoted from one sentence: where each starts in the article, and its text.
type Pieces<'a> = Vec<(usize, &'a str)>;

/// What stands for the words left out between two pieces of one sentence.
const GAP: &str = " … ";

/// The quotes to show, pieces of one sentence joined; a quote the article doesn't
/// contain verbatim, or one that spans sentences, is shown as it is.
pub fn joined(article: &str, quotes: &[String]) -> Vec<String> {
    if quotes.len() < 2 {
        return quotes.to_vec();
    }
    let sentences = sentences(article);
    // Each sentence's pieces, in the order sentences are first quoted; `None` for a
    // quote shown as it is.
    let mut groups: Vec<(Option<usize>, Pieces)> = Vec::new();
    for quote in quotes {
        let found = article.find(quote.as_str()).map(|at| (at, sentence_of(&sentences, at, quote.len())));
        match found {
            Some((at, Some(s))) => match groups.iter_mut().find(|(g, _)| *g == Some(s)) {
                Some((_, pieces)) => pieces.push((at, quote)),
                None => groups.push((Some(s), vec![(at, quote)])),
            },
            _ => groups.push((None, vec![(0, quote)])),
        }
    }
    groups.into_iter().flat_map(|(_, pieces)| join_pieces(pieces)).collect()
}

/// The sentence holding the whole of `len` bytes at `at`, if one does.
fn sentence_of(sentences: &[Sentence], at: usize, len: usize) -> Option<usize> {
    sentences.iter().position(|s| s.range.start <= at && at + len <= s.range.end)
}

/// One sentence's pieces in the article's order; a piece inside another is dropped,
/// and pieces that overlap stay apart rather than repeat words.
fn join_pieces(mut pieces: Pieces) -> Vec<String> {
    pieces.sort_by_key(|&(at, text)| (at, std::cmp::Reverse(text.len())));
    let mut out: Vec<(usize, String)> = Vec::new();
    for (at, text) in pieces {
        let end = at + text.len();
        match out.last_mut() {
            Some((last_end, _)) if end <= *last_end => {}
            Some((last_end, joined)) if at >= *last_end => {
                joined.push_str(GAP);
                joined.push_str(text);
                *last_end = end;
            }
            _ => out.push((end, text.to_string())),
        }
    }
    out.into_iter().map(|(_, text)| text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Headline here\n\nGovernor Tsydanov released a statement Friday conceding some \
        men were drafted, but he said that exempt men would not be mobilized. Another sentence follows.\n";

    fn quotes(list: &[&str]) -> Vec<String> {
        list.iter().map(|q| q.to_string()).collect()
    }

    #[test]
    fn pieces_of_one_sentence_read_as_one_quote_in_article_order() {
        let shown = joined(
            ARTICLE,
            &quotes(&["he said that exempt men", "Governor Tsydanov released a statement Friday"]),
        );
        assert_eq!(shown, ["Governor Tsydanov released a statement Friday … he said that exempt men"]);
    }

    #[test]
    fn quotes_of_different_sentences_stay_apart_and_in_order() {
        let list = quotes(&["Another sentence follows.", "Headline here", "he said that"]);
        assert_eq!(joined(ARTICLE, &list), list);
    }

    #[test]
    fn a_piece_inside_another_is_not_shown_twice() {
        let list = quotes(&["a statement", "Governor Tsydanov released a statement Friday"]);
        assert_eq!(joined(ARTICLE, &list), ["Governor Tsydanov released a statement Friday"]);
    }

    #[test]
    fn overlapping_pieces_stay_apart_and_unknown_quotes_are_kept() {
        let list =
            quotes(&["Governor Tsydanov released", "released a statement Friday", "not in the article"]);
        assert_eq!(joined(ARTICLE, &list), list);
    }
}
