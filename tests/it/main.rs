//! storybot's integration tests, in one test crate so they link once (as ripgrep and
//! cargo do). Each module is one area; `support` is the fake Bot API server and
//! `telegram_harness` runs the real bot against it over HTTP on 127.0.0.1.
//!
//! The logging test is the one other test binary (`tests/logging.rs`): it installs
//! the process-wide tracing subscriber, which would capture every test here.

mod support;
mod telegram_harness;

mod asked;
mod asked_measure;
mod asked_shapes;
mod asked_source;
mod bot_views;
mod byline;
mod cache;
mod chat;
mod chat_speakers;
mod check;
mod cli;
mod compare;
mod contrast_gaps;
mod conversations;
mod credit_questions;
mod declines;
mod declines_fate;
mod deploy;
mod docs;
mod eval_floor;
mod fake_api_selftest;
mod fake_api_updates_selftest;
mod followups;
mod followups_ask_corrected;
mod followups_asked_again;
mod followups_doubted;
mod followups_exact;
mod followups_fragments;
mod followups_fresh_subject;
mod followups_shapes;
mod followups_sources;
mod followups_unshown;
mod gap_only_names;
mod gap_reason;
mod gap_yes_no;
mod injection_pivots;
mod knowledge_details;
mod lexicon_phrases;
mod lists;
mod lists_handed;
mod lists_membership;
mod logs;
mod long_messages;
mod matching;
mod message_parts;
mod names_asked;
mod noisy;
mod orders_to_ignore;
mod premise;
mod premise_confirm;
mod premise_counted;
mod premise_elsewhere;
mod premise_swap;
mod premise_which;
mod properties;
mod reader_words;
mod record_bot;
#[cfg(unix)]
mod record_crash;
mod record_report;
mod replies;
mod reply_credit;
mod snapshot;
mod soak;
mod subject;
mod telegram_commands;
mod telegram_context;
mod telegram_faults;
mod telegram_flood;
mod telegram_groups;
mod telegram_inline_buttons;
mod telegram_lifecycle;
mod telegram_private;
mod telegram_reload;
mod telegram_slow_mode;
mod telegram_slow_poll;
mod telegram_traffic;
mod telegram_webhook;
