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
//! block), and `storybot check` uses it to prove that every link finds its quote.

use std::ops::Range;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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
    // A URL that already has a fragment keeps it: the directives follow it.
    let glue = if url.contains('#') { ":~:text=" } else { "#:~:text=" };
    Some(format!("{url}{glue}{}", directives.join("&text=")))
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

/// One character of the article as a browser searches it: folded, with its place.
#[derive(Clone, Copy)]
struct Folded {
    c: char,
    /// Byte range of the article character it came from.
    from: usize,
    to: usize,
    block: usize,
}

/// The article as a browser renders and searches it: every line a block (paragraph or
/// list item) without its list marker, whitespace collapsed, case and accents folded.
fn render(article: &str) -> Vec<Folded> {
    let mut out: Vec<Folded> = Vec::new();
    let mut block = 0;
    for line in article.split('\n') {
        let offset = line.as_ptr() as usize - article.as_ptr() as usize;
        let text = strip_marker(line.trim());
        if text.is_empty() {
            continue;
        }
        let base = offset + (text.as_ptr() as usize - line.as_ptr() as usize);
        let mut space = false;
        for (i, c) in text.char_indices() {
            let (from, to) = (base + i, base + i + c.len_utf8());
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space {
                out.push(Folded { c: ' ', from, to: from, block });
                space = false;
            }
            out.extend(fold(c).map(|c| Folded { c, from, to, block }));
        }
        block += 1;
    }
    out
}

/// Case and accents folded, as a search at the primary collation level compares.
fn fold(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().nfd().filter(|c| !is_combining_mark(*c))
}

fn fold_query(text: &str) -> Vec<char> {
    collapse(text).chars().flat_map(fold).collect()
}

/// A text directive's parts, decoded.
struct Directive {
    prefix: Option<Vec<char>>,
    start: Vec<char>,
    end: Option<Vec<char>>,
    suffix: Option<Vec<char>>,
}

/// The values of a fragment's text directives, in order. A whole URL, "#:~:text=…",
/// ":~:text=…" or "text=…" alike.
fn text_values(fragment: &str) -> impl Iterator<Item = &str> {
    let directives = fragment.rsplit_once(":~:").map_or(fragment, |(_, d)| d);
    directives.split('&').filter_map(|d| d.strip_prefix("text="))
}

fn parse(value: &str) -> Option<Directive> {
    let mut parts: Vec<&str> = value.split(',').collect();
    let decode = |p: &str| percent_decode_str(p).decode_utf8().ok().map(|s| fold_query(&s));
    let prefix = match parts.first().copied() {
        Some(p) if p.ends_with('-') => {
            parts.remove(0);
            Some(decode(&p[..p.len() - 1])?)
        }
        _ => None,
    };
    let suffix = match parts.last().copied() {
        Some(p) if p.starts_with('-') && parts.len() > 1 => {
            parts.pop();
            Some(decode(&p[1..])?)
        }
        _ => None,
    };
    let (start, end) = match parts.as_slice() {
        [start] => (decode(start)?, None),
        [start, end] => (decode(start)?, Some(decode(end)?)),
        _ => return None,
    };
    if start.is_empty() || end.as_ref().is_some_and(Vec::is_empty) {
        return None;
    }
    Some(Directive { prefix, start, end, suffix })
}

/// Where `query` occurs in `text` from index `from` on, within one block and at word
/// boundaries: the match's index range.
fn find_in(text: &[Folded], query: &[char], from: usize) -> Option<Range<usize>> {
    let n = query.len();
    (from..(text.len() + 1).saturating_sub(n)).map(|i| i..i + n).find(|r| {
        let slice = &text[r.clone()];
        let same_block = slice.first().map(|f| f.block) == slice.last().map(|f| f.block);
        let boundary = |at: Option<&Folded>, edge: &Folded| {
            at.is_none_or(|f| f.block != edge.block || !f.c.is_alphanumeric())
        };
        same_block
            && slice.iter().zip(query).all(|(f, q)| f.c == *q)
            && boundary(r.start.checked_sub(1).and_then(|i| text.get(i)), &slice[0])
            && boundary(text.get(r.end), &slice[n - 1])
    })
}

/// Whether `part` sits right before (prefix) or after (suffix) `at`, only whitespace
/// between, in the same block.
fn adjacent(text: &[Folded], part: &[char], at: usize, before: bool) -> bool {
    let skip_space = |i: usize| if text.get(i).is_some_and(|f| f.c == ' ') { Some(i) } else { None };
    if before {
        let end = skip_space(at.wrapping_sub(1)).unwrap_or(at);
        end >= part.len() && find_in(text, part, end - part.len()).is_some_and(|r| r.end == end)
    } else {
        let start = skip_space(at).map_or(at, |i| i + 1);
        find_in(text, part, start).is_some_and(|r| r.start == start)
    }
}

