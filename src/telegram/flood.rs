//! Flood control: token buckets (governor's GCRA) per private reader, per group and
//! per member of a group. A bucket lets a burst through and refills steadily, so a
//! person reading answers and tapping buttons never runs dry, while a script that
//! floods does: it gets one notice, then silence until it has been quiet long enough
//! for its bucket to refill. Dropping early keeps a flood's chat queue short, so the
//! dispatcher keeps serving every other chat.
//!
//! The group buckets stay under Telegram's 20 messages a minute per group, answers
//! and notices together, so a reply allowed here is sent at once rather than parked
//! in the sending pace while the group's queue fills up.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allow,
    /// The first message over the limit: tell the sender once.
    Warn,
    /// Over the limit and already told: ignore.
    Drop,
}

/// A token bucket: `burst` at once, then one more every `every`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    pub burst: u32,
    pub every: Duration,
}

impl Bucket {
    pub(super) fn quota(self) -> Quota {
        let burst = NonZeroU32::new(self.burst.max(1)).expect("at least one");
        Quota::with_period(self.every.max(Duration::from_nanos(1)))
            .expect("a positive period")
            .allow_burst(burst)
    }

    /// How long an empty bucket takes to fill: the quiet that ends a sender's silence.
    fn refill(self) -> Duration {
        self.every * self.burst.max(1)
    }

    /// The same bucket with time running `factor` times faster (for tests).
    pub fn faster(self, factor: u32) -> Bucket {
        Bucket { burst: self.burst, every: self.every / factor.max(1) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// One reader in a private chat: ten questions at once (a reader tapping through
    /// related questions), then one every two seconds, which nobody reads faster.
    pub private: Bucket,
    /// One group as a whole: 5 at once, then one every 6 s (10 a minute), leaving
    /// room under Telegram's 20 a minute for notices and two-part answers.
    pub group: Bucket,
    /// One member of a group: 3 at once, then one every 20 s.
    pub member: Bucket,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            private: Bucket { burst: 10, every: Duration::from_secs(2) },
            group: Bucket { burst: 5, every: Duration::from_secs(6) },
            member: Bucket { burst: 3, every: Duration::from_secs(20) },
        }
    }
}

impl Limits {
    /// No limit a test could trip by accident.
    pub fn none() -> Limits {
        let open = Bucket { burst: 1_000_000, every: Duration::from_micros(1) };
        Limits { private: open, group: open, member: open }
    }

    /// Every bucket refilling `factor` times faster (tests run minutes in seconds).
    pub fn faster(self, factor: u32) -> Limits {
        Limits {
            private: self.private.faster(factor),
            group: self.group.faster(factor),
            member: self.member.faster(factor),
        }
    }
}

/// Past this many tracked keys (buckets or silenced senders), those indistinguishable
/// from new ones are dropped: memory follows how many people are active at once, not
/// how many ever came.
const PURGE_ABOVE: usize = 10_000;

type Keyed<C> = RateLimiter<i64, DefaultKeyedStateStore<i64>, C, NoOpMiddleware<<C as Clock>::Instant>>;

/// A keyed bucket and who is silenced on it, until when.
struct Limited<C: Clock + Clone> {
    bucket: Bucket,
    tokens: Keyed<C>,
    silenced: Mutex<HashMap<i64, C::Instant>>,
}

