//! A fake Telegram Bot API server for end-to-end tests of the bot, served over real
//! HTTP on 127.0.0.1 inside the test's tokio runtime.
//!
//! Point teloxide at it (`api.bot()`, or `TELOXIDE_API_URL=api.url()` with
//! `TELOXIDE_TOKEN=api.token()`), push updates built with [`updates`], and assert on
//! what the bot called. The server behaves like Telegram where the bot could get it
//! wrong: it checks every call against the Bot API spec
//! (`tests/fixtures/bot-api/methods.json`), rejects what Telegram rejects (malformed
//! HTML, texts over 4096 characters, callback data over 64 bytes, ...) with
//! Telegram's error texts, long-polls `getUpdates`, and can be told to misbehave
//! (429, 5xx, delays, 409, broken JSON, going down).
//!
//! ```ignore
//! let api = FakeBotApi::start().await;
//! let bot = api.bot();
//! let alice = TestUser::new(42, "Alice").lang("en");
//! api.push_update(updates::private_text(&alice, "How many men could be called up?"));
//! // ... run the bot's dispatcher with `bot` ...
//! let sent = api.wait_for("sendMessage", 1, Duration::from_secs(5)).await;
//! assert!(api.violations().is_empty(), "{:#?}", api.violations());
//! ```

mod checks;
mod faults;
mod html;
mod methods;
mod polling;
mod rates;
mod raw;
mod record;
mod request;
mod server;
mod spec;
mod state;
pub mod updates;

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use serde_json::{Value, json};

// Re-exported for tests; a test binary that uses only some of them must not warn.
#[allow(unused_imports)]
pub use self::{
    faults::Fault,
    html::{ParsedText, parse_html},
    rates::Rates,
    raw::{RawResponse, form_encode},
    record::{Call, Violation},
    updates::{TestChat, TestUser},
};
use self::{faults::QueuedFault, server::Running, state::Shared};

/// The fake bot's identity and the server's knobs. `Config::default()` is a bot
/// called "Storybot" (@storybot) in privacy mode, with inline mode on.
#[derive(Clone, Debug)]
pub struct Config {
    /// The token the server accepts; any other gets 401 Unauthorized.
    pub token: String,
    pub bot_id: i64,
    pub username: String,
    pub first_name: String,
    pub can_join_groups: bool,
    /// False = privacy mode: in groups the bot only gets commands, mentions and
    /// replies (the fake does not filter updates; this is only what getMe says).
    pub can_read_all_group_messages: bool,
    pub supports_inline_queries: bool,
    /// The longest a getUpdates waits for an update, whatever its `timeout`: short
    /// by default so a bot under test shuts down quickly.
    pub max_poll_wait: Duration,
    /// Answer 409 Conflict to a waiting getUpdates when a newer one arrives, as
    /// Telegram does when two bot instances poll.
    pub conflict_on_concurrent_polls: bool,
    /// Reject answerCallbackQuery/answerInlineQuery for query ids never pushed or
    /// already answered ("query is too old ... or query ID is invalid").
    pub strict_query_ids: bool,
    /// A network round trip on every call, between these two (half before the call
    /// is handled, half before its answer leaves), as a bot far from Telegram sees.
    /// `Call::received` is when the request left the bot, before the first half.
    pub round_trip: Option<(Duration, Duration)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            token: "7000000001:AAFakeTokenForStorybotTests-0123456789".into(),
            bot_id: 7_000_000_001,
            username: "storybot".into(),
            first_name: "Storybot".into(),
            can_join_groups: true,
            can_read_all_group_messages: false,
            supports_inline_queries: true,
            max_poll_wait: Duration::from_secs(2),
            conflict_on_concurrent_polls: true,
            strict_query_ids: true,
            round_trip: None,
        }
    }
}

/// The fake Bot API server. Stops when dropped.
pub struct FakeBotApi {
    shared: Arc<Shared>,
    addr: SocketAddr,
    running: Mutex<Option<Running>>,
}

impl FakeBotApi {
    /// Starts a server with the default [`Config`] on a free port of 127.0.0.1.
    pub async fn start() -> Self {
        Self::start_with(Config::default()).await
    }

    /// Starts a server with `config` on a free port of 127.0.0.1.
    pub async fn start_with(config: Config) -> Self {
        Self::start_on("127.0.0.1:0".parse().expect("addr"), config).await
    }

    /// Starts a server on a given address (e.g. the port a bot process was already
    /// configured with, to bring "Telegram" up after the bot).
    pub async fn start_on(addr: SocketAddr, config: Config) -> Self {
        let listener = server::bind(addr).await.unwrap_or_else(|e| panic!("bind {addr}: {e}"));
        let addr = listener.local_addr().expect("local addr");
        let shared = Shared::new(config);
        let running = server::serve(shared.clone(), listener);
        FakeBotApi { shared, addr, running: Mutex::new(Some(running)) }
    }

    /// Picks a free port but does not serve yet: the bot sees connection refused
    /// ("Telegram is down") until [`FakeBotApi::restart`].
    pub async fn reserve(config: Config) -> Self {
        let listener = server::bind("127.0.0.1:0".parse().expect("addr")).await.expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        drop(listener);
        FakeBotApi { shared: Shared::new(config), addr, running: Mutex::new(None) }
    }

