//! The service worker of a trunk build (a step of `cargo xtask postbuild`, trunk's post_build hook). It
//! lists every file trunk produced, hashes their contents into a version, and fills both into `assets/sw.js`, so the precache list always matches the build and any
//! change to any file is a new version the browser detects.

use std::fs;
use std::path::Path;

use crate::cmd::{Error, io};

const TEMPLATE: &str = include_str!("../../../assets/sw.js");
const OUTPUT: &str = "sw.js";

/// Files left out of the precache: fetched only when a learner needs them (the dyslexia-friendly font,
/// a language's word lists), or never by the app (licence texts; 404.html, a copy of index.html for
/// static hosts). The worker keeps the first ones the first time they are fetched.
const ON_DEMAND: &[&str] = &["fonts/andika-", "fonts/jetbrains-mono-OFL", "404.html", "lessons/"];

/// Files under `dir`, as `/`-separated paths relative to it, sorted.
pub fn files(dir: &Path) -> Result<Vec<String>, Error> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), Error> {
        for entry in fs::read_dir(dir).map_err(io(format!("reading {}", dir.display())))? {
            let entry = entry.map_err(io(format!("reading {}", dir.display())))?;
            let path = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{path}/"), out)?;
            } else {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort();
    Ok(out)
}

/// One hash of `paths` under `dir`, names and contents: any change to any of them changes it.
pub fn hash_files(dir: &Path, paths: &[String]) -> Result<u64, Error> {
    let mut hash = FNV_SEED;
    for path in paths {
        hash = fnv(hash, path.as_bytes());
        hash = fnv(hash, &fs::read(dir.join(path)).map_err(io(format!("reading {path}")))?);
    }
    Ok(hash)
}

/// FNV-1a's offset basis.
pub const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: enough to tell builds apart (not a security boundary).
pub fn fnv(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3))
}

/// Writes `DIR/sw.js`. Precompressed copies (`.br`, `.gz`) are not listed: they are the same files.
pub fn write(dir: &Path) -> Result<(), Error> {
    let mut list = files(dir)?;
    list.retain(|p| p != OUTPUT && !p.ends_with(".br") && !p.ends_with(".gz"));
    // The version covers the files kept on demand too: a changed word list is a new version, whose worker
    // empties the old cache.
    let hash = hash_files(dir, &list)?;
    list.retain(|p| !ON_DEMAND.iter().any(|d| p.starts_with(d)));
    // index.html is also fetched as "./" by a first visit; both are cached.
    let entries: Vec<String> = std::iter::once("./".to_owned()).chain(list.iter().map(|p| format!("./{p}"))).collect();
    let json = format!("[{}]", entries.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join(", "));
    let sw = TEMPLATE.replace("__KLAVA_VERSION__", &format!("{hash:016x}")).replace("__KLAVA_PRECACHE__", &json);
    fs::write(dir.join(OUTPUT), sw).map_err(io(format!("writing {OUTPUT}")))?;
    println!("xtask: service worker precaches {} files (version {hash:016x})", entries.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_build_and_changes_version_with_any_file() {
        let dir = std::env::temp_dir().join(format!("klava-precache-{}", std::process::id()));
        fs::create_dir_all(dir.join("icons")).unwrap();
        fs::write(dir.join("index.html"), "<html>").unwrap();
        fs::write(dir.join("app-1a2b.wasm"), [0u8, 97, 115, 109]).unwrap();
        fs::write(dir.join("icons/icon.svg"), "<svg/>").unwrap();
        fs::write(dir.join("index.html.br"), "x").unwrap();
        fs::create_dir_all(dir.join("fonts")).unwrap();
        fs::write(dir.join("fonts/andika-latin-400-normal.woff2"), "x").unwrap();
        write(&dir).unwrap();
        let first = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(
            first.contains(r#"const PRECACHE = ["./", "./app-1a2b.wasm", "./icons/icon.svg", "./index.html"];"#),
            "{first}"
        );
        assert!(!first.contains("__KLAVA"));
        fs::write(dir.join("index.html"), "<html> ").unwrap();
        write(&dir).unwrap();
        let second = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert_ne!(first.lines().find(|l| l.contains("VERSION =")), second.lines().find(|l| l.contains("VERSION =")));
        fs::remove_dir_all(&dir).unwrap();
    }
}
