//! The look of the page from the settings: `<html data-theme data-font data-motion>` and the typing text
//! size, kept in step with the settings and the system's colour preference. index.html sets the theme
//! the same way before the app loads, so nothing flashes.

use klava_core::settings::{Theme, TypingFont};
use leptos::prelude::*;
use leptos_use::use_preferred_dark;

use super::Prefs;

/// The value of `data-theme` for a theme, with the system's preference for [`Theme::System`].
pub fn theme_attr(theme: Theme, system_dark: bool) -> &'static str {
    match theme {
        Theme::System if system_dark => "dark",
        Theme::System | Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::HighContrast => "hc",
    }
}

/// Keeps `<html>`'s attributes in step with the settings.
pub fn apply(prefs: Prefs) {
    let dark = use_preferred_dark();
    Effect::new(move |_| {
        let Some(root) = document().document_element() else { return };
        let (theme, font, size, reduce) = prefs.with(|s| (s.theme, s.font, s.font_size.get(), s.reduce_motion));
        let _ = root.set_attribute("data-theme", theme_attr(theme, dark.get()));
        let font = match font {
            TypingFont::Mono => "mono",
            TypingFont::Readable => "readable",
            TypingFont::System => "system",
        };
        let _ = root.set_attribute("data-font", font);
        if reduce {
            let _ = root.set_attribute("data-motion", "reduce");
        } else {
            let _ = root.remove_attribute("data-motion");
        }
        preview_font_size(size);
    });
}

/// Shows the typing text at `px` pixels (the settings page's slider, while it is dragged).
pub fn preview_font_size(px: u32) {
    if let Some(html) =
        document().document_element().and_then(|r| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(r).ok())
    {
        let _ = html.style().set_property("--typing-size", &format!("{px}px"));
    }
}
