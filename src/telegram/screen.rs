//! Flood control on arrival: every update is screened as the listener hands it to the
//! dispatcher, before it waits in its chat's queue, so a flood's excess is dropped at
//! once whatever the sending backlog. Counting a message only when its chat's turn
//! came would let a flood through whenever sending is the bottleneck: among many busy
//! chats a flood is read more slowly than its bucket refills.
//!
//! A message the bot would answer (one addressed to it, or a private sticker that
//! gets a hint) is counted against its sender's and its chat's buckets ([`Flood`]):
//! allowed, it goes on; the first one over the limit goes on marked for the one
//! notice, which the schema sends in its turn, after the answers before it; the rest
//! is dropped here. Chatter in groups is not counted and goes on (it is read and
//! ignored at once). A button press over the limit is
//! acknowledged here with the notice (the app shows a spinner until a press is
//! acknowledged) and dropped.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use futures::StreamExt;
use futures::future::ready;
use futures::stream::BoxStream;
use teloxide::prelude::*;
use teloxide::stop::StopToken;
use teloxide::types::{AllowedUpdate, Me, UpdateId, UpdateKind};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use tokio::sync::Semaphore;
use tracing::{debug, warn};

use super::callback::Callback;
use super::flood::{Flood, Limits, Verdict};
use super::handlers::{gets_a_reply, sender};
use crate::lang::Lang;
use crate::reply::texts::texts;

/// Acknowledgements of presses over the limit in flight at once. Each is one quick
/// call; past this many a script's presses are dropped unacknowledged (its app stops
/// the spinner on its own), so button mashing cannot open connections without end.
const NOTICE_ACKS: usize = 16;

/// Flood control and what it decided for updates still on their way to a handler.
pub(super) struct Screen {
    flood: Flood,
    /// Messages that arrived as their sender's first over the limit: they get the
    /// notice. One per flood at a time, taken out when handled.
    warned: Mutex<HashSet<UpdateId>>,
    acks: Arc<Semaphore>,
}

impl Screen {
    pub(super) fn new(limits: Limits) -> Screen {
        Screen {
            flood: Flood::new(limits),
            warned: Mutex::default(),
            acks: Arc::new(Semaphore::new(NOTICE_ACKS)),
        }
    }

    fn warned(&self) -> std::sync::MutexGuard<'_, HashSet<UpdateId>> {
        self.warned.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The verdict taken when `update` (a message) arrived: `Warn` for the one that
    /// gets the notice, `Allow` otherwise (the dropped never get here).
    pub(super) fn verdict(update: Update, screen: Arc<Screen>) -> Verdict {
        match screen.warned().remove(&update.id) {
            true => Verdict::Warn,
            false => Verdict::Allow,
        }
    }

    /// Whether `update` goes on to the dispatcher.
    fn pass(&self, update: &Update, gate: &Gate) -> bool {
        match &update.kind {
            UpdateKind::Message(msg) => self.message(update.id, msg, &gate.me),
            UpdateKind::CallbackQuery(q) => self.press(q, &gate.bot),
            _ => true,
        }
    }

    fn message(&self, id: UpdateId, msg: &Message, me: &Me) -> bool {
        if !gets_a_reply(msg, me) {
            return true;
        }
        match self.flood.check(sender(msg), msg.chat.id.0) {
            Verdict::Allow => true,
            Verdict::Warn => {
                self.warned().insert(id);
                true
            }
            Verdict::Drop => {
                debug!(chat_id = msg.chat.id.0, "flood: message dropped");
                false
            }
        }
    }

    /// A question or topic button counts like a message; votes and buttons under
    /// inline-mode messages (no chat to answer in) are not counted.
    fn press(&self, q: &CallbackQuery, bot: &Bot) -> bool {
        let action = q.data.as_deref().and_then(Callback::parse).and_then(Callback::action);
        let (Some(_), Some(message)) = (action, q.regular_message()) else {
            return true;
        };
        if self.flood.check(q.from.id.0 as i64, message.chat.id.0) == Verdict::Allow {
            return true;
        }
        let Ok(permit) = self.acks.clone().try_acquire_owned() else {
            debug!(chat_id = message.chat.id.0, "flood: press dropped unacknowledged");
            return false;
        };
        let notice = texts(Lang::detect("", q.from.language_code.as_deref())).slow_down;
        let ack = bot.answer_callback_query(q.id.clone()).text(notice);
        tokio::spawn(async move {
            if let Err(e) = ack.await {
                warn!(error = %e, "could not acknowledge a press over the flood limit");
            }
            drop(permit);
        });
        false
    }
}

/// What screening a listener needs: the flood state, the bot (to acknowledge presses)
/// and who the bot is (to tell which messages are addressed to it).
#[derive(Clone)]
pub(super) struct Gate {
    screen: Arc<Screen>,
    bot: Bot,
    me: Me,
}

impl Gate {
    pub(super) fn new(screen: Arc<Screen>, bot: Bot, me: Me) -> Gate {
        Gate { screen, bot, me }
    }

    /// `inner`, with every update screened before the dispatcher queues it.
    pub(super) fn screen<L>(&self, inner: L) -> Screened<L> {
        Screened { inner, gate: self.clone() }
    }
}

/// A listener whose updates pass flood control on their way out.
pub(super) struct Screened<L> {
    inner: L,
    gate: Gate,
}

impl<L> UpdateListener for Screened<L>
where
    L: UpdateListener,
    L::Err: Send + 'static,
{
    type Err = L::Err;

    fn stop_token(&mut self) -> StopToken {
        self.inner.stop_token()
    }

    fn hint_allowed_updates(&mut self, hint: &mut dyn Iterator<Item = AllowedUpdate>) {
        self.inner.hint_allowed_updates(hint);
    }
}

impl<'a, L> AsUpdateStream<'a> for Screened<L>
where
    L: UpdateListener,
    L::Err: Send + 'static,
{
    type StreamErr = L::Err;
    type Stream = BoxStream<'a, Result<Update, L::Err>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        let gate = self.gate.clone();
        self.inner
            .as_stream()
            .filter(move |item| {
                ready(match item {
                    Ok(update) => gate.screen.pass(update, &gate),
                    Err(_) => true,
                })
            })
            .boxed()
    }
}
