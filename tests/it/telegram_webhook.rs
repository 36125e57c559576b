//! Webhook mode end to end: the real bot (`storybot::telegram::serve` with
//! `Listener::Webhook`) against the fake Bot API. The bot binds its listen address,
//! calls `setWebhook` with the URL and the secret, and answers updates POSTed to it
//! with the secret in `X-Telegram-Bot-Api-Secret-Token` (the fake server does not
//! deliver webhooks itself: the test plays Telegram's side). A request without the
//! secret, or with any other value, gets 401 and is never processed.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::support::fake_bot_api::{FakeBotApi, TestChat, TestUser, updates};
use crate::telegram_harness::{
    Expected, RunningBot, Story, T, config, engine, no_flood_limits, sent_to, settings, wait_sent_to,
};
use serde_json::{Value, json};
use storybot::config::{TelegramSettings, WebhookSettings};
use storybot::live::LiveEngine;
use storybot::telegram::{Listener, Options, SECRET_HEADER, serve};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const SECRET: &str = "w3bh00k_Secret-for-tests";
const URL: &str = "https://bot.example.com/telegram/hook";
const PATH: &str = "/telegram/hook";
const QUESTION: &str = "How many books does the library hold?";

/// A free port on 127.0.0.1 (bound and released; the bot binds it next).
fn free_addr() -> SocketAddr {
    let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    socket.local_addr().unwrap()
}

fn webhook(listen: SocketAddr) -> WebhookSettings {
    WebhookSettings::parse(Some(URL), Some(&listen.to_string()), Some(SECRET))
        .expect("valid settings")
        .expect("webhook mode")
}

/// The options of a bot in webhook mode on `listen`, with the mini story.
fn hooked(settings: TelegramSettings, listen: SocketAddr) -> Options {
    Options {
        listener: Listener::Webhook(webhook(listen)),
        flood: no_flood_limits(),
        ..Options::new(settings, Arc::new(LiveEngine::from_arc(engine(Story::Mini))))
    }
}

/// The bot in webhook mode on a free port, serving `api`.
struct HookBot {
    api: FakeBotApi,
    listen: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<anyhow::Result<()>>>,
}

impl HookBot {
    fn spawn(api: FakeBotApi) -> HookBot {
        let listen = free_addr();
        let options = hooked(settings(&api), listen);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(options, async {
            let _ = stopped.await;
        }));
        HookBot { api, listen, stop: Some(stop), task: Some(task) }
    }

    /// Starts the fake server and the bot; returns once the webhook is set (the bot
    /// binds its address before that, so it accepts requests from then on).
    async fn start() -> HookBot {
        let bot = Self::spawn(FakeBotApi::start_with(config()).await);
        bot.api.wait_for("setWebhook", 1, T).await;
        bot
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.listen)
    }

    /// POSTs `update` (JSON) to `path` with `secret` in the header (none: no header);
    /// returns the HTTP status. The fake server learns the update's chat first, as
    /// Telegram knows the chats it delivers updates from.
    async fn post(&self, path: &str, secret: Option<&str>, update: &Value) -> u16 {
        if update["message"].is_object() {
            self.api.remember_message(&update["message"]);
        }
        post(&self.url(path), secret, update.to_string()).await.expect("the bot's webhook server answers")
    }

    /// Stops the bot and waits for `serve_with` to return (Ok) within `T`.
    async fn finish(mut self) -> FakeBotApi {
        let _ = self.stop.take().unwrap().send(());
        let task = self.task.take().unwrap();
        match tokio::time::timeout(T, task).await {
            Ok(Ok(Ok(()))) => {}
            Ok(Ok(Err(e))) => panic!("serve_with returned an error: {e:#}"),
            Ok(Err(e)) => panic!("serve_with panicked: {e}"),
            Err(_) => panic!("serve_with did not return within {T:?} of the stop"),
        }
        self.api.assert_no_violations();
        self.api
    }
}

/// One HTTP POST with a JSON body; the status, or the connection error.
async fn post(url: &str, secret: Option<&str>, body: String) -> Result<u16, String> {
    let client = teloxide::net::default_reqwest_settings().build().expect("reqwest client");
    let mut request = client.post(url).header("content-type", "application/json").body(body);
    if let Some(secret) = secret {
        request = request.header(SECRET_HEADER, secret);
    }
    match request.send().await {
        Ok(response) => Ok(response.status().as_u16()),
        Err(e) => Err(e.to_string()),
    }
}

