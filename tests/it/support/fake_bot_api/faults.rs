//! Fault injection: tests queue misbehaviours for a method (rate limits, server
//! errors, delays, conflicts, broken bodies) to check the bot survives them the way
//! it must survive the real Telegram.

use std::time::Duration;

/// One misbehaviour of the server, applied to one matching call.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// 429 `Too Many Requests: retry after N` with `parameters.retry_after = N`
    /// (teloxide: `RequestError::RetryAfter`).
    RetryAfter(u32),
    /// A 5xx answered in Bot API JSON, e.g. 500 `Internal Server Error`.
    /// Note teloxide sleeps 10 s after any 5xx before reading the body.
    ServerError(u16),
    /// 502 with an HTML body, as the proxy in front of Telegram sends it.
    BadGateway,
    /// Waits this long, then answers normally.
    Delay(Duration),
    /// 409 `Conflict: terminated by other getUpdates request; ...`
    /// (teloxide: `ApiError::TerminatedByOtherGetUpdates`).
    Conflict,
    /// 200 with a body that is not valid JSON (teloxide: `RequestError::InvalidJson`).
    MalformedJson,
    /// Any `{"ok":false}` answer, e.g. 403 "Forbidden: bot was blocked by the user".
    Api { code: u16, description: String },
}

impl Fault {
    /// Shorthand for [`Fault::Api`].
    pub fn api(code: u16, description: &str) -> Self {
        Fault::Api { code, description: description.to_owned() }
    }
}

/// A queued fault: which method it hits and how many more times.
#[derive(Clone, Debug)]
pub(crate) struct QueuedFault {
    /// Lowercased method name, or `*` for any method.
    pub method: String,
    pub fault: Fault,
    pub remaining: usize,
}

/// Takes the first queued fault that matches `method` (lowercased), in the order
/// they were queued.
pub(crate) fn take(queue: &mut Vec<QueuedFault>, method: &str) -> Option<Fault> {
    let pos = queue.iter().position(|q| q.method == "*" || q.method == method)?;
    let fault = queue[pos].fault.clone();
    queue[pos].remaining -= 1;
    if queue[pos].remaining == 0 {
        queue.remove(pos);
    }
    Some(fault)
}
