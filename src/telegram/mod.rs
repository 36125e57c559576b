//! The Telegram transport: long polling with teloxide, the bot wrapped in `Throttle`
//! for Telegram's rate limits, flood control per user and chat, and a clean shutdown
//! on SIGINT or SIGTERM. Kept thin: read, match, render, send.

mod flood;
mod handlers;
mod send;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits as ThrottleLimits;
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::types::Me;
use teloxide::update_listeners;
use teloxide::utils::command::BotCommands;
use tracing::{info, warn};

pub use flood::{Flood, Limits as FloodLimits, Verdict};
pub use handlers::{BotCommand, schema};
pub use send::{MAX_CALLBACK_DATA, callback_data, parse_callback_data};

use crate::config::TelegramSettings;
use crate::engine::Engine;

/// The bot every handler talks through: rate-limited to Telegram's published limits.
pub type TgBot = Throttle<Bot>;

/// Runs the bot until SIGINT or SIGTERM; the CLI's `run`.
pub fn run(
    engine: Engine,
    settings: TelegramSettings,
    _knowledge: PathBuf,
) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(
        Arc::new(engine),
        settings,
        FloodLimits::default(),
        shutdown_signal(),
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// A plain `Bot` for the configured server.
pub fn bot(settings: &TelegramSettings) -> anyhow::Result<Bot> {
    let mut bot = Bot::new(settings.token.expose());
    if let Some(url) = &settings.api_url {
        let url = url
            .parse()
            .map_err(|e| anyhow::anyhow!("TELOXIDE_API_URL {url:?} is not a URL: {e}"))?;
        bot = bot.set_api_url(url);
    }
    Ok(bot)
}

/// Connects, registers commands and serves updates until `stop` completes (the CLI
/// passes SIGINT/SIGTERM; tests pass their own trigger).
pub async fn serve(
    engine: Arc<Engine>,
    settings: TelegramSettings,
    flood: FloodLimits,
    stop: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let bot = bot(&settings)?;
    let mut stop = Box::pin(stop);
    let me = tokio::select! {
        me = connect(&bot) => me,
        _ = &mut stop => return Ok(()),
    };
    info!(username = me.username(), "connected to the Bot API");
    if let Err(e) = bot.set_my_commands(BotCommand::bot_commands()).await {
        warn!(error = %e, "could not register commands; they still work when typed");
    }
    let bot = bot.throttle(ThrottleLimits::default());
    let flood = Arc::new(Flood::new(flood));
    let mut dispatcher = Dispatcher::builder(bot.clone(), schema())
        .dependencies(dptree::deps![engine, flood, me])
        .default_handler(|_| async {})
        .build();
    let token = dispatcher.shutdown_token();
    tokio::spawn(async move {
        stop.await;
        info!("shutting down");
        // Fails only when the dispatcher is not running yet or already stopping.
        while token.shutdown().is_err() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
    let listener = update_listeners::polling_default(bot).await;
    dispatcher
        .try_dispatch_with_listener(listener, LoggingErrorHandler::with_custom_text("polling"))
        .await?;
    info!("stopped");
    Ok(())
}

/// `getMe` with backoff until the server answers.
async fn connect(bot: &Bot) -> Me {
    let mut delay = Duration::from_millis(250);
    loop {
        match bot.get_me().await {
            Ok(me) => return me,
            Err(teloxide::RequestError::Api(e))
                if matches!(e, teloxide::ApiError::InvalidToken) =>
            {
                warn!("the Bot API rejected the token (Unauthorized); check TELOXIDE_TOKEN");
            }
            Err(e) => {
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "Bot API not reachable yet")
            }
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(30));
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
