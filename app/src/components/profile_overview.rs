//! The current profile at a glance: sessions, practice time, recent speed, and the keys that hold the
//! learner back (slowest recently, most missed), from the folded statistics.

use leptos::prelude::*;

/// What the overview shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    /// The profile's name (the layout's).
    pub name: String,
    pub sessions: usize,
    pub minutes: f64,
    /// Mean net speed of the last ten sessions.
    pub recent_wpm: Option<f64>,
    /// Key and recent mean time to type, slowest first.
    pub slowest: Vec<(String, f64)>,
    /// Key and share missed, worst first.
    pub missed: Vec<(String, f64)>,
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn practice_time(minutes: f64) -> String {
    match minutes {
        m if m < 1.0 => "under a minute of practice".to_owned(),
        m if m < 120.0 => format!("{m:.0} min of practice"),
        m => format!("{:.1} h of practice", m / 60.0),
    }
}

fn key_label(k: &str) -> String {
    if k == " " { "space".into() } else { k.to_owned() }
}

/// The overview card.
#[component]
pub fn ProfileOverview(
    /// The figures, for the current profile.
    overview: Signal<Overview>,
) -> impl IntoView {
    view! {
        <section class="overview" data-testid="overview">
            {move || {
                let o = overview.get();
                view! {
                    <p>
                        <strong>{o.name}</strong>
                        {format!(": {}, {}", plural(o.sessions, "session"), practice_time(o.minutes))}
                        {o.recent_wpm.map(|w| format!(", last ten {w:.1} wpm on average"))}
                    </p>
                    <p data-testid="slowest-keys">
                        <span class="muted">"Slowest keys lately: "</span>
                        {if o.slowest.is_empty() { "not enough practice yet".to_owned() } else {
                            o.slowest.iter().map(|(k, ms)| format!("{} {ms:.0} ms", key_label(k))).collect::<Vec<_>>().join(" · ")
                        }}
                    </p>
                    <p data-testid="missed-keys">
                        <span class="muted">"Most missed: "</span>
                        {if o.missed.is_empty() { "none".to_owned() } else {
                            o.missed.iter().map(|(k, r)| format!("{} {:.0}%", key_label(k), r * 100.0)).collect::<Vec<_>>().join(" · ")
                        }}
                    </p>
                }
            }}
        </section>
    }
}
