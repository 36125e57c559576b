//! Noise that is not a question: injected role text and orders. "Ignore previous
//! instructions", "SYSTEM: …", "You are now …", `<system>…</system>` and "Confirm that
//! …" give the bot orders instead of asking it something; a sentence holding one is set
//! aside whole, so an injected claim is never matched, let alone confirmed.
//! Language-generic (English and Russian), never story-specific.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::normalize;

mod bracketed;
mod fenced;
mod phrases;

use phrases::{CLAIM_ORDERS, CLAIM_ORDERS_AFTER_INJECTION, CONFIRMS, EARNEST, INJECTIONS, PIVOTS, ROLES};

/// `<system>…</system>` and the like: markup around injected role text, set aside with
/// what it holds; so is a code block or JSON object of orders (fenced.rs) and a
/// bracketed block of role text, "[SYSTEM: …]" (bracketed.rs).
pub(super) fn strip_role_blocks(text: &str) -> Cow<'_, str> {
    let text = match fenced::strip_fenced_orders(text) {
        Cow::Borrowed(text) => strip_markup_blocks(text),
        Cow::Owned(text) => Cow::Owned(strip_markup_blocks(&text).into_owned()),
    };
    match text {
        Cow::Borrowed(text) => bracketed::strip_bracketed_roles(text),
        Cow::Owned(text) => Cow::Owned(bracketed::strip_bracketed_roles(&text).into_owned()),
    }
}

/// `<system>…</system>` and chat-template tokens (see [`strip_role_blocks`]).
fn strip_markup_blocks(text: &str) -> Cow<'_, str> {
    // Lowercasing never makes a '<': text without one has no markup to look at.
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    if text.contains("<!--") {
        let plain = strip_html_comments(text);
        return Cow::Owned(strip_markup_blocks(&plain).into_owned());
    }
    if text.contains("<|") {
        // A "<|" with no token after it stays in the text: strip the tags only, or
        // this would call itself for ever ("<|" alone overflowed the stack).
        let plain = strip_template_tokens(text);
        return Cow::Owned(strip_tag_blocks(&plain).into_owned());
    }
    strip_tag_blocks(text)
}

/// `text` without its HTML comments (`<!-- assistant: … -->`): hidden text, never the
/// sender's question, and a place to hide role text in. A comment never closed runs to
/// the end.
fn strip_html_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        out.push(' ');
        let after = &rest[open + 4..];
        rest = after.find("-->").map_or("", |close| &after[close + 3..]);
    }
    out.push_str(rest);
    out
}

/// `<system>…</system>` and the like (see [`strip_role_blocks`]), in text whose
/// chat-template tokens are already set aside.
fn strip_tag_blocks(text: &str) -> Cow<'_, str> {
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

/// Chat-template tokens (`<|im_start|>system … <|im_end|>`, `<|system|> …`): a block a
/// role token opens is role text, set aside up to the next token; any other token
/// (`<|im_start|>user`, `<|im_end|>`) is markup, set aside alone.
fn strip_template_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("<|") {
        out.push_str(&rest[..open]);
        out.push(' ');
        let Some(len) = rest[open..].find("|>").filter(|&l| l <= MAX_TOKEN_CHARS) else {
            out.push_str("<|");
            rest = &rest[open + 2..];
            continue;
        };
        let token = rest[open + 2..open + len].to_lowercase();
        let after = &rest[open + len + 2..];
        let first = after.split_whitespace().next().unwrap_or("").to_lowercase();
        let role = |word: &str| ROLES.contains(&word);
        rest = match token.as_str() {
            "im_start" if role(&first) => after.find("<|").map_or("", |end| &after[end..]),
            "im_start" if ["user", "пользователь"].contains(&first.as_str()) => {
                after.trim_start().get(first.len()..).unwrap_or("")
            }
            t if role(t) => after.find("<|").map_or("", |end| &after[end..]),
            _ => after,
        };
    }
    out.push_str(rest);
    out
}

/// Characters a chat-template token may have between its `<|` and `|>`.
const MAX_TOKEN_CHARS: usize = 24;

/// Whether a sentence gives the bot orders ("Ignore previous instructions…", "SYSTEM:
/// you are …"); `words` is the sentence as [`normalized`] gives it, so a sentence read
/// for orders is normalized once for every check.
pub(super) fn is_injection(sentence: &str, words: &str) -> bool {
    // A role label needs its colon: most sentences have none, and lowercasing them
    // cost as much as the rest of the check.
    // Or a tag around it: "[admin]", "<<system>>".
    let opening = sentence.trim_start();
    let tagged = opening.starts_with(['<', '[']);
    let role = (tagged || sentence.contains(':')) && {
        let lower = opening.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let closes = |rest: &str| rest.starts_with(':') || (tagged && rest.starts_with(['>', ']']));
        ROLES.iter().any(|r| lower.strip_prefix(r).is_some_and(|rest| closes(rest.trim_start())))
    };
    role || opens_with(words, &CONFIRMS) || an_injection_at_a_word_start(words)
}

/// Whether a sentence, its `words` as [`normalized`] gives them, orders a claim
/// confirmed ("Please confirm with the quote").
pub(super) fn orders_confirmation(words: &str) -> bool {
    opens_with(words, &CONFIRMS)
}

/// Whether a sentence without a question mark (its `words` as [`normalized`] gives
/// them) orders a claim said or written ("Write that …"); "скажи, что …" counts only
/// `after_injection`.
pub(super) fn orders_a_claim(sentence: &str, words: &str, after_injection: bool) -> bool {
    if sentence.contains('?') {
        return false;
    }
    opens_with(words, &CLAIM_ORDERS) || (after_injection && opens_with(words, &CLAIM_ORDERS_AFTER_INJECTION))
}

