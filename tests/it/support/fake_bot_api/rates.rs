//! The highest send rates in a run, measured the way Telegram limits them: messages
//! in any one second overall and per chat, and in any one minute per group.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::record::Call;

/// The most messages seen in one sliding window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rates {
    /// In any one second, to all chats together (Telegram: about 30).
    pub overall_per_second: usize,
    /// In any one second, to one chat (Telegram: about 1).
    pub chat_per_second: usize,
    /// In any one minute, to one group or channel (Telegram: 20).
    pub group_per_minute: usize,
    /// The shortest time between two messages to the same chat.
    pub closest_in_a_chat: Option<Duration>,
}

impl Rates {
    /// The rates of `sends` (sendMessage calls).
    pub fn of(sends: &[Call]) -> Rates {
        let mut all: Vec<Instant> = sends.iter().map(|c| c.received).collect();
        all.sort();
        let mut by_chat: HashMap<i64, Vec<Instant>> = HashMap::new();
        for call in sends {
            by_chat.entry(call.chat_id().unwrap_or_default()).or_default().push(call.received);
        }
        let mut rates =
            Rates { overall_per_second: most_within(&all, Duration::from_secs(1)), ..Rates::default() };
        for (chat, times) in &mut by_chat {
            times.sort();
            rates.chat_per_second = rates.chat_per_second.max(most_within(times, Duration::from_secs(1)));
            if *chat < 0 {
                rates.group_per_minute =
                    rates.group_per_minute.max(most_within(times, Duration::from_secs(60)));
            }
            let closest = times.windows(2).map(|w| w[1] - w[0]).min();
            rates.closest_in_a_chat = match (rates.closest_in_a_chat, closest) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        rates
    }
}

/// The most of the sorted `times` that fall within any window of length `window`
/// (a half-open interval: `[t, t + window)`).
fn most_within(times: &[Instant], window: Duration) -> usize {
    let mut most = 0;
    let mut start = 0;
    for (end, t) in times.iter().enumerate() {
        while *t - times[start] >= window {
            start += 1;
        }
        most = most.max(end - start + 1);
    }
    most
}
