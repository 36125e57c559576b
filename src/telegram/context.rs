//! What the bot remembers between one person's messages: the last answer's
//! [`Context`], so a follow-up ("and what did he say?") is read with it.
//!
//! In memory only, never written anywhere, for [`CONTEXT_TTL`], at most
//! [`MAX_CONTEXTS`] at a time (the least recently used goes first). In a private chat
//! the chat has one context. In a group, context follows the reply chain: each of the
//! bot's answers keeps the context it leaves, for the member who asked; a message
//! replying to that answer, from that member, is read with it. Other group messages
//! stand alone, and two members never share a context.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use hashlink::LruCache;

use crate::conversation::Context;

/// How long a context lasts: a conversation's follow-ups come within minutes; after
/// ten, a message is more likely a new subject than "and why?" about the old one.
pub const CONTEXT_TTL: Duration = Duration::from_secs(10 * 60);

/// Contexts kept at most. Each costs a few hundred bytes (`docs/performance.md`,
/// "Conversation context"), so the cap bounds the store to a few megabytes while
/// holding every conversation of a busy hour; past it, the least recently used go.
pub const MAX_CONTEXTS: usize = 10_000;

/// Whose context it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A private chat (its id).
    Private(i64),
    /// One of the bot's answers in a group: the chat and the answer's message.
    Answer { chat: i64, message: i32 },
}

struct Kept {
    context: Context,
    /// Who asked: in a group, only they follow up on it.
    asker: i64,
    at: Instant,
}

/// The bot's contexts, bounded in time and number.
pub struct Contexts {
    kept: Mutex<LruCache<Key, Kept>>,
    ttl: Duration,
}

impl Default for Contexts {
    fn default() -> Contexts {
        Contexts::new(CONTEXT_TTL, MAX_CONTEXTS)
    }
}

impl Contexts {
    /// Contexts that last `ttl`, at most `cap` of them.
    pub fn new(ttl: Duration, cap: usize) -> Contexts {
        Contexts { kept: Mutex::new(LruCache::new(cap.max(1))), ttl }
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, LruCache<Key, Kept>> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The context `asker` follows up on at `key`; `None` when there is none, it
    /// expired (it is forgotten then) or it is someone else's.
    pub fn get(&self, key: Key, asker: i64) -> Option<Context> {
        let mut kept = self.kept();
        let found = kept.get(&key)?;
        if found.at.elapsed() >= self.ttl {
            kept.remove(&key);
            return None;
        }
        (found.asker == asker).then(|| found.context.clone())
    }

    /// Keeps `context` at `key` for `asker`, or forgets what was there (`None`).
    pub fn put(&self, key: Key, asker: i64, context: Option<Context>) {
        let mut kept = self.kept();
        match context {
            Some(context) => {
                kept.insert(key, Kept { context, asker, at: Instant::now() });
            }
            None => {
                kept.remove(&key);
            }
        }
    }

    /// How many contexts are kept (expired ones included until looked up or pushed
    /// out).
    pub fn len(&self) -> usize {
        self.kept().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes one kept context costs: the map's entry (key, value and the LRU's two
    /// links and hash) and what the context holds on the heap.
    pub fn bytes_per_context(context: &Context) -> usize {
        const LINKS_AND_HASH: usize = 3 * std::mem::size_of::<usize>();
        std::mem::size_of::<Key>() + std::mem::size_of::<Kept>() + LINKS_AND_HASH + context.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn context(entry: &str) -> Context {
        Context {
            entry: entry.to_string(),
            also: None,
            topic: "Buryatia".to_string(),
            entities: vec!["Alexei Tsydanov".to_string()],
            person: Some("Alexei Tsydanov".to_string()),
            asked: vec!["tsydanov".to_string()],
            lang: Lang::En,
            declined: None,
            shown: vec![entry.to_string()],
            declined_plainly: false,
        }
    }

    #[test]
    fn a_context_is_its_askers_only() {
        let contexts = Contexts::default();
        let key = Key::Answer { chat: -1, message: 7 };
        contexts.put(key, 1, Some(context("tsydanov-who")));
        assert_eq!(contexts.get(key, 1).map(|c| c.entry).as_deref(), Some("tsydanov-who"));
        assert_eq!(contexts.get(key, 2), None, "another member's");
        assert_eq!(contexts.get(Key::Answer { chat: -1, message: 8 }, 1), None, "another answer's");
    }

    #[test]
    fn an_expired_context_is_forgotten() {
        let contexts = Contexts::new(Duration::ZERO, 10);
        contexts.put(Key::Private(1), 1, Some(context("tsydanov-who")));
        assert_eq!(contexts.len(), 1);
        assert_eq!(contexts.get(Key::Private(1), 1), None, "expired");
        assert!(contexts.is_empty(), "an expired context is forgotten when found");
    }

    #[test]
    fn the_least_recently_used_goes_past_the_cap() {
        let contexts = Contexts::new(CONTEXT_TTL, 2);
        contexts.put(Key::Private(1), 1, Some(context("a")));
        contexts.put(Key::Private(2), 2, Some(context("b")));
        assert!(contexts.get(Key::Private(1), 1).is_some());
        contexts.put(Key::Private(3), 3, Some(context("c")));
        assert_eq!(contexts.len(), 2);
        assert_eq!(contexts.get(Key::Private(2), 2), None, "the least recently used went");
        assert!(contexts.get(Key::Private(1), 1).is_some() && contexts.get(Key::Private(3), 3).is_some());
        contexts.put(Key::Private(1), 1, None);
        assert_eq!(contexts.get(Key::Private(1), 1), None, "None forgets");
    }

    #[test]
    fn a_context_costs_a_few_hundred_bytes() {
        let bytes = Contexts::bytes_per_context(&context("tsydanov-statement"));
        assert!((100..1_024).contains(&bytes), "{bytes}");
    }
}
