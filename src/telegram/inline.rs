//! Inline mode (`@bot question` in any chat): the best few answers as results, each
//! posting the full sourced answer; an empty query offers the story's top questions.

use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::types::{
    InlineQueryResult, InlineQueryResultArticle, InputMessageContent, InputMessageContentText, ParseMode,
};
use tracing::info;

use super::handlers::HandlerResult;
use super::send::no_preview;
use super::{Shutdown, TgBot};
use crate::engine::Engine;
use crate::lang::Lang;
use crate::live::LiveEngine;
use crate::record::{ChatKind, Question, Recorder};
use crate::reply;

/// Inline mode: the best answers as results; an empty query offers the top questions.
pub(crate) async fn on_inline(
    bot: TgBot,
    q: InlineQuery,
    live: Arc<LiveEngine>,
    recorder: Recorder,
    shutdown: Shutdown,
) -> HandlerResult {
    shutdown.guard(answer_inline(bot, q, live.get(), recorder)).await
}

/// At most this many inline results: the best few, not a list to scroll.
const INLINE_RESULTS: usize = 5;

async fn answer_inline(bot: TgBot, q: InlineQuery, engine: Arc<Engine>, recorder: Recorder) -> HandlerResult {
    let story = &engine.story;
    let hint = q.from.language_code.as_deref();
    let lang = Lang::detect(&q.query, hint);
    let mut entries: Vec<usize> = if q.query.trim().is_empty() {
        engine.matcher.starters()
    } else {
        engine.best_entries(&q.query, INLINE_RESULTS)
    };
    // Result ids must be unique, or Telegram rejects the whole answer.
    let mut seen = std::collections::HashSet::new();
    entries.retain(|e| seen.insert(*e));
    entries.truncate(INLINE_RESULTS);
    let results: Vec<InlineQueryResult> = entries
        .iter()
        .map(|&i| {
            let entry = &story.entries[i];
            let content = InputMessageContent::Text(
                InputMessageContentText::new(inline_text(story, i, lang))
                    .parse_mode(ParseMode::Html)
                    .link_preview_options(no_preview()),
            );
            let first_line = entry.answer.get(lang).lines().next().unwrap_or_default().to_string();
            InlineQueryResultArticle::new(entry.id.clone(), reply::entry_label(entry, lang), content)
                .description(first_line)
                .into()
        })
        .collect();
    bot.answer_inline_query(q.id.clone(), results).cache_time(60).await?;
    info!(outcome = "inline", results = entries.len(), "answered");
    if recorder.is_recording() && !q.query.trim().is_empty() {
        // After answering, so it costs the user nothing. What the bot would have said
        // in a chat; without the words, which arrive keystroke by keystroke.
        if let Some(decision) = engine.ask(&q.query, hint).decision {
            recorder.question(Question::new(ChatKind::Inline, story, &decision, "").without_text());
        }
    }
    Ok(())
}

/// The message an inline result posts: the whole answer when it fits one message
/// (it is one message, not a thread), else its first part.
fn inline_text(story: &crate::knowledge::Story, entry: usize, lang: Lang) -> String {
    let messages = reply::html_messages(&reply::answer(story, entry, lang, &[]));
    let whole = messages.join("\n\n");
    if whole.encode_utf16().count() <= reply::MAX_MESSAGE {
        whole
    } else {
        messages.into_iter().next().unwrap_or_default()
    }
}
