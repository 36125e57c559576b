//! End-to-end tests of private chats against the fake Bot API: every text is a
//! question, answered in the asker's language (English or Russian) as Telegram HTML
//! the server accepts whatever the question contains; stickers and photos get a short
//! hint instead of an error.

use crate::support::fake_bot_api::{TestChat, TestUser, updates};
use crate::telegram_harness::{RunningBot, Story, sent_to, wait_sent_to};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_question_gets_the_answer_with_related_buttons() {
    let bot = RunningBot::start(Story::Shipped).await;
    let alice = TestUser::new(601, "Alice").lang("en");
    let question = "How many men could be called up?";
    bot.api.push_update(updates::private_text(&alice, question));
    let expected = bot.expected(question, Some("en"));
    let sent = wait_sent_to(&bot.api, alice.id, expected.texts.len()).await;
    expected.assert_sent(&sent, alice.id, None);
    let text = sent[0]["text"].as_str().unwrap();
    assert!(text.contains("300,000"), "{text}");
    assert!(text.contains("<blockquote>"), "the quote: {text}");
    assert!(!expected.buttons.is_empty(), "related questions offered");
    for data in &expected.buttons {
        assert!(data.starts_with("a:") && data.len() <= 64, "{data}");
    }
    let api = bot.finish().await;
    assert_eq!(api.sent_messages().len(), expected.texts.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_russian_question_gets_a_russian_answer() {
    let bot = RunningBot::start(Story::Shipped).await;
    // No language_code at all: the text decides.
    let ivan = TestUser::new(611, "Иван");
    let question = "Сколько человек могут призвать?";
    bot.api.push_update(updates::private_text(&ivan, question));
    // An English-speaking app with a Russian question: still Russian.
    let olga = TestUser::new(612, "Ольга").lang("en");
    bot.api.push_update(updates::private_text(&olga, question));
    for user in [&ivan, &olga] {
        let expected = bot.expected(question, user.language_code.as_deref());
        let sent = wait_sent_to(&bot.api, user.id, expected.texts.len()).await;
        expected.assert_sent(&sent, user.id, None);
        let text = sent[0]["text"].as_str().unwrap();
        assert!(text.contains("300 000"), "{text}");
        assert!(text.contains("Источник"), "attribution in Russian: {text}");
    }
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_in_a_question_is_never_sent_as_markup() {
    let bot = RunningBot::start(Story::Mini).await;
    let questions = [
        "<b>How many</b> books does the library hold? </i>",
        "is 4 < 5 & what's <script>alert(1)</script> the moon library?",
        "&lt;&amp; &#x41; <a href=\"javascript:x\">cost</a> of the library",
        "\u{202e}dragons? <tg-spoiler>",
        "/ask <b>",
    ];
    let users: Vec<TestUser> =
        (0..questions.len()).map(|i| TestUser::new(620 + i as i64, "Mallory").lang("en")).collect();
    for (user, q) in users.iter().zip(questions) {
        bot.api.push_update(updates::private_text(user, q));
    }
    for (user, q) in users.iter().zip(questions) {
        let expected = bot.expected(q, Some("en"));
        // A message the fake's HTML parser rejected would never count as sent.
        let sent = wait_sent_to(&bot.api, user.id, expected.texts.len()).await;
        expected.assert_sent(&sent, user.id, None);
    }
    let api = bot.finish().await;
    let failed: Vec<_> = api.calls("sendMessage").into_iter().filter(|c| !c.ok()).collect();
    assert!(failed.is_empty(), "rejected: {failed:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_very_long_question_still_gets_a_reply_within_limits() {
    let bot = RunningBot::start(Story::Mini).await;
    let alice = TestUser::new(630, "Alice").lang("en");
    let question = "how many books & <volumes> does the library hold ".repeat(80);
    assert!(question.len() > 3_000);
    bot.api.push_update(updates::private_text(&alice, &question));
    let expected = bot.expected(&question, Some("en"));
    let sent = wait_sent_to(&bot.api, alice.id, expected.texts.len()).await;
    expected.assert_sent(&sent, alice.id, None);
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stickers_and_photos_in_private_get_a_short_hint() {
    let bot = RunningBot::start(Story::Mini).await;
    let alice = TestUser::new(640, "Alice").lang("en");
    let bob = TestUser::new(641, "Bob").lang("en");
    let ivan = TestUser::new(642, "Иван").lang("ru");
    bot.api.push_update(updates::sticker(&TestChat::private(&alice), &alice, "👋"));
    bot.api.push_update(updates::photo(&TestChat::private(&bob), &bob, None));
    bot.api.push_update(updates::sticker(&TestChat::private(&ivan), &ivan, "👋"));
    for (user, needle) in [(&alice, "text"), (&bob, "text"), (&ivan, "текст")] {
        let sent = wait_sent_to(&bot.api, user.id, 1).await;
        let text = sent[0]["text"].as_str().unwrap();
        assert!(text.contains(needle), "{text}");
        assert!(text.chars().count() < 200, "short: {text}");
        assert!(sent[0].get("reply_parameters").is_none());
    }
    // In a group, a sticker is chatter.
    let group = TestChat::group(-6400, "Moon fans");
    bot.api.push_update(updates::sticker(&group, &alice, "👍"));
    let api = bot.finish().await;
    assert_eq!(api.sent_messages().len(), 3, "{:#?}", api.sent_messages());
    assert!(sent_to(&api, group.id).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_caption_is_read_as_the_question() {
    let bot = RunningBot::start(Story::Mini).await;
    let alice = TestUser::new(650, "Alice").lang("en");
    let caption = "How many books does the library hold?";
    bot.api.push_update(updates::photo(&TestChat::private(&alice), &alice, Some(caption)));
    let expected = bot.expected(caption, Some("en"));
    let sent = wait_sent_to(&bot.api, alice.id, expected.texts.len()).await;
    expected.assert_sent(&sent, alice.id, None);
    bot.finish().await;
}
