//! One `ask --json` line, written field by field: the bytes serde_json would write
//! for [`AskJson`] (a test holds them equal), with strings escaped sixteen bytes at a
//! time. serde_json looks at every byte of a string on its own, and a line carries
//! the reply, the answer and the quote, about 1.5 KB: that was a sixth of what
//! `ask --json -` spends on a question.

use super::ask::AskJson;

impl AskJson<'_> {
    /// Appends the object, in its fields' order, without a newline.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"question\":");
        push_str(out, self.question);
        out.extend_from_slice(if self.matched { b",\"matched\":true" } else { b",\"matched\":false" });
        out.extend_from_slice(b",\"id\":");
        push_opt(out, self.id);
        out.extend_from_slice(b",\"score\":");
        // Numbers exactly as serde_json spells them (shortest round trip; null when not
        // finite).
        serde_json::to_writer(&mut *out, &self.score).expect("a number writes to memory");
        out.extend_from_slice(b",\"answer\":");
        push_opt(out, self.answer);
        out.extend_from_slice(b",\"source\":");
        push_opt(out, self.source);
        out.extend_from_slice(b",\"quote\":");
        push_opt(out, self.quote);
        out.extend_from_slice(b",\"quotes\":");
        match self.quotes {
            Some(quotes) => push_list(out, quotes.iter().map(String::as_str)),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"link\":");
        push_opt(out, self.link);
        out.extend_from_slice(b",\"reply\":");
        push_str(out, self.reply);
        out.extend_from_slice(b",\"suggestions\":");
        push_list(out, self.suggestions.iter().map(|b| b.label.as_str()));
        out.extend_from_slice(b",\"lang\":");
        push_str(out, self.lang);
        out.extend_from_slice(b",\"outcome\":");
        push_str(out, self.outcome);
        out.push(b'}');
    }
}

fn push_opt(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(s) => push_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn push_list<'a>(out: &mut Vec<u8>, items: impl Iterator<Item = &'a str>) {
    out.push(b'[');
    for (n, item) in items.enumerate() {
        if n > 0 {
            out.push(b',');
        }
        push_str(out, item);
    }
    out.push(b']');
}

/// Bytes looked at at once: a chunk with nothing to escape (nearly all of them) is
/// passed over in a few vector instructions.
const CHUNK: usize = 16;

/// Whether any byte of `chunk` needs escaping: below 0x20, a quote or a backslash.
/// Written without early exits, so the compiler checks the bytes side by side.
fn any_escape(chunk: &[u8; CHUNK]) -> bool {
    chunk.iter().fold(false, |any, &byte| any | (byte < 0x20) | (byte == b'"') | (byte == b'\\'))
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `\"`, `\\`, the
/// short escapes of \b \t \n \f \r, and `\u00XX` (lowercase hex) for the other
/// control characters; everything else as it is.
fn push_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + CHUNK)
            && !any_escape(chunk.try_into().expect("a whole chunk"))
        {
            i += CHUNK;
            continue;
        }
        // This chunk (or the short end) byte by byte.
        for at in i..(i + CHUNK).min(bytes.len()) {
            let byte = bytes[at];
            if byte >= 0x20 && byte != b'"' && byte != b'\\' {
                continue;
            }
            out.extend_from_slice(&bytes[run..at]);
            push_escape(out, byte);
            run = at + 1;
        }
        i += CHUNK;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// The escape of one byte that needs one.
fn push_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        b'\t' => b't',
        b'\n' => b'n',
        0x0C => b'f',
        b'\r' => b'r',
        _ => {
            let hex = |nibble: u8| HEX[usize::from(nibble)];
            return out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(byte >> 4), hex(byte & 0xF)]);
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{Action, Button};

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        push_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0u8..128).map(char::from).collect();
        let texts = [
            String::new(),
            every_ascii.clone(),
            every_ascii.chars().rev().collect(),
            "Putin said \"300,000\".\n\nSource: AP, via Axios — «цитата» \\ tab\there".to_string(),
            "ab\"cdefgh\u{1}ijklmnop\u{1f}\u{7f}é".to_string(),
            "x".repeat(17) + "\n" + &"y".repeat(7),
            "z".repeat(40) + "\"" + &"w".repeat(20) + "\u{1}",
        ];
        for text in &texts {
            assert_eq!(escaped(text), serde_json::to_string(text).unwrap(), "{text:?}");
            // Every offset, so an escape falls at each place in a chunk.
            for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let tail = &text[start..];
                assert_eq!(escaped(tail), serde_json::to_string(tail).unwrap(), "{tail:?}");
            }
        }
    }

    #[test]
    fn a_line_is_what_serde_json_writes() {
        let reply = "Putin said as many as 300,000 could be called up.\n\nSource: AP";
        let quotes = ["…after Putin said…".to_string(), "second".to_string()];
        let button = |label: &str| Button { label: label.to_string(), action: Action::Topic(0) };
        let suggestions = [button("Who fled?"), button("Where to?")];
        let mut json = AskJson {
            question: "how many? \"quoted\"",
            matched: true,
            id: Some("callup-size"),
            score: 0.913,
            answer: Some("300,000"),
            source: Some("AP, via Axios"),
            quote: Some("…after Putin said…"),
            quotes: Some(&quotes),
            link: Some("https://www.axios.com/a#:~:text=after%20Putin"),
            reply,
            suggestions: &suggestions,
            lang: "en",
            outcome: "answer",
        };
        let written = |json: &AskJson| {
            let mut out = Vec::new();
            json.write_to(&mut out);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(written(&json), serde_json::to_string(&json).unwrap());
        (json.matched, json.id, json.answer, json.source, json.quote, json.quotes, json.link) =
            (false, None, None, None, None, None, None);
        (json.score, json.suggestions) = (0.0, &[]);
        assert_eq!(written(&json), serde_json::to_string(&json).unwrap());
        json.score = f32::NAN;
        assert_eq!(written(&json), serde_json::to_string(&json).unwrap());
    }
}
