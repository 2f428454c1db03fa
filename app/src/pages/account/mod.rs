//! The account page (`/account`): signing up (with the recovery codes shown once), signing in (this
//! device's progress joins the account's) and recovering a password; once signed in, how sync stands,
//! the devices, the password, a download of everything the server holds, signing out (keeping this
//! device's copy or not) and deleting the account. Fetched only when opened, like the other pages that
//! are not where a learner lands.

mod forms;
mod manage;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::hooks::use_title::use_title;
use crate::i18n::{I18n, t_string, tr, use_i18n};
use crate::sync::SyncCtx;
use crate::sync::api::{self, ApiError, NoAnswer};

/// A failed account request in words.
pub fn error_text(i18n: I18n, e: &ApiError) -> String {
    match e {
        ApiError::NoAnswer(NoAnswer::Offline) => t_string!(i18n, account.err_offline).to_owned(),
        ApiError::NoAnswer(NoAnswer::Unreachable) => t_string!(i18n, account.err_unreachable).to_owned(),
        ApiError::Refused { code, message, .. } => match code.as_str() {
            "wrong_credentials" => t_string!(i18n, account.err_wrong_credentials).to_owned(),
            "login_taken" => t_string!(i18n, account.err_login_taken).to_owned(),
            "wrong_password" => t_string!(i18n, account.err_wrong_password).to_owned(),
            "too_many_attempts" => t_string!(i18n, account.err_attempts).to_owned(),
            "not_signed_in" => t_string!(i18n, account.err_signed_out).to_owned(),
            _ => t_string!(i18n, account.err_refused, message = message.as_str()).to_string(),
        },
        ApiError::Garbled(status) => t_string!(i18n, account.err_garbled, status = *status).to_string(),
    }
}

/// Whether the server said this device is not signed in.
pub fn is_signed_out(e: &ApiError) -> bool {
    matches!(e, ApiError::Refused { status: 401, .. })
}

/// A message shown after an action: good news or a problem.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    Done(String),
    Failed(String),
}

/// Shows a [`Note`].
#[component]
pub fn NoteView(note: RwSignal<Option<Note>>) -> impl IntoView {
    move || {
        note.get().map(|n| match n {
            Note::Done(text) => {
                view! { <p class="notice" role="status" data-testid="account-done">{text}</p> }.into_any()
            }
            Note::Failed(text) => {
                view! { <p class="banner" role="alert" data-testid="account-error">{text}</p> }.into_any()
            }
        })
    }
}

/// The page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = SyncCtx::expect();
    use_title(move || t_string!(i18n, account.title).to_owned());
    let codes = RwSignal::new(None::<Vec<String>>);
    let note = RwSignal::new(None::<Note>);
    // The server said this device is signed out (elsewhere): the forms show, the login and records kept.
    let gone = RwSignal::new(false);
    Effect::watch(move || ctx.account.get(), move |_, _, _| gone.set(false), false);
    // The session is the server's to say: a device signed out elsewhere learns it here; one whose local
    // hint was erased (a reset) while its cookie lives is signed in again.
    spawn_local(async move {
        match api::call::<klava_wire::Account>("GET", "/api/account", None::<&()>).await {
            Ok(account) if ctx.account.get_untracked().as_deref() != Some(account.login.as_str()) => {
                ctx.signed_in(&account.login);
            }
            Err(e) if is_signed_out(&e) && ctx.account.get_untracked().is_some() => {
                note.set(Some(Note::Failed(t_string!(i18n, account.err_signed_out).to_owned())));
                gone.set(true);
            }
            _ => {}
        }
    });
    let signed_in = move || ctx.account.get().is_some() && !gone.get();
    view! {
        <main class="page account-page" id="main" tabindex="-1">
            <h1>{tr!(i18n, account.title)}</h1>
            <NoteView note />
            {move || match codes.get() {
                Some(list) => view! { <forms::RecoveryCodes codes=list done=move || codes.set(None) /> }.into_any(),
                None if signed_in() => view! { <manage::Manage note gone /> }.into_any(),
                None => view! { <forms::SignInForms codes note /> }.into_any(),
            }}
        </main>
    }
}
