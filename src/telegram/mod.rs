//! The Telegram transport: long polling (or a webhook, [`Listener`]) with teloxide,
//! the bot wrapped in `Throttle` for Telegram's rate limits, flood control per user
//! and chat, and a clean shutdown on SIGINT or SIGTERM. Kept thin: read, match,
//! render, send, record.

mod commands;
mod feedback;
mod flood;
mod handlers;
mod inline;
mod send;
mod stats;
mod webhook;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits as ThrottleLimits;
use teloxide::dispatching::{DefaultKey, ShutdownToken};
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::types::Me;
use teloxide::update_listeners::{Polling, UpdateListener};
use tokio::sync::watch;
use tracing::{error, info, warn};

use crate::lang::Lang;

pub use commands::{BotCommand, command_menu};
pub use feedback::{feedback_data, parse_feedback};
pub use flood::{Flood, Limits as FloodLimits, Verdict};
pub use handlers::schema;
pub use send::{MAX_CALLBACK_DATA, callback_data, parse_callback_data};
pub use webhook::SECRET_HEADER;

use crate::config::{Admins, DataSettings, TelegramSettings, WebhookSettings};
use crate::engine::Engine;
use crate::live::LiveEngine;
use crate::record::{Recorder, Store};

/// The bot every handler talks through: rate-limited to Telegram's published limits.
pub type TgBot = Throttle<Bot>;

