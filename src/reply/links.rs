//! The article links under answers, each quote's text directive made once: a
//! directive is a search of the article ([`crate::link::text_directive`]), and making
//! one for every answer cost more than matching its question.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

/// Directives remembered per thread, at most: far more than any knowledge has quotes,
/// and a bound on what quotes of replaced knowledge can leave behind.
const MAX_REMEMBERED: usize = 4_096;

/// The directives made on this thread, and the article they were made from.
#[derive(Default)]
struct Made {
    article: String,
    directives: FxHashMap<String, Option<String>>,
}

thread_local! {
    static MADE: RefCell<Made> = RefCell::new(Made::default());
}

/// [`crate::link::to_quotes`], with each quote's directive made once per article.
pub fn to_quotes(url: &str, article: &str, quotes: &[String]) -> Option<String> {
    let directives: Vec<String> = MADE.with(|made| {
        let mut made = made.borrow_mut();
        // Another article (the knowledge was reloaded) or too many: start afresh.
        if made.article != article || made.directives.len() + quotes.len() > MAX_REMEMBERED {
            made.article = article.to_string();
            made.directives.clear();
        }
        quotes.iter().filter_map(|quote| directive(&mut made, quote)).collect()
    });
    crate::link::with_directives(url, &directives)
}

fn directive(made: &mut Made, quote: &str) -> Option<String> {
    if let Some(known) = made.directives.get(quote) {
        return known.clone();
    }
    let made_now = crate::link::text_directive(&made.article, quote);
    made.directives.insert(quote.to_string(), made_now.clone());
    made_now
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_directive_is_the_one_made_afresh() {
        let url = "https://example.com/story";
        let article = "The governor said it plainly.\nThen the border closed at night, people said.";
        let quotes = ["The governor said it plainly.".to_string(), "no such words".to_string()];
        for _ in 0..2 {
            assert_eq!(to_quotes(url, article, &quotes), crate::link::to_quotes(url, article, &quotes));
        }
        // Another article (reloaded knowledge): nothing made for the old one is used.
        let other = "Nothing of the kind was said.";
        assert_eq!(to_quotes(url, other, &quotes), None, "the old article's quote is not in this one");
        assert_eq!(to_quotes(url, article, &quotes), crate::link::to_quotes(url, article, &quotes));
    }
}
