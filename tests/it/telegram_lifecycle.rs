//! End-to-end tests of the bot's life against the fake Bot API: it waits for a
//! Telegram that is down at start, gives up at once on a rejected token, stops
//! promptly (also with replies still queued, while updates keep coming, and before
//! it ever connected), and a
//! flood in one group neither spams the group nor delays anyone else.

use std::time::{Duration, Instant};

use crate::support::fake_bot_api::{FakeBotApi, TestChat, TestUser, updates};
use crate::telegram_harness::{RunningBot, Story, T, config, engine, no_flood_limits, sent_to, wait_sent_to};
use std::sync::Arc;

use storybot::config::TelegramSettings;
use storybot::live::LiveEngine;
use storybot::telegram::{Bucket, FloodLimits, Options, SHUTDOWN_GRACE, serve};

const QUESTION: &str = "How many books does the library hold?";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_waits_for_telegram_to_come_up_then_answers() {
    let api = FakeBotApi::reserve(config()).await;
    let bot = RunningBot::spawn(api, engine(Story::Mini), no_flood_limits());
    // The server is not up: nothing to wait for but time. The bot's getMe fails at
    // once (connection refused) and it backs off, 0.5 s then 1 s.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(bot.api.all_calls().is_empty());
    bot.api.restart().await;
    bot.ready().await;
    let alice = TestUser::new(901, "Alice").lang("en");
    bot.api.push_update(updates::private_text(&alice, QUESTION));
    let sent = wait_sent_to(&bot.api, alice.id, 1).await;
    bot.expected(QUESTION, Some("en")).assert_sent(&sent, alice.id, None);
    let first = &bot.api.all_calls()[0];
    assert_eq!(first.name, "getMe", "it connects first");
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_ends_serve_with_a_clear_error() {
    let api = FakeBotApi::start_with(config()).await;
    let settings =
        TelegramSettings::parse(Some("7000000001:AAOtherTokenThatTheServerDoesNotKnow00"), Some(&api.url()))
            .unwrap();
    let options = Options {
        flood: no_flood_limits(),
        ..Options::new(settings, Arc::new(LiveEngine::from_arc(engine(Story::Mini))))
    };
    let serving = serve(options, std::future::pending());
    let result = tokio::time::timeout(T, serving).await.expect("gives up at once");
    let error = format!("{:#}", result.expect_err("an error"));
    assert!(error.contains("rejected the token"), "{error}");
    assert!(error.contains("TELOXIDE_TOKEN"), "{error}");
    assert!(!error.contains("AAOtherToken"), "never shows the secret: {error}");
    assert_eq!(api.calls("getMe").len(), 1, "no retries of a hopeless call");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_before_telegram_is_reachable_returns_at_once() {
    let api = FakeBotApi::reserve(config()).await;
    let mut bot = RunningBot::spawn(api, engine(Story::Mini), no_flood_limits());
    tokio::time::sleep(Duration::from_millis(100)).await; // let it start retrying
    let took = bot.stop_within(Duration::from_secs(1)).await;
    assert!(took < Duration::from_millis(500), "{took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_bot_stops_at_once() {
    let mut bot = RunningBot::start(Story::Mini).await;
    let took = bot.stop_within(T).await;
    assert!(took < Duration::from_millis(500), "{took:?}");
    // Its last getUpdates confirmed what it had taken, with a zero timeout.
    let last = bot.api.calls("getUpdates").pop().unwrap();
    assert_eq!(last.params["timeout"], 0);
    bot.api.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_with_replies_queued_returns_within_the_grace_period() {
    let mut bot = RunningBot::start(Story::Mini).await;
    let alice = TestUser::new(911, "Alice").lang("en");
    // Telegram's pace for one chat is a message a second: ten replies queue up.
    for _ in 0..10 {
        bot.api.push_update(updates::private_text(&alice, QUESTION));
    }
    wait_sent_to(&bot.api, alice.id, 1).await;
    bot.settle().await;
    let took = bot.stop_within(SHUTDOWN_GRACE + Duration::from_secs(2)).await;
    assert!(took >= SHUTDOWN_GRACE - Duration::from_millis(100), "answered while it could: {took:?}");
    let sent = sent_to(&bot.api, alice.id).len();
    assert!((2..10).contains(&sent), "some answered in the grace period, not all: {sent}");
    // Nothing goes out after serve returned. (A negative: only time can show it.)
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    assert_eq!(sent_to(&bot.api, alice.id).len(), sent, "sent after serve returned");
    bot.api.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_while_updates_keep_coming_returns_within_the_grace_period() {
    // teloxide's dispatcher misses a shutdown asked for while it hands an update to a
    // worker; with updates always waiting it would never stop.
    let mut bot = RunningBot::start(Story::Mini).await;
    for id in 0..2_000 {
        bot.api.push_update(updates::private_text(&TestUser::new(70_000 + id, "Reader"), QUESTION));
    }
    wait_sent_to(&bot.api, 70_000, 1).await;
    let mut next = 90_000;
    let more = |api: &FakeBotApi| {
        next += 1;
        api.push_update(updates::private_text(&TestUser::new(next, "Reader"), QUESTION));
    };
    let took = bot.stop_within_while(SHUTDOWN_GRACE + Duration::from_secs(5), more).await;
    assert!(took < SHUTDOWN_GRACE + Duration::from_secs(2), "{took:?}");
    bot.api.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_in_one_group_gets_one_notice_and_does_not_delay_others() {
    let flood =
        FloodLimits { member: Bucket { burst: 2, every: Duration::from_secs(60) }, ..FloodLimits::none() };
    let api = FakeBotApi::start_with(config()).await;
    let bot = RunningBot::spawn(api, engine(Story::Mini), flood);
    bot.ready().await;
    let group = TestChat::supergroup(-1_009_000_000_001, "Flooded");
    let spammer = TestUser::new(921, "Spammer").lang("en");
    for i in 0..50 {
        let text = format!("/ask@storybot how many books, take {i}");
        bot.api.push_update(updates::text(&group, &spammer, &text));
    }
    let alice = TestUser::new(922, "Alice").lang("en");
    let asked = Instant::now();
    bot.api.push_update(updates::private_text(&alice, QUESTION));
    let sent = wait_sent_to(&bot.api, alice.id, 1).await;
    let waited = asked.elapsed();
    assert!(waited < Duration::from_secs(3), "the private answer took {waited:?}");
    bot.expected(QUESTION, Some("en")).assert_sent(&sent, alice.id, None);

    // Two answers and one notice; the rest of the flood is ignored.
    let in_group = wait_sent_to(&bot.api, group.id, 3).await;
    let api = bot.finish().await;
    let in_group_after = sent_to(&api, group.id);
    assert_eq!(in_group_after.len(), 3, "{in_group_after:#?}");
    assert_eq!(in_group, in_group_after);
    let notice = in_group[2]["text"].as_str().unwrap();
    assert!(notice.contains("faster than I can answer"), "{notice}");
    assert!(in_group[2]["reply_parameters"]["message_id"].is_i64(), "the notice replies to the flooder");
    assert_eq!(api.sent_messages().len(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn button_mashing_is_flood_controlled_too() {
    let flood =
        FloodLimits { private: Bucket { burst: 2, every: Duration::from_secs(60) }, ..FloodLimits::none() };
    let api = FakeBotApi::start_with(config()).await;
    let bot = RunningBot::spawn(api, engine(Story::Mini), flood);
    bot.ready().await;
    let alice = TestUser::new(931, "Alice").lang("en");
    let under = bot.api.bot_message(&TestChat::private(&alice), "Did you mean:");
    for _ in 0..6 {
        bot.api.push_update(updates::callback_query(&alice, &under, "a:book-count"));
    }
    let acks = bot.api.wait_for("answerCallbackQuery", 6, T).await;
    let api = bot.finish().await;
    let notices = acks.iter().filter(|a| a.params.get("text").is_some()).count();
    assert_eq!(notices, 4, "every press is acknowledged; the extra ones with a notice");
    assert!(acks.iter().all(|a| a.ok()));
    assert_eq!(sent_to(&api, alice.id).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_group_does_not_hold_up_other_chats() {
    // The shipped limits; a lively supergroup where many members ask at once.
    let api = FakeBotApi::start_with(config()).await;
    let bot = RunningBot::spawn(api, engine(Story::Mini), FloodLimits::default());
    bot.ready().await;
    let group = TestChat::supergroup(-1_009_000_000_002, "Busy");
    for i in 0..150 {
        let member = TestUser::new(10_000 + i, "Member").lang("en");
        bot.api.push_update(updates::text(&group, &member, "/ask how many books?"));
    }
    let alice = TestUser::new(941, "Alice").lang("en");
    let asked = Instant::now();
    bot.api.push_update(updates::private_text(&alice, QUESTION));
    wait_sent_to(&bot.api, alice.id, 1).await;
    let waited = asked.elapsed();
    assert!(waited < Duration::from_secs(3), "the private answer took {waited:?}");
    // The group gets at most its share: five answers at once and a notice.
    let api = bot.finish().await;
    let in_group = sent_to(&api, group.id).len();
    assert!((1..=9).contains(&in_group), "{in_group}");
}
