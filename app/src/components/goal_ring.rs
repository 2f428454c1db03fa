//! `GoalRing`: today's practice against the daily goal as a ring that fills during the day — one element
//! drawn by CSS (a conic gradient masked to a ring), its share in `aria-valuenow` for assistive
//! technology; the figure beside it says the same in words.

use leptos::prelude::*;

/// The ring; `done` is the share of the goal reached (0–1).
#[component]
pub fn GoalRing(done: Signal<f64>, label: Signal<String>) -> impl IntoView {
    let percent = Memo::new(move |_| (done.get().clamp(0.0, 1.0) * 100.0).round() as u32);
    view! {
        <div class="goal-ring" class:full={move || percent.get() >= 100} style:--done=move || percent.get().to_string()
            role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent aria-label=label data-testid="goal-ring"></div>
    }
}
