//! Soak: 100,000 updates from 5,000 simulated users through the fake Bot API, with
//! flood control active, against the real `storybot run` binary in a child process
//! (so its memory, read from `/proc/PID/status`, is the bot's alone: the fake server
//! in this process keeps every update and call it saw).
//!
//! Run it (a few minutes; `--release` for realistic figures):
//!
//! ```sh
//! cargo test --release --test it soak -- --ignored --nocapture
//! ```
//!
//! The bot runs as shipped: Telegram's limits on sending (about 30 messages a second
//! overall, one a second per chat) and the default flood limits (a private reader's
//! bucket holds 10 questions, a group's 5). Sending is the bottleneck (100,000 answers
//! would take an hour at 30 a second), so most updates need no answer, as in a real
//! busy bot: group chatter that does not address the bot, and flood excess. The
//! updates:
//!
//! 1. flood: 10 users each send 30 private questions at once (each: at least 10
//!    answered in order, then one "slow down" notice, the rest dropped; the bucket
//!    refills while the answers go out one a second), and 5 groups each get
//!    `/ask@storybot` from 20 members at once (each: at least 5 answered, a notice
//!    replying to the first ask left unanswered, the rest dropped) — 400 updates;
//! 2. four equal rounds of 24,900 updates each: 600 new users ask one private
//!    question, among 24,300 chatter messages in 100 groups from all 5,000 users.
//!
//! Checked: every reply is exactly what the engine renders, sent once, to the right
//! chat (as a reply to the right message in groups); the flood's notices and drops are
//! exactly as the limits say; chatter gets nothing; no call fails or breaks the spec;
//! the bot exits 0 on SIGTERM; and its resident memory after the last round is
//! within a margin of that after the second (memory stays flat as updates keep
//! coming: it follows how many chats are active at once, not how many came).
//!
//! The fast test here (not ignored) shows flood control's memory staying bounded: a
//! `Flood` fed 100,000 distinct users within a simulated hour tracks at most ~10,000.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::support::fake_bot_api::{FakeBotApi, TestChat, TestUser, updates};
use crate::telegram_harness::{Expected, config};
use governor::clock::FakeRelativeClock;
use serde_json::Value;
use storybot::engine::Engine;
use storybot::telegram::{Flood, FloodLimits, Verdict};

const USERS: i64 = 5_000;
const FIRST_USER: i64 = 1_000_001;
/// Few enough floods at once that each is read at about a message a second: flood
/// control counts a message when its chat's turn comes, so a flood among many busy
/// chats (all sharing Telegram's 30 a second) is read slower than its bucket refills.
const FLOODERS: i64 = 10;
const FLOOD_MESSAGES: usize = 30;
const ASK_GROUPS: i64 = 5;
const ASKS_PER_GROUP: i64 = 20;
const ROUNDS: i64 = 4;
const ROUND_ASKERS: i64 = 600;
const ROUND_UPDATES: usize = 24_900;
const CHATTER_GROUPS: i64 = 100;
/// The default flood limits' bursts (`FloodLimits::default()`), which `storybot run`
/// uses: at least this many are answered before the notice.
const PRIVATE_BURST: usize = 10;
const GROUP_BURST: usize = 5;

const QUESTIONS: [&str; 12] = [
    "How many men could be called up?",
    "Where are Russian men fleeing to?",
    "What did Putin order?",
    "How long were the lines at the Georgian border?",
    "Are flights out of Russia sold out?",
    "How much are draftees paid?",
    "Who reported this?",
    "When was this published?",
    "Сколько человек могут призвать?",
    "Куда уезжают мужчины?",
    "what about Finland?",
    "thanks!",
];

fn user(n: i64) -> TestUser {
    TestUser::new(FIRST_USER + n, &format!("User{n}")).lang("en")
}

/// Resident memory of `pid` in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc/PID/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .expect("VmRSS")
}

/// A copy of the shipped knowledge, so an edit to `knowledge/` during the soak does
/// not reload the bot under it.
fn knowledge_copy(into: &Path) -> std::path::PathBuf {
    let dir = into.join("knowledge");
    std::fs::create_dir_all(&dir).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    for file in std::fs::read_dir(&shipped).unwrap() {
        let file = file.unwrap();
        if file.file_type().unwrap().is_file() {
            std::fs::copy(file.path(), dir.join(file.file_name())).unwrap();
        }
    }
    dir
}

