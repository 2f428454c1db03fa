//! The test page: settings, the text, live figures, the on-screen keyboard while typing, and the
//! results at the end.

use klava_core::keystats::SessionKeyStats;
use klava_core::layout::{Layout, Stroke};
use klava_core::stats::per_second;
use klava_core::{Engine, Summary};
use leptos::prelude::*;

use crate::components::hands::Hands;
use crate::components::keyboard::Keyboard;
use crate::components::keyboard_bar::KeyboardBar;
use crate::components::live_stats::LiveStats;
use crate::components::mode_bar::ModeBar;
use crate::components::results::{Results, ResultsData};
use crate::components::save_note::{SaveNote, SaveState};
use crate::components::text_view::TextView;
use crate::config::TestMode;
use crate::hooks::use_typing_test::{UseTypingTestReturn, use_typing_test};
use crate::progress::{Progress, Status};
use crate::settings::{InputMode, Keyboards};
use klava_core::layout::heat::heat;

fn results_of(e: &Engine, summary: Summary) -> ResultsData {
    let keys = SessionKeyStats::from(e);
    ResultsData {
        summary,
        seconds: per_second(e),
        slowest: keys.slowest(5).into_iter().map(|(k, ms)| (k.to_owned(), ms)).collect(),
        missed: keys.most_missed(5).into_iter().map(|(k, n)| (k.to_owned(), n)).collect(),
    }
}

/// The page.
#[component]
pub fn TestPage() -> impl IntoView {
    let keyboards = Keyboards::expect();
    let saved = Progress::expect();
    let UseTypingTestReturn { engine, config, now, restart, caps_lock, flash, wrong_layout, sink } = use_typing_test();
    let finished = Memo::new(move |_| engine.with(Engine::is_finished));
    let summary = Memo::new(move |_| engine.with(|e| Summary::from(e)));
    // Built once when the test ends, not on every key.
    let results =
        Memo::new(move |_| finished.get().then(|| engine.with_untracked(|e| results_of(e, summary.get_untracked()))));
    let progress = Signal::derive(move || match config.get().mode {
        TestMode::Time(limit) => {
            let elapsed = engine.with(|e| e.started_at().map_or(0.0, |s| now.get() - s));
            format!("{}", (f64::from(limit) - elapsed / 1000.0).ceil().clamp(0.0, f64::from(limit)))
        }
        TestMode::Words(n) => format!("{}/{n}", engine.with(|e| e.caret().0)),
    });
    let layout = Memo::new(move |_| keyboards.with_layout(Layout::clone));
    let next = Memo::new(move |_| {
        // A single character; a grapheme of several (a letter and a combining mark) has no one key.
        let c = engine.with(|e| e.next_expected().and_then(|g| g.parse::<char>().ok()))?;
        keyboards.with_layout(|l| l.stroke_for(c))
    });
    let settings = keyboards.settings;
    let heatmap = Memo::new(move |_| {
        let mode = settings.with(|s| s.heatmap);
        let profile = keyboards.profile();
        saved.history.with(|h| keyboards.with_layout(|l| heat(l, h.profile_stats(&profile), mode)))
    });
    let save_state = Signal::derive(move || match saved.status.get() {
        Status::Unavailable(_) => SaveState::NotKept,
        _ if saved.unsaved.get() == 0 => SaveState::Saved,
        _ if saved.problem.with(Option::is_some) => SaveState::NotSaved,
        _ => SaveState::Saving,
    });
    let names = keyboards.layouts.with_value(|ls| ls.iter().map(|l| l.name.clone()).collect::<Vec<_>>());
    let use_emulation = move |_| {
        settings.update(|s| s.input = InputMode::Emulate);
        wrong_layout.set(false);
    };
    view! {
        <main class="test-page">
            <input class="input-sink" data-testid="input-sink" node_ref=sink autofocus aria-label="typing input"
                autocomplete="off" autocapitalize="off" spellcheck="false" />
            <ModeBar config=config.into() on_change=Callback::new(move |c| config.set(c)) />
            <KeyboardBar settings=settings.into() on_change=Callback::new(move |s| settings.set(s)) layouts=names />
            <Show when=move || caps_lock.get()>
                <p class="notice" data-testid="caps-lock">"Caps Lock is on."</p>
            </Show>
            <Show when=move || wrong_layout.get() && settings.with(|s| s.input == InputMode::Os)>
                <p class="notice" data-testid="wrong-layout">
                    "Your keys type a different alphabet from the text: the OS keyboard layout looks wrong. "
                    "Switch it, or "
                    <button class="link" tabindex="-1" data-testid="use-emulation" on:mousedown=|e| e.prevent_default() on:click=use_emulation>
                        "emulate " {move || layout.with(|l| l.name.clone())}
                    </button>
                    " on any keyboard."
                </p>
            </Show>
            <Show when=move || !finished.get()>
                <LiveStats
                    wpm=Signal::derive(move || summary.get().wpm)
                    accuracy=Signal::derive(move || summary.get().accuracy)
                    progress
                />
                <TextView
                    count=Signal::derive(move || engine.with(|e| e.words().len()))
                    word=Callback::new(move |i| engine.with(|e| e.word_view(i)))
                    caret=Signal::derive(move || engine.with(Engine::caret))
                />
                <p class="hint">"Start typing — the clock starts with your first key. Esc or Tab, Enter: new test."</p>
            </Show>
            {move || results.get().map(|data| view! { <Results data=Signal::derive(move || data.clone()) /> })}
            <Show when=move || finished.get()>
                <SaveNote state=save_state />
            </Show>
            <Show when=move || settings.with(|s| s.show_keyboard)>
                <div class="keyboard-area">
                    <Keyboard layout=layout.into() next=next.into() flash=flash.into()
                        finger_colours=Signal::derive(move || settings.with(|s| s.finger_colours)) heat=heatmap.into() />
                    <Hands finger=Signal::derive(move || next.get().map(|s: Stroke| s.finger)) />
                </div>
            </Show>
            <button class="restart" data-testid="restart" tabindex="-1"
                on:mousedown=|e| e.prevent_default() on:click=move |_| restart.run(())>
                "New test"
            </button>
        </main>
    }
}
