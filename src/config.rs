//! Settings from flags, the environment and `.env` (the environment wins; dotenvy is
//! loaded by `main` before anything reads them), parsed once into typed values before
//! anything runs: [`RunSettings`] is everything `run` needs, and every bad value in it
//! is reported at once. The token is only needed by `run` and never printed: its
//! `Debug` is redacted.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

pub use url::Url;

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

/// The shortest secret part (after the colon) of a token @BotFather issues.
const MIN_TOKEN_SECRET: usize = 30;

/// Telegram's limit on a webhook secret, in characters.
const MAX_WEBHOOK_SECRET: usize = 256;

impl Token {
    pub fn parse(raw: &str) -> Result<Token, ConfigError> {
        let raw = raw.trim();
        let (id, secret) = raw.split_once(':').ok_or(ConfigError::MalformedToken)?;
        let id_ok = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
        let secret_ok = secret.len() >= MIN_TOKEN_SECRET
            && secret.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if id_ok && secret_ok { Ok(Token(raw.to_string())) } else { Err(ConfigError::MalformedToken) }
    }

    /// The secret itself, for the HTTP client only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// How to reach the Bot API: the token, and another server than Telegram's if set.
#[derive(Debug, Clone)]
pub struct TelegramSettings {
    pub token: Token,
    pub api_url: Option<Url>,
}

impl TelegramSettings {
    /// Reads `TELOXIDE_TOKEN` and `TELOXIDE_API_URL` from the environment.
    pub fn from_env() -> Result<TelegramSettings, ConfigError> {
        TelegramSettings::parse(var("TELOXIDE_TOKEN").as_deref(), var("TELOXIDE_API_URL").as_deref())
    }

    /// Checks the raw values; the first problem found.
    pub fn parse(token: Option<&str>, api_url: Option<&str>) -> Result<TelegramSettings, ConfigError> {
        let token = Token::parse(token.ok_or(ConfigError::MissingToken)?)?;
        Ok(TelegramSettings { token, api_url: api_url.map(parse_api_url).transpose()? })
    }
}

/// An `http(s)://` URL of a Bot API server.
fn parse_api_url(raw: &str) -> Result<Url, ConfigError> {
    let raw = raw.trim();
    match Url::parse(raw) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => Ok(url),
        _ => Err(ConfigError::BadApiUrl(raw.to_string())),
    }
}

/// A variable's value, unless it is unset or blank.
fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Where the webhook server listens when `--listen` and `STORYBOT_LISTEN` are not set:
/// loopback, for a reverse proxy on the same host to forward to.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8443";

/// The secret Telegram sends with every webhook request
/// (`X-Telegram-Bot-Api-Secret-Token`); its `Debug` is redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(String);

impl fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookSecret(<redacted>)")
    }
}

impl WebhookSecret {
    /// 1-256 characters of `A-Z a-z 0-9 _ -`, as Telegram requires. Errors say what is
    /// wrong without repeating the secret.
    pub fn parse(raw: &str) -> Result<WebhookSecret, ConfigError> {
        let len = raw.chars().count();
        if len == 0 {
            return Err(ConfigError::MissingWebhookSecret);
        }
        if len > MAX_WEBHOOK_SECRET {
            return Err(ConfigError::BadWebhookSecret(format!("is {len} characters long")));
        }
        if let Some(bad) = raw.chars().position(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')) {
            let bad = bad + 1;
            return Err(ConfigError::BadWebhookSecret(format!(
                "has a character other than A-Z, a-z, 0-9, _ and - (character {bad} of {len})"
            )));
        }
        Ok(WebhookSecret(raw.to_string()))
    }

    /// The secret itself, for `setWebhook` and the request check only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Webhook mode (`storybot run --webhook-url ...`): Telegram POSTs each update to
/// `url`, which a reverse proxy forwards to `listen`; every request must carry
/// `secret`. Long polling is used when no URL is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookSettings {
    /// The public https URL given to `setWebhook`; its path is also the path the bot
    /// serves on `listen`.
    pub url: Url,
    pub listen: SocketAddr,
    pub secret: WebhookSecret,
}

impl WebhookSettings {
    /// Webhook settings from the flags, each falling back to its variable
    /// (`STORYBOT_WEBHOOK_URL`, `STORYBOT_LISTEN`); the secret only from
    /// `STORYBOT_WEBHOOK_SECRET` (a flag would show in `ps`). `None`: long polling.
    pub fn from_env(
        url_flag: Option<&str>,
        listen_flag: Option<&str>,
    ) -> Result<Option<WebhookSettings>, ConfigError> {
        let url = url_flag.map(str::to_string).or_else(|| var("STORYBOT_WEBHOOK_URL"));
        if url.is_none() && listen_flag.is_some() {
            return Err(ConfigError::ListenWithoutWebhook);
        }
        let listen = listen_flag.map(str::to_string).or_else(|| var("STORYBOT_LISTEN"));
        let secret = std::env::var("STORYBOT_WEBHOOK_SECRET").ok();
        WebhookSettings::parse(url.as_deref(), listen.as_deref(), secret.as_deref())
    }

