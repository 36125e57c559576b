//! Pasted group chatter → its turns, and what in them is said to the bot.
//!
//! A chat pasted into a message keeps its speakers' labels and timestamps ("[10:15]
//! Lena: …"), on lines of their own or run together on one line, and mentions of the
//! bot anywhere: before the question ("@storybot which borders?"), after it ("which
//! borders? @storybot") or alone under someone else's turn ("Amir: @storybot ^").
//! Language-generic (English and Russian), never story-specific.

use super::message::split_at_pair;
use super::noise::orders;

/// Words a speaker label may have at a turn's start ("Lena:", "Tom B:").
const MAX_LABEL_WORDS: usize = 2;
/// Characters a bracketed tag may have ("[10:15]", "[Oleg]", "[admin mode]").
const MAX_TAG_CHARS: usize = 24;
/// Bytes a timestamp in brackets may have ("[10:15]", "[Sat 10:15:02]"): one inside a
/// line starts another turn of a chat pasted on one line.
const MAX_TIME_CHARS: usize = 24;
/// Letters of a day's or a month's name beside a time ("Saturday", "September").
const MAX_DAY_CHARS: usize = 9;
/// Characters a speaker's name may have when a label is found inside a line ("… Amir:
/// @storybot ^ Jake: …").
const MAX_NAME_CHARS: usize = 20;

/// One turn of a chat, decoration taken off.
pub(super) struct Turn<'a> {
    pub text: &'a str,
    /// It opened with a speaker's label, a tag or a quote mark.
    pub labelled: bool,
    /// It opened with a role in brackets ("[ADMIN] …", "[SYSTEM] …"): what it says first,
    /// unless it asks, is injected text.
    pub role: bool,
}

/// The turns of a message: its lines, the stretches between runs of spaces or before a
/// timestamp that a chat pasted on one line leaves between speakers, and, in a line
/// that opens with a speaker's label, each later label.
pub(super) fn turns<'a>(text: &'a str, names_a_thing: &dyn Fn(&str) -> bool) -> Vec<Turn<'a>> {
    let mut out = Vec::new();
    for line in lines(text) {
        let role = opens_with_role_tag(line);
        let (rest, labelled) = strip_decoration(line, names_a_thing);
        if !labelled {
            out.push(Turn { text: rest, labelled, role });
            continue;
        }
        // Later speakers' names are written as the first one's: "Background: …
        // narrower: …" has one label.
        let capitalised = line.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
        for (n, piece) in split_at_labels(rest, capitalised, names_a_thing).into_iter().enumerate() {
            let text = if n == 0 { piece } else { strip_decoration(piece, names_a_thing).0 };
            out.push(Turn { text, labelled, role: role && n == 0 });
        }
    }
    out
}

/// Whether `line` opens with a role in brackets ("[ADMIN]", "[system]"), after quote
/// marks: injected role text dressed as a chat tag.
fn opens_with_role_tag(line: &str) -> bool {
    let rest = line.trim_start_matches(['>', '-', '—', '–', '*', '•', ' ']);
    rest.strip_prefix('[')
        .and_then(|inner| inner.find(']').map(|end| &inner[..end]))
        .is_some_and(|tag| tag.chars().count() <= MAX_TAG_CHARS && orders(tag))
}

/// Lines, runs of two or more spaces, runs of two or more '#' (markdown headings and rules that
/// fence injected text: "### instruction: … ### what …"), and timestamps inside a line:
/// in brackets before a speaker ("… [10:16] Tom: …") or in parentheses after one ("…
/// Tom (10:16): …").
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut spaces = 0;
    // Where the last word started: a speaker's name, when "(10:16):" follows it.
    let mut word = 0;
    for (i, c) in text.char_indices() {
        let fence = c == '#' && (text[i + 1..].starts_with('#') || text[..i].ends_with('#'));
        if c == '\n' || c == '\r' || fence {
            out.push(&text[start..i]);
            start = i + 1;
            spaces = 0;
        } else if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= 2 || (spaces > 0 && c == '[' && is_timestamp(&text[i..], '[', ']')) {
                out.push(&text[start..i]);
                start = i;
            } else if spaces > 0 && c == '(' && word > start && speaker_time(&text[i..]) {
                out.push(&text[start..word]);
                start = word;
            }
            if spaces > 0 || i == start {
                word = i;
            }
            spaces = 0;
        }
    }
    out.push(&text[start..]);
    out.into_iter().map(str::trim).filter(|t| !t.is_empty()).collect()
}

