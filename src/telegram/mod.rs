//! The Telegram transport, shaped like a teloxide example: [`schema`] routes every
//! update (who it is for, admin commands, button kinds) to a small endpoint in
//! `handlers`; [`serve`] connects, long-polls (or serves a webhook) and shuts down
//! cleanly. Flood control screens updates as they arrive, before they queue for
//! their chat (`screen`); every message goes out through one [`Pace`] that keeps
//! Telegram's limits without a tick. Kept thin: read, match, render, send, record.
//!
//! Below `mod.rs`, files depend one way: `screen` on `handlers`, `flood` and
//! `callback`; `handlers`, `inline` and `feedback` on `send`, `commands`, `context`
//! and `callback`; `send` on `pace`, `pace` on `flood`; `polling` and `webhook` on
//! `retry` and `shutdown`.

mod callback;
mod commands;
mod context;
mod feedback;
mod flood;
mod handlers;
mod inline;
mod pace;
mod polling;
mod retry;
mod screen;
mod send;
mod shutdown;
mod stats;
mod webhook;

use std::process::ExitCode;
use std::sync::Arc;

use teloxide::dispatching::{DefaultKey, UpdateHandler};
use teloxide::prelude::*;
use tracing::{error, info, warn};

pub use callback::{Callback, MAX_CALLBACK_DATA, Thumb};
pub use commands::command_menu;
pub use context::{CONTEXT_TTL, Contexts, Key as ContextKey, MAX_CONTEXTS};
pub use flood::{Bucket, Flood, Limits as FloodLimits, Verdict};
pub use inline::DEFAULT_IN_FLIGHT;
pub use pace::{Pace, PaceLimits};
pub use retry::BACKOFF_CAP;
pub use shutdown::{SHUTDOWN_GRACE, shutdown_signal};
pub use webhook::SECRET_HEADER;

use crate::config::{Admins, RunSettings, TelegramSettings, WebhookSettings};
use crate::engine::Engine;
use crate::live::LiveEngine;
use crate::record::{Recorder, Store};
use screen::{Gate, Screen};
use shutdown::Shutdown;

/// What every handler returns: teloxide logs an error and goes on.
pub type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

type Dispatch = Dispatcher<Bot, Box<dyn std::error::Error + Send + Sync>, DefaultKey>;

/// Updates a chat may have waiting while its replies are paced (one a second). The
/// dispatcher stops taking updates for every chat while one chat's queue is full,
/// so this is generous (teloxide's 64 let one lively group stall everyone), though
/// a flood's excess never gets this far: the screen drops it as it arrives.
const WORKER_QUEUE: usize = 1024;

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

/// Everything [`serve`] serves with.
pub struct Options {
    pub telegram: TelegramSettings,
    pub listener: Listener,
    pub live: Arc<LiveEngine>,
    pub admins: Admins,
    pub flood: FloodLimits,
    /// Telegram's limits on sending.
    pub pace: PaceLimits,
    /// How many inline queries are answered at a time.
    pub inline_in_flight: usize,
    /// Where questions and votes are recorded; [`Recorder::none`] records nothing.
    pub recorder: Recorder,
    /// How long a conversation's context lasts ([`CONTEXT_TTL`]).
    pub context_ttl: std::time::Duration,
}

impl Options {
    /// Long polling with `live`, no admins, the shipped limits, no record.
    pub fn new(telegram: TelegramSettings, live: Arc<LiveEngine>) -> Options {
        Options {
            telegram,
            listener: Listener::Polling,
            live,
            admins: Admins::default(),
            flood: FloodLimits::default(),
            pace: PaceLimits::default(),
            inline_in_flight: DEFAULT_IN_FLIGHT,
            recorder: Recorder::none(),
            context_ttl: CONTEXT_TTL,
        }
    }
}

