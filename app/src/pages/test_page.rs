//! The test page: settings, the text, live figures while typing, and the results at the end.

use klava_core::keystats::SessionKeyStats;
use klava_core::stats::per_second;
use klava_core::{Engine, Summary};
use leptos::prelude::*;

use crate::components::live_stats::LiveStats;
use crate::components::mode_bar::ModeBar;
use crate::components::results::{Results, ResultsData};
use crate::components::text_view::TextView;
use crate::config::TestMode;
use crate::hooks::use_typing_test::{UseTypingTestReturn, use_typing_test};

fn results_of(e: &Engine) -> ResultsData {
    let keys = SessionKeyStats::from(e);
    ResultsData {
        summary: Summary::from(e),
        seconds: per_second(e),
        slowest: keys.slowest(5).into_iter().map(|(k, ms)| (k.to_owned(), ms)).collect(),
        missed: keys.most_missed(5).into_iter().map(|(k, n)| (k.to_owned(), n)).collect(),
    }
}

/// The page.
#[component]
pub fn TestPage() -> impl IntoView {
    let UseTypingTestReturn { engine, config, now, restart } = use_typing_test();
    let finished = Memo::new(move |_| engine.with(Engine::is_finished));
    let summary = Memo::new(move |_| engine.with(|e| Summary::from(e)));
    let results = Memo::new(move |_| engine.with(|e| e.is_finished().then(|| results_of(e))));
    let progress = Signal::derive(move || match config.get().mode {
        TestMode::Time(limit) => {
            let elapsed = engine.with(|e| e.started_at().map_or(0.0, |s| now.get() - s));
            format!("{}", (f64::from(limit) - elapsed / 1000.0).ceil().clamp(0.0, f64::from(limit)))
        }
        TestMode::Words(n) => format!("{}/{n}", engine.with(|e| e.caret().0)),
    });
    view! {
        <main class="test-page">
            <ModeBar config=config.into() on_change=Callback::new(move |c| config.set(c)) />
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
            <button class="restart" data-testid="restart" tabindex="-1"
                on:mousedown=|e| e.prevent_default() on:click=move |_| restart.run(())>
                "New test"
            </button>
        </main>
    }
}
