//! The HTTP side: an axum server on 127.0.0.1 whose single handler takes any path,
//! and turns a request into a recorded call and Telegram's answer — token check,
//! parameter decoding, queued faults, spec check, then the method itself.

use std::{
    net::SocketAddr,
    sync::{Arc, atomic::Ordering},
    time::Duration,
};

use axum::{
    Router,
    body::{Body, to_bytes},
    extract::{Request, State},
    http::{StatusCode, header::CONTENT_TYPE},
    response::Response,
};
use serde_json::{Value, json};
use tokio::{net::TcpListener, sync::oneshot, task::JoinHandle};

use super::{
    checks::ApiErr,
    faults::{self, Fault},
    methods, polling, request,
    state::{CallGuard, Shared},
};

/// A serving server: how to stop it and the task to await.
pub(crate) struct Running {
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

/// Binds `addr` (retrying briefly: a just-stopped server's port may linger).
pub(crate) async fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let mut last = None;
    for _ in 0..50 {
        match TcpListener::bind(addr).await {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Err(last.expect("tried at least once"))
}

pub(crate) fn serve(shared: Arc<Shared>, listener: TcpListener) -> Running {
    let app = Router::new().fallback(handle).with_state(shared);
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await;
    });
    Running { stop, task }
}

impl Running {
    /// Stops accepting, closes idle connections and waits (up to 2 s) for
    /// in-flight answers; then gives up on stragglers.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        let mut task = self.task;
        if tokio::time::timeout(Duration::from_secs(2), &mut task).await.is_err() {
            task.abort();
        }
    }

    /// Signals a stop without waiting (for `Drop`).
    pub fn signal(self) {
        let _ = self.stop.send(());
    }
}

/// An answer: a status and a JSON or raw body.
struct Reply {
    status: u16,
    json: Option<Value>,
    raw: Option<(&'static str, String)>,
}

impl Reply {
    fn ok(result: Value) -> Self {
        Reply { status: 200, json: Some(json!({ "ok": true, "result": result })), raw: None }
    }

    fn err(e: ApiErr) -> Self {
        Reply {
            status: e.code,
            json: Some(json!({ "ok": false, "error_code": e.code, "description": e.description })),
            raw: None,
        }
    }

    fn retry_after(secs: u32) -> Self {
        let body = json!({
            "ok": false, "error_code": 429,
            "description": format!("Too Many Requests: retry after {secs}"),
            "parameters": { "retry_after": secs },
        });
        Reply { status: 429, json: Some(body), raw: None }
    }

    fn raw(status: u16, content_type: &'static str, body: &str) -> Self {
        Reply { status, json: None, raw: Some((content_type, body.to_owned())) }
    }

