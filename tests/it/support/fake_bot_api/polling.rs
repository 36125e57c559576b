//! `getUpdates` long polling with Telegram's semantics: `offset` confirms (drops)
//! earlier updates, `limit` caps the batch, `timeout` holds the request open until
//! an update is pushed or the time is up, and a newer getUpdates ends an older
//! waiting one with 409 Conflict (two bot instances polling at once).

use std::{sync::Arc, time::Duration};

use serde_json::{Map, Value, json};
use tokio::time::Instant;

use super::{
    checks::ApiErr,
    record::Violation,
    state::{Shared, State},
};

pub const CONFLICT: &str =
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const WEBHOOK_ACTIVE: &str = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

/// Counts this request among the waiting polls while it lives.
struct Waiting<'a>(&'a Shared);

impl<'a> Waiting<'a> {
    fn new(shared: &'a Shared) -> Self {
        shared.waiting_polls.send_modify(|n| *n += 1);
        Waiting(shared)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.waiting_polls.send_modify(|n| *n -= 1);
    }
}

/// The update's type: its one key besides `update_id`.
fn kind(update: &Value) -> String {
    update.as_object().and_then(|o| o.keys().find(|k| *k != "update_id").cloned()).unwrap_or_default()
}

/// Telegram never delivers updates of types the bot did not ask for (teloxide
/// derives `allowed_updates` from the handler tree). Drop them like Telegram, and
/// record a violation: in production the bot would silently miss them.
fn drop_unwanted(st: &mut State) {
    const NOT_BY_DEFAULT: [&str; 3] = ["chat_member", "message_reaction", "message_reaction_count"];
    let allowed = st.allowed_updates.clone();
    let wanted = |k: &str| match &allowed {
        Some(list) => list.iter().any(|a| a == k),
        None => !NOT_BY_DEFAULT.contains(&k),
    };
    let (keep, dropped): (Vec<Value>, Vec<Value>) = st.updates.drain(..).partition(|u| wanted(&kind(u)));
    st.updates = keep.into();
    for u in dropped {
        st.violations.push(Violation {
            method: "getUpdates".into(),
            path: "allowed_updates".into(),
            message: format!(
                "update {} ({}) not delivered: the bot asked only for {:?}",
                u["update_id"],
                kind(&u),
                allowed.as_deref().unwrap_or_default()
            ),
        });
    }
}

pub(crate) async fn get_updates(shared: &Arc<Shared>, params: &Map<String, Value>) -> Result<Value, ApiErr> {
    let offset = params.get("offset").and_then(Value::as_i64).unwrap_or(0);
    let limit = params.get("limit").and_then(Value::as_i64).unwrap_or(100).clamp(1, 100) as usize;
    let timeout = params.get("timeout").and_then(Value::as_u64).unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs(timeout).min(shared.config.max_poll_wait);

    let (generation, release_epoch) = {
        let mut st = shared.lock();
        if !st.webhook_url.is_empty() {
            return Err(ApiErr::new(409, WEBHOOK_ACTIVE));
        }
        // An offset confirms every update before it; a negative one keeps only the
        // last -offset updates.
        if offset > 0 {
            st.updates.retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
        } else if offset < 0 {
            let keep = offset.unsigned_abs() as usize;
            while st.updates.len() > keep {
                st.updates.pop_front();
            }
        }
        // Telegram remembers allowed_updates until the next call that gives it.
        if let Some(Value::Array(kinds)) = params.get("allowed_updates") {
            let kinds: Vec<String> = kinds.iter().filter_map(Value::as_str).map(str::to_owned).collect();
            st.allowed_updates = (!kinds.is_empty()).then_some(kinds);
        }
        st.poll_generation += 1;
        (st.poll_generation, st.poll_release_epoch)
    };
    // Wake an older waiting poll so it notices it was superseded.
    shared.bump();

    let mut changed = shared.changed.subscribe();
    let mut waiting = None;
    loop {
        {
            let mut st = shared.lock();
            drop_unwanted(&mut st);
            if st.poll_generation != generation && shared.config.conflict_on_concurrent_polls {
                return Err(ApiErr::new(409, CONFLICT));
            }
            let batch: Vec<Value> = st.updates.iter().take(limit).cloned().collect();
            if !batch.is_empty() {
                return Ok(Value::Array(batch));
            }
            if st.stopping || st.poll_release_epoch != release_epoch || Instant::now() >= deadline {
                return Ok(json!([]));
            }
        }
        waiting.get_or_insert_with(|| Waiting::new(shared));
        tokio::select! {
            _ = changed.changed() => {}
            _ = tokio::time::sleep_until(deadline) => {}
        }
    }
}
