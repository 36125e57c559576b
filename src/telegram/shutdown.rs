//! A clean shutdown in three phases, as mini-redis does it: running; asked to stop
//! (no new updates are fetched, queued ones are still answered); and, after
//! [`SHUTDOWN_GRACE`], abandoning (whatever is still queued or sending is dropped,
//! and counted). The stop itself is a future passed in (SIGINT/SIGTERM for `run`).

use std::collections::{BTreeMap, BTreeSet};
use std::panic::Location;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use std::ops::ControlFlow;

use teloxide::dispatching::{DpHandlerDescription, ShutdownToken};
use teloxide::dptree::di::DependencyMap;
use teloxide::dptree::{self, Cont, Handler, HandlerDescription, HandlerSignature, Type};
use teloxide::update_listeners::UpdateListener;
use tokio::sync::watch;
use tracing::info;

use super::HandlerResult;

/// How long replies already queued may still go out after a stop. After it, what is
/// left is dropped (and logged) so the process exits promptly: a supervisor's
/// SIGTERM is followed by SIGKILL within seconds.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// How often the stop is offered again to a dispatcher that is not running yet.
const SHUTDOWN_RETRY: Duration = Duration::from_millis(20);

/// Where the bot is in its life, as handlers see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    Running,
    /// Asked to stop: no new updates are fetched; queued ones are still answered.
    Stopping,
    /// The grace period is over: whatever is still queued or sending is dropped.
    Abandoning,
}

/// The bot's view of a shutdown: a dispatcher dependency, and what `serve` waits on.
#[derive(Clone)]
pub(super) struct Shutdown {
    phase: watch::Receiver<Phase>,
    dropped: Arc<AtomicUsize>,
}

impl Shutdown {
    /// A shutdown in the running phase, and the sender that moves it on.
    pub(super) fn new() -> (watch::Sender<Phase>, Shutdown) {
        let (tx, phase) = watch::channel(Phase::Running);
        (tx, Shutdown { phase, dropped: Arc::new(AtomicUsize::new(0)) })
    }

    /// Runs one update's work, unless the grace period is over (before or during it);
    /// abandoned work counts as dropped and ends as `gone`.
    pub(super) async fn guard<T>(&self, work: impl Future<Output = T>, gone: T) -> T {
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
                gone
            }
            result = work => result,
        }
    }

    /// How many updates were dropped unanswered.
    pub(super) fn dropped(&self) -> usize {
        self.dropped.load(Ordering::Relaxed)
    }

    /// A receiver to wait on with [`stopped`].
    pub(super) fn phase(&self) -> watch::Receiver<Phase> {
        self.phase.clone()
    }
}

/// The first handler of the schema: every update's handling runs under
/// [`Shutdown::guard`], so one place decides when queued work is dropped.
#[track_caller]
pub(super) fn guarded() -> Handler<'static, HandlerResult, DpHandlerDescription> {
    let needs = BTreeMap::from([(Type::of::<Shutdown>(), Location::caller())]);
    let signature = HandlerSignature::Other {
        obligations: needs,
        guaranteed_outcomes: BTreeSet::new(),
        conditional_outcomes: BTreeSet::new(),
        continues: true,
    };
    dptree::from_fn_with_description(
        DpHandlerDescription::entry(),
        |deps: DependencyMap, rest: Cont<'static, HandlerResult>| async move {
            let shutdown: Arc<Shutdown> = deps.get();
            shutdown.guard(rest(deps), ControlFlow::Break(Ok(()))).await
        },
        signature,
    )
}

/// Waits for the stop, then stops the dispatcher and, after the grace period, has
/// the handlers drop what is left. Aborted by `serve` when it returns.
pub(super) async fn control(
    stop: impl Future<Output = ()>,
    phase: watch::Sender<Phase>,
    token: ShutdownToken,
) {
    stop.await;
    info!("shutting down");
    phase.send_replace(Phase::Stopping);
    // Refused while the dispatcher is not running (yet, or any more): serve notices
    // the phase in that case, and aborts this task when it returns.
    while token.shutdown().is_err() {
        tokio::time::sleep(SHUTDOWN_RETRY).await;
    }
    tokio::time::sleep(SHUTDOWN_GRACE).await;
    phase.send_replace(Phase::Abandoning);
}

/// Completes once a stop was asked for (or the control task is gone).
pub(super) async fn stopped(phase: &mut watch::Receiver<Phase>) {
    let _ = phase.wait_for(|p| *p != Phase::Running).await;
}

/// Completes once the grace period is over (never, if the control task is gone
/// without abandoning anything).
pub(super) async fn abandoned(phase: &mut watch::Receiver<Phase>) {
    if phase.wait_for(|p| *p == Phase::Abandoning).await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Stops `listener` once a stop is asked for; the task ends when the guard drops.
///
/// teloxide's dispatcher notices a shutdown only while it waits for the next update
/// (a `Notify::notify_waiters`), so a shutdown asked for while it hands an update to
/// a worker is lost, and with updates arriving steadily it never stops. A stopped
/// listener ends its stream, which the dispatcher always notices: it then lets the
/// workers finish their queues and returns.
pub(super) fn stop_listener_on_stop(
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
pub(super) struct AbortOnDrop(pub(super) tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
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
