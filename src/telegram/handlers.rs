//! The handler tree: read an update, decide whether the bot is addressed, match,
//! render, send. Everything else is in the engine.

use std::sync::Arc;
use std::time::Instant;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{
    ChatMemberStatus, InlineQueryResult, InlineQueryResultArticle, InputMessageContent,
    InputMessageContentText, Me, ParseMode,
};
use teloxide::utils::command::BotCommands;
use tracing::{debug, info, warn};

use super::TgBot;
use super::flood::{Flood, Verdict};
use super::send::{parse_callback_data, send_reply};
use crate::engine::{Command, Engine, strip_mentions};
use crate::lang::Lang;
use crate::matcher::{DocRef, Outcome};
use crate::reply::{self, Action};

type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// The commands registered with `setMyCommands`.
#[derive(BotCommands, Clone, Debug)]
#[command(rename_rule = "lowercase")]
pub enum BotCommand {
    #[command(description = "what I know and a few questions to try")]
    Start,
    #[command(description = "how to ask me things")]
    Help,
    #[command(description = "ask a question about the story")]
    Ask(String),
    #[command(description = "the story and its sources")]
    About,
    #[command(description = "browse questions by topic")]
    Topics,
}

pub fn schema() -> UpdateHandler<Box<dyn std::error::Error + Send + Sync + 'static>> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_callback_query().endpoint(on_callback))
        .branch(Update::filter_inline_query().endpoint(on_inline))
        .branch(Update::filter_my_chat_member().endpoint(on_added))
}

/// What a message asks of the bot, if anything.
enum Request {
    Question(String),
    Command(Command),
}

fn addressed(msg: &Message, me: &Me) -> Option<Request> {
    let text = msg.text()?;
    let username = me.username();
    if let Ok(command) = BotCommand::parse(text, username) {
        let private = msg.chat.is_private();
        let explicit = text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.contains('@'));
        return match command {
            BotCommand::Ask(q) => Some(Request::Question(q)),
            // In groups only `/cmd@bot` is ours: plain `/help` may be for another bot.
            _ if !private && !explicit => None,
            BotCommand::Start => Some(Request::Command(Command::Start)),
            BotCommand::Help => Some(Request::Command(Command::Help)),
            BotCommand::About => Some(Request::Command(Command::About)),
            BotCommand::Topics => Some(Request::Command(Command::Topics)),
        };
    }
    if text.starts_with('/') && !msg.chat.is_private() {
        return None;
    }
    if msg.chat.is_private() {
        return Some(Request::Question(text.to_string()));
    }
    let mention = format!("@{}", username.to_lowercase());
    let mentioned = text.to_lowercase().contains(&mention);
    let replied_to_bot = msg
        .reply_to_message()
        .and_then(|r| r.from.as_ref())
        .is_some_and(|u| u.id == me.id);
    if mentioned {
        let without = remove_mention(text, &mention);
        return Some(Request::Question(strip_mentions(&without).to_string()));
    }
    replied_to_bot.then(|| Request::Question(text.to_string()))
}

fn remove_mention(text: &str, mention: &str) -> String {
    let lower = text.to_lowercase();
    match lower.find(mention) {
        // Lowercasing can change byte lengths; only cut when the offsets still agree.
        Some(at) if lower.len() == text.len() => {
            format!("{}{}", &text[..at], &text[at + mention.len()..])
        }
        _ => text.to_string(),
    }
}

fn chat_kind(msg: &Message) -> &'static str {
    if msg.chat.is_private() {
        "private"
    } else if msg.chat.is_supergroup() {
        "supergroup"
    } else if msg.chat.is_group() {
        "group"
    } else {
        "channel"
    }
}

