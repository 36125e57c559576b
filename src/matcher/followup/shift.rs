//! Messages that say how they relate to the conversation before asking: a correction
//! of the last question ("no, I meant the Georgian border", "я не про источник, а …",
//! "the airfare, not the pay") or a return to an earlier subject ("back to the governor
//! — what's his name?"), and a reaction before the question ("lol ok. and
//! kazakhstan?"). The words that say so are taken off; what is left is read as any
//! message is. Pure word rules on the message's own text, English and Russian.

/// Word sequences that open a correction of the last question: what follows is what
/// was meant.
const CORRECTION_OPENERS: [&[&str]; 16] = [
    &["no", "i", "meant"],
    &["no", "i", "mean"],
    &["sorry", "i", "meant"],
    &["sorry", "i", "mean"],
    &["i", "meant"],
    &["i", "mean"],
    &["no", "sorry"],
    &["nope"],
    &["no"],
    &["не", "я", "про"],
    &["нет", "я", "про"],
    &["я", "про"],
    &["я", "имел", "в", "виду"],
    &["я", "имела", "в", "виду"],
    &["нет"],
    &["не"],
];

/// Words a correction may open with before it says what was meant: "no wait, I meant
/// …", "не, я имел в виду …", "oh sorry, I meant …". Alone they say nothing: "wait,
/// who said that?" asks a question of its own.
const CORRECTION_FILLERS: [&str; 18] = [
    "no",
    "nope",
    "nah",
    "wait",
    "oh",
    "oops",
    "sorry",
    "actually",
    "hmm",
    "не",
    "нет",
    "ой",
    "стоп",
    "погоди",
    "подожди",
    "блин",
    "извини",
    "сорри",
];

/// Word sequences that say what was meant: after [`CORRECTION_FILLERS`] or a "not
/// this" ("not numbers, I meant who …"), what follows is what was meant. "I asked"
/// corrects the ask itself ("no, I was asking when"): what follows may be a question
/// word alone, read with the last question's subject. Longer sequences first.
const MEANT: [&[&str]; 17] = [
    &["i", "meant"],
    &["i", "mean"],
    &["i", "was", "asking", "about"],
    &["i", "was", "talking", "about"],
    &["i", "was", "asking"],
    &["i", "asked", "about"],
    &["i", "asked"],
    &["я", "про"],
    &["я", "имел", "в", "виду"],
    &["я", "имела", "в", "виду"],
    &["я", "спрашивал", "про"],
    &["я", "спрашивала", "про"],
    &["я", "спрашивал"],
    &["я", "спрашивала"],
    &["я", "спросил"],
    &["я", "спросила"],
    &["я", "спрашиваю"],
];

/// Word sequences that open "not this but that": "я не про источник, а что …".
/// What follows up to the next ", а" / ", but" is what was not meant.
const NOT_THIS_OPENERS: [&[&str]; 4] =
    [&["я", "не", "про"], &["не", "про"], &["i", "dont", "mean"], &["not"]];

/// Word sequences that open a return to an earlier subject, named next.
const RETURN_OPENERS: [&[&str]; 8] = [
    &["back", "to"],
    &["going", "back", "to"],
    &["go", "back", "to"],
    &["returning", "to"],
    &["вернемся", "к"],
    &["возвращаясь", "к"],
    &["снова", "про"],
    &["опять", "про"],
];

