//! Settings from flags, the environment and `.env` (the environment wins; dotenvy is
//! loaded by `main` before anything reads them), parsed once into typed values before
//! anything runs: [`RunSettings`] is everything `run` needs, and every bad value in it
//! is reported at once. The token is only needed by `run` and never printed: its
//! `Debug` is redacted.

use std::fmt;
use std::path::PathBuf;

pub use url::Url;

mod telegram;
mod webhook;

pub use telegram::{TelegramSettings, Token};
pub use webhook::{DEFAULT_LISTEN, WebhookSecret, WebhookSettings};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error(
        "TELOXIDE_TOKEN is not set; get a token from @BotFather and put TELOXIDE_TOKEN=... in .env (see .env.example)"
    )]
    MissingToken,
    #[error(
        "TELOXIDE_TOKEN does not look like a bot token (expected digits, a colon and 30+ letters, like 123456:ABC-DEF...); copy it again from @BotFather"
    )]
    MalformedToken,
    #[error(
        "STORYBOT_ADMINS has {0:?}, which is not a Telegram user id; list numeric ids like 123456789, 987654321"
    )]
    BadAdmins(String),
    #[error(
        "TELOXIDE_API_URL {0:?} is not an http(s) URL; unset it to use Telegram's, or give one like http://127.0.0.1:8081"
    )]
    BadApiUrl(String),
    #[error(
        "STORYBOT_RETENTION_DAYS is {0:?}; give a whole number of days from 1 to {MAX_DAYS} (the default is {DEFAULT_RETENTION_DAYS})"
    )]
    BadRetention(String),
    #[error(
        "STORYBOT_INLINE_IN_FLIGHT is {0:?}; give how many inline queries to answer at a time, from 1 to {MAX_IN_FLIGHT} (the default is {DEFAULT_IN_FLIGHT})"
    )]
    BadInFlight(String),
    #[error(
        "the webhook URL (--webhook-url or STORYBOT_WEBHOOK_URL) {0:?} is not an https:// URL with a host; Telegram delivers webhooks only over HTTPS, e.g. https://bot.example.com/telegram (ports 443, 80, 88 or 8443)"
    )]
    BadWebhookUrl(String),
    #[error(
        "the listen address (--listen or STORYBOT_LISTEN) {0:?} is not an IP address and port like 127.0.0.1:8443 or 0.0.0.0:8443"
    )]
    BadListen(String),
    #[error(
        "--listen is only for webhook mode: give --webhook-url (or STORYBOT_WEBHOOK_URL) too, or drop --listen to use long polling"
    )]
    ListenWithoutWebhook,
    #[error(
        "webhook mode needs STORYBOT_WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and - (e.g. from `openssl rand -hex 32`); Telegram sends it with every update and the bot refuses requests without it"
    )]
    MissingWebhookSecret,
    // Never shows the secret itself: only what is wrong with it.
    #[error(
        "STORYBOT_WEBHOOK_SECRET {0}; use 1-256 characters of A-Z, a-z, 0-9, _ and - (e.g. from `openssl rand -hex 32`)"
    )]
    BadWebhookSecret(String),
}

/// A variable's value, unless it is unset or blank.
fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Telegram user ids allowed to use admin commands (`/reload`), from
/// `STORYBOT_ADMINS` ("123, 456"). Nobody by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Admins(Vec<i64>);

impl Admins {
    pub fn new(ids: Vec<i64>) -> Admins {
        Admins(ids)
    }

    pub fn parse(raw: &str) -> Result<Admins, ConfigError> {
        raw.split([',', ' ', ';'])
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().parse::<i64>().map_err(|_| ConfigError::BadAdmins(s.trim().to_string())))
            .collect::<Result<Vec<_>, _>>()
            .map(Admins)
    }

    pub fn from_env() -> Result<Admins, ConfigError> {
        std::env::var("STORYBOT_ADMINS").map_or(Ok(Admins::default()), |raw| Admins::parse(&raw))
    }

    pub fn contains(&self, user: i64) -> bool {
        self.0.contains(&user)
    }
}

/// Where the record of what people asked is kept (`STORYBOT_DATA`), and for how long
/// (`STORYBOT_RETENTION_DAYS`): see `crate::record`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataSettings {
    pub path: PathBuf,
    pub retention_days: u32,
}

/// How long records are kept when `STORYBOT_RETENTION_DAYS` is not set: long enough
/// to see a quarter's trends, short enough that old words do not pile up.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

