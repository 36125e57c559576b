//! Flood control decides as updates arrive, against the fake Bot API: however long
//! the queue of answers waiting to be sent, a flood is cut off at its bucket's burst
//! (its excess never waits in a queue), and one flooder's backlog never holds up
//! another chat. Stickers count too: every message the bot would answer does.
//!
//! Sending runs ten times faster than Telegram allows here (except where a test
//! needs Telegram's real overall rate), so the paced answers take seconds, not
//! minutes.

use std::time::Duration;

use serde_json::Value;

use crate::support::fake_bot_api::{FakeBotApi, TestChat, TestUser, updates};
use crate::telegram_harness::{RunningBot, Story, T, config, engine, sent_to, wait_sent_to};
use storybot::telegram::{FloodLimits, PaceLimits};

/// How much faster than real time sending runs.
const FASTER: u32 = 10;

/// A private reader's burst in the default flood limits.
const PRIVATE_BURST: usize = 10;

const QUESTIONS: [&str; 2] = ["How many books does the library hold?", "What opened on the moon?"];

fn is_notice(message: &Value) -> bool {
    message["text"].as_str().unwrap_or_default().contains("faster than I can answer")
}

async fn start(flood: FloodLimits, pace: PaceLimits) -> RunningBot {
    let bot =
        RunningBot::spawn_paced(FakeBotApi::start_with(config()).await, engine(Story::Mini), flood, pace);
    bot.ready().await;
    bot
}

/// Waits until `chat` got its flood notice; returns what it got.
async fn wait_notice(bot: &RunningBot, chat: i64, timeout: Duration) -> Vec<Value> {
    let noticed = || sent_to(&bot.api, chat).iter().any(is_notice);
    crate::telegram_harness::eventually("the flood notice", timeout, noticed).await;
    sent_to(&bot.api, chat)
}

/// `sent` is `answers` answers, then the notice last.
fn answers_then_notice(sent: &[Value]) -> usize {
    let (notice, answers) = sent.split_last().expect("something was sent");
    assert!(is_notice(notice), "the notice comes last: {sent:#?}");
    assert!(!answers.iter().any(is_notice), "one notice: {sent:#?}");
    answers.len()
}

/// Ten scripts flood their private chats at once while sending runs at Telegram's
/// real overall rate (25 a second): each chat's answers go out at 2.5 a second,
/// faster than a reader's bucket refills here (2 a second). Counted as they arrive,
/// each flood is cut off at its burst; counted only when each chat's turn came, the
/// buckets would refill as fast as the floods were read and all 30 would be answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_floods_at_once_are_each_cut_off_at_the_burst_whatever_the_backlog() {
    let flood = FloodLimits::default().faster(4);
    let pace = PaceLimits { overall: PaceLimits::default().overall, ..PaceLimits::default().faster(FASTER) };
    let bot = start(flood, pace).await;
    let scripts: Vec<TestUser> = (0..10).map(|n| TestUser::new(5_100 + n, "Script").lang("en")).collect();
    for i in 0..30 {
        for script in &scripts {
            bot.api.push_update(updates::private_text(script, QUESTIONS[i % 2]));
        }
    }
    for script in &scripts {
        wait_notice(&bot, script.id, 4 * T).await;
    }
    bot.settle().await;
    let api = bot.finish().await;
    for script in &scripts {
        let answered = answers_then_notice(&sent_to(&api, script.id));
        // The burst, and at most one more refilled while the flood was arriving.
        assert!((PRIVATE_BURST..=PRIVATE_BURST + 1).contains(&answered), "{answered} answered");
    }
}

/// A script sends more than a chat's queue holds at once; a reader who asks after it
/// is answered while the script's answers are still going out (one a second, here
/// ten), not after them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooders_backlog_never_holds_up_another_chat() {
    let bot = start(FloodLimits::default(), PaceLimits::default().faster(FASTER)).await;
    let script = TestUser::new(5_201, "Script").lang("en");
    for i in 0..2_000 {
        bot.api.push_update(updates::private_text(&script, QUESTIONS[i % 2]));
    }
    let reader = TestUser::new(5_202, "Reader").lang("en");
    bot.api.push_update(updates::private_text(&reader, QUESTIONS[0]));
    wait_sent_to(&bot.api, reader.id, 1).await;
    let script_then = sent_to(&bot.api, script.id);
    wait_notice(&bot, script.id, T).await;
    bot.settle().await;
    let api = bot.finish().await;
    assert!(
        !script_then.iter().any(is_notice),
        "the reader waited for the script's answers: {script_then:#?}"
    );
    assert_eq!(answers_then_notice(&sent_to(&api, script.id)), PRIVATE_BURST);
    assert_eq!(sent_to(&api, reader.id).len(), 1);
}

/// Stickers get a hint each, so a flood of them is a flood like any other: the
/// burst's hints, one notice, then silence.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sticker_flood_gets_the_bursts_hints_then_one_notice() {
    let bot = start(FloodLimits::default(), PaceLimits::default().faster(FASTER)).await;
    let script = TestUser::new(5_301, "Script").lang("en");
    let chat = TestChat::private(&script);
    for _ in 0..40 {
        bot.api.push_update(updates::sticker(&chat, &script, "🙂"));
    }
    wait_notice(&bot, script.id, T).await;
    bot.settle().await;
    let api = bot.finish().await;
    assert_eq!(answers_then_notice(&sent_to(&api, script.id)), PRIVATE_BURST);
}