    fn into_response(self) -> Response {
        let (ct, body) = match (self.json, self.raw) {
            (Some(j), _) => ("application/json", j.to_string()),
            (None, Some((ct, b))) => (ct, b),
            (None, None) => ("text/plain", String::new()),
        };
        Response::builder()
            .status(StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
            .header(CONTENT_TYPE, ct)
            .body(Body::from(body))
            .expect("valid response")
    }
}

const BAD_GATEWAY_HTML: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n";

/// Counts a request in flight while it lives.
struct InFlight(Arc<Shared>);

impl InFlight {
    fn new(shared: &Arc<Shared>) -> InFlight {
        let now = shared.in_flight.fetch_add(1, Ordering::Relaxed) + 1;
        shared.max_in_flight.fetch_max(now, Ordering::Relaxed);
        InFlight(shared.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Half of call number `seq`'s round trip: spread over the configured range by a
/// fixed scramble of `seq`, so runs are repeatable.
fn half_trip(shared: &Shared, seq: usize) -> Option<Duration> {
    let (low, high) = shared.config.round_trip?;
    let spread = high.saturating_sub(low).as_micros() as u64;
    let scrambled = (seq as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
    let trip = low + Duration::from_micros(if spread == 0 { 0 } else { scrambled % (spread + 1) });
    Some(trip / 2)
}

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let _in_flight = InFlight::new(&shared);
    let (parts, body) = req.into_parts();
    let Ok(body) = to_bytes(body, 64 << 20).await else {
        return Reply::err(ApiErr::bad("request body too large")).into_response();
    };
    let path = parts.uri.path();
    let Some((token, method)) = request::split_path(path) else {
        shared.violation("(none)", path, "request outside /bot<token>/<method>");
        return Reply::err(ApiErr::new(404, "Not Found")).into_response();
    };
    let content_type =
        parts.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let spec_method = shared.spec.method(&method);
    let name = spec_method.map_or(method.clone(), |m| m.name.clone());
    let decoded = request::decode(parts.uri.query(), &content_type, &body);
    let params = match (&decoded, spec_method) {
        (Ok(d), Some(m)) if d.stringly => {
            let mut p = d.params.clone();
            shared.spec.coerce_strings(m, &mut p);
            p
        }
        (Ok(d), _) => d.params.clone(),
        (Err(_), _) => Default::default(),
    };
    let guard = CallGuard::record(&shared, &method, &name, Value::Object(params.clone()));
    let half = half_trip(&shared, guard.seq());
    if let Some(half) = half {
        tokio::time::sleep(half).await;
    }

    let reply = 'reply: {
        if token != shared.config.token {
            break 'reply Reply::err(ApiErr::new(401, "Unauthorized"));
        }
        if let Err(e) = &decoded {
            break 'reply Reply::err(ApiErr::bad(e));
        }
        let Some(spec_method) = spec_method else {
            break 'reply Reply::err(ApiErr::new(404, "Not Found: method not found"));
        };
        check_retry_after(&shared, &name, &params);
        // Violations are recorded even when a fault answers instead.
        let check = shared.spec.check_params(spec_method, &params);
        for (path, message) in &check.violations {
            shared.violation(&name, path, message);
        }
        let fault = faults::take(&mut shared.lock().faults, &method.to_ascii_lowercase());
        match fault {
            None => {}
            Some(Fault::Delay(d)) => tokio::time::sleep(d).await,
            Some(Fault::RetryAfter(secs)) => break 'reply Reply::retry_after(secs),
            Some(Fault::ServerError(code)) => {
                let desc = match code {
                    502 => "Bad Gateway",
                    503 => "Service Unavailable",
                    504 => "Gateway Timeout",
                    _ => "Internal Server Error",
                };
                break 'reply Reply::err(ApiErr::new(code, desc));
            }
            Some(Fault::BadGateway) => break 'reply Reply::raw(502, "text/html", BAD_GATEWAY_HTML),
            Some(Fault::Conflict) => break 'reply Reply::err(ApiErr::new(409, polling::CONFLICT)),
            Some(Fault::MalformedJson) => {
                break 'reply Reply::raw(200, "application/json", "{\"ok\":true,\"result\":{\"message_id\":");
            }
            Some(Fault::Api { code, description }) => {
                break 'reply Reply::err(ApiErr::new(code, description));
            }
        }
        if let Some(missing) = check.missing {
            break 'reply Reply::err(ApiErr::bad(format!("parameter {missing} is required")));
        }
        match methods::call(&shared, &spec_method.name, &params).await {
            Ok(result) => Reply::ok(result),
            Err(e) => Reply::err(e),
        }
    };

    if reply.status == 429
        && let Some(secs) = reply.json.as_ref().and_then(|j| j["parameters"]["retry_after"].as_u64())
    {
        let until = std::time::Instant::now() + Duration::from_secs(secs);
        shared.lock().retry_after.insert(retry_key(&name, &params), (until, secs as u32));
    }
    if let Some(half) = half {
        tokio::time::sleep(half).await;
    }
    if name == "getUpdates"
        && let Some(updates) = reply.json.as_ref().and_then(|j| j["result"].as_array())
    {
        let now = std::time::Instant::now();
        let mut st = shared.lock();
        for id in updates.iter().filter_map(|u| u["update_id"].as_i64()) {
            st.delivered.entry(id).or_insert(now);
        }
    }
    guard.finish(reply.status, reply.json.clone());
    reply.into_response()
}

fn retry_key(name: &str, params: &serde_json::Map<String, Value>) -> String {
    format!("{name}|{}", params.get("chat_id").map(Value::to_string).unwrap_or_default())
}

/// After a 429, calling the same method for the same chat before `retry_after` has
/// passed is what gets bots throttled harder: record it as a violation.
fn check_retry_after(shared: &Shared, name: &str, params: &serde_json::Map<String, Value>) {
    let key = retry_key(name, params);
    let early = {
        let mut st = shared.lock();
        match st.retry_after.remove(&key) {
            // 50 ms of slack for timer granularity.
            Some((until, secs)) if std::time::Instant::now() + Duration::from_millis(50) < until => {
                Some(secs)
            }
            _ => None,
        }
    };
    if let Some(secs) = early {
        shared.violation(name, "(timing)", &format!("called again before retry_after ({secs} s) had passed"));
    }
}
