//! Logs: structured lines on standard error, at `RUST_LOG`'s level (info by default).
//! Colour only on a terminal and only without `NO_COLOR` (https://no-color.org): a
//! file, a pipe or journald gets plain text, with no escape codes to read around.

use std::ffi::OsStr;
use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

/// The filter when `RUST_LOG` is unset or invalid.
const DEFAULT_FILTER: &str = "info";

/// Installs the process-wide subscriber; the binary calls it once, first.
pub fn init() {
    let no_color = std::env::var_os("NO_COLOR");
    let ansi = use_colour(std::io::stderr().is_terminal(), no_color.as_deref());
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER)))
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .init();
}

/// Colour when stderr is a terminal and `NO_COLOR` is unset or empty (an empty value
/// does not count, as no-color.org says).
pub fn use_colour(stderr_is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    stderr_is_terminal && no_color.is_none_or(OsStr::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(use_colour(true, None));
        assert!(use_colour(true, Some(OsStr::new(""))));
        assert!(!use_colour(true, Some(OsStr::new("1"))));
        assert!(!use_colour(false, None), "a file or a pipe gets no escape codes");
        assert!(!use_colour(false, Some(OsStr::new("1"))));
    }
}
