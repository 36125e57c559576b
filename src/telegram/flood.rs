//! Flood control: a few questions per user per interval, one notice, then silence until
//! the interval ends. Dropping early keeps a spammer's chat queue short, so the
//! dispatcher's intake (which waits on a full queue) keeps serving every other chat.
//!
//! The per-chat limit stays under what `Throttle` lets through to one chat in a
//! minute (10 in a supergroup), answers and the notice together: a reply allowed
//! here is then sent at once, never parked for a minute inside the rate limiter
//! while the chat's queue fills up.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allow,
    /// The first message over the limit: tell the user once.
    Warn,
    /// Over the limit and already told: ignore.
    Drop,
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub per_user: u32,
    pub per_chat: u32,
    pub interval: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { per_user: 6, per_chat: 8, interval: Duration::from_secs(60) }
    }
}

struct Window {
    start: Instant,
    count: u32,
    warned: bool,
}

/// Past this many tracked windows, expired ones are purged: memory stays flat
/// however many people come and go.
const PURGE_ABOVE: usize = 10_000;

pub struct Flood {
    limits: Limits,
    windows: Mutex<HashMap<i64, Window>>,
}

impl Flood {
    pub fn new(limits: Limits) -> Flood {
        Flood { limits, windows: Mutex::new(HashMap::new()) }
    }

    /// Counts one question from `user` in `chat` (the same id in private chats).
    pub fn check(&self, user: i64, chat: i64, now: Instant) -> Verdict {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > PURGE_ABOVE {
            // Expired windows carry no state worth keeping: memory stays flat.
            windows.retain(|_, w| now.duration_since(w.start) < self.limits.interval);
        }
        let user_verdict = Self::count(&mut windows, user, self.limits.per_user, self.limits.interval, now);
        if user != chat && user_verdict == Verdict::Allow {
            return Self::count(&mut windows, chat, self.limits.per_chat, self.limits.interval, now);
        }
        user_verdict
    }

    fn count(
        windows: &mut HashMap<i64, Window>,
        key: i64,
        limit: u32,
        interval: Duration,
        now: Instant,
    ) -> Verdict {
        let window = windows.entry(key).or_insert(Window { start: now, count: 0, warned: false });
        if now.duration_since(window.start) >= interval {
            *window = Window { start: now, count: 0, warned: false };
        }
        window.count += 1;
        if window.count <= limit {
            Verdict::Allow
        } else if !window.warned {
            window.warned = true;
            Verdict::Warn
        } else {
            Verdict::Drop
        }
    }

    pub fn tracked(&self) -> usize {
        self.windows.lock().map(|w| w.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_a_few_then_warns_once_then_drops_until_the_interval_ends() {
        let flood = Flood::new(Limits { per_user: 2, per_chat: 100, interval: Duration::from_secs(10) });
        let t0 = Instant::now();
        let verdicts: Vec<_> = (0..5).map(|_| flood.check(1, 1, t0)).collect();
        assert_eq!(verdicts, [Verdict::Allow, Verdict::Allow, Verdict::Warn, Verdict::Drop, Verdict::Drop]);
        assert_eq!(flood.check(2, 2, t0), Verdict::Allow, "other users are not affected");
        assert_eq!(flood.check(1, 1, t0 + Duration::from_secs(11)), Verdict::Allow);
    }

    #[test]
    fn a_busy_group_is_limited_as_a_whole() {
        let flood = Flood::new(Limits { per_user: 100, per_chat: 3, interval: Duration::from_secs(10) });
        let t0 = Instant::now();
        let verdicts: Vec<_> = (0..5).map(|user| flood.check(user, -100, t0)).collect();
        assert_eq!(verdicts, [Verdict::Allow, Verdict::Allow, Verdict::Allow, Verdict::Warn, Verdict::Drop]);
    }
}
