//! 👍/👎 under answers: taking a vote, and a memory of who already voted under which
//! message, so a double tap counts once. That memory holds only hashes, lives only
//! in this process, and is never written.

use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};

use teloxide::prelude::*;
use tracing::info;

use super::HandlerResult;
use super::callback::Thumb;
use super::send::Outbox;
use crate::lang::Lang;
use crate::record::{Recorder, Vote};
use crate::reply::texts::texts;

/// 👍 or 👎 under an answer: recorded once per person and message, thanked for in the
/// little notice the app shows, and nothing sent to the chat.
pub(super) async fn vote(
    out: Outbox,
    q: CallbackQuery,
    thumb: Thumb,
    recorder: Recorder,
    voted: Arc<Voted>,
) -> HandlerResult {
    let Thumb { up, entry } = thumb;
    let first = q.regular_message().is_none_or(|m| voted.first(q.from.id.0, m.chat.id.0, m.id.0));
    if first {
        recorder.vote(Vote::new(&entry, up));
    }
    let thanks = texts(Lang::detect("", q.from.language_code.as_deref())).thanks;
    out.bot().answer_callback_query(q.id.clone()).text(thanks).await?;
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
    fn a_second_vote_under_the_same_message_is_not_counted() {
        let voted = Voted::default();
        assert!(voted.first(1, 2, 3));
        assert!(!voted.first(1, 2, 3));
        assert!(voted.first(1, 2, 4));
        assert!(voted.first(9, 2, 3));
    }
}
