//! Retrying calls the bot cannot run without (getMe, getUpdates, setWebhook) while
//! the Bot API is unreachable: one back-off, one warning that says what to check,
//! a wait that a stop cuts short, and one rule for what no retry fixes.

use std::time::Duration;

use teloxide::{ApiError, RequestError};
use tokio::sync::watch;
use tracing::warn;

use super::shutdown::{Phase, stopped};

/// The first delay after a failure; it doubles with each failure after it.
const BACKOFF_FIRST: Duration = Duration::from_millis(500);

/// The longest delay between two attempts: a bot that comes back within half a
/// minute of Telegram (or a local server) is soon enough.
pub const BACKOFF_CAP: Duration = Duration::from_secs(30);

/// The doublings after which the cap is reached (0.5 s × 2⁶ = 32 s ≥ 30 s).
const DOUBLINGS: u32 = 6;

/// What the error says when Telegram refuses the token.
pub(super) const REJECTED: &str = "the Bot API rejected the token (401 Unauthorized or 404 Not Found); check TELOXIDE_TOKEN (and TELOXIDE_API_URL if set)";

/// The delay before the attempt after `failures` failures.
pub(super) fn backoff(failures: u32) -> Duration {
    (BACKOFF_FIRST * 2u32.pow(failures.min(DOUBLINGS))).min(BACKOFF_CAP)
}

/// The failures of one retried step (connecting, polling, setting the webhook).
pub(super) struct Retry {
    what: &'static str,
    /// The server being retried, for the warning (never holds the token).
    api: String,
    failures: u32,
}

/// What to do after a failed attempt.
pub(super) enum Next {
    /// Try again now: the back-off has been waited out.
    Again,
    /// A stop was asked for while waiting.
    Stopped,
}

impl Retry {
    pub(super) fn new(what: &'static str, api: &url::Url) -> Retry {
        Retry { what, api: api.to_string(), failures: 0 }
    }

    /// After `error`: an error when no retry can fix it (a rejected token), else
    /// warns with how to check the server and waits the back-off, unless a stop
    /// comes first.
    pub(super) async fn after(
        &mut self,
        error: RequestError,
        phase: &mut watch::Receiver<Phase>,
    ) -> anyhow::Result<Next> {
        if let RequestError::Api(ApiError::InvalidToken) = error {
            anyhow::bail!(REJECTED);
        }
        let delay = backoff(self.failures);
        self.failures += 1;
        warn!(
            error = %error,
            api = %self.api,
            retry_in_ms = delay.as_millis() as u64,
            backoff_cap_s = BACKOFF_CAP.as_secs(),
            "{}; retrying. Check that the Bot API server is up and that TELOXIDE_API_URL, if set, points at it (unset it for Telegram's)",
            self.what
        );
        tokio::select! {
            _ = tokio::time::sleep(delay) => Ok(Next::Again),
            _ = stopped(phase) => Ok(Next::Stopped),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let delays: Vec<u64> = (0..9).map(|n| backoff(n).as_millis() as u64).collect();
        assert_eq!(delays, [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    }
}
