//! `ReminderSettings`: the opt-in daily reminder — a time, a gentle note in the app after it while the
//! day's goal is not met (`GoalNudge`), and the same time as a calendar file (`.ics`, repeating daily)
//! for any calendar, made by `klava_core::report::ics`.

use klava_core::report::ics::{Reminder, daily};
use klava_core::settings::ReminderTime;
use leptos::prelude::*;

use crate::components::check::Check;
use crate::i18n::{t_string, tr, use_i18n};
use crate::motivation::today;
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::progress::backup::download;
use crate::storage::ids;

/// The section.
#[component]
pub fn ReminderSettings() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let progress = Progress::expect();
    let on = prefs.signal(|s| s.reminder);
    let at = prefs.signal(|s| s.reminder_at);
    let failed = RwSignal::new(false);
    let save_file = move |_| {
        let minutes = at.get_untracked().get();
        let reminder = Reminder {
            summary: t_string!(i18n, reminder.summary).to_owned(),
            description: t_string!(i18n, reminder.description).to_owned(),
            url: window().location().origin().unwrap_or_default(),
        };
        // One uid per device: importing the file again replaces the event instead of adding another.
        let uid = format!("daily-{}@klava", progress.device().as_str());
        let text = daily(&reminder, minutes / 60, minutes % 60, today(), &uid, ids::now_ms());
        failed.set(download("klava-reminder.ics", &text).is_err());
    };
    view! {
        <fieldset>
            <legend>{tr!(i18n, reminder.heading)}</legend>
            <Check label=Signal::derive(move || t_string!(i18n, reminder.note).to_owned()) testid="settings-reminder"
                value=on.into() on_change=Callback::new(move |v| prefs.update(|s| s.reminder = v)) />
            <div class="row">
                <label for="set-reminder-at">{tr!(i18n, reminder.time)}</label>
                <input id="set-reminder-at" type="time" data-testid="settings-reminder-at" prop:value=move || at.get().clock()
                    on:change=move |ev| if let Some(t) = ReminderTime::from_clock(&event_target_value(&ev)) {
                        prefs.update(|s| s.reminder_at = t);
                    } />
            </div>
            <p class="help">{tr!(i18n, reminder.note_help)}</p>
            <p class="action">
                <button type="button" class="button" data-testid="reminder-ics" on:click=save_file>{tr!(i18n, reminder.calendar)}</button>
            </p>
            <p class="help">{tr!(i18n, reminder.calendar_help)}</p>
            <Show when=move || failed.get()>
                <p class="notice" role="alert">{tr!(i18n, reminder.calendar_failed)}</p>
            </Show>
        </fieldset>
    }
}