/// Runs the bot until SIGINT or SIGTERM, reloading the knowledge folder when it
/// changes and recording what people asked; the CLI's `run`.
pub fn run(settings: RunSettings, engine: Engine, knowledge: &std::path::Path) -> anyhow::Result<ExitCode> {
    let RunSettings { telegram, webhook, admins, data, inline_in_flight } = settings;
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
    let live = Arc::new(LiveEngine::new(engine, knowledge));
    // Dropping the watcher stops it, so it lives as long as the bot.
    let _watcher = live
        .watch()
        .inspect_err(
            |e| warn!(error = %e, "cannot watch the knowledge folder; edits need /reload or a restart"),
        )
        .ok();
    let options = Options {
        listener: webhook.map_or(Listener::Polling, Listener::Webhook),
        admins,
        inline_in_flight,
        recorder: store.as_ref().map_or_else(Recorder::none, Store::recorder),
        ..Options::new(telegram, live)
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let served = runtime.block_on(serve(options, shutdown_signal()));
    // After the bot stopped: what is still queued is written before exiting.
    if let Some(store) = store {
        store.close();
    }
    served?;
    Ok(ExitCode::SUCCESS)
}

/// Connects, registers the commands and serves updates until `stop` completes (the
/// CLI passes SIGINT/SIGTERM; tests pass their own trigger). Then it fetches no more
/// updates, answers what is queued for up to [`SHUTDOWN_GRACE`], and returns. In
/// webhook mode the listen address is bound first (an error if it cannot be).
///
/// Errors only when the Bot API rejects the token (or the webhook URL): everything
/// else — Telegram down, 5xx, network errors, 429 — is waited out and retried.
pub async fn serve(options: Options, stop: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
    let Options { telegram, listener, live, admins, flood, pace, inline_in_flight, recorder, context_ttl } =
        options;
    let hook = match &listener {
        Listener::Polling => None,
        Listener::Webhook(hook) => Some(webhook::bind(hook)?),
    };
    let bot = bot(&telegram);
    let screen = Arc::new(Screen::new(flood));
    let (phase_tx, shutdown) = Shutdown::new();
    let deps = dptree::deps![
        live,
        Arc::new(admins),
        screen.clone(),
        send::Outbox::new(bot.clone(), Arc::new(Pace::new(pace))),
        Arc::new(inline::Inline::new(inline_in_flight)),
        recorder,
        Arc::new(feedback::Voted::default()),
        Arc::new(Contexts::new(context_ttl, MAX_CONTEXTS)),
        shutdown.clone()
    ];
    // The dispatcher adds the bot and `Me` (from its own getMe) when it starts.
    let mut dispatcher = Dispatcher::builder(bot.clone(), schema())
        .dependencies(deps)
        .default_handler(|_| async {})
        .worker_queue_size(WORKER_QUEUE)
        .build();
    let control = tokio::spawn(shutdown::control(stop, phase_tx, dispatcher.shutdown_token()));
    let mut phase = shutdown.phase();
    let result = match polling::connect(&bot, &mut phase).await {
        Ok(None) => Ok(()),
        Ok(Some(me)) => {
            let gate = Gate::new(screen, bot.clone(), me);
            match hook {
                Some(hook) => webhook::dispatch(&bot, &mut dispatcher, &mut phase, &gate, hook).await,
                None => polling::poll(&bot, &mut dispatcher, &mut phase, &gate).await,
            }
        }
        Err(e) => Err(e),
    };
    control.abort();
    let dropped = shutdown.dropped();
    if dropped > 0 {
        warn!(dropped, "stopped with updates still queued; they were not answered");
    }
    if result.is_ok() {
        info!("stopped");
    }
    result
}

/// Every update's route, after flood control dropped a flood's excess as it arrived.
/// Messages: one that arrived as its sender's first over the limit gets the one
/// notice; otherwise a private message without words gets a hint, an admin's command
/// addressed to the bot goes to `admin` and anything else addressed to it to
/// `answer`. Buttons: 👍/👎 to `vote`, questions and topics to `press`, anything else
/// is out of date. The update kinds Telegram is asked for are derived from this tree.
pub fn schema() -> UpdateHandler<Box<dyn std::error::Error + Send + Sync + 'static>> {
    let addressed = dptree::filter_map(handlers::addressed)
        .branch(dptree::filter_map(handlers::admin_request).endpoint(handlers::admin))
        .endpoint(handlers::answer);
    let messages = Update::filter_message()
        .map(Screen::verdict)
        .branch(dptree::filter(|v: Verdict| v == Verdict::Warn).endpoint(handlers::slow_down))
        .branch(dptree::filter(handlers::wordless_private).endpoint(handlers::only_text))
        .branch(addressed);
    let buttons = Update::filter_callback_query()
        .branch(
            dptree::filter_map(|q: CallbackQuery| q.data.as_deref().and_then(Callback::parse))
                .branch(dptree::filter_map(Callback::vote).endpoint(feedback::vote))
                .branch(dptree::filter_map(Callback::action).endpoint(handlers::press)),
        )
        .endpoint(handlers::out_of_date);
    dptree::entry()
        .chain(shutdown::guarded())
        .branch(messages)
        .branch(buttons)
        .branch(Update::filter_inline_query().endpoint(inline::answer))
        .branch(Update::filter_my_chat_member().filter(handlers::joined).endpoint(handlers::introduce))
}

/// A plain `Bot` for the configured server.
pub fn bot(settings: &TelegramSettings) -> Bot {
    let bot = Bot::new(settings.token.expose());
    match &settings.api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    }
}