    /// Validates the raw values: `None` when there is no URL (long polling).
    pub fn parse(
        url: Option<&str>,
        listen: Option<&str>,
        secret: Option<&str>,
    ) -> Result<Option<WebhookSettings>, ConfigError> {
        let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        let url = parse_https_url(url).ok_or_else(|| ConfigError::BadWebhookUrl(url.to_string()))?;
        let listen = listen.map(str::trim).filter(|l| !l.is_empty()).unwrap_or(DEFAULT_LISTEN);
        let listen = listen.parse::<SocketAddr>().map_err(|_| ConfigError::BadListen(listen.to_string()))?;
        let secret = WebhookSecret::parse(secret.unwrap_or("").trim())?;
        Ok(Some(WebhookSettings { url, listen, secret }))
    }
}

/// An absolute `https://host[:port]/...` URL, written out (the URL parser would take
/// `https:///path` for a host called "path").
fn parse_https_url(raw: &str) -> Option<Url> {
    let rest = raw.get(..8).filter(|s| s.eq_ignore_ascii_case("https://")).map(|_| &raw[8..])?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') || raw.chars().any(char::is_whitespace) {
        return None;
    }
    Url::parse(raw).ok().filter(Url::has_host)
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
    fn webhook_settings_are_checked() {
        let secret = "s3cret_-TOKEN";
        let ok =
            WebhookSettings::parse(Some("https://bot.example.com/tg"), None, Some(secret)).unwrap().unwrap();
        assert_eq!(ok.listen, DEFAULT_LISTEN.parse::<SocketAddr>().unwrap());
        assert_eq!(ok.secret.expose(), secret);
        assert_eq!(WebhookSettings::parse(None, Some("0.0.0.0:1"), None), Ok(None), "no URL: polling");
        let with = |url: &str, listen: Option<&str>, secret: Option<&str>| {
            WebhookSettings::parse(Some(url), listen, secret)
        };
        let listen = with("https://h.example:8443/x", Some("0.0.0.0:8443"), Some(secret)).unwrap().unwrap();
        assert_eq!(listen.listen.port(), 8443);
        for bad in
            ["http://bot.example.com/tg", "https://", "https:///path", "bot.example.com", "https://a b/"]
        {
            assert_eq!(with(bad, None, Some(secret)), Err(ConfigError::BadWebhookUrl(bad.into())), "{bad}");
        }
        assert_eq!(
            with("https://h/", Some("8443"), Some(secret)),
            Err(ConfigError::BadListen("8443".into()))
        );
        assert_eq!(with("https://h/", None, None), Err(ConfigError::MissingWebhookSecret));
        assert_eq!(with("https://h/", None, Some("")), Err(ConfigError::MissingWebhookSecret));
        assert!(matches!(
            with("https://h/", None, Some(&"a".repeat(257))),
            Err(ConfigError::BadWebhookSecret(_))
        ));
        assert!(with("https://h/", None, Some(&"a".repeat(256))).is_ok());
    }

    #[test]
    fn webhook_secret_never_shows_in_errors_or_debug() {
        let leaky = "hunter2 with spaces";
        let err = WebhookSecret::parse(leaky).unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("character 8 of 19"), "{shown}");
        let long = "Zq".repeat(200);
        let err = WebhookSecret::parse(&long).unwrap_err();
        assert!(!format!("{err} {err:?}").contains("ZqZq"));
        let settings =
            WebhookSettings::parse(Some("https://h/"), None, Some("TopSecret_42")).unwrap().unwrap();
        let shown = format!("{settings:?}");
        assert!(!shown.contains("TopSecret_42") && shown.contains("<redacted>"), "{shown}");
    }

    #[test]
    fn settings_debug_and_token_errors_never_show_the_secret() {
        let settings = TelegramSettings::parse(Some(GOOD), Some("http://127.0.0.1:1")).unwrap();
        let shown = format!("{settings:?} {:?}", settings.clone());
        assert!(!shown.contains("AAHdq") && shown.contains("<redacted>"), "{shown}");
        // Near misses are refused without being repeated back.
        for bad in [
            "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_!",
            "123456789 AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_",
            "bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_",
            "123456789:AAHdqTcvCH1vGWJx",
        ] {
            let err = Token::parse(bad).unwrap_err();
            let shown = format!("{err} {err:?}");
            assert!(!shown.contains("AAHdq"), "{shown}");
        }
    }

    #[test]
    fn the_api_url_is_an_http_url() {
        let ok = TelegramSettings::parse(Some(GOOD), Some(" http://127.0.0.1:8081 ")).unwrap();
        assert_eq!(ok.api_url.unwrap().as_str(), "http://127.0.0.1:8081/");
        for bad in ["127.0.0.1:8081", "ftp://host", "http://"] {
            let err = TelegramSettings::parse(Some(GOOD), Some(bad)).unwrap_err();
            assert_eq!(err, ConfigError::BadApiUrl(bad.into()));
        }
        assert_eq!(TelegramSettings::parse(None, None).unwrap_err(), ConfigError::MissingToken);
    }

    #[test]
    fn token_debug_never_shows_the_secret() {
        let shown = format!("{:?}", Token::parse(GOOD).unwrap());
        assert_eq!(shown, "Token(123456789:<redacted>)");
        assert!(!shown.contains("AAHdq"));
    }
}
