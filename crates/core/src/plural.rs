//! Interface messages' grammar that is logic, not text: the CLDR plural category of a number in a
//! language (1 слово, 2 слова, 5 слов) and putting named values into a message (`{n} in a row`).

use std::fmt::{Display, Write as _};

/// A CLDR plural category, as the interface languages use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralForm {
    /// 1 (English), 1, 21, 101 (Russian).
    One,
    /// 2–4, 22–24 … (Russian).
    Few,
    /// 0, 5–20, 25–30 … (Russian).
    Many,
    /// Everything else: 0 and 2+ in English, fractions in Russian.
    Other,
}

/// The plural category of `n` in `language` (a BCP 47 code): CLDR's cardinal rules for Russian and
/// Ukrainian (one, few, many, other), French (0 and 1 are one) and English and German (1 is one).
pub fn plural_form(language: &str, n: f64) -> PluralForm {
    let whole = n.is_finite() && n.fract() == 0.0;
    let i = n.abs().trunc();
    match language {
        "ru" | "uk" if !whole => PluralForm::Other,
        "ru" | "uk" => {
            // An integer: below 2^53 it converts exactly, which is all a count can be.
            let i = i as u64;
            match (i % 10, i % 100) {
                (1, r) if r != 11 => PluralForm::One,
                (2..=4, r) if !(12..=14).contains(&r) => PluralForm::Few,
                _ => PluralForm::Many,
            }
        }
        "fr" if i < 2.0 => PluralForm::One,
        "fr" => PluralForm::Other,
        _ if whole && i == 1.0 => PluralForm::One,
        _ => PluralForm::Other,
    }
}

/// `template` with each `{name}` replaced by the value of that name; a name no value is given for is
/// left as it is, so a missing value shows rather than vanishes.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                let _ = write!(out, "{value}");
            }
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use PluralForm::{Few, Many, One, Other};

    #[test]
    fn russian_counts_by_the_last_digits() {
        let forms = [1.0, 2.0, 4.0, 5.0, 11.0, 12.0, 14.0, 21.0, 22.0, 25.0, 101.0, 111.0, 112.0, 0.0, 1.5];
        let got: Vec<PluralForm> = forms.iter().map(|&n| plural_form("ru", n)).collect();
        assert_eq!(got, [One, Few, Few, Many, Many, Many, Many, One, Few, Many, One, Many, Many, Many, Other]);
        assert_eq!(plural_form("uk", 3.0), Few);
    }

    #[test]
    fn english_has_one_and_other() {
        assert_eq!([0.0, 1.0, 2.0, 1.5, -1.0].map(|n| plural_form("en", n)), [Other, One, Other, Other, One]);
        assert_eq!([0.0, 1.5, 2.0].map(|n| plural_form("fr", n)), [One, One, Other]);
        assert_eq!(plural_form("ru", f64::NAN), Other);
    }

    #[test]
    fn values_go_in_by_name() {
        assert_eq!(fill("{done} of {goal} min", &[("goal", &10), ("done", &"3")]), "3 of 10 min");
        assert_eq!(fill("{a}{a}", &[("a", &1)]), "11");
        assert_eq!(fill("no values", &[]), "no values");
        assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
        assert_eq!(fill("ends with {", &[]), "ends with {");
        assert_eq!(fill("слов: {n}.", &[("n", &5)]), "слов: 5.");
    }
}
