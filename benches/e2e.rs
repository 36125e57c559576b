//! End-to-end benchmark (`cargo bench --bench e2e`): the real bot (`telegram::serve`
//! as `storybot run` calls it), in process, long polling the fake Telegram Bot API
//! server of the tests over real HTTP on 127.0.0.1.
//!
//! Scenarios (each with a fresh server and bot):
//! 1. the fake server's own ceiling: `sendMessage` straight from a plain `Bot`;
//! 2. idle: one question at a time, no network delay;
//! 3. latency under load: 20 questions a second spread over 100 private chats, with
//!    a 30–50 ms round trip on every call (as a bot far from Telegram sees it);
//!    update → `sendMessage` is measured from when the bot got the update (its
//!    getUpdates answer left the server) to when its `sendMessage` left the bot, and
//!    Telegram's limits are measured in the same run;
//! 4. a burst: many private chats at once, against the overall limit;
//! 5. inline mode: 5,000 queries from 5,000 users at 1,000 a second, 50 ms round
//!    trip: throughput, latency, connections in flight, memory.
//!
//! The fake server runs in this process, on the same cores, so every figure includes
//! its cost. `STORYBOT_BENCH_E2E_SECONDS` sets how long scenario 3 runs (default 30).

#[path = "../tests/it/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use storybot::config::TelegramSettings;
use storybot::engine::Engine;
use storybot::live::LiveEngine;
use storybot::telegram::{self, FloodLimits, Options};
use support::fake_bot_api::{Config, FakeBotApi, TestUser, updates};
use teloxide::prelude::*;
use teloxide::types::ParseMode;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The question sets' questions, but those addressed to another bot (which the bot
/// rightly ignores, so every question here gets an answer).
fn questions() -> Vec<String> {
    let sets = storybot::evaluate::question_sets(Path::new("tests/eval")).expect("tests/eval");
    let ours = |q: &str| storybot::engine::typed(q).and_then(|t| t.target).is_none_or(|t| t == "storybot");
    sets.into_iter().flat_map(|(_, cases)| cases).map(|c| c.q).filter(|q| ours(q)).collect()
}

/// A running bot and how to stop it.
struct RunningBot {
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
}

