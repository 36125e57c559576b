//! Telegram under real traffic, against the fake Bot API: a reader asking quickly is
//! never cut off, a script flooding a private chat gets one notice and then silence,
//! a flood in a group stays in that group while another chat is answered at once, and
//! a button pressed right after a burst is answered.
//!
//! Time runs ten times faster here: the flood and sending limits are scaled through
//! configuration (`faster(10)`), so "10 questions in 20 s" takes 2 s.

use std::time::{Duration, Instant};

use crate::support::fake_bot_api::{Config, FakeBotApi, TestChat, TestUser, updates};
use crate::telegram_harness::{RunningBot, Story, T, config, engine, sent_to, wait_sent_to};
use storybot::telegram::{FloodLimits, PaceLimits};

/// How much faster than real time these tests run.
const FASTER: u32 = 10;

const QUESTIONS: [&str; 2] = ["How many books does the library hold?", "What opened on the moon?"];

/// Telegram's "one message a second per chat", scaled, less 5 ms of HTTP jitter.
const CHAT_GAP: Duration = Duration::from_millis(1_000 / FASTER as u64 - 5);

async fn start() -> RunningBot {
    let api = FakeBotApi::start_with(config()).await;
    let flood = FloodLimits::default().faster(FASTER);
    let pace = PaceLimits::default().faster(FASTER);
    let bot = RunningBot::spawn_paced(api, engine(Story::Mini), flood, pace);
    bot.ready().await;
    bot
}

