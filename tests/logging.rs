//! What the bot logs at the default level (info) while it answers: one "answered" line
//! per question with the chat, outcome and entry, but never the question's words
//! (they are the asker's; they show at debug only) and never the token.
//!
//! A test binary of its own: it installs the process-wide tracing subscriber, which
//! in `tests/it` would capture every other test's logs too.

// Shared with `tests/it`, of which this binary uses only a part.
#[allow(dead_code)]
#[path = "it/support/mod.rs"]
mod support;
#[allow(dead_code)]
#[path = "it/telegram_harness/mod.rs"]
mod telegram_harness;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use support::fake_bot_api::{FakeBotApi, TestChat, TestUser, updates};
use telegram_harness::{RunningBot, Story, config, engine, no_flood_limits, wait_sent_to};
use tracing_subscriber::fmt::MakeWriter;

/// Collects everything the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn info_logs_say_what_was_answered_but_not_the_question() {
    let logs = Captured::default();
    // Also routes teloxide's `log` records into the subscriber (tracing-log).
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .with_writer(logs.clone())
        .try_init()
        .expect("the only subscriber in this test binary");

    // Telegram is down at first, and again for a moment later: errors get logged,
    // and must not carry the token (it is in every request's URL).
    let api = FakeBotApi::reserve(config()).await;
    let bot = RunningBot::spawn(api, engine(Story::Mini), no_flood_limits());
    tokio::time::sleep(Duration::from_millis(200)).await; // nothing to observe while down
    bot.api.restart().await;
    bot.ready().await;
    let alice = TestUser::new(1001, "Alice").lang("en");
    let private = "How many books does the Zanzibarquux library hold?";
    bot.api.push_update(updates::private_text(&alice, private));
    let group = TestChat::group(-10_010, "Moon fans");
    let in_group = "/ask@storybot what opened on the moon, Quuxzanzibar?";
    bot.api.push_update(updates::text(&group, &alice, in_group));
    let inline = "qwertyuiop library books";
    bot.api.push_update(updates::inline_query(&alice, inline, ""));
    wait_sent_to(&bot.api, alice.id, 1).await;
    wait_sent_to(&bot.api, group.id, 1).await;
    // Answers go out at once now: the inline answer must be in before the outage.
    bot.api.wait_for("answerInlineQuery", 1, Duration::from_secs(5)).await;
    bot.api.stop().await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    bot.api.restart().await;
    let bob = TestUser::new(1002, "Bob").lang("en");
    bot.api.push_update(updates::private_text(&bob, "what opened on the moon?"));
    wait_sent_to(&bot.api, bob.id, 1).await;
    let token = bot.api.token().to_string();
    bot.finish().await;

    let text = logs.text();
    assert!(text.contains("connected to the Bot API"), "{text}");
    let answered: Vec<&str> = text.lines().filter(|l| l.contains("answered")).collect();
    assert_eq!(answered.len(), 4, "one line per answer: {text}");
    assert!(text.contains("Bot API not reachable yet"), "{text}");
    // Each retry says what to check, and how long the waits can grow.
    let retry = text.lines().find(|l| l.contains("Bot API not reachable yet")).unwrap_or_default();
    assert!(retry.contains("TELOXIDE_API_URL") && retry.contains("backoff_cap_s=30"), "{retry}");
    assert!(
        answered.iter().any(|l| l.contains("entry=\"book-count\"") || l.contains("entry=book-count")),
        "{text}"
    );
    assert!(answered.iter().any(|l| l.contains(&format!("chat_id={}", group.id))), "{text}");
    for secret in ["Zanzibarquux", "Quuxzanzibar", "qwertyuiop", "what opened on the moon"] {
        assert!(!text.contains(secret), "the question leaked into the log: {text}");
    }
    let (_, token_secret) = token.split_once(':').unwrap();
    assert!(!text.contains(token_secret), "the token leaked into the log");
    assert!(text.contains("stopped"), "{text}");
}
