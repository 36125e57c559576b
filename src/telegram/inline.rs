//! Inline mode (`@bot question` in any chat): the best few answers as results, each
//! posting the full sourced answer; an empty query offers the story's top questions.
//!
//! Queries arrive with each keystroke and, having no chat, are all handled at once:
//! [`Inline`] bounds how many are answered at a time (so a slow server never sees
//! thousands of connections) and drops a query its sender has already replaced.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use teloxide::prelude::*;
use teloxide::types::{
    InlineKeyboardMarkup, InlineQueryResult, InlineQueryResultArticle, InputMessageContent,
    InputMessageContentText, ParseMode,
};
use tokio::sync::Semaphore;
use tracing::{debug, info};

use super::HandlerResult;
use super::send::{no_preview, read_in_article};
use crate::engine::Engine;
use crate::lang::Lang;
use crate::live::LiveEngine;
use crate::record::{ChatKind, Question, Recorder};
use crate::reply;

/// At most this many inline results: the best few, not a list to scroll.
const INLINE_RESULTS: usize = 5;

/// How long Telegram may cache an answer to the same query: the knowledge changes
/// rarely, and a reload shows within a minute.
const CACHE_TIME: Duration = Duration::from_secs(60);

pub use crate::config::DEFAULT_IN_FLIGHT;

/// Inline queries in flight, and each sender's newest.
pub struct Inline {
    permits: Semaphore,
    /// Each sender's newest query, by arrival number; only while one is in flight.
    newest: Mutex<HashMap<u64, u64>>,
    arrivals: AtomicU64,
}

impl Inline {
    /// At most `in_flight` queries answered at a time.
    pub fn new(in_flight: usize) -> Inline {
        Inline {
            permits: Semaphore::new(in_flight.max(1)),
            newest: Mutex::default(),
            arrivals: AtomicU64::new(0),
        }
    }

    fn newest(&self) -> std::sync::MutexGuard<'_, HashMap<u64, u64>> {
        self.newest.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One query's place: while it lives, it is its sender's newest unless replaced.
struct Arrival<'a> {
    inline: &'a Inline,
    user: u64,
    number: u64,
}

impl<'a> Arrival<'a> {
    fn new(inline: &'a Inline, user: u64) -> Arrival<'a> {
        let number = inline.arrivals.fetch_add(1, Ordering::Relaxed);
        inline.newest().insert(user, number);
        Arrival { inline, user, number }
    }

    /// Whether a newer query from the same sender came meanwhile.
    fn replaced(&self) -> bool {
        self.inline.newest().get(&self.user) != Some(&self.number)
    }
}

impl Drop for Arrival<'_> {
    fn drop(&mut self) {
        let mut newest = self.inline.newest();
        if newest.get(&self.user) == Some(&self.number) {
            newest.remove(&self.user);
        }
    }
}

/// Inline mode: the best answers as results; an empty query offers the top questions.
/// Waits for a turn; a query replaced meanwhile is dropped unanswered.
pub(super) async fn answer(
    bot: Bot,
    q: InlineQuery,
    live: Arc<LiveEngine>,
    recorder: Recorder,
    inline: Arc<Inline>,
) -> HandlerResult {
    let arrival = Arrival::new(&inline, q.from.id.0);
    let _turn = inline.permits.acquire().await?;
    if arrival.replaced() {
        debug!("inline query replaced by a newer one; not answered");
        return Ok(());
    }
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
    let results: Vec<InlineQueryResult> = entries.iter().map(|&i| result(&engine, i, lang)).collect();
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

/// One entry as an article that posts its whole answer, with "Read in the article"
/// under it.
fn result(engine: &Engine, i: usize, lang: Lang) -> InlineQueryResult {
    let entry = &engine.story.entries[i];
    // The entry's quotes, source and link as the engine keeps them, made once.
    let answer = reply::answer_in(&engine.story, &engine.shown, i, lang, &[]);
    let content = InputMessageContent::Text(
        InputMessageContentText::new(inline_text(&answer))
            .parse_mode(ParseMode::Html)
            .link_preview_options(no_preview()),
    );
    let first_line = entry.answer.get(lang).lines().next().unwrap_or_default().to_string();
    let article = InlineQueryResultArticle::new(entry.id.clone(), reply::entry_label(entry, lang), content)
        .description(first_line);
    match read_in_article(&answer) {
        Some(button) => article.reply_markup(InlineKeyboardMarkup::new([[button]])).into(),
        None => article.into(),
    }
}

/// The message an inline result posts: the whole answer when it fits one message
/// (it is one message, not a thread), else its first part.
fn inline_text(answer: &reply::Reply) -> String {
    let messages = reply::html_messages(answer);
    let whole = messages.join("\n\n");
    if whole.encode_utf16().count() <= reply::MAX_MESSAGE {
        whole
    } else {
        messages.into_iter().next().unwrap_or_default()
    }
}
