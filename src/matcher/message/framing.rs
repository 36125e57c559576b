//! Framing and addresses around a question: "quick q for the bot: …", "guys, …",
//! "слушайте, бот, …". They ask nothing and name nothing, so they are taken off before
//! the question is matched.

use super::super::noise::normalized;
use super::{opens_question, split_at_pair};

/// Words of framing before a colon ("quick q for the bot:", "so my question is:").
const MAX_FRAMING_WORDS: usize = 7;
/// Words of an address or interjection before a comma ("guys, …", "hey folks, …").
const MAX_ADDRESS_WORDS: usize = 2;

/// Words that address a group or open a chat message without asking anything ("guys,
/// what did…", "народ, что…"): before a comma, set aside.
const ADDRESSES: [&str; 36] = [
    "guys",
    "bot",
    "storybot",
    "бот",
    "folks",
    "yall",
    "everyone",
    "everybody",
    "friends",
    "bro",
    "bros",
    "dude",
    "mate",
    "hey",
    "hi",
    "hello",
    "yo",
    "ok",
    "okay",
    "listen",
    "слушай",
    "слушайте",
    "so",
    "lol",
    "ребята",
    "ребят",
    "народ",
    "люди",
    "друзья",
    "коллеги",
    "пацаны",
    "чат",
    "привет",
    "эй",
    "ну",
    "короче",
];

/// A sentence with its framing taken off ([`strip_framing`]).
pub(super) struct Framed<'a> {
    /// What the sentence asks or says, without its framing.
    pub(super) text: &'a str,
    /// Framing or an address was taken off.
    pub(super) framed: bool,
    /// A colon announced the question after it ("so my question is: …", "So: how long
    /// …?", "Скажите, пожалуйста, простыми словами: сколько …?"): the writer marks
    /// where the question is, and what came before it sets the scene.
    pub(super) announced: bool,
}

/// Takes framing off before a colon ("quick q for the bot: how long…", "вопрос: что…"):
/// a few words that ask nothing and name nothing the story knows; or, before a question,
/// words of any number that announce it ("so let me ask the machine, since my grandson
/// set it up for me: what did…"): their words would count against every entry.
pub(super) fn strip_framing<'a>(sentence: &'a str, names_a_thing: &dyn Fn(&str) -> bool) -> Framed<'a> {
    let (sentence, addressed) = strip_address(sentence);
    let plain = Framed { text: sentence, framed: addressed, announced: false };
    let Some((before, after)) = split_at_pair(sentence, *b": ") else { return plain };
    let after = after.trim();
    let words = before.split_whitespace().count();
    let asks = opens_question(after) || after.contains('?');
    let announced = || announces_a_question(before) && asks;
    let fits = !before.contains('?') && !after.is_empty() && !names_a_thing(before);
    let framing = fits
        && ((words <= MAX_FRAMING_WORDS || announced()) && !opens_question(before)
            || asks && says_what_is_asked(before));
    // A request to tell before the colon ("tell me, in plain words: …") is kept, as it
    // asks, but announces the question too. A quotation after it is someone's words.
    let request = fits && words <= MAX_FRAMING_WORDS && opens_question(before);
    let asks_after = asks && !opens_with_a_quote(after);
    // Only a request to tell is framing: "list them all: …" says what kind of answer.
    let telling = request && asks_after && only_asks_to_tell(before);
    match (framing || telling, request && asks_after) {
        (true, _) => Framed { text: after, framed: true, announced: asks_after },
        (false, announced) => Framed { announced, ..plain },
    }
}

/// Words that ask to be told, and nothing of what: "*tell me*, please, in plain words:",
/// "*скажите*, пожалуйста, простыми словами:". Their words ("words", "plain") would
/// count against every entry.
const TELLING: [&str; 8] =
    ["tell", "explain", "скажи", "скажите", "подскажи", "подскажите", "объясни", "объясните"];

/// Whether `text` opens with a word of [`TELLING`].
fn only_asks_to_tell(text: &str) -> bool {
    normalized(text).split(' ').next().is_some_and(|w| TELLING.contains(&w))
}

/// Whether `text` opens with a quotation mark: what follows is someone's words.
fn opens_with_a_quote(text: &str) -> bool {
    text.starts_with(['«', '“', '"', '\'', '„'])
}

/// Words that announce a question to come ("let me ask", "my question is", "вопрос
/// такой", "хочу спросить").
const ANNOUNCING: [&str; 9] =
    ["ask", "question", "asking", "вопрос", "спросить", "спрошу", "спрашиваю", "узнать", "уточнить"];

