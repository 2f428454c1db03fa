//! A banner when progress is not being kept: storage unavailable, or the last save failed (a full quota).

use leptos::prelude::*;

use crate::progress::{Progress, Status};

/// The banner; renders nothing while all is well.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let progress = Progress::expect();
    view! {
        {move || match progress.status.get() {
            Status::Unavailable(e) => Some(view! {
                <p class="banner" data-testid="storage-unavailable" role="status">
                    {e.to_string()} " You can practise, but progress will not be kept after this tab closes."
                </p>
            }.into_any()),
            _ => None,
        }}
        {move || progress.problem.get().map(|text| view! {
            <p class="banner" data-testid="storage-problem" role="alert">{text}</p>
        })}
    }
}
