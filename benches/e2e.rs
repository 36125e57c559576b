//! End-to-end benchmark (`cargo bench --bench e2e`): the real bot, in process, long
//! polling the fake Telegram Bot API server of the tests over real HTTP on 127.0.0.1.
//! Updates come from many distinct private chats; a result is the time from pushing
//! an update to the fake server receiving the bot's `sendMessage` for that chat.
//!
//! Scenarios (each with a fresh server and bot):
//! 1. `serve` as shipped: the bot wrapped in teloxide's `Throttle` with Telegram's
//!    default limits (30 messages/s overall) — a burst, and spaced single updates.
//! 2. A stand-in without `Throttle` (the public API cannot run storybot's handler
//!    tree on a plain `Bot`): a minimal handler doing the same per-update work, on a
//!    plain `Bot` — a burst, a paced load, and one update at a time.
//! 3. The fake server's own ceiling: `sendMessage` straight from a plain `Bot`.
//!
//! The fake server runs in this process, on the same cores, so every figure includes
//! its cost. `STORYBOT_BENCH_E2E_N` sets the burst size of scenario 2 (default 2000),
//! `STORYBOT_BENCH_E2E_THROTTLED_N` that of scenario 1 (default 300: 30/s).

#![allow(dead_code)]

#[path = "../tests/it/support/mod.rs"]
mod support;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use storybot::config::TelegramSettings;
use storybot::engine::Engine;
use storybot::live::LiveEngine;
use storybot::reply;
use storybot::telegram::{self, FloodLimits, Options};
use support::fake_bot_api::{FakeBotApi, TestUser, updates};
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::types::ParseMode;
use teloxide::update_listeners;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn questions() -> Vec<String> {
    let sets = storybot::evaluate::question_sets(std::path::Path::new("tests/eval")).expect("tests/eval");
    sets.into_iter().flat_map(|(_, cases)| cases).map(|c| c.q).collect()
}

fn no_flood_limits() -> FloodLimits {
    FloodLimits { per_user: u32::MAX, per_chat: u32::MAX, interval: Duration::from_secs(60) }
}

/// A running bot and how to stop it.
struct RunningBot {
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
}

impl RunningBot {
    async fn stop(self) {
        let _ = self.stop.send(());
        match tokio::time::timeout(Duration::from_secs(15), self.task).await {
            Ok(Ok(Ok(()))) => {}
            other => eprintln!("bot did not stop cleanly: {other:?}"),
        }
    }
}

