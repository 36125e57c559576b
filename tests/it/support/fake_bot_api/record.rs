//! What the fake server remembers about each request, for tests to assert on: the
//! calls (method, parameters, outcome, time) and the spec violations found in them.

use std::{fmt, time::Instant};

use serde_json::Value;

/// One request to `/bot<token>/<method>`, as the fake server saw and answered it.
#[derive(Clone, Debug)]
pub struct Call {
    /// Position in the order of arrival (0-based), across all methods.
    pub seq: usize,
    /// The method name lowercased (`sendmessage`): Telegram ignores case.
    pub method: String,
    /// The spec's spelling (`sendMessage`), or the name as sent if unknown.
    pub name: String,
    /// The parameters, decoded from JSON, form, multipart or the query string into
    /// one JSON object (form values coerced to the parameter's type).
    pub params: Value,
    /// When the request arrived.
    pub received: Instant,
    /// The HTTP status answered; `None` while still being handled (a long poll),
    /// `Some(499)` if the client went away before the answer.
    pub status: Option<u16>,
    /// The JSON body answered (`{"ok":...}`), when it was JSON.
    pub response: Option<Value>,
}

impl Call {
    /// Whether the call was answered `{"ok": true, ...}`.
    pub fn ok(&self) -> bool {
        self.response.as_ref().and_then(|r| r["ok"].as_bool()) == Some(true)
    }

    /// The `result` of a successful call (e.g. the sent `Message`).
    pub fn result(&self) -> Option<&Value> {
        self.response.as_ref().filter(|r| r["ok"] == true).map(|r| &r["result"])
    }

    /// The `chat_id` parameter as an integer, when it is one.
    pub fn chat_id(&self) -> Option<i64> {
        self.params["chat_id"].as_i64()
    }

    /// Whether the answer has been sent.
    pub fn finished(&self) -> bool {
        self.status.is_some()
    }
}

/// Something the bot sent that the Bot API spec does not allow, although the
/// server answered it anyway (as Telegram often would, silently ignoring it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The method's spec spelling (or the path, for a request that had none).
    pub method: String,
    /// Where in the parameters: `parse_mod`, `reply_markup.inline_keyboard[0][1].foo`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.method, self.path, self.message)
    }
}
