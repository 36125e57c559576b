//! Helpers shared by storybot's integration tests (`mod support;` in a test file).
//!
//! - [`fake_bot_api`]: a fake Telegram Bot API server over real HTTP, for
//!   end-to-end tests of the Telegram layer.

// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

pub mod fake_bot_api;
