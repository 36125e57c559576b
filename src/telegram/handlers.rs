//! The endpoints of the schema and the filters that route to them: who a message is
//! for, whether a command is an admin's. (Flood control happens before, as updates
//! arrive: see `screen`.)
//! Each endpoint reads, asks the engine, sends and records what was asked (never who
//! asked); everything else is in the engine.

use std::sync::Arc;
use std::time::Instant;

use teloxide::prelude::*;
use teloxide::types::{ChatMemberStatus, Me, MessageEntityKind};
use tracing::{debug, info, warn};

use super::HandlerResult;
use super::commands::{Admin, Read, Request, read};
use super::context::{Contexts, Key};
use super::send::Outbox;
use super::stats::stats;
use crate::config::Admins;
use crate::engine::{Command, Engine, strip_mentions};
use crate::lang::Lang;
use crate::live::{LiveEngine, Reloaded};
use crate::matcher::Outcome;
use crate::record::{ChatKind, Question, Recorder};
use crate::reply::texts::{self, AdminTexts, fill, texts};
use crate::reply::{Action, MAX_MESSAGE};

/// An admin's `/reload` report lists at most this many problems (the log has all).
const REPORTED_PROBLEMS: usize = 10;

/// A message's words: its text, or a photo's or document's caption.
fn words(msg: &Message) -> Option<&str> {
    msg.text().or_else(|| msg.caption())
}

/// The language of the sender's app.
fn hint(msg: &Message) -> Option<&str> {
    msg.from.as_ref().and_then(|u| u.language_code.as_deref())
}

/// Who sent a message: the user, or the chat for a message without one (a channel).
pub(super) fn sender(msg: &Message) -> i64 {
    msg.from.as_ref().map_or(msg.chat.id.0, |u| u.id.0 as i64)
}

/// In groups the bot replies to the message that asked; in private chats it just answers.
fn reply_to(msg: &Message) -> Option<teloxide::types::MessageId> {
    (!msg.chat.is_private()).then_some(msg.id)
}

fn chat_kind(chat: &teloxide::types::Chat) -> ChatKind {
    if chat.is_private() {
        ChatKind::Private
    } else if chat.is_supergroup() {
        ChatKind::Supergroup
    } else {
        ChatKind::Group
    }
}

/// A sticker, a voice note, a location... in a private chat.
pub(super) fn wordless_private(msg: Message) -> bool {
    is_wordless_private(&msg)
}

fn is_wordless_private(msg: &Message) -> bool {
    msg.chat.is_private() && words(msg).is_none()
}

/// Whether the bot answers `msg` at all (with a hint, an answer or an admin's
/// report): what flood control counts.
pub(super) fn gets_a_reply(msg: &Message, me: &Me) -> bool {
    is_wordless_private(msg) || addressed_by(msg, me).is_some()
}

/// Says what works instead of a message without words.
pub(super) async fn only_text(out: Outbox, msg: Message) -> HandlerResult {
    let lang = Lang::detect("", hint(&msg));
    out.text(msg.chat.id, texts(lang).only_text, None).await?;
    Ok(())
}

/// What a message asks of the bot, if it is for the bot: in a private chat every
/// message is; in a group only `/ask[@bot] ...`, `/cmd@bot`, a mention of `@bot`
/// or a reply to one of the bot's messages is. Everything else is chatter.
pub(super) fn addressed(msg: Message, me: Me) -> Option<Request> {
    addressed_by(&msg, &me)
}

/// [`addressed`], borrowing.
fn addressed_by(msg: &Message, me: &Me) -> Option<Request> {
    let text = words(msg)?;
    let private = msg.chat.is_private();
    match read(text, me.username(), private) {
        Read::Ours(request) => return Some(request),
        Read::NotOurs => return None,
        Read::Text if private => return Some(Request::Question(text.to_string())),
        Read::Text => {}
    }
    if let Some(question) = without_mention(msg, me) {
        return Some(Request::Question(question));
    }
    let replied_to_bot = msg.reply_to_message().and_then(|r| r.from.as_ref()).is_some_and(|u| u.id == me.id);
    replied_to_bot.then(|| Request::Question(text.to_string()))
}

/// The question in a message that mentions the bot (`@storybot how many?`, or a
/// mention of the bot picked from the member list), without the mention; `None`
/// when the bot is not mentioned. Uses Telegram's entities, so `@storybot_fan` or an
/// e-mail address is not a mention of `@storybot`.
fn without_mention(msg: &Message, me: &Me) -> Option<String> {
    let entities = msg.parse_entities().or_else(|| msg.parse_caption_entities())?;
    let mention = entities.iter().find(|e| match e.kind() {
        MessageEntityKind::Mention => {
            e.text().strip_prefix('@').is_some_and(|name| name.eq_ignore_ascii_case(me.username()))
        }
        MessageEntityKind::TextMention { user } => user.id == me.id,
        _ => false,
    })?;
    let text = mention.message_text();
    let range = mention.range();
    let question = format!("{} {}", &text[..range.start], &text[range.end..]);
    let question = question.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(strip_mentions(question.trim_start_matches([',', ':', ' '])).to_string())
}