/// Whether `text` opens with a timestamp in parentheses and a colon ("(10:16): …"), as
/// after a speaker's name.
fn speaker_time(text: &str) -> bool {
    text.find("):").is_some_and(|end| is_timestamp(&text[..=end], '(', ')'))
}

/// Whether `text` opens with a timestamp between `open` and `close`: a time ("[10:15]",
/// "(10:15)"), with a day, a date or "PM" beside it as chat apps write them ("[Sat
/// 10:04]", "[24.09.2022, 10:04]", "[10:04 PM]").
fn is_timestamp(text: &str, open: char, close: char) -> bool {
    let Some(inner) = text.strip_prefix(open) else { return false };
    let Some(end) = inner.find(close).filter(|&e| e <= MAX_TIME_CHARS) else { return false };
    let tokens = inner[..end].split([' ', ',']).filter(|t| !t.is_empty());
    let is_time = |t: &str| {
        let t = t.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':')
    };
    // A date ("24.09.2022", "9/24"), a day or month ("Sat", "сб", "Sept"), or "AM".
    let beside = |t: &str| {
        t.chars().all(|c| c.is_ascii_digit() || "./-".contains(c))
            || t.chars().count() <= MAX_DAY_CHARS && t.chars().all(|c| c.is_alphabetic() || c == '.')
    };
    let (mut times, mut all_fit) = (0, true);
    for token in tokens {
        if is_time(token) {
            times += 1;
        } else {
            all_fit &= beside(token);
        }
    }
    times == 1 && all_fit
}

/// Takes off what opens a pasted chat turn: quote marks ("> ", "-- "), bracketed tags
/// ("[10:15]", "[Oleg]", "[admin mode]") and a speaker's label ("Lena:", or "Lena:" alone
/// at the end); says whether anything was taken.
pub(super) fn strip_decoration<'a>(turn: &'a str, names_a_thing: &dyn Fn(&str) -> bool) -> (&'a str, bool) {
    let mut rest = turn.trim_start_matches(['>', '-', '—', '–', '*', '•', ' ']);
    // A time before it makes a name a speaker's even when it is also a word the story
    // knows, or one a typo fix turns into one ("[10:15] Саша:" is not "США").
    let mut timed = false;
    while let Some(inner) = rest.strip_prefix('[')
        && let Some(end) = inner.find(']').filter(|&e| inner[..e].chars().count() <= MAX_TAG_CHARS)
    {
        timed |= is_timestamp(rest, '[', ']');
        rest = inner[end + 1..].trim_start_matches([':', ' ']);
    }
    let split = split_at_pair(rest, *b": ").or_else(|| rest.strip_suffix(':').map(|label| (label, "")));
    if let Some((label, after)) = split {
        // "Kate (10:01):" is a label and its time.
        let label = match label.rfind(" (") {
            Some(at) if label.ends_with(')') && is_timestamp(&label[at + 1..], '(', ')') => {
                timed = true;
                &label[..at]
            }
            _ => label,
        };
        let words: Vec<&str> = label.split_whitespace().collect();
        let is_label = !words.is_empty()
            && words.len() <= MAX_LABEL_WORDS
            && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '_'))
            && !orders(label)
            && (timed || !names_a_thing(label));
        if is_label {
            rest = after;
        }
    }
    (rest.trim(), rest.len() != turn.len())
}

