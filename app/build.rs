//! Compiles the interface messages (`locales/en.json`, `locales/ru.json`) into the `i18n` module with
//! leptos_i18n's own parser and code generator (what its `load_locales!` macro does, with display
//! interpolation on, so messages with values can also be plain strings for attributes). Any diagnostic —
//! a message in one language and not the other, a plural form or a value one language lacks — fails the
//! build. Nothing is downloaded: this reads two local files.

use std::path::PathBuf;

use leptos_i18n_parser::parse_locales::options::{Config, ParseOptions};
use leptos_i18n_parser::parse_locales::parse_locales;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    let cfg = Config::new("en")
        .and_then(|c| c.add_locale("ru"))
        .expect("en and ru are valid locales")
        .parse_options(ParseOptions::new().interpolate_display(true));
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let parsed = match parse_locales(Some(manifest), cfg) {
        Ok(p) => p,
        Err(e) => fail(&format!("the interface messages cannot be read: {e}")),
    };
    let problems: Vec<String> = parsed
        .diag
        .errors()
        .iter()
        .map(ToString::to_string)
        .chain(parsed.diag.warnings().iter().map(ToString::to_string))
        .collect();
    if !problems.is_empty() {
        fail(&problems.join("; "));
    }
    let code = match leptos_i18n_codegen::gen_code(&parsed, None, false, None, false) {
        Ok(c) => c,
        Err(e) => fail(&format!("the interface messages cannot be compiled: {e}")),
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n.rs");
    if let Err(e) = std::fs::write(&out, code.to_string()) {
        fail(&format!("cannot write {}: {e}", out.display()));
    }
}

/// Stops the build with `message`.
fn fail(message: &str) -> ! {
    println!("cargo::error={message}");
    std::process::exit(1);
}
