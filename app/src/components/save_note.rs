//! One line under the results saying whether the session is kept: learners of other trainers lose
//! progress to saves that fail silently, so Klava says it either way.

use leptos::prelude::*;

/// Where the finished session stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Saving,
    /// A save failed; the banner says why.
    NotSaved,
    /// This browser keeps nothing.
    NotKept,
}

/// The line.
#[component]
pub fn SaveNote(
    /// The state to show.
    state: Signal<SaveState>,
) -> impl IntoView {
    view! {
        <p class="save-note muted" data-testid="save-note" class:bad=move || matches!(state.get(), SaveState::NotSaved | SaveState::NotKept)>
            {move || match state.get() {
                SaveState::Saved => "✓ Saved in this browser.",
                SaveState::Saving => "Saving…",
                SaveState::NotSaved => "Not saved yet: kept in this tab (see the message above).",
                SaveState::NotKept => "Not kept: this browser does not allow Klava to store data.",
            }}
        </p>
    }
}
