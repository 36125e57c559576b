//! Decoding a Bot API request the way Telegram accepts them: the `/bot<token>/<method>`
//! path, and parameters from the query string and a JSON, URL-encoded form or
//! multipart body, merged into one JSON object.

use serde_json::{Map, Value, json};

/// Splits `/bot<token>/<method>` into (token, method). Percent-escapes are decoded
/// first (a token's `:` may arrive as `%3A`).
pub fn split_path(path: &str) -> Option<(String, String)> {
    let path = percent_decode(path, false);
    let rest = path.trim_start_matches('/');
    let (bot, method) = rest.split_once('/')?;
    let token = bot.strip_prefix("bot")?;
    let method = method.trim_end_matches('/');
    if method.is_empty() || method.contains('/') {
        return None;
    }
    Some((token.to_owned(), method.to_owned()))
}

/// Parameters of a request. `Err` is the reason for a 400.
pub struct Decoded {
    pub params: Map<String, Value>,
    /// True when values came as strings (form, multipart, query) and need the
    /// spec's type coercion.
    pub stringly: bool,
}

pub fn decode(query: Option<&str>, content_type: &str, body: &[u8]) -> Result<Decoded, String> {
    let mut params = Map::new();
    let mut stringly = false;
    if let Some(q) = query.filter(|q| !q.is_empty()) {
        for (k, v) in parse_urlencoded(q) {
            params.insert(k, Value::String(v));
        }
        stringly = true;
    }
    let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let body_is_blank = body.iter().all(u8::is_ascii_whitespace);
    if body_is_blank {
        return Ok(Decoded { params, stringly });
    }
    match mime.as_str() {
        "application/x-www-form-urlencoded" => {
            let text = std::str::from_utf8(body).map_err(|_| "request body is not UTF-8".to_owned())?;
            for (k, v) in parse_urlencoded(text) {
                params.insert(k, Value::String(v));
            }
            stringly = true;
        }
        "multipart/form-data" => {
            let boundary = content_type
                .split(';')
                .filter_map(|p| p.trim().strip_prefix("boundary="))
                .next()
                .map(|b| b.trim_matches('"').to_owned())
                .ok_or("multipart body without boundary")?;
            for (k, v) in parse_multipart(body, &boundary)? {
                params.insert(k, v);
            }
            stringly = true;
        }
        // JSON, or no/unknown content type: Telegram tries JSON.
        _ => match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(obj)) => params.extend(obj),
            Ok(_) => return Err("JSON body must be an object".into()),
            Err(e) => return Err(format!("can't parse JSON body: {e}")),
        },
    }
    Ok(Decoded { params, stringly })
}

fn parse_urlencoded(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

/// Decodes `%XX` escapes (and `+` as space in forms); invalid escapes stay as is.
fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A minimal multipart/form-data reader: text parts become strings, file parts a
/// `{"file_name", "content_type", "size"}` object (the bytes are not kept).
fn parse_multipart(body: &[u8], boundary: &str) -> Result<Vec<(String, Value)>, String> {
    let delim = format!("--{boundary}");
    let mut out = Vec::new();
    let mut pos = find(body, delim.as_bytes(), 0).ok_or("multipart body without its boundary")?;
    loop {
        pos += delim.len();
        if body[pos..].starts_with(b"--") {
            return Ok(out);
        }
        // Skip the CRLF after the boundary line.
        pos += if body[pos..].starts_with(b"\r\n") { 2 } else { 0 };
        let head_end = find(body, b"\r\n\r\n", pos).ok_or("multipart part without headers")?;
        let headers = String::from_utf8_lossy(&body[pos..head_end]).into_owned();
        let data_start = head_end + 4;
        let next =
            find(body, format!("\r\n{delim}").as_bytes(), data_start).ok_or("unterminated multipart part")?;
        let data = &body[data_start..next];
        let mut name = None;
        let mut file_name = None;
        let mut part_type = String::new();
        for line in headers.lines() {
            let lower = line.to_ascii_lowercase();
            if lower.starts_with("content-disposition:") {
                name = disposition_param(line, "name");
                file_name = disposition_param(line, "filename");
            } else if lower.starts_with("content-type:") {
                part_type = line["content-type:".len()..].trim().to_owned();
            }
        }
        let name = name.ok_or("multipart part without a name")?;
        let value = match file_name {
            Some(f) => json!({ "file_name": f, "content_type": part_type, "size": data.len() }),
            None => Value::String(String::from_utf8_lossy(data).into_owned()),
        };
        out.push((name, value));
        pos = next + 2;
    }
}

fn disposition_param(line: &str, key: &str) -> Option<String> {
    line.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        (k.eq_ignore_ascii_case(key)).then(|| v.trim().trim_matches('"').to_owned())
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}
