//! A check on the interface messages (`app/locales/*.json`), run as a test: both languages have the
//! same messages, and every message is used by the app's code (`tr!(i18n, key)` or
//! `t_string!(i18n, key …)`), with the values its text shows (`{{ n }}`: `t_string!(i18n, key, n = …)`).
//! The app's build already fails on a message one language lacks and on a plural message used without a
//! count; this also catches the ones nothing uses and a value left out, which the build cannot see.

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use crate::cmd::root;

    /// CLDR plural-form suffixes: `words_one`, `words_few`, … are the message `words`.
    const PLURAL: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

    /// The messages of one language file, as `section.name` keys (plural forms folded into one).
    fn keys(lang: &str) -> BTreeSet<String> {
        placeholders(lang).into_keys().collect()
    }

    /// Every key the app's sources name in a translation macro.
    fn used(dir: &Path, out: &mut BTreeSet<String>) {
        let mut calls = Vec::new();
        calls_in(dir, &mut calls);
        out.extend(calls.into_iter().map(|(key, _)| key));
    }

    /// Each translation macro call under `dir`: its key and the names of the values it gives.
    fn calls_in(dir: &Path, out: &mut Vec<(String, BTreeSet<String>)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                calls_in(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.to_string_lossy().contains("src/i18n/") {
                // (src/i18n defines the macros; its examples are not uses.)
                let text = std::fs::read_to_string(&path).unwrap();
                for call in ["tr!(i18n, ", "t_string!(i18n, "] {
                    for (at, _) in text.match_indices(call) {
                        let rest = &text[at + call.len()..];
                        let end =
                            rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')).unwrap_or(0);
                        out.push((rest[..end].to_owned(), value_names(&rest[end..])));
                    }
                }
            }
        }
    }

    /// The names of the values after a macro's key (`, n = 3, word = w.clone())` gives `n`, `word`):
    /// each argument at the top level of the call up to its closing parenthesis.
    fn value_names(args: &str) -> BTreeSet<String> {
        let (mut depth, mut quoted, mut start, mut names) = (0_i32, false, 0, BTreeSet::new());
        let mut name_of = |arg: &str| {
            if let Some((name, _)) = arg.split_once('=') {
                names.insert(name.trim().to_owned());
            }
        };
        let mut prev = ' ';
        for (i, c) in args.char_indices() {
            match c {
                '"' if prev != '\\' => quoted = !quoted,
                _ if quoted => {}
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => {
                    name_of(&args[start..i]);
                    break;
                }
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    name_of(&args[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
            prev = c;
        }
        names
    }

    /// The names of the values each message's text shows (`{{ n }}`), in every language and form.
    fn placeholders(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
        let path = root().join(format!("app/locales/{lang}.json"));
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (section, messages) in json.as_object().unwrap() {
            for (name, text) in messages.as_object().unwrap() {
                let base = PLURAL.iter().find_map(|s| name.strip_suffix(s)).unwrap_or(name);
                let values = out.entry(format!("{section}.{base}")).or_default();
                for part in text.as_str().unwrap().split("{{").skip(1) {
                    values.insert(part.split("}}").next().unwrap().trim().to_owned());
                }
            }
        }
        out
    }

    #[test]
    fn every_use_gives_the_values_its_message_shows() {
        let mut calls = Vec::new();
        calls_in(&root().join("app/src"), &mut calls);
        assert!(calls.iter().any(|(_, v)| !v.is_empty()), "no call with values found");
        let mut wrong = Vec::new();
        for lang in ["en", "ru"] {
            let shown = placeholders(lang);
            for (key, given) in &calls {
                let Some(needed) = shown.get(key) else { continue };
                let missing: Vec<_> = needed.difference(given).collect();
                let unused: Vec<_> = given.difference(needed).filter(|n| *n != "count").collect();
                if !missing.is_empty() || !unused.is_empty() {
                    wrong.push(format!("{lang} {key}: missing {missing:?}, not in the text {unused:?}"));
                }
            }
        }
        assert_eq!(wrong, Vec::<String>::new());
    }

    #[test]
    fn values_are_read_from_a_call() {
        let names = value_names(", n = f(a, b), word = \"a, b)\".into(), x = [1, 2]) + rest, y = 1");
        assert_eq!(names, ["n", "word", "x"].map(str::to_owned).into());
        assert!(value_names(")").is_empty());
    }

    #[test]
    fn both_languages_have_the_same_messages_and_the_app_uses_them_all() {
        let (en, ru) = (keys("en"), keys("ru"));
        assert!(!en.is_empty(), "no messages found");
        let only = |a: &BTreeSet<String>, b: &BTreeSet<String>| a.difference(b).cloned().collect::<Vec<_>>();
        assert_eq!(only(&en, &ru), Vec::<String>::new(), "in English, not in Russian");
        assert_eq!(only(&ru, &en), Vec::<String>::new(), "in Russian, not in English");
        let mut seen = BTreeSet::new();
        used(&root().join("app/src"), &mut seen);
        assert_eq!(only(&en, &seen), Vec::<String>::new(), "messages no code uses");
        assert_eq!(only(&seen, &en), Vec::<String>::new(), "used, but not in the message files");
    }
}