/// Words that open a sentence saying what the writer asks ("*what* I need is", "*all*
/// I'm asking is").
const CLEFT_OPENERS: [&str; 2] = ["what", "all"];
/// The writer, after one of [`CLEFT_OPENERS`].
const WRITER: [&str; 6] = ["i", "im", "id", "ive", "we", "were"];

/// Whether `text` says what the writer asks: "What I need for my notebook is (the
/// second half)", "All I'm asking is". It opens with a question word, yet asks nothing
/// itself.
fn says_what_is_asked(text: &str) -> bool {
    let words = normalized(text);
    let mut words = words.split(' ');
    words.next().is_some_and(|w| CLEFT_OPENERS.contains(&w))
        && words.next().is_some_and(|w| WRITER.contains(&w))
        && words.any(|w| w == "is")
}

/// Whether `text` announces a question: one of its words is a word of asking.
fn announces_a_question(text: &str) -> bool {
    normalized(text).split(' ').any(|word| ANNOUNCING.contains(&word))
}

/// Takes off an address or interjection that opens a question ("guys, what did…",
/// "народ, чё там…"; without a comma before a question with a question mark: "yo bot 👋
/// is Turkey…?"): it asks nothing, and a word such as "народ" or "bot" would otherwise
/// be matched as the question's subject, or the message read as a greeting.
fn strip_address(sentence: &str) -> (&str, bool) {
    // Addresses may come one after another ("listen, bot, is…"): each before its comma.
    let mut rest = sentence;
    for _ in 0..MAX_ADDRESS_WORDS {
        match comma_address_taken_off(rest) {
            Some(after) => rest = after,
            None => break,
        }
    }
    if rest.len() < sentence.len() {
        return (rest, true);
    }
    // Without a comma, only before a question that says it is one: the address words,
    // then a word that opens a question, and a question mark.
    if !sentence.contains('?') {
        return lead_in_taken_off(sentence).map_or((sentence, false), |after| (after, true));
    }
    let mut rest = sentence;
    for _ in 0..MAX_ADDRESS_WORDS {
        let trimmed = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        let end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        if !ADDRESSES.contains(&normalized(&trimmed[..end]).as_str()) {
            break;
        }
        rest = &trimmed[end..];
        let after = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        if opens_question(after) {
            return (after, true);
        }
    }
    (sentence, false)
}

/// The question after an address and its comma ("guys, what did…"), if `sentence` opens
/// with one.
fn comma_address_taken_off(sentence: &str) -> Option<&str> {
    let (before, after) = split_at_pair(sentence, *b", ")?;
    let words = normalized(before);
    let address = !words.is_empty()
        && words.split(' ').count() <= MAX_ADDRESS_WORDS
        && words.split(' ').all(|w| ADDRESSES.contains(&w))
        && (opens_question(after) || after.contains('?'));
    address.then(|| after.trim())
}

/// Words that carry a chat on into its next question without a comma ("ok what's the
/// story", "lol ok who is fleeing", "ok but like how long r the lines", "wait what
/// happened"): an acknowledgment, a joiner or a pause for thought, never a greeting,
/// which may be all a message says. "wait" is also a word of the story (waits at the
/// border), so read whole it outweighs the question it only opens.
const LEAD_INS: [&str; 15] = [
    "ok",
    "okay",
    "k",
    "lol",
    "so",
    "but",
    "like",
    "well",
    "alright",
    "wait",
    "ну",
    "ладно",
    "ок",
    "погоди",
    "подожди",
];
/// Lead-in words taken off at most.
const MAX_LEAD_INS: usize = 3;
/// Words a question after lead-ins needs, its question word with them, to be taken as
/// one without a question mark: "ok what" alone is the acknowledgment.
const MIN_LED_IN_WORDS: usize = 3;

/// The question after [`LEAD_INS`] with no comma or question mark, if `sentence` opens
/// with some: read whole, the acknowledgment ("ok" is small talk) outweighs the question.
fn lead_in_taken_off(sentence: &str) -> Option<&str> {
    let mut rest = sentence;
    for _ in 0..MAX_LEAD_INS {
        let trimmed = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        let end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let word = &trimmed[..end];
        // An ASCII word reads as itself lowercased from its first byte on: one that no
        // lead-in starts with is none, without normalizing it (asked of most sentences).
        let initial = word.as_bytes().first().map(u8::to_ascii_lowercase);
        if word.is_ascii() && !LEAD_INS.iter().any(|l| l.as_bytes().first() == initial.as_ref()) {
            return None;
        }
        if !LEAD_INS.contains(&normalized(word).as_str()) {
            return None;
        }
        rest = &trimmed[end..];
        let after = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        if opens_question(after) && after.split_whitespace().count() >= MIN_LED_IN_WORDS {
            return Some(after);
        }
    }
    None
}
