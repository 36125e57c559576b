//! The handler tree: read an update, decide whether the bot is addressed, match,
//! render, send, and record what was asked (never who asked). Everything else is in
//! the engine.

use std::sync::Arc;
use std::time::Instant;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{ChatMemberStatus, Me, MessageEntityKind, ReplyParameters};
use tracing::{debug, info, warn};

use super::commands::{Request, command};
use super::feedback::{Voted, parse_feedback, take_vote};
use super::flood::{Flood, Verdict};
use super::send::{parse_callback_data, send_reply};
use super::stats::stats;
use super::{Shutdown, TgBot};
use crate::config::Admins;
use crate::engine::{Command, Engine, strip_mentions};
use crate::lang::Lang;
use crate::live::LiveEngine;
use crate::matcher::Outcome;
use crate::record::{ChatKind, Question, Recorder};
use crate::reply::Action;

pub(crate) type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

pub fn schema() -> UpdateHandler<Box<dyn std::error::Error + Send + Sync + 'static>> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_callback_query().endpoint(on_callback))
        .branch(Update::filter_inline_query().endpoint(super::inline::on_inline))
        .branch(Update::filter_my_chat_member().endpoint(on_added))
}

/// A message's words: its text, or a photo's or document's caption.
fn words(msg: &Message) -> Option<&str> {
    msg.text().or_else(|| msg.caption())
}