async fn on_message(
    bot: TgBot,
    msg: Message,
    me: Me,
    engine: Arc<Engine>,
    flood: Arc<Flood>,
) -> HandlerResult {
    let hint = msg.from.as_ref().and_then(|u| u.language_code.clone());
    let group = !msg.chat.is_private();
    let reply_to = group.then_some(msg.id);
    let Some(request) = addressed(&msg, &me) else {
        if !group && msg.text().is_none() {
            let lang = Lang::detect("", hint.as_deref());
            let hint_text = match lang {
                Lang::En => {
                    "I can only read text. Ask me a question about the story in words, or try /topics."
                }
                Lang::Ru => {
                    "Я понимаю только текст. Задайте вопрос о статье словами или откройте /topics."
                }
            };
            bot.send_message(msg.chat.id, hint_text).await?;
        }
        return Ok(());
    };
    let user = msg.from.as_ref().map_or(msg.chat.id.0, |u| u.id.0 as i64);
    match flood.check(user, msg.chat.id.0, Instant::now()) {
        Verdict::Allow => {}
        Verdict::Warn => {
            let lang = Lang::detect("", hint.as_deref());
            let text = match lang {
                Lang::En => {
                    "You're asking faster than I can answer. Give me a minute, then ask again."
                }
                Lang::Ru => "Слишком много вопросов подряд. Подождите минуту и спросите снова.",
            };
            bot.send_message(msg.chat.id, text).await?;
            return Ok(());
        }
        Verdict::Drop => return Ok(()),
    }
    let started = Instant::now();
    let (reply, entry, score, outcome) = match request {
        Request::Command(command) => (
            engine.command(command, Lang::detect("", hint.as_deref())),
            None,
            0.0,
            "command",
        ),
        Request::Question(q) => {
            let response = engine.respond(&q, hint.as_deref());
            let (entry, score, outcome) = match &response.decision {
                Some(d) => (
                    answered_entry(&engine, &d.outcome),
                    d.score,
                    outcome_name(&d.outcome),
                ),
                None => (None, 0.0, "command"),
            };
            debug!(question = %q, "question");
            (response.reply, entry, score, outcome)
        }
    };
    send_reply(&bot, msg.chat.id, &reply, reply_to).await?;
    info!(
        chat_id = msg.chat.id.0,
        chat_type = chat_kind(&msg),
        outcome,
        entry = entry.unwrap_or("-"),
        score,
        latency_us = started.elapsed().as_micros() as u64,
        "answered"
    );
    Ok(())
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

async fn on_callback(bot: TgBot, q: CallbackQuery, engine: Arc<Engine>) -> HandlerResult {
    let lang = Lang::detect("", q.from.language_code.as_deref());
    let action = q.data.as_deref().and_then(parse_callback_data);
    let story = &engine.story;
    let reply = match &action {
        Some(Action::Answer(id)) => story.entries.iter().position(|e| &e.id == id).map(|i| {
            let related: Vec<usize> = story.entries[i]
                .related
                .iter()
                .filter_map(|r| story.entries.iter().position(|e| &e.id == r))
                .collect();
            reply::answer(story, i, lang, &related)
        }),
        Some(Action::Topic(n)) => reply::topic(story, *n, lang),
        None => None,
    };
    let mut ack = bot.answer_callback_query(q.id.clone());
    if reply.is_none() {
        // A button from an older version of the knowledge.
        ack = ack.text(match lang {
            Lang::En => "That button is out of date. Ask me again in words.",
            Lang::Ru => "Эта кнопка устарела. Спросите ещё раз словами.",
        });
    }
    ack.await?;
    let (Some(reply), Some(message)) = (reply, q.regular_message()) else {
        return Ok(());
    };
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

/// Inline mode: the best answers as results; an empty query offers the top questions.
async fn on_inline(bot: TgBot, q: InlineQuery, engine: Arc<Engine>) -> HandlerResult {
    let story = &engine.story;
    let lang = Lang::detect(&q.query, q.from.language_code.as_deref());
    let entries: Vec<usize> = if q.query.trim().is_empty() {
        engine.matcher.starters()
    } else {
        let decision = engine
            .matcher
            .decide(story, &q.query, q.from.language_code.as_deref());
        let floor = crate::matcher::thresholds::CLARIFY;
        decision
            .ranked
            .iter()
            .filter(|(_, s)| *s >= floor)
            .filter_map(|(d, _)| {
                if let DocRef::Entry(e) = d {
                    Some(*e)
                } else {
                    None
                }
            })
            .take(5)
            .collect()
    };
    let results: Vec<InlineQueryResult> = entries
        .iter()
        .map(|&i| {
            let entry = &story.entries[i];
            let html = reply::html_messages(&reply::answer(story, i, lang, &[])).join("\n\n");
            let content = InputMessageContent::Text(
                InputMessageContentText::new(html).parse_mode(ParseMode::Html),
            );
            let first_line = entry
                .answer
                .get(lang)
                .lines()
                .next()
                .unwrap_or_default()
                .to_string();
            InlineQueryResultArticle::new(
                entry.id.clone(),
                reply::entry_label(entry, lang),
                content,
            )
            .description(first_line)
            .into()
        })
        .collect();
    bot.answer_inline_query(q.id.clone(), results)
        .cache_time(60)
        .await?;
    info!(outcome = "inline", results = entries.len(), "answered");
    Ok(())
}

/// One short introduction when the bot is added to a group.
async fn on_added(
    bot: TgBot,
    update: ChatMemberUpdated,
    me: Me,
    engine: Arc<Engine>,
) -> HandlerResult {
    let joined = matches!(
        update.old_chat_member.status(),
        ChatMemberStatus::Left | ChatMemberStatus::Banned
    ) && matches!(
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
