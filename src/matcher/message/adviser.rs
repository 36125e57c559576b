//! A message that casts the bot as the sender's adviser ("ты теперь мой юрист", "you are
//! my lawyer now", "act as my doctor") and then asks how to do something asks for
//! personal advice: the article reports what happened, it advises no one, so the
//! nearest fact ("men with medical exemptions won't be mobilized") would answer a
//! question nobody asked.

use crate::matcher::normalize;

/// Stems of the advisers a sender casts the bot as, without their first letter so a
/// capitalised "Юрист" or "Lawyer" is found by the cheap byte check.
const ADVISER_TAILS: [&str; 12] = [
    "awyer",
    "ttorney",
    "dvis",
    "onsultant",
    "ounsel",
    "octor",
    "рист",
    "двокат",
    "рач",
    "онсультант",
    "оветник",
    "октор",
];

/// The adviser nouns themselves, as words start (case endings follow: "юристом").
const ADVISERS: [&str; 12] = [
    "lawyer",
    "attorney",
    "advis",
    "consultant",
    "counsel",
    "doctor",
    "юрист",
    "адвокат",
    "врач",
    "консультант",
    "советник",
    "доктор",
];

/// "my" in the cast: the adviser is the sender's own.
const MY: [&str; 7] = ["my", "мой", "моим", "моей", "моя", "моего", "моему"];

/// Words that cast: "you are my …", "ты теперь мой …", "будь моим …", "act as my …".
const CASTING: [&str; 9] = ["you", "youre", "ты", "вы", "будь", "будьте", "act", "be", "теперь"];

/// How far before "my" a casting word may stand ("you are now my lawyer").
const CAST_REACH: usize = 3;

/// Words after "how" / "как" that ask a fact, not a way to do something.
const FACT_AFTER_HOW: [&str; 14] = [
    "many",
    "much",
    "long",
    "far",
    "often",
    "old",
    "много",
    "долго",
    "далеко",
    "часто",
    "зовут",
    "называется",
    "давно",
    "скоро",
];

/// Whether `message` casts the bot as the sender's adviser; a byte check first, since
/// almost no message names one.
pub(in crate::matcher) fn casts_an_adviser(message: &str) -> bool {
    if !ADVISER_TAILS.iter().any(|tail| message.contains(tail)) {
        return false;
    }
    let words = normalize::words(message);
    (1..words.len()).any(|at| {
        let adviser = ADVISERS.iter().any(|a| words[at].starts_with(a));
        let cast = || words[..at - 1].iter().rev().take(CAST_REACH).any(|w| CASTING.contains(&w.as_str()));
        adviser && MY.contains(&words[at - 1].as_str()) && cast()
    })
}

/// Whether the asked words (`words`, normalised) ask how to do something ("how do I get
/// out of it", "как откосить"), not a fact ("how many", "как долго").
pub(in crate::matcher) fn asks_how_to(words: &[String]) -> bool {
    words.iter().enumerate().any(|(at, w)| {
        matches!(w.as_str(), "how" | "как")
            && words.get(at + 1).is_none_or(|next| !FACT_AFTER_HOW.contains(&next.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::{asks_how_to, casts_an_adviser};
    use crate::matcher::normalize;

    #[test]
    fn a_role_of_adviser_given_to_the_bot_is_a_cast() {
        assert!(casts_an_adviser("Вы теперь мой адвокат! Подскажите, как быть"));
        assert!(casts_an_adviser("ok, you're my attorney now. how do I stay home?"));
        assert!(casts_an_adviser("Act as my doctor and tell me how to get an exemption"));
        assert!(!casts_an_adviser("My doctor says I'm exempt. Is that in the article?"));
        assert!(!casts_an_adviser("What did the governor say about lawyers?"));
    }

    #[test]
    fn how_to_is_asked_but_how_many_is_a_fact() {
        let how_to = |text: &str| asks_how_to(&normalize::words(text));
        assert!(how_to("подскажи, как мне не попасть под призыв"));
        assert!(how_to("how do I get out of it"));
        assert!(!how_to("how many men were called up"));
        assert!(!how_to("как долго стоят в очереди"));
    }
}
