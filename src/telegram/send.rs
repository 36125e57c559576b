//! Sending: a [`Reply`] as HTML messages within Telegram's limits, its buttons on the
//! last one (and "Read in the article" and 👍/👎 under answers), and short plain
//! notices; in groups, each as a reply to the message that asked. Every message goes
//! out through the [`Pace`].

use teloxide::prelude::*;
use teloxide::types::{
    InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, MessageId, ParseMode, ReplyParameters,
};

use std::sync::Arc;

use super::callback::{Callback, Thumb};
use super::pace::Pace;
use crate::reply::{self, Reply};

/// Button labels longer than this many characters are cut (with "…"), to stay
/// readable on a phone.
const MAX_LABEL: usize = 60;

/// One row per button, then, when the reply answers an entry, the URL button that
/// opens the article at its quote and the 👍 👎 row. A button whose callback data
/// would not fit is left out.
pub fn keyboard(reply: &Reply) -> Option<InlineKeyboardMarkup> {
    let mut rows: Vec<Vec<InlineKeyboardButton>> = reply
        .buttons
        .iter()
        .filter_map(|b| {
            Some(vec![InlineKeyboardButton::callback(label(&b.label), Callback::from(&b.action).data()?)])
        })
        .collect();
    rows.extend(read_in_article(reply).map(|button| vec![button]));
    rows.extend(reply.feedback.as_deref().and_then(votes));
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

/// "Read in the article": a URL button to the story at the reply's quote; none
/// without a link (or with one Telegram would not take as a URL).
pub fn read_in_article(reply: &Reply) -> Option<InlineKeyboardButton> {
    let link = reply.link.as_ref()?;
    Some(InlineKeyboardButton::url(label(&link.label), link.url.parse().ok()?))
}

/// The 👍 👎 row for an answer to `entry`; none when its data would not fit.
fn votes(entry: &str) -> Option<Vec<InlineKeyboardButton>> {
    let vote = |up| Callback::Vote(Thumb { up, entry: entry.to_string() }).data();
    Some(vec![
        InlineKeyboardButton::callback("👍", vote(true)?),
        InlineKeyboardButton::callback("👎", vote(false)?),
    ])
}

fn label(text: &str) -> String {
    if text.chars().count() <= MAX_LABEL {
        text.to_string()
    } else {
        text.chars().take(MAX_LABEL - 1).collect::<String>() + "…"
    }
}

/// Replies link the article; a preview card under every answer would bury it.
pub fn no_preview() -> LinkPreviewOptions {
    LinkPreviewOptions {
        is_disabled: true,
        url: None,
        prefer_small_media: false,
        prefer_large_media: false,
        show_above_text: false,
    }
}

/// A reply to `id` that is still sent if that message is gone.
fn replying_to(id: MessageId) -> ReplyParameters {
    ReplyParameters { allow_sending_without_reply: Some(true), ..ReplyParameters::new(id) }
}

/// Where handlers send from: the bot, and the pace every message keeps.
#[derive(Clone)]
pub struct Outbox {
    bot: Bot,
    pace: Arc<Pace>,
}

impl Outbox {
    pub fn new(bot: Bot, pace: Arc<Pace>) -> Outbox {
        Outbox { bot, pace }
    }

    /// The bot itself, for calls that are not messages (answering buttons and
    /// inline queries), which Telegram does not count against the limits.
    pub fn bot(&self) -> &Bot {
        &self.bot
    }

    /// Sends `reply` to `chat`: HTML messages, the first replying to `reply_to` if
    /// given, the buttons under the last. Returns the messages sent.
    pub async fn reply(
        &self,
        chat: ChatId,
        reply: &Reply,
        reply_to: Option<MessageId>,
    ) -> Result<Vec<MessageId>, teloxide::RequestError> {
        let messages = reply::html_messages(reply);
        let last = messages.len().saturating_sub(1);
        let mut sent = Vec::with_capacity(messages.len());
        for (i, text) in messages.into_iter().enumerate() {
            let mut request = self
                .bot
                .send_message(chat, text)
                .parse_mode(ParseMode::Html)
                .link_preview_options(no_preview());
            if let (0, Some(id)) = (i, reply_to) {
                request = request.reply_parameters(replying_to(id));
            }
            if i == last
                && let Some(markup) = keyboard(reply)
            {
                request = request.reply_markup(markup);
            }
            sent.push(self.pace.send(&self.bot, chat, request).await?.id);
        }
        Ok(sent)
    }

    /// Sends a short plain-text message (a notice, a hint, an admin's report).
    pub async fn text(
        &self,
        chat: ChatId,
        text: impl Into<String>,
        reply_to: Option<MessageId>,
    ) -> Result<(), teloxide::RequestError> {
        let mut request = self.bot.send_message(chat, text);
        if let Some(id) = reply_to {
            request = request.reply_parameters(replying_to(id));
        }
        self.pace.send(&self.bot, chat, request).await?;
        Ok(())
    }
}
