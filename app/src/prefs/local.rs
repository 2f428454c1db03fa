//! The LocalStorage mirror of the settings (`klava.settings`, one JSON object), read before anything
//! else loads so the page opens with the learner's layout, theme and language. Reading is per key: a
//! missing, unreadable or unknown value keeps its default and the rest still load; the reason goes to the
//! console. Mirrors written by older versions (`klava.keyboard`, `klava.test`) are read once and replaced.

use klava_core::settings::Settings;

use crate::storage::local;

/// The mirror's key.
pub const KEY: &str = "klava.settings";
/// Mirrors of older versions, read when [`KEY`] is absent, as the legacy setting they held.
const LEGACY: [(&str, &str); 2] = [("klava.keyboard", "keyboard"), ("klava.test", "test")];

/// The stored text under `key`, if any (a blocked store reads as empty).
fn raw(key: &str) -> Option<String> {
    local::text(key)
}

/// The settings the mirror holds, over the defaults.
pub fn load() -> Settings {
    let mut settings = Settings::default();
    let problems = match raw(KEY) {
        Some(text) => match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text) {
            Ok(map) => {
                let entries: Vec<(String, String)> = map.into_iter().map(|(k, v)| (k, v.to_string())).collect();
                settings.apply_all(entries.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            }
            Err(e) => {
                leptos::logging::warn!("klava: ignoring the stored settings: {e}");
                Vec::new()
            }
        },
        None => {
            let legacy: Vec<(&str, String)> = LEGACY.iter().filter_map(|(ls, key)| Some((*key, raw(ls)?))).collect();
            settings.apply_all(legacy.iter().map(|(k, v)| (*k, v.as_str())))
        }
    };
    for p in problems {
        leptos::logging::warn!("klava: ignoring a stored setting: {p}");
    }
    settings
}

/// Writes the mirror when it differs from what is stored (a full or blocked store is logged, not fatal),
/// and removes older versions' mirrors.
pub fn save(settings: &Settings) {
    let map: serde_json::Map<String, serde_json::Value> = settings
        .entries()
        .into_iter()
        .filter_map(|(k, v)| Some((k.to_owned(), serde_json::from_str(&v).ok()?)))
        .collect();
    let text = serde_json::Value::Object(map).to_string();
    if raw(KEY).as_deref() == Some(text.as_str()) {
        return;
    }
    if let Err(e) = local::set_text(KEY, &text) {
        leptos::logging::warn!("klava: could not store the settings: {e}");
        return;
    }
    for (legacy, _) in LEGACY {
        local::delete(legacy);
    }
}
