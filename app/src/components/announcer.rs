//! The live region: one polite `aria-live` region for the whole app, through which screen readers hear
//! results, the next word and mistakes (in screen-reader typing mode) without moving the focus. Repeating
//! the same message is announced again.

use leptos::prelude::*;

/// Something to say, provided in context.
#[derive(Clone, Copy)]
pub struct Announcer {
    message: RwSignal<String>,
    flip: StoredValue<bool>,
}

impl Announcer {
    /// Creates and provides the announcer.
    pub fn provide() -> Self {
        let a = Self { message: RwSignal::new(String::new()), flip: StoredValue::new(false) };
        provide_context(a);
        a
    }

    /// The provided instance.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Says `text` politely (after what is being read now).
    pub fn say(&self, text: impl Into<String>) {
        let mut text = text.into();
        // A region whose text does not change says nothing: every other message ends in an invisible
        // space, so a repeat is still a change.
        if self.flip.get_value() {
            text.push('\u{200b}');
        }
        self.flip.update_value(|f| *f = !*f);
        self.message.set(text);
    }
}

/// The region itself; rendered once, in the shell.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let a = Announcer::expect();
    view! { <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">{move || a.message.get()}</div> }
}
