//! Settings → Data: where progress is kept and how safe it is, backup export and import (Klava, Monkeytype,
//! keybr.com), records that could not be read, and reset with confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::progress::backup::{ImportReport, download, read_file};
use crate::progress::{Progress, Status};

/// The import's outcome as shown.
#[derive(Clone)]
enum Outcome {
    Done(ImportReport),
    Failed(String),
}

fn today() -> String {
    let iso: String = web_sys::js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// Where the data is and whether the browser may erase it.
#[component]
fn StorageState() -> impl IntoView {
    let progress = Progress::expect();
    view! {
        <p data-testid="storage-state">
            {move || match progress.status.get() {
                Status::Loading => "Opening storage…".to_owned(),
                Status::Ready => format!("Sessions stored in this browser: {}.", progress.history.with(|h| h.len())),
                Status::Unavailable(e) => format!("{e} Progress is kept only until this tab closes."),
            }}
        </p>
        <p data-testid="persisted">
            {move || match progress.persisted.get() {
                None => "Asking the browser to keep this site's data…",
                Some(true) => "The browser has agreed to keep this site's data (persistent storage).",
                Some(false) => "The browser has not agreed to keep this site's data: it may erase it when space runs low.",
            }}
        </p>
        <p class="muted">
            "Browsers may erase a site's data: Safari does after 7 days without a visit, and any browser may when "
            "space runs low or when you clear browsing data. Export a backup now and then, or sign in to sync, to "
            "keep your progress safe."
        </p>
    }
}

/// Export and import.
#[component]
fn Backup() -> impl IntoView {
    let progress = Progress::expect();
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let file = NodeRef::<leptos::html::Input>::new();
    let export = move |_| {
        spawn_local(async move {
            let backup = progress.backup().await;
            let text = serde_json::to_string(&backup).expect("a backup serializes");
            if let Err(e) = download(&format!("klava-backup-{}.json", today()), &text) {
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
                None => Outcome::Failed("The file could not be read.".into()),
                Some(text) => match progress.import(&text).await {
                    Ok(report) => Outcome::Done(report),
                    Err(message) => Outcome::Failed(message),
                },
            };
            input.set_value("");
            outcome.set(Some(result));
            busy.set(false);
        });
    };
    view! {
        <h3>"Backup"</h3>
        <p>
            <button data-testid="export" on:click=export>"Export everything"</button>
            " A JSON file with every session and setting; import it here or on another device."
        </p>
        <p>
            <label>"Import a Klava backup, Monkeytype results (.csv) or a keybr.com export (.json): "
                <input type="file" accept=".json,.csv,application/json,text/csv" data-testid="import-file"
                    node_ref=file on:change=import prop:disabled=move || busy.get() />
            </label>
        </p>
        {move || outcome.get().map(|o| match o {
            Outcome::Done(r) => view! {
                <div class="notice" data-testid="import-done">
                    <p>{format!("Imported {}: {} new, {} already here.", r.kind, r.added, r.already)}</p>
                    <ul>{r.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            }.into_any(),
            Outcome::Failed(m) => view! {
                <p class="banner" data-testid="import-error" role="alert">{m} " Nothing was changed."</p>
            }.into_any(),
        })}
    }
}

/// Records that could not be read.
#[component]
fn Unreadable() -> impl IntoView {
    let progress = Progress::expect();
    view! {
        <Show when=move || !progress.unreadable.with(Vec::is_empty)>
            <h3>"Unreadable records"</h3>
            <p data-testid="unreadable-count">
                {move || progress.unreadable.with(Vec::len)}
                " stored records could not be read and were set aside. They are kept, and included in exports."
            </p>
            <ul class="unreadable">
                {move || progress.unreadable.get().into_iter().map(|u| view! {
                    <li><code>{u.key}</code> " — " {u.reason}</li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// Reset with confirmation.
#[component]
fn Reset() -> impl IntoView {
    let progress = Progress::expect();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let reset = move |_| {
        spawn_local(async move {
            if let Err(e) = progress.reset().await {
                error.set(Some(e));
            }
        });
    };
    view! {
        <h3>"Reset"</h3>
        <Show when=move || confirming.get()
            fallback=move || view! { <button class="danger" data-testid="reset" on:click=move |_| confirming.set(true)>"Delete all data…"</button> }>
            <p class="banner">
                "Delete every session, statistic and setting stored in this browser? This cannot be undone. "
                <button class="danger" data-testid="reset-confirm" on:click=reset>"Delete everything"</button>
                " "
                <button on:click=move |_| confirming.set(false)>"Cancel"</button>
            </p>
        </Show>
        {move || error.get().map(|e| view! { <p class="banner" role="alert">{e} " Nothing was deleted."</p> })}
    }
}

/// The page.
#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <main class="page data-page">
            <h2>"Data"</h2>
            <StorageState />
            <Backup />
            <Unreadable />
            <Reset />
        </main>
    }
}