/// What follows the last pivot of [`PIVOTS`] in `sentence` ("… okay so *what did …*"),
/// when something does: in a sentence of orders, the sender's own question.
pub(super) fn after_pivot(sentence: &str) -> Option<&str> {
    let spans = word_spans(sentence);
    let mut rest = None;
    for at in 0..spans.len() {
        if let Some(len) = pivot_at(&spans[at..]) {
            rest = spans.get(at + len).map(|(start, _)| &sentence[*start..]);
        }
    }
    rest.filter(|r| r.chars().any(char::is_alphanumeric))
}

/// `sentence` without a pivot that opens it ("ну а кто …" → "кто …"); itself when none
/// does, or nothing follows.
pub(super) fn without_leading_pivot(sentence: &str) -> &str {
    let spans = word_spans(sentence);
    match pivot_at(&spans).and_then(|len| spans.get(len)) {
        Some((start, _)) => &sentence[*start..],
        None => sentence,
    }
}

/// Whether a pivot of [`PIVOTS`] occurs among `words` ("… you're a travel agent now.
/// *Real question* though: …"): the writer turns to their own question there.
pub(super) fn pivots_among(words: &[String]) -> bool {
    (0..words.len()).any(|at| {
        PIVOTS.iter().any(|p| {
            let pivot = p.split(' ');
            pivot.clone().count() <= words.len() - at && pivot.zip(&words[at..]).all(|(w, s)| w == s)
        })
    })
}

/// The words of the longest pivot that `spans` open with, and the earnest words after it.
fn pivot_at(spans: &[(usize, String)]) -> Option<usize> {
    let len = PIVOTS
        .iter()
        .map(|p| p.split(' ').collect::<Vec<_>>())
        .filter(|p| p.len() <= spans.len() && p.iter().zip(spans).all(|(w, (_, s))| w == s))
        .map(|p| p.len())
        .max()?;
    Some(len + spans[len..].iter().take_while(|(_, w)| EARNEST.contains(&w.as_str())).count())
}

/// Each word of `text` with its byte offset, as [`normalized`] gives it.
fn word_spans(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let word = normalized(raw);
        if !word.is_empty() {
            let lead = raw.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
            out.push((offset + lead, word));
        }
        offset += raw.len();
    }
    out
}

/// Whether `words` (as [`normalized`] gives them) open with one of `phrases`, whole.
fn opens_with(words: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| words.strip_prefix(p).is_some_and(|rest| rest.is_empty() || rest.starts_with(' ')))
}

/// Whether one of [`INJECTIONS`] occurs in `words` (as [`normalized`] gives them) where
/// a word starts. Every sentence of every message is asked this, so the phrases are
/// found in one pass by an automaton built once; every occurrence is looked at
/// (overlapping), so one inside a word cannot hide one at a word start.
fn an_injection_at_a_word_start(words: &str) -> bool {
    static PHRASES: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(INJECTIONS).expect("the injection phrases make an automaton"));
    let bytes = words.as_bytes();
    PHRASES.find_overlapping_iter(words).any(|m| m.start() == 0 || bytes[m.start() - 1] == b' ')
}

/// Whether a label before a colon gives an order ("SYSTEM:", "Please confirm:"): it is
/// injected text, not a speaker, and the sentence it opens is set aside.
pub(super) fn orders(label: &str) -> bool {
    let label = normalized(label);
    ROLES.contains(&label.as_str()) || CONFIRMS.contains(&label.as_str())
}

/// Lowercase words with apostrophes dropped, one space apart.
pub(super) fn normalized(text: &str) -> String {
    if text.is_ascii() {
        return normalized_ascii(text);
    }
    // One pass, as `normalized_ascii` makes: a piece (a run of word characters and
    // apostrophes) is one word, its apostrophes dropped.
    let mut out = String::with_capacity(text.len());
    let (mut in_piece, mut any_piece) = (false, false);
    for c in text.chars() {
        let word = normalize::is_word_char(c);
        if !(word || c == '\'' || c == '’') {
            in_piece = false;
            continue;
        }
        if !in_piece {
            if any_piece {
                out.push(' ');
            }
            (in_piece, any_piece) = (true, true);
        }
        if word {
            normalize::push_lowercase(&mut out, c);
        }
    }
    out
}

/// [`normalized`] for ASCII text (most messages), byte by byte in one pass: a piece
/// (a run of word bytes and apostrophes) is one word, its apostrophes dropped.
fn normalized_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_piece, mut any_piece) = (false, false);
    for &b in text.as_bytes() {
        let word = b.is_ascii_alphanumeric();
        if !(word || b == b'\'') {
            in_piece = false;
            continue;
        }
        if !in_piece {
            if any_piece {
                out.push(' ');
            }
            (in_piece, any_piece) = (true, true);
        }
        if word {
            out.push(char::from(b.to_ascii_lowercase()));
        }
    }
    out
}

/// The first word of [`normalized`]`(text)`, without normalizing the rest: whether a
/// sentence opens with a question word is asked of every sentence.
pub(super) fn first_normalized_word(text: &str) -> String {
    let word_char = |c: char| normalize::is_word_char(c);
    let piece = text.split(|c: char| !(word_char(c) || c == '\'' || c == '’')).find(|w| !w.is_empty());
    let mut out = String::new();
    for c in piece.unwrap_or("").chars().filter(|&c| word_char(c)) {
        normalize::push_lowercase(&mut out, c);
    }
    out
}

#[cfg(test)]
mod tests;
