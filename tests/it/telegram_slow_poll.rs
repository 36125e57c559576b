//! A getUpdates that answers later than the HTTP client waits (teloxide gives up after
//! 17 s): the bot abandons it, polls again, and the update waiting on the server is
//! answered exactly once (about 20 s, for the client's timeout to run out); and a
//! storm of 429s is waited out, and a storm of 5xx answers to getUpdates ridden out
//! (about 30 s: teloxide waits 10 s after each 5xx), with every answer sent once.

use std::time::Duration;

use crate::support::fake_bot_api::{Fault, TestUser, updates};
use crate::telegram_harness::{RunningBot, Story, sent_to, wait_sent_to_within};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poll_slower_than_the_client_timeout_is_given_up_and_no_update_is_lost_or_doubled() {
    let bot = RunningBot::start(Story::Mini).await;
    let before = bot.api.calls("getUpdates").len();
    bot.api.fault("getUpdates", Fault::Delay(Duration::from_secs(40)));
    bot.api.release_polls();
    // The next poll is the slow one; the question arrives while it hangs.
    for _ in 0..100 {
        if bot.api.calls("getUpdates").len() > before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(bot.api.calls("getUpdates").len() > before, "the slow poll started");
    let alice = TestUser::new(901, "Alice").lang("en");
    let question = "How many books does the library hold?";
    bot.api.push_update(updates::private_text(&alice, question));
    let expected = bot.expected(question, Some("en"));
    let sent = wait_sent_to_within(&bot.api, alice.id, 1, Duration::from_secs(35)).await;
    expected.assert_sent(&sent, alice.id, None);
    let api = bot.finish().await;
    let polls = api.calls("getUpdates");
    assert_ne!(polls[before].status, Some(200), "the slow poll was given up, not waited for");
    assert!(polls.len() > before + 1, "the bot polled again");
    assert_eq!(sent_to(&api, alice.id).len(), 1, "answered exactly once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_storm_of_429s_is_waited_out_and_the_answer_sent_exactly_once() {
    let bot = RunningBot::start(Story::Mini).await;
    bot.api.fault_times("sendMessage", Fault::RetryAfter(1), 3);
    let bob = TestUser::new(902, "Bob").lang("en");
    bot.api.push_update(updates::private_text(&bob, "How many books does the library hold?"));
    let sent = wait_sent_to_within(&bot.api, bob.id, 1, Duration::from_secs(15)).await;
    assert_eq!(sent.len(), 1);
    let api = bot.finish().await; // no violations: never retried before retry_after
    let calls = api.calls("sendMessage");
    let statuses: Vec<_> = calls.iter().map(|c| c.status).collect();
    assert_eq!(statuses, [Some(429), Some(429), Some(429), Some(200)]);
    assert_eq!(sent_to(&api, bob.id).len(), 1, "delivered exactly once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_storm_of_5xx_on_get_updates_is_ridden_out_and_nothing_is_lost_or_doubled() {
    let bot = RunningBot::start(Story::Mini).await;
    let before = bot.api.calls("getUpdates").len();
    bot.api.fault_times("getUpdates", Fault::ServerError(500), 2);
    bot.api.fault("getUpdates", Fault::BadGateway);
    bot.api.release_polls();
    let carol = TestUser::new(903, "Carol").lang("en");
    bot.api.push_update(updates::private_text(&carol, "How many books does the library hold?"));
    // teloxide waits 10 s after each 5xx before it reads the body: three of them.
    let sent = wait_sent_to_within(&bot.api, carol.id, 1, Duration::from_secs(45)).await;
    assert_eq!(sent.len(), 1);
    // The poll that confirms the update may itself meet the storm's tail: give it time.
    for _ in 0..300 {
        if bot.api.pending_updates().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let api = bot.finish().await;
    let failed =
        api.calls("getUpdates")[before..].iter().filter(|c| matches!(c.status, Some(500 | 502))).count();
    assert_eq!(failed, 3, "the whole storm hit the bot");
    assert_eq!(sent_to(&api, carol.id).len(), 1, "answered exactly once");
}
