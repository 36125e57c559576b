//! The harness shared by the `telegram_*` end-to-end tests: runs the real
//! bot (`storybot::telegram::serve`) in-process against the fake Bot API server
//! (`tests/it/support/fake_bot_api`) over real HTTP on 127.0.0.1, and stops it again.
//!
//! The usual shape:
//! `let bot = RunningBot::start(Story::Mini).await;` (returns once the bot polls),
//! `bot.api.push_update(...)`, wait for the calls the update must cause, then
//! `bot.finish().await` (waits until every pushed update was taken, stops the bot
//! and waits for `serve` to return, so nothing is still in flight) before asserting
//! exact counts.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;
use storybot::config::TelegramSettings;
use storybot::engine::Engine;
use storybot::live::LiveEngine;
use storybot::reply::{Reply, html_messages};
use storybot::telegram::{Callback, FloodLimits, Options, PaceLimits, Thumb, serve};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::support::fake_bot_api::{Config, FakeBotApi};

/// How long a test waits for something the bot should do at once.
pub const T: Duration = Duration::from_secs(5);

/// Which knowledge the bot serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Story {
    /// The shipped story (`knowledge/`): realistic, but tuned by the maintainers, so
    /// tests compare with what the engine itself renders rather than fixed texts.
    Shipped,
    /// `tests/fixtures/mini`: two entries, one gap, fixed texts.
    Mini,
}

fn path(story: Story) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match story {
        Story::Shipped => root.join("knowledge"),
        Story::Mini => root.join("tests/fixtures/mini"),
    }
}

/// The engine for `story`, loaded once per test binary.
pub fn engine(story: Story) -> Arc<Engine> {
    static SHIPPED: OnceLock<Arc<Engine>> = OnceLock::new();
    static MINI: OnceLock<Arc<Engine>> = OnceLock::new();
    let cell = match story {
        Story::Shipped => &SHIPPED,
        Story::Mini => &MINI,
    };
    cell.get_or_init(|| {
        Arc::new(Engine::load(&path(story)).unwrap_or_else(|e| panic!("load {story:?}: {e}")))
    })
    .clone()
}

/// The fake server's configuration for these tests: the default bot (@storybot),
/// with long polls capped short so a test never waits long on an idle poll.
pub fn config() -> Config {
    Config { max_poll_wait: Duration::from_millis(500), ..Config::default() }
}

/// The settings that point the bot at `api`.
pub fn settings(api: &FakeBotApi) -> TelegramSettings {
    TelegramSettings::parse(Some(api.token()), Some(&api.url()))
        .expect("the fake's token has a real token's shape, and its URL is a URL")
}

/// Flood limits high enough that no test trips them by accident.
pub fn no_flood_limits() -> FloodLimits {
    FloodLimits::none()
}

/// The bot, serving the fake server from a tokio task.
pub struct RunningBot {
    pub api: FakeBotApi,
    pub engine: Arc<Engine>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<anyhow::Result<()>>>,
}

impl RunningBot {
    /// Starts a fake server and the bot on `story`; returns once the bot polls.
    pub async fn start(story: Story) -> RunningBot {
        let bot = Self::spawn(FakeBotApi::start_with(config()).await, engine(story), no_flood_limits());
        bot.ready().await;
        bot
    }

    /// Runs the bot against `api` (running or not) without waiting for it.
    pub fn spawn(api: FakeBotApi, engine: Arc<Engine>, flood: FloodLimits) -> RunningBot {
        Self::spawn_paced(api, engine, flood, PaceLimits::default())
    }

    /// [`Self::spawn`] with other sending limits (tests scale time with them).
    pub fn spawn_paced(
        api: FakeBotApi,
        engine: Arc<Engine>,
        flood: FloodLimits,
        pace: PaceLimits,
    ) -> RunningBot {
        Self::spawn_with(api, engine, |options| Options { flood, pace, ..options })
    }