/// Reactions to the last answer that may open a message, before its question: "ok and
/// the White House?", "ага, а Казахстан?". Interjections only, never a word a question
/// may start with.
const REACTIONS: [&str; 30] = [
    "ok",
    "okay",
    "okey",
    "k",
    "kk",
    "lol",
    "haha",
    "hah",
    "lmao",
    "wow",
    "whoa",
    "hmm",
    "hm",
    "huh",
    "oh",
    "ah",
    "thanks",
    "thx",
    "ty",
    "ок",
    "окей",
    "ага",
    "угу",
    "лол",
    "хаха",
    "вау",
    "ого",
    "хм",
    "спасибо",
    "спс",
];
/// Reactions that are words a question may also start with ("fine for what?", "right
/// to refuse?"): a reaction only when punctuation follows ("fine. and …").
const REACTIONS_BEFORE_A_STOP: [&str; 15] = [
    "fine",
    "cool",
    "nice",
    "great",
    "right",
    "alright",
    "interesting",
    "интересно",
    "understood",
    "понятно",
    "ясно",
    "ладно",
    "хорошо",
    "круто",
    "класс",
];
/// Words a question must keep after its reactions for them to be taken off: "wow,
/// really?" is a reaction whole.
const MIN_WORDS_AFTER_REACTION: usize = 2;

/// Words that join "not this" to "but that".
const BUT: [&str; 3] = ["but", "а", "но"];
/// Words that open "…, not that" at a message's end.
const NOT: [[&str; 2]; 3] = [["not", ""], ["а", "не"], ["но", "не"]];

/// How a message says it relates to the conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shift {
    /// It says nothing about it: read as it is.
    None,
    /// It corrects the last question: read what it meant, as any message.
    Correction(String),
    /// It returns to an earlier subject: read what it asks alone, not with the last
    /// answer.
    Return(String),
    /// A reaction opens it ("lol ok. and kazakhstan?"): read the question after it as it
    /// is.
    Aside(String),
}

/// How `message` relates to the conversation, and what it asks without the words
/// that say so.
pub fn shift(message: &str) -> Shift {
    let words = spans(message);
    let lower: Vec<String> = words.iter().map(|&(s, e)| fold(&message[s..e])).collect();
    let reactions = leading_reactions(message, &words, &lower);
    if reactions > 0 && words.len() >= reactions + MIN_WORDS_AFTER_REACTION {
        let rest = rest_after(message, words[reactions - 1].1);
        return match shift(rest) {
            Shift::None => Shift::Aside(rest.to_string()),
            said => said,
        };
    }
    if let Some(n) = opener(&lower, &RETURN_OPENERS) {
        // The subject it returns to, then its question: "the governor: what is his
        // name?" is one sentence, not a speaker's label and what they said.
        let rest = rest_after(message, words[n - 1].1).replacen(": ", " — ", 1);
        return Shift::Return(rest);
    }
    if let Some(n) = opener(&lower, &NOT_THIS_OPENERS)
        && let Some(but) = lower[n..].iter().position(|w| BUT.contains(&w.as_str())).map(|b| b + n)
        && preceded_by_comma(message, words[but].0)
    {
        return Shift::Correction(rest_after(message, words[but].1).to_string());
    }
    if let Some(end) = meant_after_fillers(message, &words, &lower) {
        return Shift::Correction(without_not_this(rest_after(message, end)).to_string());
    }
    let Some(n) = opener(&lower, &CORRECTION_OPENERS) else { return Shift::None };
    // "no" or "не" alone opens a correction only when a comma parts it from the rest:
    // "no, the Georgian one"; "не Беларусь, а Армения" and "no visa?" are questions.
    let alone = n == 1;
    if alone && !followed_by_comma(message, words[0].1) {
        return Shift::None;
    }
    let meant = rest_after(message, words[n - 1].1);
    Shift::Correction(without_not_this(meant).to_string())
}

/// Characters a message made only of reactions may have ("wow", "ok interesting",
/// "ого, понятно"): a cheap check before its words are looked at.
const MAX_REACTION_CHARS: usize = 40;

/// Whether `message` is only a reaction to the last answer ("wow", "interesting",
/// "ого!"), asking nothing: the conversation stays where it was, so a "why?" after it
/// is about that answer.
pub fn only_reacts(message: &str) -> bool {
    if message.len() > MAX_REACTION_CHARS || message.contains('?') {
        return false;
    }
    let words = spans(message);
    !words.is_empty()
        && words.iter().all(|&(s, e)| {
            let word = fold(&message[s..e]);
            REACTIONS.contains(&word.as_str()) || REACTIONS_BEFORE_A_STOP.contains(&word.as_str())
        })
}

