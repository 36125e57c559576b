//! Questions inside quotation marks: "my mom keeps asking 'what is going on?'",
//! "она спросила: «а ты пример можешь привести?»". In a long message they are someone
//! else's words, reported to set the scene, not what the writer asks.

/// Marks that only open a quotation.
const OPENING: [char; 3] = ['«', '“', '„'];
/// Marks that only close one.
const CLOSING: [char; 2] = ['»', '”'];
/// Marks that open a quotation before a word and close one after it.
const EITHER: [char; 2] = ['"', '\''];

/// Whether the last question mark of `sentence` stands inside a quotation opened in the
/// sentence and not closed before it. An apostrophe inside a word ("it's") is no mark;
/// a mark left over from the sentence before ("' Can anyone …?") closes nothing here.
pub(super) fn asks_in_quotes(sentence: &str) -> bool {
    let Some(mark) = sentence.rfind('?') else { return false };
    let mut open = false;
    let mut before: Option<char> = None;
    let mut chars = sentence[..mark].chars().peekable();
    while let Some(c) = chars.next() {
        let after = chars.peek().copied();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if OPENING.contains(&c) || (EITHER.contains(&c) && !word(before) && word(after)) {
            open = true;
        } else if CLOSING.contains(&c) || (EITHER.contains(&c) && word(before) && !word(after)) {
            open = false;
        }
        before = Some(c);
    }
    open
}

#[cfg(test)]
mod tests {
    use super::asks_in_quotes;

    #[test]
    fn a_question_in_quotation_marks_is_someone_elses() {
        assert!(asks_in_quotes("My mom keeps asking 'what is even going on?"));
        assert!(asks_in_quotes("«А ты хоть один пример можешь привести?"));
        assert!(asks_in_quotes("He said, \"why would anyone stay?"));
        assert!(asks_in_quotes("Сосед спросил: „кого забирают?"));
    }

    #[test]
    fn the_writers_own_questions_are_not() {
        assert!(!asks_in_quotes("What's the 'partial' in partial mobilization?"));
        assert!(!asks_in_quotes("' Can anyone agree on anything?"));
        assert!(!asks_in_quotes("Why does the article call it «botched»?"));
        assert!(!asks_in_quotes("Which of the men's groups were exempt?"));
        assert!(!asks_in_quotes("no question here"));
    }
}
