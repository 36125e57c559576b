//! Self-test of the fake Telegram Bot API server (`tests/it/support/fake_bot_api`):
//! drives it with teloxide's real `Bot` (and raw HTTP where teloxide cannot go) to
//! show it answers like Telegram — results teloxide deserializes, Telegram's
//! rejections mapped to the right `ApiError`s, long polling, faults, spec checks —
//! and that every update builder deserializes into the intended teloxide type.

use std::time::{Duration, Instant};

use crate::support::fake_bot_api::{Config, FakeBotApi, Fault, TestChat, TestUser, parse_html, updates};
use serde_json::{Value, json};
use teloxide::{
    ApiError, RequestError,
    prelude::*,
    types::{
        AllowedUpdate, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResult,
        InlineQueryResultArticle, InputMessageContent, InputMessageContentText, LinkPreviewOptions,
        MediaKind, MessageEntityKind, MessageId, MessageKind, ParseMode, ReplyParameters, UpdateKind,
    },
};

const T: Duration = Duration::from_secs(5);

fn alice() -> TestUser {
    TestUser::new(42, "Alice").lang("en")
}

fn keyboard(data: &str) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![vec![InlineKeyboardButton::callback("Yes", data)]])
}

fn api_error(r: Result<impl std::fmt::Debug, RequestError>) -> ApiError {
    match r {
        Err(RequestError::Api(e)) => e,
        other => panic!("expected an ApiError, got {other:?}"),
    }
}

#[tokio::test]
async fn get_me_deserializes_into_teloxide_me() {
    let api = FakeBotApi::start().await;
    let me = api.bot().get_me().await.expect("getMe");
    assert_eq!(me.username(), "storybot");
    assert!(me.user.is_bot);
    assert_eq!(me.user.id.0 as i64, api.config().bot_id);
    assert!(me.supports_inline_queries && me.can_join_groups && !me.can_read_all_group_messages);

    let calls = api.calls("getme");
    assert_eq!(calls.len(), 1);
    assert_eq!((calls[0].name.as_str(), calls[0].status), ("getMe", Some(200)));
    api.assert_no_violations();

    // Configurable identity.
    let other = FakeBotApi::start_with(Config { username: "other_bot".into(), ..Config::default() }).await;
    assert_eq!(other.bot().get_me().await.unwrap().username(), "other_bot");
}

#[tokio::test]
async fn send_message_round_trips_and_is_recorded() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    let html =
        "  <b>300,000</b> men &amp; <a href=\"https://www.axios.com/\">Axios</a> &#8220;quote&#x201D;\n";
    let msg = bot
        .send_message(ChatId(42), html)
        .parse_mode(ParseMode::Html)
        .reply_markup(keyboard("q:callup-size"))
        .await
        .expect("sendMessage");
    assert_eq!(msg.text(), Some("300,000 men & Axios “quote”"));
    assert_eq!(msg.from.as_ref().map(|u| u.id.0 as i64), Some(api.config().bot_id));
    assert!(msg.chat.is_private());
    let kinds: Vec<_> =
        msg.entities().unwrap().iter().map(|e| (e.kind.clone(), e.offset, e.length)).collect();
    assert_eq!(kinds[0], (MessageEntityKind::Bold, 0, 7));
    assert!(
        matches!(&kinds[1].0, MessageEntityKind::TextLink { url } if url.as_str() == "https://www.axios.com/")
    );
    assert!(msg.reply_markup().is_some());

    // Message ids increase.
    let second = bot.send_message(ChatId(-1001234567890), "plain").await.unwrap();
    assert!(second.id.0 > msg.id.0);
    assert!(second.chat.is_supergroup());

    let sent = api.sent_messages();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0]["text"], html);
    assert_eq!(sent[0]["parse_mode"], "HTML");
    assert_eq!(sent[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"], "q:callup-size");
    let call = &api.wait_for("sendMessage", 2, T).await[0];
    assert_eq!(call.chat_id(), Some(42));
    assert_eq!(call.result().unwrap()["message_id"], json!(msg.id.0));
    assert_eq!(api.message(42, msg.id.0 as i64).unwrap()["text"], "300,000 men & Axios “quote”");
    // teloxide's own serialization of these calls conforms to the spec.
    api.assert_no_violations();
}

#[tokio::test]
async fn malformed_html_is_rejected_like_telegram() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    for bad in [
        "<b>unclosed",
        "<b><i>x</b></i>",
        "a < b",
        "AT&T",
        "<span>x</span>",
        "<script>x</script>",
        "x</b>",
        "&nbsp;",
    ] {
        let err = api_error(bot.send_message(ChatId(42), bad).parse_mode(ParseMode::Html).await);
        match err {
            ApiError::CantParseEntities(s) => {
                assert!(s.starts_with("Bad Request: can't parse entities: "), "{bad}: {s}")
            }
            other => panic!("{bad}: expected CantParseEntities, got {other:?}"),
        }
    }
    // The same text without parse mode is fine: it is not HTML then.
    bot.send_message(ChatId(42), "a < b & AT&T").await.expect("plain text");
    assert_eq!(api.sent_messages().len(), 1);
}

