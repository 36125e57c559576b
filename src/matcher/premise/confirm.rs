//! Questions that ask to have a claim confirmed ("…, right?", "is it true that …",
//! "правда, что …", "подтверди"): they state what they ask about, so an answer that
//! says otherwise corrects them rather than answering yes.

/// Words that ask for a claim to be confirmed wherever they stand.
const CONFIRM_ANYWHERE: [&str; 7] =
    ["confirm", "правда", "верно", "подтверди", "подтвердите", "ведь", "неужели"];
/// Words that ask for it at the end of a question ("…, right?", "…, correct?") or as
/// its opening ("is it *true* that …", "*right*, so …"); elsewhere they are words of
/// the claim ("the right to leave").
const CONFIRM_TAGS: [&str; 5] = ["right", "correct", "true", "innit", "yes"];
/// Words from either end of a question a tag may stand at.
const TAG_REACH: usize = 3;

/// Whether `words` (a question's, lowercase) ask to confirm what they state.
pub(in crate::matcher) fn asks_to_confirm(words: &[String]) -> bool {
    let near_end = words.len().saturating_sub(TAG_REACH);
    words.iter().enumerate().any(|(i, w)| {
        CONFIRM_ANYWHERE.contains(&w.as_str())
            || (CONFIRM_TAGS.contains(&w.as_str()) && (i >= near_end || i < TAG_REACH))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(String::from).collect()
    }

    #[test]
    fn a_tag_or_an_order_asks_to_confirm() {
        assert!(asks_to_confirm(&words("the governor admitted mistakes right")));
        assert!(asks_to_confirm(&words("is it true that flights sold out")));
        assert!(asks_to_confirm(&words("это правда что белоруссия ловит уклонистов")));
        assert!(asks_to_confirm(&words("губернатор ведь отрицал ошибки")));
        assert!(!asks_to_confirm(&words("did men lose the right to leave the country at all")));
        assert!(!asks_to_confirm(&words("did the governor admit mistakes")));
    }
}
