//! `use_typing_keys`: window key presses → [`KeyAction`]s, stamped with the event's own time.

use std::cell::Cell;
use std::rc::Rc;

use klava_core::Millis;
use klava_core::keys::{KeyAction, Modifiers, key_action};
use leptos::ev;
use leptos_use::{use_event_listener, use_window};
use web_sys::KeyboardEvent;

/// Calls `on_action` for every key press that means something to a typing test, anywhere on the page,
/// with `event.timeStamp` (when the key went down, not when the handler runs). Handled keys do not
/// reach the browser, so Space does not scroll, Backspace does not navigate and Tab does not move focus.
pub fn use_typing_keys(on_action: impl Fn(KeyAction, Millis) + 'static) {
    let tab_armed = Rc::new(Cell::new(false));
    let _ = use_event_listener(use_window(), ev::keydown, move |e: KeyboardEvent| {
        let m = Modifiers { ctrl: e.ctrl_key(), alt: e.alt_key(), meta: e.meta_key() };
        let action = key_action(&e.key(), m, tab_armed.get());
        tab_armed.set(action == Some(KeyAction::ArmRestart));
        if let Some(action) = action {
            e.prevent_default();
            on_action(action, e.time_stamp());
        }
    });
}
