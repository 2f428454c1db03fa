//! `use_title`: the document title of a page, `<page> · Klava`, kept in step with the interface language.

use leptos::prelude::*;

/// Sets the document's title from `page` (a translated name) while the calling page is mounted.
pub fn use_title(page: impl Fn() -> String + Send + Sync + 'static) {
    Effect::new(move |_| document().set_title(&format!("{} · Klava", page())));
}
