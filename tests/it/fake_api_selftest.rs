//! Self-test of the fake Telegram Bot API server's methods (`tests/it/support/fake_bot_api`):
//! drives it with teloxide's real `Bot` (and raw HTTP where teloxide cannot go) to
//! show it answers like Telegram — results teloxide deserializes, Telegram's
//! rejections mapped to the right `ApiError`s, HTML and length limits, spec checks.
//! Updates, polling and faults are in `fake_api_updates_selftest.rs`.

use std::time::Duration;

use crate::support::fake_bot_api::{Config, FakeBotApi, TestUser, parse_html, updates};
use serde_json::json;
use teloxide::{
    ApiError, RequestError,
    prelude::*,
    types::{
        BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResult, InlineQueryResultArticle,
        InputMessageContent, InputMessageContentText, LinkPreviewOptions, MessageEntityKind, MessageId,
        ParseMode, ReplyParameters, UpdateKind,
    },
};

/// How long a self-test waits for the fake to see a call (shared with
/// `fake_api_updates_selftest.rs`).
pub(crate) const T: Duration = Duration::from_secs(5);

pub(crate) fn alice() -> TestUser {
    TestUser::new(42, "Alice").lang("en")
}

fn keyboard(data: &str) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![vec![InlineKeyboardButton::callback("Yes", data)]])
}

pub(crate) fn api_error(r: Result<impl std::fmt::Debug, RequestError>) -> ApiError {
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
