//! `SessionEnd`: what follows a finished session on the test, lesson and practice pages — its results,
//! the XP it earned and where they came from, and the line saying whether it is kept.

use leptos::prelude::*;

use crate::components::results::{Results, ResultsData};
use crate::components::save_note::{SaveNote, save_state};
use crate::i18n::{t_string, use_i18n};
use crate::motivation::Motivation;
use crate::progress::Progress;

/// The results once there are some (`None` while the session runs), and the save line under them.
#[component]
pub fn SessionEnd(results: Memo<Option<ResultsData>>) -> impl IntoView {
    let i18n = use_i18n();
    let saved = Progress::expect();
    let motivation = Motivation::expect();
    // The session just saved is the newest row.
    let xp = Memo::new(move |_| {
        let id = saved.history.with(|h| h.rows().next().map(|r| r.id.clone()))?;
        motivation.state.with(|m| m.sessions.get(&id).copied())
    });
    let line = move || {
        let x = xp.get()?;
        let parts: Vec<String> = [
            (x.typing, t_string!(i18n, motivation.xp_typing, n = x.typing).to_string()),
            (x.accuracy, t_string!(i18n, motivation.xp_accuracy, n = x.accuracy).to_string()),
            (x.lesson, t_string!(i18n, motivation.xp_lesson, n = x.lesson).to_string()),
            (x.goal, t_string!(i18n, motivation.xp_goal, n = x.goal).to_string()),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, s)| s)
        .collect();
        let total = t_string!(i18n, motivation.xp_line, total = x.total()).to_string();
        Some(if parts.is_empty() { total } else { format!("{total}: {}", parts.join(", ")) })
    };
    view! {
        {move || results.get().map(|data| view! { <Results data=Signal::derive(move || data.clone()) /> })}
        <Show when=move || results.with(Option::is_some)>
            <p class="xp-line" data-testid="session-xp">{line}</p>
            <SaveNote state=save_state(saved) />
        </Show>
    }
}
