//! "New version — reload": offered when a new deploy's service worker is waiting. Nothing reloads by
//! itself, so a test in progress is never cut short.

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};
use crate::pwa::UpdateAvailable;

/// The prompt; renders nothing until an update is waiting.
#[component]
pub fn UpdatePrompt(
    /// The waiting update, once there is one.
    available: ReadSignal<Option<UpdateAvailable>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || available.get().map(|u| view! {
            <p class="banner update" data-testid="update-available" role="status">
                {tr!(i18n, update.ready)} " "
                <button type="button" data-testid="update-reload" on:click=move |_| u.activate()>{tr!(i18n, update.reload)}</button>
                " " {tr!(i18n, update.saved)}
            </p>
        })}
    }
}