    /// [`Self::spawn`] with the options `tweak` makes of the defaults.
    pub fn spawn_with(
        api: FakeBotApi,
        engine: Arc<Engine>,
        tweak: impl FnOnce(Options) -> Options,
    ) -> RunningBot {
        let (stop, stopped) = oneshot::channel::<()>();
        let live = Arc::new(LiveEngine::from_arc(engine.clone()));
        let options = tweak(Options::new(settings(&api), live));
        let task = tokio::spawn(serve(options, async move {
            // A dropped sender (a test that ends early) stops the bot too.
            let _ = stopped.await;
        }));
        RunningBot { api, engine, stop: Some(stop), task: Some(task) }
    }

    /// Waits until the bot has registered its commands and long-polls for updates.
    pub async fn ready(&self) {
        self.api.wait_for("setMyCommands", 1, T).await;
        self.api.wait_for_poll(T).await;
    }

    /// Waits until every pushed update was taken by the bot (confirmed by a later
    /// getUpdates offset), so stopping now loses none of them.
    pub async fn settle(&self) {
        let api = &self.api;
        eventually("the bot takes every pushed update", T, || api.pending_updates().is_empty()).await;
    }

    /// Asks the bot to stop without waiting.
    pub fn request_stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Stops the bot and waits (at most `within`) for `serve` to return; panics if it
    /// returns an error or takes longer. Returns how long it took.
    pub async fn stop_within(&mut self, within: Duration) -> Duration {
        self.stop_within_while(within, |_| {}).await
    }

    /// [`Self::stop_within`], calling `meanwhile` with the fake every 5 ms until
    /// `serve` returns (updates that keep coming during the shutdown).
    pub async fn stop_within_while(
        &mut self,
        within: Duration,
        mut meanwhile: impl FnMut(&FakeBotApi),
    ) -> Duration {
        let started = Instant::now();
        self.request_stop();
        let mut task = self.task.take().expect("the bot runs");
        let api = &self.api;
        let waited = tokio::time::timeout(within, async {
            loop {
                tokio::select! {
                    result = &mut task => break result,
                    _ = tokio::time::sleep(Duration::from_millis(5)) => meanwhile(api),
                }
            }
        });
        match waited.await {
            Ok(Ok(Ok(()))) => started.elapsed(),
            Ok(Ok(Err(e))) => panic!("serve returned an error: {e:#}"),
            Ok(Err(e)) => panic!("serve panicked: {e}"),
            Err(_) => panic!("serve did not return within {within:?} of the stop"),
        }
    }

    /// Lets the bot take every pushed update, then stops it and waits for `serve` to
    /// return: afterwards every reply the bot will ever send has been sent.
    pub async fn finish(mut self) -> FakeBotApi {
        self.settle().await;
        self.stop_within(T).await;
        self.api.assert_no_violations();
        self.api
    }

    /// What the bot must send for `text` from a user with `lang_hint`, as the engine
    /// renders it: the HTML messages and the last one's callback data.
    pub fn expected(&self, text: &str, lang_hint: Option<&str>) -> Expected {
        Expected::of(&self.engine.respond(text, lang_hint).reply)
    }
}

/// A reply as the bot must send it.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub texts: Vec<String>,
    /// The callback data of the reply's own buttons (not the 👍/👎 row).
    pub buttons: Vec<String>,
    /// The entry the 👍/👎 row under the last message votes on, if any.
    pub feedback: Option<String>,
    /// The "Read in the article" button under the last message, as (label, URL).
    pub link: Option<(String, String)>,
}

impl Expected {
    pub fn of(reply: &Reply) -> Expected {
        Expected {
            texts: html_messages(reply),
            buttons: reply.buttons.iter().filter_map(|b| Callback::from(&b.action).data()).collect(),
            feedback: reply.feedback.clone(),
            link: reply.link.as_ref().map(|l| (l.label.clone(), l.url.clone())),
        }
    }

