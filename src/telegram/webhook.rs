//! Webhook mode: Telegram POSTs each update to a public HTTPS URL, which a reverse
//! proxy forwards to the address the bot listens on (see `docs/reliability.md`).
//!
//! teloxide's axum listener does the work (`axum_no_setup`); storybot adds:
//! - its own `setWebhook`, retried while Telegram is unreachable, with the secret and
//!   the update kinds the dispatcher derives from the schema, and no `deleteWebhook` at exit: replicas
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
use axum::middleware::{self, Next as NextLayer};
use axum::response::{IntoResponse, Response};
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::stop::StopToken;
use teloxide::types::AllowedUpdate;
use teloxide::update_listeners::webhooks::{self, Options as HookOptions};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use tokio::sync::{oneshot, watch};
use tracing::{debug, info, warn};

use super::Dispatch;
use super::retry::{Next, Retry};
use super::shutdown::{Phase, abandoned, stop_listener_on_stop, stopped};
use crate::config::WebhookSettings;

/// The header Telegram puts the secret in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// How long, after queued updates are abandoned, the bot still waits for the HTTP
/// server to close its connections before it stops waiting.
const SERVER_GRACE: Duration = Duration::from_secs(1);

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

/// Serves the webhook until stopped, and registers it with Telegram (`setWebhook`,
/// retried until Telegram accepts it) with the update kinds the dispatcher asks for.
pub(super) async fn dispatch(
    bot: &Bot,
    dispatcher: &mut Dispatch,
    phase: &mut watch::Receiver<Phase>,
    bound: Bound,
) -> anyhow::Result<()> {
    let listen = bound.socket.local_addr()?;
    let mut retry = Retry::new("could not start the webhook dispatcher", &bot.api_url());
    let mut registered = false;
    loop {
        let socket = tokio::net::TcpListener::from_std(bound.socket.try_clone()?)?;
        let (listener, stop_flag, router) = webhooks::axum_no_setup(options(&bound.settings, listen));
        let (hint, hinted) = oneshot::channel();
        let mut listener = Hinted { inner: listener, hint: Some(hint) };
        let _stopper = stop_listener_on_stop(&mut listener, phase.clone());
        let secret: Arc<[u8]> = bound.settings.secret.expose().as_bytes().into();
        let router = router.layer(middleware::from_fn(move |request: Request, next: NextLayer| {
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
        let (mut abandon, mut stop) = (phase.clone(), phase.clone());
        let ended = tokio::select! {
            result = dispatcher.try_dispatch_with_listener(listener, errors) => Ended::Dispatched(result),
            Err(refused) = register(bot, &bound.settings, hinted, &mut stop, &mut registered) => Ended::Refused(refused),
            // A client that keeps a request open must not keep the bot from exiting.
            _ = async { abandoned(&mut abandon).await; tokio::time::sleep(SERVER_GRACE).await } => Ended::Abandoned,
        };
        server.abort();
        match ended {
            Ended::Dispatched(Ok(())) => return Ok(()),
            Ended::Refused(refused) => return Err(refused),
            Ended::Abandoned => {
                warn!("the webhook server did not close its connections in time; stopping anyway");
                return Ok(());
            }
            // Only the dispatcher's own getMe, before it takes updates, fails here.
            Ended::Dispatched(Err(e)) => match retry.after(e, phase).await? {
                Next::Again => {}
                Next::Stopped => return Ok(()),
            },
        }
    }
}

/// How one round of serving the webhook ended.
enum Ended {
    Dispatched(Result<(), teloxide::RequestError>),
    /// Telegram refused the webhook in a way no retry fixes.
    Refused(anyhow::Error),
    /// The grace period is over and the server still had connections open.
    Abandoned,
}

fn options(settings: &WebhookSettings, listen: SocketAddr) -> HookOptions {
    let mut options = HookOptions::new(listen, settings.url.clone());
    options.secret_token = Some(settings.secret.expose().to_string());
    options
}

/// `setWebhook` with the secret and the update kinds the dispatcher hinted (the
/// schema's; Telegram remembers the last list given, so it is always given), retried
/// while Telegram is unreachable. Never completes but with an error no retry fixes
/// (a rejected token, a refused URL); after a stop, or once set, it waits forever.
async fn register(
    bot: &Bot,
    settings: &WebhookSettings,
    hinted: oneshot::Receiver<Vec<AllowedUpdate>>,
    phase: &mut watch::Receiver<Phase>,
    registered: &mut bool,
) -> anyhow::Result<()> {
    let Ok(allowed) = hinted.await else { return std::future::pending().await };
    let mut retry = Retry::new("could not set the webhook", &bot.api_url());
    // The host only: some put a secret in the URL's path.
    let host = settings.url.host_str().unwrap_or("");
    while !*registered {
        let set = bot
            .set_webhook(settings.url.clone())
            .secret_token(settings.secret.expose().to_string())
            .allowed_updates(allowed.clone());
        let result = tokio::select! {
            result = set => result,
            _ = stopped(phase) => break,
        };
        match result {
            Ok(_) => {
                *registered = true;
                info!(host, listen = %settings.listen, "webhook set; receiving updates");
            }
            // Telegram's "Bad Request: bad webhook: ..." will not change by retrying.
            Err(teloxide::RequestError::Api(e))
                if !matches!(e, teloxide::ApiError::Unknown(_) | teloxide::ApiError::InvalidToken) =>
            {
                anyhow::bail!("Telegram refused the webhook URL (https://{host}/...): {e}")
            }
            Err(e) => {
                if let Next::Stopped = retry.after(e, phase).await? {
                    break;
                }
            }
        }
    }
    std::future::pending().await
}

/// A listener that hands on the update kinds the dispatcher hints (computed by
/// teloxide from the schema), so `setWebhook` asks for exactly those.
struct Hinted<L> {
    inner: L,
    hint: Option<oneshot::Sender<Vec<AllowedUpdate>>>,
}

impl<L: UpdateListener> UpdateListener for Hinted<L> {
    type Err = L::Err;

    fn stop_token(&mut self) -> StopToken {
        self.inner.stop_token()
    }

    fn hint_allowed_updates(&mut self, hint: &mut dyn Iterator<Item = AllowedUpdate>) {
        if let Some(tx) = self.hint.take() {
            let _ = tx.send(hint.collect());
        }
    }
}

impl<'a, L: UpdateListener> AsUpdateStream<'a> for Hinted<L> {
    type StreamErr = L::Err;
    type Stream = <L as AsUpdateStream<'a>>::Stream;

    fn as_stream(&'a mut self) -> Self::Stream {
        self.inner.as_stream()
    }
}

/// Lets a request through only with the exact secret; anything else gets 401 and
/// is never read further.
async fn require_secret(secret: &[u8], request: Request, next: NextLayer) -> Response {
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
