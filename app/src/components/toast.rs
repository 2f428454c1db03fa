//! `Toast`: achievements just earned, in a corner for a few seconds or until closed. Its region is a
//! polite live region, so screen readers hear it too, after what they are reading (the results). It
//! never blocks what is under it: only its close button takes the pointer.

use leptos::prelude::*;

use crate::i18n::{t_string, tr, use_i18n};
use crate::motivation::{Motivation, name};

/// The toasts.
#[component]
pub fn Toast() -> impl IntoView {
    let i18n = use_i18n();
    let toast = Motivation::expect().toast;
    let text = move || {
        let names: Vec<&str> = toast.with(|t| t.iter().map(|a| name(i18n, *a)).collect());
        t_string!(i18n, motivation.earned, name = names.join(", ")).to_string()
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            <Show when=move || toast.with(|t| !t.is_empty())>
                <div class="toast card" data-testid="toast">
                    <span aria-hidden="true">{move || toast.with(|t| t.first().map(|a| a.icon()))}</span>
                    <span>{text}</span>
                    <button type="button" class="link" data-testid="toast-close" on:click=move |_| toast.set(Vec::new())>
                        {tr!(i18n, motivation.dismiss)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