    /// Stops serving (connections refused), keeping all state. Waiting long polls
    /// return `[]` first.
    pub async fn stop(&self) {
        let running = self.running.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(running) = running {
            self.shared.lock().stopping = true;
            self.shared.bump();
            running.stop().await;
        }
    }

    /// Serves again on the same port (after [`stop`](Self::stop) or
    /// [`reserve`](Self::reserve)); does nothing if already serving.
    pub async fn restart(&self) {
        if self.is_running() {
            return;
        }
        let listener = server::bind(self.addr).await.expect("re-bind the fake Bot API port");
        self.shared.lock().stopping = false;
        let running = server::serve(self.shared.clone(), listener);
        *self.running.lock().unwrap_or_else(|e| e.into_inner()) = Some(running);
    }

    pub fn is_running(&self) -> bool {
        self.running.lock().unwrap_or_else(|e| e.into_inner()).is_some()
    }

    /// `http://127.0.0.1:PORT` — no trailing slash: teloxide appends
    /// `/bot<token>/<Method>` to the URL's path, and `TELOXIDE_API_URL` is used
    /// the same way.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn token(&self) -> &str {
        &self.shared.config.token
    }

    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    /// A teloxide `Bot` with this server's token and URL.
    pub fn bot(&self) -> teloxide::Bot {
        teloxide::Bot::new(self.token()).set_api_url(self.url().parse().expect("valid URL"))
    }

    /// The bot as a Telegram user (for builders: its messages, my_chat_member).
    pub fn bot_user(&self) -> TestUser {
        let c = &self.shared.config;
        TestUser {
            is_bot: true,
            username: Some(c.username.clone()),
            ..TestUser::new(c.bot_id, &c.first_name)
        }
    }

    /// A message from the bot in `chat`, remembered by the server as if the bot had
    /// sent it earlier (so replies to it, button presses under it and edits work).
    pub fn bot_message(&self, chat: &TestChat, text: &str) -> Value {
        let m = updates::bot_message(&self.bot_user(), chat, text);
        self.remember_message(&m);
        m
    }

    /// Makes the server know a message (and its chat) without an update.
    pub fn remember_message(&self, message: &Value) {
        self.shared.lock().remember_message(message);
    }

    // ---- updates -------------------------------------------------------------

    /// Queues an update for getUpdates (assigning the next `update_id` unless it
    /// has one) and returns its update_id. A waiting long poll answers at once.
    pub fn push_update(&self, mut update: Value) -> i64 {
        let id = {
            let mut st = self.shared.lock();
            let id = match update["update_id"].as_i64() {
                Some(id) => id,
                None => st.next_update_id,
            };
            st.next_update_id = st.next_update_id.max(id + 1);
            update["update_id"] = json!(id);
            st.learn_from_update(&update);
            st.updates.push_back(update);
            id
        };
        self.shared.bump();
        id
    }

    /// Updates queued and not yet confirmed by a getUpdates offset.
    pub fn pending_updates(&self) -> Vec<Value> {
        self.shared.lock().updates.iter().cloned().collect()
    }

    /// Waits until a getUpdates request is long-polling (so an update pushed now
    /// is delivered by that request). Panics after `timeout`.
    pub async fn wait_for_poll(&self, timeout: Duration) {
        let mut rx = self.shared.waiting_polls.subscribe();
        if tokio::time::timeout(timeout, rx.wait_for(|n| *n > 0)).await.is_err() {
            panic!("no getUpdates long poll within {timeout:?}");
        }
    }

    /// Makes waiting getUpdates requests return `[]` now.
    pub fn release_polls(&self) {
        self.shared.lock().poll_release_epoch += 1;
        self.shared.bump();
    }

    // ---- faults --------------------------------------------------------------

    /// Applies `fault` to the next call of `method` (any case; `"*"` = any method).
    pub fn fault(&self, method: &str, fault: Fault) {
        self.fault_times(method, fault, 1);
    }

    /// Applies `fault` to the next `times` calls of `method`. Faults for a method
    /// apply in the order queued.
    pub fn fault_times(&self, method: &str, fault: Fault, times: usize) {
        if times > 0 {
            let method = method.to_ascii_lowercase();
            self.shared.lock().faults.push(QueuedFault { method, fault, remaining: times });
        }
    }

    // ---- what happened --------------------------------------------------------

    /// Calls of `method` (any case), in arrival order; `"*"` for all calls.
    pub fn calls(&self, method: &str) -> Vec<Call> {
        let m = method.to_ascii_lowercase();
        self.shared.lock().calls.iter().filter(|c| m == "*" || c.method == m).cloned().collect()
    }

    /// Every call, in arrival order.
    pub fn all_calls(&self) -> Vec<Call> {
        self.calls("*")
    }

    /// Waits until at least `n` calls of `method` (`"*"`: any) have been answered,
    /// and returns all answered calls of it. Panics after `timeout`, listing the
    /// calls seen.
    pub async fn wait_for(&self, method: &str, n: usize, timeout: Duration) -> Vec<Call> {
        match self.try_wait_for(method, n, timeout).await {
            Ok(calls) => calls,
            Err(calls) => {
                let seen: Vec<String> = self
                    .all_calls()
                    .iter()
                    .map(|c| format!("{} {:?} -> {:?}", c.name, c.params, c.status))
                    .collect();
                panic!(
                    "expected {n} answered {method} call(s) within {timeout:?}, got {}; all calls:\n{}",
                    calls.len(),
                    seen.join("\n")
                )
            }
        }
    }

    /// Like [`wait_for`](Self::wait_for) but returns `Err(calls so far)` on timeout.
    pub async fn try_wait_for(
        &self,
        method: &str,
        n: usize,
        timeout: Duration,
    ) -> Result<Vec<Call>, Vec<Call>> {
        let mut rx = self.shared.changed.subscribe();
        let answered = || self.calls(method).into_iter().filter(Call::finished).collect::<Vec<_>>();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let calls = answered();
            if calls.len() >= n {
                return Ok(calls);
            }
            if tokio::time::timeout_at(deadline, rx.changed()).await.is_err() {
                return Err(answered());
            }
        }
    }

    /// The highest send rates seen: overall, per chat and per group (every
    /// sendMessage call counts, answered or not, as Telegram counts them).
    pub fn send_rates(&self) -> Rates {
        Rates::of(&self.calls("sendMessage"))
    }

    /// The most requests the server was handling at once (connections in use).
    pub fn max_in_flight(&self) -> usize {
        self.shared.max_in_flight.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// When the bot got the update with `update_id` (the first getUpdates answer
    /// that carried it left the server), if it got it.
    pub fn delivered(&self, update_id: i64) -> Option<std::time::Instant> {
        self.shared.lock().delivered.get(&update_id).copied()
    }

    /// Parameters of the successful sendMessage and editMessageText calls, in order.
    pub fn sent_messages(&self) -> Vec<Value> {
        self.all_calls()
            .into_iter()
            .filter(|c| (c.name == "sendMessage" || c.name == "editMessageText") && c.ok())
            .map(|c| c.params)
            .collect()
    }

    /// Waits until at least `n` messages were sent or edited successfully; returns
    /// their parameters. Panics after `timeout`.
    pub async fn wait_for_sent(&self, n: usize, timeout: Duration) -> Vec<Value> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut rx = self.shared.changed.subscribe();
        loop {
            let sent = self.sent_messages();
            if sent.len() >= n {
                return sent;
            }
            if tokio::time::timeout_at(deadline, rx.changed()).await.is_err() {
                panic!("expected {n} sent message(s) within {timeout:?}, got {}: {sent:#?}", sent.len());
            }
        }
    }

    /// A message as the server holds it now (after edits), by chat and message id.
    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<Value> {
        self.shared.lock().messages.get(&(chat_id, message_id)).cloned()
    }

    /// The commands last set with setMyCommands for the default scope and no
    /// language (`[]` if none).
    pub fn my_commands(&self) -> Value {
        let key = format!("{}|", json!({ "type": "default" }));
        self.shared.lock().commands.get(&key).cloned().unwrap_or_else(|| json!([]))
    }

    /// Spec violations seen so far (unknown parameters, wrong JSON types, unknown
    /// fields in nested objects, retries before retry_after, stray paths).
    pub fn violations(&self) -> Vec<Violation> {
        self.shared.lock().violations.clone()
    }

    /// Panics listing the violations, if any.
    pub fn assert_no_violations(&self) {
        let v = self.violations();
        assert!(
            v.is_empty(),
            "Bot API spec violations:\n{}",
            v.iter().map(|v| format!("  {v}")).collect::<Vec<_>>().join("\n")
        );
    }

    /// Sends a raw request to `/bot<token>/<method>` with a JSON body (for what
    /// teloxide will not send, e.g. an unknown parameter).
    pub async fn raw_json(&self, method: &str, body: &Value) -> RawResponse {
        let url = format!("{}/bot{}/{method}", self.url(), self.token());
        raw::send("POST", &url, Some(("application/json", body.to_string().into_bytes()))).await
    }

    /// Sends a raw `application/x-www-form-urlencoded` request.
    pub async fn raw_form(&self, method: &str, pairs: &[(&str, &str)]) -> RawResponse {
        let url = format!("{}/bot{}/{method}", self.url(), self.token());
        raw::send("POST", &url, Some(("application/x-www-form-urlencoded", form_encode(pairs).into_bytes())))
            .await
    }

    /// Sends a raw request to any path of the server (`/bot<token>/getMe?x=1`).
    pub async fn raw(&self, http_method: &str, path: &str, body: Option<(&str, Vec<u8>)>) -> RawResponse {
        raw::send(http_method, &format!("{}{path}", self.url()), body).await
    }
}

impl Drop for FakeBotApi {
    fn drop(&mut self) {
        let running = self.running.get_mut().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(running) = running {
            self.shared.lock().stopping = true;
            self.shared.bump();
            running.signal();
        }
    }
}
