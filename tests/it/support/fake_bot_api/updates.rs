//! Builders for the updates tests push to the bot: messages in private chats and
//! groups, commands, replies, stickers, photos, button presses, inline queries and
//! the bot being added to a group.
//!
//! Each builder returns the update as JSON without `update_id` (the server assigns
//! it on `push_update`). The JSON carries every field teloxide 0.17 needs to
//! deserialize it into the intended `UpdateKind` (the self-test checks that), and
//! the entities Telegram itself adds (`bot_command`, `mention`), so the bot's own
//! command and mention parsing sees what it would see in production. Tweak a field
//! with `update["message"]["from"]["language_code"] = json!("ru")` when needed.

use std::{
    sync::atomic::{AtomicI64, Ordering},
    time::{SystemTime, UNIX_EPOCH},
};

use serde_json::{Value, json};

/// Message ids come from one process-wide counter shared with the messages the
/// fake server sends, so a message id never means two messages.
static NEXT_ID: AtomicI64 = AtomicI64::new(1000);

/// A fresh message id (also used for callback and inline query ids).
pub fn next_id() -> i64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// Unix time now, the `date` of new messages.
pub fn now_unix() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// A Telegram user (a person, or the bot itself).
#[derive(Clone, Debug, PartialEq)]
pub struct TestUser {
    pub id: i64,
    pub is_bot: bool,
    pub first_name: String,
    pub last_name: Option<String>,
    pub username: Option<String>,
    pub language_code: Option<String>,
}

impl TestUser {
    /// A person with this id and first name, no username, no language.
    pub fn new(id: i64, first_name: &str) -> Self {
        TestUser {
            id,
            is_bot: false,
            first_name: first_name.to_owned(),
            last_name: None,
            username: None,
            language_code: None,
        }
    }

    /// With an IETF language tag, as Telegram sends the user's app language.
    pub fn lang(mut self, code: &str) -> Self {
        self.language_code = Some(code.to_owned());
        self
    }

    pub fn username(mut self, username: &str) -> Self {
        self.username = Some(username.to_owned());
        self
    }

    /// The Bot API `User` object.
    pub fn json(&self) -> Value {
        let mut v = json!({ "id": self.id, "is_bot": self.is_bot, "first_name": self.first_name });
        for (key, val) in [
            ("last_name", &self.last_name),
            ("username", &self.username),
            ("language_code", &self.language_code),
        ] {
            if let Some(val) = val {
                v[key] = json!(val);
            }
        }
        v
    }
}

/// A chat: private (id = the user's id), group or supergroup (negative ids).
#[derive(Clone, Debug, PartialEq)]
pub struct TestChat {
    pub id: i64,
    json: Value,
}

impl TestChat {
    /// The private chat with `user` (Telegram uses the user's id as chat id).
    pub fn private(user: &TestUser) -> Self {
        let mut json = json!({ "id": user.id, "type": "private", "first_name": user.first_name });
        if let Some(u) = &user.username {
            json["username"] = json!(u);
        }
        if let Some(l) = &user.last_name {
            json["last_name"] = json!(l);
        }
        TestChat { id: user.id, json }
    }

    /// A basic group; `id` must be negative (e.g. `-4001`).
    pub fn group(id: i64, title: &str) -> Self {
        assert!(id < 0, "group chat ids are negative");
        TestChat { id, json: json!({ "id": id, "type": "group", "title": title }) }
    }

    /// A supergroup; ids look like `-100xxxxxxxxxx` (e.g. `-1001234567890`).
    pub fn supergroup(id: i64, title: &str) -> Self {
        assert!(id < 0, "supergroup chat ids are negative");
        TestChat { id, json: json!({ "id": id, "type": "supergroup", "title": title }) }
    }

    /// The chat of an existing message (e.g. one the bot sent).
    pub fn of_message(message: &Value) -> Self {
        let json = message["chat"].clone();
        TestChat { id: json["id"].as_i64().expect("message.chat.id"), json }
    }

    /// The Bot API `Chat` object.
    pub fn json(&self) -> Value {
        self.json.clone()
    }
}

/// Entities Telegram detects by itself in a user's text: `/command[@bot]` and
/// `@username`, with offsets and lengths in UTF-16 code units.
pub fn detect_entities(text: &str) -> Vec<Value> {
    let chars: Vec<char> = text.chars().collect();
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut entities = Vec::new();
    let mut offset16 = 0;
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !(word(chars[i - 1]) || chars[i - 1] == '/' || chars[i - 1] == '@');
        let kind = match chars[i] {
            '/' if at_word_start => Some("bot_command"),
            '@' if at_word_start => Some("mention"),
            _ => None,
        };
        if let Some(kind) = kind {
            let mut j = i + 1;
            while j < chars.len() && word(chars[j]) && j - i <= 32 {
                j += 1;
            }
            let name_len = j - i - 1;
            if kind == "bot_command" && name_len >= 1 && chars.get(j) == Some(&'@') {
                let mut k = j + 1;
                while k < chars.len() && word(chars[k]) {
                    k += 1;
                }
                if k - j > 3 {
                    j = k;
                }
            }
            let ok = match kind {
                "bot_command" => name_len >= 1,
                _ => (5..=32).contains(&name_len),
            };
            if ok && chars.get(j).is_none_or(|&c| !word(c)) {
                let len16: usize = chars[i..j].iter().map(|c| c.len_utf16()).sum();
                entities.push(json!({ "type": kind, "offset": offset16, "length": len16 }));
                offset16 += len16;
                i = j;
                continue;
            }
        }
        offset16 += chars[i].len_utf16();
        i += 1;
    }
    entities
}

