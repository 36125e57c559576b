//! What people asked, recorded through the running bot (against the fake Bot API):
//! outcomes by chat kind with no user id, chat id or name anywhere in the file; the
//! words only of declined questions; 👍/👎 counted once per person and message;
//! `/stats` for admins only.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::support::fake_bot_api::{FakeBotApi, TestChat, TestUser, updates};
use crate::telegram_harness::{
    Story, T, config, engine, eventually, feedback, no_flood_limits, settings, wait_sent_to,
};
use rusqlite::types::Value as Sql;
use storybot::config::Admins;
use storybot::live::LiveEngine;
use storybot::record::{Store, open_read};
use storybot::telegram::{Options, serve};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const ADMIN: i64 = 5_550_001;

/// The bot on the mini story, recording into a fresh database.
struct Recording {
    api: FakeBotApi,
    store: Option<Store>,
    path: PathBuf,
    _dir: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<anyhow::Result<()>>>,
}

impl Recording {
    async fn start() -> Recording {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/storybot.sqlite3");
        let store = Store::open(&path, 90).unwrap();
        let api = FakeBotApi::start_with(config()).await;
        let options = Options {
            admins: Admins::new(vec![ADMIN]),
            flood: no_flood_limits(),
            recorder: store.recorder(),
            ..Options::new(settings(&api), Arc::new(LiveEngine::from_arc(engine(Story::Mini))))
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(options, async move {
            let _ = stopped.await;
        }));
        api.wait_for_poll(T).await;
        Recording { api, store: Some(store), path, _dir: dir, stop: Some(stop), task: Some(task) }
    }

    /// Stops the bot, then the store: everything recorded is in the file after this.
    async fn finish(&mut self) {
        let api = &self.api;
        eventually("every update taken", T, || api.pending_updates().is_empty()).await;
        let _ = self.stop.take().unwrap().send(());
        tokio::time::timeout(T, self.task.take().unwrap()).await.unwrap().unwrap().unwrap();
        self.store.take().unwrap().close();
        self.api.assert_no_violations();
    }
}

