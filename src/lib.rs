//! storybot answers questions about one news story, with the article's own words.
//!
//! Data flows one way, and the module list follows it:
//!
//! - [`config`]: settings from flags, the environment and `.env`;
//! - [`knowledge`]: the knowledge folder, loaded and validated (every problem at once);
//! - [`matcher`]: a question → answer, clarify, small talk or "the article doesn't say"
//!   (pure, synchronous, bounded time);
//! - [`reply`]: a match → plain text or Telegram HTML within Telegram's limits, with
//!   a [`link`] that opens the article at the quote;
//! - [`conversation`]: the last answer a transport keeps per conversation, so a
//!   follow-up ("and what did he say?") is read with it;
//! - [`cli`] and [`telegram`]: the transports;
//! - [`cache`]: the loaded engine kept on disk, so one-shot commands start fast.
//!
//! Everything above the transports is synchronous and free of I/O after loading.

// The command line prints through `cli::say` and `cli::tell`, which a closed pipe
// cannot make panic.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod cache;
pub mod cli;
pub mod config;
pub mod conversation;
pub mod engine;
pub mod evaluate;
pub mod explain;
pub mod knowledge;
pub mod lang;
pub mod link;
pub mod live;
pub mod logging;
pub mod matcher;
pub mod record;
pub mod reply;
pub mod telegram;
