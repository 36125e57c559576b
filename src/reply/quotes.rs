//! The quotes under an answer as a reader sees them. An entry may quote several pieces
//! of one sentence ("Governor Alexei Tsydanov released a statement Friday", "he said
//! that ..."); shown apart they read as two things the article said, so pieces of one
//! sentence become one quote, in the article's order, joined by an ellipsis.

/// The pieces quoted from one sentence: where each starts in the article, and its text.
type Pieces<'a> = Vec<(usize, &'a str)>;

/// What stands for the words left out between two pieces of one sentence.
const GAP: &str = " … ";

/// The quotes to show, pieces of one sentence joined; a quote the article doesn't
/// contain verbatim is shown as it is. Sentences end where
/// [`crate::knowledge::article::sentences`] ends them; only the text between two
/// pieces is read, so a reply costs no pass over the whole article.
pub fn joined(article: &str, quotes: &[String]) -> Vec<String> {
    if quotes.len() < 2 {
        return quotes.to_vec();
    }
    // Each sentence's pieces, in the order sentences are first quoted.
    let mut groups: Vec<Pieces> = Vec::new();
    for quote in quotes {
        let Some(at) = article.find(quote.as_str()) else {
            groups.push(vec![(usize::MAX, quote)]);
            continue;
        };
        let piece = (at, quote.as_str());
        let same = |g: &&mut Pieces| g.iter().any(|&other| one_sentence(article, other, piece));
        match groups.iter_mut().find(same) {
            Some(group) => group.push(piece),
            None => groups.push(vec![piece]),
        }
    }
    groups.into_iter().flat_map(join_pieces).collect()
}

/// Whether two pieces found in the article are cut from the same sentence: they
/// overlap, or nothing between them ends a sentence (a line break, or `.`, `!` or `?`
/// before a space and a capital or an opening quote mark).
fn one_sentence(article: &str, a: (usize, &str), b: (usize, &str)) -> bool {
    if a.0 == usize::MAX || b.0 == usize::MAX {
        return false;
    }
    let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    let first_end = first.0 + first.1.len();
    if second.0 <= first_end {
        return true;
    }
    let between = &article[first_end..second.0];
    if between.contains('\n') {
        return false;
    }
    // The first piece's last character may be the full stop itself.
    let last = first.1.chars().last().map(String::from).unwrap_or_default();
    let text: Vec<char> = last.chars().chain(between.chars()).chain(second.1.chars().take(1)).collect();
    !text.windows(3).any(|w| {
        matches!(w[0], '.' | '!' | '?')
            && w[1].is_whitespace()
            && (w[2].is_uppercase() || matches!(w[2], '“' | '"'))
    })
}

/// One sentence's pieces in the article's order; a piece inside another is dropped,
/// and pieces that overlap stay apart rather than repeat words.
fn join_pieces(mut pieces: Pieces) -> Vec<String> {
    if let [(_, only)] = pieces[..] {
        return vec![only.to_string()];
    }
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
    fn a_piece_ending_a_sentence_stays_apart_from_the_next_sentence() {
        let list = quotes(&["exempt men would not be mobilized.", "Another sentence"]);
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

    #[test]
    fn sentences_end_where_the_article_reader_ends_them() {
        let article = include_str!("../../knowledge/article.txt");
        let sentences = crate::knowledge::article::sentences(article);
        let piece = |range: std::ops::Range<usize>| (range.start, &article[range]);
        for pair in sentences.windows(2) {
            let (a, b) = (&pair[0].range, &pair[1].range);
            // One character at each end of a sentence, whatever its width.
            let first = article[a.clone()].chars().next().map_or(1, char::len_utf8);
            let last = article[a.clone()].chars().last().map_or(1, char::len_utf8);
            let next = article[b.clone()].chars().next().map_or(1, char::len_utf8);
            let (head, tail) = (a.start..a.start + first, a.end - last..a.end);
            assert!(one_sentence(article, piece(head.clone()), piece(tail.clone())), "{:?}", pair[0].text);
            assert!(
                !one_sentence(article, piece(tail), piece(b.start..b.start + next)),
                "{:?}",
                pair[1].text
            );
        }
    }
}
