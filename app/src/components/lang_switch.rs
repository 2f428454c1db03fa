//! `LangSwitch`: English / Русский, in the header. Each name is written in its own language; the choice
//! is a setting (recorded and synced like the others) and applies at once, without a reload.

use klava_core::settings::UiLanguage;
use leptos::prelude::*;

use crate::i18n::{Locale, tr, use_i18n};
use crate::prefs::Prefs;

/// The switch.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let option = move |locale: Locale, setting: UiLanguage, short: &'static str, name: &'static str| {
        view! {
            <button type="button" lang=locale.as_str() aria-label=name title=name data-testid=format!("lang-{}", locale.as_str())
                aria-pressed=move || (i18n.get_locale() == locale).to_string()
                on:click=move |_| prefs.update(|s| s.language = setting)>
                {short}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=tr!(i18n, nav.language)>
            {option(Locale::en, UiLanguage::En, "EN", "English")}
            {option(Locale::ru, UiLanguage::Ru, "RU", "Русский")}
        </div>
    }
}
