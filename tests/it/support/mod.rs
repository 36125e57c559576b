//! Helpers shared by storybot's integration tests.
//!
//! - [`fake_bot_api`]: a fake Telegram Bot API server over real HTTP, for
//!   end-to-end tests of the Telegram layer.
//! - [`TEST_CACHE`]: the start-up cache the tests' one-shot commands use.

pub mod fake_bot_api;

/// `STORYBOT_CACHE_DIR` for the binary's one-shot commands (`ask`, `chat`, `explain`):
/// a folder under the build's own `target/`, never the user's `~/.cache`.
pub const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/storybot-cache");
