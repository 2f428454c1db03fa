//! A stored session played back keystroke by keystroke at real speed (or twice it), with pause and a
//! scrubber; errors show as they happened, in the same marks as the typing page. The session's record is
//! read from storage when the panel opens (the history keeps only figures); `klava_core::report::replay`
//! rebuilds its engine at any moment.

use std::time::Duration;

use klava_core::record::{Body, Id};
use klava_core::report::replay::Player;
use leptos::prelude::*;

use crate::components::text_view::char_class;
use crate::i18n::{number, t_string, tr, use_i18n};
use crate::progress::Progress;

/// Time between frames.
const FRAME_MS: f64 = 40.0;
/// Words shown before and after the caret's word.
const BEFORE: usize = 12;
const AFTER: usize = 30;

/// Why a replay cannot be shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// Imported sessions and records without a log.
    NoKeystrokes,
    /// The record could not be read.
    Unreadable,
}

fn clock(ms: f64) -> String {
    let s = (ms / 1000.0).floor().max(0.0) as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// The panel for the session `id`; closing it clears `replaying`.
#[component]
pub fn ReplayPanel(id: Id, replaying: RwSignal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    let player = StoredValue::new_local(None::<Player>);
    let problem = RwSignal::new(None::<Problem>);
    let frame = RwSignal::new(0u64);
    let playing = RwSignal::new(false);
    let fast = RwSignal::new(false);
    let duration = RwSignal::new(0.0);
    let key = id.as_str().to_owned();
    leptos::task::spawn_local(async move {
        match progress.record(&key).await {
            Ok(r) => match r.body {
                Body::Session(s) => match s.replay.map(Player::new) {
                    Some(Ok(p)) => {
                        duration.set(p.duration());
                        player.set_value(Some(p));
                        playing.set(true);
                        frame.update(|f| *f += 1);
                    }
                    Some(Err(e)) => {
                        leptos::logging::warn!("klava: replay of {key}: {e}");
                        problem.set(Some(Problem::Unreadable));
                    }
                    None => problem.set(Some(Problem::NoKeystrokes)),
                },
                _ => problem.set(Some(Problem::NoKeystrokes)),
            },
            Err(e) => {
                leptos::logging::warn!("klava: replay of {key}: {e}");
                problem.set(Some(Problem::Unreadable));
            }
        }
    });
    let seek = move |at: f64| {
        player.update_value(|p| {
            if let Some(p) = p {
                p.seek(at);
                if p.at_end() {
                    playing.set(false);
                }
            }
        });
        frame.update(|f| *f += 1);
    };
    let position = move || {
        frame.track();
        player.with_value(|p| p.as_ref().map_or(0.0, Player::position))
    };
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if playing.get_untracked() {
                let step = if fast.get_untracked() { 2.0 * FRAME_MS } else { FRAME_MS };
                seek(player.with_value(|p| p.as_ref().map_or(0.0, Player::position)) + step);
            }
        },
        Duration::from_millis(FRAME_MS as u64),
    ) {
        on_cleanup(move || handle.clear());
    }
    let words = move || {
        frame.track();
        player.with_value(|p| {
            let Some(p) = p else { return Vec::new() };
            let e = p.engine();
            let (caret_word, caret_char) = e.caret();
            let from = caret_word.saturating_sub(BEFORE);
            let to = (caret_word + AFTER).min(e.words().len().saturating_sub(1));
            (from..=to).map(|w| (e.word_view(w), (w == caret_word).then_some(caret_char))).collect()
        })
    };
    let close = move |_| replaying.set(None);
    view! {
        <section class="replay card" aria-labelledby="replay-title" data-testid="replay">
            <h2 id="replay-title">{tr!(i18n, progress.replay_title)}</h2>
            {move || problem.get().map(|p| {
                let text = match p {
                    Problem::NoKeystrokes => t_string!(i18n, progress.replay_none),
                    Problem::Unreadable => t_string!(i18n, progress.replay_unreadable),
                };
                view! { <p class="error" role="alert" data-testid="replay-error">{text}</p> }
            })}
            <div class="words replay-text" aria-hidden="true">
                {move || words().into_iter().map(|(view, caret)| view! {
                    <span class="word">
                        {view.into_iter().enumerate().map(|(i, (g, state))| {
                            let mut class = char_class(&state).to_owned();
                            if caret == Some(i) {
                                class.push_str(" caret");
                            }
                            view! { <span class=class>{g}</span> }
                        }).collect_view()}
                    </span>
                    " "
                }).collect_view()}
            </div>
            <div class="replay-controls">
                <button type="button" class="button" data-testid="replay-play" aria-pressed=move || playing.get().to_string()
                    on:click=move |_| {
                        if !playing.get_untracked() && player.with_value(|p| p.as_ref().is_some_and(Player::at_end)) {
                            seek(0.0);
                        }
                        playing.update(|p| *p = !*p);
                    }>
                    {move || if playing.get() { t_string!(i18n, progress.pause) } else { t_string!(i18n, progress.play) }}
                </button>
                <button type="button" class="choice" data-testid="replay-fast" aria-pressed=move || fast.get().to_string()
                    on:click=move |_| fast.update(|f| *f = !*f)>"2×"</button>
                <input type="range" min="0" step="10" data-testid="replay-scrub" aria-label=tr!(i18n, progress.scrub)
                    max=move || duration.get().round().to_string() prop:value=move || position().round().to_string()
                    on:input=move |ev| {
                        playing.set(false);
                        seek(event_target_value(&ev).parse().unwrap_or(0.0));
                    } />
                <span class="muted" data-testid="replay-time">{move || format!("{} / {}", clock(position()), clock(duration.get()))}</span>
                <span class="sr-only" aria-live="polite">{move || (!playing.get() && position() > 0.0).then(|| number(i18n.get_locale(), position() / 1000.0, 1))}</span>
                <button type="button" class="link" data-testid="replay-close" on:click=close>{tr!(i18n, progress.close)}</button>
            </div>
        </section>
    }
}
