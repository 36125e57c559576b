//! End-to-end tests of the bot in groups against the fake Bot API: it speaks only when
//! addressed (a mention of @storybot, a reply to one of its messages, `/ask`), always
//! as a reply to the asker's message, ignores all other chatter, and introduces itself
//! once when added.

use crate::support::fake_bot_api::{TestChat, TestUser, updates};
use crate::telegram_harness::{RunningBot, Story, T, wait_sent_to};
use serde_json::json;

fn message_id(update: &serde_json::Value) -> i64 {
    update["message"]["message_id"].as_i64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn group_chatter_is_ignored_and_only_the_addressed_message_answered() {
    let bot = RunningBot::start(Story::Mini).await;
    let group = TestChat::supergroup(-1_002_000_000_001, "Moon fans");
    let (alice, bob) = (TestUser::new(501, "Alice"), TestUser::new(502, "Bob"));
    let chatter = [
        updates::text(&group, &alice, "how many books does the library hold?"),
        updates::text(&group, &bob, "no idea, ask @alice_moon"),
        updates::text(&group, &bob, "@storybot_fan is another bot"),
        updates::text(&group, &alice, "storybot should know"),
        updates::sticker(&group, &bob, "👍"),
        updates::photo(&group, &alice, Some("the library")),
    ];
    for u in chatter {
        bot.api.push_update(u);
    }
    // A reply to someone else's message is chatter too.
    let other = updates::text_message(&group, &bob, "the library is big");
    bot.api.remember_message(&other);
    bot.api.push_update(updates::reply(&alice, &other, "how many books?"));

    let ask = updates::text(&group, &alice, "/ask How many books does the library hold?");
    let asked = message_id(&ask);
    bot.api.push_update(ask);
    let sent = wait_sent_to(&bot.api, group.id, 1).await;
    bot.expected("How many books does the library hold?", None).assert_sent(&sent, group.id, Some(asked));
    let api = bot.finish().await;
    assert_eq!(api.sent_messages().len(), 1, "{:#?}", api.sent_messages());
    assert_eq!(api.calls("sendMessage").len(), 1);
}

/// A hand-edited update must still be what teloxide reads as `my_chat_member`, or
/// the test would prove nothing.
fn assert_parses_as_my_chat_member(update: &serde_json::Value) {
    let mut update = update.clone();
    update["update_id"] = json!(1);
    // From text, as teloxide reads updates (`from_value` takes another path).
    let parsed: teloxide::types::Update = serde_json::from_str(&update.to_string()).expect("an Update");
    assert!(matches!(parsed.kind, teloxide::types::UpdateKind::MyChatMember(_)), "{:?}", parsed.kind);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_is_answered_as_a_reply_to_the_asker() {
    let bot = RunningBot::start(Story::Mini).await;
    let alice = TestUser::new(511, "Alice").lang("en");
    let cases = [
        ("@storybot how many books does the library hold?", "how many books does the library hold?"),
        ("@StoryBot, what opened on the moon?", "what opened on the moon?"),
        ("hey @storybot how many books does the library hold?", "hey how many books does the library hold?"),
    ];
    let mut asked = Vec::new();
    for (i, (text, _)) in cases.iter().enumerate() {
        let group = TestChat::group(-5100 - i as i64, "Moon fans");
        let u = updates::text(&group, &alice, text);
        asked.push((group.id, message_id(&u)));
        bot.api.push_update(u);
    }
    for ((chat, id), (_, question)) in asked.into_iter().zip(cases) {
        let sent = wait_sent_to(&bot.api, chat, 1).await;
        bot.expected(question, Some("en")).assert_sent(&sent, chat, Some(id));
    }
    let api = bot.finish().await;
    assert_eq!(api.sent_messages().len(), cases.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_to_the_bot_is_answered_as_a_reply() {
    let bot = RunningBot::start(Story::Mini).await;
    let group = TestChat::group(-5200, "Moon fans");
    let alice = TestUser::new(521, "Alice").lang("en");
    let bob = TestUser::new(522, "Bob").lang("en");
    bot.api.push_update(updates::text(&group, &alice, "/ask@storybot what opened on the moon?"));
    let first = bot.api.wait_for("sendMessage", 1, T).await;
    // The message the bot really sent, as Telegram returned it.
    let answer = first[0].result().expect("sent").clone();
    assert_eq!(answer["from"]["id"], json!(bot.api.config().bot_id));

    let follow_up = updates::reply(&bob, &answer, "and how many books does it hold?");
    let asked = message_id(&follow_up);
    bot.api.push_update(follow_up);
    let sent = wait_sent_to(&bot.api, group.id, 2).await;
    bot.expected("and how many books does it hold?", Some("en")).assert_sent(
        &sent[1..],
        group.id,
        Some(asked),
    );
    let api = bot.finish().await;
    assert_eq!(api.sent_messages().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn being_added_to_a_group_gets_one_introduction() {
    let bot = RunningBot::start(Story::Mini).await;
    let group = TestChat::group(-5300, "Moon fans");
    let alice = TestUser::new(531, "Alice");
    let me = bot.api.bot_user();
    bot.api.push_update(updates::bot_added(&group, &alice, &me));
    // Promoted to admin later: already introduced, stays quiet.
    let mut promoted = updates::bot_added(&group, &alice, &me);
    promoted["my_chat_member"]["old_chat_member"]["status"] = json!("member");
    promoted["my_chat_member"]["new_chat_member"] = json!({
        "user": me.json(), "status": "administrator", "can_be_edited": false,
        "is_anonymous": false, "can_manage_chat": true, "can_delete_messages": true,
        "can_manage_video_chats": true, "can_restrict_members": true,
        "can_promote_members": false, "can_change_info": true, "can_invite_users": true,
        "can_post_stories": false, "can_edit_stories": false, "can_delete_stories": false,
    });
    assert_parses_as_my_chat_member(&promoted);
    bot.api.push_update(promoted);
    // Another user joining is not the bot joining.
    let other_group = TestChat::group(-5301, "Elsewhere");
    let mut someone = updates::bot_added(&other_group, &alice, &me);
    someone["my_chat_member"]["new_chat_member"]["user"] = TestUser::new(532, "Bob").json();
    someone["my_chat_member"]["old_chat_member"]["user"] = TestUser::new(532, "Bob").json();
    bot.api.push_update(someone);

    let sent = wait_sent_to(&bot.api, group.id, 1).await;
    let intro = sent[0]["text"].as_str().unwrap();
    assert!(intro.contains("Town opens a library on the moon"), "{intro}");
    assert!(intro.contains("/ask@storybot"), "{intro}");
    assert!(intro.contains("@storybot"), "{intro}");
    let api = bot.finish().await;
    assert_eq!(api.sent_messages().len(), 1, "{:#?}", api.sent_messages());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_in_a_group_use_the_askers_language() {
    let bot = RunningBot::start(Story::Mini).await;
    let group = TestChat::group(-5400, "Луна");
    let ivan = TestUser::new(541, "Иван").lang("ru");
    let u = updates::text(&group, &ivan, "@storybot Сколько книг в библиотеке?");
    let asked = message_id(&u);
    bot.api.push_update(u);
    let sent = wait_sent_to(&bot.api, group.id, 1).await;
    bot.expected("Сколько книг в библиотеке?", Some("ru")).assert_sent(&sent, group.id, Some(asked));
    assert!(sent[0]["text"].as_str().unwrap().contains("В ней 4000 книг."));
    bot.finish().await;
}
