//! Sync with an account, as the rest of the app sees it: who is signed in on this device (a hint kept in
//! LocalStorage; the session itself is an HttpOnly cookie JavaScript never sees) and the sync status for
//! the status line. The work itself — requests, the protocol, the one tab that syncs, telling the other
//! tabs — is in a module of its own fetched only once someone signs in ([`driver`]), so a learner without
//! an account downloads none of it.

pub mod api;
pub mod driver;
pub mod lock;

use klava_sync::Status;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use::{use_event_listener, use_window};

use crate::progress::Progress;
use crate::storage::local;

/// LocalStorage key of the signed-in account's login.
const ACCOUNT: &str = "klava.account";
/// Sync, provided in context.
#[derive(Clone, Copy)]
pub struct SyncCtx {
    /// The login signed in on this device, if any.
    pub account: RwSignal<Option<String>>,
    /// How sync stands, once the syncing tab has said.
    pub status: RwSignal<Option<Status>>,
    /// Records the server refused for good (kept on this device), with its reasons.
    pub held: RwSignal<Vec<klava_sync::Held>>,
    /// Bumped to ask for a sync now (the account page's button, a sign-in).
    pub wanted: RwSignal<u32>,
    /// Whether this tab has started its driver (it then waits for its turn to sync).
    started: StoredValue<bool>,
}

impl SyncCtx {
    /// Creates the context; starts the driver as soon as someone is signed in.
    pub fn provide() -> Self {
        let ctx = Self {
            account: RwSignal::new(local::text(ACCOUNT).filter(|s| !s.is_empty())),
            status: RwSignal::new(None),
            held: RwSignal::new(Vec::new()),
            wanted: RwSignal::new(0),
            started: StoredValue::new(false),
        };
        provide_context(ctx);
        // Signing in or out in another tab.
        let _ = use_event_listener(use_window(), leptos::ev::storage, move |e| {
            if e.key().as_deref() == Some(ACCOUNT) {
                ctx.account.set(e.new_value().filter(|s| !s.is_empty()));
            }
        });
        let progress = Progress::expect();
        let owner = Owner::current();
        Effect::new(move || {
            if ctx.account.get().is_some() && !ctx.started.get_value() {
                ctx.started.set_value(true);
                let owner = owner.clone();
                spawn_local(async move {
                    let start = driver_entry().await;
                    // Under the app's owner, so the driver's effects and listeners live as long as the app.
                    match owner {
                        Some(owner) => owner.with(|| start(ctx, progress)),
                        None => start(ctx, progress),
                    }
                });
            }
        });
        ctx
    }

    /// The provided instance.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Remembers `login` as signed in on this device (and tells the other tabs).
    pub fn signed_in(&self, login: &str) {
        let _ = local::set_text(ACCOUNT, login);
        self.account.set(Some(login.to_owned()));
        self.wanted.update(|n| *n += 1);
    }

    /// Forgets the account on this device.
    pub fn signed_out(&self) {
        local::delete(ACCOUNT);
        self.account.set(None);
        self.status.set(None);
        self.held.set(Vec::new());
    }
}

/// The driver's entry point, in a module of its own.
#[lazy]
fn driver_entry() -> fn(SyncCtx, Progress) {
    driver::start
}
