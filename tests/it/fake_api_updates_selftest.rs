//! Self-test of the fake Bot API server's update side and faults: injected 429s and
//! other misbehaviour, long polling with offsets and allowed updates, a second poller's
//! 409, a server that goes down and comes back, update builders that deserialize into
//! teloxide's types, a real teloxide dispatcher against the fake, and round-trip delays.

use std::time::{Duration, Instant};

use crate::fake_api_selftest::{T, alice, api_error};
use crate::support::fake_bot_api::{Config, FakeBotApi, Fault, TestChat, TestUser, updates};
use serde_json::{Value, json};
use teloxide::{
    ApiError, RequestError,
    prelude::*,
    types::{
        AllowedUpdate, MediaKind, MessageEntityKind, MessageId, MessageKind, ReplyParameters, UpdateKind,
    },
};

#[tokio::test]
async fn injected_429_surfaces_as_retry_after_and_early_retries_are_flagged() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    api.fault("SendMessage", Fault::RetryAfter(7));
    match bot.send_message(ChatId(42), "hi").await {
        Err(RequestError::RetryAfter(s)) => assert_eq!(s.seconds(), 7),
        other => panic!("expected RetryAfter, got {other:?}"),
    }
    let first = &api.calls("sendMessage")[0];
    assert_eq!(first.status, Some(429));
    assert_eq!(first.response.as_ref().unwrap()["parameters"]["retry_after"], 7);
    assert!(api.violations().is_empty());

    // The fault was used up; retrying at once succeeds but is a violation.
    bot.send_message(ChatId(42), "hi").await.expect("fault consumed");
    let v = api.violations();
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].message.contains("retry_after"), "{}", v[0]);
    // Another chat is not affected by that chat's limit.
    api.fault_times("sendMessage", Fault::RetryAfter(7), 1);
    assert!(bot.send_message(ChatId(42), "hi").await.is_err());
    bot.send_message(ChatId(43), "hi").await.unwrap();
    assert_eq!(api.violations().len(), 1);
}

#[tokio::test]
async fn other_faults_behave_like_a_misbehaving_telegram() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();

    // n times, then normal again; "*" hits any method.
    api.fault_times("getMe", Fault::api(403, "Forbidden: bot was blocked by the user"), 2);
    assert_eq!(api_error(bot.get_me().await), ApiError::BotBlocked);
    assert_eq!(api_error(bot.get_me().await), ApiError::BotBlocked);
    bot.get_me().await.expect("faults used up");

    api.fault("*", Fault::Delay(Duration::from_millis(300)));
    let t0 = Instant::now();
    bot.get_me().await.expect("delayed but fine");
    assert!(t0.elapsed() >= Duration::from_millis(300));

    api.fault("getMe", Fault::MalformedJson);
    assert!(matches!(bot.get_me().await, Err(RequestError::InvalidJson { .. })));

    api.fault("getUpdates", Fault::Conflict);
    assert_eq!(api_error(bot.get_updates().await), ApiError::TerminatedByOtherGetUpdates);

    // teloxide sleeps 10 s after a 5xx, so 5xx answers are checked raw.
    api.fault("getMe", Fault::ServerError(500));
    let r = api.raw("GET", &format!("/bot{}/getMe", api.token()), None).await;
    assert_eq!(
        (r.status, r.json()),
        (500, json!({"ok": false, "error_code": 500, "description": "Internal Server Error"}))
    );
    api.fault("getMe", Fault::BadGateway);
    let r = api.raw("POST", &format!("/bot{}/getMe", api.token()), None).await;
    assert_eq!(r.status, 502);
    assert!(r.content_type.starts_with("text/html") && r.body.contains("502 Bad Gateway"));
}

