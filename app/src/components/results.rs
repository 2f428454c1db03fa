//! `Results`: the figures after a test — speed, accuracy, consistency, characters, the chart, and keys.

use klava_core::keystats::SessionKeyStats;
use klava_core::stats::{Second, per_second};
use klava_core::{Engine, Summary};
use leptos::prelude::*;

use crate::components::live_stats::whole;
use crate::components::speed_chart::SpeedChart;
use crate::i18n::{number, tr, use_i18n};

/// Everything the results screen shows, computed once when the test ends.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultsData {
    pub summary: Summary,
    pub seconds: Vec<Second>,
    /// Slowest keys with their mean time to type (ms).
    pub slowest: Vec<(String, f64)>,
    /// Most missed keys with their miss counts.
    pub missed: Vec<(String, u32)>,
}

impl ResultsData {
    /// The figures of a finished session. O(keystrokes).
    pub fn of(e: &Engine) -> Self {
        let keys = SessionKeyStats::from(e);
        Self {
            summary: Summary::from(e),
            seconds: per_second(e),
            slowest: keys.slowest(5).into_iter().map(|(k, ms)| (k.to_owned(), ms)).collect(),
            missed: keys.most_missed(5).into_iter().map(|(k, n)| (k.to_owned(), n)).collect(),
        }
    }
}

/// A key as a chip: Space has no glyph, so it is named.
#[component]
pub fn KeyName(
    /// The key's character.
    key: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if key == " " {
        view! { <kbd>{tr!(i18n, keys.space)}</kbd> }.into_any()
    } else {
        view! { <kbd>{key}</kbd> }.into_any()
    }
}

/// Keys as chips, each followed by its figure, or what `empty` shows when there are none.
pub fn key_chips<T>(keys: Vec<(String, T)>, figure: impl Fn(T) -> AnyView, empty: impl FnOnce() -> AnyView) -> AnyView {
    if keys.is_empty() {
        return empty();
    }
    keys.into_iter()
        .map(|(k, v)| view! { <span class="key-chip"><KeyName key=k />{figure(v)}</span> })
        .collect_view()
        .into_any()
}

/// The results card.
#[component]
pub fn Results(
    /// What to show.
    data: Signal<ResultsData>,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = move || data.get().summary;
    let chars = move || {
        let c = s().chars;
        format!("{}/{}/{}/{}", c.correct + c.correct_spaces, c.incorrect, c.extra, c.missed)
    };
    let seconds = move || number(i18n.get_locale(), s().duration_ms / 1000.0, 1);
    view! {
        <section class="results" data-testid="results" aria-labelledby="results-title">
            <h2 id="results-title" class="sr-only">{tr!(i18n, results.title)}</h2>
            <div class="headline">
                <div class="figure big"><span class="value" data-testid="wpm">{move || whole(s().wpm)}</span><span class="label">{tr!(i18n, results.wpm)}</span></div>
                <div class="figure big"><span class="value" data-testid="accuracy">{move || format!("{}%", whole(s().accuracy))}</span><span class="label">{tr!(i18n, results.accuracy)}</span></div>
            </div>
            <div class="details">
                <div class="figure"><span class="value" data-testid="raw">{move || whole(s().raw_wpm)}</span><span class="label">{tr!(i18n, results.raw)}</span></div>
                <div class="figure"><span class="value" data-testid="consistency">{move || format!("{}%", whole(s().consistency))}</span><span class="label">{tr!(i18n, results.consistency)}</span></div>
                <div class="figure" title=tr!(i18n, results.characters_help)>
                    <span class="value" data-testid="chars">{chars}</span><span class="label">{tr!(i18n, results.characters)}</span>
                </div>
                <div class="figure"><span class="value" data-testid="time">{seconds}{tr!(i18n, units.s)}</span><span class="label">{tr!(i18n, results.time)}</span></div>
                <div class="figure"><span class="value" data-testid="errors">{move || s().errors}</span><span class="label">{tr!(i18n, results.errors)}</span></div>
            </div>
            <SpeedChart seconds=Signal::derive(move || data.get().seconds) wpm=Signal::derive(move || s().wpm) />
            <div class="keys">
                <div data-testid="slowest">
                    <h2>{tr!(i18n, results.slowest)}</h2>
                    {move || key_chips(
                        data.get().slowest,
                        move |ms| view! { " "{ms.round()}" "{tr!(i18n, units.ms)} }.into_any(),
                        move || view! { <span class="muted">{tr!(i18n, overview.not_enough)}</span> }.into_any(),
                    )}
                </div>
                <div data-testid="missed">
                    <h2>{tr!(i18n, results.missed)}</h2>
                    {move || key_chips(
                        data.get().missed,
                        |n| format!(" ×{n}").into_any(),
                        move || view! { <span class="none">{tr!(i18n, results.clean)}</span> }.into_any(),
                    )}
                </div>
            </div>
        </section>
    }
}
