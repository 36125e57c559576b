//! What people asked: a record of each question the Telegram bot answered and of the
//! 👍/👎 pressed under answers, kept in an embedded SQLite file so maintainers can see
//! what to write next (`storybot report`, `/stats`).
//!
//! What a record holds is deliberately little: the time, the kind of chat, the
//! language, the outcome, the entry and score — and the question's words only when the
//! bot declined or had to ask back, because those are the ones a maintainer needs to
//! read. Never a user id, a name or a chat id.
//!
//! Recording must never slow answering: a handler gives a [`Question`] or a [`Vote`] to
//! a [`Recorder`], which only `try_send`s it into a bounded channel (a full channel
//! drops the record and counts it); one writer thread ([`Store`]) batches records into
//! transactions.

pub mod report;
mod store;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError};

use tracing::warn;

pub use store::{Store, open_read};

use crate::knowledge::Story;
use crate::lang::Lang;
use crate::matcher::{Decision, Outcome};

/// Where a question came from. Only the kind: never which chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatKind {
    Private,
    Group,
    Supergroup,
    /// `@bot question` typed in any chat.
    Inline,
    /// A "did you mean" or related-question button pressed.
    Button,
}

impl ChatKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChatKind::Private => "private",
            ChatKind::Group => "group",
            ChatKind::Supergroup => "supergroup",
            ChatKind::Inline => "inline",
            ChatKind::Button => "button",
        }
    }
}

/// What the bot did with a question, as a maintainer thinks of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Answered,
    /// "Did you mean": no entry was sure enough.
    Clarified,
    /// "The article doesn't say" (a known gap, or nothing matched).
    Declined,
    SmallTalk,
}

impl Asked {
    pub fn as_str(self) -> &'static str {
        match self {
            Asked::Answered => "answered",
            Asked::Clarified => "clarified",
            Asked::Declined => "declined",
            Asked::SmallTalk => "smalltalk",
        }
    }
}

/// Question text is cut to this many characters: enough to read what was meant,
/// and a pasted essay does not bloat the file.
pub const MAX_TEXT: usize = 300;

/// One question the bot answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Unix seconds.
    pub at: i64,
    pub chat: ChatKind,
    pub lang: Lang,
    pub outcome: Asked,
    /// The entry answered, or the first one offered when clarifying.
    pub entry: Option<String>,
    /// The gap whose note declined it, if one did.
    pub gap: Option<String>,
    pub score: f32,
    /// The words: only for declined and clarified questions (see [`Question::new`]).
    pub text: Option<String>,
}

impl Question {
    /// The record of `decision` on `text`. The words are kept only when the bot
    /// declined or asked back, whatever the caller passes.
    pub fn new(chat: ChatKind, story: &Story, decision: &Decision, text: &str) -> Question {
        let entry_id = |i: usize| story.entries.get(i).map(|e| e.id.clone());
        let (outcome, entry, gap) = match &decision.outcome {
            Outcome::Answer { entry, .. } => (Asked::Answered, entry_id(*entry), None),
            Outcome::Clarify { entries } => {
                (Asked::Clarified, entries.first().and_then(|&e| entry_id(e)), None)
            }
            Outcome::Gap { gap } => (Asked::Declined, None, story.gaps.get(*gap).map(|g| g.id.clone())),
            Outcome::SmallTalk { .. } => (Asked::SmallTalk, None, None),
            Outcome::NoMatch => (Asked::Declined, None, None),
        };
        let keep = matches!(outcome, Asked::Declined | Asked::Clarified);
        let text = keep.then(|| text.trim().chars().take(MAX_TEXT).collect::<String>());
        Question { at: now(), chat, lang: decision.lang, outcome, entry, gap, score: decision.score, text }
    }

    /// A pressed button that answered `entry`: certain, so its score is 1.
    pub fn button(entry: &str, lang: Lang) -> Question {
        Question {
            at: now(),
            chat: ChatKind::Button,
            lang,
            outcome: Asked::Answered,
            entry: Some(entry.to_string()),
            gap: None,
            score: 1.0,
            text: None,
        }
    }

    /// The same record without its words (inline queries arrive keystroke by
    /// keystroke, so their half-typed words would only mislead).
    pub fn without_text(mut self) -> Question {
        self.text = None;
        self
    }
}

/// 👍 or 👎 on an answered entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    pub at: i64,
    pub entry: String,
    pub up: bool,
}

impl Vote {
    pub fn new(entry: &str, up: bool) -> Vote {
        Vote { at: now(), entry: entry.to_string(), up }
    }
}

