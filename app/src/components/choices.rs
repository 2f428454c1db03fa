//! `Choices`: a row of buttons of which the one holding `value` is pressed (`aria-pressed`), for a
//! filter or a view mode; a click sets `value`.

use leptos::prelude::*;

use crate::i18n::{I18n, use_i18n};

/// The buttons, one per option: its `data-testid` and its label in the interface's language.
#[component]
pub fn Choices<T>(
    /// The value chosen.
    value: RwSignal<T>,
    /// Each option with its `data-testid`.
    options: Vec<(T, String)>,
    /// An option's label.
    label: fn(I18n, T) -> &'static str,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    options
        .into_iter()
        .map(|(v, testid)| {
            view! {
                <button type="button" class="choice" data-testid=testid aria-pressed=move || (value.get() == v).to_string()
                    on:click=move |_| value.set(v)>{move || label(i18n, v)}</button>
            }
        })
        .collect_view()
}
