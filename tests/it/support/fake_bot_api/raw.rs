//! Raw HTTP requests to the fake server, for what teloxide will not send (unknown
//! parameters, form bodies, wrong tokens). Uses the reqwest client teloxide
//! already builds (`teloxide::net`), so no HTTP client is added to the crate.

use serde_json::Value;

/// A raw answer: status, content type and body.
#[derive(Clone, Debug)]
pub struct RawResponse {
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

impl RawResponse {
    /// The body as JSON (panics with the body if it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }
}

/// Sends one request. `body` is `(content type, bytes)`; `None` sends no body.
pub async fn send(method: &str, url: &str, body: Option<(&str, Vec<u8>)>) -> RawResponse {
    let client = teloxide::net::default_reqwest_settings().build().expect("reqwest client");
    let mut req = match method {
        "GET" => client.get(url),
        _ => client.post(url),
    };
    if let Some((content_type, bytes)) = body {
        req = req.header("content-type", content_type).body(bytes);
    }
    let resp = req.send().await.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
    let status = resp.status().as_u16();
    let content_type =
        resp.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let body = resp.text().await.unwrap_or_default();
    RawResponse { status, content_type, body }
}

/// `application/x-www-form-urlencoded` encoding of `pairs`.
pub fn form_encode(pairs: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_owned(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    pairs.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&")
}
