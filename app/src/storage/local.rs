//! LocalStorage that may refuse. A browser with site data blocked throws on `window.localStorage`
//! itself, and gloo-storage then panics; every access here checks first, so a blocked store reads as
//! empty and a write that fails says why — the app still starts and works for the session.

use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Whether the page may use LocalStorage at all.
pub fn available() -> bool {
    leptos::prelude::window().local_storage().is_ok_and(|s| s.is_some())
}

/// The text stored under `key`, if any.
pub fn text(key: &str) -> Option<String> {
    available().then(|| LocalStorage::raw().get_item(key).ok().flatten()).flatten()
}

/// Stores `text` under `key`.
///
/// # Errors
/// The browser's reason (a blocked store, a full quota), for the console.
pub fn set_text(key: &str, text: &str) -> Result<(), String> {
    if !available() {
        return Err("LocalStorage is blocked".into());
    }
    LocalStorage::raw().set_item(key, text).map_err(|e| format!("{e:?}"))
}

/// The value stored as JSON under `key`, if any and readable.
pub fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
    available().then(|| LocalStorage::get::<T>(key).ok()).flatten()
}

/// Stores `value` as JSON under `key`.
///
/// # Errors
/// As [`set_text`].
pub fn set<T: Serialize>(key: &str, value: &T) -> Result<(), String> {
    if !available() {
        return Err("LocalStorage is blocked".into());
    }
    LocalStorage::set(key, value).map_err(|e| e.to_string())
}

/// Removes `key` (nothing happens when the store is blocked).
pub fn delete(key: &str) {
    if available() {
        LocalStorage::delete(key);
    }
}

/// Every key stored.
pub fn keys() -> Vec<String> {
    let Ok(Some(ls)) = leptos::prelude::window().local_storage() else { return Vec::new() };
    (0..ls.length().unwrap_or(0)).filter_map(|i| ls.key(i).ok().flatten()).collect()
}