#[test]
fn html_validator_accepts_all_telegram_tags() {
    let ok = "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>\
              <span class=\"tg-spoiler\">sp</span><tg-spoiler>t</tg-spoiler><a href='http://x.y/?a=1&amp;b=2'>l</a>\
              <code>c</code><pre><code class=\"language-rust\">fn</code></pre><blockquote expandable>q</blockquote>\
              <tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji><B>upper</B> &lt;&gt;&quot;&#65;&#x42; >";
    let parsed = parse_html(ok).expect("valid Telegram HTML");
    assert!(parsed.text.ends_with("upper <>\"AB >"), "{}", parsed.text);
    let types: Vec<&str> = parsed.entities.iter().map(|e| e["type"].as_str().unwrap()).collect();
    for t in [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "text_link",
        "code",
        "pre",
        "expandable_blockquote",
        "custom_emoji",
    ] {
        assert!(types.contains(&t), "missing {t} in {types:?}");
    }
    let pre = parsed.entities.iter().find(|e| e["type"] == "pre").unwrap();
    assert_eq!(pre["language"], "rust");
    // Offsets count UTF-16 code units.
    let p = parse_html("😀 <b>x</b>").unwrap();
    assert_eq!((p.entities[0]["offset"].as_u64(), p.entities[0]["length"].as_u64()), (Some(3), Some(1)));
    assert!(parse_html("<a>x</a>").is_err());
    assert!(parse_html("<tg-emoji>x</tg-emoji>").is_err());
}

#[tokio::test]
async fn text_length_and_emptiness_follow_telegram_limits() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    let long = "x".repeat(4097);
    assert_eq!(api_error(bot.send_message(ChatId(42), long).await), ApiError::MessageIsTooLong);
    bot.send_message(ChatId(42), "x".repeat(4096)).await.expect("4096 is the limit");
    // Tags and entities do not count; characters outside the BMP count twice.
    let tagged = format!("<b>{}</b> &amp;", "x".repeat(4094));
    bot.send_message(ChatId(42), tagged).parse_mode(ParseMode::Html).await.expect("4096 after parsing");
    assert_eq!(api_error(bot.send_message(ChatId(42), "😀".repeat(2049)).await), ApiError::MessageIsTooLong);

    assert_eq!(api_error(bot.send_message(ChatId(42), "  \n ").await), ApiError::MessageTextIsEmpty);
    assert_eq!(
        api_error(bot.send_message(ChatId(42), "<b> </b>").parse_mode(ParseMode::Html).await),
        ApiError::MessageTextIsEmpty
    );
}

