//! A banner when progress is not being kept: storage unavailable, or the last save failed (a full quota).

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};
use crate::progress::{Progress, Status};
use crate::storage::StoreError;

/// What went wrong, in words.
#[component]
pub fn StoreProblem(
    /// The problem.
    error: StoreError,
) -> impl IntoView {
    let i18n = use_i18n();
    match error {
        StoreError::Unavailable => tr!(i18n, storage.unavailable).into_any(),
        StoreError::QuotaExceeded => tr!(i18n, storage.full).into_any(),
        StoreError::Other => tr!(i18n, storage.other).into_any(),
    }
}

/// The banner; renders nothing while all is well.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    view! {
        {move || match progress.status.get() {
            Status::Unavailable(error) => Some(view! {
                <p class="banner" data-testid="storage-unavailable" role="status">
                    <StoreProblem error /> " " {tr!(i18n, storage.practise_anyway)}
                </p>
            }),
            _ => None,
        }}
        {move || progress.problem.get().map(|error| {
            let full = error == StoreError::QuotaExceeded;
            view! {
                <p class="banner" data-testid="storage-problem" role="alert">
                    <StoreProblem error /> " "
                    {if full { tr!(i18n, storage.full_kept).into_any() } else { tr!(i18n, storage.kept_in_tab).into_any() }}
                </p>
            }
        })}
    }
}
