//! A signed-in device's account: how sync stands and what to do about it, the signed-in devices, the
//! password, a download of everything the server holds, signing out (keeping this device's copy or not)
//! and deleting the account.

use klava_sync::{Problem, Status};
use klava_wire::{ChangePassword, DeleteAccount, Device};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Note, error_text, is_signed_out};
use crate::components::sync_status::short;
use crate::i18n::{I18n, date_time, t_string, tr, use_i18n};
use crate::progress::Progress;
use crate::progress::backup::download;
use crate::storage::ids;
use crate::sync::SyncCtx;
use crate::sync::api;

/// Forgets the account on this device; the records stay, and go to whichever account signs in next.
async fn forget(ctx: SyncCtx, progress: Progress) {
    if let Some(db) = progress.db()
        && let Err(e) = db.clear_sync().await
    {
        leptos::logging::warn!("klava: could not clear the sync state: {e}");
    }
    ctx.signed_out();
}

/// What to do about the state, in a sentence.
fn help(i18n: I18n, status: &Status) -> String {
    match status {
        Status::Synced { .. } => t_string!(i18n, sync.help_synced).to_owned(),
        Status::Syncing { .. } | Status::Pending { .. } => t_string!(i18n, sync.help_pending).to_owned(),
        Status::SignedOut { .. } => t_string!(i18n, sync.help_signed_out).to_owned(),
        Status::Waiting { problem, .. } => match problem {
            Problem::Offline => t_string!(i18n, sync.help_offline).to_owned(),
            Problem::Unavailable => t_string!(i18n, sync.help_unavailable).to_owned(),
            Problem::SignedOut => t_string!(i18n, sync.help_signed_out).to_owned(),
            Problem::TooManyRequests { .. } => t_string!(i18n, sync.help_rate_limited).to_owned(),
            Problem::Quota => t_string!(i18n, sync.help_quota).to_owned(),
            Problem::Refused(m) => t_string!(i18n, sync.help_refused, message = m.as_str()).to_string(),
        },
    }
}

/// A time today or another day, the learner's way.
fn when(i18n: I18n, ms: f64) -> String {
    date_time(i18n.get_locale(), ms, ids::utc_offset_min_at(ms))
}

/// How sync stands, and "sync now".
#[component]
fn SyncPanel() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = SyncCtx::expect();
    let status = move || ctx.status.get().unwrap_or(Status::Pending { waiting: 0 });
    view! {
        <section aria-labelledby="sync-title">
            <h2 id="sync-title">{tr!(i18n, account.sync)}</h2>
            <p data-testid="signed-in-as">{move || t_string!(i18n, account.signed_in_as, login = ctx.account.get().unwrap_or_default()).to_string()}</p>
            <p data-testid="sync-state"><strong>{move || short(i18n, &status())}</strong> " " {move || help(i18n, &status())}</p>
            {move || match status() {
                Status::Synced { at_ms } => Some(t_string!(i18n, sync.last_synced, time = when(i18n, at_ms)).to_string()),
                Status::Waiting { retry_at_ms, .. } => Some(t_string!(i18n, sync.next_try, time = when(i18n, retry_at_ms)).to_string()),
                _ => None,
            }.map(|line| view! { <p class="muted">{line}</p> })}
            <Show when=move || ctx.held.with(|h| !h.is_empty())>
                <p class="notice" data-testid="held">
                    {move || ctx.held.with(|h| {
                        let why = h.first().map(|x| x.message.clone()).unwrap_or_default();
                        t_string!(i18n, sync.held, count = h.len(), message = why).to_string()
                    })}
                </p>
            </Show>
            <button type="button" class="button" data-testid="sync-now" on:click=move |_| ctx.wanted.update(|n| *n += 1)>
                {tr!(i18n, sync.sync_now)}
            </button>
        </section>
    }
}