/// Splits a turn before each later speaker's label: one word and a colon ("… catch
/// draft dodgers Amir: @storybot ^ Jake: also …", "… dan: feels like forever"),
/// `capitalised` when the first speaker's name is.
fn split_at_labels<'a>(
    turn: &'a str,
    capitalised: bool,
    names_a_thing: &dyn Fn(&str) -> bool,
) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut start = 0;
    // Each ": ", found by leaping to each colon (a string search sets up a searcher).
    let bytes = turn.as_bytes();
    for colon in memchr::memchr_iter(b':', bytes).filter(|&at| bytes.get(at + 1) == Some(&b' ')) {
        let before = &turn[start..colon];
        let Some(space) = before.rfind(char::is_whitespace) else { continue };
        let name = &before[space + 1..];
        let is_name = name.chars().next().is_some_and(|c| c.is_uppercase() || !capitalised)
            && name.chars().count() <= MAX_NAME_CHARS
            && name.chars().all(char::is_alphabetic)
            && !names_a_thing(name)
            && !orders(name);
        if is_name {
            out.push(turn[start..start + space].trim());
            start += space + 1;
        }
    }
    out.push(&turn[start..]);
    out.retain(|t| !t.trim().is_empty());
    out
}

/// Which sentences of a piece of a turn are said to the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Addressed {
    No,
    /// It follows a mention: all of it.
    Whole,
    /// A mention ends it ("which borders? @storybot"): its last sentence.
    Last,
}

/// A turn split at its mentions.
pub(super) struct Mentions<'a> {
    pub pieces: Vec<(&'a str, Addressed)>,
    /// The turn mentions the bot.
    pub any: bool,
    /// A mention with no words around it in its turn ("Amir: @storybot ^"): it points
    /// at the turn before.
    pub points_up: bool,
}

/// Splits a turn at mentions ("… is that real? @storybot which region"): the text after
/// a mention is addressed to the bot; a mention with no words after it addresses the
/// sentence before it, or, with none before it either, the turn before.
pub(super) fn split_at_mentions(turn: &str) -> Mentions<'_> {
    let has_words = |t: &str| t.chars().any(char::is_alphanumeric);
    // "…, storybot?" calls the bot by name at the end: a mention that ends its piece.
    let called = called_at_end(turn);
    let turn = called.map_or(turn, |at| &turn[..at]);
    let mut mentions = Mentions { pieces: Vec::new(), any: called.is_some(), points_up: false };
    let mut rest = turn;
    let mut addressed = Addressed::No;
    while let Some(at) = find_mention(rest) {
        mentions.any = true;
        let after = &rest[at + 1..];
        let end = after.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(after.len());
        let next = after[end..].trim_start_matches([',', ':', ' ']);
        let before = &rest[..at];
        if has_words(next) {
            mentions.pieces.push((before, addressed));
            addressed = Addressed::Whole;
        } else {
            mentions.points_up |= !has_words(before) && addressed == Addressed::No;
            let whole = addressed == Addressed::Whole;
            mentions.pieces.push((before, if whole { addressed } else { Addressed::Last }));
            addressed = Addressed::No;
        }
        rest = next;
    }
    let last = if called.is_some() && addressed != Addressed::Whole { Addressed::Last } else { addressed };
    mentions.pieces.push((rest, last));
    mentions.pieces.retain(|(piece, _)| !piece.trim().is_empty());
    mentions
}

/// What the bot is called when a message speaks to it by name rather than by mention.
const BOT_NAMES: [&str; 4] = ["storybot", "bot", "бот", "ботик"];

/// Where a turn that ends by calling the bot by name after a comma ("which agency
/// reported it, storybot?", "кто это сказал, бот?") has its comma: the name would
/// otherwise be matched as the question's subject, small talk about the bot.
fn called_at_end(turn: &str) -> Option<usize> {
    let end = turn.trim_end_matches(|c: char| !c.is_alphanumeric());
    let name = end.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or(end);
    let before = end[..end.len() - name.len()].trim_end();
    (BOT_NAMES.contains(&name.to_lowercase().as_str()) && before.ends_with(',')).then(|| before.len() - 1)
}