/// `storybot::telegram::serve` exactly as `storybot run` calls it (bar flood limits).
fn start_serve(api: &FakeBotApi, engine: Arc<Engine>) -> RunningBot {
    let settings = TelegramSettings::parse(Some(api.token()), Some(&api.url())).expect("the fake's settings");
    let options = Options {
        flood: no_flood_limits(),
        ..Options::new(settings, Arc::new(LiveEngine::from_arc(engine)))
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(telegram::serve(options, async {
        let _ = stopped.await;
    }));
    RunningBot { stop, task }
}

/// A stand-in for the bot without `Throttle`, which the public API cannot build (the
/// handler tree wants `Throttle<Bot>` and private dependencies): a minimal handler
/// doing the same per-update work — `Engine::respond`, `reply::html_messages`, one
/// `sendMessage` (HTML) per part — on a plain `Bot`, with teloxide's default polling
/// and dispatcher. Not storybot's handler tree: no flood control, no groups, no logs.
fn start_plain_proxy(api: &FakeBotApi, engine: Arc<Engine>) -> RunningBot {
    let bot = api.bot();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let handler =
            Update::filter_message().endpoint(|bot: Bot, msg: Message, engine: Arc<Engine>| async move {
                if let Some(text) = msg.text() {
                    let hint = msg.from.as_ref().and_then(|u| u.language_code.clone());
                    let response = engine.respond(text, hint.as_deref());
                    for html in reply::html_messages(&response.reply) {
                        bot.send_message(msg.chat.id, html).parse_mode(ParseMode::Html).await?;
                    }
                }
                respond(())
            });
        let mut dispatcher = Dispatcher::builder(bot.clone(), handler)
            .dependencies(dptree::deps![engine])
            .default_handler(|_| async {})
            .build();
        let token = dispatcher.shutdown_token();
        tokio::spawn(async move {
            let _ = stopped.await;
            while token.shutdown().is_err() {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
        let listener = update_listeners::polling_default(bot).await;
        dispatcher.try_dispatch_with_listener(listener, LoggingErrorHandler::new()).await?;
        Ok(())
    });
    RunningBot { stop, task }
}

struct Stats {
    answered: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

impl Stats {
    fn print(&self, label: &str, sent: usize) {
        let mut l = self.latencies.clone();
        l.sort();
        println!(
            "{label}: {}/{} answered in {:.2} s = {:.0} updates/s; update→sendMessage median {}, p99 {}, max {}",
            self.answered,
            sent,
            self.elapsed.as_secs_f64(),
            self.answered as f64 / self.elapsed.as_secs_f64().max(1e-9),
            ms(pct(&l, 0.5)),
            ms(pct(&l, 0.99)),
            ms(l.last().copied().unwrap_or_default()),
        );
    }
}

/// The first sendMessage per chat: (chat id → when the server received it).
fn first_sends(api: &FakeBotApi) -> HashMap<i64, Instant> {
    let mut out = HashMap::new();
    for call in api.calls("sendMessage") {
        if let Some(chat) = call.chat_id() {
            out.entry(chat).or_insert(call.received);
        }
    }
    out
}

/// Waits until every chat in `pushed` has an answer (or `timeout`), polling gently:
/// reading the server's record clones it, which must not steal the bot's CPU.
async fn collect(
    api: &FakeBotApi,
    pushed: &[(i64, Instant)],
    timeout: Duration,
) -> (Stats, HashMap<i64, Instant>) {
    let start = pushed.first().map(|p| p.1).unwrap_or_else(Instant::now);
    let deadline = Instant::now() + timeout;
    let sends = loop {
        let sends = first_sends(api);
        let done = pushed.iter().filter(|(c, _)| sends.contains_key(c)).count();
        if done == pushed.len() || Instant::now() > deadline {
            break sends;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    };
    let mut latencies = Vec::new();
    let mut last = start;
    for (chat, at) in pushed {
        if let Some(&got) = sends.get(chat) {
            latencies.push(got.saturating_duration_since(*at));
            last = last.max(got);
        }
    }
    (Stats { answered: latencies.len(), elapsed: last.saturating_duration_since(start), latencies }, sends)
}

/// Pushes `n` questions from `n` new private chats at once.
async fn burst(api: &FakeBotApi, qs: &[String], first_user: i64, n: usize, timeout: Duration) -> Stats {
    api.wait_for_poll(Duration::from_secs(10)).await;
    let mut pushed = Vec::with_capacity(n);
    for i in 0..n {
        let id = first_user + i as i64;
        let user = TestUser::new(id, "Reader").lang("en");
        let update = updates::private_text(&user, &qs[i % qs.len()]);
        pushed.push((id, Instant::now()));
        api.push_update(update);
    }
    collect(api, &pushed, timeout).await.0
}

/// Pushes `n` questions at `rate` per second, each from a new private chat.
async fn paced(api: &FakeBotApi, qs: &[String], first_user: i64, n: usize, rate: f64) -> Stats {
    api.wait_for_poll(Duration::from_secs(10)).await;
    let mut pushed = Vec::with_capacity(n);
    let start = tokio::time::Instant::now();
    for i in 0..n {
        tokio::time::sleep_until(start + Duration::from_secs_f64(i as f64 / rate)).await;
        let id = first_user + i as i64;
        let user = TestUser::new(id, "Reader").lang("en");
        let update = updates::private_text(&user, &qs[i % qs.len()]);
        pushed.push((id, Instant::now()));
        api.push_update(update);
    }
    collect(api, &pushed, Duration::from_secs(30)).await.0
}

/// One question at a time: the next is pushed when the previous is answered, after
/// `gap` (zero: at once).
async fn one_by_one(api: &FakeBotApi, qs: &[String], first_user: i64, n: usize, gap: Duration) -> Stats {
    api.wait_for_poll(Duration::from_secs(10)).await;
    let mut pushed = Vec::with_capacity(n);
    let mut latencies = Vec::new();
    let start = Instant::now();
    let mut last = start;
    let base = api.calls("sendMessage").len();
    for i in 0..n {
        let id = first_user + i as i64;
        let user = TestUser::new(id, "Reader").lang("en");
        let update = updates::private_text(&user, &qs[(i * 7) % qs.len()]);
        let at = Instant::now();
        pushed.push((id, at));
        api.push_update(update);
        let calls = api.wait_for("sendMessage", base + i + 1, Duration::from_secs(10)).await;
        if let Some(call) = calls.iter().find(|c| c.chat_id() == Some(id)) {
            latencies.push(call.received.saturating_duration_since(at));
            last = call.received;
        }
        if !gap.is_zero() {
            tokio::time::sleep(gap).await;
        }
    }
    Stats { answered: latencies.len(), elapsed: last - start, latencies }
}

/// The server's own ceiling: `concurrency` tasks sending `n` messages with a plain Bot.
async fn fake_ceiling(api: &FakeBotApi, n: usize, concurrency: usize) -> Stats {
    let bot = api.bot();
    let text = "Putin said as many as <b>300,000</b> men could be called up for service.";
    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..concurrency {
        let bot = bot.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            for i in (w..n).step_by(concurrency) {
                let t = Instant::now();
                bot.send_message(ChatId(1_000_000 + i as i64), text)
                    .parse_mode(ParseMode::Html)
                    .await
                    .expect("sendMessage");
                lat.push(t.elapsed());
            }
            lat
        }));
    }
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await.unwrap());
    }
    Stats { answered: latencies.len(), elapsed: start.elapsed(), latencies }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported here.
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    runtime.block_on(async {
        let engine = Arc::new(Engine::load(Path::new("knowledge")).expect("load knowledge"));
        let qs = questions();
        let n = env_usize("STORYBOT_BENCH_E2E_N", 2_000);
        let throttled_n = env_usize("STORYBOT_BENCH_E2E_THROTTLED_N", 300);
        println!(
            "\n== e2e: storybot against the fake Bot API on 127.0.0.1 ({} worker threads) ==",
            std::thread::available_parallelism().map_or(1, |n| n.get())
        );
        println!(
            "load average before: {}",
            std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim()
        );
        // Each chat with queued updates gets a dispatcher worker whose channel
        // allocates slots for updates in blocks (32 on 64-bit): memory per busy chat.
        println!(
            "e2e/size_of::<teloxide::types::Update>() = {} bytes",
            std::mem::size_of::<teloxide::types::Update>()
        );

        // 3 first: the ceiling everything else runs under.
        {
            let api = FakeBotApi::start().await;
            let s = fake_ceiling(&api, n, 64).await;
            s.print(&format!("e2e/fake-server ceiling (plain Bot, {n} sendMessage, 64 concurrent)"), n);
        }

        // 1. serve as shipped.
        {
            let api = FakeBotApi::start().await;
            let bot = start_serve(&api, engine.clone());
            let s = burst(&api, &qs, 10_000_000, throttled_n, Duration::from_secs(120)).await;
            s.print(&format!("e2e/serve (Throttle defaults) burst of {throttled_n} chats"), throttled_n);
            // Let the throttle's one-second window empty after the burst.
            tokio::time::sleep(Duration::from_millis(1500)).await;
            let s = one_by_one(&api, &qs, 20_000_000, 30, Duration::from_millis(300)).await;
            s.print("e2e/serve (Throttle defaults) one at a time, 300 ms apart", 30);
            let s = one_by_one(&api, &qs, 30_000_000, 20, Duration::ZERO).await;
            s.print("e2e/serve (Throttle defaults) one at a time, back to back", 20);
            api.assert_no_violations();
            bot.stop().await;
        }

        // 2. The same work without Throttle (a stand-in; see start_plain_proxy).
        {
            let api = FakeBotApi::start().await;
            let bot = start_plain_proxy(&api, engine.clone());
            let s = burst(&api, &qs, 40_000_000, n, Duration::from_secs(120)).await;
            s.print(&format!("e2e/plain-Bot stand-in burst of {n} chats"), n);
            let s = paced(&api, &qs, 50_000_000, 600, 200.0).await;
            s.print("e2e/plain-Bot stand-in paced 200 updates/s for 3 s", 600);
            let s = one_by_one(&api, &qs, 60_000_000, 50, Duration::ZERO).await;
            s.print("e2e/plain-Bot stand-in one at a time, back to back", 50);
            api.assert_no_violations();
            bot.stop().await;
        }
        println!();
    });
}