#[tokio::test]
async fn callback_data_over_64_bytes_is_rejected() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    let err = api_error(bot.send_message(ChatId(42), "pick").reply_markup(keyboard(&"é".repeat(33))).await);
    assert_eq!(err, ApiError::ButtonDataInvalid);
    bot.send_message(ChatId(42), "pick")
        .reply_markup(keyboard(&"d".repeat(64)))
        .await
        .expect("64 bytes is fine");
}

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
async fn unknown_parameters_and_wrong_types_are_recorded_as_violations() {
    let api = FakeBotApi::start().await;
    let r = api
        .raw_json(
            "sendMessage",
            &json!({
                "chat_id": 42, "text": "hi", "parse_mod": "HTML", "disable_notification": "yes",
                "reply_markup": { "inline_keyboard": [[{ "text": "a", "callback_data": "b", "colour": "red" }]] },
            }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["ok"], true);
    let v: Vec<String> = api.violations().iter().map(|v| format!("{}", v)).collect();
    assert_eq!(v.len(), 3, "{v:#?}");
    assert!(v.iter().any(|s| s.contains("sendMessage: parse_mod: unknown parameter")), "{v:#?}");
    assert!(v.iter().any(|s| s.contains("disable_notification: expected Boolean, got a string")), "{v:#?}");
    assert!(
        v.iter().any(|s| s
            .contains("reply_markup.inline_keyboard[0][0].colour: unknown field of InlineKeyboardButton")),
        "{v:#?}"
    );
}

#[tokio::test]
async fn http_shape_tokens_methods_and_encodings() {
    let api = FakeBotApi::start().await;

    // Missing required parameter.
    let r = api.raw_json("sendMessage", &json!({ "text": "hi" })).await;
    assert_eq!(
        (r.status, r.json()["description"].as_str()),
        (400, Some("Bad Request: parameter chat_id is required"))
    );

    // Wrong token: 401 like Telegram; teloxide calls it InvalidToken.
    let r = api.raw("POST", "/bot123:wrong/getMe", None).await;
    assert_eq!(
        (r.status, r.json()),
        (401, json!({"ok": false, "error_code": 401, "description": "Unauthorized"}))
    );
    let wrong = teloxide::Bot::new("123:wrong").set_api_url(api.url().parse().unwrap());
    assert_eq!(api_error(wrong.get_me().await), ApiError::InvalidToken);

    // Unknown method.
    let r = api.raw_json("sendTelepathy", &json!({})).await;
    assert_eq!((r.status, r.json()["description"].as_str()), (404, Some("Not Found: method not found")));

    // Method names ignore case; form bodies are decoded and typed by the spec.
    let markup = json!({ "inline_keyboard": [[{ "text": "a", "callback_data": "b" }]] }).to_string();
    let r = api
        .raw_form("SENDMESSAGE", &[("chat_id", "-4001"), ("text", "hi & bye"), ("reply_markup", &markup)])
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let call = api.calls("sendMessage").pop().unwrap();
    assert_eq!(call.params["chat_id"], json!(-4001));
    assert_eq!(call.params["text"], "hi & bye");
    assert_eq!(call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"], "b");
    assert_eq!(r.json()["result"]["chat"]["type"], "group");

    // Multipart bodies (what teloxide uses to upload files).
    let body = "--XyZ\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n42\r\n\
                --XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nline 1\r\nline 2\r\n--XyZ--\r\n";
    let r = api
        .raw(
            "POST",
            &format!("/bot{}/sendMessage", api.token()),
            Some(("multipart/form-data; boundary=XyZ", body.into())),
        )
        .await;
    assert_eq!(r.json()["result"]["text"], "line 1\r\nline 2", "{}", r.body);
    assert_eq!(api.calls("sendMessage").pop().unwrap().params["chat_id"], json!(42));

    // GET with query parameters.
    let r = api.raw("GET", &format!("/bot{}/getUpdates?timeout=0&limit=5", api.token()), None).await;
    assert_eq!(r.json(), json!({"ok": true, "result": []}));
    assert_eq!(api.calls("getUpdates")[0].params["limit"], json!(5));
    api.assert_no_violations();
}

#[tokio::test]
async fn callback_queries_are_answered_once() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    let sent = bot.send_message(ChatId(42), "Did you mean…").reply_markup(keyboard("q:1")).await.unwrap();
    let bot_msg = api.calls("sendMessage")[0].result().unwrap().clone();
    let id = api.push_update(updates::callback_query(&alice(), &bot_msg, "q:1"));
    let got = bot.get_updates().await.unwrap();
    let UpdateKind::CallbackQuery(q) = &got[0].kind else { panic!("{:?}", got[0].kind) };
    assert_eq!((got[0].id.0 as i64, q.data.as_deref()), (id, Some("q:1")));
    assert_eq!(q.regular_message().unwrap().id, sent.id);

    bot.answer_callback_query(q.id.clone()).text("Answering…").await.expect("first answer");
    let again = api_error(bot.answer_callback_query(q.id.clone()).await);
    assert!(format!("{again:?}").contains("query ID is invalid"), "{again:?}");
    let too_long = api_error(bot.answer_callback_query(q.id.clone()).text("x".repeat(201)).await);
    // "Bad Request: MESSAGE_TOO_LONG", which teloxide names after edits.
    assert_eq!(too_long, ApiError::EditedMessageIsTooLong);
    api.assert_no_violations();
}

#[tokio::test]
async fn edits_and_replies_follow_message_state() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    let msg = bot.send_message(ChatId(42), "v1").reply_markup(keyboard("a")).await.unwrap();
    let edited =
        bot.edit_message_text(ChatId(42), msg.id, "<i>v2</i>").parse_mode(ParseMode::Html).await.unwrap();
    assert_eq!(edited.text(), Some("v2"));
    assert!(edited.reply_markup().is_none(), "an edit without reply_markup removes the keyboard");
    let same =
        api_error(bot.edit_message_text(ChatId(42), msg.id, "<i>v2</i>").parse_mode(ParseMode::Html).await);
    assert_eq!(same, ApiError::MessageNotModified);
    let missing = api_error(bot.edit_message_text(ChatId(42), MessageId(1), "x").await);
    assert_eq!(missing, ApiError::MessageToEditNotFound);
    assert_eq!(api.sent_messages().len(), 2);

    // Replies must point at a message the chat has.
    let update = updates::private_text(&alice(), "question");
    let asked = update["message"]["message_id"].as_i64().unwrap() as i32;
    api.push_update(update);
    let reply = bot
        .send_message(ChatId(42), "answer")
        .reply_parameters(ReplyParameters::new(MessageId(asked)))
        .await
        .unwrap();
    assert_eq!(reply.reply_to_message().unwrap().text(), Some("question"));
    let err = api_error(
        bot.send_message(ChatId(42), "answer").reply_parameters(ReplyParameters::new(MessageId(7))).await,
    );
    assert_eq!(err, ApiError::MessageToReplyNotFound);
    // ... unless the bot allows sending without the reply (as storybot does).
    let no_preview = LinkPreviewOptions {
        is_disabled: true,
        url: None,
        prefer_small_media: false,
        prefer_large_media: false,
        show_above_text: false,
    };
    let sent = bot
        .send_message(ChatId(42), "answer")
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview)
        .reply_parameters(ReplyParameters {
            allow_sending_without_reply: Some(true),
            ..ReplyParameters::new(MessageId(7))
        })
        .await
        .unwrap();
    assert!(sent.reply_to_message().is_none());
    api.assert_no_violations();
}