/// Where "I meant" ends when words that only open a correction come before it ("no
/// wait, I meant …", "не, я имел в виду …"), or a "not this" does ("not numbers, I
/// meant …"): what follows is what was meant. After the fillers, what was not meant may
/// come first up to a comma ("no, not that — I asked where", "не то, я спрашивал где").
fn meant_after_fillers(message: &str, words: &[(usize, usize)], lower: &[String]) -> Option<usize> {
    let after_comma = |from: usize| (from..lower.len()).find(|&i| preceded_by_comma(message, words[i].0));
    let fillers = lower.iter().take_while(|w| CORRECTION_FILLERS.contains(&w.as_str())).count();
    let start = match fillers {
        0 => after_comma(opener(lower, &NOT_THIS_OPENERS)?)?,
        n => n,
    };
    let meant = |start: usize| opener(&lower[start..], &MEANT).map(|n| words[start + n - 1].1);
    meant(start).or_else(|| after_comma(start + 1).filter(|_| fillers > 0).and_then(meant))
}

/// How many reactions open a message ("lol ok. and …" has two).
fn leading_reactions(message: &str, words: &[(usize, usize)], lower: &[String]) -> usize {
    let is_reaction = |i: usize| {
        let word = lower[i].as_str();
        REACTIONS.contains(&word)
            || REACTIONS_BEFORE_A_STOP.contains(&word) && followed_by_comma(message, words[i].1)
    };
    (0..lower.len()).take_while(|&i| is_reaction(i)).count()
}

/// `text` without a trailing "…, not that" ("the airfare, not the draftee pay").
fn without_not_this(text: &str) -> &str {
    let words = spans(text);
    let lower: Vec<String> = words.iter().map(|&(s, e)| fold(&text[s..e])).collect();
    for (i, w) in lower.iter().enumerate().skip(1) {
        let opens =
            NOT.iter().any(|[a, b]| w == a && (b.is_empty() || lower.get(i + 1).is_some_and(|n| n == b)));
        if opens && preceded_by_comma(text, words[i].0) {
            return text[..words[i].0].trim_end_matches([',', ' ', '—', '-']);
        }
    }
    text
}

/// How many words an opener of `openers` takes at the start of `lower`, when one
/// does and something follows it.
fn opener(lower: &[String], openers: &[&[&str]]) -> Option<usize> {
    openers
        .iter()
        .find(|o| o.len() < lower.len() && o.iter().zip(lower).all(|(a, b)| *a == b))
        .map(|o| o.len())
}

/// The byte spans of a message's words: runs of letters, digits and apostrophes.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || c == '\'' || c == '’';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A word as the openers are written: lowercase, "ё" as "е", no apostrophes.
fn fold(word: &str) -> String {
    word.to_lowercase().replace('ё', "е").replace(['\'', '’'], "")
}

/// What follows byte `end`, without the punctuation that parts it from the opener.
fn rest_after(text: &str, end: usize) -> &str {
    text[end..].trim_start_matches([',', ':', ';', '.', '!', ' ', '—', '–', '-'])
}

fn followed_by_comma(text: &str, end: usize) -> bool {
    text[end..].trim_start().starts_with([',', '.', '!', '—', '–', '-'])
}

