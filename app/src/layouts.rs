//! The keyboard layout catalog, parsed once and shared through context. It depends on nothing else in
//! the app, so both progress (finger maps for the fold) and settings can read it.

use klava_core::layout::{Layout, catalog};
use leptos::prelude::*;

/// The built-in layouts, in the order offered.
#[derive(Clone, Copy)]
pub struct Layouts(StoredValue<Vec<Layout>>);

impl Layouts {
    /// Parses the built-in layouts (validated by klava-core's tests) and provides them.
    pub fn provide() -> Self {
        let all = catalog::all().expect("built-in layouts are validated by klava-core's tests");
        let l = Self(StoredValue::new(all));
        provide_context(l);
        l
    }

    /// The provided catalog.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Runs `f` with every layout.
    pub fn with<T>(&self, f: impl FnOnce(&Vec<Layout>) -> T) -> T {
        self.0.with_value(f)
    }

    /// Runs `f` with the layout `id`, or the first layout when the catalog has no such id.
    pub fn with_id<T>(&self, id: &str, f: impl FnOnce(&Layout) -> T) -> T {
        self.0.with_value(|ls| f(ls.iter().find(|l| l.id == id).unwrap_or(&ls[0])))
    }

    /// Whether the catalog has layout `id`.
    pub fn has(&self, id: &str) -> bool {
        self.0.with_value(|ls| ls.iter().any(|l| l.id == id))
    }

    /// The layout's own name (never translated) for `id`, or `id` itself when unknown.
    pub fn name_of(&self, id: &str) -> String {
        self.0.with_value(|ls| ls.iter().find(|l| l.id == id).map_or_else(|| id.to_owned(), |l| l.name.clone()))
    }
}
