//! Helpers shared by storybot's integration tests.
//!
//! - [`fake_bot_api`]: a fake Telegram Bot API server over real HTTP, for
//!   end-to-end tests of the Telegram layer.

pub mod fake_bot_api;