/// The one notice to someone over the flood limit.
pub(super) async fn slow_down(out: Outbox, msg: Message) -> HandlerResult {
    let lang = Lang::detect("", hint(&msg));
    out.text(msg.chat.id, texts(lang).slow_down, reply_to(&msg)).await?;
    info!(chat_id = msg.chat.id.0, "flood: asked to slow down");
    Ok(())
}

/// An admin command from an admin; anyone else's goes on to [`answer`] as help, with
/// no hint that the command exists.
pub(super) fn admin_request(request: Request, msg: Message, admins: Arc<Admins>) -> Option<Admin> {
    match request {
        Request::Admin(admin) if admins.contains(sender(&msg)) => Some(admin),
        _ => None,
    }
}

/// `/reload` (load, check and swap in the knowledge now) or `/stats`.
pub(super) async fn admin(
    out: Outbox,
    msg: Message,
    admin: Admin,
    live: Arc<LiveEngine>,
    recorder: Recorder,
) -> HandlerResult {
    let t = &texts(Lang::detect("", hint(&msg))).admin;
    let text = match admin {
        Admin::Reload => {
            let result = tokio::task::spawn_blocking(move || live.reload_and_log("/reload")).await?;
            reload_report(result, t)
        }
        // Declined questions are people's words: shown only in a private chat.
        Admin::Stats if !msg.chat.is_private() => t.stats_in_private.to_string(),
        Admin::Stats => stats(&recorder, t).await,
    };
    out.text(msg.chat.id, text, None).await?;
    Ok(())
}

/// The admin's `/reload` reply: the new version's size, or the problems (capped).
fn reload_report(result: Result<Reloaded, crate::knowledge::KnowledgeError>, t: &AdminTexts) -> String {
    match result {
        Ok(r) => fill(t.reloaded, &[("entries", &r.entries), ("gaps", &r.gaps), ("ms", &r.millis)]),
        Err(e) => {
            let problems = e.problems();
            let mut text = fill(t.not_reloaded, &[("problems", &problems.len())]);
            for problem in problems.iter().take(REPORTED_PROBLEMS) {
                text.push('\n');
                text.push_str(&problem.to_string());
            }
            within_one_message(text)
        }
    }
}

/// `text`, cut to fit one message (Telegram counts UTF-16 units).
fn within_one_message(mut text: String) -> String {
    while text.encode_utf16().count() > MAX_MESSAGE {
        text.pop();
    }
    text
}

/// A question or a command: matched, rendered, sent, recorded and logged.
pub(super) async fn answer(
    out: Outbox,
    msg: Message,
    request: Request,
    live: Arc<LiveEngine>,
    recorder: Recorder,
    contexts: Arc<Contexts>,
) -> HandlerResult {
    // One engine for the whole update, even if a reload swaps in another meanwhile.
    let engine = live.get();
    let hint = hint(&msg);
    let started = Instant::now();
    let (key, asker) = (context_key(&msg), sender(&msg));
    let mut context = None;
    let (reply, entry, score, outcome) = match request {
        Request::Question(q) => {
            let last = key.and_then(|key| contexts.get(key, asker));
            let response = if q.trim().is_empty() {
                engine.respond(&q, hint)
            } else {
                engine.ask_in(&q, hint, last.as_ref())
            };
            context = Some(response.context);
            let (entry, score, outcome) = match &response.decision {
                Some(d) => {
                    // Handing over never waits, so it cannot slow the reply.
                    recorder.question(Question::new(chat_kind(&msg.chat), &engine.story, d, &q));
                    (answered_entry(&engine, &d.outcome), d.score, outcome_name(&d.outcome))
                }
                None => (None, 0.0, "command"),
            };
            // The question itself only at debug level: people's words are theirs.
            debug!(question = %q, "question");
            (response.reply, entry, score, outcome)
        }
        Request::Command(command) => (engine.command(command, Lang::detect("", hint)), None, 0.0, "command"),
        Request::Admin(_) => (engine.command(Command::Help, Lang::detect("", hint)), None, 0.0, "command"),
    };
    let matched_in = started.elapsed();
    let sent = out.reply(msg.chat.id, &reply, reply_to(&msg)).await?;
    // Commands leave the conversation as it was.
    if let Some(context) = context {
        keep(&contexts, msg.chat.id.0, &sent, asker, context);
    }
    info!(
        chat_id = msg.chat.id.0,
        chat_type = chat_kind(&msg.chat).as_str(),
        outcome,
        entry = entry.unwrap_or("-"),
        score,
        match_us = matched_in.as_micros() as u64,
        total_ms = started.elapsed().as_millis() as u64,
        "answered"
    );
    Ok(())
}