/// Reads a message the way Telegram users mean it. In a private chat every message
/// is for the bot. In a group only `/ask[@bot] ...`, `/cmd@bot`, a mention of
/// `@bot` or a reply to one of the bot's messages is; everything else is chatter,
/// including `/help` without `@bot` (it may be meant for another bot).
fn addressed(msg: &Message, me: &Me) -> Option<Request> {
    let text = words(msg)?;
    let private = msg.chat.is_private();
    if let Some(request) = command(text, me.username(), private) {
        return request;
    }
    if private {
        return Some(Request::Question(text.to_string()));
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

fn chat_kind(msg: &Message) -> ChatKind {
    if msg.chat.is_private() {
        ChatKind::Private
    } else if msg.chat.is_supergroup() {
        ChatKind::Supergroup
    } else {
        ChatKind::Group
    }
}

/// What a message handler needs besides the update.
struct Ctx {
    engine: Arc<Engine>,
    live: Arc<LiveEngine>,
    admins: Arc<Admins>,
    flood: Arc<Flood>,
    recorder: Recorder,
}

#[allow(clippy::too_many_arguments)]
async fn on_message(
    bot: TgBot,
    msg: Message,
    me: Me,
    live: Arc<LiveEngine>,
    admins: Arc<Admins>,
    flood: Arc<Flood>,
    recorder: Recorder,
    shutdown: Shutdown,
) -> HandlerResult {
    // One engine for the whole update, even if a reload swaps in another meanwhile.
    let ctx = Ctx { engine: live.get(), live, admins, flood, recorder };
    shutdown.guard(answer_message(bot, msg, me, ctx)).await
}

async fn answer_message(bot: TgBot, msg: Message, me: Me, ctx: Ctx) -> HandlerResult {
    let Ctx { engine, live, admins, flood, recorder } = ctx;
    let hint = msg.from.as_ref().and_then(|u| u.language_code.clone());
    let group = !msg.chat.is_private();
    let reply_to = group.then_some(msg.id);
    let user = msg.from.as_ref().map_or(msg.chat.id.0, |u| u.id.0 as i64);
    let request = match addressed(&msg, &me) {
        // Anyone else gets no power and no hint that the command exists.
        Some(Request::Reload | Request::Stats) if !admins.contains(user) => {
            Some(Request::Command(Command::Help))
        }
        other => other,
    };
    let Some(request) = request else {
        if !group && words(&msg).is_none() {
            // A sticker, a voice note, a location...: say what works instead.
            let text = match Lang::detect("", hint.as_deref()) {
                Lang::En => {
                    "I can only read text. Ask me a question about the story in words, or try /topics."
                }
                Lang::Ru => "Я понимаю только текст. Задайте вопрос о статье словами или откройте /topics.",
            };
            bot.send_message(msg.chat.id, text).await?;
        }
        return Ok(());
    };
    match flood.check(user, msg.chat.id.0, Instant::now()) {
        Verdict::Allow => {}
        Verdict::Warn => {
            let mut notice = bot.send_message(msg.chat.id, flood_notice(hint.as_deref()));
            if let Some(id) = reply_to {
                notice = notice.reply_parameters(ReplyParameters {
                    allow_sending_without_reply: Some(true),
                    ..ReplyParameters::new(id)
                });
            }
            notice.await?;
            info!(chat_id = msg.chat.id.0, "flood: asked to slow down");
            return Ok(());
        }
        Verdict::Drop => return Ok(()),
    }
    let started = Instant::now();
    let (reply, entry, score, outcome) = match request {
        Request::Reload => {
            let result = tokio::task::spawn_blocking(move || live.reload_and_log("/reload")).await?;
            let text = reload_report(result);
            bot.send_message(msg.chat.id, text).await?;
            return Ok(());
        }
        Request::Stats => {
            // Declined questions are people's words: shown only in a private chat.
            let text = if group {
                "Send /stats in a private chat with me.".to_string()
            } else {
                stats(&recorder).await
            };
            bot.send_message(msg.chat.id, text).await?;
            return Ok(());
        }
        Request::Command(command) => {
            (engine.command(command, Lang::detect("", hint.as_deref())), None, 0.0, "command")
        }
        Request::Question(q) => {
            let response = if q.trim().is_empty() {
                engine.respond(&q, hint.as_deref())
            } else {
                engine.ask(&q, hint.as_deref())
            };
            let (entry, score, outcome) = match &response.decision {
                Some(d) => {
                    // Handing over never waits, so it cannot slow the reply.
                    recorder.question(Question::new(chat_kind(&msg), &engine.story, d, &q));
                    (answered_entry(&engine, &d.outcome), d.score, outcome_name(&d.outcome))
                }
                None => (None, 0.0, "command"),
            };
            // The question itself only at debug level: people's words are theirs.
            debug!(question = %q, "question");
            (response.reply, entry, score, outcome)
        }
    };
    let matched_in = started.elapsed();
    send_reply(&bot, msg.chat.id, &reply, reply_to).await?;
    info!(
        chat_id = msg.chat.id.0,
        chat_type = chat_kind(&msg).as_str(),
        outcome,
        entry = entry.unwrap_or("-"),
        score,
        match_us = matched_in.as_micros() as u64,
        total_ms = started.elapsed().as_millis() as u64,
        "answered"
    );
    Ok(())
}

/// The admin's `/reload` reply: the new version's size, or every problem (capped).
fn reload_report(result: Result<crate::live::Reloaded, crate::knowledge::KnowledgeError>) -> String {
    match result {
        Ok(r) => format!("Reloaded: {} entries, {} gaps ({} ms).", r.entries, r.gaps, r.millis),
        Err(e) => {
            let problems = e.problems();
            let mut text =
                format!("Not reloaded; still serving the last good version. {} problem(s):", problems.len());
            for problem in problems.iter().take(10) {
                text.push('\n');
                text.push_str(&problem.to_string());
            }
            text.chars().take(4000).collect()
        }
    }
}

fn flood_notice(hint: Option<&str>) -> &'static str {
    match Lang::detect("", hint) {
        Lang::En => "You're asking faster than I can answer. Give me a minute, then ask again.",
        Lang::Ru => "Слишком много вопросов подряд. Подождите минуту и спросите снова.",
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

async fn on_callback(
    bot: TgBot,
    q: CallbackQuery,
    live: Arc<LiveEngine>,
    flood: Arc<Flood>,
    recorder: Recorder,
    voted: Arc<Voted>,
    shutdown: Shutdown,
) -> HandlerResult {
    if q.data.as_deref().and_then(parse_feedback).is_some() {
        return shutdown.guard(take_vote(bot, q, recorder, voted)).await;
    }
    shutdown.guard(answer_button(bot, q, live.get(), flood, recorder)).await
}

/// A pressed button: always acknowledged (or the user's app shows a spinner), then
/// answered with the entry or topic it names, in the chat it was pressed in.
async fn answer_button(
    bot: TgBot,
    q: CallbackQuery,
    engine: Arc<Engine>,
    flood: Arc<Flood>,
    recorder: Recorder,
) -> HandlerResult {
    let hint = q.from.language_code.as_deref();
    let lang = Lang::detect("", hint);
    let action = q.data.as_deref().and_then(parse_callback_data);
    let reply = action.as_ref().and_then(|a| engine.press(a, lang)).map(|response| response.reply);
    let message = q.regular_message();
    let mut ack = bot.answer_callback_query(q.id.clone());
    let Some(reply) = reply else {
        // A button from an older version of the knowledge.
        ack.text(match lang {
            Lang::En => "That button is out of date. Ask me again in words.",
            Lang::Ru => "Эта кнопка устарела. Спросите ещё раз словами.",
        })
        .await?;
        return Ok(());
    };
    let Some(message) = message else {
        // Under an inline-mode message there is no chat to answer in.
        ack.await?;
        return Ok(());
    };
    let verdict = flood.check(q.from.id.0 as i64, message.chat.id.0, Instant::now());
    if verdict != Verdict::Allow {
        ack = ack.text(flood_notice(hint));
    }
    ack.await?;
    if verdict != Verdict::Allow {
        return Ok(());
    }
    if let Some(Action::Answer(id)) = &action {
        recorder.question(Question::button(id, lang));
    }
    let reply_to = (!message.chat.is_private()).then_some(message.id);
    send_reply(&bot, message.chat.id, &reply, reply_to).await?;
    info!(
        chat_id = message.chat.id.0,
        outcome = "button",
        entry = q.data.as_deref().unwrap_or("-"),
        "answered"
    );
    Ok(())
}

/// One short introduction when the bot is added to a group.
async fn on_added(
    bot: TgBot,
    update: ChatMemberUpdated,
    me: Me,
    live: Arc<LiveEngine>,
    shutdown: Shutdown,
) -> HandlerResult {
    shutdown.guard(introduce(bot, update, me, live.get())).await
}

async fn introduce(bot: TgBot, update: ChatMemberUpdated, me: Me, engine: Arc<Engine>) -> HandlerResult {
    let joined = matches!(update.old_chat_member.status(), ChatMemberStatus::Left | ChatMemberStatus::Banned)
        && matches!(
            update.new_chat_member.status(),
            ChatMemberStatus::Member | ChatMemberStatus::Administrator
        );
    if !joined || update.chat.is_private() || update.new_chat_member.user.id != me.id {
        return Ok(());
    }
    let meta = &engine.story.meta;
    let username = me.username();
    let text = format!(
        "Hi! I answer questions about “{}” ({}, {}). Ask with /ask@{username} question, mention @{username}, or reply to me. I stay quiet otherwise.",
        meta.headline, meta.outlet, meta.date
    );
    if let Err(e) = bot.send_message(update.chat.id, text).await {
        warn!(chat_id = update.chat.id.0, error = %e, "could not introduce myself");
    }
    Ok(())
}