/// What travels to the writer thread.
#[derive(Debug)]
pub(crate) enum Event {
    Question(Question),
    Vote(Vote),
    /// Write what came before, then end the writer.
    Stop,
}

/// The handlers' side of the store: cheap to clone, never blocks. The default
/// records nothing (for tests and when no database could be opened).
#[derive(Clone, Default)]
pub struct Recorder {
    inner: Option<Arc<Inner>>,
}

struct Inner {
    tx: SyncSender<Event>,
    path: PathBuf,
    /// Records lost: the channel was full, the writer had stopped, or a write failed.
    dropped: Arc<AtomicU64>,
}

impl Recorder {
    /// A recorder that records nothing.
    pub fn none() -> Recorder {
        Recorder::default()
    }

    pub(crate) fn new(tx: SyncSender<Event>, path: &Path, dropped: Arc<AtomicU64>) -> Recorder {
        Recorder { inner: Some(Arc::new(Inner { tx, path: path.to_path_buf(), dropped })) }
    }

    pub fn is_recording(&self) -> bool {
        self.inner.is_some()
    }

    /// The database file, for readers (`/stats`).
    pub fn path(&self) -> Option<&Path> {
        self.inner.as_ref().map(|i| i.path.as_path())
    }

    /// Records lost since the store was opened.
    pub fn dropped(&self) -> u64 {
        self.inner.as_ref().map_or(0, |i| i.dropped.load(Ordering::Relaxed))
    }

    pub fn question(&self, question: Question) {
        self.send(Event::Question(question));
    }

    pub fn vote(&self, vote: Vote) {
        self.send(Event::Vote(vote));
    }

    /// Hands the record over without waiting: when the writer is behind, the record is
    /// dropped and counted rather than making a user wait for the disk.
    fn send(&self, event: Event) {
        let Some(inner) = &self.inner else { return };
        match inner.tx.try_send(event) {
            Ok(()) => {}
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                let dropped = inner.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                // The first loss and then every thousandth: visible, but no log flood.
                if dropped == 1 || dropped % 1000 == 0 {
                    warn!(dropped, "the records writer is behind; records dropped");
                }
            }
        }
    }

    /// Sends the stop and waits for room: only for the store's clean shutdown.
    pub(crate) fn stop(&self) -> bool {
        self.inner.as_ref().is_some_and(|i| i.tx.send(Event::Stop).is_ok())
    }
}

/// Now, in unix seconds.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// Seconds in a day: records are kept and summarized by whole days.
pub const SECS_PER_DAY: i64 = 86_400;

/// The unix time `days` days before now.
pub fn days_ago(days: u32) -> i64 {
    now() - i64::from(days) * SECS_PER_DAY
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    fn mini() -> Engine {
        Engine::load(std::path::Path::new("tests/fixtures/mini")).unwrap()
    }

    #[test]
    fn only_declined_and_clarified_questions_keep_their_words() {
        let engine = mini();
        let answered = engine.ask("how many books does the library hold?", Some("en")).decision.unwrap();
        let q = Question::new(
            ChatKind::Private,
            &engine.story,
            &answered,
            "how many books does the library hold?",
        );
        assert_eq!((q.outcome, q.entry.as_deref(), q.text), (Asked::Answered, Some("book-count"), None));

        let declined = engine.ask("best pizza dough recipe?", Some("en")).decision.unwrap();
        let q = Question::new(ChatKind::Group, &engine.story, &declined, "  best pizza dough recipe? ");
        assert_eq!(q.outcome, Asked::Declined);
        assert_eq!(q.text.as_deref(), Some("best pizza dough recipe?"));
        assert_eq!(q.clone().without_text().text, None);

        let long = "pizza ".repeat(200);
        let q = Question::new(ChatKind::Private, &engine.story, &declined, &long);
        assert_eq!(q.text.unwrap().chars().count(), MAX_TEXT);
    }

    #[test]
    fn a_recorder_without_a_store_does_nothing() {
        let recorder = Recorder::none();
        recorder.vote(Vote::new("x", true));
        assert!(!recorder.is_recording());
        assert_eq!(recorder.dropped(), 0);
        assert!(!recorder.stop());
    }

    #[test]
    fn a_full_channel_drops_and_counts_instead_of_waiting() {
        let (tx, _rx) = std::sync::mpsc::sync_channel(1);
        let recorder = Recorder::new(tx, Path::new("x"), Arc::default());
        for _ in 0..3 {
            recorder.vote(Vote::new("x", false));
        }
        assert_eq!(recorder.dropped(), 2);
    }
}
