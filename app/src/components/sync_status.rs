//! `SyncStatus`: the status line of sync, in the header on every page once someone is signed in — synced,
//! syncing, how many records wait, or what went wrong in a few words — linking to the account page, which
//! says what to do. It is fetched with sync itself (a module of its own), so the first visit of a learner
//! without an account carries only the empty slot ([`SyncStatusSlot`]).

use klava_sync::{Problem, Status};
use leptos::prelude::*;

use crate::i18n::{I18n, t_string, use_i18n};
use crate::sync::SyncCtx;

/// Whether the state is a problem the learner should look at (drawn as a warning).
pub fn is_problem(status: &Status) -> bool {
    match status {
        Status::SignedOut { .. } => true,
        Status::Waiting { problem, .. } => !matches!(problem, Problem::Offline),
        _ => false,
    }
}

/// The state in a few words.
pub fn short(i18n: I18n, status: &Status) -> String {
    let problem = |p: &Problem| match p {
        Problem::Offline => t_string!(i18n, sync.offline),
        Problem::Unavailable => t_string!(i18n, sync.unavailable),
        Problem::SignedOut => t_string!(i18n, sync.signed_out),
        Problem::TooManyRequests { .. } => t_string!(i18n, sync.rate_limited),
        Problem::Quota => t_string!(i18n, sync.quota),
        Problem::Refused(_) => t_string!(i18n, sync.refused),
    };
    let (head, waiting) = match status {
        Status::Synced { .. } => (t_string!(i18n, sync.synced), 0),
        Status::Syncing { waiting } => (t_string!(i18n, sync.syncing), *waiting),
        Status::Pending { waiting } => (t_string!(i18n, sync.pending), *waiting),
        Status::SignedOut { waiting } => (t_string!(i18n, sync.signed_out), *waiting),
        Status::Waiting { waiting, problem: p, .. } => (problem(p), *waiting),
    };
    if waiting == 0 { head.to_owned() } else { format!("{head} · {}", t_string!(i18n, sync.unsent, count = waiting)) }
}

/// The status line: a live region that stays, with the words in it changing.
#[component]
fn SyncStatus() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = SyncCtx::expect();
    let status = move || ctx.status.get().unwrap_or(Status::Pending { waiting: 0 });
    let class = move || if is_problem(&status()) { "sync-status warn" } else { "sync-status" };
    // The live region wraps the link (a link cannot itself be a status and keep its name).
    view! {
        <span role="status">
            <a href="/account" class=class data-testid="sync-status">{move || short(i18n, &status())}</a>
        </span>
    }
}

#[lazy]
fn status_line() -> AnyView {
    view! { <SyncStatus /> }.into_any()
}

/// Where the status line goes: nothing while no one is signed in.
#[component]
pub fn SyncStatusSlot() -> impl IntoView {
    let ctx = SyncCtx::expect();
    move || {
        ctx.account.get()?;
        Some(view! { <Suspense fallback=|| ()>{Suspend::new(status_line())}</Suspense> })
    }
}
