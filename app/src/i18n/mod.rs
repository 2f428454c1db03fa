//! The interface language: the messages of `locales/en.json` and `locales/ru.json`, compiled into
//! [`msg`] by `build.rs` (plural forms by CLDR rules, so 1 слово, 2 слова, 5 слов; see [`message`]), the
//! language chosen from the settings or the browser, and the few things that are formatted rather than
//! translated: numbers, dates and times. Layout and lesson names keep their own language.

pub mod message;

/// Every message, a module per section of the language files (`msg::nav::home`).
#[allow(non_upper_case_globals, missing_docs)]
pub mod msg {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

use klava_core::settings::UiLanguage;
use leptos::prelude::*;
pub(crate) use message::t_string;
use message::{Plural, Text};

use crate::prefs::Prefs;

/// An interface language, in the order of the message tables `build.rs` writes.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English.
    #[default]
    en,
    /// Russian.
    ru,
}

impl Locale {
    /// The language's BCP 47 code.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::en => "en",
            Self::ru => "ru",
        }
    }
}

/// The interface language, as components hold it: provided by [`I18nContextProvider`], read with
/// [`use_i18n`]. It follows the language setting (or the browser's languages when the setting leaves it
/// to them); reading it in a reactive scope (every message does) follows a change.
#[derive(Clone, Copy)]
pub struct I18n(Memo<Locale>);

impl I18n {
    /// The language, tracked.
    pub fn get_locale(self) -> Locale {
        self.0.get()
    }
}

/// The language context. Call under [`I18nContextProvider`].
pub fn use_i18n() -> I18n {
    expect_context()
}

/// Provides the language context to `children` — the language the settings choose, from the first paint
/// on — and keeps `<html lang>` in step with it.
#[component]
pub fn I18nContextProvider(children: Children) -> impl IntoView {
    let prefs = Prefs::expect();
    let i18n = I18n(Memo::new(move |_| resolve(prefs.with(|s| s.language))));
    provide_context(i18n);
    Effect::new(move || {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", i18n.get_locale().as_str());
        }
    });
    children()
}

/// A message without values that follows the interface language, as a view or an attribute value. Every
/// such message goes through this one function, so the app has one text renderer for all of them instead
/// of one per message.
pub fn text(i18n: I18n, message: fn(I18n) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || message(i18n)
}

/// `tr!(i18n, section.key)`: the message `section.key` through [`text`].
macro_rules! tr {
    ($i18n:ident, $($key:tt)+) => {
        $crate::i18n::text($i18n, |i18n| $crate::i18n::t_string!(i18n, $($key)+))
    };
}
pub(crate) use tr;

/// The browser's preferred languages, most preferred first (`navigator.languages`).
fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() { navigator.language().into_iter().collect() } else { list }
}

/// The language to show for a setting: a chosen one, or the browser's (English when it prefers neither).
pub fn resolve(setting: UiLanguage) -> Locale {
    let langs = browser_languages();
    match setting.resolve(langs.iter().map(String::as_str)) {
        UiLanguage::Ru => Locale::ru,
        _ => Locale::en,
    }
}

/// `value` with `digits` decimals, in the language's way: `1,234.5` in English, `1 234,5` in Russian.
pub fn number(locale: Locale, value: f64, digits: usize) -> String {
    let text = format!("{:.digits$}", value.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point) = match locale {
        Locale::ru => ('\u{a0}', ','),
        Locale::en => (',', '.'),
    };
    let mut out = String::with_capacity(text.len() + 4);
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('−');
    }
    // Russian groups only from five digits on (2024, but 12 345).
    let grouped = whole.len() > if locale == Locale::ru { 4 } else { 3 };
    for (i, c) in whole.chars().enumerate() {
        if grouped && i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A figure that may be undefined: `–` then.
pub fn figure(locale: Locale, value: Option<f64>, digits: usize) -> String {
    value.map_or_else(|| "–".to_owned(), |v| number(locale, v, digits))
}

/// `ms` (Unix epoch) read as a UTC date, written the language's way by the browser
/// (`Intl.DateTimeFormat`) with the `fields` given (`("month", "short")`, …).
fn intl_utc(locale: Locale, ms: f64, fields: &[(&str, &str)], hour12: bool) -> String {
    use web_sys::js_sys::{Array, Date, Intl, Object, Reflect};
    let options = Object::new();
    for (k, v) in fields.iter().chain(&[("timeZone", "UTC")]) {
        let _ = Reflect::set(&options, &(*k).into(), &(*v).into());
    }
    if !hour12 {
        let _ = Reflect::set(&options, &"hour12".into(), &false.into());
    }
    let format = Intl::DateTimeFormat::new(&Array::of1(&locale.as_str().into()), &options);
    format.format().call1(&format, &Date::new(&ms.into())).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// The date and time of `ms` (Unix epoch) as the learner's clock showed it then (`offset_min` ahead of
/// UTC): "Nov 30, 2026, 14:05" or "30 нояб. 2026 г., 14:05".
pub fn date_time(locale: Locale, ms: f64, offset_min: i32) -> String {
    let fields =
        [("year", "numeric"), ("month", "short"), ("day", "numeric"), ("hour", "2-digit"), ("minute", "2-digit")];
    intl_utc(locale, ms + f64::from(offset_min) * 60_000.0, &fields, false)
}

/// A local calendar day (days since 1970-01-01): "Feb 12" or "12 февр.", with the year when `year`
/// ("Feb 12, 2027").
pub fn day_label(locale: Locale, day: i64, year: bool) -> String {
    let ms = day as f64 * 86_400_000.0;
    if year {
        intl_utc(locale, ms, &[("year", "numeric"), ("month", "short"), ("day", "numeric")], true)
    } else {
        intl_utc(locale, ms, &[("month", "short"), ("day", "numeric")], true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(Locale::en, 1234.56, 1), "1,234.6");
        assert_eq!(number(Locale::ru, 1234.56, 1), "1234,6");
        assert_eq!(number(Locale::ru, 12345.0, 0), "12\u{a0}345");
        assert_eq!(number(Locale::en, 42.0, 0), "42");
        assert_eq!(number(Locale::en, -0.01, 1), "0.0");
        assert_eq!(figure(Locale::en, None, 1), "–");
    }
}