fn preceded_by_comma(text: &str, start: usize) -> bool {
    text[..start].trim_end().ends_with([',', '—', '–', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn correction(text: &str) -> Shift {
        Shift::Correction(text.to_string())
    }

    #[test]
    fn a_correction_is_read_as_what_it_meant() {
        assert_eq!(shift("no, I meant the Armenian border"), correction("the Armenian border"));
        assert_eq!(shift("sorry i meant: the Kazakh one"), correction("the Kazakh one"));
        assert_eq!(shift("Nope. Who said it?"), correction("Who said it?"));
        assert_eq!(shift("нет, я про Казахстан"), correction("Казахстан"));
        assert_eq!(shift("я имел в виду визы"), correction("визы"));
    }

    #[test]
    fn words_before_i_meant_open_the_correction_too() {
        assert_eq!(shift("no wait, I meant the Armenian border"), correction("the Armenian border"));
        assert_eq!(shift("oh sorry I mean the visas"), correction("the visas"));
        assert_eq!(shift("nah i meant who paid"), correction("who paid"));
        assert_eq!(shift("не, я имел в виду визы"), correction("визы"));
        assert_eq!(shift("ой, нет, я про Армению"), correction("Армению"));
        assert_eq!(shift("not the pay, I meant the plane tickets"), correction("the plane tickets"));
        assert_eq!(shift("wait, who said that?"), Shift::None, "a question of its own");
        assert_eq!(shift("not the pay?"), Shift::None);
    }

    #[test]
    fn a_correction_of_the_ask_keeps_only_its_question_word() {
        assert_eq!(shift("no, I was asking when"), correction("when"));
        assert_eq!(shift("nope, not that one — i asked how many"), correction("how many"));
        assert_eq!(shift("нет, не это, я спрашивала когда?"), correction("когда?"));
        assert_eq!(shift("не так, я спросил сколько"), correction("сколько"));
        assert_eq!(shift("no, the Georgian one, I mean"), correction("the Georgian one, I mean"));
        assert_eq!(shift("no, who asked for it?"), correction("who asked for it?"), "no 'I asked'");
    }

    #[test]
    fn what_was_not_meant_is_left_out() {
        assert_eq!(shift("no I mean the visas, not the flights"), correction("the visas"));
        assert_eq!(shift("я не про очереди, а кто об этом пишет?"), correction("кто об этом пишет?"));
        assert_eq!(shift("не, я про Грузию, а не про Финляндию"), correction("Грузию"));
    }

    #[test]
    fn a_return_to_an_earlier_subject_is_told_apart() {
        assert_eq!(
            shift("back to the flights — are they still rising?"),
            Shift::Return("the flights — are they still rising?".to_string())
        );
        let russian = shift("вернёмся к Беларуси: кто её союзник?");
        assert_eq!(russian, Shift::Return("Беларуси — кто её союзник?".into()), "a colon is no label");
    }

    #[test]
    fn a_reaction_before_the_question_is_taken_off() {
        assert_eq!(shift("ok and the Finnish border?"), Shift::Aside("and the Finnish border?".into()));
        assert_eq!(shift("haha, wow. what about Serbia?"), Shift::Aside("what about Serbia?".into()));
        assert_eq!(shift("ага, а Казахстан?"), Shift::Aside("а Казахстан?".into()));
        assert_eq!(shift("cool. no, I meant the visas"), correction("the visas"), "then a correction");
        assert_eq!(shift("wow, really?"), Shift::None, "a reaction whole");
        assert_eq!(shift("ok thanks"), Shift::None);
        assert_eq!(shift("fine for dodging the draft?"), Shift::None, "a word of the question");
    }

    #[test]
    fn a_message_of_reactions_only_reacts() {
        for text in ["wow", "Interesting...", "ого!", "ok cool", "хм, понятно", "интересно"]
        {
            assert!(only_reacts(text), "{text}");
        }
        for text in ["wow, really?", "interesting?", "why?", "cool flights", "ок, а Грузия"] {
            assert!(!only_reacts(text), "{text}");
        }
    }

    #[test]
    fn a_message_that_only_starts_alike_says_nothing_of_the_sort() {
        assert_eq!(shift("no visa needed for Turkey?"), Shift::None, "no comma after no");
        assert_eq!(shift("не Беларусь, а Армения?"), Shift::None);
        assert_eq!(shift("нет"), Shift::None, "nothing after it");
        assert_eq!(shift("I meant"), Shift::None);
        assert_eq!(shift("what does back to back mean?"), Shift::None);
        assert_eq!(shift("not a single word on prices?"), Shift::None);
    }
}