fn is_notice(message: &serde_json::Value) -> bool {
    message["text"].as_str().unwrap_or_default().contains("faster than I can answer")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_asking_10_questions_in_20_seconds_gets_10_answers() {
    let bot = start().await;
    let reader = TestUser::new(3_001, "Reader").lang("en");
    for i in 0..10 {
        bot.api.push_update(updates::private_text(&reader, QUESTIONS[i % 2]));
        tokio::time::sleep(Duration::from_secs(2) / FASTER).await;
    }
    wait_sent_to(&bot.api, reader.id, 10).await;
    let api = bot.finish().await;
    let sent = sent_to(&api, reader.id);
    assert_eq!(sent.len(), 10, "{sent:#?}");
    for (i, message) in sent.iter().enumerate() {
        let question = QUESTIONS[i % 2];
        crate::telegram_harness::Expected::of(&engine(Story::Mini).respond(question, Some("en")).reply)
            .assert_sent(std::slice::from_ref(message), reader.id, None);
    }
    let rates = api.send_rates();
    assert!(rates.closest_in_a_chat.is_some_and(|gap| gap >= CHAT_GAP), "{rates:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_sending_100_in_10_seconds_gets_one_notice_then_silence() {
    let bot = start().await;
    let script = TestUser::new(3_002, "Script").lang("en");
    let send = |n: usize| {
        for i in 0..n {
            bot.api.push_update(updates::private_text(&script, QUESTIONS[i % 2]));
        }
    };
    for _ in 0..10 {
        send(10);
        tokio::time::sleep(Duration::from_secs(1) / FASTER).await;
    }
    let notice_sent = || sent_to(&bot.api, script.id).iter().any(is_notice);
    crate::telegram_harness::eventually("the flood notice", T, notice_sent).await;
    bot.settle().await;
    // Still at it: nothing more.
    let before = sent_to(&bot.api, script.id).len();
    for _ in 0..5 {
        send(10);
        tokio::time::sleep(Duration::from_secs(1) / FASTER).await;
    }
    let api = bot.finish().await;
    let sent = sent_to(&api, script.id);
    assert_eq!(sent.len(), before, "silence after the notice");
    let notices: Vec<usize> = sent.iter().enumerate().filter(|(_, m)| is_notice(m)).map(|(i, _)| i).collect();
    assert_eq!(notices, [sent.len() - 1], "one notice, last");
    let answered = sent.len() - 1;
    // The bucket's burst (10), plus what it refilled while the answers went out.
    assert!((10..50).contains(&answered), "{answered} answered before the notice");
    assert!(api.send_rates().closest_in_a_chat.is_some_and(|gap| gap >= CHAT_GAP));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_flood_stays_in_its_group_and_another_chat_is_answered_at_once() {
    let bot = start().await;
    let group = TestChat::supergroup(-1_009_000_000_003, "Flooded");
    for i in 0..40 {
        let member = TestUser::new(20_000 + i, "Member").lang("en");
        bot.api.push_update(updates::text(&group, &member, "/ask@storybot how many books?"));
    }
    wait_sent_to(&bot.api, group.id, 1).await;
    let reader = TestUser::new(3_003, "Reader").lang("en");
    let asked = Instant::now();
    bot.api.push_update(updates::private_text(&reader, QUESTIONS[0]));
    wait_sent_to(&bot.api, reader.id, 1).await;
    // Not behind the group's paced answers (which take a while, even ten times faster).
    let waited = asked.elapsed();
    let in_group_then = sent_to(&bot.api, group.id).len();
    let api = bot.finish().await;
    let in_group = sent_to(&api, group.id);
    assert!(waited < Duration::from_millis(500), "the private answer waited {waited:?}");
    assert!(in_group_then < in_group.len(), "answered while the group was still being answered");
    // The group's burst (5) and one notice; the other 34 are dropped.
    assert_eq!(in_group.len(), 6, "{in_group:#?}");
    assert!(is_notice(&in_group[5]) && in_group[..5].iter().all(|m| !is_notice(m)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_pressed_right_after_a_burst_is_answered() {
    let bot = start().await;
    let reader = TestUser::new(3_004, "Reader").lang("en");
    let chat = TestChat::private(&reader);
    for i in 0..6 {
        bot.api.push_update(updates::private_text(&reader, QUESTIONS[i % 2]));
    }
    let under = bot.api.bot_message(&chat, "Did you mean:");
    bot.api.push_update(updates::callback_query(&reader, &under, "a:book-count"));
    let acks = bot.api.wait_for("answerCallbackQuery", 1, T).await;
    assert!(acks[0].params.get("text").is_none(), "no notice: {:?}", acks[0].params);
    let sent = wait_sent_to(&bot.api, reader.id, 7).await;
    assert!(sent[6]["text"].as_str().unwrap().contains("4,000 books"), "{}", sent[6]);
    let api = bot.finish().await;
    assert_eq!(sent_to(&api, reader.id).len(), 7);
    assert!(!sent_to(&api, reader.id).iter().any(is_notice));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inline_work_in_flight_is_bounded_and_a_replaced_query_is_dropped() {
    // A slow server: every call takes 50 ms there and back.
    let trip = Duration::from_millis(50);
    let api = FakeBotApi::start_with(Config { round_trip: Some((trip, trip)), ..config() }).await;
    let bot = RunningBot::spawn_with(api, engine(Story::Mini), |o| storybot::telegram::Options {
        inline_in_flight: 4,
        ..o
    });
    bot.ready().await;
    for i in 0..40 {
        let user = TestUser::new(40_000 + i, "Reader").lang("en");
        bot.api.push_update(updates::inline_query(&user, "how many books", ""));
    }
    // One reader typing: each keystroke a query, the last one the question.
    let typist = TestUser::new(3_005, "Typist").lang("en");
    let typed = ["h", "how", "how many", "how many bo", "how many books?"];
    let ids: Vec<String> = typed
        .iter()
        .map(|q| {
            let update = updates::inline_query(&typist, q, "");
            let id = update["inline_query"]["id"].as_str().unwrap().to_string();
            bot.api.push_update(update);
            id
        })
        .collect();
    bot.api.wait_for("answerInlineQuery", 41, T).await;
    let api = bot.finish().await;
    let answered: Vec<String> = api
        .calls("answerInlineQuery")
        .iter()
        .map(|c| c.params["inline_query_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(answered.len(), 41, "each reader once, the typist once");
    let typist_answered: Vec<&String> = answered.iter().filter(|id| ids.contains(id)).collect();
    assert_eq!(typist_answered, [&ids[4]], "only the newest of the typist's queries");
    // Four inline answers at a time, plus the long poll and a getMe or two.
    assert!(api.max_in_flight() <= 4 + 2, "{} requests in flight", api.max_in_flight());
}
