//! The sync driver: runs klava-sync's protocol with real requests in the one tab that holds the sync lock.
//! It finds the records to send by reading the log (everything not acknowledged by the server), sends
//! what [`klava_sync::Sync::next`] asks for, stores what comes back with the new state in one
//! transaction, and tells every tab how it stands. It runs at start, after each saved session (in any
//! tab), when the browser comes back online, when asked, and every few minutes while the page is visible.
//! The requests themselves and what they change are in [`transfer`].

mod transfer;

use klava_sync::{Held, Request, Status, Sync};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::api;
use super::{SyncCtx, lock};
use crate::progress::Progress;
use crate::storage::db::Db;
use crate::storage::ids::now_ms;
use transfer::{Stored, pull, push, scan};

/// How often to look for others' records while the page is visible.
const EVERY: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// The channel on which the syncing tab tells the others how sync stands, and they ask it to sync.
const CHANNEL: &str = "klava-sync";

/// A message on [`CHANNEL`].
#[derive(Debug, Default, Serialize, Deserialize)]
struct Message {
    /// How sync stands (from the tab that syncs).
    #[serde(default)]
    status: Option<Status>,
    /// Sync now, please (from any tab).
    #[serde(default)]
    want: bool,
    /// The records held (from the tab that syncs).
    #[serde(default)]
    held: Vec<Held>,
}

/// The driver's state (in one tab).
struct Driver {
    ctx: SyncCtx,
    progress: Progress,
    /// The account the state is for; `None` until loaded (or after signing out).
    login: Option<String>,
    sync: Sync,
    /// The highest log `seq` looked at for records to send.
    scanned: f64,
    /// See [`Stored::pulled`].
    pulled: Vec<(f64, f64)>,
    /// This tab holds the lock.
    active: bool,
    running: bool,
    again: bool,
    timer: Option<TimeoutHandle>,
    channel: Option<web_sys::BroadcastChannel>,
    /// The next page of a pull, asked for while this one is stored: its cursor and the request.
    next_page: Option<(i64, api::InFlight)>,
}

/// The driver, shared by its triggers (everything runs on the browser's one thread).
#[derive(Clone, Copy)]
struct Shared(StoredValue<Driver, LocalStorage>);

impl Shared {
    fn borrow<R>(self, f: impl FnOnce(&Driver) -> R) -> R {
        self.0.with_value(f)
    }

    fn borrow_mut<R>(self, f: impl FnOnce(&mut Driver) -> R) -> R {
        self.0.try_update_value(f).expect("the driver lives as long as the app")
    }
}

/// Starts the driver for this tab: the triggers now, the work once this tab holds the sync lock.
pub fn start(ctx: SyncCtx, progress: Progress) {
    let d = Shared(StoredValue::new_local(Driver {
        ctx,
        progress,
        login: None,
        sync: Sync::new(),
        scanned: 0.0,
        pulled: Vec::new(),
        active: false,
        running: false,
        again: false,
        timer: None,
        channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
        next_page: None,
    }));
    triggers(d);
    lock::when_held("klava-sync", move || {
        d.borrow_mut(|me| me.active = true);
        want(d);
    });
}

/// What makes it sync.
fn triggers(d: Shared) {
    let (ctx, progress) = d.borrow(|me| (me.ctx, me.progress));
    // A record saved in this tab or another one, or the history loaded.
    Effect::watch(
        move || {
            (
                progress.writes.get(),
                progress.heard.get(),
                progress.status.with(|s| *s == crate::progress::Status::Ready),
            )
        },
        move |_, _, _| cycle(d),
        false,
    );
    // Sign-in, sign-out, "sync now" in this tab; the tab that syncs may be another one, so it is told.
    Effect::watch(
        move || (ctx.account.get(), ctx.wanted.get()),
        move |_, _, _| {
            want(d);
            post(d, &Message { want: true, ..Message::default() });
        },
        false,
    );
    // The tab that syncs says how it stands; the others ask it to sync.
    if let Some(channel) = d.borrow(|me| me.channel.clone()) {
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(message) = e.data().as_string().and_then(|m| serde_json::from_str::<Message>(&m).ok()) else {
                return;
            };
            if let Some(status) = message.status {
                ctx.status.set(Some(status));
                ctx.held.set(message.held);
            }
            if message.want {
                want(d);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }
    let _ = leptos_use::use_event_listener(leptos_use::use_window(), leptos::ev::online, move |_| want(d));
    let _ = leptos_use::use_interval_fn(
        move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                want(d);
            }
        },
        EVERY.as_millis() as u64,
    );
}

