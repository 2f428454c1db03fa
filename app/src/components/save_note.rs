//! One line under the results saying whether the session is kept: learners of other trainers lose
//! progress to saves that fail silently, so Klava says it either way.

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};
use crate::progress::{Progress, Status};

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

/// Where the last finished session stands, from the store's state.
pub fn save_state(saved: Progress) -> Signal<SaveState> {
    Signal::derive(move || match saved.status.get() {
        Status::Unavailable(_) => SaveState::NotKept,
        _ if saved.unsaved.get() == 0 => SaveState::Saved,
        _ if saved.problem.with(Option::is_some) => SaveState::NotSaved,
        _ => SaveState::Saving,
    })
}

/// The line.
#[component]
pub fn SaveNote(
    /// The state to show.
    state: Signal<SaveState>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="save-note muted" data-testid="save-note" class:bad=move || matches!(state.get(), SaveState::NotSaved | SaveState::NotKept)>
            {move || match state.get() {
                SaveState::Saved => tr!(i18n, save.saved).into_any(),
                SaveState::Saving => tr!(i18n, save.saving).into_any(),
                SaveState::NotSaved => tr!(i18n, save.not_saved).into_any(),
                SaveState::NotKept => tr!(i18n, save.not_kept).into_any(),
            }}
        </p>
    }
}
