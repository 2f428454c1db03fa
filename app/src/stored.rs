//! Settings mirrored in LocalStorage (gloo-storage), so the page opens with the learner's layout and
//! test settings before anything else loads. A missing, unreadable or unavailable store gives the
//! defaults; the reason goes to the console, and the next change writes a good value again. Each change
//! is also a settings record in the log (last writer wins by clock, DESIGN.md §3).

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::progress::Progress;

/// The stored value under `key`, or `None` (with a console warning when a value was there but unreadable).
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    match LocalStorage::get::<T>(key) {
        Ok(v) => Some(v),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => None,
        Err(e) => {
            leptos::logging::warn!("klava: ignoring the stored {key}: {e}");
            None
        }
    }
}

/// Writes `signal`'s value under `key` whenever it changes (a full or blocked store is logged, not fatal),
/// and records the change in the log when it is one (not when the page opens with the stored value).
pub fn save_on_change<T, S>(key: &'static str, signal: RwSignal<T>, to_stored: impl Fn(&T) -> S + 'static)
where
    T: Send + Sync + 'static,
    S: Serialize,
{
    Effect::new(move |_| {
        let value = signal.with(&to_stored);
        let Ok(json) = serde_json::to_string(&value) else { return };
        let store = LocalStorage::raw();
        let before = store.get_item(key).ok().flatten();
        if before.as_deref() == Some(json.as_str()) {
            return;
        }
        if let Err(e) = store.set_item(key, &json) {
            leptos::logging::warn!("klava: could not store {key}: {e:?}");
        }
        // The first value stored is the defaults, not a choice: only changes are records; and a value
        // that came from the log is not recorded again.
        if let (Some(_), Some(progress)) = (before, use_context::<Progress>()) {
            let name = key.trim_start_matches("klava.");
            let logged = progress.history.with_untracked(|h| h.setting(name).map(|s| s.value == json));
            if logged != Some(true) {
                progress.save_setting(name, json);
            }
        }
    });
}

/// Follows the log: when the newest recorded value of `key` (from another device, an import, or a tab
/// closed before its LocalStorage write) differs from `signal`'s, `signal` takes it. `from_stored` turns
/// the stored form back into the value (`None` when it names something this build does not offer).
pub fn follow_log<T, S>(
    key: &'static str,
    signal: RwSignal<T>,
    to_stored: impl Fn(&T) -> S + 'static,
    from_stored: impl Fn(S) -> Option<T> + 'static,
) where
    T: Send + Sync + 'static,
    S: Serialize + DeserializeOwned,
{
    Effect::new(move |_| {
        let Some(progress) = use_context::<Progress>() else { return };
        let name = key.trim_start_matches("klava.");
        let Some(logged) = progress.history.with(|h| h.setting(name).map(|s| s.value.clone())) else { return };
        let current = signal.with_untracked(|v| serde_json::to_string(&to_stored(v)).ok());
        if current.as_deref() == Some(logged.as_str()) {
            return;
        }
        match serde_json::from_str::<S>(&logged).ok().and_then(&from_stored) {
            Some(value) => signal.set(value),
            None => leptos::logging::warn!("klava: ignoring the recorded {key}: {logged}"),
        }
    });
}
