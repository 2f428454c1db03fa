//! The current profile at a glance: sessions, practice time, recent speed, and the keys that hold the
//! learner back (slowest recently, most missed), from the folded statistics.

use leptos::prelude::*;

use crate::components::results::key_chips;
use crate::i18n::{number, t_string, tr, use_i18n};

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

/// Practice time in words: under a minute, whole minutes, or hours with one decimal.
#[component]
fn PracticeTime(minutes: f64) -> impl IntoView {
    let i18n = use_i18n();
    move || match minutes {
        m if m < 1.0 => tr!(i18n, overview.under_a_minute).into_any(),
        m if m < 120.0 => {
            let count = m.round() as u32;
            t_string!(i18n, overview.minutes, count = count).into_any()
        }
        m => {
            let hours = number(i18n.get_locale(), m / 60.0, 1);
            t_string!(i18n, overview.hours, hours = hours).into_any()
        }
    }
}

/// The overview card.
#[component]
pub fn ProfileOverview(
    /// The figures, for the current profile.
    overview: Signal<Overview>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="overview" data-testid="overview">
            {move || {
                let o = overview.get();
                let sessions = o.sessions;
                let recent = o.recent_wpm.map(|w| number(i18n.get_locale(), w, 1));
                view! {
                    <p>
                        <strong>{o.name}</strong>": "
                        {t_string!(i18n, overview.sessions, count = sessions)}", "
                        <PracticeTime minutes=o.minutes />
                        {recent.map(|wpm| view! { ", " {t_string!(i18n, overview.recent, wpm = wpm)} })}
                    </p>
                    <p class="chips" data-testid="slowest-keys">
                        <span class="muted">{tr!(i18n, overview.slowest)}" "</span>
                        {key_chips(
                            o.slowest,
                            move |ms| view! { " "{ms.round()}" "{tr!(i18n, units.ms)} }.into_any(),
                            move || tr!(i18n, overview.not_enough).into_any(),
                        )}
                    </p>
                    <p class="chips" data-testid="missed-keys">
                        <span class="muted">{tr!(i18n, overview.missed)}" "</span>
                        {key_chips(
                            o.missed,
                            |r| view! { " "{(r * 100.0).round()}"%" }.into_any(),
                            move || tr!(i18n, overview.none).into_any(),
                        )}
                    </p>
                }
            }}
        </section>
    }
}