/// Where a browser would highlight `fragment`'s first text directive (`fragment` is a
/// URL, or the text after `#:~:`) in `article`: the byte range from its first to its
/// last matched character, or `None` when it finds nothing. Matching follows the
/// spec's find-a-range algorithm: case- and accent-insensitive, whitespace collapsed,
/// at word boundaries, the start (and the end) each within one block, the end searched
/// after the start.
pub fn find_fragment(article: &str, fragment: &str) -> Option<Range<usize>> {
    find_fragments(article, fragment).into_iter().next().flatten()
}

/// [`find_fragment`] for each text directive of `fragment`, in order: what a browser
/// highlights for each (`None`: nothing, or a directive it cannot read).
pub fn find_fragments(article: &str, fragment: &str) -> Vec<Option<Range<usize>>> {
    let text = render(article);
    text_values(fragment).map(|value| find_directive(&text, &parse(value)?)).collect()
}

fn find_directive(text: &[Folded], d: &Directive) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(start) = find_in(text, &d.start, from) {
        from = start.start + 1;
        if d.prefix.as_ref().is_some_and(|p| !adjacent(text, p, start.start, true)) {
            continue;
        }
        let range = match &d.end {
            None => start,
            // No end after this start means none after any later start either.
            Some(end) => start.start..find_in(text, end, start.end)?.end,
        };
        if d.suffix.as_ref().is_some_and(|s| !adjacent(text, s, range.end, false)) {
            continue;
        }
        return Some(text[range.start].from..text[range.end - 1].to);
    }
    None
}

/// The byte range of `quote` in `article` as a reader sees it: without surrounding
/// whitespace or a list marker. What [`find_fragment`] must return for its link.
pub fn quote_range(article: &str, quote: &str) -> Option<Range<usize>> {
    let at = article.find(quote)?;
    let lead = quote.len() - strip_marker(quote.trim_start()).len();
    let end = at + quote.trim_end().len();
    (at + lead < end).then_some(at + lead..end)
}

/// A quote whose link would not open the article at it.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenLink {
    pub entry: String,
    pub quote: String,
    pub problem: String,
}

/// Every quote of the story whose link a browser would not follow to that quote: alone,
/// and as one directive of its entry's link (which highlights all its quotes).
pub fn broken_links(story: &crate::knowledge::Story) -> Vec<BrokenLink> {
    let (url, article) = (&story.meta.url, &story.article);
    let mut out = Vec::new();
    for entry in &story.entries {
        let found = to_quotes(url, article, &entry.quotes).map(|link| (find_fragments(article, &link), link));
        let mut directive = 0;
        for quote in &entry.quotes {
            let problem = if text_directive(article, quote).is_none() {
                "no text fragment can single it out in article.txt".to_string()
            } else {
                let (ranges, link) = found.as_ref().expect("a quote with a directive gives a link");
                directive += 1;
                match (ranges.get(directive - 1).cloned().flatten(), quote_range(article, quote)) {
                    (Some(found), Some(wanted)) if found == wanted => continue,
                    (Some(found), _) => format!(
                        "its link {link} highlights {:?} instead",
                        article[found].chars().take(80).collect::<String>()
                    ),
                    (None, _) => format!("a browser finds nothing for its link {link}"),
                }
            };
            let problem = format!("{problem}; quote a longer, distinctive passage");
            out.push(BrokenLink { entry: entry.id.clone(), quote: quote.clone(), problem });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Headline about Putin’s order: the exodus signaled the end\n\n\
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

    #[test]
    fn the_browser_search_folds_case_accents_and_spaces_but_not_blocks() {
        let at = |f: &str| find_fragment(ARTICLE, f).map(|r| &ARTICLE[r]);
        assert_eq!(at("text=PUTIN%20SAID"), Some("Putin said"));
        assert_eq!(at("text=put%C3%ADn%20%20%20said"), Some("Putin said"), "accents and spaces");
        assert_eq!(at("text=utin%20said"), None, "a match starts at a word boundary");
        assert_eq!(at("text=premium.%20Videos"), None, "a lone start stays in one block");
        assert_eq!(at("text=premium.,Videos"), Some("premium.\n  • Videos"), "start,end may cross");
        assert_eq!(at("text=the%20exodus-,signaled"), Some("signaled"), "prefix-,start");
        assert_eq!(at("text=signaled,-the%20unpopularity%20once"), Some("signaled"), "start,-suffix");
        assert_eq!(at("text=nowhere"), None);
        assert_eq!(at("#:~:text=a,b,c"), None, "three plain parts are no directive");
        assert_eq!(at("text=%FF"), None, "not UTF-8");
    }

    #[test]
    fn every_quote_of_the_shipped_story_is_found_by_its_link() {
        let mut story = crate::knowledge::load(std::path::Path::new("knowledge")).unwrap();
        assert_eq!(broken_links(&story), []);
        // A browser matches at word boundaries: a quote cut mid-word has no link.
        story.article = "Someone said this plainly.".to_string();
        story.entries.truncate(1);
        story.entries[0].quotes = vec!["one said this plainly.".to_string()];
        let broken = broken_links(&story);
        assert_eq!(broken.len(), 1, "{broken:?}");
        assert!(broken[0].problem.starts_with("a browser finds nothing"), "{broken:?}");
    }
}