/// Where a message's context is kept: its private chat's, or in a group the one of
/// the bot's answer it replies to; `None` for any other group message (it stands
/// alone).
fn context_key(msg: &Message) -> Option<Key> {
    if msg.chat.is_private() {
        return Some(Key::Private(msg.chat.id.0));
    }
    let replied = msg.reply_to_message()?;
    replied
        .from
        .as_ref()
        .is_some_and(|u| u.is_bot)
        .then_some(Key::Answer { chat: msg.chat.id.0, message: replied.id.0 })
}

/// Keeps the context an answer leaves: the private chat's, or in a group under each
/// message of the answer, for the member who asked.
fn keep(
    contexts: &Contexts,
    chat: i64,
    sent: &[teloxide::types::MessageId],
    asker: i64,
    context: Option<crate::conversation::Context>,
) {
    // Private chats have positive ids, groups negative ones.
    if chat > 0 {
        contexts.put(Key::Private(chat), asker, context);
    } else if context.is_some() {
        for id in sent {
            contexts.put(Key::Answer { chat, message: id.0 }, asker, context.clone());
        }
    }
}

fn answered_entry<'a>(engine: &'a Engine, outcome: &Outcome) -> Option<&'a str> {
    match outcome {
        Outcome::Answer { entry, .. } => Some(engine.story.entries[*entry].id.as_str()),
        _ => None,
    }
}

fn outcome_name(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Answer { .. } => "answer",
        Outcome::Clarify { .. } => "clarify",
        Outcome::Gap { .. } => "gap",
        Outcome::SmallTalk { .. } => "smalltalk",
        Outcome::NoMatch => "none",
    }
}

/// A pressed question or topic button (within the flood limits: the screen answered
/// the others): always acknowledged (or the user's app shows a spinner), then
/// answered in the chat it was pressed in.
pub(super) async fn press(
    out: Outbox,
    q: CallbackQuery,
    action: Action,
    live: Arc<LiveEngine>,
    recorder: Recorder,
    contexts: Arc<Contexts>,
) -> HandlerResult {
    let lang = Lang::detect("", q.from.language_code.as_deref());
    // A fresh question, never a follow-up; what it answers is the next one's context.
    let Some(response) = live.get().press(&action, lang) else {
        return out_of_date(out, q).await;
    };
    let reply = response.reply;
    let ack = out.bot().answer_callback_query(q.id.clone());
    let Some(message) = q.regular_message() else {
        // Under an inline-mode message there is no chat to answer in.
        ack.await?;
        return Ok(());
    };
    ack.await?;
    if let Action::Answer(id) = &action {
        recorder.question(Question::button(id, lang));
    }
    let reply_to = (!message.chat.is_private()).then_some(message.id);
    let sent = out.reply(message.chat.id, &reply, reply_to).await?;
    if response.context.is_some() {
        keep(&contexts, message.chat.id.0, &sent, q.from.id.0 as i64, response.context);
    }
    info!(
        chat_id = message.chat.id.0,
        outcome = "button",
        entry = q.data.as_deref().unwrap_or("-"),
        "answered"
    );
    Ok(())
}

/// A button this version of the bot cannot read, or one naming what is gone.
pub(super) async fn out_of_date(out: Outbox, q: CallbackQuery) -> HandlerResult {
    let lang = Lang::detect("", q.from.language_code.as_deref());
    out.bot().answer_callback_query(q.id.clone()).text(texts(lang).stale_button).await?;
    Ok(())
}

/// The bot itself was just added to a group.
pub(super) fn joined(update: ChatMemberUpdated, me: Me) -> bool {
    let was_out =
        matches!(update.old_chat_member.status(), ChatMemberStatus::Left | ChatMemberStatus::Banned);
    let is_in =
        matches!(update.new_chat_member.status(), ChatMemberStatus::Member | ChatMemberStatus::Administrator);
    was_out && is_in && !update.chat.is_private() && update.new_chat_member.user.id == me.id
}

/// One short introduction when the bot is added to a group.
pub(super) async fn introduce(
    out: Outbox,
    update: ChatMemberUpdated,
    me: Me,
    live: Arc<LiveEngine>,
) -> HandlerResult {
    let meta = &live.get().story.meta;
    let text = texts::introduction(&meta.headline, &meta.outlet, &meta.date, me.username());
    if let Err(e) = out.text(update.chat.id, text, None).await {
        warn!(chat_id = update.chat.id.0, error = %e, "could not introduce myself");
    }
    Ok(())
}
