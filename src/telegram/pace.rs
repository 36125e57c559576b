//! Sending within Telegram's limits without a tick: what teloxide's `Throttle` keeps
//! (one message a second per chat, 20 a minute per group, 30 a second overall,
//! freezing on `RetryAfter` and sending that message again exactly once, slow mode),
//! on governor's token buckets, so a message that breaks no limit goes out at once
//! instead of waiting for the next 250 ms batch.
//!
//! A send takes a token from each bucket it is subject to, in one turn (senders take
//! turns first come, first served): its chat's, its group's, then the overall one.
//! A chat or group that is not ready sends its caller to sleep until it is, outside
//! the turn; the overall bucket is waited for inside it (at most one emission
//! interval), and the chat's period includes that interval, so no limit is exceeded
//! by the wait. A token taken for a send that then waits on another bucket is lost:
//! the limits err on the side of sending less.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::{InMemoryState, NotKeyed, keyed::DefaultKeyedStateStore};
use governor::{NotUntil, RateLimiter};
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::requests::{Output, Request};
use tokio::time::Instant;
use tracing::warn;

use super::flood::Bucket;

/// Telegram's limits, as buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaceLimits {
    /// All chats together: 5 at once, then one every 40 ms (25 a second), so no
    /// second holds more than 30.
    pub overall: Bucket,
    /// One chat: one message a second, plus one overall interval (see the module).
    pub chat: Bucket,
    /// One group or channel: 4 at once, then one every 4 s, so no minute holds
    /// more than 20.
    pub group: Bucket,
    /// On a `RetryAfter` in a group, ask Telegram for the group's slow mode and pace
    /// that group by it instead of freezing every chat.
    pub slow_mode: bool,
}

/// The overall bucket's emission interval, which the chat period includes.
const OVERALL_EVERY: Duration = Duration::from_millis(40);

impl Default for PaceLimits {
    fn default() -> Self {
        PaceLimits {
            overall: Bucket { burst: 5, every: OVERALL_EVERY },
            chat: Bucket { burst: 1, every: Duration::from_secs(1) + OVERALL_EVERY },
            group: Bucket { burst: 4, every: Duration::from_secs(4) },
            slow_mode: true,
        }
    }
}

impl PaceLimits {
    /// Every bucket refilling `factor` times faster (tests run minutes in seconds).
    pub fn faster(self, factor: u32) -> PaceLimits {
        PaceLimits {
            overall: self.overall.faster(factor),
            chat: self.chat.faster(factor),
            group: self.group.faster(factor),
            slow_mode: self.slow_mode,
        }
    }
}

/// Past this many chats tracked, those whose buckets are full again are dropped.
const PURGE_ABOVE: usize = 10_000;

type Keyed<C> = RateLimiter<i64, DefaultKeyedStateStore<i64>, C, NoOpMiddleware<<C as Clock>::Instant>>;
type Direct<C> = RateLimiter<NotKeyed, InMemoryState, C, NoOpMiddleware<<C as Clock>::Instant>>;

/// What a `RetryAfter` froze: everything until an instant, and groups in slow mode.
#[derive(Default)]
struct Frozen {
    until: Option<Instant>,
    /// A group's slow-mode delay and when the bot last sent there.
    slow: HashMap<i64, (Duration, Instant)>,
}

pub struct Pace<C: Clock + Clone = DefaultClock> {
    clock: C,
    limits: PaceLimits,
    overall: Direct<C>,
    chats: Keyed<C>,
    groups: Keyed<C>,
    /// Senders take turns (tokio's mutex is first come, first served).
    turn: tokio::sync::Mutex<()>,
    frozen: Mutex<Frozen>,
}

impl Pace {
    pub fn new(limits: PaceLimits) -> Pace {
        Pace::with_clock(limits, DefaultClock::default())
    }
}

impl<C: Clock + Clone> Pace<C> {
    pub fn with_clock(limits: PaceLimits, clock: C) -> Pace<C> {
        Pace {
            overall: RateLimiter::direct_with_clock(limits.overall.quota(), clock.clone()),
            chats: RateLimiter::hashmap_with_clock(limits.chat.quota(), clock.clone()),
            groups: RateLimiter::hashmap_with_clock(limits.group.quota(), clock.clone()),
            turn: tokio::sync::Mutex::new(()),
            frozen: Mutex::new(Frozen::default()),
            clock,
            limits,
        }
    }

    fn wait(&self, not_until: NotUntil<C::Instant>) -> Duration {
        not_until.wait_time_from(self.clock.now())
    }

    /// Takes `chat`'s token (and its group's): `Err(wait)` when one is not ready.
    fn take_chat(&self, chat: i64) -> Result<(), Duration> {
        self.chats.check_key(&chat).map_err(|n| self.wait(n))?;
        // Negative ids are groups, supergroups and channels.
        if chat < 0 {
            self.groups.check_key(&chat).map_err(|n| self.wait(n))?;
        }
        Ok(())
    }

    /// Takes an overall token: `Err(wait)` when none is ready.
    fn take_overall(&self) -> Result<(), Duration> {
        self.overall.check().map_err(|n| self.wait(n))
    }

