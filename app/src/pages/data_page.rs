//! The data page (`/data`): where progress is kept and how safe it is, backup export and import (Klava,
//! Monkeytype, keybr.com), records that could not be read, and reset with confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::storage_banner::StoreProblem;
use crate::hooks::use_title::use_title;
use crate::i18n::{t_string, tr, use_i18n};
use crate::labels;
use crate::progress::backup::{IMPORTED_PREFIX, ImportFailure, ImportReport, download, read_file};
use crate::progress::{Progress, Status};
use crate::storage::StoreError;
use crate::storage::db::{PULLED_PREFIX, TWIN_PREFIX};
use crate::storage::ids;

/// The import's outcome as shown.
#[derive(Clone)]
enum Outcome {
    Done(ImportReport),
    Unreadable,
    Failed(ImportFailure),
}

/// Where the data is and whether the browser may erase it.
#[component]
fn StorageState() -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    view! {
        <p data-testid="storage-state">
            {move || match progress.status.get() {
                Status::Loading => tr!(i18n, data.opening).into_any(),
                Status::Ready => {
                    let count = progress.history.with(|h| h.len());
                    t_string!(i18n, data.stored, count = count).into_any()
                }
                Status::Unavailable(error) => view! { <StoreProblem error /> " " {tr!(i18n, data.until_closed)} }.into_any(),
            }}
        </p>
        <p data-testid="persisted">
            {move || match progress.persisted.get() {
                None => tr!(i18n, data.asking_persist).into_any(),
                Some(true) => tr!(i18n, data.persisted).into_any(),
                Some(false) => tr!(i18n, data.not_persisted).into_any(),
            }}
        </p>
        <p class="muted">{tr!(i18n, data.erase_warning)}</p>
    }
}

/// What an import did, or why it did nothing.
#[component]
fn ImportOutcome(outcome: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    match outcome {
        Outcome::Done(r) => {
            let (added, already, twins) = (r.added, r.already, r.twins);
            let kind = move || labels::import_kind(i18n, r.kind);
            let notes = r.notes.clone();
            view! {
                <div class="notice" data-testid="import-done" role="status">
                    <p>{move || t_string!(i18n, data.imported, kind = kind(), added = added, already = already).to_string()}</p>
                    <Show when=move || twins != 0>
                        <p data-testid="import-twins">{move || t_string!(i18n, data.twins, n = twins).to_string()}</p>
                    </Show>
                    <ul>{notes.into_iter().map(|n| view! { <li>{move || labels::import_note(i18n, &n)}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()
        }
        Outcome::Unreadable => view! {
            <p class="banner" data-testid="import-error" role="alert">{tr!(i18n, data.file_unreadable)} " " {tr!(i18n, data.nothing_changed)}</p>
        }
        .into_any(),
        Outcome::Failed(ImportFailure::File(e)) => view! {
            <p class="banner" data-testid="import-error" role="alert">{move || labels::import_error(i18n, &e)} " " {tr!(i18n, data.nothing_changed)}</p>
        }
        .into_any(),
        Outcome::Failed(ImportFailure::Store(error)) => view! {
            <p class="banner" data-testid="import-error" role="alert"><StoreProblem error /> " " {tr!(i18n, data.nothing_changed)}</p>
        }
        .into_any(),
    }
}

/// Export and import.
#[component]
fn Backup() -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let file = NodeRef::<leptos::html::Input>::new();
    let export = move |_| {
        spawn_local(async move {
            let backup = progress.backup().await;
            let text = serde_json::to_string(&backup).expect("a backup serializes");
            if let Err(e) = download(&format!("klava-backup-{}.json", ids::local_date()), &text) {
                leptos::logging::warn!("klava: export failed: {e:?}");
            }
        });
    };
    let import = move |_| {
        let Some(input) = file.get() else { return };
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = match read_file(&input).await {
                None => Outcome::Unreadable,
                Some(text) => match progress.import(&text).await {
                    Ok(report) => Outcome::Done(report),
                    Err(e) => Outcome::Failed(e),
                },
            };
            input.set_value("");
            outcome.set(Some(result));
            busy.set(false);
        });
    };
    view! {
        <h2>{tr!(i18n, data.backup)}</h2>
        <p>
            <button type="button" class="button" data-testid="export" on:click=export>{tr!(i18n, data.export)}</button>
            " " {tr!(i18n, data.export_help)}
        </p>
        <p>
            <label>{tr!(i18n, data.import_label)} " "
                <input type="file" accept=".json,.csv,application/json,text/csv" data-testid="import-file"
                    node_ref=file on:change=import prop:disabled=move || busy.get() />
            </label>
        </p>
        {move || outcome.get().map(|o| view! { <ImportOutcome outcome=o /> })}
    }
}

/// Records that could not be read.
#[component]
fn Unreadable() -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    view! {
        <Show when=move || !progress.unreadable.with(Vec::is_empty)>
            <h2>{tr!(i18n, data.unreadable)}</h2>
            <p data-testid="unreadable-count">
                {move || { let count = progress.unreadable.with(Vec::len); t_string!(i18n, data.unreadable_count, count = count) }}
            </p>
            <ul class="unreadable">
                {move || progress.unreadable.get().into_iter().map(|u| {
                    let why = if u.key.starts_with(IMPORTED_PREFIX) {
                        tr!(i18n, data.from_import).into_any()
                    } else if u.key.starts_with(TWIN_PREFIX) {
                        tr!(i18n, data.twin_aside).into_any()
                    } else if u.key.starts_with(PULLED_PREFIX) {
                        tr!(i18n, data.from_sync).into_any()
                    } else {
                        tr!(i18n, data.from_store).into_any()
                    };
                    view! {
                        <li><code>{u.key}</code> " — " {why}
                            {(!u.reason.is_empty()).then(|| view! { " " <code>{u.reason}</code> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// Reset with confirmation.
#[component]
fn Reset() -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<StoreError>);
    let reset = move |_| {
        spawn_local(async move {
            if let Err(e) = progress.reset().await {
                error.set(Some(e));
            }
        });
    };
    view! {
        <h2>{tr!(i18n, data.reset)}</h2>
        <Show when=move || confirming.get()
            fallback=move || view! { <button type="button" class="button danger" data-testid="reset" on:click=move |_| confirming.set(true)>{tr!(i18n, data.delete_all)}</button> }>
            <p class="banner" role="alert">
                {tr!(i18n, data.reset_confirm)} " "
                <button type="button" class="button danger" data-testid="reset-confirm" on:click=reset>{tr!(i18n, data.delete_everything)}</button>
                " "
                <button type="button" class="button" on:click=move |_| confirming.set(false)>{tr!(i18n, data.cancel)}</button>
            </p>
        </Show>
        {move || error.get().map(|error| view! { <p class="banner" role="alert"><StoreProblem error /> " " {tr!(i18n, data.nothing_deleted)}</p> })}
    }
}

/// The page.
#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, data.title).to_owned());
    view! {
        <main class="page data-page" id="main" tabindex="-1">
            <h1>{tr!(i18n, data.title)}</h1>
            <StorageState />
            <Backup />
            <Unreadable />
            <Reset />
        </main>
    }
}