/// Runs the bot until SIGINT or SIGTERM, reloading the knowledge folder when it
/// changes and recording what people asked; the CLI's `run`.
pub fn run(
    engine: Engine,
    settings: TelegramSettings,
    knowledge: PathBuf,
    listener: Listener,
) -> anyhow::Result<ExitCode> {
    let admins = Admins::from_env()?;
    let data = DataSettings::from_env()?;
    // Answering matters more than the record: a database that cannot be opened is
    // logged loudly and the bot answers without recording.
    let store = match Store::open(&data.path, data.retention_days) {
        Ok(store) => {
            info!(path = %data.path.display(), retention_days = data.retention_days, "recording what people ask");
            Some(store)
        }
        Err(e) => {
            error!(
                error = format!("{e:#}"),
                "not recording what people ask; set STORYBOT_DATA to a writable file"
            );
            None
        }
    };
    let recorder = store.as_ref().map_or_else(Recorder::none, Store::recorder);
    let live = Arc::new(LiveEngine::new(engine, &knowledge));
    // Dropping the watcher stops it, so it lives as long as the bot.
    let _watcher = match live.watch() {
        Ok(watcher) => Some(watcher),
        Err(e) => {
            warn!(error = %e, "cannot watch the knowledge folder; edits need /reload or a restart");
            None
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let options = Options { live, admins, flood: FloodLimits::default(), recorder };
    let served = runtime.block_on(serve_with(options, listener, settings, shutdown_signal()));
    // After the bot stopped: what is still queued is written before exiting.
    if let Some(store) = store {
        store.close();
    }
    served?;
    Ok(ExitCode::SUCCESS)
}

/// What `serve_live` serves with.
pub struct Options {
    pub live: Arc<LiveEngine>,
    pub admins: Admins,
    pub flood: FloodLimits,
    /// Where questions and votes are recorded; [`Recorder::none`] records nothing.
    pub recorder: Recorder,
}

/// How updates reach the bot.
#[derive(Debug, Clone, Default)]
pub enum Listener {
    /// Long polling with getUpdates (the default): nothing to expose, one instance.
    #[default]
    Polling,
    /// Telegram POSTs updates to a public URL that is forwarded to a local address;
    /// several replicas may serve one URL behind a load balancer.
    Webhook(WebhookSettings),
}

/// A plain `Bot` for the configured server.
pub fn bot(settings: &TelegramSettings) -> anyhow::Result<Bot> {
    let mut bot = Bot::new(settings.token.expose());
    if let Some(url) = &settings.api_url {
        let url = url.parse().map_err(|e| anyhow::anyhow!("TELOXIDE_API_URL {url:?} is not a URL: {e}"))?;
        bot = bot.set_api_url(url);
    }
    Ok(bot)
}

/// How long replies already queued may still go out after a stop. After it, what is
/// left is dropped (and logged) so the process exits promptly: a supervisor's
/// SIGTERM is followed by SIGKILL within seconds.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// Updates a chat may have waiting while its replies are paced (one a second). The
/// dispatcher stops taking updates for every chat while one chat's queue is full,
/// so this is generous (teloxide's 64 let one lively group stall everyone); the
/// flood limits drop a flood's excess as soon as it reaches the front.
const WORKER_QUEUE: usize = 1024;

/// How long one getUpdates waits for an update (under reqwest's 17 s timeout).
const POLL_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the bot is in its life, as handlers see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Running,
    /// Asked to stop: no new updates are fetched; queued ones are still answered.
    Stopping,
    /// The grace period is over: whatever is still queued or sending is dropped.
    Abandoning,
}

/// The handlers' view of a shutdown (a dispatcher dependency).
#[derive(Clone)]
pub(crate) struct Shutdown {
    phase: watch::Receiver<Phase>,
    dropped: Arc<AtomicUsize>,
}

impl Shutdown {
    /// Runs one update's work, unless the grace period is over (before or during it).
    async fn guard<F>(&self, work: F) -> Result<(), Box<dyn std::error::Error + Send + Sync>>
    where
        F: Future<Output = Result<(), Box<dyn std::error::Error + Send + Sync>>>,
    {
        let mut phase = self.phase.clone();
        let abandoned = async move {
            if phase.wait_for(|p| *p == Phase::Abandoning).await.is_err() {
                // The bot is gone without abandoning anything: never fire.
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            biased;
            _ = abandoned => {
                self.dropped.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
            result = work => result,
        }
    }
}

/// Connects, registers commands and serves updates until `stop` completes (the CLI
/// passes SIGINT/SIGTERM; tests pass their own trigger). Then it fetches no more
/// updates, answers what is queued for up to [`SHUTDOWN_GRACE`], and returns.
///
/// Errors only when the Bot API rejects the token (or the URL): everything else —
/// Telegram down, 5xx, network errors, 429 — is waited out and retried.
pub async fn serve(
    engine: Arc<Engine>,
    settings: TelegramSettings,
    flood: FloodLimits,
    stop: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let live = Arc::new(LiveEngine::from_arc(engine));
    let options = Options { live, admins: Admins::default(), flood, recorder: Recorder::none() };
    serve_live(options, settings, stop).await
}

/// [`serve`] with a live (reloadable) engine, admins and a recorder.
pub async fn serve_live(
    options: Options,
    settings: TelegramSettings,
    stop: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    serve_with(options, Listener::Polling, settings, stop).await
}

/// [`serve_live`] with updates from `listener`: long polling or a webhook. In webhook
/// mode the listen address is bound first (an error if it cannot be), then
/// `setWebhook` is retried until Telegram accepts it.
pub async fn serve_with(
    options: Options,
    listener: Listener,
    settings: TelegramSettings,
    stop: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let Options { live, admins, flood, recorder } = options;
    let hook = match &listener {
        Listener::Polling => None,
        Listener::Webhook(hook) => Some(webhook::bind(hook)?),
    };
    let voted = Arc::new(feedback::Voted::default());
    let admins = Arc::new(admins);
    let bot = bot(&settings)?;
    let (phase_tx, phase) = watch::channel(Phase::Running);
    let shutdown = Shutdown { phase: phase.clone(), dropped: Arc::new(AtomicUsize::new(0)) };
    let throttled = bot.clone().throttle(ThrottleLimits::default());
    let flood = Arc::new(Flood::new(flood));
    // The dispatcher adds `Me` from its own getMe when it starts.
    let mut dispatcher = Dispatcher::builder(throttled.clone(), schema())
        .dependencies(dptree::deps![live, admins, flood, recorder, voted, shutdown.clone()])
        .default_handler(|_| async {})
        .worker_queue_size(WORKER_QUEUE)
        .build();
    let control = tokio::spawn(control(stop, phase_tx, dispatcher.shutdown_token()));
    let result = run_dispatcher(&bot, throttled, &mut dispatcher, phase, hook).await;
    control.abort();
    let dropped = shutdown.dropped.load(Ordering::Relaxed);
    if dropped > 0 {
        warn!(dropped, "stopped with updates still queued; they were not answered");
    }
    if result.is_ok() {
        info!("stopped");
    }
    result
}

/// Connects, registers the commands and dispatches until stopped; returns early
/// (`Ok`) when stopped before dispatching began.
async fn run_dispatcher(
    bot: &Bot,
    throttled: TgBot,
    dispatcher: &mut Dispatcher<TgBot, Box<dyn std::error::Error + Send + Sync>, DefaultKey>,
    mut phase: watch::Receiver<Phase>,
    hook: Option<webhook::Bound>,
) -> anyhow::Result<()> {
    let me = tokio::select! {
        me = connect(bot) => me?,
        _ = stopped(&mut phase) => return Ok(()),
    };
    info!(username = me.username(), "connected to the Bot API");
    tokio::select! {
        _ = register_commands(bot) => {}
        _ = stopped(&mut phase) => return Ok(()),
    }
    if let Some(hook) = hook {
        return webhook::dispatch(bot, dispatcher, &mut phase, hook).await;
    }
    let mut failures = 0;
    loop {
        let listener = tokio::select! {
            listener = Polling::builder(throttled.clone())
                .timeout(POLL_TIMEOUT)
                .backoff_strategy(backoff)
                .delete_webhook() => listener.build(),
            _ = stopped(&mut phase) => return Ok(()),
        };
        let mut listener = listener;
        let _stopper = stop_listener_on_stop(&mut listener, phase.clone());
        let errors = LoggingErrorHandler::with_custom_text("getUpdates failed; retrying");
        match dispatcher.try_dispatch_with_listener(listener, errors).await {
            Ok(()) => return Ok(()),
            // Only the dispatcher's own getMe, before it polls, fails here.
            Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken)) => {
                anyhow::bail!(REJECTED)
            }
            Err(e) => {
                let delay = backoff(failures);
                failures += 1;
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "could not start polling");
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    _ = stopped(&mut phase) => return Ok(()),
                }
            }
        }
    }
}