fn base_message(chat: &TestChat, from: &TestUser) -> Value {
    json!({ "message_id": next_id(), "from": from.json(), "chat": chat.json(), "date": now_unix() })
}

/// A text `Message` object from `from` in `chat`, with detected entities.
pub fn text_message(chat: &TestChat, from: &TestUser, text: &str) -> Value {
    let mut m = base_message(chat, from);
    m["text"] = json!(text);
    let entities = detect_entities(text);
    if !entities.is_empty() {
        m["entities"] = json!(entities);
    }
    m
}

/// Wraps a `Message` as a `message` update.
pub fn message_update(message: Value) -> Value {
    json!({ "message": message })
}

/// A text message in any chat (private, group, supergroup). Commands
/// (`/ask@storybot how many`) and mentions get their entities.
pub fn text(chat: &TestChat, from: &TestUser, text: &str) -> Value {
    message_update(text_message(chat, from, text))
}

/// A text message from `from` in their private chat with the bot.
pub fn private_text(from: &TestUser, text: &str) -> Value {
    self::text(&TestChat::private(from), from, text)
}

/// A text message from `from` replying to `replied` (a `Message`, e.g. the bot's
/// from a recorded call's result or [`bot_message`]), in the same chat.
pub fn reply(from: &TestUser, replied: &Value, text: &str) -> Value {
    let mut m = text_message(&TestChat::of_message(replied), from, text);
    let mut inner = replied.clone();
    // Telegram does not nest replies more than one level.
    if let Some(obj) = inner.as_object_mut() {
        obj.remove("reply_to_message");
    }
    m["reply_to_message"] = inner;
    message_update(m)
}

/// A message the bot sent earlier (for replies and button presses in tests that
/// did not make the bot send it). Register it with `FakeBotApi::remember_message`
/// if the bot will edit or reply to it.
pub fn bot_message(bot: &TestUser, chat: &TestChat, text: &str) -> Value {
    let mut m = base_message(chat, bot);
    m["text"] = json!(text);
    m
}

/// A sticker message (a static regular sticker with this emoji).
pub fn sticker(chat: &TestChat, from: &TestUser, emoji: &str) -> Value {
    let mut m = base_message(chat, from);
    let n = next_id();
    m["sticker"] = json!({
        "file_id": format!("CAACAgIAAxkBAAE{n}"), "file_unique_id": format!("AgAD{n}"), "file_size": 24_000,
        "width": 512, "height": 512, "type": "regular", "is_animated": false, "is_video": false,
        "emoji": emoji, "set_name": "TestStickers",
    });
    message_update(m)
}

/// A photo message, with an optional caption (which gets detected entities).
pub fn photo(chat: &TestChat, from: &TestUser, caption: Option<&str>) -> Value {
    let mut m = base_message(chat, from);
    let n = next_id();
    m["photo"] = json!([
        { "file_id": format!("AgACAgIAAxkBAAE{n}s"), "file_unique_id": format!("AQAD{n}s"), "file_size": 1_500, "width": 90, "height": 67 },
        { "file_id": format!("AgACAgIAAxkBAAE{n}m"), "file_unique_id": format!("AQAD{n}m"), "file_size": 21_000, "width": 320, "height": 240 },
    ]);
    if let Some(c) = caption {
        m["caption"] = json!(c);
        let entities = detect_entities(c);
        if !entities.is_empty() {
            m["caption_entities"] = json!(entities);
        }
    }
    message_update(m)
}

/// A press on an inline keyboard button with `data`, under `message` (the bot's
/// `Message` carrying the keyboard).
pub fn callback_query(from: &TestUser, message: &Value, data: &str) -> Value {
    let chat_id = message["chat"]["id"].as_i64().unwrap_or_default();
    json!({ "callback_query": {
        "id": format!("4382{}", next_id()),
        "from": from.json(),
        "message": message,
        "chat_instance": format!("{}", chat_id.unsigned_abs().wrapping_mul(2_654_435_761)),
        "data": data,
    }})
}

/// An inline query (`@bot query` typed in any chat).
pub fn inline_query(from: &TestUser, query: &str, offset: &str) -> Value {
    json!({ "inline_query": {
        "id": format!("5917{}", next_id()),
        "from": from.json(),
        "query": query,
        "offset": offset,
        "chat_type": "sender",
    }})
}

/// `my_chat_member`: `by` added the bot to `chat` (status `left` → `member`).
pub fn bot_added(chat: &TestChat, by: &TestUser, bot: &TestUser) -> Value {
    json!({ "my_chat_member": {
        "chat": chat.json(),
        "from": by.json(),
        "date": now_unix(),
        "old_chat_member": { "user": bot.json(), "status": "left" },
        "new_chat_member": { "user": bot.json(), "status": "member" },
    }})
}
