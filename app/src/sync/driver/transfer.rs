//! What the driver sends and what comes back: finding the records to send in the log, a push and its
//! acknowledgements, a pull page stored with the new state in one transaction, and the state as stored.

use klava_core::record::Id;
use klava_sync::{Answer, Problem, Sync};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Shared;
use crate::config::random_seed;
use crate::progress::{mark, measure};
use crate::storage::db::{Appended, Db, PULLED_PREFIX, Unreadable};
use crate::storage::ids::now_ms;
use crate::sync::api::{self, NoAnswer};

/// What is stored in IndexedDB: the account the state belongs to, the state, and where the pulled
/// records are in the log.
#[derive(Serialize, Deserialize)]
pub(super) struct Stored {
    pub(super) login: String,
    pub(super) sync: Sync,
    /// The log's `seq` ranges (inclusive) that pulled records were stored in: the server holds all of
    /// them, so they are never sent back (and need no acknowledgement each).
    #[serde(default)]
    pub(super) pulled: Vec<(f64, f64)>,
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

/// Adds the log's records not yet looked at to the outbox, unless the server is known to hold them.
pub(super) async fn scan(d: Shared, db: &Db) {
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

pub(super) async fn push(d: Shared, db: &Db, ids: Vec<Id>) {
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

pub(super) async fn pull(d: Shared, after: i64) {
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
                let key = format!("{PULLED_PREFIX}{}", id.as_ref().map_or("", Id::as_str));
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
