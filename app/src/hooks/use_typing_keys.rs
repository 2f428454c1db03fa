//! `use_typing_keys`: window key presses → [`KeyAction`]s, stamped with the event's own time.

use std::cell::Cell;
use std::rc::Rc;

use klava_core::Millis;
use klava_core::keys::{KeyAction, Modifiers, key_action};
use leptos::ev;
use leptos::prelude::window;
use leptos::task::spawn_local;
use leptos_use::{use_event_listener, use_window};
use web_sys::KeyboardEvent;

/// Name of the performance measure of one key press (handler and the DOM updates it queued), recorded
/// only when the page URL has `?bench` (tests/e2e/bench-keys.mjs reads it).
pub const KEY_MEASURE: &str = "klava-key";
const KEY_MARK: &str = "klava-key-start";

fn bench_enabled() -> bool {
    window().location().search().is_ok_and(|s| s.split(['?', '&']).any(|p| p == "bench"))
}

/// Calls `on_action` for every key press that means something to a typing test, anywhere on the page,
/// with `event.timeStamp` (when the key went down, not when the handler runs). Handled keys do not
/// reach the browser, so Space does not scroll, Backspace does not navigate and Tab does not move focus.
pub fn use_typing_keys(on_action: impl Fn(KeyAction, Millis) + 'static) {
    let tab_armed = Rc::new(Cell::new(false));
    let performance = bench_enabled().then(|| window().performance()).flatten();
    let _ = use_event_listener(use_window(), ev::keydown, move |e: KeyboardEvent| {
        let m = Modifiers { ctrl: e.ctrl_key(), alt: e.alt_key(), meta: e.meta_key() };
        let action = key_action(&e.key(), m, tab_armed.get());
        tab_armed.set(action == Some(KeyAction::ArmRestart));
        let Some(action) = action else { return };
        e.prevent_default();
        if let Some(p) = &performance {
            let _ = p.mark(KEY_MARK);
        }
        on_action(action, e.time_stamp());
        if let Some(p) = performance.clone() {
            // Runs after the reactive updates this key queued, in the same turn of the event loop.
            spawn_local(async move {
                let _ = p.measure_with_start_mark(KEY_MEASURE, KEY_MARK);
            });
        }
    });
}
