//! Requests for a judgment: "is Putin *right to* do this", "what's *your opinion*",
//! "прав ли он". The story reports what people did and said;
//! whether they were right is the reader's to weigh, so no entry answers it, however
//! well the words around the judgment fit one.

/// Two words in a row that ask for a judgment. Not "a good idea": whether a plan is
/// wise ("is fleeing to Belarus a good idea") the story's facts may answer.
const JUDGMENT_PAIRS: [[&str; 2]; 14] = [
    ["right", "to"],
    ["wrong", "to"],
    ["your", "opinion"],
    ["your", "view"],
    ["your", "take"],
    ["your", "verdict"],
    ["прав", "ли"],
    ["права", "ли"],
    ["правы", "ли"],
    ["правильно", "ли"],
    ["ваше", "мнение"],
    ["твое", "мнение"],
    ["твоё", "мнение"],
    ["по-твоему", ""],
];

/// Words that ask for a judgment on their own.
const JUDGMENT_WORDS: [&str; 6] = ["morally", "moral", "ethical", "ethically", "justified", "justifiable"];

/// Words before "right" / "wrong" that make it a noun ("the *right to* leave", "no
/// *right to* refuse"): a question about a right asks what the story may say.
const RIGHT_AS_NOUN: [&str; 6] = ["the", "a", "no", "any", "have", "has"];

/// Whether a question asks the bot to judge rather than to tell what the story says.
pub fn asks_judgment(words: &[String]) -> bool {
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    (0..words.len()).any(|at| {
        let (w, next) = (word(at), word(at + 1));
        let noun_right = at > 0 && RIGHT_AS_NOUN.contains(&word(at - 1));
        let pair = JUDGMENT_PAIRS.iter().any(|[a, b]| *a == w && (b.is_empty() || *b == next));
        (pair && !(matches!(w, "right" | "wrong") && noun_right)) || JUDGMENT_WORDS.contains(&w)
    })
}

#[cfg(test)]
mod tests {
    use super::asks_judgment;

    fn judged(question: &str) -> bool {
        let words: Vec<String> = question.split(' ').map(String::from).collect();
        asks_judgment(&words)
    }

    #[test]
    fn a_question_that_asks_for_a_verdict_is_told_from_one_about_the_story() {
        assert!(judged("was the kremlin wrong to call up reservists"));
        assert!(!judged("is fleeing abroad a good idea"), "the facts may answer it");
        assert!(judged("whats your view on the men who left"));
        assert!(judged("is the call up morally defensible"));
        assert!(judged("правильно ли делают те кто уезжает"));
        assert!(!judged("do draftees have the right to refuse"), "a right, not a verdict");
        assert!(!judged("what did the white house call the move"));
        assert!(!judged("who is right at the border now"), "no 'to' after it");
    }
}
