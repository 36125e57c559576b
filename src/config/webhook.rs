//! Webhook mode's settings: the public https URL, the address to listen on, and the
//! secret Telegram sends with every update (never printed).

use std::fmt;
use std::net::SocketAddr;

use super::{ConfigError, Url, var};

/// Telegram's limit on a webhook secret, in characters.
const MAX_WEBHOOK_SECRET: usize = 256;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
