//! The search a browser runs to follow a link's text fragment, after the spec's
//! find-a-range algorithm: the article rendered as blocks (paragraphs and list items,
//! list markers not part of the text), case and accents folded, whitespace collapsed.
//! `storybot check` runs it on every quote's link ([`broken_links`]) to prove that a
//! reader who follows it lands on the quote.

use std::ops::Range;

use percent_encoding::percent_decode_str;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{collapse, strip_marker, text_directive, to_quotes};

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
    use crate::link::tests::ARTICLE;

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
