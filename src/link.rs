//! "Read it in the article": a link that opens the story at an answer's quote, and the
//! search a browser runs to follow it.
//!
//! The link is the story's URL plus a text fragment (`#:~:text=`, WICG URL Fragment
//! Text Directives), one `text=` directive per quote shown: a browser highlights them
//! all and scrolls to the first. A short quote is linked whole; a long one, or one that runs over
//! a paragraph break, as `start,end`: a few words from each end, grown until the
//! browser's first match is the quote's own. Every part is percent-encoded, `-`, `,`
//! and `&` included (they are the directive's syntax).
//!
//! Making a link is cheap (ASCII case folding over the raw article, on the answer's
//! path); [`find_fragment`] is the browser's own search (case- and accent-insensitive,
//! whitespace collapsed, list markers not part of the text, a lone start within one
//! block; [`browser`]), and `storybot check` uses it to prove that every link finds
//! its quote.

mod browser;

pub use browser::{BrokenLink, broken_links, find_fragment, find_fragments, quote_range};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Quotes of more words than this are linked as `start,end`: the URL stays short, and
/// a browser finds a long quote as reliably by its two ends.
pub const LONG_QUOTE_WORDS: usize = 10;
/// Words each end of a `start,end` link has at least; more are added until the
/// browser's first match is the quote's own.
const EDGE_WORDS: usize = 4;

/// What a text directive may carry unescaped: letters, digits and the few marks the
/// spec allows that no URL handler rewrites. Everything else is percent-encoded,
/// including `-`, `,` and `&`, which are the directive's own syntax.
const DIRECTIVE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'*')
    .remove(b'(')
    .remove(b')');

/// Marks that open a list item in the article text; a browser renders them as list
/// markers, not as text a fragment can match.
const LIST_MARKERS: [char; 5] = ['•', '◦', '▪', '‣', '·'];

/// The story's URL with a text fragment that highlights `quote` (verbatim from
/// `article`); `None` when the quote is not in the article.
pub fn to_quote(url: &str, article: &str, quote: &str) -> Option<String> {
    to_quotes(url, article, std::slice::from_ref(&quote))
}

/// The story's URL with a text fragment that highlights every one of `quotes` that
/// the article has (in order: the browser scrolls to the first); `None` when it has
/// none of them.
pub fn to_quotes(url: &str, article: &str, quotes: &[impl AsRef<str>]) -> Option<String> {
    let directives: Vec<String> = quotes.iter().filter_map(|q| text_directive(article, q.as_ref())).collect();
    with_directives(url, &directives)
}

/// The story's URL with a text fragment of `directives` ([`text_directive`]'s values);
/// `None` when there are none.
pub fn with_directives(url: &str, directives: &[String]) -> Option<String> {
    if directives.is_empty() {
        return None;
    }
    // Two entries shown together may quote the same words: one highlight is enough.
    let mut once: Vec<&str> = Vec::with_capacity(directives.len());
    for directive in directives {
        if !once.contains(&directive.as_str()) {
            once.push(directive);
        }
    }
    // A URL that already has a fragment keeps it: the directives follow it.
    let glue = if url.contains('#') { ":~:text=" } else { "#:~:text=" };
    Some(format!("{url}{glue}{}", once.join("&text=")))
}

/// The text directive's value for `quote`: `start` or `start,end`, percent-encoded.
pub fn text_directive(article: &str, quote: &str) -> Option<String> {
    let at = article.find(quote)?;
    // The quote's lines (paragraphs), each without its list marker.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for line in quote.split('\n') {
        let offset = line.as_ptr() as usize - quote.as_ptr() as usize;
        let text = strip_marker(line.trim_start());
        let lead = line.len() - text.len();
        let text = text.trim_end();
        if !text.is_empty() {
            lines.push((at + offset + lead, text));
        }
    }
    let (&(first_at, first), &(last_at, last)) = (lines.first()?, lines.last()?);
    let words: usize = lines.iter().map(|(_, l)| l.split_whitespace().count()).sum();
    if lines.len() == 1 && words <= LONG_QUOTE_WORDS {
        return Some(encode(&collapse(first)));
    }
    let first_words: Vec<&str> = first.split_whitespace().collect();
    let last_words: Vec<&str> = last.split_whitespace().collect();
    // One line: the two ends may not overlap. Several: each end stays in its line.
    let room = |n: usize| if lines.len() == 1 { n.saturating_sub(1).max(1) } else { n };
    let start = (EDGE_WORDS.min(first_words.len())..=room(first_words.len()))
        .map(|k| first_words[..k].join(" "))
        .find(|s| find_ascii_ci(article, s, 0) == Some(first_at))?;
    let quote_end = last_at + last.len();
    let after = first_at + start.len();
    let end = (EDGE_WORDS.min(last_words.len())..=room(last_words.len()))
        .map(|k| last_words[last_words.len() - k..].join(" "))
        .find(|e| find_ascii_ci(article, e, after).map(|i| i + e.len()) == Some(quote_end))?;
    Some(format!("{},{}", encode(&start), encode(&end)))
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, DIRECTIVE).to_string()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_marker(line: &str) -> &str {
    match line.strip_prefix(LIST_MARKERS) {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => line,
    }
}

