//! One tab syncs at a time: the Web Locks API (`navigator.locks`), bound here by hand because web-sys's
//! binding of it is unstable and leptos-use's does not match this web-sys. The lock is held for the tab's
//! life; when that tab closes, the browser gives it to the next tab waiting.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Function, Promise, Reflect};

/// Calls `f` once this tab holds the lock `name`, and keeps it held. Without Web Locks (an old browser)
/// `f` is called at once: each tab syncs, which is safe (pushes are idempotent), only wasteful.
pub fn when_held(name: &str, f: impl FnOnce() + 'static) {
    let navigator = leptos::prelude::window().navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks")).unwrap_or(JsValue::UNDEFINED);
    let request = Reflect::get(&locks, &JsValue::from_str("request")).ok().and_then(|r| r.dyn_into::<Function>().ok());
    let Some(request) = request.filter(|_| !locks.is_undefined()) else {
        f();
        return;
    };
    let granted = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        f();
        // Never settles: the lock is released only when the tab goes.
        Promise::new(&mut |_, _| {}).into()
    });
    if request.call2(&locks, &JsValue::from_str(name), &granted).is_err() {
        leptos::logging::warn!("klava: could not ask for the sync lock; this tab will not sync");
    }
}