/// Asks for a whole cycle (pull even with nothing to send); after "signed out elsewhere", tries again
/// (the learner may have signed in since, in any tab).
fn want(d: Shared) {
    d.borrow_mut(|me| {
        if matches!(me.sync.status(), Status::SignedOut { .. }) {
            me.sync.signed_in();
        } else {
            me.sync.want();
        }
    });
    cycle(d);
}

/// Runs requests until there is nothing to do now (or, when already running, asks for another round).
fn cycle(d: Shared) {
    let go = d.borrow_mut(|me| {
        if !me.active {
            return false;
        }
        if me.running {
            me.again = true;
            return false;
        }
        me.running = true;
        true
    });
    if !go {
        return;
    }
    spawn_local(async move {
        loop {
            d.borrow_mut(|me| me.again = false);
            if let Some(db) = ready(d).await {
                scan(d, &db).await;
                while let Some(request) = d.borrow_mut(|me| me.sync.next(now_ms())) {
                    publish(d);
                    match request {
                        Request::Push(ids) => push(d, &db, ids).await,
                        Request::Pull { after } => pull(d, after).await,
                    }
                }
            }
            if !d.borrow(|me| me.again) {
                break;
            }
        }
        d.borrow_mut(|me| me.running = false);
        publish(d);
        schedule(d);
    });
}

/// The database, with the state loaded for the account signed in; `None` when no one is signed in or
/// storage is not ready.
async fn ready(d: Shared) -> Option<Db> {
    let (account, db) = d.borrow(|me| (me.ctx.account.get_untracked(), me.progress.db()));
    let db = db?;
    let Some(account) = account else {
        d.borrow_mut(|me| {
            me.login = None;
            me.next_page = None;
        });
        return None;
    };
    if d.borrow(|me| me.login.as_deref() == Some(account.as_str())) {
        return Some(db);
    }
    // Another account (or the first cycle): its stored state, or a fresh one — then everything here is
    // sent to the account, and everything the account holds comes here.
    let stored = db.sync_state().await.ok().flatten().and_then(|json| serde_json::from_str::<Stored>(&json).ok());
    let (sync, pulled) = match stored {
        Some(s) if s.login == account => (s.sync, s.pulled),
        _ => {
            if let Err(e) = db.clear_sync().await {
                leptos::logging::warn!("klava: could not clear the sync state: {e}");
                return None;
            }
            (Sync::new(), Vec::new())
        }
    };
    d.borrow_mut(|me| {
        me.sync = sync;
        me.pulled = pulled;
        // A page asked for under another account is not this one's.
        me.next_page = None;
        me.login = Some(account);
        me.scanned = 0.0;
        me.sync.want();
    });
    Some(db)
}

/// Tells this tab and the others how sync stands.
fn publish(d: Shared) {
    let (ctx, status, held) = d.borrow(|me| {
        (me.ctx, me.login.as_ref().map(|_| me.sync.status()), me.sync.held().values().cloned().collect::<Vec<_>>())
    });
    ctx.status.set(status.clone());
    if ctx.held.with_untracked(|h| *h != held) {
        ctx.held.set(held.clone());
    }
    if status.is_some() {
        post(d, &Message { status, want: false, held });
    }
}

/// Sends `message` to the other tabs.
fn post(d: Shared, message: &Message) {
    d.borrow(|me| {
        if let Some(channel) = &me.channel {
            let _ = channel.post_message(&serde_json::to_string(message).unwrap_or_default().into());
        }
    });
}

/// Wakes up when a wait after a failure is over.
fn schedule(d: Shared) {
    d.borrow_mut(|me| {
        if let Some(t) = me.timer.take() {
            t.clear();
        }
        if let Status::Waiting { retry_at_ms, .. } = me.sync.status() {
            let wait = (retry_at_ms - now_ms()).clamp(0.0, klava_sync::QUOTA_WAIT_MS);
            let wait = std::time::Duration::from_millis(wait as u64 + 50);
            me.timer = set_timeout_with_handle(move || cycle(d), wait).ok();
        }
    });
}
