//! `Figures`: WPM and accuracy, live while typing and as the result at the end.

use klava_core::Summary;
use leptos::prelude::*;

fn fmt_or_dash(value: Option<f64>, suffix: &str) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{}{suffix}", v.round()))
}

/// Shows `summary`'s speed and accuracy; `final_result` switches from the live bar to the result card.
#[component]
pub fn Figures(
    /// The figures to show.
    summary: Signal<Summary>,
    /// Whether the session is over.
    final_result: Signal<bool>,
) -> impl IntoView {
    let wpm = move || summary.with(|s| fmt_or_dash(s.wpm, ""));
    let accuracy = move || summary.with(|s| fmt_or_dash(s.accuracy, "%"));
    let seconds = move || summary.with(|s| format!("{:.1}s", s.duration_ms / 1000.0));
    let errors = move || summary.with(|s| s.errors.to_string());
    view! {
        <section class="figures" class:result=final_result data-testid="figures">
            <div class="figure">
                <span class="value" data-testid="wpm">{wpm}</span>
                <span class="label">"wpm"</span>
            </div>
            <div class="figure">
                <span class="value" data-testid="accuracy">{accuracy}</span>
                <span class="label">"accuracy"</span>
            </div>
            <Show when=move || final_result.get()>
                <div class="figure">
                    <span class="value" data-testid="time">{seconds}</span>
                    <span class="label">"time"</span>
                </div>
                <div class="figure">
                    <span class="value" data-testid="errors">{errors}</span>
                    <span class="label">"errors"</span>
                </div>
            </Show>
        </section>
    }
}
