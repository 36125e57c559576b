//! A validator for Telegram's HTML parse mode, so the fake server can reject the
//! messages real Telegram rejects ("can't parse entities") and report the plain text
//! and entities Telegram would store.
//!
//! It follows the Bot API "HTML style" rules: only the tags Telegram supports, the
//! four named entities plus numeric ones, every tag closed in order. It is stricter
//! than Telegram in one place, on purpose: a bare `&` that does not start an entity
//! is an error (Telegram tolerates some), because the bot must escape every dynamic
//! string and a stray `&` means it did not.

use serde_json::{Value, json};

/// The result of parsing an HTML-formatted message text.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedText {
    /// The text the user sees: tags removed, entities decoded, whitespace trimmed.
    pub text: String,
    /// Bot API `MessageEntity` objects (offsets in UTF-16 code units).
    pub entities: Vec<Value>,
}

impl ParsedText {
    /// Text length as Telegram counts it (UTF-16 code units).
    pub fn utf16_len(&self) -> usize {
        self.text.encode_utf16().count()
    }

    /// A plain text message (no parse mode): the text as is, trimmed.
    pub fn plain(text: &str) -> Self {
        trim(text.to_owned(), Vec::new())
    }
}

struct Open {
    tag: String,
    start: usize, // UTF-16 offset in the output text
    entity: Option<Value>,
}

/// Parses `input` as Telegram HTML. `Err` holds the detail Telegram appends to
/// "Bad Request: can't parse entities: ".
pub fn parse_html(input: &str) -> Result<ParsedText, String> {
    let bytes = input.as_bytes();
    let mut out = String::with_capacity(input.len());
    let mut out16 = 0usize;
    let mut stack: Vec<Open> = Vec::new();
    let mut entities = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'&' => {
                let (ch, len) = parse_entity(&input[i..])
                    .ok_or_else(|| format!("Unsupported HTML entity or bare '&' at byte offset {i}"))?;
                out.push(ch);
                out16 += ch.len_utf16();
                i += len;
            }
            b'<' if bytes.get(i + 1) == Some(&b'/') => {
                let close = input[i..]
                    .find('>')
                    .map(|p| i + p)
                    .ok_or_else(|| format!("Unclosed end tag at byte offset {i}"))?;
                let name = input[i + 2..close].trim().to_ascii_lowercase();
                let Some(open) = stack.pop() else {
                    return Err(format!("Unexpected end tag at byte offset {i}"));
                };
                if open.tag != name {
                    return Err(format!(
                        "Unmatched end tag at byte offset {i}, expected \"</{}>\", found \"</{name}>\"",
                        open.tag
                    ));
                }
                if let Some(mut entity) = open.entity {
                    let length = out16 - open.start;
                    if length > 0 {
                        entity["offset"] = json!(open.start);
                        entity["length"] = json!(length);
                        entities.push(entity);
                    }
                }
                i = close + 1;
            }
            b'<' => {
                let (tag, attrs, end) = parse_start_tag(input, i)?;
                let in_pre = stack.last().is_some_and(|o| o.tag == "pre");
                let entity =
                    entity_for(&tag, &attrs, in_pre).map_err(|why| format!("{why} at byte offset {i}"))?;
                // `<pre><code class="language-x">` is one pre entity with a language.
                if tag == "code"
                    && in_pre
                    && let Some(lang) = attr(&attrs, "class").and_then(|c| c.strip_prefix("language-"))
                    && let Some(pre) = stack.last_mut().and_then(|o| o.entity.as_mut())
                {
                    pre["language"] = json!(lang);
                }
                stack.push(Open { tag, start: out16, entity });
                i = end;
            }
            _ => {
                // Copy one whole UTF-8 character.
                let ch = input[i..].chars().next().expect("in bounds");
                out.push(ch);
                out16 += ch.len_utf16();
                i += ch.len_utf8();
            }
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("Can't find end tag corresponding to start tag \"{}\"", open.tag));
    }
    // Telegram orders entities by offset, outer before inner.
    entities.sort_by_key(|e| (e["offset"].as_u64(), std::cmp::Reverse(e["length"].as_u64())));
    Ok(trim(out, entities))
}

/// Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#NN;` and `&#xHH;` at the start of
/// `s`; returns the character and the bytes consumed.
fn parse_entity(s: &str) -> Option<(char, usize)> {
    let semi = s.find(';')?;
    let body = &s[1..semi];
    let ch = match body {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        _ => {
            let num = body.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) if !hex.is_empty() && hex.len() <= 8 => u32::from_str_radix(hex, 16).ok()?,
                None if !num.is_empty() && num.len() <= 10 && num.bytes().all(|b| b.is_ascii_digit()) => {
                    num.parse().ok()?
                }
                _ => return None,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some((ch, semi + 1))
}

type Attrs = Vec<(String, String)>;

fn attr<'a>(attrs: &'a Attrs, name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Parses `<name attr="v" attr2=v2 flag>` starting at byte `at`; returns the
/// lowercase name, the attributes (values entity-decoded) and the index after `>`.
fn parse_start_tag(input: &str, at: usize) -> Result<(String, Attrs, usize), String> {
    let b = input.as_bytes();
    let is_name = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    let mut i = at + 1;
    while i < b.len() && is_name(b[i]) {
        i += 1;
    }
    let name = input[at + 1..i].to_ascii_lowercase();
    if name.is_empty() {
        return Err(format!("Unsupported start tag \"\" at byte offset {at}"));
    }
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i) {
            None => return Err(format!("Unclosed start tag at byte offset {at}")),
            Some(b'>') => return Ok((name, attrs, i + 1)),
            Some(c) if is_name(*c) => {}
            Some(_) => {
                return Err(format!(
                    "Expected equal sign in declaration of an attribute of the tag \"{name}\" at byte offset {at}"
                ));
            }
        }
        let start = i;
        while i < b.len() && is_name(b[i]) {
            i += 1;
        }
        let key = input[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            attrs.push((key, String::new()));
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let raw = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = input[i + 1..]
                    .find(q as char)
                    .map(|p| i + 1 + p)
                    .ok_or_else(|| format!("Unclosed start tag at byte offset {at}"))?;
                let v = &input[i + 1..end];
                i = end + 1;
                v
            }
            Some(_) => {
                let s = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                &input[s..i]
            }
            None => return Err(format!("Unclosed start tag at byte offset {at}")),
        };
        attrs.push((key, decode_attr(raw).map_err(|e| format!("{e} in attribute of tag \"{name}\""))?));
    }
}

fn decode_attr(raw: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let (ch, len) = parse_entity(&rest[p..]).ok_or("Unsupported HTML entity")?;
        out.push(ch);
        rest = &rest[p + len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The entity a supported tag produces, or why the tag is rejected.
fn entity_for(tag: &str, attrs: &Attrs, in_pre: bool) -> Result<Option<Value>, String> {
    let simple = |t: &str| Ok(Some(json!({ "type": t })));
    match tag {
        "b" | "strong" => simple("bold"),
        "i" | "em" => simple("italic"),
        "u" | "ins" => simple("underline"),
        "s" | "strike" | "del" => simple("strikethrough"),
        "tg-spoiler" => simple("spoiler"),
        "span" => match attr(attrs, "class") {
            Some("tg-spoiler") => simple("spoiler"),
            _ => Err("Tag \"span\" must have class \"tg-spoiler\"".into()),
        },
        "a" => match attr(attrs, "href") {
            Some(href) if !href.trim().is_empty() => {
                if let Some(id) = href.strip_prefix("tg://user?id=") {
                    Ok(Some(
                        json!({ "type": "text_mention", "user": { "id": id.parse::<i64>().unwrap_or(0), "is_bot": false, "first_name": "" } }),
                    ))
                } else if href.trim().contains(char::is_whitespace) {
                    // Telegram drops a link it cannot parse and keeps the text.
                    Ok(None)
                } else if href.contains("://") || href.starts_with("tg:") || href.starts_with("mailto:") {
                    Ok(Some(json!({ "type": "text_link", "url": href.trim() })))
                } else {
                    // Like Telegram, a bare domain becomes an http:// link.
                    Ok(Some(json!({ "type": "text_link", "url": format!("http://{}", href.trim()) })))
                }
            }
            _ => Err("Tag \"a\" must have a non-empty attribute \"href\"".into()),
        },
        // Inside <pre>, <code> only carries the language of the pre entity.
        "code" if in_pre => Ok(None),
        "code" => simple("code"),
        "pre" => simple("pre"),
        "blockquote" if attrs.iter().any(|(k, _)| k == "expandable") => simple("expandable_blockquote"),
        "blockquote" => simple("blockquote"),
        "tg-emoji" => match attr(attrs, "emoji-id") {
            Some(id) if !id.is_empty() => Ok(Some(json!({ "type": "custom_emoji", "custom_emoji_id": id }))),
            _ => Err("Tag \"tg-emoji\" must have attribute \"emoji-id\"".into()),
        },
        other => Err(format!("Unsupported start tag \"{other}\"")),
    }
}

/// Telegram strips leading and trailing whitespace from message texts; entity
/// offsets move with it.
fn trim(text: String, entities: Vec<Value>) -> ParsedText {
    let lead: usize = text.chars().take_while(|c| c.is_whitespace()).map(char::len_utf16).sum();
    let trimmed = text.trim().to_owned();
    let len = trimmed.encode_utf16().count();
    let entities = entities
        .into_iter()
        .filter_map(|mut e| {
            let start = e["offset"].as_u64()? as usize;
            let end = start + e["length"].as_u64()? as usize;
            let (s, t) = (start.saturating_sub(lead).min(len), end.saturating_sub(lead).min(len));
            (t > s).then(|| {
                e["offset"] = json!(s);
                e["length"] = json!(t - s);
                e
            })
        })
        .collect();
    ParsedText { text: trimmed, entities }
}
