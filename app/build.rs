//! Compiles the interface messages (`locales/en.json`, `locales/ru.json`) into the `i18n` module: one
//! constant per message holding its text in both languages (`nav::home`), plural messages with their CLDR
//! forms (`_one`, `_few`, `_many`, `_other`). Any difference between the two files — a message in one
//! language only, a plural in one and not the other, a value (`{{ name }}`) one language lacks, a form a
//! language needs — fails the build. Nothing is downloaded: this reads two local files.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::Value;

/// The interface languages, in the order of the generated tables (`Locale` in `src/i18n.rs`).
const LOCALES: [&str; 2] = ["en", "ru"];
/// The plural forms a message may have, in the order of the generated tables.
const FORMS: [&str; 4] = ["one", "few", "many", "other"];
/// The forms each language's plural rule chooses from (CLDR), in the order of [`LOCALES`].
const NEEDED: [&[&str]; 2] = [&["one", "other"], &["one", "few", "many", "other"]];

/// One message of one language.
enum Message {
    /// A text, `{{ name }}` already written `{name}`.
    Text(String),
    /// A plural message's forms, in the order of [`FORMS`] (`None`: the language has no such form).
    Plural([Option<String>; 4]),
}

impl Message {
    /// The names of the values the message takes.
    fn values(&self) -> BTreeSet<String> {
        let texts: Vec<&String> = match self {
            Self::Text(t) => vec![t],
            Self::Plural(forms) => forms.iter().flatten().collect(),
        };
        texts
            .iter()
            .flat_map(|t| t.split('{').skip(1).filter_map(|s| s.split_once('}')).map(|s| s.0.to_owned()))
            .collect()
    }
}

/// A language's messages by section and name.
type Messages = BTreeMap<String, BTreeMap<String, Message>>;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    let all: Vec<Messages> = LOCALES
        .iter()
        .map(|lang| {
            let path = manifest.join("locales").join(format!("{lang}.json"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
            let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
            read(lang, &json, &mut problems)
        })
        .collect();
    compare(&all, &mut problems);
    if !problems.is_empty() {
        fail(&problems.join("; "));
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("messages.rs");
    if let Err(e) = std::fs::write(&out, generate(&all)) {
        fail(&format!("cannot write {}: {e}", out.display()));
    }
}

/// Reads one language file: sections of messages, plural forms gathered into one message.
fn read(lang: &str, json: &Value, problems: &mut Vec<String>) -> Messages {
    let mut out = Messages::new();
    let Some(sections) = json.as_object() else {
        fail(&format!("{lang}.json: expected an object of sections"));
    };
    for (section, entries) in sections {
        let Some(entries) = entries.as_object() else {
            problems.push(format!("{lang}.json: \"{section}\" is not an object of messages"));
            continue;
        };
        let messages = out.entry(section.clone()).or_default();
        for (name, value) in entries {
            let Some(text) = value.as_str() else {
                problems.push(format!("{lang}.json: {section}.{name} is not a text"));
                continue;
            };
            let text = match placeholders(text) {
                Ok(t) => t,
                Err(e) => {
                    problems.push(format!("{lang}.json: {section}.{name}: {e}"));
                    continue;
                }
            };
            match FORMS.iter().position(|f| name.strip_suffix(f).is_some_and(|b| b.ends_with('_'))) {
                Some(form) => {
                    let base = &name[..name.len() - FORMS[form].len() - 1];
                    let entry = messages.entry(base.to_owned()).or_insert_with(|| Message::Plural(Default::default()));
                    match entry {
                        Message::Plural(forms) => forms[form] = Some(text),
                        Message::Text(_) => {
                            problems.push(format!("{lang}.json: {section}.{base} is a text and a plural"))
                        }
                    }
                }
                None => {
                    if messages.insert(name.clone(), Message::Text(text)).is_some() {
                        problems.push(format!("{lang}.json: {section}.{name} is a text and a plural"));
                    }
                }
            }
        }
    }
    out
}

/// `text` with each `{{ name }}` written `{name}`; a brace that is not part of one is an error.
fn placeholders(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let inner = tail.strip_prefix("{{").and_then(|t| t.split_once("}}"));
        let Some((name, after)) = inner else {
            return Err(format!("a brace outside a value ({{{{ name }}}}) in \"{text}\""));
        };
        let name = name.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("\"{name}\" is not a value's name in \"{text}\""));
        }
        let _ = write!(out, "{{{name}}}");
        rest = after;
    }
    out.push_str(rest);
    Ok(out)
}

/// Both languages have the same messages, of the same kind, with the same values and the forms each needs.
fn compare(all: &[Messages], problems: &mut Vec<String>) {
    let keys = |m: &Messages| -> BTreeSet<String> {
        m.iter().flat_map(|(s, msgs)| msgs.keys().map(move |k| format!("{s}.{k}"))).collect()
    };
    let (first, second) = (keys(&all[0]), keys(&all[1]));
    for missing in first.symmetric_difference(&second) {
        let has = if first.contains(missing) { LOCALES[0] } else { LOCALES[1] };
        problems.push(format!("{missing} is in {has}.json only"));
    }
    for (section, messages) in &all[0] {
        for (name, message) in messages {
            let Some(other) = all[1].get(section).and_then(|m| m.get(name)) else { continue };
            let key = format!("{section}.{name}");
            if message.values() != other.values() {
                problems.push(format!("{key}: the languages take different values"));
            }
            match (message, other) {
                (Message::Plural(a), Message::Plural(b)) => {
                    for ((lang, forms), needed) in LOCALES.iter().zip([a, b]).zip(NEEDED) {
                        for (form, text) in FORMS.iter().zip(forms) {
                            match (needed.contains(form), text) {
                                (true, None) => problems.push(format!("{key}: {lang}.json lacks the form _{form}")),
                                (false, Some(_)) => problems.push(format!("{key}: {lang} has no form _{form}")),
                                _ => {}
                            }
                        }
                    }
                }
                (Message::Text(_), Message::Text(_)) => {}
                _ => problems.push(format!("{key} is a plural in one language only")),
            }
        }
    }
}

/// The generated module: a submodule per section, a constant per message.
fn generate(all: &[Messages]) -> String {
    let mut out = String::from("// Generated by app/build.rs from locales/*.json.\n");
    for (section, messages) in &all[0] {
        let _ = writeln!(
            out,
            "pub mod {section} {{\n    #[allow(unused_imports)]\n    use super::super::{{Plural, Text}};"
        );
        for (name, message) in messages {
            let other = &all[1][section][name];
            match (message, other) {
                (Message::Text(a), Message::Text(b)) => {
                    let _ = writeln!(out, "    pub const {name}: Text = Text([{a:?}, {b:?}]);");
                }
                (Message::Plural(a), Message::Plural(b)) => {
                    let forms = |f: &[Option<String>; 4]| {
                        f.iter().map(|t| format!("{:?}", t.as_deref().unwrap_or(""))).collect::<Vec<_>>().join(", ")
                    };
                    let _ = writeln!(out, "    pub const {name}: Plural = Plural([[{}], [{}]]);", forms(a), forms(b));
                }
                _ => unreachable!("compare() stops the build first"),
            }
        }
        out.push_str("}\n");
    }
    out
}

/// Stops the build with `message`.
fn fail(message: &str) -> ! {
    println!("cargo::error={message}");
    std::process::exit(1);
}