/// The signed-in devices, each with "sign out", and "sign out of every device".
#[component]
fn Devices(note: RwSignal<Option<Note>>, gone: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let (ctx, progress) = (SyncCtx::expect(), Progress::expect());
    let devices = RwSignal::new(Vec::<Device>::new());
    let load = move || {
        spawn_local(async move {
            match api::call::<Vec<Device>>("GET", "/api/account/devices", None::<&()>).await {
                Ok(list) => devices.set(list),
                // Signed out elsewhere: the page asks to sign in again (the login kept, the records too).
                Err(e) if is_signed_out(&e) => {
                    note.set(Some(Note::Failed(error_text(i18n, &e))));
                    gone.set(true);
                }
                Err(_) => {}
            }
        });
    };
    load();
    let sign_out = move |id: String| {
        spawn_local(async move {
            match api::call_empty("DELETE", &format!("/api/account/devices/{id}"), None::<&()>).await {
                Ok(_) => load(),
                Err(e) => note.set(Some(Note::Failed(error_text(i18n, &e)))),
            }
        });
    };
    let everywhere = move |_| {
        spawn_local(async move {
            match api::call_empty("POST", "/api/account/signout-all", None::<&()>).await {
                Ok(_) => forget(ctx, progress).await,
                Err(e) => note.set(Some(Note::Failed(error_text(i18n, &e)))),
            }
        });
    };
    view! {
        <section aria-labelledby="devices-title">
            <h2 id="devices-title">{tr!(i18n, account.devices)}</h2>
            <ul class="devices" data-testid="devices">
                {move || devices.get().into_iter().map(|d| {
                    let id = d.id.clone();
                    view! {
                        <li>
                            <span class="device">{browser_name(&d.user_agent)}</span>
                            {d.current.then(|| view! { " (" {tr!(i18n, account.this_device)} ")" })}
                            " · " <span class="muted">{move || t_string!(i18n, account.seen, time = when(i18n, d.last_seen_ms as f64)).to_string()}</span>
                            {(!d.current).then(|| view! { " " <button type="button" class="link" on:click=move |_| sign_out(id.clone())>{tr!(i18n, account.sign_out_device)}</button> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="button" data-testid="sign-out-all" on:click=everywhere>{tr!(i18n, account.sign_out_all)}</button>
        </section>
    }
}

/// "Chrome on Linux" from a User-Agent, roughly; the whole string when nothing is recognised.
fn browser_name(ua: &str) -> String {
    let browser = ["Firefox", "Edg", "OPR", "Chrome", "Safari"].into_iter().find(|b| ua.contains(&format!("{b}/")));
    let system =
        ["Android", "iPhone", "iPad", "Windows", "Mac OS", "Linux", "CrOS"].into_iter().find(|s| ua.contains(s));
    match (browser, system) {
        (Some(b), Some(s)) => format!(
            "{} · {}",
            if b == "Edg" {
                "Edge"
            } else if b == "OPR" {
                "Opera"
            } else {
                b
            },
            s
        ),
        _ if ua.is_empty() => "?".to_owned(),
        _ => ua.chars().take(60).collect(),
    }
}

/// Change the password.
#[component]
fn Password(note: RwSignal<Option<Note>>) -> impl IntoView {
    let i18n = use_i18n();
    let (current, new) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = ChangePassword { current_password: current.get_untracked(), new_password: new.get_untracked() };
        if body.new_password.chars().count() < klava_wire::MIN_PASSWORD_CHARS {
            note.set(Some(Note::Failed(t_string!(i18n, account.err_short).to_owned())));
            return;
        }
        spawn_local(async move {
            match api::call_empty("POST", "/api/account/password", Some(&body)).await {
                Ok(_) => {
                    current.set(String::new());
                    new.set(String::new());
                    note.set(Some(Note::Done(t_string!(i18n, account.password_changed).to_owned())));
                }
                Err(e) => note.set(Some(Note::Failed(error_text(i18n, &e)))),
            }
        });
    };
    view! {
        <section aria-labelledby="password-title">
            <h2 id="password-title">{tr!(i18n, account.change_password)}</h2>
            <form class="account-form" on:submit=submit>
                <label>{tr!(i18n, account.current_password)}
                    <input type="password" autocomplete="current-password" required bind:value=current data-testid="current-password" />
                </label>
                <label>{tr!(i18n, account.new_password)}
                    <input type="password" autocomplete="new-password" required bind:value=new data-testid="new-password" />
                </label>
                <p><button type="submit" class="button" data-testid="change-password">{tr!(i18n, account.change_password)}</button></p>
            </form>
        </section>
    }
}

/// Download everything the server holds.
#[component]
fn Download(note: RwSignal<Option<Note>>) -> impl IntoView {
    let i18n = use_i18n();
    let fetch = move |_| {
        spawn_local(async move {
            match api::call_empty("GET", "/api/account/export", None::<&()>).await {
                Ok(reply) => {
                    if let Err(e) = download(&format!("klava-account-{}.json", ids::local_date()), &reply.body) {
                        leptos::logging::warn!("klava: could not offer the download: {e:?}");
                    }
                }
                Err(e) => note.set(Some(Note::Failed(error_text(i18n, &e)))),
            }
        });
    };
    view! {
        <p>
            <button type="button" class="button" data-testid="download-data" on:click=fetch>{tr!(i18n, account.download)}</button>
            " " <span class="muted">{tr!(i18n, account.download_help)}</span>
        </p>
    }
}

/// Sign out, asking whether to keep this device's copy.
#[component]
fn SignOut(note: RwSignal<Option<Note>>) -> impl IntoView {
    let i18n = use_i18n();
    let (ctx, progress) = (SyncCtx::expect(), Progress::expect());
    let asking = RwSignal::new(false);
    let unsent = move || match ctx.status.get() {
        Some(Status::Synced { .. }) => 0,
        Some(
            Status::Syncing { waiting }
            | Status::Pending { waiting }
            | Status::SignedOut { waiting }
            | Status::Waiting { waiting, .. },
        ) => waiting,
        None => 0,
    };
    let go = move |erase: bool| {
        spawn_local(async move {
            match api::call_empty("POST", "/api/account/signout", None::<&()>).await {
                Ok(_) => {}
                Err(e) if is_signed_out(&e) => {}
                Err(e) => {
                    note.set(Some(Note::Failed(error_text(i18n, &e))));
                    return;
                }
            }
            forget(ctx, progress).await;
            if erase && let Err(e) = progress.reset().await {
                leptos::logging::warn!("klava: could not erase this device's copy: {e}");
            }
        });
    };
    view! {
        <Show when=move || asking.get()
            fallback=move || view! { <button type="button" class="button" data-testid="sign-out" on:click=move |_| asking.set(true)>{tr!(i18n, account.sign_out)}</button> }>
            <div class="notice" role="group" aria-labelledby="keep-q" data-testid="sign-out-question">
                <p id="keep-q">{tr!(i18n, account.keep_question)}</p>
                <Show when=move || { unsent() > 0 }>
                    <p class="danger" data-testid="unsent-warning">{move || t_string!(i18n, account.unsent_warning, count = unsent()).to_string()}</p>
                </Show>
                <p>
                    <button type="button" class="button primary" data-testid="sign-out-keep" on:click=move |_| go(false)>{tr!(i18n, account.keep)}</button>
                    " "
                    <button type="button" class="button danger" data-testid="sign-out-erase" on:click=move |_| go(true)>{tr!(i18n, account.erase)}</button>
                    " "
                    <button type="button" class="button" on:click=move |_| asking.set(false)>{tr!(i18n, account.cancel)}</button>
                </p>
            </div>
        </Show>
    }
}

/// Delete the account, with a clear warning and the password.
#[component]
fn Delete(note: RwSignal<Option<Note>>) -> impl IntoView {
    let i18n = use_i18n();
    let (ctx, progress) = (SyncCtx::expect(), Progress::expect());
    let password = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = DeleteAccount { password: password.get_untracked() };
        spawn_local(async move {
            match api::call_empty("POST", "/api/account/delete", Some(&body)).await {
                Ok(_) => {
                    forget(ctx, progress).await;
                    note.set(Some(Note::Done(t_string!(i18n, account.deleted).to_owned())));
                }
                Err(e) => note.set(Some(Note::Failed(error_text(i18n, &e)))),
            }
        });
    };
    view! {
        <section aria-labelledby="delete-title">
            <h2 id="delete-title">{tr!(i18n, account.delete)}</h2>
            <p class="danger">{tr!(i18n, account.delete_warning)}</p>
            <form class="account-form" on:submit=submit>
                <label>{tr!(i18n, account.password)}
                    <input type="password" autocomplete="current-password" required bind:value=password data-testid="delete-password" />
                </label>
                <p><button type="submit" class="button danger" data-testid="delete-account">{tr!(i18n, account.delete_confirm)}</button></p>
            </form>
        </section>
    }
}

/// Everything for a signed-in device.
#[component]
pub fn Manage(note: RwSignal<Option<Note>>, gone: RwSignal<bool>) -> impl IntoView {
    view! {
        <SyncPanel />
        <div class="sign-out"><SignOut note /></div>
        <Devices note gone />
        <Password note />
        <Download note />
        <Delete note />
    }
}
