//! Keyboard settings and the layout catalog, shared with every component through context.

use klava_core::layout::{Layout, catalog};
use klava_core::profile::Profile;
use leptos::prelude::*;

/// Where typed characters come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// The settings and the catalog, as provided in context.
#[derive(Clone, Copy)]
pub struct Keyboards {
    pub settings: RwSignal<KeyboardSettings>,
    pub layouts: StoredValue<Vec<Layout>>,
}

impl Keyboards {
    /// Parses the built-in layouts (validated by klava-core's tests) and provides them.
    pub fn provide() -> Self {
        let layouts = catalog::all().expect("built-in layouts are validated by klava-core's tests");
        let k = Self { settings: RwSignal::new(KeyboardSettings::default()), layouts: StoredValue::new(layouts) };
        provide_context(k);
        k
    }

    /// The provided instance.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Runs `f` with the chosen layout (tracks the settings).
    pub fn with_layout<T>(&self, f: impl FnOnce(&Layout) -> T) -> T {
        let i = self.settings.with(|s| s.layout);
        self.layouts.with_value(|ls| f(&ls[i.min(ls.len() - 1)]))
    }

    /// The profile being practised: the chosen layout and its language.
    pub fn profile(&self) -> Profile {
        self.with_layout(|l| Profile { layout: l.id.clone(), language: l.language.clone() })
    }
}