/// An update as Telegram would POST it: with an update_id.
fn numbered(mut update: Value, id: i64) -> Value {
    update["update_id"] = json!(id);
    update
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn set_webhook_carries_the_url_and_secret_and_posted_updates_are_answered() {
    let bot = HookBot::start().await;
    let set = bot.api.calls("setWebhook");
    assert_eq!(set.len(), 1);
    assert!(set[0].ok(), "{:?}", set[0].response);
    assert_eq!(set[0].params["url"], URL);
    assert_eq!(set[0].params["secret_token"], SECRET);

    let alice = TestUser::new(9001, "Alice").lang("en");
    let status = bot.post(PATH, Some(SECRET), &numbered(updates::private_text(&alice, QUESTION), 1)).await;
    assert_eq!(status, 200);
    let sent = wait_sent_to(&bot.api, alice.id, 1).await;
    let engine = engine(Story::Mini);
    Expected::of(&engine.respond(QUESTION, Some("en")).reply).assert_sent(&sent, alice.id, None);

    // In a group: answered as a reply to the asker's message, like with polling.
    let group = TestChat::group(-9100, "Readers");
    let ask = numbered(updates::text(&group, &alice, &format!("/ask@storybot {QUESTION}")), 2);
    assert_eq!(bot.post(PATH, Some(SECRET), &ask).await, 200);
    let sent = wait_sent_to(&bot.api, group.id, 1).await;
    let asked = ask["message"]["message_id"].as_i64();
    Expected::of(&engine.respond(QUESTION, Some("en")).reply).assert_sent(&sent, group.id, asked);

    let api = bot.finish().await;
    assert!(api.calls("getUpdates").is_empty(), "a webhook bot never polls");
    // Replicas behind one URL come and go: stopping one must not unset the webhook.
    assert!(api.calls("deleteWebhook").is_empty(), "the webhook stays set at exit");
    assert_eq!(api.sent_messages().len(), 2, "each update answered once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_without_the_right_secret_get_401_and_are_never_processed() {
    let bot = HookBot::start().await;
    let mut refused = Vec::new();
    let long = "a".repeat(300);
    let cases: [(Option<&str>, &str); 7] = [
        (None, "no header"),
        (Some("wrong-secret"), "another secret"),
        (Some(&SECRET[..SECRET.len() - 1]), "the secret less its last character"),
        (Some("W3BH00K_SECRET-FOR-TESTS"), "the secret in another case"),
        // teloxide alone answers 400 to these three (not a possible secret).
        (Some(""), "an empty header"),
        (Some("w3bh00k Secret for tests"), "characters a secret cannot have"),
        (Some(&long), "a header longer than any secret"),
    ];
    for (i, (secret, what)) in cases.into_iter().enumerate() {
        let user = TestUser::new(9200 + i as i64, "Mallory").lang("en");
        let update = numbered(updates::private_text(&user, QUESTION), 100 + i as i64);
        assert_eq!(bot.post(PATH, secret, &update).await, 401, "{what}");
        refused.push(user.id);
    }
    // The right secret on another path: not the webhook's (and never processed).
    let stray = TestUser::new(9290, "Stray").lang("en");
    let update = numbered(updates::private_text(&stray, QUESTION), 190);
    assert_eq!(bot.post("/other", Some(SECRET), &update).await, 404);
    refused.push(stray.id);

    // The bot still answers the real Telegram.
    let alice = TestUser::new(9299, "Alice").lang("en");
    let update = numbered(updates::private_text(&alice, QUESTION), 199);
    assert_eq!(bot.post(PATH, Some(SECRET), &update).await, 200);
    wait_sent_to(&bot.api, alice.id, 1).await;
    let api = bot.finish().await;
    for id in refused {
        assert!(sent_to(&api, id).is_empty(), "user {id}'s refused update was answered");
    }
    assert_eq!(api.calls("sendMessage").len(), 1, "only the update with the secret was processed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_stop_the_webhook_server_is_gone() {
    let bot = HookBot::start().await;
    let url = bot.url(PATH);
    let api = bot.finish().await;
    let alice = TestUser::new(9301, "Alice").lang("en");
    let body = numbered(updates::private_text(&alice, QUESTION), 1).to_string();
    assert!(post(&url, Some(SECRET), body).await.is_err(), "nothing listens after the stop");
    assert!(api.calls("sendMessage").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn set_webhook_is_retried_until_telegram_comes_up() {
    let api = FakeBotApi::reserve(config()).await;
    let bot = HookBot::spawn(api);
    tokio::time::sleep(Duration::from_millis(300)).await; // "Telegram" is down
    bot.api.restart().await;
    bot.api.wait_for("setWebhook", 1, T).await;
    let alice = TestUser::new(9401, "Alice").lang("en");
    let status = bot.post(PATH, Some(SECRET), &numbered(updates::private_text(&alice, QUESTION), 1)).await;
    assert_eq!(status, 200);
    wait_sent_to(&bot.api, alice.id, 1).await;
    bot.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_listen_address_is_a_clear_error_at_start() {
    let api = FakeBotApi::start_with(config()).await;
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let served = tokio::time::timeout(T, serve(hooked(settings(&api), addr), async {}))
        .await
        .expect("returns at once");
    let error = format!("{:#}", served.expect_err("the port is taken"));
    assert!(error.contains("cannot listen") && error.contains(&addr.to_string()), "{error}");
    assert!(!error.contains(SECRET) && !error.contains(api.token()), "{error}");
    assert!(api.all_calls().is_empty(), "nothing is sent to Telegram before the port is bound");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_webhook_asks_for_the_update_kinds_polling_asks_for() {
    // Polling's list is computed by teloxide from the handler tree; the webhook's is
    // written out, so this keeps the two in step when a handler is added.
    let polling = RunningBot::start(Story::Mini).await;
    let polls = polling.api.calls("getUpdates");
    let polled = polls[0].params["allowed_updates"].clone();
    polling.finish().await;
    let hook = HookBot::start().await;
    let set = hook.api.calls("setWebhook")[0].params["allowed_updates"].clone();
    hook.finish().await;
    let sorted = |v: &Value| {
        let mut kinds: Vec<String> =
            v.as_array().expect("a list").iter().map(|k| k.as_str().unwrap().to_string()).collect();
        kinds.sort();
        kinds
    };
    assert_eq!(sorted(&set), sorted(&polled));
}

// ---- the command line -----------------------------------------------------------

/// `storybot run ARGS` with only `vars` set (and no `.env`: run in a temp folder);
/// returns (exit code, stderr). Every case here fails before connecting.
fn run_cli(args: &[&str], vars: &[(&str, &str)]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_storybot"));
    command
        .arg("run")
        .args(args)
        .current_dir(dir.path())
        .env_clear()
        .env("STORYBOT_KNOWLEDGE", knowledge)
        .stdin(std::process::Stdio::null());
    for (name, value) in vars {
        command.env(name, value);
    }
    let out = command.output().expect("run storybot");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

const TOKEN: &str = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";

#[test]
fn webhook_settings_are_checked_at_start_with_clear_errors_and_no_secrets() {
    let token = ("TELOXIDE_TOKEN", TOKEN);
    let (code, err) = run_cli(&["--webhook-url", URL], &[token]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("STORYBOT_WEBHOOK_SECRET"), "{err}");

    let leaky = "my secret has spaces";
    let (code, err) = run_cli(&["--webhook-url", URL], &[token, ("STORYBOT_WEBHOOK_SECRET", leaky)]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("STORYBOT_WEBHOOK_SECRET") && !err.contains("spaces"), "{err}");

    let secret = ("STORYBOT_WEBHOOK_SECRET", SECRET);
    let (code, err) = run_cli(&["--webhook-url", "http://bot.example.com/hook"], &[token, secret]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("https"), "{err}");

    let (code, err) =
        run_cli(&[], &[token, secret, ("STORYBOT_WEBHOOK_URL", URL), ("STORYBOT_LISTEN", "nowhere")]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("\"nowhere\"") && err.contains("STORYBOT_LISTEN"), "{err}");

    let (code, err) = run_cli(&["--listen", "0.0.0.0:8443"], &[token, secret]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--webhook-url"), "{err}");

    // A token of the wrong shape is refused before anything else, and not echoed.
    let (code, err) = run_cli(&["--webhook-url", URL], &[("TELOXIDE_TOKEN", "123:not-a-token-Zyx"), secret]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("TELOXIDE_TOKEN") && !err.contains("not-a-token-Zyx"), "{err}");
    // Whatever is wrong, neither the token nor the secret is printed.
    let (code, err) = run_cli(&["--webhook-url", URL], &[token, secret, ("STORYBOT_LISTEN", "x")]);
    assert_eq!(code, Some(2), "{err}");
    assert!(!err.contains(SECRET) && !err.contains(&TOKEN[10..]), "{err}");
}

#[test]
fn every_bad_setting_exits_2_before_anything_runs_and_all_are_named_at_once() {
    let bad = [
        ("TELOXIDE_TOKEN", TOKEN),
        ("STORYBOT_ADMINS", "12, bob"),
        ("STORYBOT_RETENTION_DAYS", "0"),
        ("STORYBOT_INLINE_IN_FLIGHT", "lots"),
    ];
    let (code, err) = run_cli(&[], &bad);
    assert_eq!(code, Some(2), "{err}");
    for named in ["\"bob\"", "STORYBOT_RETENTION_DAYS", "STORYBOT_INLINE_IN_FLIGHT"] {
        assert!(err.contains(named), "{named} in: {err}");
    }
    assert_eq!(err.lines().count(), 3, "one line per problem: {err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_in_webhook_mode_is_an_error_without_the_token_or_secret() {
    let api = FakeBotApi::start_with(config()).await;
    let mut wrong = settings(&api);
    wrong.token = storybot::config::Token::parse(TOKEN).unwrap(); // not the fake's: 401
    let served = tokio::time::timeout(T, serve(hooked(wrong.clone(), free_addr()), std::future::pending()))
        .await
        .expect("a rejected token stops the bot at once");
    let error = served.expect_err("the fake refuses this token");
    let error = format!("{error:#} {error:?}");
    assert!(error.contains("rejected the token"), "{error}");
    let (_, secret_part) = TOKEN.split_once(':').unwrap();
    assert!(!error.contains(secret_part) && !error.contains(SECRET), "{error}");
    let shown = format!("{wrong:?}");
    assert!(!shown.contains(secret_part), "{shown}");
    assert!(api.calls("setWebhook").is_empty(), "no webhook for a rejected token");
}
