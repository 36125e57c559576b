//! The content rules Telegram enforces beyond parameter types, with Telegram's own
//! error texts (teloxide maps them to `ApiError` variants): message text parsing
//! and length, inline keyboards, inline query results, bot commands, chat actions.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::html::{ParsedText, parse_html};

/// A `{"ok": false}` answer: HTTP status = `error_code`, and `description`.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiErr {
    pub code: u16,
    pub description: String,
    /// A 429's `parameters.retry_after`, in seconds.
    pub retry_after: Option<u32>,
}

impl ApiErr {
    pub fn new(code: u16, description: impl Into<String>) -> Self {
        ApiErr { code, description: description.into(), retry_after: None }
    }

    /// 429 `Too Many Requests: retry after <secs>`, as Telegram answers a flood or a
    /// message too soon in a group in slow mode.
    pub fn retry_after(secs: u32) -> Self {
        ApiErr {
            retry_after: Some(secs),
            ..ApiErr::new(429, format!("Too Many Requests: retry after {secs}"))
        }
    }

    /// 400 `Bad Request: <what>`.
    pub fn bad(what: impl AsRef<str>) -> Self {
        ApiErr::new(400, format!("Bad Request: {}", what.as_ref()))
    }
}

/// Telegram's limit on a message text, in UTF-16 code units after entity parsing.
pub const MAX_TEXT: usize = 4096;
/// Telegram's limit on a callback answer's notification text.
pub const MAX_CALLBACK_TEXT: usize = 200;

/// Where a text is sent: the error texts differ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TextUse {
    Send,
    Edit,
    InlineResult,
}

/// Parses a message text in `parse_mode` and applies the empty/too long rules.
pub fn message_text(
    text: &str,
    parse_mode: Option<&str>,
    entities: Option<&Value>,
    usage: TextUse,
) -> Result<ParsedText, ApiErr> {
    let mut parsed = match parse_mode.map(str::trim).filter(|m| !m.is_empty()) {
        None => ParsedText::plain(text),
        Some(m) if m.eq_ignore_ascii_case("html") => {
            parse_html(text).map_err(|e| ApiErr::bad(format!("can't parse entities: {e}")))?
        }
        // Markdown is not validated by the fake (the bot uses HTML); length is
        // checked on the raw text, which over-counts slightly.
        Some(m) if m.eq_ignore_ascii_case("markdownv2") || m.eq_ignore_ascii_case("markdown") => {
            ParsedText::plain(text)
        }
        Some(_) => return Err(ApiErr::bad("unsupported parse_mode")),
    };
    if parse_mode.is_none()
        && let Some(Value::Array(given)) = entities
    {
        parsed.entities = given.clone();
    }
    if parsed.text.is_empty() {
        return Err(ApiErr::bad(match usage {
            TextUse::InlineResult => "MESSAGE_EMPTY",
            _ => "message text is empty",
        }));
    }
    if parsed.utf16_len() > MAX_TEXT {
        return Err(ApiErr::bad(match usage {
            TextUse::Send => "message is too long",
            _ => "MESSAGE_TOO_LONG",
        }));
    }
    Ok(parsed)
}

/// Checks an inline keyboard's buttons: callback data is 1–64 bytes, and a button
/// needs an action besides its text. Other markups (reply keyboards) pass.
pub fn reply_markup(markup: Option<&Value>) -> Result<(), ApiErr> {
    let Some(rows) = markup.and_then(|m| m.get("inline_keyboard")).and_then(Value::as_array) else {
        return Ok(());
    };
    for button in rows.iter().filter_map(Value::as_array).flatten() {
        let Some(b) = button.as_object() else {
            continue;
        };
        if let Some(data) = b.get("callback_data") {
            let len = data.as_str().map_or(0, str::len);
            if !(1..=64).contains(&len) {
                return Err(ApiErr::bad("BUTTON_DATA_INVALID"));
            }
        }
        if b.get("text").and_then(Value::as_str).is_none_or(|t| t.trim().is_empty()) {
            return Err(ApiErr::bad("BUTTON_TEXT_INVALID"));
        }
        if !b.keys().any(|k| k != "text" && k != "style" && k != "icon_custom_emoji_id") {
            return Err(ApiErr::bad("text buttons are unallowed in the inline keyboard"));
        }
    }
    Ok(())
}

/// answerInlineQuery's results: at most 50, unique ids of 1–64 bytes, message
/// texts that parse and fit, keyboards that are valid.
pub fn inline_results(params: &Map<String, Value>) -> Result<(), ApiErr> {
    let results = params.get("results").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    if results.len() > 50 {
        return Err(ApiErr::bad("RESULTS_TOO_MUCH"));
    }
    let mut ids = HashSet::new();
    for r in results {
        let id = r["id"].as_str().unwrap_or_default();
        if id.is_empty() || id.len() > 64 {
            return Err(ApiErr::bad("RESULT_ID_INVALID"));
        }
        if !ids.insert(id) {
            return Err(ApiErr::bad("RESULT_ID_DUPLICATE"));
        }
        let content = &r["input_message_content"];
        if let Some(text) = content.get("message_text") {
            message_text(
                text.as_str().unwrap_or_default(),
                content["parse_mode"].as_str(),
                None,
                TextUse::InlineResult,
            )?;
        }
        reply_markup(r.get("reply_markup"))?;
    }
    if params.get("next_offset").and_then(Value::as_str).is_some_and(|o| o.len() > 64) {
        return Err(ApiErr::bad("NEXT_OFFSET_INVALID"));
    }
    Ok(())
}

/// setMyCommands: up to 100 commands, names of 1–32 lowercase letters, digits and
/// underscores, descriptions of 1–256 characters.
pub fn bot_commands(commands: &Value) -> Result<(), ApiErr> {
    let list = commands.as_array().map(Vec::as_slice).unwrap_or_default();
    if list.len() > 100 {
        return Err(ApiErr::bad("too many commands"));
    }
    for c in list {
        let name = c["command"].as_str().unwrap_or_default();
        let name_ok = (1..=32).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !name_ok {
            return Err(ApiErr::bad("BOT_COMMAND_INVALID"));
        }
        let desc = c["description"].as_str().unwrap_or_default();
        if !(1..=256).contains(&desc.trim().chars().count()) {
            return Err(ApiErr::bad("BOT_COMMAND_DESCRIPTION_INVALID"));
        }
    }
    Ok(())
}

/// sendChatAction's `action` must be one of Telegram's.
pub fn chat_action(action: &str) -> Result<(), ApiErr> {
    const ACTIONS: &[&str] = &[
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ];
    if ACTIONS.contains(&action) { Ok(()) } else { Err(ApiErr::bad("wrong parameter action in request")) }
}
