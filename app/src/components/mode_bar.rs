//! `ModeBar`: choose words or time, the length, punctuation and numbers — the choices that change the
//! text (and the test's link). Each is a real button (Tab reaches it; Enter or Space presses it);
//! pressing one with the mouse leaves the focus in the typing area.

use klava_core::settings::{TIME_LIMITS, TestChoice, TestMode, WORD_COUNTS};
use leptos::prelude::*;

use crate::i18n::{t_string, tr, use_i18n};

/// A toggle button.
#[component]
fn Choice(
    /// What it says.
    label: Signal<String>,
    /// Whether it is on.
    active: Signal<bool>,
    /// Called when pressed.
    on_pick: Callback<()>,
    /// `data-testid` for the end-to-end tests.
    testid: String,
) -> impl IntoView {
    view! {
        <button type="button" class="choice" aria-pressed=move || active.get().to_string() data-testid=testid
            on:mousedown=|e| e.prevent_default() on:click=move |_| on_pick.run(())>
            {label}
        </button>
    }
}

/// The bar. Every change calls `on_change` with the new choice.
#[component]
pub fn ModeBar(
    /// The current choice.
    choice: Signal<TestChoice>,
    /// Called with a changed choice.
    on_change: Callback<TestChoice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let set = move |f: &dyn Fn(&mut TestChoice)| {
        let mut c = choice.get_untracked();
        f(&mut c);
        on_change.run(c);
    };
    let is_words = Signal::derive(move || matches!(choice.get().mode, TestMode::Words(_)));
    let lengths = move || {
        if is_words.get() {
            WORD_COUNTS.iter().map(|&n| TestMode::Words(n)).collect::<Vec<_>>()
        } else {
            TIME_LIMITS.iter().map(|&s| TestMode::Time(s)).collect()
        }
    };
    view! {
        <nav class="bar mode-bar" aria-label=tr!(i18n, test.settings_label)>
            <div class="group">
                <Choice label=Signal::derive(move || t_string!(i18n, test.punctuation).to_string()) testid="punctuation".into()
                    active=Signal::derive(move || choice.get().punctuation)
                    on_pick=Callback::new(move |()| set(&|c| c.punctuation = !c.punctuation)) />
                <Choice label=Signal::derive(move || t_string!(i18n, test.numbers).to_string()) testid="numbers".into()
                    active=Signal::derive(move || choice.get().numbers)
                    on_pick=Callback::new(move |()| set(&|c| c.numbers = !c.numbers)) />
            </div>
            <div class="group">
                <Choice label=Signal::derive(move || t_string!(i18n, test.words).to_string()) testid="mode-words".into() active=is_words
                    on_pick=Callback::new(move |()| set(&|c| c.mode = TestMode::Words(25))) />
                <Choice label=Signal::derive(move || t_string!(i18n, test.time).to_string()) testid="mode-time".into()
                    active=Signal::derive(move || !is_words.get())
                    on_pick=Callback::new(move |()| set(&|c| c.mode = TestMode::Time(30))) />
            </div>
            <div class="group" role="group" aria-label=move || if is_words.get() { t_string!(i18n, test.length_words) } else { t_string!(i18n, test.length_seconds) }>
                {move || lengths().into_iter().map(|mode| {
                    let n = match mode { TestMode::Words(n) | TestMode::Time(n) => n };
                    view! {
                        <Choice label=Signal::derive(move || n.to_string()) testid=format!("length-{n}")
                            active=Signal::derive(move || choice.get().mode == mode)
                            on_pick=Callback::new(move |()| set(&|c| c.mode = mode)) />
                    }
                }).collect_view()}
            </div>
        </nav>
    }
}
