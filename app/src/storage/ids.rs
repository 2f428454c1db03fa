//! Ids made on this device: record ids are UUID v7 (time-ordered, from the browser's clock and crypto
//! source); the device id is made once and kept in LocalStorage.

use gloo_storage::{LocalStorage, Storage};
use klava_core::record::Id;

const DEVICE_KEY: &str = "klava.device";

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if let Ok(crypto) = leptos::prelude::window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// Milliseconds since the Unix epoch (wall clock).
pub fn now_ms() -> f64 {
    web_sys::js_sys::Date::now()
}

/// A fresh record id.
pub fn new_record_id() -> Id {
    let uuid = uuid::Builder::from_unix_timestamp_millis(now_ms() as u64, &random_bytes()).into_uuid();
    Id::new(uuid.to_string()).expect("a UUID is a valid id")
}

/// This device's id: read from LocalStorage, or made and stored the first time.
pub fn device_id() -> Id {
    if let Ok(s) = LocalStorage::get::<String>(DEVICE_KEY)
        && let Ok(id) = Id::new(s)
    {
        return id;
    }
    let id = Id::new(uuid::Builder::from_random_bytes(random_bytes()).into_uuid().to_string())
        .expect("a UUID is a valid id");
    if let Err(e) = LocalStorage::set(DEVICE_KEY, id.as_str()) {
        leptos::logging::warn!("klava: could not store the device id: {e}");
    }
    id
}