#[tokio::test]
async fn commands_inline_answers_and_misc_methods() {
    let api = FakeBotApi::start().await;
    let bot = api.bot();
    bot.set_my_commands(vec![
        BotCommand::new("ask", "Ask a question"),
        BotCommand::new("about", "The story"),
    ])
    .await
    .unwrap();
    assert_eq!(api.my_commands()[0]["command"], "ask");
    assert_eq!(bot.get_my_commands().await.unwrap().len(), 2);
    let bad = api_error(bot.set_my_commands(vec![BotCommand::new("Ask", "x")]).await);
    assert!(format!("{bad:?}").contains("BOT_COMMAND_INVALID"));
    bot.delete_my_commands().await.unwrap();
    assert!(bot.get_my_commands().await.unwrap().is_empty());

    bot.delete_webhook().await.unwrap();
    assert!(bot.get_webhook_info().await.unwrap().url.is_none());
    bot.send_chat_action(ChatId(42), teloxide::types::ChatAction::Typing).await.unwrap();

    let from = alice();
    api.push_update(updates::inline_query(&from, "how many", ""));
    let got = bot.get_updates().await.unwrap();
    let UpdateKind::InlineQuery(q) = &got[0].kind else { panic!("{:?}", got[0].kind) };
    let article = |id: &str, text: &str| {
        InlineQueryResult::Article(InlineQueryResultArticle::new(
            id,
            "Answer",
            InputMessageContent::Text(InputMessageContentText::new(text).parse_mode(ParseMode::Html)),
        ))
    };
    let too_many: Vec<_> = (0..51).map(|i| article(&i.to_string(), "x")).collect();
    assert_eq!(
        api_error(bot.answer_inline_query(q.id.clone(), too_many).await),
        ApiError::TooMuchInlineQueryResults
    );
    let dup =
        api_error(bot.answer_inline_query(q.id.clone(), vec![article("1", "a"), article("1", "b")]).await);
    assert!(format!("{dup:?}").contains("RESULT_ID_DUPLICATE"));
    let bad_html = api_error(bot.answer_inline_query(q.id.clone(), vec![article("1", "<b>x")]).await);
    assert!(matches!(bad_html, ApiError::CantParseEntities(_)));
    bot.answer_inline_query(q.id.clone(), vec![article("1", "<b>300,000</b>")]).await.expect("valid answer");

    // getChat knows chats seen in updates.
    api.push_update(updates::private_text(&from, "hi"));
    let chat = bot.get_chat(ChatId(42)).await.unwrap();
    assert_eq!(chat.id, ChatId(42));
    assert_eq!(api_error(bot.get_chat(ChatId(999)).await), ApiError::ChatNotFound);
    api.assert_no_violations();
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