impl DataSettings {
    /// Reads `STORYBOT_DATA` (default `data/storybot.sqlite3`) and
    /// `STORYBOT_RETENTION_DAYS` (default 90) from the environment.
    pub fn from_env() -> Result<DataSettings, ConfigError> {
        let path = std::env::var_os("STORYBOT_DATA")
            .filter(|p| !p.is_empty())
            .map_or_else(default_data, PathBuf::from);
        let retention_days = match var("STORYBOT_RETENTION_DAYS") {
            Some(raw) => parse_retention(&raw)?,
            None => DEFAULT_RETENTION_DAYS,
        };
        Ok(DataSettings { path, retention_days })
    }
}

/// The longest `STORYBOT_RETENTION_DAYS` (and `report --days`) accepted: a century.
pub const MAX_DAYS: u32 = 36_500;

pub fn parse_retention(raw: &str) -> Result<u32, ConfigError> {
    match raw.trim().parse::<u32>() {
        Ok(days) if (1..=MAX_DAYS).contains(&days) => Ok(days),
        _ => Err(ConfigError::BadRetention(raw.to_string())),
    }
}

/// Where the records database is when no flag or variable says.
pub fn default_data() -> PathBuf {
    PathBuf::from("data/storybot.sqlite3")
}

/// Where the knowledge folder is when no flag or variable says.
pub fn default_knowledge() -> PathBuf {
    PathBuf::from("knowledge")
}

/// Everything `storybot run` needs besides the knowledge, parsed and checked before
/// anything starts, so any bad setting stops it at once with every problem named.
#[derive(Debug, Clone)]
pub struct RunSettings {
    pub telegram: TelegramSettings,
    /// `None`: long polling.
    pub webhook: Option<WebhookSettings>,
    pub admins: Admins,
    pub data: DataSettings,
    /// How many inline queries are answered at a time (`STORYBOT_INLINE_IN_FLIGHT`).
    pub inline_in_flight: usize,
}

/// How many inline queries are answered at a time by default: enough to keep up
/// with a thousand a second against a server 50 ms away, few enough to be gentle.
pub const DEFAULT_IN_FLIGHT: usize = 64;

/// The most inline queries answered at a time that `STORYBOT_INLINE_IN_FLIGHT` takes.
pub const MAX_IN_FLIGHT: usize = 1_024;

fn parse_in_flight(raw: &str) -> Result<usize, ConfigError> {
    match raw.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_IN_FLIGHT).contains(&n) => Ok(n),
        _ => Err(ConfigError::BadInFlight(raw.to_string())),
    }
}

/// The value, or `None` with its problem added to `errors`.
fn keep<T>(errors: &mut Vec<ConfigError>, result: Result<T, ConfigError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

/// Every problem found in the settings, one a line.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for ConfigErrors {}

impl RunSettings {
    /// Reads every setting `run` uses, the webhook's from its flags first.
    pub fn from_env(webhook_url: Option<&str>, listen: Option<&str>) -> Result<RunSettings, ConfigErrors> {
        let mut errors = Vec::new();
        let telegram = keep(&mut errors, TelegramSettings::from_env());
        let webhook = keep(&mut errors, WebhookSettings::from_env(webhook_url, listen));
        let admins = keep(&mut errors, Admins::from_env());
        let data = keep(&mut errors, DataSettings::from_env());
        let in_flight = var("STORYBOT_INLINE_IN_FLIGHT").map(|raw| parse_in_flight(&raw));
        let inline_in_flight = keep(&mut errors, in_flight.unwrap_or(Ok(DEFAULT_IN_FLIGHT)));
        match (telegram, webhook, admins, data, inline_in_flight) {
            (Some(telegram), Some(webhook), Some(admins), Some(data), Some(inline_in_flight))
                if errors.is_empty() =>
            {
                Ok(RunSettings { telegram, webhook, admins, data, inline_in_flight })
            }
            _ => Err(ConfigErrors(errors)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admins_are_numeric_ids() {
        let admins = Admins::parse("123, 456").unwrap();
        assert!(admins.contains(456) && !admins.contains(789));
        assert_eq!(Admins::parse("12, bob"), Err(ConfigError::BadAdmins("bob".into())));
        assert_eq!(Admins::parse(""), Ok(Admins::default()));
    }

    #[test]
    fn retention_is_a_positive_number_of_days() {
        assert_eq!(parse_retention(" 30 "), Ok(30));
        assert_eq!(parse_retention("0"), Err(ConfigError::BadRetention("0".into())));
        assert_eq!(parse_retention("two weeks"), Err(ConfigError::BadRetention("two weeks".into())));
    }
}
