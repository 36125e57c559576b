//! A group in slow mode, against the fake Bot API that enforces it as Telegram does:
//! a message sent there sooner than the group's delay after the last is refused with
//! 429 "Too Many Requests: retry after N", and getChat reports `slow_mode_delay`.
//! The bot learns the group's delay from its first refusal, then sends there one
//! message per delay: every answer delivered once, no retry before `retry_after`
//! (the fake records one as a violation), no refusal after the first, and no other
//! chat kept waiting.
//!
//! Slow mode counts whole seconds, so these tests run in real time (a few seconds).

use std::time::Duration;

use crate::support::fake_bot_api::{FakeBotApi, TestChat, TestUser, updates};
use crate::telegram_harness::{Expected, RunningBot, Story, T, config, engine, sent_to, wait_sent_to};

/// The group's slow-mode delay (Telegram's shortest is 10 s; the bot reads whatever
/// the group has, so a shorter one keeps the test short).
const DELAY: Duration = Duration::from_secs(2);

const QUESTIONS: [&str; 3] =
    ["How many books does the library hold?", "What opened on the moon?", "How many books?"];

fn refusals(api: &FakeBotApi, chat: i64) -> usize {
    api.calls("sendMessage")
        .iter()
        .filter(|c| c.params["chat_id"].as_i64() == Some(chat) && c.status == Some(429))
        .count()
}

#[tokio::test]
async fn the_fake_refuses_a_message_sooner_than_the_slow_mode_delay() {
    let api = FakeBotApi::start_with(config()).await;
    let group = TestChat::supergroup(-1_009_000_000_200, "Slow");
    let member = TestUser::new(6_201, "Member");
    api.push_update(updates::text(&group, &member, "hello"));
    api.slow_mode(group.id, DELAY);
    let hi = serde_json::json!({ "chat_id": group.id, "text": "hi" });
    let send = || api.raw_json("sendMessage", &hi);
    assert_eq!(send().await.status, 200, "the first message goes");
    let refused = send().await;
    assert_eq!(refused.status, 429);
    let body = refused.json();
    assert_eq!(body["parameters"]["retry_after"], 2, "{body}");
    assert_eq!(body["description"], "Too Many Requests: retry after 2");
    let chat = api.raw_json("getChat", &serde_json::json!({ "chat_id": group.id })).await;
    let chat = chat.json();
    assert_eq!(chat["result"]["slow_mode_delay"], 2, "{chat}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_in_slow_mode_gets_every_answer_once_and_other_chats_do_not_wait() {
    let bot = RunningBot::start(Story::Mini).await;
    let group = TestChat::supergroup(-1_009_000_000_201, "Slow");
    // In slow mode before the first update, so the bot's first answer there is the
    // one the delay counts from (set later, a fast bot could send twice first).
    bot.api.slow_mode(group.id, DELAY);
    let asks: Vec<(i64, &str)> = QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let member = TestUser::new(6_300 + i as i64, "Member").lang("en");
            let update = updates::text(&group, &member, &format!("/ask@storybot {q}"));
            let id = update["message"]["message_id"].as_i64().unwrap();
            bot.api.push_update(update);
            (id, *q)
        })
        .collect();
    // The second answer comes too soon: refused once, which teaches the bot the delay.
    crate::telegram_harness::eventually("the first refusal", T, || refusals(&bot.api, group.id) == 1).await;
    let reader = TestUser::new(6_399, "Reader").lang("en");
    bot.api.push_update(updates::private_text(&reader, QUESTIONS[0]));
    wait_sent_to(&bot.api, reader.id, 1).await;
    let group_then = sent_to(&bot.api, group.id).len();
    let engine = engine(Story::Mini);
    let expected: Vec<Expected> =
        asks.iter().map(|(_, q)| Expected::of(&engine.respond(q, Some("en")).reply)).collect();
    let total = expected.iter().map(|e| e.texts.len()).sum();
    wait_sent_to(&bot.api, group.id, total).await;
    let api = bot.finish().await; // no violations: never retried before retry_after
    let sent = sent_to(&api, group.id);
    assert_eq!(sent.len(), total, "each answer once: {sent:#?}");
    let mut rest = &sent[..];
    for ((id, _), expected) in asks.iter().zip(&expected) {
        let (these, after) = rest.split_at(expected.texts.len());
        expected.assert_sent(these, group.id, Some(*id));
        rest = after;
    }
    assert_eq!(refusals(&api, group.id), 1, "paced by the delay after the first refusal");
    assert_eq!(api.calls("getChat").len(), 1, "the delay asked for once");
    assert_eq!(group_then, expected[0].texts.len(), "the reader was answered while the group waited");
    // The private chat was never frozen along with the group.
    assert_eq!(refusals(&api, reader.id), 0);
}
