//! `ModeBar`: choose words or time, the length, punctuation, numbers and the error mode.

use klava_core::ErrorMode;
use leptos::prelude::*;

use crate::config::{TIME_LIMITS, TestConfig, TestMode, WORD_COUNTS};

/// The error modes in the order offered, with their labels.
const ERROR_MODES: [(ErrorMode, &str); 4] = [
    (ErrorMode::Free, "free"),
    (ErrorMode::StopOnLetter, "stop on letter"),
    (ErrorMode::StopOnWord, "stop on word"),
    (ErrorMode::NoBackspace, "no backspace"),
];

/// A toggle button that never takes focus, so typing keys never press it.
#[component]
fn Choice(
    label: String,
    active: Signal<bool>,
    on_pick: Callback<()>,
    #[prop(optional)] testid: String,
) -> impl IntoView {
    view! {
        <button
            class="choice"
            class:active=active
            tabindex="-1"
            data-testid=testid
            on:mousedown=|e| e.prevent_default()
            on:click=move |_| on_pick.run(())
        >
            {label}
        </button>
    }
}

/// The settings bar. Every change calls `on_change` with the new settings.
#[component]
pub fn ModeBar(
    /// The current settings.
    config: Signal<TestConfig>,
    /// Called with changed settings.
    on_change: Callback<TestConfig>,
) -> impl IntoView {
    let set = move |f: fn(&mut TestConfig)| {
        let mut c = config.get_untracked();
        f(&mut c);
        on_change.run(c);
    };
    let pick_mode = move |mode: TestMode| {
        let mut c = config.get_untracked();
        c.mode = mode;
        on_change.run(c);
    };
    let is_words = Signal::derive(move || matches!(config.get().mode, TestMode::Words(_)));
    let lengths = move || {
        if is_words.get() {
            WORD_COUNTS.iter().map(|&n| (n.to_string(), TestMode::Words(n))).collect::<Vec<_>>()
        } else {
            TIME_LIMITS.iter().map(|&s| (s.to_string(), TestMode::Time(s))).collect()
        }
    };
    view! {
        <nav class="mode-bar" aria-label="test settings">
            <div class="group">
                <Choice label="punctuation".into() testid="punctuation".into()
                    active=Signal::derive(move || config.get().punctuation)
                    on_pick=Callback::new(move |()| set(|c| c.punctuation = !c.punctuation)) />
                <Choice label="numbers".into() testid="numbers".into()
                    active=Signal::derive(move || config.get().numbers)
                    on_pick=Callback::new(move |()| set(|c| c.numbers = !c.numbers)) />
            </div>
            <div class="group">
                <Choice label="words".into() testid="mode-words".into() active=is_words
                    on_pick=Callback::new(move |()| pick_mode(TestMode::Words(25))) />
                <Choice label="time".into() testid="mode-time".into() active=Signal::derive(move || !is_words.get())
                    on_pick=Callback::new(move |()| pick_mode(TestMode::Time(30))) />
            </div>
            <div class="group">
                {move || lengths().into_iter().map(|(label, mode)| view! {
                    <Choice label=label.clone() testid=format!("length-{label}")
                        active=Signal::derive(move || config.get().mode == mode)
                        on_pick=Callback::new(move |()| pick_mode(mode)) />
                }).collect_view()}
            </div>
            <div class="group">
                {ERROR_MODES.iter().map(|&(mode, label)| view! {
                    <Choice label=label.into() testid=format!("error-{}", label.replace(' ', "-"))
                        active=Signal::derive(move || config.get().error_mode == mode)
                        on_pick=Callback::new(move |()| {
                            let mut c = config.get_untracked();
                            c.error_mode = mode;
                            on_change.run(c);
                        }) />
                }).collect_view()}
            </div>
        </nav>
    }
}
