//! `use_typing_keys`: window key events → [`Input`]s stamped with the event's own time.

use klava_core::{Input, Millis};
use leptos::ev;
use leptos_use::{use_event_listener, use_window};
use web_sys::KeyboardEvent;

/// What a key event means for typing, if anything.
pub fn input_for(key: &str, ctrl: bool, meta: bool, alt: bool) -> Option<Input> {
    if ctrl || meta || alt {
        // Browser and OS shortcuts stay theirs.
        return None;
    }
    if key == "Backspace" {
        return Some(Input::Backspace);
    }
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => Some(Input::Char(c)),
        _ => None, // "Shift", "Tab", "ArrowLeft", "Dead", …
    }
}

/// Calls `on_input` for every typing key pressed anywhere on the page, with `event.timeStamp` (the
/// moment the key went down, not when the handler runs). Handled keys do not reach the browser, so
/// Space does not scroll and Backspace does not navigate; `on_escape` runs for Escape.
pub fn use_typing_keys(on_input: impl Fn(Input, Millis) + 'static, on_escape: impl Fn() + 'static) {
    let _ = use_event_listener(use_window(), ev::keydown, move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            on_escape();
            return;
        }
        if let Some(input) = input_for(&e.key(), e.ctrl_key(), e.meta_key(), e.alt_key()) {
            e.prevent_default();
            on_input(input, e.time_stamp());
        }
    });
}
