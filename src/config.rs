//! Settings from flags, the environment and `.env` (the environment wins; dotenvy is
//! loaded by `main` before anything reads them). The token is only needed by `run` and
//! never printed: its `Debug` is redacted.

use std::fmt;
use std::path::PathBuf;

/// A bot token from @BotFather, checked for shape so a typo fails at start, not later.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = self.0.split(':').next().unwrap_or("");
        write!(f, "Token({id}:<redacted>)")
    }
}

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
        "STORYBOT_RETENTION_DAYS is {0:?}; give a whole number of days from 1 to 36500 (the default is 90)"
    )]
    BadRetention(String),
}

impl Token {
    pub fn parse(raw: &str) -> Result<Token, ConfigError> {
        let raw = raw.trim();
        let (id, secret) = raw.split_once(':').ok_or(ConfigError::MalformedToken)?;
        let id_ok = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
        let secret_ok =
            secret.len() >= 30 && secret.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if id_ok && secret_ok { Ok(Token(raw.to_string())) } else { Err(ConfigError::MalformedToken) }
    }

    /// The secret itself, for the HTTP client only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// What `run` needs beyond the knowledge folder.
#[derive(Debug, Clone)]
pub struct TelegramSettings {
    pub token: Token,
    pub api_url: Option<String>,
}

impl TelegramSettings {
    /// Reads `TELOXIDE_TOKEN` and `TELOXIDE_API_URL` from the environment.
    pub fn from_env() -> Result<TelegramSettings, ConfigError> {
        let token = std::env::var("TELOXIDE_TOKEN")
            .ok()
            .filter(|t| !t.trim().is_empty())
            .ok_or(ConfigError::MissingToken)?;
        let token = Token::parse(&token)?;
        let api_url = std::env::var("TELOXIDE_API_URL").ok().filter(|u| !u.trim().is_empty());
        if let Some(url) = &api_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(ConfigError::BadApiUrl(url.clone()));
            }
        }
        Ok(TelegramSettings { token, api_url })
    }
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
        let retention_days = match std::env::var("STORYBOT_RETENTION_DAYS") {
            Ok(raw) if !raw.trim().is_empty() => parse_retention(&raw)?,
            _ => DEFAULT_RETENTION_DAYS,
        };
        Ok(DataSettings { path, retention_days })
    }
}

pub fn parse_retention(raw: &str) -> Result<u32, ConfigError> {
    match raw.trim().parse::<u32>() {
        Ok(days) if (1..=36_500).contains(&days) => Ok(days),
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

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";

    #[test]
    fn token_shape_is_checked() {
        assert!(Token::parse(GOOD).is_ok());
        assert_eq!(Token::parse("abc"), Err(ConfigError::MalformedToken));
        assert_eq!(Token::parse("12:short"), Err(ConfigError::MalformedToken));
    }

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

    #[test]
    fn token_debug_never_shows_the_secret() {
        let shown = format!("{:?}", Token::parse(GOOD).unwrap());
        assert_eq!(shown, "Token(123456789:<redacted>)");
        assert!(!shown.contains("AAHdq"));
    }
}
