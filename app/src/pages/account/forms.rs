//! Signing up, signing in and recovering a password, and the recovery codes shown once after signing up.

use klava_wire::{Account, Credentials, MIN_PASSWORD_CHARS, Recover, Recovered, SignedUp};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Note, error_text};
use crate::i18n::{t_string, tr, use_i18n};
use crate::progress::Progress;
use crate::progress::backup::download;
use crate::storage::ids;
use crate::sync::SyncCtx;
use crate::sync::api;

/// Which form is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    SignIn,
    SignUp,
    Recover,
}

/// The forms for a device that is not signed in.
#[component]
pub fn SignInForms(codes: RwSignal<Option<Vec<String>>>, note: RwSignal<Option<Note>>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = SyncCtx::expect();
    let progress = Progress::expect();
    let mode = RwSignal::new(Mode::SignIn);
    let login = RwSignal::new(ctx.account.get_untracked().unwrap_or_default());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (m, l, p, c) =
            (mode.get_untracked(), login.get_untracked(), password.get_untracked(), code.get_untracked());
        if m != Mode::SignIn && p.chars().count() < MIN_PASSWORD_CHARS {
            note.set(Some(Note::Failed(t_string!(i18n, account.err_short).to_owned())));
            return;
        }
        busy.set(true);
        note.set(None);
        spawn_local(async move {
            let credentials = Credentials { login: l.clone(), password: p.clone() };
            let done = match m {
                Mode::SignIn => {
                    api::call::<Account>("POST", "/api/account/signin", Some(&credentials)).await.map(|a| (a, None))
                }
                Mode::SignUp => api::call::<SignedUp>("POST", "/api/account/signup", Some(&credentials))
                    .await
                    .map(|s| (s.account, Some(s.recovery_codes))),
                Mode::Recover => {
                    let body = Recover { login: l, recovery_code: c, new_password: p };
                    api::call::<Recovered>("POST", "/api/account/recover", Some(&body)).await.map(|r| {
                        let left = r.recovery_codes_left;
                        note.set(Some(Note::Done(t_string!(i18n, account.recovered, n = left).to_string())));
                        (r.account, None)
                    })
                }
            };
            busy.set(false);
            match done {
                Ok((account, new_codes)) => {
                    password.set(String::new());
                    codes.set(new_codes);
                    ctx.signed_in(&account.login);
                }
                Err(e) => note.set(Some(Note::Failed(error_text(i18n, &e)))),
            }
        });
    };
    let sessions = move || progress.history.with(|h| h.len());
    let choose = move |m: Mode| {
        move |_| {
            mode.set(m);
            note.set(None);
        }
    };
    view! {
        <p>{tr!(i18n, account.intro)}</p>
        <form class="account-form" on:submit=submit data-testid="account-form">
            <label>{tr!(i18n, account.login)}
                <input type="text" autocomplete="username" required bind:value=login data-testid="login" />
            </label>
            <Show when=move || mode.get() == Mode::Recover>
                <label>{tr!(i18n, account.recovery_code)}
                    <input type="text" autocomplete="one-time-code" required bind:value=code data-testid="recovery-code" />
                </label>
            </Show>
            <label>
                {move || if mode.get() == Mode::SignIn { t_string!(i18n, account.password) } else { t_string!(i18n, account.new_password) }}
                <input type="password" required bind:value=password data-testid="password"
                    autocomplete=move || if mode.get() == Mode::SignIn { "current-password" } else { "new-password" } />
            </label>
            <Show when=move || mode.get() != Mode::SignIn>
                <p class="muted">{tr!(i18n, account.password_rule)}</p>
            </Show>
            // Signing in again to the account this device was in adds nothing new to say.
            <Show when=move || {
                sessions() > 0 && mode.get() != Mode::Recover
                    && ctx.account.with(|a| a.as_deref().is_none_or(|a| !a.eq_ignore_ascii_case(login.get().trim())))
            }>
                <p class="notice" data-testid="union-note">{move || t_string!(i18n, account.union, count = sessions())}</p>
            </Show>
            <p>
                <button type="submit" class="button primary" data-testid="account-submit" prop:disabled=move || busy.get()>
                    {move || match mode.get() {
                        Mode::SignIn => t_string!(i18n, account.sign_in),
                        Mode::SignUp => t_string!(i18n, account.sign_up),
                        Mode::Recover => t_string!(i18n, account.recover),
                    }}
                </button>
            </p>
        </form>
        <p class="account-modes">
            <Show when=move || mode.get() != Mode::SignUp>
                <button type="button" class="link" data-testid="mode-signup" on:click=choose(Mode::SignUp)>{tr!(i18n, account.no_account)}</button>
            </Show>
            <Show when=move || mode.get() != Mode::SignIn>
                <button type="button" class="link" data-testid="mode-signin" on:click=choose(Mode::SignIn)>{tr!(i18n, account.have_account)}</button>
            </Show>
            <Show when=move || mode.get() == Mode::SignIn>
                <button type="button" class="link" data-testid="mode-recover" on:click=choose(Mode::Recover)>{tr!(i18n, account.forgot)}</button>
            </Show>
        </p>
    }
}

/// The recovery codes, shown once, with a way to save them.
#[component]
pub fn RecoveryCodes(codes: Vec<String>, done: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let text = codes.join("\n");
    let save = move |_| {
        let body = format!("Klava recovery codes ({})\n\n{text}\n", ids::local_date());
        if let Err(e) = download(&format!("klava-recovery-codes-{}.txt", ids::local_date()), &body) {
            leptos::logging::warn!("klava: could not save the codes: {e:?}");
        }
    };
    view! {
        <section class="recovery-codes" data-testid="recovery-codes" aria-labelledby="codes-title">
            <h2 id="codes-title">{tr!(i18n, account.codes_title)}</h2>
            <p>{tr!(i18n, account.codes_help)}</p>
            <ol class="codes">{codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}</ol>
            <p>
                <button type="button" class="button" data-testid="codes-save" on:click=save>{tr!(i18n, account.codes_save)}</button>
                " "
                <button type="button" class="button primary" data-testid="codes-done" on:click=move |_| done()>{tr!(i18n, account.codes_done)}</button>
            </p>
        </section>
    }
}
