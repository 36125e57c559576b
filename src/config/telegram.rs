//! How to reach the Bot API: the token (checked for shape, never printed) and another
//! server than Telegram's if `TELOXIDE_API_URL` is set.

use std::fmt;

use super::{ConfigError, Url, var};

/// A bot token from @BotFather, checked for shape so a typo fails at start, not later.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = self.0.split(':').next().unwrap_or("");
        write!(f, "Token({id}:<redacted>)")
    }
}

/// The shortest secret part (after the colon) of a token @BotFather issues.
const MIN_TOKEN_SECRET: usize = 30;

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