/// Where a mention ("@name" at a word's start) begins.
fn find_mention(text: &str) -> Option<usize> {
    text.match_indices('@').map(|(i, _)| i).find(|&i| {
        let before_ok = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[i + 1..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_');
        before_ok && after_ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(message: &str) -> Vec<&str> {
        turns(message, &|t: &str| t.contains("Belarus")).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn a_chat_pasted_on_one_line_is_cut_into_its_turns() {
        assert_eq!(
            texts("[11:20] Саша: видели новость? [11:21] Маша: про очереди? [11:21] Саша: @bot сколько?"),
            ["видели новость?", "про очереди?", "@bot сколько?"]
        );
        assert_eq!(
            texts("Jake: is it true belarus helps Amir: @bot ^ Jake: also u owe me"),
            ["is it true belarus helps", "@bot ^", "also u owe me"]
        );
        assert_eq!(texts("вроде Axios [19:11] Игорь:"), ["вроде Axios"], "a label with nothing after it");
    }

    #[test]
    fn a_time_in_parentheses_after_a_speaker_starts_a_turn() {
        assert_eq!(
            texts(
                "Kate (10:01): is it bad? Tom (10:02): who says? Kate (10:02): @bot who said it Tom (10:03): tea?"
            ),
            ["is it bad?", "who says?", "@bot who said it", "tea?"]
        );
        assert_eq!(texts("Артур (10:15): сдал квартиру Вардан (10:16): ничоси"), ["сдал квартиру", "ничоси"]);
        assert_eq!(texts("the lines (a mile long): why?"), ["the lines (a mile long): why?"], "no time");
    }

    #[test]
    fn later_speakers_are_written_as_the_first_one() {
        assert_eq!(
            texts("kim: when was it @bot dan: feels long kim: ikr"),
            ["when was it @bot", "feels long", "ikr"]
        );
        let one = "Background: I read it all. What I wonder is narrower: who wrote it?";
        assert_eq!(texts(one), ["I read it all. What I wonder is narrower: who wrote it?"]);
    }

    #[test]
    fn a_line_without_a_label_is_not_cut_at_colons() {
        let framed = "so my question is about Nuijamaa: how long?";
        assert_eq!(texts(framed), [framed]);
        assert_eq!(texts("Lena: what did Belarus: do"), ["what did Belarus: do"], "a thing the story knows");
    }

    #[test]
    fn a_name_after_a_time_is_a_speaker_even_when_the_story_knows_the_word() {
        assert_eq!(texts("[09:40] Belarus: who let them in?"), ["who let them in?"]);
        assert_eq!(texts("Belarus (09:40): who let them in?"), ["who let them in?"]);
        assert_eq!(texts("Belarus: who let them in?"), ["Belarus: who let them in?"], "no time: a subject");
    }

    #[test]
    fn the_bot_called_by_name_at_the_end_is_a_mention() {
        let called = split_at_mentions("which agency reported it, storybot?");
        assert!(called.any);
        assert_eq!(called.pieces, [("which agency reported it", Addressed::Last)]);
        assert_eq!(split_at_mentions("кто это сказал, бот?!").pieces, [("кто это сказал", Addressed::Last)]);
        for kept in ["is the bot right?", "who runs this bot", "what about the robot, Tom?"] {
            let mentions = split_at_mentions(kept);
            assert!(!mentions.any, "{kept}");
            assert_eq!(mentions.pieces, [(kept, Addressed::No)]);
        }
    }

    #[test]
    fn a_mention_with_nothing_after_it_addresses_what_is_before_it() {
        let end = split_at_mentions("which borders tho? @storybot");
        assert_eq!(end.pieces, [("which borders tho? ", Addressed::Last)]);
        assert!(!end.points_up);
        let up = split_at_mentions("@storybot ^");
        assert!(up.points_up && up.any);
        let middle = split_at_mentions("is that real? @storybot which region");
        assert_eq!(middle.pieces, [("is that real? ", Addressed::No), ("which region", Addressed::Whole)]);
    }
}