/// `storybot run` against `api`, in `work` (no `.env` there), logging to a file.
fn spawn_bot(api: &FakeBotApi, work: &Path, knowledge: &Path) -> Child {
    let log = std::fs::File::create(work.join("bot.log")).unwrap();
    Command::new(env!("CARGO_BIN_EXE_storybot"))
        .arg("run")
        .current_dir(work)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TELOXIDE_TOKEN", api.token())
        .env("TELOXIDE_API_URL", api.url())
        .env("STORYBOT_KNOWLEDGE", knowledge)
        .env("STORYBOT_DATA", work.join("data/storybot.sqlite3"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("start target/.../storybot")
}

/// What one chat must receive, in order.
#[derive(Default)]
struct Want {
    /// (texts of one reply, the message it replies to in a group).
    replies: Vec<(Expected, Option<i64>)>,
    /// A flooded chat: at least this many of `replies` (in order), then one notice
    /// replying to the next one's message (groups), then nothing.
    flooded: Option<usize>,
}

struct Soak {
    api: FakeBotApi,
    engine: Arc<Engine>,
    want: HashMap<i64, Want>,
    pushed: usize,
    expected_sends: usize,
    answers: usize,
    notices: usize,
    chatter: usize,
    users: HashSet<i64>,
}

impl Soak {
    fn expected(&self, question: &str) -> Expected {
        Expected::of(&self.engine.respond(question, Some("en")).reply)
    }

    fn push(&mut self, update: Value) -> i64 {
        self.pushed += 1;
        self.users.insert(update["message"]["from"]["id"].as_i64().expect("a message from a user"));
        let id = update["message"]["message_id"].as_i64().unwrap_or_default();
        self.api.push_update(update);
        id
    }

    /// A reply the bot must send to `chat`.
    fn answer(&mut self, chat: i64, question: &str, reply_to: Option<i64>) {
        let expected = self.expected(question);
        self.expected_sends += expected.texts.len();
        self.answers += 1;
        self.want.entry(chat).or_default().replies.push((expected, reply_to));
    }

    /// A flood in `chat` of `asked` (question, its message id in a group): a prefix of
    /// at least `burst` answered, then one notice.
    fn flood(&mut self, chat: i64, asked: Vec<(&str, Option<i64>)>, burst: usize) {
        for (i, (question, reply_to)) in asked.into_iter().enumerate() {
            let expected = self.expected(question);
            if i < burst {
                self.expected_sends += expected.texts.len();
            }
            self.want.entry(chat).or_default().replies.push((expected, reply_to));
        }
        self.expected_sends += 1;
        self.notices += 1;
        self.want.entry(chat).or_default().flooded = Some(burst);
    }

    fn flood_phase(&mut self) {
        for n in 0..FLOODERS {
            let u = user(n);
            let mut asked = Vec::new();
            for i in 0..FLOOD_MESSAGES {
                let q = QUESTIONS[(n as usize + i) % QUESTIONS.len()];
                self.push(updates::private_text(&u, q));
                asked.push((q, None));
            }
            self.flood(u.id, asked, PRIVATE_BURST);
        }
        for g in 0..ASK_GROUPS {
            let chat = TestChat::group(-2_000_000 - g, &format!("Askers {g}"));
            let mut asked = Vec::new();
            for i in 0..ASKS_PER_GROUP {
                let asker = user(FLOODERS + g * ASKS_PER_GROUP + i);
                let q = QUESTIONS[(g + i) as usize % QUESTIONS.len()];
                let id = self.push(updates::text(&chat, &asker, &format!("/ask@storybot {q}")));
                asked.push((q, Some(id)));
            }
            self.flood(chat.id, asked, GROUP_BURST);
        }
    }

    /// One round: `ROUND_ASKERS` new users ask once, spread among group chatter.
    fn round(&mut self, first_asker: i64) {
        let every = ROUND_UPDATES / ROUND_ASKERS as usize;
        let mut asker = 0;
        for i in 0..ROUND_UPDATES {
            if i % every == every - 1 && asker < ROUND_ASKERS {
                let u = user(first_asker + asker);
                let q = QUESTIONS[(asker as usize) % QUESTIONS.len()];
                self.push(updates::private_text(&u, q));
                self.answer(u.id, q, None);
                asker += 1;
            } else {
                // 7919 is prime to 5,000: every user chats within any 5,000 messages.
                let n = (self.chatter as i64 * 7919) % USERS;
                let chat = TestChat::group(-3_000_000 - (i as i64 % CHATTER_GROUPS), "Chatter");
                let text = format!("did anyone see the news about the border today? #{i}");
                self.push(updates::text(&chat, &user(n), &text));
                self.chatter += 1;
            }
        }
        assert_eq!(asker, ROUND_ASKERS);
    }

    fn sent_ok(&self) -> usize {
        self.api.calls("sendMessage").iter().filter(|c| c.ok()).count()
    }

    /// Waits until the bot took every update and sent every expected message. Looks
    /// twice a second: reading the fake's record clones it, and the bot shares the
    /// machine's cores with this process.
    async fn drain(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        let mut before = usize::MAX;
        loop {
            let (pending, sent) = (self.api.pending_updates().len(), self.sent_ok());
            // Floods are answered a little beyond their burst: done once nothing moves.
            if pending == 0 && sent >= self.expected_sends && sent == before {
                return;
            }
            before = sent;
            assert!(
                Instant::now() < deadline,
                "after {timeout:?}: {pending} updates not taken, {sent} of {} messages sent",
                self.expected_sends
            );
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }
}

#[derive(Debug)]
struct Sample {
    at: Duration,
    phase: String,
    rss_kib: u64,
    sent: usize,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "a soak of a few minutes: cargo test --release --test it soak -- --ignored --nocapture"]
async fn soak_100k_updates_from_5000_users_with_flood_control() {
    let work = tempfile::tempdir().unwrap();
    let knowledge = knowledge_copy(work.path());
    let engine = Arc::new(Engine::load(&knowledge).expect("the shipped knowledge loads"));
    let api = FakeBotApi::start_with(config()).await;
    let mut child = spawn_bot(&api, work.path(), &knowledge);
    let pid = child.id();
    api.wait_for("setMyCommands", 2, Duration::from_secs(60)).await;
    api.wait_for_poll(Duration::from_secs(30)).await;
    let started = Instant::now();
    // Every 5 s: the bot's resident memory, until the bot is told to stop.
    let series = Arc::new(std::sync::Mutex::new(Vec::<(Duration, u64)>::new()));
    let sampling = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = {
        let (series, sampling) = (series.clone(), sampling.clone());
        std::thread::spawn(move || {
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                series.lock().unwrap().push((started.elapsed(), rss_kib(pid)));
                std::thread::sleep(Duration::from_secs(5));
            }
        })
    };
    let mut samples =
        vec![Sample { at: Duration::ZERO, phase: "connected".into(), rss_kib: rss_kib(pid), sent: 0 }];
    let mut soak = Soak {
        api,
        engine,
        want: HashMap::new(),
        pushed: 0,
        expected_sends: 0,
        answers: 0,
        notices: 0,
        chatter: 0,
        users: HashSet::new(),
    };
    let sample = |soak: &Soak, phase: &str| Sample {
        at: started.elapsed(),
        phase: phase.to_string(),
        rss_kib: rss_kib(pid),
        sent: soak.sent_ok(),
    };

    soak.flood_phase();
    soak.drain(Duration::from_secs(120)).await;
    samples.push(sample(&soak, "flood phase"));
    let flood_took = started.elapsed();

    let first = FLOODERS + ASK_GROUPS * ASKS_PER_GROUP;
    for round in 0..ROUNDS {
        soak.round(first + round * ROUND_ASKERS);
        soak.drain(Duration::from_secs(300)).await;
        samples.push(sample(&soak, &format!("round {}", round + 1)));
    }
    // Nothing more may come: give stragglers a moment to show up.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let took = started.elapsed();

    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    sampler.join().unwrap();
    // SIGTERM: the bot exits 0 within its grace period.
    let status = Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(status.success());
    let exit = {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "the bot did not exit within 10 s of SIGTERM");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    let log = std::fs::read_to_string(work.path().join("bot.log")).unwrap_or_default();
    assert!(exit.success(), "the bot exited with {exit}; its log:\n{log}");

    let kib = |s: &Sample| s.rss_kib;
    println!(
        "soak: {} updates in {:.1} s (flood phase {:.1} s)",
        soak.pushed,
        took.as_secs_f64(),
        flood_took.as_secs_f64()
    );
    println!(
        "soak: {} answers at least ({} messages) + {} flood notices sent once each; {} chatter ignored",
        soak.answers,
        soak.expected_sends - soak.notices,
        soak.notices,
        soak.chatter
    );
    for s in &samples {
        println!(
            "soak: {:>7.1} s  {:<12} RSS {:>7} KiB  sent {:>5}",
            s.at.as_secs_f64(),
            s.phase,
            s.rss_kib,
            s.sent
        );
    }
    let series = series.lock().unwrap().clone();
    let line: Vec<String> =
        series.iter().map(|(at, kib)| format!("{:.0}s:{}MiB", at.as_secs_f64(), kib / 1024)).collect();
    println!("soak: RSS every 5 s: {}", line.join(" "));
    // Every chat got exactly what it should, once.
    let api = &soak.api;
    let calls = api.calls("sendMessage");
    let failed: Vec<_> = calls.iter().filter(|c| !c.ok()).collect();
    assert!(failed.is_empty(), "{} sendMessage calls failed, e.g. {:?}", failed.len(), failed.first());
    api.assert_no_violations();
    let mut by_chat: HashMap<i64, Vec<Value>> = HashMap::new();
    for m in api.sent_messages() {
        by_chat.entry(m["chat_id"].as_i64().unwrap()).or_default().push(m);
    }
    let (mut sent_beyond_the_minimum, mut dropped) = (0, 0);
    for (chat, want) in &soak.want {
        let mut got = by_chat.remove(chat).unwrap_or_default().into_iter().peekable();
        let notice = |m: &Value| m["text"].as_str().unwrap_or_default().contains("faster than I can answer");
        let mut answered = 0;
        for (expected, reply_to) in &want.replies {
            if want.flooded.is_some() && got.peek().is_none_or(notice) {
                break;
            }
            let sent: Vec<Value> = got.by_ref().take(expected.texts.len()).collect();
            expected.assert_sent(&sent, *chat, *reply_to);
            answered += 1;
        }
        if let Some(burst) = want.flooded {
            assert!(answered >= burst && answered < want.replies.len(), "chat {chat}: {answered} answered");
            let notice = got.next().unwrap_or_else(|| panic!("no flood notice in chat {chat}"));
            assert!(notice["text"].as_str().unwrap().contains("faster than I can answer"), "{notice}");
            let unanswered = want.replies[answered].1;
            assert_eq!(notice["reply_parameters"]["message_id"].as_i64(), unanswered, "{notice}");
            sent_beyond_the_minimum += answered - burst;
            dropped += want.replies.len() - answered;
        }
        let extra: Vec<Value> = got.collect();
        assert!(extra.is_empty(), "chat {chat} got {} message(s) more than once or unasked", extra.len());
    }
    assert!(
        by_chat.is_empty(),
        "messages to chats that asked nothing: {:?}",
        by_chat.keys().take(5).collect::<Vec<_>>()
    );
    assert!(soak.sent_ok() >= soak.expected_sends + sent_beyond_the_minimum);
    println!("soak: {dropped} flood messages dropped (the notice's own included)");
    assert_eq!(soak.pushed, 100_000);
    assert_eq!(soak.users.len(), USERS as usize, "distinct users");

    // Flat: after the second round (the first ones set the high-water mark of chats
    // active at once), two more as large grow memory by less than a quarter plus
    // 16 MiB of allocator slack.
    let (second, last) = (kib(&samples[3]), kib(samples.last().unwrap()));
    assert!(
        last <= second + second / 4 + 16 * 1024,
        "memory grew from {second} KiB after round 2 to {last} KiB after round {ROUNDS}"
    );
}

/// Flood control's memory stays bounded: 100,000 distinct readers within an hour
/// (simulated time) leave at most ~10,000 keys tracked (past that, buckets that are
/// full again are dropped), and a flooder is silenced throughout.
#[test]
fn flood_state_stays_bounded_with_100_000_users_in_an_hour() {
    let clock = FakeRelativeClock::default();
    let flood = Flood::with_clock(FloodLimits::default(), clock.clone());
    let flooder = 9_999_999;
    let mut most = 0;
    let mut flooder_heard = 0;
    // 100,000 distinct users, one every 36 ms: an hour. One flooder asks every 100 ms.
    for n in 0..100_000i64 {
        clock.advance(Duration::from_millis(36));
        let user = 10_000_000 + n;
        assert_eq!(flood.check(user, user), Verdict::Allow);
        if n % 3 == 0 && flood.check(flooder, flooder) != Verdict::Drop {
            flooder_heard += 1;
        }
        most = most.max(flood.tracked());
    }
    assert!(most <= 10_002, "tracked up to {most} keys");
    // Its burst, and the one notice; nothing after, all hour long.
    assert_eq!(flooder_heard, 11);
}