    /// How long `chat` must still wait for a freeze or its slow mode.
    fn frozen_for(&self, chat: i64) -> Option<Duration> {
        let frozen = self.frozen.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let all = frozen.until.map(|until| until.saturating_duration_since(now));
        let slow =
            frozen.slow.get(&chat).map(|(delay, last)| (*last + *delay).saturating_duration_since(now));
        all.max(slow).filter(|d| !d.is_zero())
    }

    /// Waits until a message to `chat` may be sent now, and counts it as sent.
    pub async fn acquire(&self, chat: ChatId) {
        loop {
            if let Some(wait) = self.frozen_for(chat.0) {
                tokio::time::sleep(wait).await;
                continue;
            }
            let turn = self.turn.lock().await;
            if let Err(wait) = self.take_chat(chat.0) {
                drop(turn);
                tokio::time::sleep(wait).await;
                continue;
            }
            while let Err(wait) = self.take_overall() {
                tokio::time::sleep(wait).await;
            }
            self.sent(chat.0);
            return;
        }
    }

    /// Notes a send to `chat`, for its slow mode; keeps the memory bounded.
    fn sent(&self, chat: i64) {
        let now = Instant::now();
        let mut frozen = self.frozen.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, last)) = frozen.slow.get_mut(&chat) {
            *last = now;
        }
        if frozen.slow.len() > PURGE_ABOVE {
            frozen.slow.retain(|_, (delay, last)| *last + *delay > now);
        }
        drop(frozen);
        for keyed in [&self.chats, &self.groups] {
            if keyed.len() > PURGE_ABOVE {
                keyed.retain_recent();
                keyed.shrink_to_fit();
            }
        }
    }

    /// Sends `request` to `chat` within the limits. On `RetryAfter` it freezes
    /// (every chat, or only a group in slow mode), waits it out and sends the same
    /// request again: it is delivered exactly once.
    pub async fn send<R>(&self, bot: &Bot, chat: ChatId, request: R) -> Result<Output<R>, RequestError>
    where
        R: Request<Err = RequestError>,
    {
        loop {
            self.acquire(chat).await;
            match request.send_ref().await {
                Err(RequestError::RetryAfter(after)) => self.freeze(bot, chat, after.duration()).await,
                result => return result,
            }
        }
    }

    /// After Telegram said "retry after `after`" for `chat`.
    async fn freeze(&self, bot: &Bot, chat: ChatId, after: Duration) {
        let slow = match self.limits.slow_mode && chat.0 < 0 {
            true => bot.get_chat(chat).await.ok().and_then(|c| c.slow_mode_delay()).map(|d| d.duration()),
            false => None,
        };
        let now = Instant::now();
        let mut frozen = self.frozen.lock().unwrap_or_else(|e| e.into_inner());
        match slow {
            // The group's slow mode, most likely, not the bot's overall pace.
            Some(delay) if delay <= after => {
                frozen.slow.insert(chat.0, (delay, now));
            }
            _ => {
                warn!(
                    chat_id = chat.0,
                    retry_after_s = after.as_secs(),
                    "Telegram asked to slow down; every chat waits"
                );
                frozen.until = Some(frozen.until.map_or(now + after, |until| until.max(now + after)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use governor::clock::FakeRelativeClock;

    fn pace() -> (Pace<FakeRelativeClock>, FakeRelativeClock) {
        let clock = FakeRelativeClock::default();
        (Pace::with_clock(PaceLimits::default(), clock.clone()), clock)
    }

    #[test]
    fn one_message_a_second_per_chat() {
        let (pace, clock) = pace();
        assert_eq!(pace.take_chat(1), Ok(()));
        let wait = pace.take_chat(1).unwrap_err();
        assert_eq!(wait, Duration::from_millis(1_040));
        assert_eq!(pace.take_chat(2), Ok(()), "another chat is not held up");
        clock.advance(wait);
        assert_eq!(pace.take_chat(1), Ok(()));
    }

    #[test]
    fn no_minute_holds_more_than_20_in_a_group() {
        let (pace, clock) = pace();
        let mut sent = 0;
        // Try every 100 ms for a minute (inclusive of both ends).
        for _ in 0..=600 {
            if pace.take_chat(-100).is_ok() {
                sent += 1;
            }
            clock.advance(Duration::from_millis(100));
        }
        assert!((15..=20).contains(&sent), "{sent}");
    }

    #[test]
    fn no_second_holds_more_than_30_overall() {
        let (pace, clock) = pace();
        let mut sent = 0;
        for _ in 0..=100 {
            while pace.take_overall().is_ok() {
                sent += 1;
            }
            clock.advance(Duration::from_millis(10));
        }
        assert!((25..=30).contains(&sent), "{sent}");
    }

    #[test]
    fn memory_stays_bounded_with_100_000_chats_in_an_hour() {
        let (pace, clock) = pace();
        let mut most = 0;
        // 100,000 distinct chats, one every 36 ms: an hour.
        for chat in 0..100_000i64 {
            clock.advance(Duration::from_millis(36));
            assert_eq!(pace.take_chat(-chat), Ok(()));
            pace.sent(-chat);
            most = most.max(pace.chats.len() + pace.groups.len());
        }
        assert!(most <= 2 * (PURGE_ABOVE + 1), "tracked up to {most} chats");
    }
}
