//! A check on the interface messages (`app/locales/*.json`), run as a test: both languages have the
//! same messages, and every message is used by the app's code (`tr!(i18n, key)`, `t!(i18n, key …)` or
//! `t_string!(i18n, key …)`). The app's build already fails on a message one language lacks; this also
//! catches the ones nothing uses, which the build cannot see.

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use crate::cmd::root;

    /// CLDR plural-form suffixes: `words_one`, `words_few`, … are the message `words`.
    const PLURAL: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

    /// The messages of one language file, as `section.name` keys (plural forms folded into one).
    fn keys(lang: &str) -> BTreeSet<String> {
        let path = root().join(format!("app/locales/{lang}.json"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut out = BTreeSet::new();
        flatten("", &json, &mut out);
        out
    }

    fn flatten(prefix: &str, v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                    flatten(&key, v, out);
                }
            }
            _ => {
                let base = PLURAL.iter().find_map(|s| prefix.strip_suffix(s)).unwrap_or(prefix);
                out.insert(base.to_owned());
            }
        }
    }

    /// Every key the app's sources name in a translation macro.
    fn used(dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                used(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("src/i18n.rs") {
                // (i18n.rs defines the macros; its examples are not uses.)
                let text = std::fs::read_to_string(&path).unwrap();
                for call in ["t!(i18n, ", "tr!(i18n, ", "t_string!(i18n, "] {
                    for (at, _) in text.match_indices(call) {
                        let rest = &text[at + call.len()..];
                        let end =
                            rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')).unwrap_or(0);
                        out.insert(rest[..end].to_owned());
                    }
                }
            }
        }
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
