//! "New version — reload": offered when a new deploy's service worker is waiting. Nothing reloads by
//! itself, so a test in progress is never cut short.

use leptos::prelude::*;

use crate::pwa::UpdateAvailable;

/// The prompt; renders nothing until an update is waiting.
#[component]
pub fn UpdatePrompt(
    /// The waiting update, once there is one.
    available: ReadSignal<Option<UpdateAvailable>>,
) -> impl IntoView {
    view! {
        {move || available.get().map(|u| view! {
            <p class="banner update" data-testid="update-available" role="status">
                "A new version of Klava is ready. "
                <button data-testid="update-reload" on:click=move |_| u.activate()>"Reload"</button>
                " (your progress is saved)."
            </p>
        })}
    }
}
