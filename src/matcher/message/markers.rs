//! Words inside a sentence that open a question part without a question mark: "… um so
//! *first question* how many … and *second question* what did …", "*my question is*
//! who …", "*вопрос такой* …", "*первый вопрос* сколько …". Voice typing leaves out
//! every mark, so a long message is one sentence; what follows each marker is a
//! question of its own, and what comes before the first sets the scene. Only a message
//! with no question mark is split so ([`super::read`]): a mark says where its
//! question is, and the scene before a marker may be what it asks about ("I'm in
//! Buryatia and my question is …?").

use super::super::noise::normalized;

/// Words that, before "question" ("*first* question", "*another* question"), number it
/// or say one more comes: the question follows.
const ORDINALS: [&str; 12] =
    ["first", "second", "third", "fourth", "next", "another", "last", "final", "1st", "2nd", "3rd", "other"];
/// Russian ordinals, before or after "вопрос" ("первый вопрос", "вопрос второй").
const ORDINALS_RU: [&str; 8] =
    ["первый", "второй", "третий", "четвертый", "четвёртый", "следующий", "последний", "другой"];
/// Words that, before "question is" ("*my* question is", "*the* question is"), say the
/// writer's question follows.
const OWNERS: [&str; 4] = ["my", "the", "our", "real"];
/// Words that, after "вопрос", say it follows ("вопрос *такой*", "вопрос *в том*").
const FOLLOWS_RU: [&str; 2] = ["такой", "такие"];
/// Words a part after a marker needs to be a question, not a trailing "first question".
const MIN_PART_WORDS: usize = 3;
/// Joiners left at the end of the part before a marker ("… called up *and* second
/// question …"): they join the parts, they ask nothing.
const TRAILING: [&str; 8] = ["and", "also", "so", "um", "then", "и", "а", "ну"];

/// `sentence` split where a marker opens a question in it: each piece, and whether a
/// marker opened it. One piece, unmarked, when it has no marker (or has one only at its
/// start with nothing before it: framing handles that).
pub(super) fn split(sentence: &str) -> Vec<(&str, bool)> {
    // Most sentences name no question: they are not read word by word.
    if !sentence.contains("uestion") && !sentence.contains("опрос") {
        return vec![(sentence, false)];
    }
    // Word spans (byte start, byte end) and their normalized forms.
    let spans: Vec<(usize, usize)> = word_spans(sentence);
    let words: Vec<String> = spans.iter().map(|&(s, e)| normalized(&sentence[s..e])).collect();
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (marker's first word, first word after)
    let mut i = 0;
    while i < words.len() {
        if let Some(len) = marker_at(&words, i)
            && words.len() - (i + len) >= MIN_PART_WORDS
        {
            cuts.push((i, i + len));
            i += len;
        } else {
            i += 1;
        }
    }
    if cuts.is_empty() {
        return vec![(sentence, false)];
    }
    let mut out = Vec::new();
    let mut from_word = 0;
    let mut marked = false;
    for &(at, after) in &cuts {
        let mut end_word = at;
        while end_word > from_word && TRAILING.contains(&words[end_word - 1].as_str()) {
            end_word -= 1;
        }
        if end_word > from_word {
            let piece = sentence[spans[from_word].0..spans[end_word - 1].1].trim();
            out.push((piece, marked));
        }
        from_word = after;
        marked = true;
    }
    out.push((sentence[spans[from_word].0..].trim(), true));
    out
}

/// The words a marker at `i` spans, if one stands there.
fn marker_at(words: &[String], i: usize) -> Option<usize> {
    let word = |k: usize| words.get(k).map(String::as_str).unwrap_or("");
    let question = |w: &str| w == "question" || w == "q";
    // "first question", "another question", "question two" is left alone: "two" counts.
    if ORDINALS.contains(&word(i)) && question(word(i + 1)) {
        // "… question is", "… question:" read as the marker with it.
        return Some(if word(i + 2) == "is" { 3 } else { 2 });
    }
    if OWNERS.contains(&word(i)) && question(word(i + 1)) && word(i + 2) == "is" {
        return Some(3);
    }
    if ORDINALS_RU.contains(&word(i)) && word(i + 1) == "вопрос" {
        return Some(if FOLLOWS_RU.contains(&word(i + 2)) { 3 } else { 2 });
    }
    if word(i) == "вопрос" && (FOLLOWS_RU.contains(&word(i + 1)) || ORDINALS_RU.contains(&word(i + 1)))
    {
        return Some(2);
    }
    if word(i) == "мой" && word(i + 1) == "вопрос" {
        return Some(2);
    }
    None
}

/// Byte spans of the whitespace-separated words of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_questions_without_marks_are_split_at_their_markers() {
        let s = "i keep hearing different numbers at work so first question who wrote the piece \
            and second question when did the lines at the border start";
        assert_eq!(
            split(s),
            vec![
                ("i keep hearing different numbers at work", false),
                ("who wrote the piece", true),
                ("when did the lines at the border start", true),
            ]
        );
        let ru = "мама спорит с соседкой каждый вечер ну вопрос такой кого отправляют на фронт";
        assert_eq!(
            split(ru),
            vec![("мама спорит с соседкой каждый вечер", false), ("кого отправляют на фронт", true)]
        );
        let owned = "we argued all night about it and my question is what the governor admitted";
        assert_eq!(split(owned)[1], ("what the governor admitted", true));
    }

    #[test]
    fn question_as_a_word_of_the_sentence_is_no_marker() {
        let s = "what did analysts question about the army and its pay";
        assert_eq!(split(s), vec![(s, false)]);
        let s = "they asked the question everyone asks about the draft";
        assert_eq!(split(s), vec![(s, false)]);
        // A marker with too little after it opens nothing.
        let s = "what did the governor say, that was my first question";
        assert_eq!(split(s), vec![(s, false)]);
    }
}
