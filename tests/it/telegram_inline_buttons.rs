//! End-to-end tests of inline mode and buttons against the fake Bot API: an inline
//! query is answered with at most five articles (the top questions when it is
//! empty); a pressed button is always acknowledged, then answered with the entry or
//! the topic it names, and an unknown button gets a notice and nothing else.

use crate::support::fake_bot_api::{TestChat, TestUser, updates};
use crate::telegram_harness::{Expected, RunningBot, Story, T, wait_sent_to};
use serde_json::Value;
use storybot::lang::Lang;
use storybot::reply;

/// The results of the one answerInlineQuery call for `query_id`.
async fn inline_results(bot: &RunningBot, query_id: &str) -> Vec<Value> {
    let calls = bot.api.wait_for("answerInlineQuery", 1, T).await;
    let call = calls.iter().find(|c| c.params["inline_query_id"] == query_id).expect("the query answered");
    assert!(call.ok(), "{:?}", call.response);
    call.params["results"].as_array().cloned().unwrap_or_default()
}

fn query_id(update: &Value) -> String {
    update["inline_query"]["id"].as_str().unwrap().to_string()
}

fn entry_index(bot: &RunningBot, id: &str) -> usize {
    bot.engine.story.entries.iter().position(|e| e.id == id).unwrap_or_else(|| panic!("no entry {id}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inline_query_offers_the_best_answers_as_articles() {
    let bot = RunningBot::start(Story::Shipped).await;
    let alice = TestUser::new(701, "Alice").lang("en");
    let update = updates::inline_query(&alice, "how many men could be called up", "");
    let id = query_id(&update);
    bot.api.push_update(update);
    let results = inline_results(&bot, &id).await;
    assert!((1..=5).contains(&results.len()), "{results:#?}");
    let story = &bot.engine.story;
    let best = entry_index(&bot, results[0]["id"].as_str().unwrap());
    let entry = &story.entries[best];
    assert!(entry.answer.en.contains("300,000"), "best first: {}", entry.id);
    for r in &results {
        let i = entry_index(&bot, r["id"].as_str().unwrap());
        let e = &story.entries[i];
        assert_eq!(r["type"], "article");
        assert_eq!(r["title"], reply::entry_label(e, Lang::En));
        let description = r["description"].as_str().unwrap();
        assert!(!description.is_empty() && e.answer.en.starts_with(description));
        let content = &r["input_message_content"];
        assert_eq!(content["parse_mode"], "HTML");
        let html = reply::html_messages(&reply::answer(story, i, Lang::En, &[])).join("\n\n");
        assert_eq!(content["message_text"], html.as_str());
    }
    let api = bot.finish().await;
    assert_eq!(api.calls("answerInlineQuery").len(), 1);
    assert!(api.sent_messages().is_empty(), "inline mode sends nothing itself");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_inline_query_offers_the_top_questions() {
    let bot = RunningBot::start(Story::Shipped).await;
    let alice = TestUser::new(702, "Alice").lang("en");
    let update = updates::inline_query(&alice, "", "");
    let id = query_id(&update);
    bot.api.push_update(update);
    let results = inline_results(&bot, &id).await;
    let ids: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let starters: Vec<&str> =
        bot.engine.matcher.starters().into_iter().map(|i| bot.engine.story.entries[i].id.as_str()).collect();
    assert!(!ids.is_empty() && ids.len() <= 5);
    assert_eq!(ids, starters);
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inline_queries_in_russian_and_without_a_match() {
    let bot = RunningBot::start(Story::Mini).await;
    let ivan = TestUser::new(703, "Иван");
    let ru = updates::inline_query(&ivan, "Сколько книг в библиотеке?", "");
    let ru_id = query_id(&ru);
    bot.api.push_update(ru);
    let results = inline_results(&bot, &ru_id).await;
    assert_eq!(results[0]["id"], "book-count");
    assert_eq!(results[0]["title"], "Сколько книг в библиотеке?");
    assert_eq!(results[0]["description"], "В ней 4000 книг.");

    let alice = TestUser::new(704, "Alice").lang("en");
    let none = updates::inline_query(&alice, "zebra migration patterns", "");
    let none_id = query_id(&none);
    bot.api.push_update(none);
    bot.api.wait_for("answerInlineQuery", 2, T).await;
    let results = inline_results(&bot, &none_id).await;
    assert!(results.is_empty(), "no confident guess: {results:#?}");
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_button_is_acknowledged_and_answered() {
    let bot = RunningBot::start(Story::Mini).await;
    let alice = TestUser::new(711, "Alice").lang("en");
    let chat = TestChat::private(&alice);
    let under = bot.api.bot_message(&chat, "Did you mean:");
    let press = updates::callback_query(&alice, &under, "a:book-count");
    let press_id = press["callback_query"]["id"].as_str().unwrap().to_string();
    bot.api.push_update(press);

    let acks = bot.api.wait_for("answerCallbackQuery", 1, T).await;
    assert_eq!(acks[0].params["callback_query_id"], press_id.as_str());
    assert!(acks[0].ok());
    assert!(acks[0].params.get("text").is_none(), "no notice: {:?}", acks[0].params);
    let story = &bot.engine.story;
    let i = entry_index(&bot, "book-count");
    let related = vec![entry_index(&bot, "library-opened")];
    let expected = Expected::of(&reply::answer(story, i, Lang::En, &related));
    let sent = wait_sent_to(&bot.api, chat.id, expected.texts.len()).await;
    expected.assert_sent(&sent, chat.id, None);
    assert!(sent[0]["text"].as_str().unwrap().contains("4,000 books"));
    assert_eq!(expected.buttons, ["a:library-opened"]);
    let api = bot.finish().await;
    assert_eq!(api.calls("answerCallbackQuery").len(), 1);
    assert_eq!(api.sent_messages().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_topic_button_lists_the_topics_questions() {
    let bot = RunningBot::start(Story::Shipped).await;
    let ivan = TestUser::new(712, "Иван").lang("ru");
    let chat = TestChat::private(&ivan);
    let under = bot.api.bot_message(&chat, "Темы");
    bot.api.push_update(updates::callback_query(&ivan, &under, "t:1"));
    bot.api.wait_for("answerCallbackQuery", 1, T).await;
    let topic = reply::topic(&bot.engine.story, 1, Lang::Ru).expect("topic 1 exists");
    let expected = Expected::of(&topic);
    let sent = wait_sent_to(&bot.api, chat.id, expected.texts.len()).await;
    expected.assert_sent(&sent, chat.id, None);
    assert!(expected.buttons.len() >= 2 && expected.buttons.iter().all(|b| b.starts_with("a:")));
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_in_a_group_answers_there_as_a_reply_to_its_message() {
    let bot = RunningBot::start(Story::Mini).await;
    let group = TestChat::group(-7100, "Moon fans");
    let bob = TestUser::new(713, "Bob").lang("en");
    let under = bot.api.bot_message(&group, "Did you mean:");
    let under_id = under["message_id"].as_i64().unwrap();
    bot.api.push_update(updates::callback_query(&bob, &under, "a:library-opened"));
    let story = &bot.engine.story;
    let i = entry_index(&bot, "library-opened");
    let related = vec![entry_index(&bot, "book-count")];
    let expected = Expected::of(&reply::answer(story, i, Lang::En, &related));
    let sent = wait_sent_to(&bot.api, group.id, expected.texts.len()).await;
    expected.assert_sent(&sent, group.id, Some(under_id));
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_button_gets_a_notice_and_nothing_is_sent() {
    let bot = RunningBot::start(Story::Mini).await;
    let alice = TestUser::new(721, "Alice").lang("en");
    let chat = TestChat::private(&alice);
    let under = bot.api.bot_message(&chat, "Old buttons");
    let stale = ["a:no-such-entry", "t:99", "zz", "q:book-count", "a:", "t:x"];
    for data in stale {
        bot.api.push_update(updates::callback_query(&alice, &under, data));
    }
    let acks = bot.api.wait_for("answerCallbackQuery", stale.len(), T).await;
    for ack in &acks {
        assert!(ack.ok(), "{:?}", ack.response);
        let text = ack.params["text"].as_str().expect("a notice");
        assert!(text.contains("out of date"), "{text}");
    }
    let api = bot.finish().await;
    assert!(api.sent_messages().is_empty(), "{:#?}", api.sent_messages());
}