/// Every row of `table`, every column as an SQL value.
fn rows(path: &Path, table: &str) -> Vec<Vec<Sql>> {
    let conn = open_read(path).unwrap();
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| (0..n).map(|i| r.get::<_, Sql>(i)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn text(v: &Sql) -> Option<&str> {
    match v {
        Sql::Text(s) => Some(s),
        _ => None,
    }
}

/// (chat, outcome, entry, question) of every recorded question, in order.
fn questions(path: &Path) -> Vec<(String, String, Option<String>, Option<String>)> {
    let conn = open_read(path).unwrap();
    let mut stmt =
        conn.prepare("SELECT chat, outcome, entry, question FROM questions ORDER BY rowid").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_are_recorded_without_anyone_who_asked() {
    let mut bot = Recording::start().await;
    let zeb = TestUser::new(987_654_321, "Zebulon").username("zeb_the_asker").lang("en");
    let group = TestChat::group(-4_242_424_242, "Moonwatchers");
    let api = &bot.api;

    api.push_update(updates::private_text(&zeb, "how many books does the library hold?"));
    wait_sent_to(api, zeb.id, 1).await;
    api.push_update(updates::private_text(&zeb, "best pizza dough recipe, Zebulon?"));
    wait_sent_to(api, zeb.id, 2).await;
    api.push_update(updates::private_text(&zeb, "hello"));
    wait_sent_to(api, zeb.id, 3).await;
    api.push_update(updates::text(&group, &zeb, "/ask what did the library cost?"));
    wait_sent_to(api, group.id, 1).await;
    let under = api.bot_message(&TestChat::private(&zeb), "Did you mean:");
    api.push_update(updates::callback_query(&zeb, &under, "a:library-opened"));
    wait_sent_to(api, zeb.id, 4).await;
    api.push_update(updates::inline_query(&zeb, "how many books", ""));
    api.wait_for("answerInlineQuery", 1, T).await;
    // Commands are not questions: nothing recorded.
    api.push_update(updates::private_text(&zeb, "/help"));
    wait_sent_to(api, zeb.id, 5).await;
    bot.finish().await;

    let recorded = questions(&bot.path);
    let row = |chat: &str, outcome: &str, entry: Option<&str>, q: Option<&str>| {
        (chat.to_string(), outcome.to_string(), entry.map(str::to_string), q.map(str::to_string))
    };
    assert_eq!(
        recorded,
        [
            row("private", "answered", Some("book-count"), None),
            row("private", "declined", None, Some("best pizza dough recipe, Zebulon?")),
            row("private", "smalltalk", None, None),
            row("group", "declined", None, Some("what did the library cost?")),
            row("button", "answered", Some("library-opened"), None),
            row("inline", "answered", Some("book-count"), None),
        ]
    );

    // Who asked and where is nowhere: no such column, no such value.
    let conn = open_read(&bot.path).unwrap();
    let mut columns = Vec::new();
    for table in ["questions", "votes"] {
        let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')")).unwrap();
        columns.extend(stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap));
    }
    assert_eq!(
        columns,
        ["at", "chat", "lang", "outcome", "entry", "gap", "score", "question", "at", "entry", "vote"]
    );
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for table in &tables {
        for value in rows(&bot.path, table).iter().flatten() {
            let ids = [zeb.id, group.id];
            if let Sql::Integer(n) = value {
                assert!(!ids.contains(n), "{table} holds an id: {n}");
            }
            if let Some(t) = text(value) {
                for id in ids {
                    assert!(!t.contains(&id.to_string()), "{table} holds an id: {t}");
                }
                assert!(!t.contains("zeb_the_asker") && !t.contains("Moonwatchers"), "{t}");
            }
        }
    }
    // Not even in the file's bytes (the name in a declined question is the asker's
    // own words, so the username and the group's title stand for identity here).
    drop(conn);
    for file in std::fs::read_dir(bot.path.parent().unwrap()).unwrap() {
        let bytes = std::fs::read(file.unwrap().path()).unwrap();
        for needle in ["zeb_the_asker", "Moonwatchers", &zeb.id.to_string(), &group.id.to_string()] {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} in the file");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_buttons_record_one_vote_per_person_and_message() {
    let mut bot = Recording::start().await;
    let ann = TestUser::new(31_001, "Ann").lang("en");
    let api = &bot.api;
    api.push_update(updates::private_text(&ann, "how many books does the library hold?"));
    let sent = wait_sent_to(api, ann.id, 1).await;
    assert_eq!(feedback(&sent[0]).as_deref(), Some("book-count"), "👍/👎 under the answer");
    // A decline has no 👍/👎 to press.
    api.push_update(updates::private_text(&ann, "best pizza dough recipe?"));
    let sent = wait_sent_to(api, ann.id, 2).await;
    assert_eq!(feedback(&sent[1]), None);

    let chat = TestChat::private(&ann);
    let first = api.bot_message(&chat, "It holds 4,000 books.");
    let second = api.bot_message(&chat, "It holds 4,000 books.");
    api.push_update(updates::callback_query(&ann, &first, "f:-:book-count"));
    api.push_update(updates::callback_query(&ann, &first, "f:-:book-count")); // a double tap
    api.push_update(updates::callback_query(&ann, &second, "f:+:book-count"));
    let ben = TestUser::new(31_002, "Бен").lang("ru");
    api.push_update(updates::callback_query(&ben, &first, "f:-:library-opened"));
    let acks = api.wait_for("answerCallbackQuery", 4, T).await;
    let thanks: Vec<&str> = acks.iter().map(|a| a.params["text"].as_str().unwrap()).collect();
    assert_eq!(thanks, ["Thanks!", "Thanks!", "Thanks!", "Спасибо!"]);
    bot.finish().await;
    assert_eq!(bot.api.sent_messages().len(), 2, "a vote sends nothing");

    let conn = open_read(&bot.path).unwrap();
    let mut stmt = conn.prepare("SELECT entry, vote FROM votes ORDER BY rowid").unwrap();
    let votes: Vec<(String, i64)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(
        votes,
        [("book-count".to_string(), -1), ("book-count".to_string(), 1), ("library-opened".to_string(), -1)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_are_for_admins_only() {
    let mut bot = Recording::start().await;
    let api = &bot.api;
    let eve = TestUser::new(32_001, "Eve").lang("en");
    for q in ["How much are draftees paid?", "how much are the draftees paid", "best pizza dough recipe?"] {
        let n = api.sent_messages().len();
        api.push_update(updates::private_text(&eve, q));
        api.wait_for_sent(n + 1, T).await;
    }
    // A stranger gets exactly what an unknown command gets.
    api.push_update(updates::private_text(&eve, "/stats"));
    api.push_update(updates::private_text(&eve, "/nosuchcommand"));
    let sent = wait_sent_to(api, eve.id, 5).await;
    assert_eq!(sent[3]["text"], sent[4]["text"]);
    assert_eq!(sent[3].get("reply_markup"), sent[4].get("reply_markup"));

    let admin = TestUser::new(ADMIN, "Root").lang("en");
    let store = bot.store.as_ref().unwrap();
    let path = store.path().to_path_buf();
    eventually("the questions are written", T, || questions(&path).len() == 3).await;
    api.push_update(updates::private_text(&admin, "/stats"));
    let sent = wait_sent_to(api, admin.id, 1).await;
    let text = sent[0]["text"].as_str().unwrap();
    assert_eq!(
        text,
        "Last 7 days: 3 questions.\nanswered 0 · clarified 0 · declined 3 · small talk 0\n\
         Declined most often:\n2× how much are the draftees paid\n1× best pizza dough recipe?"
    );
    // In a group even an admin's /stats stays private.
    let group = TestChat::group(-4_001, "Team");
    api.push_update(updates::text(&group, &admin, "/stats@storybot"));
    let sent = wait_sent_to(api, group.id, 1).await;
    assert!(!sent[0]["text"].as_str().unwrap().contains("pizza"), "{}", sent[0]["text"]);
    bot.finish().await;
}