    /// Asserts `sent` (sendMessage parameters, in order) is exactly this reply in
    /// `chat`, in HTML, replying to `reply_to` (first message only) when given.
    pub fn assert_sent(&self, sent: &[Value], chat: i64, reply_to: Option<i64>) {
        let texts: Vec<&str> = sent.iter().map(|m| m["text"].as_str().unwrap()).collect();
        assert_eq!(texts, self.texts, "the texts of the reply");
        for (i, m) in sent.iter().enumerate() {
            assert_eq!(m["chat_id"].as_i64(), Some(chat), "chat of message {i}");
            assert_eq!(m["parse_mode"], "HTML", "parse mode of message {i}");
            let replied = m["reply_parameters"]["message_id"].as_i64();
            let want = if i == 0 { reply_to } else { None };
            assert_eq!(replied, want, "reply_parameters of message {i}");
        }
        let last = sent.last().expect("at least one message");
        assert_eq!(buttons(last), self.buttons, "the buttons of the last message");
        assert_eq!(feedback(last), self.feedback, "the 👍/👎 row of the last message");
        assert_eq!(url_buttons(last), Vec::from_iter(self.link.clone()), "the link under the last message");
        for m in &sent[..sent.len() - 1] {
            assert!(m.get("reply_markup").is_none(), "buttons only on the last");
        }
    }
}

/// The callback data of a sent message's inline keyboard, row by row, without the
/// 👍/👎 row (see [`feedback`]).
pub fn buttons(message: &Value) -> Vec<String> {
    all_buttons(message).into_iter().filter(|d| vote(d).is_none()).collect()
}

/// The vote a button's callback data casts, if it is a 👍/👎 button.
fn vote(data: &str) -> Option<Thumb> {
    Callback::parse(data).and_then(Callback::vote)
}

/// The callback data of every callback button (URL buttons have none).
fn all_buttons(message: &Value) -> Vec<String> {
    keyboard_buttons(message).iter().filter_map(|b| b["callback_data"].as_str().map(str::to_string)).collect()
}

fn keyboard_buttons(message: &Value) -> Vec<Value> {
    message["reply_markup"]["inline_keyboard"]
        .as_array()
        .map(|rows| rows.iter().flat_map(|row| row.as_array().cloned().unwrap_or_default()).collect())
        .unwrap_or_default()
}

/// The URL buttons of a sent message (or inline result), as (label, URL).
pub fn url_buttons(message: &Value) -> Vec<(String, String)> {
    keyboard_buttons(message)
        .iter()
        .filter_map(|b| Some((b["text"].as_str()?.to_string(), b["url"].as_str()?.to_string())))
        .collect()
}

/// The entry a sent message's 👍/👎 row votes on; panics unless the row, when there
/// is one, is the last row and exactly 👍 then 👎 for one entry.
pub fn feedback(message: &Value) -> Option<String> {
    let rows = message["reply_markup"]["inline_keyboard"].as_array()?;
    let data: Vec<String> = all_buttons(message).into_iter().filter(|d| vote(d).is_some()).collect();
    let entry = vote(data.first()?)?.entry;
    let last: Vec<&str> =
        rows.last()?.as_array()?.iter().map(|b| b["callback_data"].as_str().unwrap_or_default()).collect();
    let row = |up| Callback::Vote(Thumb { up, entry: entry.clone() }).data().expect("fits");
    assert_eq!(last, [row(true), row(false)], "the 👍/👎 row: {message}");
    assert_eq!(data.len(), 2, "one 👍/👎 row: {message}");
    Some(entry)
}

/// The successful sendMessage parameters sent to `chat`, in order.
pub fn sent_to(api: &FakeBotApi, chat: i64) -> Vec<Value> {
    api.sent_messages().into_iter().filter(|m| m["chat_id"].as_i64() == Some(chat)).collect()
}

/// Waits until at least `n` messages went to `chat`; returns them all.
pub async fn wait_sent_to(api: &FakeBotApi, chat: i64, n: usize) -> Vec<Value> {
    wait_sent_to_within(api, chat, n, T).await
}

/// [`wait_sent_to`] with another timeout.
pub async fn wait_sent_to_within(api: &FakeBotApi, chat: i64, n: usize, timeout: Duration) -> Vec<Value> {
    let what = format!("{n} message(s) to chat {chat}");
    eventually(&what, timeout, || sent_to(api, chat).len() >= n).await;
    sent_to(api, chat)
}

/// Checks `condition` every few milliseconds until it holds; panics after `timeout`
/// naming `what`. For conditions the fake server has no waiter for.
pub async fn eventually(what: &str, timeout: Duration, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !condition() {
        assert!(Instant::now() < deadline, "timed out after {timeout:?} waiting for {what}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}
