//! The interface's messages as `build.rs` compiles them: a [`Text`] or a [`Plural`] per message with both
//! languages side by side, values put in by name (`{n} in a row`) and the plural form chosen by the
//! language's CLDR rule (both in [`klava_core::plural`]). One renderer for every message, not one per
//! message, and the `t_string!` macro that names them.

use std::fmt::Display;

use klava_core::plural::{fill, plural_form};

use super::Locale;

/// A message: its text in each language, in the order of [`Locale`].
#[derive(Clone, Copy, Debug)]
pub struct Text(pub [&'static str; 2]);

/// A plural message: in each language, its forms `one`, `few`, `many`, `other` — the order of
/// [`klava_core::plural::PluralForm`] — ("" where the language has no such form: `build.rs` requires
/// exactly the forms [`plural_form`] gives for the language).
#[derive(Clone, Copy, Debug)]
pub struct Plural(pub [[&'static str; 4]; 2]);

impl Text {
    /// The message in `locale`.
    pub const fn text(self, locale: Locale) -> &'static str {
        self.0[locale as usize]
    }

    /// The message in `locale` with `values` put in.
    pub fn fill(self, locale: Locale, values: &[(&str, &dyn Display)]) -> String {
        fill(self.text(locale), values)
    }

    /// [`Text::fill`] for a message that shows a count but has one form for every number.
    pub fn counted(self, locale: Locale, _count: f64, values: &[(&str, &dyn Display)]) -> String {
        self.fill(locale, values)
    }
}

impl Plural {
    /// The form `locale` uses for `count`, with `values` put in (`count` among them when the text shows it).
    pub fn counted(self, locale: Locale, count: f64, values: &[(&str, &dyn Display)]) -> String {
        fill(self.0[locale as usize][plural_form(locale.as_str(), count) as usize], values)
    }
}

/// `t_string!(i18n, section.name)`: the message in the interface language, as a `&'static str`, read
/// reactively. With values, `t_string!(i18n, section.name, n = 3)`, a `String`; a plural message takes
/// `count = …` first, which chooses the form (and is a value the text may show).
macro_rules! t_string {
    ($i18n:expr, $section:ident . $name:ident) => {
        $crate::i18n::msg::$section::$name.text($i18n.get_locale())
    };
    ($i18n:expr, $section:ident . $name:ident, count = $count:expr $(, $value:ident = $v:expr)* $(,)?) => {{
        let count = $count;
        $crate::i18n::msg::$section::$name.counted(
            $i18n.get_locale(),
            count as f64,
            &[("count", &count as &dyn ::std::fmt::Display) $(, (stringify!($value), &$v as &dyn ::std::fmt::Display))*],
        )
    }};
    ($i18n:expr, $section:ident . $name:ident $(, $value:ident = $v:expr)+ $(,)?) => {
        $crate::i18n::msg::$section::$name.fill(
            $i18n.get_locale(),
            &[$((stringify!($value), &$v as &dyn ::std::fmt::Display)),+],
        )
    };
}
pub(crate) use t_string;