/// Waits for the stop, then stops the dispatcher and, after the grace period, has
/// the handlers drop what is left. Aborted by `serve` when it returns.
async fn control(stop: impl Future<Output = ()>, phase: watch::Sender<Phase>, token: ShutdownToken) {
    stop.await;
    info!("shutting down");
    phase.send_replace(Phase::Stopping);
    // Refused while the dispatcher is not running (yet, or any more): serve notices
    // the phase in that case, and aborts this task when it returns.
    while token.shutdown().is_err() {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(SHUTDOWN_GRACE).await;
    phase.send_replace(Phase::Abandoning);
}

/// Stops `listener` once a stop is asked for; the task ends when the guard drops.
///
/// teloxide's dispatcher notices a shutdown only while it waits for the next update
/// (a `Notify::notify_waiters`), so a shutdown asked for while it hands an update to
/// a worker is lost, and with updates arriving steadily it never stops. A stopped
/// listener ends its stream, which the dispatcher always notices: it then lets the
/// workers finish their queues and returns.
fn stop_listener_on_stop(
    listener: &mut impl UpdateListener,
    mut phase: watch::Receiver<Phase>,
) -> AbortOnDrop {
    let token = listener.stop_token();
    AbortOnDrop(tokio::spawn(async move {
        stopped(&mut phase).await;
        token.stop();
    }))
}

/// Aborts its task when dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Completes once a stop was asked for (or the control task is gone).
async fn stopped(phase: &mut watch::Receiver<Phase>) {
    let _ = phase.wait_for(|p| *p != Phase::Running).await;
}

/// Delays between retries when Telegram is unreachable: 0.5 s doubling to 30 s.
fn backoff(failures: u32) -> Duration {
    (Duration::from_millis(500) * 2u32.pow(failures.min(6))).min(Duration::from_secs(30))
}

const REJECTED: &str = "the Bot API rejected the token (401 Unauthorized or 404 Not Found); check TELOXIDE_TOKEN (and TELOXIDE_API_URL if set)";

/// `getMe` with backoff until the server answers; an error only when the token is
/// rejected, which no retry fixes.
async fn connect(bot: &Bot) -> anyhow::Result<Me> {
    let mut failures = 0;
    loop {
        match bot.get_me().await {
            Ok(me) => return Ok(me),
            Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken)) => {
                anyhow::bail!(REJECTED)
            }
            Err(e) => {
                let delay = backoff(failures);
                failures += 1;
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "Bot API not reachable yet");
                tokio::time::sleep(delay).await;
            }
        }
    }
}

/// `setMyCommands` for English (the default) and Russian users. A failure is only
/// logged: typed commands work without the menu.
async fn register_commands(bot: &Bot) {
    for lang in [Lang::En, Lang::Ru] {
        let mut request = bot.set_my_commands(commands::command_menu(lang));
        if lang != Lang::En {
            request = request.language_code(lang.code());
        }
        if let Err(e) = request.await {
            warn!(error = %e, lang = lang.code(), "could not register commands; they still work when typed");
        }
    }
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM.
pub async fn shutdown_signal() {
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminated() => {}
    }
}

async fn terminated() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut sigterm) => {
                sigterm.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    }
    #[cfg(not(unix))]
    std::future::pending::<()>().await;
}
