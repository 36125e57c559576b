//! The answers of the fake Bot API: one function per supported method, returning the
//! `result` Telegram would (full `Message` objects teloxide can deserialize, `true`,
//! `WebhookInfo`, ...) or the error Telegram would give. Parameters have already
//! passed the spec check (required ones are present).

use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::{
    checks::{self, ApiErr, TextUse},
    html::ParsedText,
    polling,
    state::{Shared, State},
    updates::{next_id, now_unix},
};

const NOT_MODIFIED: &str = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_INVALID: &str = "query is too old and response timeout expired or query ID is invalid";

type Params = Map<String, Value>;

/// Answers `method` (the spec spelling).
pub(crate) async fn call(shared: &Arc<Shared>, method: &str, p: &Params) -> Result<Value, ApiErr> {
    if method == "getUpdates" {
        return polling::get_updates(shared, p).await;
    }
    let bot = shared.bot_user_json();
    let result = {
        let mut st = shared.lock();
        answer(shared, &mut st, &bot, method, p)
    };
    shared.bump();
    result
}

fn answer(shared: &Shared, st: &mut State, bot: &Value, method: &str, p: &Params) -> Result<Value, ApiErr> {
    let c = &shared.config;
    match method {
        "getMe" => Ok(json!({
            "id": c.bot_id, "is_bot": true, "first_name": c.first_name, "username": c.username,
            "can_join_groups": c.can_join_groups,
            "can_read_all_group_messages": c.can_read_all_group_messages,
            "supports_inline_queries": c.supports_inline_queries,
            "can_connect_to_business": false,
            "has_main_web_app": false,
        })),
        "logOut" | "close" | "leaveChat" | "setMyDescription" | "setMyShortDescription" => Ok(json!(true)),
        "setWebhook" => {
            let url = str_param(p, "url");
            if !url.is_empty() && !url.starts_with("https://") {
                return Err(ApiErr::bad("bad webhook: An HTTPS URL must be provided for webhook"));
            }
            st.webhook_url = url.to_owned();
            if p.get("drop_pending_updates") == Some(&json!(true)) {
                st.updates.clear();
            }
            Ok(json!(true))
        }
        "deleteWebhook" => {
            st.webhook_url.clear();
            if p.get("drop_pending_updates") == Some(&json!(true)) {
                st.updates.clear();
            }
            Ok(json!(true))
        }
        "getWebhookInfo" => Ok(json!({
            "url": st.webhook_url, "has_custom_certificate": false, "pending_update_count": st.updates.len(),
        })),
        "sendMessage" => send_message(st, bot, p),
        "editMessageText" => edit_message(st, p, true),
        "editMessageReplyMarkup" => edit_message(st, p, false),
        "deleteMessage" => {
            let key = message_key(st, p)?;
            st.messages
                .remove(&key)
                .map(|_| json!(true))
                .ok_or_else(|| ApiErr::bad("message to delete not found"))
        }
        "sendChatAction" => {
            checks::chat_action(str_param(p, "action"))?;
            Ok(json!(true))
        }
        "answerCallbackQuery" => {
            if p.get("text")
                .and_then(Value::as_str)
                .is_some_and(|t| t.chars().count() > checks::MAX_CALLBACK_TEXT)
            {
                return Err(ApiErr::bad("MESSAGE_TOO_LONG"));
            }
            answer_query(shared, st, str_param(p, "callback_query_id"))
        }
        "answerInlineQuery" => {
            checks::inline_results(p)?;
            answer_query(shared, st, str_param(p, "inline_query_id"))
        }
        "setMyCommands" => {
            let commands = p.get("commands").cloned().unwrap_or_default();
            checks::bot_commands(&commands)?;
            st.commands.insert(commands_key(p), commands);
            Ok(json!(true))
        }
        "deleteMyCommands" => {
            st.commands.remove(&commands_key(p));
            Ok(json!(true))
        }
        "getMyCommands" => Ok(st.commands.get(&commands_key(p)).cloned().unwrap_or_else(|| json!([]))),
        "getChat" => {
            let id = p.get("chat_id").and_then(Value::as_i64).ok_or_else(|| ApiErr::bad("chat not found"))?;
            let chat = st.chats.get(&id).cloned().ok_or_else(|| ApiErr::bad("chat not found"))?;
            let mut full = chat;
            if let Some(slow) = st.slow_mode.get(&id) {
                full["slow_mode_delay"] = json!(slow.delay.as_secs());
            }
            full["accent_color_id"] = json!(0);
            full["max_reaction_count"] = json!(11);
            full["accepted_gift_types"] = json!({ "unlimited_gifts": false, "limited_gifts": false, "unique_gifts": false, "premium_subscription": false });
            Ok(full)
        }
        other => {
            Err(ApiErr::new(501, format!("Not Implemented: the fake Bot API has no answer for {other}")))
        }
    }
}

fn str_param<'a>(p: &'a Params, key: &str) -> &'a str {
    p.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// A callback or inline query id must be one pushed to the bot and not answered yet.
fn answer_query(shared: &Shared, st: &mut State, id: &str) -> Result<Value, ApiErr> {
    match st.queries.get_mut(id) {
        Some(answered @ false) => {
            *answered = true;
            Ok(json!(true))
        }
        _ if !shared.config.strict_query_ids => Ok(json!(true)),
        _ => Err(ApiErr::bad(QUERY_INVALID)),
    }
}

fn commands_key(p: &Params) -> String {
    let scope = p.get("scope").cloned().unwrap_or_else(|| json!({ "type": "default" }));
    format!("{scope}|{}", str_param(p, "language_code"))
}

