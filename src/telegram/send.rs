//! Sending a [`Reply`]: HTML messages within Telegram's limits, buttons on the last one
//! (and 👍/👎 under answers), a reply to the asker's message in groups.

use teloxide::prelude::*;
use teloxide::types::{
    InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, MessageId, ParseMode, ReplyParameters,
};

use super::TgBot;
use crate::reply::{self, Action, Reply};

/// Telegram's limit on callback data.
pub const MAX_CALLBACK_DATA: usize = 64;

pub fn callback_data(action: &Action) -> String {
    match action {
        Action::Answer(id) => format!("a:{id}"),
        Action::Topic(n) => format!("t:{n}"),
    }
}

pub fn parse_callback_data(data: &str) -> Option<Action> {
    match data.split_once(':')? {
        ("a", id) => Some(Action::Answer(id.to_string())),
        ("t", n) => n.parse().ok().map(Action::Topic),
        _ => None,
    }
}

/// One row per button, then the 👍 👎 row when the reply answers an entry.
pub fn keyboard(reply: &Reply) -> Option<InlineKeyboardMarkup> {
    let mut rows: Vec<Vec<InlineKeyboardButton>> = reply
        .buttons
        .iter()
        .map(|b| (b, callback_data(&b.action)))
        .filter(|(_, data)| data.len() <= MAX_CALLBACK_DATA)
        .map(|(b, data)| vec![InlineKeyboardButton::callback(label(&b.label), data)])
        .collect();
    rows.extend(reply.feedback.as_deref().and_then(super::feedback::row));
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

/// Button labels stay short enough to read on a phone.
fn label(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_string()
    } else {
        text.chars().take(59).collect::<String>() + "…"
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

pub async fn send_reply(
    bot: &TgBot,
    chat: ChatId,
    reply: &Reply,
    reply_to: Option<MessageId>,
) -> Result<(), teloxide::RequestError> {
    let messages = reply::html_messages(reply);
    let last = messages.len().saturating_sub(1);
    for (i, text) in messages.into_iter().enumerate() {
        let mut request =
            bot.send_message(chat, text).parse_mode(ParseMode::Html).link_preview_options(no_preview());
        if let (0, Some(id)) = (i, reply_to) {
            request = request.reply_parameters(ReplyParameters {
                allow_sending_without_reply: Some(true),
                ..ReplyParameters::new(id)
            });
        }
        if i == last
            && let Some(markup) = keyboard(reply)
        {
            request = request.reply_markup(markup);
        }
        request.await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callback_data_round_trips_and_fits() {
        for action in [Action::Answer("x".repeat(crate::knowledge::MAX_ID_LEN)), Action::Topic(12)] {
            let data = callback_data(&action);
            assert!(data.len() <= MAX_CALLBACK_DATA);
            assert_eq!(parse_callback_data(&data), Some(action));
        }
        assert_eq!(parse_callback_data("zz"), None);
    }
}
