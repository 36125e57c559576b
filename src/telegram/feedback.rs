//! 👍/👎 under answers: their callback data (`f:+:<entry>`, `f:-:<entry>`), taking a
//! vote, and a memory of who already voted under which message, so a double tap
//! counts once. That memory holds only hashes, lives only in this process, and is
//! never written.

use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};

use teloxide::prelude::*;
use teloxide::types::InlineKeyboardButton;
use tracing::info;

use super::TgBot;
use super::send::MAX_CALLBACK_DATA;
use crate::lang::Lang;
use crate::record::{Recorder, Vote};

pub fn feedback_data(up: bool, entry: &str) -> String {
    format!("f:{}:{entry}", if up { '+' } else { '-' })
}

/// `Some((up, entry))` for a feedback button's data.
pub fn parse_feedback(data: &str) -> Option<(bool, &str)> {
    let rest = data.strip_prefix("f:")?;
    let (vote, entry) = rest.split_once(':')?;
    let up = match vote {
        "+" => true,
        "-" => false,
        _ => return None,
    };
    (!entry.is_empty()).then_some((up, entry))
}

/// The 👍 👎 row for an answer to `entry`; none when its id would not fit.
pub fn row(entry: &str) -> Option<Vec<InlineKeyboardButton>> {
    let (up, down) = (feedback_data(true, entry), feedback_data(false, entry));
    (down.len() <= MAX_CALLBACK_DATA)
        .then(|| vec![InlineKeyboardButton::callback("👍", up), InlineKeyboardButton::callback("👎", down)])
}

/// 👍 or 👎 under an answer: recorded once per person and message, thanked for in the
/// little notice the app shows, and nothing sent to the chat.
pub(crate) async fn take_vote(
    bot: TgBot,
    q: CallbackQuery,
    recorder: Recorder,
    voted: Arc<Voted>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let Some((up, entry)) = q.data.as_deref().and_then(parse_feedback) else { return Ok(()) };
    let first = q.regular_message().is_none_or(|m| voted.first(q.from.id.0, m.chat.id.0, m.id.0));
    if first {
        recorder.vote(Vote::new(entry, up));
    }
    let thanks = match Lang::detect("", q.from.language_code.as_deref()) {
        Lang::En => "Thanks!",
        Lang::Ru => "Спасибо!",
    };
    bot.answer_callback_query(q.id.clone()).text(thanks).await?;
    info!(outcome = "feedback", up, entry, counted = first, "answered");
    Ok(())
}

/// Past this many remembered votes the memory starts over: a bound, not a ledger.
const REMEMBERED: usize = 50_000;

/// Who voted under which message, as hashes keyed per process.
#[derive(Default)]
pub struct Voted {
    keys: RandomState,
    seen: Mutex<HashSet<u64>>,
}

impl Voted {
    /// True the first time `user` votes under `message` in `chat`.
    pub fn first(&self, user: u64, chat: i64, message: i32) -> bool {
        let key = self.keys.hash_one((user, chat, message));
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        seen.insert(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_data_round_trips_and_fits() {
        let id = "x".repeat(crate::knowledge::MAX_ID_LEN);
        for up in [true, false] {
            let data = feedback_data(up, &id);
            assert!(data.len() <= MAX_CALLBACK_DATA);
            assert_eq!(parse_feedback(&data), Some((up, id.as_str())));
        }
        assert!(row(&id).is_some());
        assert!(row(&"x".repeat(61)).is_none());
        assert_eq!(parse_feedback("f:*:x"), None);
        assert_eq!(parse_feedback("f:+:"), None);
        assert_eq!(parse_feedback("a:x"), None);
    }

    #[test]
    fn a_second_vote_under_the_same_message_is_not_counted() {
        let voted = Voted::default();
        assert!(voted.first(1, 2, 3));
        assert!(!voted.first(1, 2, 3));
        assert!(voted.first(1, 2, 4));
        assert!(voted.first(9, 2, 3));
    }
}
