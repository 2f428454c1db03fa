//! The history page: personal bests and the list of finished sessions, newest first, folded from the log.

use klava_core::civil::format_local;
use klava_core::history::Row;
use klava_core::record::Source;
use leptos::prelude::*;

use crate::components::profile_overview::{Overview, ProfileOverview};
use crate::progress::{Progress, Status};
use crate::settings::Keyboards;

/// Keys need this many samples before they are ranked (fewer say nothing yet).
const MIN_SAMPLES: u64 = 5;

/// Rows shown at first and added by "show more" (the list can hold thousands).
const PAGE: usize = 50;

fn figure(v: Option<f64>, digits: usize) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.digits$}"))
}

fn source_label(s: Source) -> &'static str {
    match s {
        Source::Klava => "",
        Source::Monkeytype => "Monkeytype",
        Source::Keybr => "keybr.com",
    }
}

/// The layout's name for a profile key `layout/language` (the key itself for a layout not in the catalog).
fn profile_name(key: &str) -> String {
    let layout = key.split('/').next().unwrap_or(key);
    Keyboards::expect()
        .layouts
        .with_value(|ls| ls.iter().find(|l| l.id == layout).map(|l| l.name.clone()))
        .unwrap_or_else(|| key.to_owned())
}

/// One session of the list, with a button to delete it (after confirmation).
#[component]
fn HistoryRow(row: Row) -> impl IntoView {
    let id = row.id.clone();
    let delete = move |_| {
        let sure = window().confirm_with_message("Delete this session from your history on every device?");
        if sure.unwrap_or(false) {
            Progress::expect().delete(id.clone());
        }
    };
    view! {
        <tr data-testid="history-row">
            <td>{format_local(row.ended_at_ms, row.utc_offset_min)}</td>
            <td title=row.profile.clone()>{profile_name(&row.profile)}</td>
            <td>{row.mode}</td>
            <td class="num">{figure(row.wpm, 1)}</td>
            <td class="num">{figure(row.raw_wpm, 1)}</td>
            <td class="num">{figure(row.accuracy, 1)} "%"</td>
            <td class="num">{figure(row.consistency, 0)}</td>
            <td class="num">{format!("{:.1} s", row.duration_ms / 1000.0)}</td>
            <td class="muted">{source_label(row.source)}</td>
            <td><button class="link delete" title="Delete this session" aria-label="Delete this session"
                data-testid="delete-session" on:click=delete>"×"</button></td>
        </tr>
    }
}

/// The page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let progress = Progress::expect();
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| progress.history.with(|h| h.len()));
    let rows = Memo::new(move |_| progress.history.with(|h| h.rows().take(shown.get()).cloned().collect::<Vec<_>>()));
    let bests = Memo::new(move |_| {
        progress.history.with(|h| {
            h.bests()
                .iter()
                .map(|(k, b)| {
                    // `layout/language mode`: the layout's name, then the mode.
                    let (profile, mode) = k.split_once(' ').unwrap_or((k, ""));
                    (format!("{} · {mode}", profile_name(profile)), b.wpm, b.accuracy)
                })
                .collect::<Vec<_>>()
        })
    });
    let keyboards = Keyboards::expect();
    let overview = Memo::new(move |_| {
        let profile = keyboards.profile();
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
    });
    view! {
        <main class="page history-page">
            <h2>"Statistics"</h2>
            <ProfileOverview overview=overview.into() />
            <h2>"Personal bests"</h2>
            <Show when=move || !bests.with(Vec::is_empty) fallback=|| view! { <p class="muted">"None yet."</p> }>
                <ul class="bests" data-testid="bests">
                    <For each=move || bests.get() key=|b| b.0.clone() let((label, wpm, acc))>
                        <li><span>{label}</span> <strong>{format!("{wpm:.1} wpm")}</strong>
                            <span class="muted">{format!(" {}% acc", figure(acc, 1))}</span></li>
                    </For>
                </ul>
            </Show>
            <h2>"History " <span class="muted" data-testid="history-count">{move || total.get()}</span></h2>
            <Show when=move || progress.status.get() == Status::Loading>
                <p class="muted">"Loading…"</p>
            </Show>
            <Show when=move || total.get() == 0 && progress.status.get() != Status::Loading>
                <p class="muted" data-testid="history-empty">"No sessions yet: finish a test and it appears here."</p>
            </Show>
            <Show when=move || { total.get() > 0 }>
                <table class="history" data-testid="history">
                    <thead><tr><th>"When"</th><th>"Profile"</th><th>"Test"</th><th>"wpm"</th><th>"raw"</th>
                        <th>"acc"</th><th>"cons."</th><th>"time"</th><th></th><th></th></tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.id.clone() let(row)>
                            <HistoryRow row />
                        </For>
                    </tbody>
                </table>
                <Show when=move || { shown.get() < total.get() }>
                    <button class="link" on:click=move |_| shown.update(|n| *n += PAGE)>"Show more"</button>
                </Show>
            </Show>
        </main>
    }
}
