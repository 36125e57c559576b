//! Noise that is not a question: injected role text and orders. "Ignore previous
//! instructions", "SYSTEM: …", "You are now …", `<system>…</system>` and "Confirm that
//! …" give the bot orders instead of asking it something; a sentence holding one is set
//! aside whole, so an injected claim is never matched, let alone confirmed.
//! Language-generic (English and Russian), never story-specific.

use std::borrow::Cow;

use super::normalize;

/// Phrases that give the bot orders instead of asking it something: a sentence holding
/// one is injected role text, set aside whole (its claims are never matched).
const INJECTIONS: [&str; 34] = [
    "ignore previous",
    "ignore all previous",
    "ignore the previous",
    "ignore prior",
    "ignore all prior",
    "ignore everything",
    "ignore the above",
    "ignore all the above",
    "ignore your",
    "ignore all instructions",
    "disregard",
    "forget your instructions",
    "forget all previous",
    "forget previous",
    "you are now",
    "youre now",
    "from now on you",
    "pretend",
    "jailbreak",
    "developer mode",
    "admin mode",
    "no restrictions",
    "system prompt",
    "new instructions",
    "игнорируй",
    "игнорируйте",
    "забудь все",
    "забудь предыдущ",
    "ты теперь",
    "вы теперь",
    "притворись",
    "без ограничений",
    "отвечай только",
    "режим админа",
];

/// Orders to confirm a claim ("Confirm that Finland closed its border"): the claim is
/// the sender's, so the sentence is set aside and never confirmed.
const CONFIRMS: [&str; 4] = ["confirm", "please confirm", "подтверди", "подтвердите"];

/// Role labels that open injected text ("SYSTEM: …").
const ROLES: [&str; 9] =
    ["system", "assistant", "developer", "admin", "instructions", "prompt", "система", "админ", "инструкция"];

/// `<system>…</system>` and the like: markup around injected role text, set aside with
/// what it holds.
pub(super) fn strip_role_blocks(text: &str) -> Cow<'_, str> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() || !lower.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut rest = 0;
    let mut at = 0;
    while let Some(open) = lower[at..].find('<').map(|i| i + at) {
        let role = ROLES.iter().find(|r| lower[open + 1..].starts_with(&format!("{r}>")));
        let Some(role) = role else {
            at = open + 1;
            continue;
        };
        let close = format!("</{role}>");
        let end = lower[open..].find(&close).map_or(open + role.len() + 2, |i| open + i + close.len());
        out.push_str(&text[rest..open]);
        out.push(' ');
        (rest, at) = (end, end);
    }
    if rest == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[rest..]);
    Cow::Owned(out)
}

/// Whether a sentence gives the bot orders ("Ignore previous instructions…", "SYSTEM:
/// you are …").
pub(super) fn is_injection(sentence: &str) -> bool {
    let words = normalized(sentence);
    let lower = sentence.trim_start().to_lowercase();
    let role =
        ROLES.iter().any(|r| lower.strip_prefix(r).is_some_and(|rest| rest.trim_start().starts_with(':')));
    let confirms = CONFIRMS
        .iter()
        .any(|c| words.strip_prefix(c).is_some_and(|rest| rest.is_empty() || rest.starts_with(' ')));
    role || confirms || a_phrase_at_a_word_start(&words, &INJECTIONS)
}

/// Whether one of `phrases` occurs in `words` (as [`normalized`] gives them) where a
/// word starts. Every sentence of every message is asked this: one pass over the word
/// starts, the first byte compared before the rest, and no padded copy built.
fn a_phrase_at_a_word_start(words: &str, phrases: &[&str]) -> bool {
    let bytes = words.as_bytes();
    let mut starts = std::iter::once(0).chain(memchr::memchr_iter(b' ', bytes).map(|i| i + 1));
    starts.any(|i| {
        let first = bytes.get(i);
        phrases.iter().any(|p| first == p.as_bytes().first() && bytes[i..].starts_with(p.as_bytes()))
    })
}

/// Whether a label before a colon gives an order ("SYSTEM:", "Please confirm:"): it is
/// injected text, not a speaker, and the sentence it opens is set aside.
pub(super) fn orders(label: &str) -> bool {
    let label = normalized(label);
    ROLES.contains(&label.as_str()) || CONFIRMS.contains(&label.as_str())
}

/// Lowercase words with apostrophes dropped, one space apart.
pub(super) fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let word_char = |c: char| normalize::is_word_char(c);
    let pieces = text.split(|c: char| !(word_char(c) || c == '\'' || c == '’')).filter(|w| !w.is_empty());
    for (n, piece) in pieces.enumerate() {
        if n > 0 {
            out.push(' ');
        }
        for c in piece.chars().filter(|&c| word_char(c)) {
            normalize::push_lowercase(&mut out, c);
        }
    }
    out
}
