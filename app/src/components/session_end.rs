//! `SessionEnd`: what follows a finished session on the test, lesson and practice pages — its results,
//! the XP it earned and where they came from, and the line saying whether it is kept.

use klava_core::Engine;
use leptos::prelude::*;

use crate::components::results::{Results, ResultsData};
use crate::components::save_note::{SaveNote, save_state};
use crate::i18n::{t_string, use_i18n};
use crate::motivation::Motivation;
use crate::progress::Progress;
use crate::typing::TypingTest;

/// A lesson, practice or dictation session as its page follows it, once `typing` has started it.
#[derive(Clone, Copy)]
pub struct ExerciseEnd {
    /// Whether it has ended.
    pub finished: Memo<bool>,
    /// Its results, once it has ended.
    pub results: Memo<Option<ResultsData>>,
    /// "Words typed/words", beside the live speed.
    pub typed: Signal<String>,
}

/// Follows the running test's session for a page that starts it when `typing` turns on.
pub fn exercise_end(typing: RwSignal<bool>) -> ExerciseEnd {
    let engine = TypingTest::expect().engine;
    let finished = Memo::new(move |_| typing.get() && engine.with(Engine::is_finished));
    let results = Memo::new(move |_| finished.get().then(|| engine.with_untracked(ResultsData::of)));
    let typed = Signal::derive(move || engine.with(|e| format!("{}/{}", e.caret().0, e.words().len())));
    ExerciseEnd { finished, results, typed }
}

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
