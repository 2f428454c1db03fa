//! The sync driver: runs klava-sync's protocol with real requests in the one tab that holds the sync lock.
//! It finds the records to send by reading the log (everything not acknowledged by the server), sends
//! what [`klava_sync::Sync::next`] asks for, stores what comes back with the new state in one
//! transaction, and tells every tab how it stands. It runs at start, after each saved session (in any
//! tab), when the browser comes back online, when asked, and every few minutes while the page is visible.

use klava_core::record::Id;
use klava_sync::{Answer, Held, Problem, Request, Status, Sync};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::api::{self, NoAnswer};
use super::{SyncCtx, lock};
use crate::config::random_seed;
use crate::progress::{Progress, mark, measure};
use crate::storage::db::{Appended, Db, Unreadable};
use crate::storage::ids::now_ms;

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

/// What is stored in IndexedDB: the account the state belongs to, the state, and where the pulled
/// records are in the log.
#[derive(Serialize, Deserialize)]
struct Stored {
    login: String,
    sync: Sync,
    /// The log's `seq` ranges (inclusive) that pulled records were stored in: the server holds all of
    /// them, so they are never sent back (and need no acknowledgement each).
    #[serde(default)]
    pulled: Vec<(f64, f64)>,
}

/// Adds `first..=last` to `ranges`, joining it to the last one when they touch.
fn add_range(ranges: &mut Vec<(f64, f64)>, first: f64, last: f64) {
    if last < first {
        return;
    }
    match ranges.last_mut() {
        Some((_, end)) if *end + 1.0 >= first => *end = end.max(last),
        _ => ranges.push((first, last)),
    }
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

/// Adds the log's records not yet looked at to the outbox, unless the server is known to hold them.
async fn scan(d: Shared, db: &Db) {
    let since = d.borrow(|me| me.scanned);
    let Ok(fresh) = db.read_since(since).await else { return };
    if fresh.is_empty() {
        return;
    }
    let ids: Vec<&str> = d.borrow(|me| {
        let pulled = |seq: f64| me.pulled.iter().any(|(first, last)| (*first..=*last).contains(&seq));
        fresh.iter().filter(|s| !pulled(s.seq)).map(|s| s.id.as_str()).collect()
    });
    let Ok(acked) = db.acked_among(&ids).await else { return };
    d.borrow_mut(|me| {
        for stored in &fresh {
            me.scanned = me.scanned.max(stored.seq);
            let pulled = me.pulled.iter().any(|(first, last)| (*first..=*last).contains(&stored.seq));
            if pulled || acked.contains(&stored.id) {
                continue;
            }
            if let Ok(id) = Id::new(stored.id.clone()) {
                me.sync.add(id, stored.json.len());
            }
        }
    });
}

/// The state as stored.
fn state_json(d: Shared) -> String {
    d.borrow(|me| {
        let stored =
            Stored { login: me.login.clone().unwrap_or_default(), sync: me.sync.clone(), pulled: me.pulled.clone() };
        serde_json::to_string(&stored).unwrap_or_default()
    })
}

fn problem(no: NoAnswer) -> Problem {
    match no {
        NoAnswer::Offline => Problem::Offline,
        NoAnswer::Unreachable => Problem::Unavailable,
    }
}

async fn push(d: Shared, db: &Db, ids: Vec<Id>) {
    let Ok(found) = db.records_json(&ids).await else {
        d.borrow_mut(|me| me.sync.abandon(now_ms(), random_seed()));
        return;
    };
    let sent: Vec<Id> = found.iter().map(|(id, _)| id.clone()).collect();
    d.borrow_mut(|me| {
        // Not in the log any more (erased with "reset"): nothing to send.
        for id in ids.iter().filter(|id| !sent.contains(id)) {
            me.sync.hold(id.clone(), "missing", "not in this device's log any more");
        }
        if sent.is_empty() {
            me.sync.abandon(now_ms(), random_seed());
        }
    });
    if sent.is_empty() {
        return;
    }
    let records: Vec<&str> = found.iter().map(|(_, json)| json.as_str()).collect();
    let body = format!("{{\"records\":[{}]}}", records.join(","));
    let answer = match api::send("POST", "/api/sync/push", Some(&body)).await {
        Ok(reply) => klava_sync::http::push_answer(&sent, reply.as_sync()),
        Err(no) => Answer::Failed(problem(no)),
    };
    let stored = match &answer {
        Answer::Pushed { stored, .. } => stored.clone(),
        _ => Vec::new(),
    };
    d.borrow_mut(|me| me.sync.answer(answer, now_ms(), random_seed()));
    if let Err(e) = db.save_sync(&state_json(d), &stored).await {
        // Not fatal: the records go again and are stored once.
        leptos::logging::warn!("klava: could not write the sync state: {e}");
    }
}

async fn pull(d: Shared, after: i64) {
    // Each page's time in the network, reading and storing (with folding) shows in the browser's
    // performance timeline (`klava-pull-fetch`, `klava-pull-read`, `klava-store`, `klava-fold`).
    mark("klava-pull");
    let path = |after: i64| format!("/api/sync/pull?after={after}");
    let asked = d.borrow_mut(|me| me.next_page.take()).filter(|(cursor, _)| *cursor == after);
    let reply = match asked {
        Some((_, request)) => request.answer().await,
        None => match api::start("GET", &path(after), None) {
            Ok(request) => request.answer().await,
            Err(no) => Err(no),
        },
    };
    measure("klava-pull-fetch", "klava-pull");
    mark("klava-pull-read");
    let page = match reply {
        Ok(reply) => klava_sync::http::pull_page(reply.as_sync()),
        Err(no) => Err(problem(no)),
    };
    let page = match page {
        Ok(page) => page,
        Err(problem) => {
            d.borrow_mut(|me| me.sync.answer(Answer::Failed(problem), now_ms(), random_seed()));
            return;
        }
    };
    let (mut records, mut texts, mut aside, mut ids) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for raw in &page.records {
        let json = raw.get();
        match crate::progress::read_record(json) {
            Ok(r) => {
                ids.push(r.id.clone());
                records.push(r);
                texts.push(json);
            }
            // A record this version cannot read (a newer kind from a newer app): kept aside, listed, and
            // counted as held by the server.
            Err(reason) => {
                let id = klava_sync::http::record_id(json);
                let key = format!("pulled-{}", id.as_ref().map_or("", Id::as_str));
                aside.push(Unreadable { key, json: json.to_owned(), reason });
                ids.extend(id);
            }
        }
    }
    measure("klava-pull-read", "klava-pull-read");
    if page.more
        && let Ok(request) = api::start("GET", &path(page.cursor), None)
    {
        d.borrow_mut(|me| me.next_page = Some((page.cursor, request)));
    }
    let answer = Answer::Pulled { ids: ids.clone(), cursor: page.cursor, more: page.more };
    let (before, progress) = d.borrow_mut(|me| {
        let before = me.sync.clone();
        me.sync.answer(answer, now_ms(), random_seed());
        (before, me.progress)
    });
    // The state says where in the log this page goes, which is known only once it is being stored.
    let state = |appended: &Appended| {
        d.borrow(|me| {
            let mut pulled = me.pulled.clone();
            add_range(&mut pulled, appended.first_seq, appended.last_seq);
            let stored = Stored { login: me.login.clone().unwrap_or_default(), sync: me.sync.clone(), pulled };
            serde_json::to_string(&stored).unwrap_or_default()
        })
    };
    match progress.receive(&records, &texts, &aside, state).await {
        Ok(appended) => d.borrow_mut(|me| {
            add_range(&mut me.pulled, appended.first_seq, appended.last_seq);
            // Right after what was looked at: nothing to look for in them.
            if appended.first_seq == me.scanned + 1.0 && appended.last_seq >= appended.first_seq {
                me.scanned = appended.last_seq;
            }
        }),
        // Nothing was stored: the page comes again after a wait.
        Err(e) => {
            progress.problem.set(Some(e));
            d.borrow_mut(|me| {
                me.sync = before;
                // `before` has the pull in flight: give it up, with backoff.
                me.sync.abandon(now_ms(), random_seed());
            });
        }
    }
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