#[tokio::test]
async fn get_updates_long_polls_and_respects_offsets() {
    let api =
        FakeBotApi::start_with(Config { max_poll_wait: Duration::from_secs(10), ..Config::default() }).await;
    let bot = api.bot();

    // Nothing queued: a short poll returns [] at once.
    assert!(bot.get_updates().await.unwrap().is_empty());

    // An update pushed 200 ms into a long poll is returned by that poll.
    let t0 = Instant::now();
    let pusher = {
        let update = updates::private_text(&alice(), "How many men could be called up?");
        let api = &api;
        async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            api.push_update(update)
        }
    };
    let (got, pushed_id) = tokio::join!(bot.get_updates().timeout(5), pusher);
    let got = got.unwrap();
    let elapsed = t0.elapsed();
    assert!(elapsed >= Duration::from_millis(190) && elapsed < Duration::from_secs(2), "{elapsed:?}");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].id.0 as i64, pushed_id);
    let UpdateKind::Message(m) = &got[0].kind else { panic!("{:?}", got[0].kind) };
    assert_eq!(m.text(), Some("How many men could be called up?"));

    // Unconfirmed updates come again; an offset confirms (drops) earlier ones.
    let second = api.push_update(updates::private_text(&alice(), "Who reported it?"));
    let third = api.push_update(updates::private_text(&alice(), "When?"));
    assert_eq!(bot.get_updates().await.unwrap().len(), 3);
    let batch = bot.get_updates().offset(pushed_id as i32 + 1).limit(1).await.unwrap();
    assert_eq!(batch.iter().map(|u| u.id.0 as i64).collect::<Vec<_>>(), vec![second]);
    let batch = bot.get_updates().offset(third as i32).await.unwrap();
    assert_eq!(batch.iter().map(|u| u.id.0 as i64).collect::<Vec<_>>(), vec![third]);
    let t0 = Instant::now();
    assert!(bot.get_updates().offset(third as i32 + 1).timeout(1).await.unwrap().is_empty());
    assert!(t0.elapsed() >= Duration::from_millis(900), "waited the timeout");
    assert!(api.pending_updates().is_empty());

    // A waiting poll sees a pushed update at once (wait_for_poll avoids sleeps).
    let poll = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().offset(third as i32 + 1).timeout(5).await }
    });
    api.wait_for_poll(T).await;
    let fourth = api.push_update(updates::private_text(&alice(), "Why?"));
    let got = poll.await.unwrap().unwrap();
    assert_eq!(got[0].id.0 as i64, fourth);
    api.assert_no_violations();
}

#[tokio::test]
async fn updates_outside_allowed_updates_are_not_delivered() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    bot.get_updates().allowed_updates([AllowedUpdate::Message]).await.unwrap();
    api.push_update(updates::inline_query(&alice(), "how many", ""));
    let text = api.push_update(updates::private_text(&alice(), "hi"));
    // The setting sticks for later calls that do not repeat it.
    let got = bot.get_updates().await.unwrap();
    assert_eq!(got.iter().map(|u| u.id.0 as i64).collect::<Vec<_>>(), vec![text]);
    let v = api.violations();
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].message.contains("(inline_query) not delivered"), "{}", v[0]);
}

#[tokio::test]
async fn a_second_poller_terminates_the_first_with_409() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    let older = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().timeout(2).await }
    });
    api.wait_for_poll(T).await;
    assert!(bot.get_updates().await.unwrap().is_empty(), "the newer (short) poll is served");
    assert_eq!(api_error(older.await.unwrap()), ApiError::TerminatedByOtherGetUpdates);
}

#[tokio::test]
async fn server_can_be_down_and_come_back() {
    let api = FakeBotApi::reserve(Config::default()).await;
    let bot = api.bot();
    assert!(matches!(bot.get_me().await, Err(RequestError::Network(_))), "nothing listens yet");
    api.restart().await;
    bot.get_me().await.expect("up");
    api.stop().await;
    assert!(!api.is_running());
    assert!(matches!(bot.get_me().await, Err(RequestError::Network(_))), "down");
    api.restart().await;
    bot.get_me().await.expect("up again, same port");
    assert_eq!(api.calls("getMe").len(), 2, "state survives a restart");
}

