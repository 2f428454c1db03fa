//! The size budget: what a learner's first visit downloads (brotli, as served), checked against
//! `tests/size-budget.json` after the release build. The first visit is what `index.html` loads before the
//! app can start: itself, its scripts, module preloads, preloads and stylesheets. Fonts load later and
//! only for the characters on screen; they are listed, not budgeted.

use std::fs;
use std::path::Path;

use crate::cmd::{Error, Result, io, root};
use crate::postbuild::brotli_bytes;

/// The budget file, relative to the workspace root.
pub const BUDGET_FILE: &str = "tests/size-budget.json";

/// One file of the first visit and its size as sent.
#[derive(Debug, PartialEq, Eq)]
pub struct Sized {
    pub path: String,
    pub brotli: u64,
}

/// The files `html` loads before the app starts, in page order: `src` of scripts, `href` of module
/// preloads, preloads and stylesheets. Paths are relative to the site root.
pub fn first_visit(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        let attr = |name: &str| {
            let key = format!(" {name}=\"");
            tag.find(&key).map(|i| &tag[i + key.len()..]).and_then(|v| v.split('"').next())
        };
        let wanted = if tag.starts_with("script") {
            attr("src")
        } else if tag.starts_with("link") && matches!(attr("rel"), Some("modulepreload" | "preload" | "stylesheet")) {
            attr("href")
        } else {
            None
        };
        if let Some(path) = wanted {
            let path = path.trim_start_matches("./").trim_start_matches('/').to_owned();
            if !out.contains(&path) {
                out.push(path);
            }
        }
    }
    out
}

/// A file's brotli size: its precompressed copy when the build has one, else compressed here.
fn brotli_size(dist: &Path, path: &str) -> Result<u64> {
    let br = dist.join(format!("{path}.br"));
    if br.is_file() {
        return Ok(fs::metadata(&br).map_err(io(format!("reading {}", br.display())))?.len());
    }
    let bytes = fs::read(dist.join(path)).map_err(io(format!("reading {path} (named by index.html)")))?;
    Ok(brotli_bytes(&bytes).len() as u64)
}

/// The budget: bytes of brotli for JS + wasm, and for everything the first visit loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub js_wasm: u64,
    pub total: u64,
}

impl Budget {
    fn parse(text: &str) -> Result<Self> {
        let bad = |why: String| Error::Setup(format!("{BUDGET_FILE}: {why}"));
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        let field = |name: &str| {
            v.get(name)
                .and_then(serde_json::Value::as_u64)
                .ok_or_else(|| bad(format!("needs `{name}`, a whole number of bytes")))
        };
        Ok(Self { js_wasm: field("js_wasm_brotli_bytes")?, total: field("first_visit_brotli_bytes")? })
    }
}

/// Checks the build in `dist` against `budget`; the error names every file and its size.
pub fn check(dist: &Path, budget: Budget) -> Result {
    let html =
        fs::read_to_string(dist.join("index.html")).map_err(io(format!("reading {}/index.html", dist.display())))?;
    let mut files = vec![Sized { path: "index.html".into(), brotli: brotli_size(dist, "index.html")? }];
    for path in first_visit(&html) {
        files.push(Sized { brotli: brotli_size(dist, &path)?, path });
    }
    let is_code = |f: &&Sized| f.path.ends_with(".js") || f.path.ends_with(".wasm");
    let code: u64 = files.iter().filter(is_code).map(|f| f.brotli).sum();
    let total: u64 = files.iter().map(|f| f.brotli).sum();
    let mut report = String::new();
    for f in &files {
        report.push_str(&format!("  {:>9} B  {}\n", f.brotli, f.path));
    }
    report.push_str(&format!(
        "  JS + wasm {code} B of {} B budgeted; first visit {total} B of {} B (brotli)",
        budget.js_wasm, budget.total
    ));
    println!("first visit (brotli):\n{report}");
    if code > budget.js_wasm || total > budget.total {
        return Err(Error::Setup(format!(
            "the first visit is over the size budget in {BUDGET_FILE}:\n{report}\nMake it smaller (BENCHMARKS.md \
             says where the weight is), or, if the growth is worth it, raise the budget in the same change."
        )));
    }
    Ok(())
}

/// `cargo xtask test`'s step: the release build in dist/ against the budget file.
pub fn check_release_build() -> Result {
    let text = fs::read_to_string(root().join(BUDGET_FILE)).map_err(io(format!("reading {BUDGET_FILE}")))?;
    check(&root().join("dist"), Budget::parse(&text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<head><script>early()</script><script type="module" src="/klava-start-1.js"></script>
<link rel="stylesheet" href="/style-2.css" integrity="x"/><link rel="icon" href="/favicon.svg">
<link rel="manifest" href="manifest.webmanifest"><link rel="modulepreload" href="/klava-app-3.js" crossorigin="anonymous">
<link rel="preload" href="/klava-app-3_bg.wasm" as="fetch"></head>"#;

    #[test]
    fn the_first_visit_is_what_index_html_loads_before_the_app_starts() {
        assert_eq!(first_visit(PAGE), ["klava-start-1.js", "style-2.css", "klava-app-3.js", "klava-app-3_bg.wasm"]);
    }

    fn dist(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("klava-size-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), PAGE).unwrap();
        for (file, bytes) in
            [("klava-start-1.js", 10), ("style-2.css", 100), ("klava-app-3.js", 1000), ("klava-app-3_bg.wasm", 5000)]
        {
            fs::write(dir.join(file), "x").unwrap();
            fs::write(dir.join(format!("{file}.br")), vec![0u8; bytes]).unwrap();
        }
        dir
    }

    #[test]
    fn over_the_budget_fails_naming_each_file_and_its_size() {
        let dir = dist("over");
        let html = brotli_bytes(PAGE.as_bytes()).len() as u64;
        assert!(check(&dir, Budget { js_wasm: 6010, total: 6110 + html }).is_ok());
        let err = check(&dir, Budget { js_wasm: 6009, total: 100_000 }).unwrap_err().to_string();
        assert!(err.contains("5000 B  klava-app-3_bg.wasm") && err.contains("JS + wasm 6010 B of 6009 B"), "{err}");
        assert!(check(&dir, Budget { js_wasm: 6010, total: 6109 + html }).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_budget_file_is_read_or_refused_with_a_reason() {
        let b = Budget::parse(r#"{"js_wasm_brotli_bytes": 5, "first_visit_brotli_bytes": 9}"#).unwrap();
        assert_eq!(b, Budget { js_wasm: 5, total: 9 });
        let err = Budget::parse(r#"{"js_wasm_brotli_bytes": "big"}"#).unwrap_err().to_string();
        assert!(err.contains("js_wasm_brotli_bytes"), "{err}");
        let real = fs::read_to_string(root().join(BUDGET_FILE)).unwrap();
        Budget::parse(&real).unwrap();
    }
}
