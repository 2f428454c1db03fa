//! `Results`: the figures after a test — speed, accuracy, consistency, characters, the chart, and keys.

use klava_core::Summary;
use klava_core::stats::Second;
use leptos::prelude::*;

use crate::components::live_stats::whole;
use crate::components::speed_chart::SpeedChart;

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

/// How a key is named on screen (Space has no glyph).
fn key_name(k: &str) -> String {
    if k == " " { "space".into() } else { k.into() }
}

/// The results card.
#[component]
pub fn Results(
    /// What to show.
    data: Signal<ResultsData>,
) -> impl IntoView {
    let s = move || data.get().summary;
    let chars = move || {
        let c = s().chars;
        format!("{}/{}/{}/{}", c.correct + c.correct_spaces, c.incorrect, c.extra, c.missed)
    };
    view! {
        <section class="results" data-testid="results">
            <div class="headline">
                <div class="figure big"><span class="value" data-testid="wpm">{move || whole(s().wpm)}</span><span class="label">"wpm"</span></div>
                <div class="figure big"><span class="value" data-testid="accuracy">{move || format!("{}%", whole(s().accuracy))}</span><span class="label">"accuracy"</span></div>
            </div>
            <div class="details">
                <div class="figure"><span class="value" data-testid="raw">{move || whole(s().raw_wpm)}</span><span class="label">"raw"</span></div>
                <div class="figure"><span class="value" data-testid="consistency">{move || format!("{}%", whole(s().consistency))}</span><span class="label">"consistency"</span></div>
                <div class="figure" title="correct / incorrect / extra / missed">
                    <span class="value" data-testid="chars">{chars}</span><span class="label">"characters"</span>
                </div>
                <div class="figure"><span class="value" data-testid="time">{move || format!("{:.1}s", s().duration_ms / 1000.0)}</span><span class="label">"time"</span></div>
                <div class="figure"><span class="value" data-testid="errors">{move || s().errors}</span><span class="label">"errors"</span></div>
            </div>
            <SpeedChart seconds=Signal::derive(move || data.get().seconds) wpm=Signal::derive(move || s().wpm) />
            <div class="keys">
                <div data-testid="slowest">
                    <h3>"slowest keys"</h3>
                    {move || data.get().slowest.into_iter().map(|(k, ms)| view! {
                        <span class="key-chip"><kbd>{key_name(&k)}</kbd>{format!(" {ms:.0} ms")}</span>
                    }).collect_view()}
                </div>
                <div data-testid="missed">
                    <h3>"most missed"</h3>
                    {move || {
                        let missed = data.get().missed;
                        if missed.is_empty() {
                            view! { <span class="none">"none — clean run"</span> }.into_any()
                        } else {
                            missed.into_iter().map(|(k, n)| view! {
                                <span class="key-chip"><kbd>{key_name(&k)}</kbd>{format!(" ×{n}")}</span>
                            }).collect_view().into_any()
                        }
                    }}
                </div>
            </div>
        </section>
    }
}
