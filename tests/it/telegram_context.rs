//! End-to-end tests of follow-ups and "Read in the article" against the fake Bot API:
//! a private chat's next message is read with its last answer; in a group, a reply to
//! the bot's answer is read with that answer, for the member who asked it only; a
//! context expires; every answer (and inline result) carries a URL button whose text
//! fragment finds its quote in the article.

use std::time::Duration;

use crate::support::fake_bot_api::{TestChat, TestUser, updates};
use crate::telegram_harness::{Expected, RunningBot, Story, T, engine, feedback, url_buttons, wait_sent_to};
use serde_json::Value;
use storybot::conversation::Context;
use storybot::engine::Engine;
use storybot::link;
use storybot::telegram::Options;

const WHO: &str = "Who is Alexei Tsydanov?";
const FOLLOW_UP: &str = "and what did he say?";

/// What the bot must send for `messages`, the last read in the context of the ones
/// before it (in one conversation).
fn expected_after(engine: &Engine, messages: &[&str]) -> Expected {
    let mut context: Option<Context> = None;
    let mut last = None;
    for m in messages {
        let response = engine.ask_in(m, Some("en"), context.as_ref());
        context = response.context.clone();
        last = Some(response.reply);
    }
    Expected::of(&last.expect("a message"))
}

/// The entry the follow-up is answered with, read in context: a check on the
/// knowledge that the test means what it says.
fn follow_up_differs_from_alone(engine: &Engine) -> (Expected, Expected) {
    let within = expected_after(engine, &[WHO, FOLLOW_UP]);
    let alone = expected_after(engine, &[FOLLOW_UP]);
    assert_eq!(within.feedback.as_deref(), Some("tsydanov-statement"));
    assert_ne!(within.texts, alone.texts, "the follow-up must read differently alone");
    (within, alone)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_follow_up_is_read_with_the_last_answer() {
    let bot = RunningBot::start(Story::Shipped).await;
    let (within, _) = follow_up_differs_from_alone(&bot.engine);
    let alice = TestUser::new(801, "Alice").lang("en");
    let chat = TestChat::private(&alice).id;
    bot.api.push_update(updates::private_text(&alice, WHO));
    wait_sent_to(&bot.api, chat, 1).await;
    bot.api.push_update(updates::private_text(&alice, FOLLOW_UP));
    let sent = wait_sent_to(&bot.api, chat, 2).await;
    within.assert_sent(&sent[1..], chat, None);
    // Another private chat has its own context: the same words stand alone there.
    let bob = TestUser::new(802, "Bob").lang("en");
    bot.api.push_update(updates::private_text(&bob, FOLLOW_UP));
    let theirs = wait_sent_to(&bot.api, TestChat::private(&bob).id, 1).await;
    expected_after(&bot.engine, &[FOLLOW_UP]).assert_sent(&theirs, bob.id, None);
    bot.finish().await;
}

/// The bot's answer (as Telegram returned it) to `asker`'s `/ask question` in `group`.
async fn answer_in_group(bot: &RunningBot, group: &TestChat, asker: &TestUser, question: &str) -> Value {
    let before = bot.api.calls("sendMessage").len();
    bot.api.push_update(updates::text(group, asker, &format!("/ask {question}")));
    let calls = bot.api.wait_for("sendMessage", before + 1, T).await;
    calls[before].result().expect("sent").clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_group_a_reply_to_the_bots_answer_is_read_with_it_for_its_asker_only() {
    let bot = RunningBot::start(Story::Shipped).await;
    let (within, alone) = follow_up_differs_from_alone(&bot.engine);
    let group = TestChat::supergroup(-1_002_000_000_801, "Readers");
    let alice = TestUser::new(811, "Alice").lang("en");
    let bob = TestUser::new(812, "Bob").lang("en");
    let answer = answer_in_group(&bot, &group, &alice, WHO).await;

    // Bob replies to Alice's answer: he never asked it, so his message stands alone.
    let bobs = updates::reply(&bob, &answer, FOLLOW_UP);
    let bobs_id = bobs["message"]["message_id"].as_i64();
    bot.api.push_update(bobs);
    let sent = wait_sent_to(&bot.api, group.id, 2).await;
    alone.assert_sent(&sent[1..], group.id, bobs_id);
    // Nor does a message that replies to nothing.
    bot.api.push_update(updates::text(&group, &alice, &format!("/ask {FOLLOW_UP}")));
    let sent = wait_sent_to(&bot.api, group.id, 3).await;
    assert_eq!(sent[2]["text"], alone.texts[0].as_str(), "a group message that replies to nothing");

    // Alice replies to her answer: read in its context.
    let hers = updates::reply(&alice, &answer, FOLLOW_UP);
    let hers_id = hers["message"]["message_id"].as_i64();
    bot.api.push_update(hers);
    let sent = wait_sent_to(&bot.api, group.id, 4).await;
    within.assert_sent(&sent[3..], group.id, hers_id);
    bot.finish().await;
}

/// After a decline, "tell me more" gets the decline again over Telegram too: the
/// context the bot keeps per chat remembers the decline, as the terminal chat's does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tell_me_more_after_a_decline_gets_the_decline_again() {
    const DECLINED: &str = "how many people have fled so far?";
    let bot = RunningBot::start(Story::Shipped).await;
    let expected = expected_after(&bot.engine, &[DECLINED, "tell me more"]);
    assert!(expected.texts[0].starts_with("That is all the article says"), "{:?}", expected.texts);
    assert_eq!(expected.feedback, None, "a decline votes on no entry");
    let carol = TestUser::new(803, "Carol").lang("en");
    let chat = TestChat::private(&carol).id;
    bot.api.push_update(updates::private_text(&carol, DECLINED));
    wait_sent_to(&bot.api, chat, 1).await;
    bot.api.push_update(updates::private_text(&carol, "tell me more"));
    let sent = wait_sent_to(&bot.api, chat, 2).await;
    expected.assert_sent(&sent[1..], chat, None);
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_context_expires() {
    let api = crate::support::fake_bot_api::FakeBotApi::start_with(crate::telegram_harness::config()).await;
    // Every context expires at once: the follow-up comes "too late".
    let bot = RunningBot::spawn_with(api, engine(Story::Shipped), |options| Options {
        context_ttl: Duration::ZERO,
        flood: storybot::telegram::FloodLimits::none(),
        ..options
    });
    bot.ready().await;
    let (_, alone) = follow_up_differs_from_alone(&bot.engine);
    let alice = TestUser::new(821, "Alice").lang("en");
    let chat = TestChat::private(&alice).id;
    bot.api.push_update(updates::private_text(&alice, WHO));
    wait_sent_to(&bot.api, chat, 1).await;
    bot.api.push_update(updates::private_text(&alice, FOLLOW_UP));
    let sent = wait_sent_to(&bot.api, chat, 2).await;
    alone.assert_sent(&sent[1..], chat, None);
    bot.finish().await;
}

/// Asserts `url` is the story's with a text fragment that a browser follows to
/// `quote` in the article.
fn assert_links_to(engine: &Engine, url: &str, quote: &str) {
    let story = &engine.story;
    assert!(url.starts_with(&format!("{}#:~:text=", story.meta.url)), "{url}");
    let found = link::find_fragment(&story.article, url).unwrap_or_else(|| panic!("{url} finds nothing"));
    assert_eq!(Some(found), link::quote_range(&story.article, quote), "{url}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_has_a_url_button_to_its_quote_in_the_article() {
    let bot = RunningBot::start(Story::Shipped).await;
    let story = &bot.engine.story;
    let asked = [
        (831, "en", "What did Governor Tsydanov say?", "Read in the article"),
        (832, "ru", "Что сказал губернатор Цыданов?", "Читать в статье"),
    ];
    for (id, lang, question, label) in asked {
        let user = TestUser::new(id, "Reader").lang(lang);
        let chat = TestChat::private(&user).id;
        bot.api.push_update(updates::private_text(&user, question));
        let sent = wait_sent_to(&bot.api, chat, 1).await;
        let last = sent.last().unwrap();
        let answered = feedback(last).expect("an answer");
        let entry = story.entries.iter().find(|e| e.id == answered).unwrap();
        let buttons = url_buttons(last);
        assert_eq!(buttons.len(), 1, "{sent:#?}");
        assert_eq!(buttons[0].0, label);
        assert_links_to(&bot.engine, &buttons[0].1, &entry.quotes[0]);
    }
    // Inline results carry it too.
    let alice = TestUser::new(833, "Alice").lang("en");
    bot.api.push_update(updates::inline_query(&alice, "what did governor tsydanov say", ""));
    let calls = bot.api.wait_for("answerInlineQuery", 1, T).await;
    let results = calls[0].params["results"].as_array().cloned().unwrap_or_default();
    assert!(!results.is_empty());
    for r in &results {
        let entry = story.entries.iter().find(|e| e.id == r["id"].as_str().unwrap()).unwrap();
        let buttons = url_buttons(r);
        assert_eq!(buttons.len(), 1, "{r}");
        assert_links_to(&bot.engine, &buttons[0].1, &entry.quotes[0]);
    }
    bot.finish().await;
}
