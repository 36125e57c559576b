//! End-to-end tests of the bot against a misbehaving fake Bot API: a 429 on
//! sendMessage is waited out and the message delivered exactly once; 5xx answers,
//! broken JSON, 409 conflicts and a server that goes away on getUpdates are retried
//! until the bot answers again; a failed send does not stop the bot.
//!
//! Two tests take ~11 s each (run side by side): teloxide sleeps 10 s after any
//! 5xx before it reads the body, and nothing in storybot can shorten that.

use std::time::{Duration, Instant};

use crate::support::fake_bot_api::{Fault, TestUser, updates};
use crate::telegram_harness::{RunningBot, Story, T, sent_to, wait_sent_to_within};

const QUESTION: &str = "How many books does the library hold?";

/// Makes the waiting long poll return, so the next getUpdates meets the fault queued
/// for it; waits until that getUpdates was answered.
async fn fail_next_poll(bot: &RunningBot, fault: Fault) {
    // Every getUpdates so far is answered except the one waiting now.
    let before = bot.api.calls("getUpdates").len();
    bot.api.fault("getUpdates", fault);
    bot.api.release_polls();
    let polls = bot.api.wait_for("getUpdates", before + 1, T).await;
    assert!(!polls[before].ok(), "the fault hit: {:?}", polls[before].response);
}

/// Asks a question after the fault and expects the answer within `within`.
async fn answered_after(bot: &RunningBot, user_id: i64, within: Duration) -> Duration {
    let user = TestUser::new(user_id, "Alice").lang("en");
    let asked = Instant::now();
    bot.api.push_update(updates::private_text(&user, QUESTION));
    let expected = bot.expected(QUESTION, Some("en"));
    let sent = wait_sent_to_within(&bot.api, user.id, 1, within).await;
    expected.assert_sent(&sent, user.id, None);
    asked.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_on_send_message_is_waited_out_and_delivered_once() {
    let bot = RunningBot::start(Story::Mini).await;
    bot.api.fault("sendMessage", Fault::RetryAfter(1));
    let alice = TestUser::new(801, "Alice").lang("en");
    bot.api.push_update(updates::private_text(&alice, QUESTION));
    let calls = bot.api.wait_for("sendMessage", 2, T).await;
    assert_eq!(calls[0].status, Some(429));
    assert!(calls[1].ok(), "{:?}", calls[1].response);
    assert_eq!(calls[0].params, calls[1].params, "the same message again");
    let waited = calls[1].received - calls[0].received;
    assert!(waited >= Duration::from_millis(950), "retried after {waited:?}");
    let api = bot.finish().await; // no violations: not retried before retry_after
    assert_eq!(api.calls("sendMessage").len(), 2);
    assert_eq!(sent_to(&api, alice.id).len(), 1, "delivered exactly once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_5xx_on_get_updates_is_retried_until_updates_flow_again() {
    let bot = RunningBot::start(Story::Mini).await;
    fail_next_poll(&bot, Fault::ServerError(500)).await;
    // teloxide's 10 s pause after a 5xx, then storybot's 0.5 s backoff.
    let took = answered_after(&bot, 811, Duration::from_secs(15)).await;
    assert!(took < Duration::from_secs(15));
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxys_html_502_on_get_updates_is_retried_too() {
    let bot = RunningBot::start(Story::Mini).await;
    fail_next_poll(&bot, Fault::BadGateway).await;
    answered_after(&bot, 812, Duration::from_secs(15)).await;
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_json_and_a_conflict_on_get_updates_are_retried_promptly() {
    let bot = RunningBot::start(Story::Mini).await;
    fail_next_poll(&bot, Fault::MalformedJson).await;
    fail_next_poll(&bot, Fault::Conflict).await;
    let took = answered_after(&bot, 813, T).await;
    assert!(took < Duration::from_secs(3), "{took:?}");
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_polls_again_when_telegram_comes_back() {
    let bot = RunningBot::start(Story::Mini).await;
    bot.api.stop().await;
    // While the server is down nothing can be observed through it; the bot's first
    // poll fails at once (connection refused) and it backs off.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let polls_while_up = bot.api.calls("getUpdates").len();
    bot.api.restart().await;
    let took = answered_after(&bot, 814, T).await;
    assert!(took < Duration::from_secs(4), "{took:?}");
    assert!(bot.api.calls("getUpdates").len() > polls_while_up);
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_send_does_not_stop_the_bot() {
    let bot = RunningBot::start(Story::Mini).await;
    bot.api.fault("sendMessage", Fault::api(403, "Forbidden: bot was blocked by the user"));
    let blocked = TestUser::new(821, "Blocked").lang("en");
    bot.api.push_update(updates::private_text(&blocked, QUESTION));
    bot.api.wait_for("sendMessage", 1, T).await;
    answered_after(&bot, 822, T).await;
    let api = bot.finish().await;
    assert!(sent_to(&api, blocked.id).is_empty());
    assert_eq!(api.calls("sendMessage").len(), 2, "no retry of a refused send");
}