/// The first occurrence of `needle` in `hay` at or after `from`, ASCII letters
/// compared without case, starting and ending at word boundaries.
fn find_ascii_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    // Only where the first byte agrees (in either case) can a match start: memchr
    // leaps to those, where comparing at every byte made links a third of a question.
    let (lower, upper) = (n[0].to_ascii_lowercase(), n[0].to_ascii_uppercase());
    let mut starts = memchr::memchr2_iter(lower, upper, h.get(from..=h.len() - n.len())?).map(|i| from + i);
    starts.find(|&i| {
        hay.is_char_boundary(i)
            && h[i..i + n.len()].eq_ignore_ascii_case(n)
            && !hay[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && !hay[i + n.len()..].chars().next().is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const ARTICLE: &str = "Headline about Putin’s order: the exodus signaled the end\n\n\
        Driving the news: The exodus signaled the unpopularity of the order, after Putin said as many as 300,000 could be called up for service.\n\n\
        \u{20}\u{20}• The cost of airfare out of Russia swelled too, with flights to countries where Russians don’t need visas for entry — Turkey, Serbia, Armenia and elsewhere — selling for a premium.\n\
        \u{20}\u{20}• Videos circulating on social media showed some men fighting back.\n\n\
        The exodus signaled the unpopularity once more.";

    fn found(quote: &str) -> String {
        let link = to_quote("https://example.com/story", ARTICLE, quote).expect("a link");
        let range = find_fragment(ARTICLE, &link).unwrap_or_else(|| panic!("{link} finds nothing"));
        assert_eq!(Some(range.clone()), quote_range(ARTICLE, quote), "{link}");
        link
    }

    #[test]
    fn a_quote_two_entries_share_is_highlighted_once() {
        let (a, b) =
            ("Videos circulating on social media", "The exodus signaled the unpopularity once more.");
        let link = to_quotes("https://example.com/story", ARTICLE, &[a, b, a]).expect("a link");
        assert_eq!(link.matches("&text=").count(), 1, "{link}");
    }

    #[test]
    fn a_short_quote_is_linked_whole_and_escaped() {
        let link = found("Putin said as many as 300,000 could be called up");
        assert!(link.starts_with("https://example.com/story#:~:text=Putin%20said"), "{link}");
        assert!(link.contains("300%2C000"), "a comma is syntax: {link}");
        assert!(!link[link.find('=').unwrap()..].contains(','), "{link}");
    }

    #[test]
    fn hyphens_ampersands_and_curly_quotes_are_escaped() {
        assert_eq!(encode("seven-month & a, b"), "seven%2Dmonth%20%26%20a%2C%20b");
        let link = found("Headline about Putin’s order");
        assert!(link.contains("Putin%E2%80%99s"), "the article's own apostrophe: {link}");
        let straight = "https://x#:~:text=Headline%20about%20Putin's%20order";
        assert_eq!(find_fragment(ARTICLE, straight), None, "a browser does not fold ’ into '");
    }

    #[test]
    fn a_long_quote_is_linked_by_its_two_ends() {
        let quote = "The exodus signaled the unpopularity of the order, after Putin said as many as 300,000 could be called up for service.";
        let link = found(quote);
        let directive = link.split("text=").nth(1).unwrap();
        assert_eq!(directive.split(',').count(), 2, "start,end: {link}");
        // "the exodus signaled the" comes first in the headline: the start grew until
        // its first match is the quote's.
        assert!(directive.starts_with("The%20exodus%20signaled%20the%20unpopularity,"), "{link}");
    }

    #[test]
    fn a_bullet_is_not_part_of_the_quote() {
        found("The cost of airfare out of Russia swelled too");
        found("• Videos circulating on social media showed some men fighting back.");
        let across = "for a premium.\n  • Videos circulating on social media";
        let link = found(across);
        assert!(!link.contains("%E2%80%A2"), "no bullet in the link: {link}");
    }

    #[test]
    fn several_quotes_are_one_directive_each_in_order() {
        let quotes =
            ["Videos circulating on social media", "Putin said as many as 300,000 could be called up"];
        let link = to_quotes("https://example.com/story", ARTICLE, &quotes).expect("a link");
        assert_eq!(link.matches("text=").count(), 2, "{link}");
        let found: Vec<_> =
            find_fragments(ARTICLE, &link).into_iter().map(|r| r.map(|r| &ARTICLE[r])).collect();
        assert_eq!(found, [Some(quotes[0]), Some(quotes[1])], "{link}");
        assert_eq!(
            find_fragment(ARTICLE, &link).map(|r| &ARTICLE[r]),
            Some(quotes[0]),
            "scrolls to the first"
        );
        let missing = ["not in the article", quotes[1]];
        let link = to_quotes("https://example.com/story", ARTICLE, &missing).expect("a link");
        assert_eq!(link.matches("text=").count(), 1, "only the quote it has: {link}");
        assert_eq!(to_quotes("https://x", ARTICLE, &["nowhere at all"]), None);
    }
}
