//! The progress page's list of finished sessions, newest first, each with a button to play it back (those
//! typed in Klava) and one to delete it; on a phone the table becomes one card per session. And the
//! figures of the current profile at a glance.

use klava_core::history::Row;
use klava_core::record::{Id, Source};
use leptos::prelude::*;

use crate::components::profile_overview::Overview;
use crate::i18n::{date_time, figure, number, t_string, tr, use_i18n};
use crate::labels;
use crate::layouts::Layouts;
use crate::prefs::Prefs;
use crate::progress::{Progress, Status};

/// Keys need this many samples before they are ranked (fewer say nothing yet).
const MIN_SAMPLES: u64 = 5;

/// Rows shown at first and added by "show more" (the list can hold thousands).
const PAGE: usize = 50;

/// Where an imported session came from (names of other trainers are not translated).
fn source_label(s: Source) -> &'static str {
    match s {
        Source::Klava => "",
        Source::Monkeytype => "Monkeytype",
        Source::Keybr => "keybr.com",
    }
}

/// The layout's name for a profile key `layout/language` (the key itself for a layout not in the catalog).
pub fn profile_name(key: &str) -> String {
    let layout = key.split('/').next().unwrap_or(key);
    let layouts = Layouts::expect();
    if layouts.has(layout) { layouts.name_of(layout) } else { key.to_owned() }
}

/// One session of the list, with a button to play it back into `replaying` and one to delete it (after
/// confirmation).
#[component]
fn HistoryRow(row: Row, replaying: RwSignal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = row.id.clone();
    let delete = move |_| {
        let sure = window().confirm_with_message(t_string!(i18n, history.delete_confirm));
        if sure.unwrap_or(false) {
            Progress::expect().delete(id.clone());
        }
    };
    let locale = move || i18n.get_locale();
    let typed_here = row.source == Source::Klava;
    let replay_id = row.id.clone();
    let replay = move |_| replaying.set(Some(replay_id.clone()));
    let row = StoredValue::new(row);
    let r = move || row.get_value();
    view! {
        <tr data-testid="history-row">
            <td class="when">{move || date_time(locale(), r().ended_at_ms, r().utc_offset_min)}</td>
            <td class="profile">{profile_name(&r().profile)}</td>
            <td class="mode">{move || labels::mode(i18n, &r().mode)}</td>
            <td class="num" data-label=tr!(i18n, history.col_wpm)>{move || figure(locale(), r().wpm, 1)}</td>
            <td class="num" data-label=tr!(i18n, history.col_raw)>{move || figure(locale(), r().raw_wpm, 1)}</td>
            <td class="num" data-label=tr!(i18n, history.col_acc)>{move || figure(locale(), r().accuracy, 1)} "%"</td>
            <td class="num" data-label=tr!(i18n, history.col_consistency)>{move || figure(locale(), r().consistency, 0)}</td>
            <td class="num" data-label=tr!(i18n, history.col_time)>{move || number(locale(), r().duration_ms / 1000.0, 1)} {tr!(i18n, units.s)}</td>
            <td class="source muted">{source_label(r().source)}</td>
            <td class="actions">
                <Show when=move || typed_here>
                    <button type="button" class="replay-button" title=tr!(i18n, progress.replay) aria-label=tr!(i18n, progress.replay)
                        data-testid="replay-session" on:click=replay.clone()>"▶"</button>
                </Show>
                <button type="button" class="delete" title=tr!(i18n, history.delete)
                aria-label=tr!(i18n, history.delete) data-testid="delete-session" on:click=delete>"×"</button></td>
        </tr>
    }
}

/// The figures of the current profile.
pub fn overview_of(progress: Progress, prefs: Prefs) -> Overview {
    let profile = prefs.profile();
    let key = profile.key();
    progress.history.with(|h| {
        let mut o = Overview { name: profile_name(&key), ..Overview::default() };
        let mut recent = Vec::new();
        for r in h.rows().filter(|r| r.profile == key) {
            o.sessions += 1;
            o.minutes += r.duration_ms / 60_000.0;
            if recent.len() < 10
                && let Some(w) = r.wpm
            {
                recent.push(w);
            }
        }
        o.recent_wpm = (!recent.is_empty()).then(|| recent.iter().sum::<f64>() / recent.len() as f64);
        if let Some(acc) = h.profile_stats(&profile) {
            o.slowest = acc.slowest_keys(5, MIN_SAMPLES).into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            o.missed = acc.most_missed_keys(5, MIN_SAMPLES).into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        }
        o
    })
}

/// The sessions, newest first, a page at a time; the one chosen for replay goes into `replaying`.
#[component]
pub fn SessionList(replaying: RwSignal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| progress.history.with(|h| h.len()));
    let rows = Memo::new(move |_| progress.history.with(|h| h.rows().take(shown.get()).cloned().collect::<Vec<_>>()));
    view! {
        <h2>{tr!(i18n, history.sessions)} " " <span class="muted" data-testid="history-count">{move || total.get()}</span></h2>
        <Show when=move || progress.status.get() == Status::Loading>
            <p class="muted">{tr!(i18n, history.loading)}</p>
        </Show>
        <Show when=move || total.get() == 0 && progress.status.get() != Status::Loading>
            <p class="muted" data-testid="history-empty">{tr!(i18n, history.empty)}</p>
        </Show>
        <Show when=move || { total.get() > 0 }>
            <table class="history" data-testid="history">
                <caption class="sr-only">{tr!(i18n, history.caption)}</caption>
                <thead><tr>
                    <th scope="col">{tr!(i18n, history.col_when)}</th>
                    <th scope="col">{tr!(i18n, history.col_profile)}</th>
                    <th scope="col">{tr!(i18n, history.col_test)}</th>
                    <th scope="col" class="num">{tr!(i18n, history.col_wpm)}</th>
                    <th scope="col" class="num">{tr!(i18n, history.col_raw)}</th>
                    <th scope="col" class="num">{tr!(i18n, history.col_acc)}</th>
                    <th scope="col" class="num">{tr!(i18n, history.col_consistency)}</th>
                    <th scope="col" class="num">{tr!(i18n, history.col_time)}</th>
                    <th scope="col"><span class="sr-only">{tr!(i18n, history.col_source)}</span></th>
                    <th scope="col"><span class="sr-only">{tr!(i18n, history.col_actions)}</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.id.clone() let(row)>
                        <HistoryRow row replaying />
                    </For>
                </tbody>
            </table>
            <Show when=move || { shown.get() < total.get() }>
                <button type="button" class="link" on:click=move |_| shown.update(|n| *n += PAGE)>{tr!(i18n, history.show_more)}</button>
            </Show>
        </Show>
    }
}