/// The chat a message goes to: one already known, else one made up from the id
/// (positive: a private chat; negative: a group or, for -100…, a supergroup).
fn resolve_chat(st: &mut State, chat_id: &Value) -> Result<Value, ApiErr> {
    let chat = match chat_id {
        Value::Number(n) => {
            let id = n.as_i64().ok_or_else(|| ApiErr::bad("chat not found"))?;
            st.chats.get(&id).cloned().unwrap_or_else(|| match id {
                id if id > 0 => {
                    json!({ "id": id, "type": "private", "first_name": format!("User {id}") })
                }
                id if id <= -1_000_000_000_000 => {
                    json!({ "id": id, "type": "supergroup", "title": format!("Chat {id}") })
                }
                id => json!({ "id": id, "type": "group", "title": format!("Chat {id}") }),
            })
        }
        Value::String(name) if name.starts_with('@') => {
            let found = st
                .chats
                .values()
                .find(|c| c["username"].as_str().map(|u| format!("@{u}")).as_deref() == Some(name));
            found.cloned().unwrap_or_else(|| {
                let id = -1_000_000_000_000 - (name.bytes().map(i64::from).sum::<i64>());
                json!({ "id": id, "type": "supergroup", "title": name, "username": &name[1..] })
            })
        }
        _ => return Err(ApiErr::bad("chat not found")),
    };
    st.remember_chat(&chat);
    Ok(chat)
}

fn message_key(st: &mut State, p: &Params) -> Result<(i64, i64), ApiErr> {
    let chat = resolve_chat(st, p.get("chat_id").unwrap_or(&Value::Null))?;
    let id = p
        .get("message_id")
        .and_then(Value::as_i64)
        .ok_or_else(|| ApiErr::bad("message identifier is not specified"))?;
    Ok((chat["id"].as_i64().unwrap_or_default(), id))
}

fn remove(v: &mut Value, key: &str) {
    if let Some(obj) = v.as_object_mut() {
        obj.remove(key);
    }
}

/// Puts text and entities on a message; Telegram only returns inline keyboards.
fn set_content(m: &mut Value, parsed: Option<ParsedText>, markup: Option<&Value>) {
    if let Some(parsed) = parsed {
        m["text"] = json!(parsed.text);
        if parsed.entities.is_empty() {
            remove(m, "entities");
        } else {
            m["entities"] = json!(parsed.entities);
        }
    }
    let inline = markup.filter(|k| k["inline_keyboard"].as_array().is_some_and(|rows| !rows.is_empty()));
    match inline {
        Some(k) => m["reply_markup"] = k.clone(),
        None => remove(m, "reply_markup"),
    }
}

fn send_message(st: &mut State, bot: &Value, p: &Params) -> Result<Value, ApiErr> {
    let parsed = checks::message_text(
        str_param(p, "text"),
        p.get("parse_mode").and_then(Value::as_str),
        p.get("entities"),
        TextUse::Send,
    )?;
    checks::reply_markup(p.get("reply_markup"))?;
    let chat = resolve_chat(st, p.get("chat_id").unwrap_or(&Value::Null))?;
    let chat_id = chat["id"].as_i64().unwrap_or_default();
    let now = std::time::Instant::now();
    if let Some(secs) = st.slow_mode.get(&chat_id).and_then(|slow| slow.wait(now)) {
        return Err(ApiErr::retry_after(secs));
    }
    let mut m = json!({ "message_id": next_id(), "from": bot, "chat": chat, "date": now_unix() });
    if let Some(thread) = p.get("message_thread_id") {
        m["message_thread_id"] = thread.clone();
    }
    if let Some(reply) = p.get("reply_parameters").filter(|r| r.is_object()) {
        let reply_chat = match reply.get("chat_id") {
            Some(id) => resolve_chat(st, id)?["id"].as_i64().unwrap_or_default(),
            None => chat_id,
        };
        let target = reply["message_id"].as_i64().and_then(|id| st.messages.get(&(reply_chat, id)));
        match target {
            Some(replied) => {
                let mut replied = replied.clone();
                remove(&mut replied, "reply_to_message");
                m["reply_to_message"] = replied;
            }
            None if reply["allow_sending_without_reply"] == json!(true) => {}
            None => return Err(ApiErr::bad("message to be replied not found")),
        }
    }
    set_content(&mut m, Some(parsed), p.get("reply_markup"));
    st.remember_message(&m);
    if let Some(slow) = st.slow_mode.get_mut(&chat_id) {
        slow.last = Some(now);
    }
    Ok(m)
}

/// editMessageText (`text = true`) or editMessageReplyMarkup.
fn edit_message(st: &mut State, p: &Params, text: bool) -> Result<Value, ApiErr> {
    let parsed = if text {
        if !p.contains_key("text") && !p.contains_key("rich_message") {
            return Err(ApiErr::bad("message text is empty"));
        }
        Some(checks::message_text(
            str_param(p, "text"),
            p.get("parse_mode").and_then(Value::as_str),
            p.get("entities"),
            TextUse::Edit,
        )?)
    } else {
        None
    };
    checks::reply_markup(p.get("reply_markup"))?;
    if p.contains_key("inline_message_id") {
        return Ok(json!(true)); // Messages sent via inline mode: Telegram answers True.
    }
    let key = message_key(st, p)?;
    let current = st.messages.get(&key).cloned().ok_or_else(|| ApiErr::bad("message to edit not found"))?;
    let mut edited = current.clone();
    set_content(&mut edited, parsed, p.get("reply_markup"));
    if edited == current {
        return Err(ApiErr::bad(NOT_MODIFIED));
    }
    edited["edit_date"] = json!(now_unix());
    st.messages.insert(key, edited.clone());
    Ok(edited)
}
