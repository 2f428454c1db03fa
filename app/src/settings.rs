//! Keyboard settings and the layout catalog, shared with every component through context.

use klava_core::layout::{Layout, catalog};
use klava_core::profile::Profile;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::stored;

/// LocalStorage key of the keyboard settings.
const STORE_KEY: &str = "klava.keyboard";

/// Where typed characters come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputMode {
    /// The character the OS layout produced (`KeyboardEvent.key`).
    Os,
    /// The physical key (`KeyboardEvent.code`) mapped through the chosen layout.
    Emulate,
}

pub use klava_core::layout::heat::Heatmap;

/// The learner's keyboard settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyboardSettings {
    /// Index into the catalog.
    pub layout: usize,
    pub input: InputMode,
    pub show_keyboard: bool,
    pub finger_colours: bool,
    pub heatmap: Heatmap,
}

impl Default for KeyboardSettings {
    fn default() -> Self {
        Self { layout: 0, input: InputMode::Os, show_keyboard: true, finger_colours: true, heatmap: Heatmap::Off }
    }
}

/// The keyboard settings as stored: the layout by id, so a reordered catalog keeps the learner's choice.
#[derive(Serialize, Deserialize)]
struct Stored {
    layout: String,
    input: InputMode,
    show_keyboard: bool,
    finger_colours: bool,
    heatmap: Heatmap,
}

impl Stored {
    /// The settings this names; `None` when its layout is not in the catalog.
    fn into_settings(self, layouts: &[Layout]) -> Option<KeyboardSettings> {
        Some(KeyboardSettings {
            layout: layouts.iter().position(|l| l.id == self.layout)?,
            input: self.input,
            show_keyboard: self.show_keyboard,
            finger_colours: self.finger_colours,
            heatmap: self.heatmap,
        })
    }
}

/// The settings and the catalog, as provided in context.
#[derive(Clone, Copy)]
pub struct Keyboards {
    pub settings: RwSignal<KeyboardSettings>,
    pub layouts: StoredValue<Vec<Layout>>,
}

impl Keyboards {
    /// Parses the built-in layouts (validated by klava-core's tests), restores the stored settings, keeps
    /// them stored, and provides both.
    pub fn provide() -> Self {
        let layouts = catalog::all().expect("built-in layouts are validated by klava-core's tests");
        let settings = stored::load::<Stored>(STORE_KEY)
            .map_or_else(KeyboardSettings::default, |s| s.into_settings(&layouts).unwrap_or_default());
        let k = Self { settings: RwSignal::new(settings), layouts: StoredValue::new(layouts) };
        let to_stored = move |s: &KeyboardSettings| Stored {
            layout: k.layout_at(s.layout, |l| l.id.clone()),
            input: s.input,
            show_keyboard: s.show_keyboard,
            finger_colours: s.finger_colours,
            heatmap: s.heatmap,
        };
        stored::save_on_change(STORE_KEY, k.settings, to_stored);
        stored::follow_log(STORE_KEY, k.settings, to_stored, move |s: Stored| {
            k.layouts.with_value(|ls| s.into_settings(ls))
        });
        provide_context(k);
        k
    }

    /// The provided instance.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Runs `f` with the chosen layout (tracks the settings).
    pub fn with_layout<T>(&self, f: impl FnOnce(&Layout) -> T) -> T {
        self.layout_at(self.settings.with(|s| s.layout), f)
    }

    /// Runs `f` with the chosen layout without tracking the settings (for event handlers and effects).
    pub fn with_layout_untracked<T>(&self, f: impl FnOnce(&Layout) -> T) -> T {
        self.layout_at(self.settings.with_untracked(|s| s.layout), f)
    }

    /// Runs `f` with layout `i` of the catalog (the last one if `i` is out of range).
    fn layout_at<T>(&self, i: usize, f: impl FnOnce(&Layout) -> T) -> T {
        self.layouts.with_value(|ls| f(&ls[i.min(ls.len() - 1)]))
    }

    /// The profile being practised: the chosen layout and its language.
    pub fn profile(&self) -> Profile {
        self.with_layout(|l| Profile { layout: l.id.clone(), language: l.language.clone() })
    }
}
