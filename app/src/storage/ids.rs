//! Ids made on this device: record ids are UUID v7 (time-ordered, from the browser's clock and crypto
//! source); the device id is made once and kept in LocalStorage.

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

/// The browser's time zone at `ms` since the Unix epoch, in minutes ahead of UTC (what a record keeps;
/// `getTimezoneOffset` is the other way round). Daylight saving time is the one in force at `ms`.
pub fn utc_offset_min_at(ms: f64) -> i32 {
    -(web_sys::js_sys::Date::new(&ms.into()).get_timezone_offset() as i32)
}

/// Today's local date, `YYYY-MM-DD`.
pub fn local_date() -> String {
    let now = now_ms();
    klava_core::civil::format_local(now, utc_offset_min_at(now))[..10].to_owned()
}

/// A fresh record id.
pub fn new_record_id() -> Id {
    let uuid = uuid::Builder::from_unix_timestamp_millis(now_ms() as u64, &random_bytes()).into_uuid();
    Id::new(uuid.to_string()).expect("a UUID is a valid id")
}

/// This device's id: read from LocalStorage, or made and stored the first time.
pub fn device_id() -> Id {
    if let Some(s) = super::local::get::<String>(DEVICE_KEY)
        && let Ok(id) = Id::new(s)
    {
        return id;
    }
    let id = Id::new(uuid::Builder::from_random_bytes(random_bytes()).into_uuid().to_string())
        .expect("a UUID is a valid id");
    if let Err(e) = super::local::set(DEVICE_KEY, &id.as_str()) {
        leptos::logging::warn!("klava: could not store the device id: {e}");
    }
    id
}
