//! Inline mode (`@bot question` in any chat): the best few answers as results, each
//! posting the full sourced answer; an empty query offers the story's top questions.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use teloxide::prelude::*;
use teloxide::types::{
    InlineQueryResult, InlineQueryResultArticle, InputMessageContent, InputMessageContentText, ParseMode,
};
use tracing::info;

use super::send::no_preview;
use super::{HandlerResult, TgBot};
use crate::knowledge::Story;
use crate::lang::Lang;
use crate::live::LiveEngine;
use crate::record::{ChatKind, Question, Recorder};
use crate::reply;

/// At most this many inline results: the best few, not a list to scroll.
const INLINE_RESULTS: usize = 5;

/// How long Telegram may cache an answer to the same query: the knowledge changes
/// rarely, and a reload shows within a minute.
const CACHE_TIME: Duration = Duration::from_secs(60);

/// Inline mode: the best answers as results; an empty query offers the top questions.
pub(super) async fn answer(
    bot: TgBot,
    q: InlineQuery,
    live: Arc<LiveEngine>,
    recorder: Recorder,
) -> HandlerResult {
    let engine = live.get();
    let story = &engine.story;
    let hint = q.from.language_code.as_deref();
    let lang = Lang::detect(&q.query, hint);
    let (mut entries, decision) = if q.query.trim().is_empty() {
        (engine.matcher.starters(), None)
    } else {
        let (entries, decision) = engine.inline(&q.query, hint, INLINE_RESULTS);
        (entries, Some(decision))
    };
    // Result ids must be unique, or Telegram rejects the whole answer.
    let mut seen = HashSet::new();
    entries.retain(|e| seen.insert(*e));
    entries.truncate(INLINE_RESULTS);
    let results: Vec<InlineQueryResult> = entries.iter().map(|&i| result(story, i, lang)).collect();
    let cache_time = CACHE_TIME.as_secs() as u32;
    bot.answer_inline_query(q.id.clone(), results).cache_time(cache_time).await?;
    info!(outcome = "inline", results = entries.len(), "answered");
    if let Some(decision) = decision {
        // What the bot would have said in a chat; without the words, which arrive
        // keystroke by keystroke.
        recorder.question(Question::new(ChatKind::Inline, story, &decision, "").without_text());
    }
    Ok(())
}

/// One entry as an article that posts its whole answer.
fn result(story: &Story, i: usize, lang: Lang) -> InlineQueryResult {
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
}

/// The message an inline result posts: the whole answer when it fits one message
/// (it is one message, not a thread), else its first part.
fn inline_text(story: &Story, entry: usize, lang: Lang) -> String {
    let messages = reply::html_messages(&reply::answer(story, entry, lang, &[]));
    let whole = messages.join("\n\n");
    if whole.encode_utf16().count() <= reply::MAX_MESSAGE {
        whole
    } else {
        messages.into_iter().next().unwrap_or_default()
    }
}
