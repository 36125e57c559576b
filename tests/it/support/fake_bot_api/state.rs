//! The fake server's shared state: what Telegram would know (queued updates, sent
//! messages, known chats, open queries, commands, webhook) plus what tests inspect
//! (calls, violations, queued faults), and the change signals waiters sleep on.
//!
//! The state sits behind a `std::sync::Mutex` that is never held across an
//! `.await`; every change bumps a `watch` counter so `wait_for` and long polls
//! wake without busy-waiting.

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex, MutexGuard},
    time::Instant,
};

use serde_json::{Value, json};
use tokio::sync::watch;

use super::{
    Config,
    faults::QueuedFault,
    record::{Call, Violation},
    spec::Spec,
};

pub(crate) struct Shared {
    pub config: Config,
    pub spec: &'static Spec,
    state: Mutex<State>,
    /// Bumped on every recorded call, finished call or pushed update.
    pub changed: watch::Sender<u64>,
    /// How many getUpdates requests are waiting for an update right now.
    pub waiting_polls: watch::Sender<usize>,
    /// Requests being handled now, and the most at once.
    pub in_flight: std::sync::atomic::AtomicUsize,
    pub max_in_flight: std::sync::atomic::AtomicUsize,
}

#[derive(Default)]
pub(crate) struct State {
    pub calls: Vec<Call>,
    /// When each update first reached the bot (its getUpdates answer left).
    pub delivered: HashMap<i64, Instant>,
    pub violations: Vec<Violation>,
    pub faults: Vec<QueuedFault>,
    /// Unconfirmed updates, oldest first, each with its `update_id`.
    pub updates: VecDeque<Value>,
    pub next_update_id: i64,
    /// Incremented by each getUpdates; an older waiting poll that sees a newer
    /// generation answers 409 like Telegram.
    pub poll_generation: u64,
    /// Incremented by `release_polls()` to end waiting polls early.
    pub poll_release_epoch: u64,
    /// True while the server stops: waiting polls return at once.
    pub stopping: bool,
    /// Messages by (chat id, message id): user messages from pushed updates and the
    /// bot's own, as last edited.
    pub messages: HashMap<(i64, i64), Value>,
    /// Chat objects seen in updates or sent to, by id.
    pub chats: HashMap<i64, Value>,
    /// Callback and inline query ids pushed to the bot → whether answered.
    pub queries: HashMap<String, bool>,
    /// Bot commands by scope/language key.
    pub commands: HashMap<String, Value>,
    /// After a 429 for (method, chat): when the client may call again, and the
    /// retry_after it was told.
    pub retry_after: HashMap<String, (Instant, u32)>,
    pub webhook_url: String,
    /// The update types getUpdates last asked for (`None`: Telegram's default).
    pub allowed_updates: Option<Vec<String>>,
}

impl Shared {
    pub fn new(config: Config) -> Arc<Self> {
        let state = State { next_update_id: 10_000, ..State::default() };
        Arc::new(Shared {
            config,
            spec: Spec::get(),
            state: Mutex::new(state),
            changed: watch::Sender::new(0),
            waiting_polls: watch::Sender::new(0),
            in_flight: Default::default(),
            max_in_flight: Default::default(),
        })
    }

    /// Locks the state; a panic in another test task must not hide this one's
    /// results, so a poisoned lock is used anyway.
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn bump(&self) {
        self.changed.send_modify(|v| *v += 1);
    }

    pub fn violation(&self, method: &str, path: &str, message: &str) {
        self.lock().violations.push(Violation {
            method: method.to_owned(),
            path: path.to_owned(),
            message: message.to_owned(),
        });
    }

    /// The bot's `User` object as `getMe` and sent messages show it.
    pub fn bot_user_json(&self) -> Value {
        let c = &self.config;
        json!({ "id": c.bot_id, "is_bot": true, "first_name": c.first_name, "username": c.username })
    }
}

impl State {
    /// Remembers the chats, messages and query ids an update carries, so later
    /// calls about them (replies, edits, answers, getChat) can be checked.
    pub fn learn_from_update(&mut self, update: &Value) {
        for key in ["message", "edited_message", "channel_post", "edited_channel_post"] {
            if update[key].is_object() {
                self.remember_message(&update[key]);
            }
        }
        if let Some(q) = update["callback_query"].as_object() {
            if let Some(id) = q.get("id").and_then(Value::as_str) {
                self.queries.insert(id.to_owned(), false);
            }
            if let Some(m) = q.get("message") {
                self.remember_message(m);
            }
        }
        if let Some(id) = update["inline_query"]["id"].as_str() {
            self.queries.insert(id.to_owned(), false);
        }
        for key in ["my_chat_member", "chat_member"] {
            if update[key]["chat"].is_object() {
                self.remember_chat(&update[key]["chat"]);
            }
        }
    }

    pub fn remember_message(&mut self, m: &Value) {
        if let Some(r) = m.get("reply_to_message").filter(|r| r.is_object()) {
            self.remember_message(r);
        }
        let (Some(chat), Some(id)) = (m["chat"]["id"].as_i64(), m["message_id"].as_i64()) else {
            return;
        };
        self.remember_chat(&m["chat"]);
        self.messages.insert((chat, id), m.clone());
    }

    pub fn remember_chat(&mut self, chat: &Value) {
        if let Some(id) = chat["id"].as_i64() {
            self.chats.entry(id).or_insert_with(|| chat.clone());
        }
    }
}

/// Records a call on arrival and its answer on completion; if the request is
/// dropped first (the client disconnected), marks it 499.
pub(crate) struct CallGuard {
    shared: Arc<Shared>,
    index: usize,
    done: bool,
}

impl CallGuard {
    pub fn record(shared: &Arc<Shared>, method: &str, name: &str, params: Value) -> Self {
        let index = {
            let mut st = shared.lock();
            let seq = st.calls.len();
            st.calls.push(Call {
                seq,
                method: method.to_ascii_lowercase(),
                name: name.to_owned(),
                params,
                received: Instant::now(),
                status: None,
                response: None,
            });
            seq
        };
        shared.bump();
        CallGuard { shared: shared.clone(), index, done: false }
    }

    /// The call's position in the order of arrival.
    pub fn seq(&self) -> usize {
        self.index
    }

    pub fn finish(mut self, status: u16, response: Option<Value>) {
        self.set(status, response);
    }

    fn set(&mut self, status: u16, response: Option<Value>) {
        self.done = true;
        {
            let mut st = self.shared.lock();
            let call = &mut st.calls[self.index];
            call.status = Some(status);
            call.response = response;
        }
        self.shared.bump();
    }
}

impl Drop for CallGuard {
    fn drop(&mut self) {
        if !self.done {
            self.set(499, None);
        }
    }
}
