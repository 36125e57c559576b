//! Connecting to the Bot API and long polling: `getMe` until the server answers, the
//! command menu, then `getUpdates` through the dispatcher until a stop, each step
//! retried while the server is unreachable.

use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::types::Me;
use teloxide::update_listeners::Polling;
use tokio::sync::watch;
use tracing::{info, warn};

use super::Dispatch;
use super::commands::command_menu;
use super::retry::{Next, Retry};
use super::shutdown::{Phase, stop_listener_on_stop, stopped};
use crate::lang::Lang;

/// How long one getUpdates waits for an update (under reqwest's 17 s timeout).
const POLL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// `getMe` until the server answers, then the command menu; `None` when stopped
/// first. An error only when the token is rejected, which no retry fixes.
pub(super) async fn connect(bot: &Bot, phase: &mut watch::Receiver<Phase>) -> anyhow::Result<Option<Me>> {
    let mut retry = Retry::new("Bot API not reachable yet", &bot.api_url());
    let me = loop {
        let result = tokio::select! {
            me = bot.get_me() => me,
            _ = stopped(phase) => return Ok(None),
        };
        match result {
            Ok(me) => break me,
            Err(e) => match retry.after(e, phase).await? {
                Next::Again => {}
                Next::Stopped => return Ok(None),
            },
        }
    };
    info!(username = me.username(), "connected to the Bot API");
    tokio::select! {
        _ = register_commands(bot) => Ok(Some(me)),
        _ = stopped(phase) => Ok(None),
    }
}

/// `setMyCommands` for English (the default) and Russian users. A failure is only
/// logged: typed commands work without the menu.
async fn register_commands(bot: &Bot) {
    for lang in [Lang::En, Lang::Ru] {
        let mut request = bot.set_my_commands(command_menu(lang));
        if lang != Lang::En {
            request = request.language_code(lang.code());
        }
        if let Err(e) = request.await {
            warn!(error = %e, lang = lang.code(), "could not register commands; they still work when typed");
        }
    }
}

/// Long-polls through `dispatcher` until stopped. teloxide's listener retries a
/// failed getUpdates itself (with the same back-off); this loop restarts it when the
/// dispatcher could not start at all.
pub(super) async fn poll(
    bot: &Bot,
    dispatcher: &mut Dispatch,
    phase: &mut watch::Receiver<Phase>,
) -> anyhow::Result<()> {
    let mut retry = Retry::new("could not start polling", &bot.api_url());
    loop {
        let listener = tokio::select! {
            listener = Polling::builder(bot.clone())
                .timeout(POLL_TIMEOUT)
                .backoff_strategy(super::retry::backoff)
                .delete_webhook() => listener.build(),
            _ = stopped(phase) => return Ok(()),
        };
        let mut listener = listener;
        let _stopper = stop_listener_on_stop(&mut listener, phase.clone());
        let errors = LoggingErrorHandler::with_custom_text("getUpdates failed; retrying");
        // Only the dispatcher's own getMe, before it polls, fails here.
        match dispatcher.try_dispatch_with_listener(listener, errors).await {
            Ok(()) => return Ok(()),
            Err(e) => match retry.after(e, phase).await? {
                Next::Again => {}
                Next::Stopped => return Ok(()),
            },
        }
    }
}
