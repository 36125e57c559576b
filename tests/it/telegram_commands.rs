//! End-to-end tests of the bot's commands against the fake Bot API: the five commands
//! registered with setMyCommands at start, each answered in a private chat, and in
//! groups only when addressed (`/cmd@storybot`, or `/ask` which is unambiguous).

use crate::support::fake_bot_api::{TestChat, TestUser, updates};
use crate::telegram_harness::{RunningBot, Story, sent_to, wait_sent_to};
use serde_json::{Value, json};

const COMMANDS: [&str; 5] = ["start", "help", "ask", "about", "topics"];

fn names(commands: &Value) -> Vec<&str> {
    commands.as_array().expect("a list").iter().map(|c| c["command"].as_str().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn set_my_commands_registers_the_five_commands_at_start() {
    let bot = RunningBot::start(Story::Mini).await;
    let calls = bot.api.calls("setMyCommands");
    for call in &calls {
        assert!(call.ok(), "{:?} -> {:?}", call.params, call.response);
    }
    // The default menu, in English.
    let commands = bot.api.my_commands();
    assert_eq!(names(&commands), COMMANDS);
    for c in commands.as_array().unwrap() {
        let description = c["description"].as_str().unwrap();
        assert!(!description.trim().is_empty(), "{c}");
    }
    assert_eq!(commands[2]["description"], "ask a question about the story");
    // And one for Russian-speaking users' apps.
    let ru = calls.iter().find(|c| c.params["language_code"] == "ru").expect("a Russian menu");
    assert_eq!(names(&ru.params["commands"]), COMMANDS);
    assert_eq!(ru.params["commands"][2]["description"], "задать вопрос о статье");
    assert_eq!(calls.len(), 2, "registered once per language");
    // Registered before the first getUpdates: the menu is there from the first update.
    let first_poll = bot.api.calls("getUpdates")[0].seq;
    assert!(calls.iter().all(|c| c.seq < first_poll));
    let api = bot.finish().await;
    assert!(api.sent_messages().is_empty(), "nothing sent unasked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_is_answered_in_a_private_chat() {
    let bot = RunningBot::start(Story::Shipped).await;
    let cases = ["/start", "/help", "/about", "/topics", "/ask How many men could be called up?"];
    // One user per command: each private chat is paced by the rate limiter on its
    // own, so the five run side by side.
    let users: Vec<TestUser> =
        (0..cases.len()).map(|i| TestUser::new(100 + i as i64, "Reader").lang("en")).collect();
    for (user, text) in users.iter().zip(cases) {
        bot.api.push_update(updates::private_text(user, text));
    }
    for (user, text) in users.iter().zip(cases) {
        let expected = bot.expected(text, Some("en"));
        let sent = wait_sent_to(&bot.api, user.id, expected.texts.len()).await;
        expected.assert_sent(&sent, user.id, None);
    }
    // Spot checks that the engine's rendering is what a reader needs.
    let start = &sent_to(&bot.api, 100)[0];
    assert!(
        crate::telegram_harness::buttons(start).iter().all(|d| d.starts_with("a:")),
        "/start offers questions as buttons: {start}"
    );
    let topics = &sent_to(&bot.api, 103)[0];
    assert_eq!(crate::telegram_harness::buttons(topics)[0], "t:0");
    let about = &sent_to(&bot.api, 102)[0];
    assert!(
        about["text"].as_str().unwrap().contains("<a href=\"https://www.axios.com/"),
        "/about links the article: {about}"
    );
    assert_eq!(about["link_preview_options"]["is_disabled"], json!(true));
    let ask = &sent_to(&bot.api, 104)[0];
    assert!(ask["text"].as_str().unwrap().contains("300,000"), "{ask}");

    let api = bot.finish().await;
    assert_eq!(api.sent_messages().len(), 5, "one message per command");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn addressed_commands_are_answered_in_groups_as_replies() {
    let bot = RunningBot::start(Story::Mini).await;
    let alice = TestUser::new(200, "Alice").lang("en");
    let cases = [
        ("/start@storybot", "/start"),
        ("/help@storybot", "/help"),
        ("/about@storybot", "/about"),
        ("/topics@storybot", "/topics"),
        ("/ask@storybot How many books does the library hold?", "/ask How many books does the library hold?"),
        // Plain /ask is unambiguous: no other bot answers storybot's /ask.
        ("/ask number of books", "/ask number of books"),
    ];
    let mut asked = Vec::new();
    for (i, (text, _)) in cases.iter().enumerate() {
        // A group per case (groups are paced one message a second each); basic
        // groups and supergroups alike.
        let id = -4000 - i as i64;
        let chat = if i % 2 == 0 {
            TestChat::group(id, "Readers")
        } else {
            TestChat::supergroup(-1_001_000_000_000 - i as i64, "Readers")
        };
        let update = updates::text(&chat, &alice, text);
        asked.push((chat.id, update["message"]["message_id"].as_i64().unwrap()));
        bot.api.push_update(update);
    }
    for ((chat, message_id), (_, same_as)) in asked.iter().zip(cases) {
        let expected = bot.expected(same_as, Some("en"));
        let sent = wait_sent_to(&bot.api, *chat, expected.texts.len()).await;
        expected.assert_sent(&sent, *chat, Some(*message_id));
        let replied = &sent[0]["reply_parameters"];
        assert_eq!(replied["allow_sending_without_reply"], json!(true));
    }
    let api = bot.finish().await;
    assert_eq!(api.sent_messages().len(), cases.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unaddressed_commands_in_groups_are_left_to_other_bots() {
    let bot = RunningBot::start(Story::Mini).await;
    let group = TestChat::group(-4100, "Readers");
    let bob = TestUser::new(300, "Bob").lang("en");
    for text in
        ["/help", "/start", "/about", "/topics", "/help@otherbot", "/ask@otherbot how many books", "/unknown"]
    {
        bot.api.push_update(updates::text(&group, &bob, text));
    }
    // Then one addressed command (one storybot does not have: it answers with its
    // help): the only one answered. Updates of one chat are handled in order, so
    // once it is answered the others were ignored.
    let last = updates::text(&group, &bob, "/unknown@StoryBot");
    let last_id = last["message"]["message_id"].as_i64().unwrap();
    bot.api.push_update(last);
    let sent = wait_sent_to(&bot.api, group.id, 1).await;
    bot.expected("/help", Some("en")).assert_sent(&sent, group.id, Some(last_id));
    let api = bot.finish().await;
    assert_eq!(api.sent_messages().len(), 1, "{:#?}", api.sent_messages());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_ask_gets_the_welcome() {
    let bot = RunningBot::start(Story::Mini).await;
    let group = TestChat::group(-4200, "Readers");
    let carol = TestUser::new(400, "Carol").lang("en");
    let update = updates::text(&group, &carol, "/ask@storybot");
    let id = update["message"]["message_id"].as_i64().unwrap();
    bot.api.push_update(update);
    let sent = wait_sent_to(&bot.api, group.id, 1).await;
    bot.expected("/start", Some("en")).assert_sent(&sent, group.id, Some(id));
    bot.finish().await;
}
