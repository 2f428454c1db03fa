//! `ModeBar`: choose words, time, a quote, custom text or zen, the length, punctuation and numbers — the
//! choices that change the text (and the test's link). Each is a real button (Tab reaches it; Enter or Space presses it);
//! pressing one with the mouse leaves the focus in the typing area.

use klava_core::quotes::QuoteLength;
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

/// A mode's button: its test id, the modes it stands for, and the mode it picks.
#[derive(Clone, Copy)]
struct ModeButton {
    testid: &'static str,
    is: fn(TestMode) -> bool,
    first: TestMode,
}

/// The bar. Every change calls `on_change` with the new choice.
#[component]
pub fn ModeBar(
    /// The current choice.
    choice: Signal<TestChoice>,
    /// Called with a changed choice.
    on_change: Callback<TestChoice>,
    /// Whether the layout's language has quotes (the quote mode is offered only then).
    has_quotes: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let set = move |f: &dyn Fn(&mut TestChoice)| {
        let mut c = choice.get_untracked();
        f(&mut c);
        on_change.run(c);
    };
    let mode = Memo::new(move |_| choice.get().mode);
    let kind = move |probe: fn(TestMode) -> bool| Signal::derive(move || probe(mode.get()));
    let lengths = move || -> Vec<(TestMode, String, String)> {
        match mode.get() {
            TestMode::Words(_) => {
                WORD_COUNTS.iter().map(|&n| (TestMode::Words(n), n.to_string(), format!("length-{n}"))).collect()
            }
            TestMode::Time(_) => {
                TIME_LIMITS.iter().map(|&s| (TestMode::Time(s), s.to_string(), format!("length-{s}"))).collect()
            }
            TestMode::Quote(_) => QuoteLength::ALL
                .iter()
                .map(|&l| {
                    let label = match l {
                        QuoteLength::Short => t_string!(i18n, test.quote_short),
                        QuoteLength::Medium => t_string!(i18n, test.quote_medium),
                        QuoteLength::Long => t_string!(i18n, test.quote_long),
                    };
                    (TestMode::Quote(l), label.to_owned(), format!("quote-{}", l.name()))
                })
                .collect(),
            TestMode::Custom | TestMode::Zen => Vec::new(),
        }
    };
    let lengths_label = move || match mode.get() {
        TestMode::Words(_) => t_string!(i18n, test.length_words),
        TestMode::Time(_) => t_string!(i18n, test.length_seconds),
        _ => t_string!(i18n, test.length_quote),
    };
    let modes = [
        ModeButton { testid: "mode-words", is: |m| matches!(m, TestMode::Words(_)), first: TestMode::Words(25) },
        ModeButton { testid: "mode-time", is: |m| matches!(m, TestMode::Time(_)), first: TestMode::Time(30) },
        ModeButton {
            testid: "mode-quote",
            is: |m| matches!(m, TestMode::Quote(_)),
            first: TestMode::Quote(QuoteLength::Medium),
        },
        ModeButton { testid: "mode-custom", is: |m| m == TestMode::Custom, first: TestMode::Custom },
        ModeButton { testid: "mode-zen", is: |m| m == TestMode::Zen, first: TestMode::Zen },
    ];
    let mode_label = move |testid: &str| match testid {
        "mode-words" => t_string!(i18n, test.words),
        "mode-time" => t_string!(i18n, test.time),
        "mode-quote" => t_string!(i18n, test.quote),
        "mode-custom" => t_string!(i18n, test.custom),
        _ => t_string!(i18n, test.zen),
    };
    view! {
        <nav class="bar mode-bar" aria-label=tr!(i18n, test.settings_label)>
            <Show when=move || mode.get().generates_words()>
                <div class="group">
                    <Choice label=Signal::derive(move || t_string!(i18n, test.punctuation).to_string()) testid="punctuation".into()
                        active=Signal::derive(move || choice.get().punctuation)
                        on_pick=Callback::new(move |()| set(&|c| c.punctuation = !c.punctuation)) />
                    <Choice label=Signal::derive(move || t_string!(i18n, test.numbers).to_string()) testid="numbers".into()
                        active=Signal::derive(move || choice.get().numbers)
                        on_pick=Callback::new(move |()| set(&|c| c.numbers = !c.numbers)) />
                </div>
            </Show>
            <div class="group">
                {move || modes.iter().filter(|b| b.testid != "mode-quote" || has_quotes.get()).map(|&ModeButton { testid, is, first }| view! {
                    <Choice label=Signal::derive(move || mode_label(testid).to_string()) testid=testid.to_owned() active=kind(is)
                        on_pick=Callback::new(move |()| set(&|c| if !is(c.mode) { c.mode = first })) />
                }).collect_view()}
            </div>
            <Show when=move || !lengths().is_empty()>
                <div class="group" role="group" aria-label=lengths_label>
                    {move || lengths().into_iter().map(|(m, label, testid)| view! {
                        <Choice label=Signal::derive(move || label.clone()) testid
                            active=Signal::derive(move || mode.get() == m)
                            on_pick=Callback::new(move |()| set(&|c| c.mode = m)) />
                    }).collect_view()}
                </div>
            </Show>
        </nav>
    }
}