/// Every builder yields JSON teloxide deserializes into the intended kind (an
/// update teloxide cannot parse becomes `UpdateKind::Error`, so check the kind).
#[tokio::test]
async fn update_builders_deserialize_in_teloxide() {
    let api = FakeBotApi::start().await;
    let bot_user = api.bot_user();
    let bob = TestUser::new(77, "Bob").username("bob_reader");
    let group = TestChat::group(-4001, "Readers");
    let supergroup = TestChat::supergroup(-1001234567890, "Big readers");
    let bot_msg = api.bot_message(&TestChat::private(&alice()), "Did you mean…");
    let group_bot_msg = api.bot_message(&supergroup, "An answer");

    let pushed = [
        updates::private_text(&alice(), "Сколько человек призовут?"),
        updates::text(&group, &bob, "/ask@storybot how many?"),
        updates::text(&supergroup, &bob, "hey @storybot who reported it?"),
        updates::reply(&bob, &group_bot_msg, "and why?"),
        updates::sticker(&group, &bob, "👍"),
        updates::photo(&TestChat::private(&bob), &bob, Some("/ask what is this")),
        updates::callback_query(&alice(), &bot_msg, "q:callup-size"),
        updates::inline_query(&bob, "how many", ""),
        updates::bot_added(&group, &bob, &bot_user),
    ];
    for u in pushed {
        api.push_update(u);
    }
    let got = api.bot().get_updates().await.unwrap();
    assert_eq!(got.len(), 9);
    let msg = |i: usize| match &got[i].kind {
        UpdateKind::Message(m) => m.clone(),
        other => panic!("update {i}: {other:?}"),
    };

    let m = msg(0);
    assert!(m.chat.is_private());
    assert_eq!(m.from.as_ref().unwrap().language_code.as_deref(), Some("en"));
    assert_eq!(m.text(), Some("Сколько человек призовут?"));

    let m = msg(1);
    assert!(m.chat.is_group() && m.chat.id == ChatId(-4001));
    let e = &m.entities().unwrap()[0];
    assert_eq!((e.kind.clone(), e.offset, e.length), (MessageEntityKind::BotCommand, 0, 13));

    let m = msg(2);
    assert!(m.chat.is_supergroup());
    let e = &m.entities().unwrap()[0];
    assert_eq!((e.kind.clone(), e.offset, e.length), (MessageEntityKind::Mention, 4, 9));

    let m = msg(3);
    let replied = m.reply_to_message().expect("reply_to_message");
    assert_eq!(replied.from.as_ref().unwrap().id.0 as i64, api.config().bot_id);
    assert_eq!(m.chat.id, ChatId(-1001234567890));

    assert!(msg(4).sticker().is_some());
    let m = msg(5);
    assert!(m.photo().is_some_and(|p| p.len() == 2));
    assert_eq!(m.caption(), Some("/ask what is this"));
    assert!(matches!(&m.kind, MessageKind::Common(c) if matches!(c.media_kind, MediaKind::Photo(_))));

    let UpdateKind::CallbackQuery(q) = &got[6].kind else { panic!("{:?}", got[6].kind) };
    assert_eq!(q.data.as_deref(), Some("q:callup-size"));
    assert_eq!(q.regular_message().unwrap().text(), Some("Did you mean…"));

    let UpdateKind::InlineQuery(q) = &got[7].kind else { panic!("{:?}", got[7].kind) };
    assert_eq!(q.query, "how many");

    let UpdateKind::MyChatMember(c) = &got[8].kind else { panic!("{:?}", got[8].kind) };
    assert!(c.new_chat_member.is_present() && !c.old_chat_member.is_present());
    assert_eq!(c.new_chat_member.user.id.0 as i64, api.config().bot_id);

    // The server now knows these chats and messages.
    let reply_to = group_bot_msg["message_id"].as_i64().unwrap() as i32;
    api.bot()
        .send_message(ChatId(-1001234567890), "ok")
        .reply_parameters(ReplyParameters::new(MessageId(reply_to)))
        .await
        .expect("reply to the bot's own message");
    let _: Value = api.wait_for("sendMessage", 1, T).await[0].params.clone();
}

/// A real teloxide dispatcher (long polling, `Throttle`, as the bot runs) against
/// the fake: it starts, answers a pushed message, shuts down, and every request it
/// made conforms to the spec.
#[tokio::test]
async fn a_teloxide_dispatcher_runs_against_the_fake() {
    use teloxide::adaptors::throttle::Limits;
    let api = FakeBotApi::start().await;
    let bot = api.bot().throttle(Limits::default());
    let handler = Update::filter_message().endpoint(
        |bot: teloxide::adaptors::Throttle<Bot>, msg: Message| async move {
            bot.send_message(msg.chat.id, format!("echo: {}", msg.text().unwrap_or_default())).await?;
            respond(())
        },
    );
    let mut dispatcher = Dispatcher::builder(bot, handler).build();
    let shutdown = dispatcher.shutdown_token();
    let running = tokio::spawn(async move { dispatcher.dispatch().await });

    api.push_update(updates::private_text(&alice(), "ping"));
    let sent = api.wait_for_sent(1, T).await;
    assert_eq!((sent[0]["chat_id"].as_i64(), sent[0]["text"].as_str()), (Some(42), Some("echo: ping")));

    let t0 = Instant::now();
    let stopped = shutdown.shutdown().expect("dispatcher is running");
    api.release_polls(); // end the waiting getUpdates so shutdown is immediate
    stopped.await;
    running.await.unwrap();
    assert!(t0.elapsed() < Duration::from_secs(2), "{:?}", t0.elapsed());
    let methods: Vec<String> = api.all_calls().iter().map(|c| c.name.clone()).collect();
    // teloxide checks the webhook, learns its name, polls, and confirms the last
    // update with a final offset on shutdown.
    assert_eq!(methods[..3], ["getWebhookInfo", "getMe", "getUpdates"], "{methods:?}");
    assert!(api.pending_updates().is_empty(), "the update was confirmed");
    api.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_trip_delays_every_call_and_deliveries_are_timed() {
    let trip = Duration::from_millis(40);
    let api = FakeBotApi::start_with(Config { round_trip: Some((trip, trip)), ..Config::default() }).await;
    let bot = api.bot();
    let asked = std::time::Instant::now();
    bot.get_me().await.unwrap();
    assert!(asked.elapsed() >= trip, "{:?}", asked.elapsed());
    let alice = TestUser::new(42, "Alice");
    let id = api.push_update(updates::private_text(&alice, "hi"));
    assert_eq!(api.delivered(id), None, "not yet fetched");
    bot.get_updates().await.unwrap();
    let poll = api.calls("getUpdates").pop().unwrap();
    let delivered = api.delivered(id).expect("delivered");
    assert!(delivered - poll.received >= trip, "the answer left after the round trip");
    assert!(api.max_in_flight() >= 1);
}
