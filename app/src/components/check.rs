//! `Check`: a labelled checkbox, its state in a signal and its changes to a callback.

use leptos::prelude::*;

/// The checkbox.
#[component]
pub fn Check(
    /// What it says.
    label: Signal<String>,
    /// Whether it is on.
    value: Signal<bool>,
    /// Called with the new state.
    on_change: Callback<bool>,
    /// `data-testid`.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" data-testid=testid prop:checked=move || value.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            {label}
        </label>
    }
}
