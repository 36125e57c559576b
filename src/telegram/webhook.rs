//! Webhook mode: Telegram POSTs each update to a public HTTPS URL, which a reverse
//! proxy forwards to the address the bot listens on (see `docs/reliability.md`).
//!
//! teloxide's axum listener does the work (`axum_no_setup`); storybot adds:
//! - its own `setWebhook`, retried while Telegram is unreachable, with the secret and
//!   the update types the handlers use, and no `deleteWebhook` at exit: replicas
//!   behind one load balancer come and go while the webhook stays, and updates sent
//!   while none is up wait at Telegram;
//! - a secret check in front of teloxide's, in constant time, that answers 401 to
//!   every request without the exact secret (teloxide answers 400 to a header with
//!   characters a secret cannot have), before the body is read;
//! - the listening socket bound before anything else, so a taken port is a clear
//!   error at start rather than a panic in a background task.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use teloxide::dispatching::DefaultKey;
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::types::AllowedUpdate;
use teloxide::update_listeners::webhooks::{self, Options as HookOptions};
use tokio::sync::watch;
use tracing::{debug, info, warn};

use super::{Phase, REJECTED, TgBot, backoff, stop_listener_on_stop, stopped};
use crate::config::WebhookSettings;

/// The header Telegram puts the secret in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// How long, after queued updates are abandoned, the bot still waits for the HTTP
/// server to close its connections before it stops waiting.
const SERVER_GRACE: Duration = Duration::from_secs(1);

type Dispatch = Dispatcher<TgBot, Box<dyn std::error::Error + Send + Sync>, DefaultKey>;

/// The webhook's socket, bound, and its settings.
pub(super) struct Bound {
    socket: std::net::TcpListener,
    settings: WebhookSettings,
}

/// Binds the listen address now, so a taken port or a missing permission fails at
/// start with the address in the message.
pub(super) fn bind(settings: &WebhookSettings) -> anyhow::Result<Bound> {
    let addr = settings.listen;
    let socket = std::net::TcpListener::bind(addr).map_err(|e| {
        anyhow::anyhow!("cannot listen for webhook requests on {addr} (--listen or STORYBOT_LISTEN): {e}")
    })?;
    socket.set_nonblocking(true)?;
    Ok(Bound { socket, settings: settings.clone() })
}

impl Bound {
    /// The address actually bound (the port is chosen by the system for port 0).
    pub(super) fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.socket.local_addr()
    }
}