impl<C: Clock + Clone> Limited<C> {
    fn new(bucket: Bucket, clock: &C) -> Self {
        Limited {
            bucket,
            tokens: RateLimiter::hashmap_with_clock(bucket.quota(), clock.clone()),
            silenced: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one message from `key` at `now`. Over the limit, the sender is told
    /// once and then silenced until it has been quiet for a whole refill.
    fn check(&self, key: i64, now: C::Instant) -> Verdict {
        let mut silenced = self.silenced.lock().unwrap_or_else(|e| e.into_inner());
        let quiet_until = now + Nanos::from(self.bucket.refill());
        if let Some(until) = silenced.get_mut(&key) {
            if now < *until {
                // Still flooding: the silence lasts a refill past the last message.
                *until = quiet_until;
                return Verdict::Drop;
            }
            silenced.remove(&key);
        }
        if self.tokens.check_key(&key).is_ok() {
            return Verdict::Allow;
        }
        if silenced.len() >= PURGE_ABOVE {
            silenced.retain(|_, until| now < *until);
        }
        silenced.insert(key, quiet_until);
        Verdict::Warn
    }

    fn purge(&self) {
        if self.tokens.len() > PURGE_ABOVE {
            self.tokens.retain_recent();
            self.tokens.shrink_to_fit();
        }
    }

    fn tracked(&self) -> usize {
        self.tokens.len() + self.silenced.lock().map_or(0, |s| s.len())
    }
}

pub struct Flood<C: Clock + Clone = DefaultClock> {
    clock: C,
    private: Limited<C>,
    group: Limited<C>,
    member: Limited<C>,
}

impl Flood {
    pub fn new(limits: Limits) -> Flood {
        Flood::with_clock(limits, DefaultClock::default())
    }
}

impl<C: Clock + Clone> Flood<C> {
    /// Flood control reading time from `clock` (tests pass a fake one).
    pub fn with_clock(limits: Limits, clock: C) -> Flood<C> {
        Flood {
            private: Limited::new(limits.private, &clock),
            group: Limited::new(limits.group, &clock),
            member: Limited::new(limits.member, &clock),
            clock,
        }
    }

    /// Counts one message (or button press) from `user` in `chat`: a private chat
    /// when the two are the same id.
    pub fn check(&self, user: i64, chat: i64) -> Verdict {
        let now = self.clock.now();
        let verdict = if user == chat {
            self.private.check(user, now)
        } else {
            match self.member.check(user, now) {
                Verdict::Allow => self.group.check(chat, now),
                over => over,
            }
        };
        for limited in [&self.private, &self.group, &self.member] {
            limited.purge();
        }
        verdict
    }

    /// How many keys are tracked, buckets and silences together.
    pub fn tracked(&self) -> usize {
        self.private.tracked() + self.group.tracked() + self.member.tracked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use governor::clock::FakeRelativeClock;

    fn flood(limits: Limits) -> (Flood<FakeRelativeClock>, FakeRelativeClock) {
        let clock = FakeRelativeClock::default();
        (Flood::with_clock(limits, clock.clone()), clock)
    }

    #[test]
    fn a_reader_gets_a_burst_and_a_steady_refill() {
        let (flood, clock) = flood(Limits::default());
        // Ten questions in twenty seconds, one every two: never limited.
        for _ in 0..10 {
            assert_eq!(flood.check(1, 1), Verdict::Allow);
            clock.advance(Duration::from_secs(2));
        }
        // Ten at once after a pause: the burst.
        clock.advance(Duration::from_secs(30));
        assert!((0..10).all(|_| flood.check(1, 1) == Verdict::Allow));
        assert_eq!(flood.check(1, 1), Verdict::Warn);
    }

    #[test]
    fn a_flood_is_told_once_then_silenced_until_it_has_been_quiet() {
        let limits =
            Limits { private: Bucket { burst: 2, every: Duration::from_secs(10) }, ..Limits::default() };
        let (flood, clock) = flood(limits);
        let mut verdicts = Vec::new();
        // A script: one a second for a minute; refills come, but it stays silenced.
        for _ in 0..60 {
            verdicts.push(flood.check(1, 1));
            clock.advance(Duration::from_secs(1));
        }
        assert_eq!(&verdicts[..3], [Verdict::Allow, Verdict::Allow, Verdict::Warn]);
        assert!(verdicts[3..].iter().all(|v| *v == Verdict::Drop), "{verdicts:?}");
        assert_eq!(flood.check(2, 2), Verdict::Allow, "other readers are not affected");
        // Quiet for a whole refill (2 × 10 s): heard again.
        clock.advance(Duration::from_secs(21));
        assert_eq!(flood.check(1, 1), Verdict::Allow);
    }

    #[test]
    fn a_busy_group_is_limited_as_a_whole_and_each_member_on_their_own() {
        let (flood, _clock) = flood(Limits::default());
        let verdicts: Vec<_> = (0..7).map(|user| flood.check(user, -100)).collect();
        use Verdict::*;
        assert_eq!(verdicts, [Allow, Allow, Allow, Allow, Allow, Warn, Drop]);
        let (flood, _clock) = self::flood(Limits::default());
        let verdicts: Vec<_> = (0..5).map(|_| flood.check(7, -200)).collect();
        assert_eq!(verdicts, [Allow, Allow, Allow, Warn, Drop]);
        assert_eq!(flood.check(8, -200), Allow, "another member of the same group");
    }
}