impl RunningBot {
    /// `telegram::serve` as `storybot run` calls it, without flood control (the
    /// load here is many readers, not a flood).
    fn start(api: &FakeBotApi, engine: Arc<Engine>) -> RunningBot {
        let settings =
            TelegramSettings::parse(Some(api.token()), Some(&api.url())).expect("the fake's settings");
        let live = Arc::new(LiveEngine::from_arc(engine));
        let options = Options { flood: FloodLimits::none(), ..Options::new(settings, live) };
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(telegram::serve(options, async {
            let _ = stopped.await;
        }));
        RunningBot { stop, task }
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        match tokio::time::timeout(Duration::from_secs(15), self.task).await {
            Ok(Ok(Ok(()))) => {}
            other => eprintln!("bot did not stop cleanly: {other:?}"),
        }
    }
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

/// p50, p90, p99 and max of `latencies`.
fn distribution(mut latencies: Vec<Duration>) -> String {
    latencies.sort();
    format!(
        "p50 {}, p90 {}, p99 {}, max {} ({} samples)",
        ms(pct(&latencies, 0.5)),
        ms(pct(&latencies, 0.9)),
        ms(pct(&latencies, 0.99)),
        ms(latencies.last().copied().unwrap_or_default()),
        latencies.len()
    )
}

/// A question pushed: its chat and update id.
struct Asked {
    chat: i64,
    update: i64,
}

/// Pushes `question` from a private chat with `user`.
fn ask(api: &FakeBotApi, user: i64, question: &str) -> Asked {
    let reader = TestUser::new(user, "Reader").lang("en");
    Asked { chat: user, update: api.push_update(updates::private_text(&reader, question)) }
}

/// Every chat's sends, in order.
fn sends(api: &FakeBotApi) -> HashMap<i64, Vec<Instant>> {
    let mut sends: HashMap<i64, Vec<Instant>> = HashMap::new();
    for call in api.calls("sendMessage") {
        sends.entry(call.chat_id().unwrap_or_default()).or_default().push(call.received);
    }
    sends
}

/// Update → the first `sendMessage` to its chat after the bot got it, from the bot's
/// side (a chat's questions here are seconds apart, its answers milliseconds).
fn latencies(api: &FakeBotApi, asked: &[Asked]) -> Vec<Duration> {
    let sends = sends(api);
    asked
        .iter()
        .filter_map(|a| {
            let got = api.delivered(a.update)?;
            let sent = sends.get(&a.chat)?.iter().find(|t| **t >= got)?;
            Some(*sent - got)
        })
        .collect()
}

/// Waits until every question has a send after it (or `timeout`), then a moment
/// for the rest of multi-part replies.
async fn wait_answered(api: &FakeBotApi, asked: &[Asked], timeout: Duration) {
    let deadline = Instant::now() + timeout;
    while latencies(api, asked).len() < asked.len() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
}

/// 3: `rate` questions a second over `chats` private chats for `seconds`.
async fn under_load(engine: &Arc<Engine>, qs: &[String], rate: f64, chats: i64, seconds: usize) {
    let trip = (Duration::from_millis(30), Duration::from_millis(50));
    let api = FakeBotApi::start_with(Config { round_trip: Some(trip), ..Config::default() }).await;
    let bot = RunningBot::start(&api, engine.clone());
    api.wait_for_poll(Duration::from_secs(20)).await;
    let n = (rate * seconds as f64) as usize;
    let start = tokio::time::Instant::now();
    let mut asked = Vec::with_capacity(n);
    for i in 0..n {
        tokio::time::sleep_until(start + Duration::from_secs_f64(i as f64 / rate)).await;
        asked.push(ask(&api, 50_000_000 + (i as i64 % chats), &qs[(i * 7) % qs.len()]));
    }
    wait_answered(&api, &asked, Duration::from_secs(60)).await;
    let l = latencies(&api, &asked);
    println!(
        "e2e/load: {rate} questions/s over {chats} private chats for {seconds} s, 30-50 ms round trip: update→sendMessage {}",
        distribution(l)
    );
    let rates = api.send_rates();
    println!(
        "e2e/load: highest send rates: {} in one second overall, {} in one second to one chat, closest two to one chat {}",
        rates.overall_per_second,
        rates.chat_per_second,
        rates.closest_in_a_chat.map_or("-".into(), ms)
    );
    api.assert_no_violations();
    bot.stop().await;
}

/// 2: one question at a time, no network delay.
async fn idle(engine: &Arc<Engine>, qs: &[String], n: usize) {
    let api = FakeBotApi::start().await;
    let bot = RunningBot::start(&api, engine.clone());
    api.wait_for_poll(Duration::from_secs(20)).await;
    let mut asked = Vec::new();
    for i in 0..n {
        let before = api.calls("sendMessage").len();
        asked.push(ask(&api, 60_000_000 + i as i64, &qs[(i * 7) % qs.len()]));
        api.wait_for("sendMessage", before + 1, Duration::from_secs(10)).await;
        // Past the rest of a reply in several parts (a second apart).
        tokio::time::sleep(Duration::from_millis(1_200)).await;
    }
    println!(
        "e2e/idle: one question at a time: update→sendMessage {}",
        distribution(latencies(&api, &asked))
    );
    bot.stop().await;
}

/// 4: `n` private chats ask at once.
async fn burst(engine: &Arc<Engine>, qs: &[String], n: usize) {
    let api = FakeBotApi::start().await;
    let bot = RunningBot::start(&api, engine.clone());
    api.wait_for_poll(Duration::from_secs(20)).await;
    let started = Instant::now();
    let asked: Vec<Asked> = (0..n).map(|i| ask(&api, 70_000_000 + i as i64, &qs[i % qs.len()])).collect();
    wait_answered(&api, &asked, Duration::from_secs(120)).await;
    let last = sends(&api).values().flatten().max().copied().unwrap_or(started);
    let took = last.saturating_duration_since(started);
    let sent = api.calls("sendMessage").len();
    let rates = api.send_rates();
    println!(
        "e2e/burst: {n} private chats at once: {sent} messages in {:.2} s = {:.1}/s; highest {} in one second",
        took.as_secs_f64(),
        sent as f64 / took.as_secs_f64(),
        rates.overall_per_second
    );
    bot.stop().await;
}

/// Resident memory of this process (bot and fake server together), in KiB.
fn rss_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| -> u64 {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// 5: `n` inline queries from `n` users at `rate` a second, 50 ms round trip.
async fn inline(engine: &Arc<Engine>, qs: &[String], n: usize, rate: f64) {
    let trip = Duration::from_millis(50);
    let config = Config { round_trip: Some((trip, trip)), strict_query_ids: false, ..Config::default() };
    let api = FakeBotApi::start_with(config).await;
    let bot = RunningBot::start(&api, engine.clone());
    api.wait_for_poll(Duration::from_secs(20)).await;
    let (rss_before, _) = rss_kib();
    let start = tokio::time::Instant::now();
    let mut pushed = Vec::with_capacity(n);
    for i in 0..n {
        tokio::time::sleep_until(start + Duration::from_secs_f64(i as f64 / rate)).await;
        let user = TestUser::new(80_000_000 + i as i64, "Reader").lang("en");
        let update = updates::inline_query(&user, &qs[(i * 13) % qs.len()], "");
        let id = update["inline_query"]["id"].as_str().unwrap_or_default().to_string();
        pushed.push((api.push_update(update), id));
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while api.calls("answerInlineQuery").len() < n && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let answers = api.calls("answerInlineQuery");
    let first = pushed.first().and_then(|(u, _)| api.delivered(*u));
    let last = answers.iter().map(|c| c.received).max();
    let by_id: HashMap<String, Instant> = answers
        .iter()
        .map(|c| (c.params["inline_query_id"].as_str().unwrap_or_default().to_string(), c.received))
        .collect();
    let latencies: Vec<Duration> = pushed
        .iter()
        .filter_map(|(u, id)| Some(by_id.get(id)?.saturating_duration_since(api.delivered(*u)?)))
        .collect();
    let (_, hwm) = rss_kib();
    if let (Some(first), Some(last)) = (first, last) {
        let took = last.saturating_duration_since(first).as_secs_f64();
        println!(
            "e2e/inline: {} of {n} queries from {n} users at {rate}/s, 50 ms round trip: answered in {took:.2} s = {:.0}/s",
            answers.len(),
            answers.len() as f64 / took.max(1e-9)
        );
    }
    println!("e2e/inline: update→answerInlineQuery {}", distribution(latencies));
    println!(
        "e2e/inline: requests in flight at most {}; resident memory {:.1} MB before, peak {:.1} MB (bot and fake server)",
        api.max_in_flight(),
        rss_before as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    bot.stop().await;
}

/// 1: the server's own ceiling: `concurrency` tasks sending `n` messages.
async fn fake_ceiling(n: usize, concurrency: usize) {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    let text = "Putin said as many as <b>300,000</b> men could be called up for service.";
    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..concurrency {
        let bot = bot.clone();
        tasks.push(tokio::spawn(async move {
            for i in (w..n).step_by(concurrency) {
                let chat = ChatId(1_000_000 + i as i64);
                bot.send_message(chat, text).parse_mode(ParseMode::Html).await.expect("sendMessage");
            }
        }));
    }
    for t in tasks {
        t.await.expect("a sender");
    }
    let took = start.elapsed();
    println!(
        "e2e/fake-server ceiling: {n} sendMessage, {concurrency} at a time: {:.0}/s",
        n as f64 / took.as_secs_f64()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported here.
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    runtime.block_on(async {
        let engine = Arc::new(Engine::load(Path::new("knowledge")).expect("load knowledge"));
        let qs = questions();
        let seconds = env_usize("STORYBOT_BENCH_E2E_SECONDS", 30);
        println!(
            "\n== e2e: storybot against the fake Bot API on 127.0.0.1 ({} cores) ==",
            std::thread::available_parallelism().map_or(1, |n| n.get())
        );
        println!(
            "load average before: {}",
            std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim()
        );
        fake_ceiling(2_000, 64).await;
        idle(&engine, &qs, 20).await;
        under_load(&engine, &qs, 20.0, 100, seconds).await;
        burst(&engine, &qs, 300).await;
        inline(&engine, &qs, 5_000, 1_000.0).await;
        println!(
            "load average after: {}",
            std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim()
        );
    });
}
