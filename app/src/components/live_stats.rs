//! `LiveStats`: speed, accuracy and progress while typing.

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};

/// Formats a figure rounded to a whole number, or "—" when undefined.
pub fn whole(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{}", v.round()))
}

/// The live bar.
#[component]
pub fn LiveStats(
    /// Net WPM so far.
    wpm: Signal<Option<f64>>,
    /// Accuracy so far.
    accuracy: Signal<Option<f64>>,
    /// Time left ("12") or words done ("3/25").
    progress: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="live" data-testid="live" aria-hidden="true">
            <span class="progress" data-testid="progress">{progress}</span>
            <span><b data-testid="live-wpm">{move || whole(wpm.get())}</b>" "{tr!(i18n, units.wpm)}</span>
            <span><b data-testid="live-accuracy">{move || whole(accuracy.get())}</b>"% "{tr!(i18n, units.acc)}</span>
        </section>
    }
}