/// Registers the webhook with Telegram, then serves the webhook until stopped.
pub(super) async fn dispatch(
    bot: &Bot,
    dispatcher: &mut Dispatch,
    phase: &mut watch::Receiver<Phase>,
    bound: Bound,
) -> anyhow::Result<()> {
    let settings = &bound.settings;
    let listen = bound.local_addr()?;
    let url = settings
        .url
        .parse()
        .map_err(|e| anyhow::anyhow!("the webhook URL {:?} is not a URL: {e}", settings.url))?;
    let mut template = HookOptions::new(listen, url);
    template.secret_token = Some(settings.secret.expose().to_string());
    let mut failures = 0;
    loop {
        tokio::select! {
            set = set_webhook(bot, &template) => match set {
                Ok(()) => break,
                Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken)) => anyhow::bail!(REJECTED),
                // Telegram's "Bad Request: bad webhook: ..." will not change by retrying.
                Err(teloxide::RequestError::Api(e)) if !matches!(e, teloxide::ApiError::Unknown(_)) => {
                    // The host only: some put a secret in the URL's path.
                    let host = template.url.host_str().unwrap_or("");
                    anyhow::bail!("Telegram refused the webhook URL (https://{host}/...): {e}")
                }
                Err(e) => {
                    let delay = backoff(failures);
                    failures += 1;
                    warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "could not set the webhook; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = stopped(phase) => return Ok(()),
                    }
                }
            },
            _ = stopped(phase) => return Ok(()),
        }
    }
    // The host only: some put a secret in the URL's path.
    info!(host = template.url.host_str().unwrap_or(""), %listen, "webhook set; receiving updates");
    let mut failures = 0;
    loop {
        let socket = tokio::net::TcpListener::from_std(bound.socket.try_clone()?)?;
        let mut options = HookOptions::new(listen, template.url.clone()).path(template.path.clone());
        options.secret_token = template.secret_token.clone();
        let (mut listener, stop_flag, router) = webhooks::axum_no_setup(options);
        let _stopper = stop_listener_on_stop(&mut listener, phase.clone());
        let secret: Arc<[u8]> = settings.secret.expose().as_bytes().into();
        let router = router.layer(middleware::from_fn(move |request: Request, next: Next| {
            let secret = secret.clone();
            async move { require_secret(&secret, request, next).await }
        }));
        // Stops accepting when the dispatcher stops the listener; once its
        // connections are closed the router (and the update channel) is dropped,
        // which ends the listener's stream, so the dispatcher drains and returns.
        let server = tokio::spawn(async move {
            if let Err(e) = axum::serve(socket, router).with_graceful_shutdown(stop_flag).await {
                warn!(error = %e, "the webhook server failed");
            }
        });
        let errors = LoggingErrorHandler::with_custom_text("webhook listener failed");
        let mut abandoned = phase.clone();
        let result = tokio::select! {
            result = dispatcher.try_dispatch_with_listener(listener, errors) => Some(result),
            // A client that keeps a request open must not keep the bot from exiting.
            _ = async {
                if abandoned.wait_for(|p| *p == Phase::Abandoning).await.is_err() {
                    // The control task is gone without abandoning anything: never fire.
                    std::future::pending::<()>().await;
                }
                tokio::time::sleep(SERVER_GRACE).await;
            } => None,
        };
        server.abort();
        match result {
            Some(Ok(())) => return Ok(()),
            None => {
                warn!("the webhook server did not close its connections in time; stopping anyway");
                return Ok(());
            }
            // Only the dispatcher's own getMe, before it takes updates, fails here.
            Some(Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken))) => {
                anyhow::bail!(REJECTED)
            }
            Some(Err(e)) => {
                let delay = backoff(failures);
                failures += 1;
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "could not start the webhook dispatcher");
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    _ = stopped(phase) => return Ok(()),
                }
            }
        }
    }
}

/// The update kinds `handlers::schema` branches on (polling hints the same list
/// through getUpdates, computed by teloxide, which keeps that computation private).
/// Telegram remembers the last list given, so it is always given.
const ALLOWED_UPDATES: [AllowedUpdate; 4] = [
    AllowedUpdate::Message,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::InlineQuery,
    AllowedUpdate::MyChatMember,
];

/// `setWebhook` with the secret and the update kinds the handlers use.
async fn set_webhook(bot: &Bot, options: &HookOptions) -> Result<(), teloxide::RequestError> {
    let allowed = ALLOWED_UPDATES;
    let secret = options.secret_token.clone().unwrap_or_default();
    bot.set_webhook(options.url.clone()).secret_token(secret).allowed_updates(allowed).await?;
    Ok(())
}

/// Lets a request through only with the exact secret; anything else gets 401 and
/// is never read further.
async fn require_secret(secret: &[u8], request: Request, next: Next) -> Response {
    let given = request.headers().get(SECRET_HEADER).map(|v| v.as_bytes());
    if given.is_some_and(|given| same(given, secret)) {
        next.run(request).await
    } else {
        debug!(
            path = request.uri().path(),
            with_header = given.is_some(),
            "webhook request without the right secret refused"
        );
        StatusCode::UNAUTHORIZED.into_response()
    }
}

/// Equality in time independent of where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn secrets_compare_exactly() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
        assert!(!same(b"", b"a"));
    }
}
