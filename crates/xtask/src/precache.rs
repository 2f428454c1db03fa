//! `cargo xtask precache [DIR]`: writes the service worker into a trunk build (a post_build hook; DIR
//! defaults to `$TRUNK_STAGING_DIR`). It lists every file trunk produced, hashes their contents into a
//! version, and fills both into `assets/sw.js`, so the precache list always matches the build and any
//! change to any file is a new version the browser detects.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd::Error;

const TEMPLATE: &str = include_str!("../../../assets/sw.js");
const OUTPUT: &str = "sw.js";

fn io(what: String) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::Io { what, source }
}

/// Files under `dir`, as `/`-separated paths relative to it, sorted.
fn files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), Error> {
    for entry in fs::read_dir(dir).map_err(io(format!("reading {}", dir.display())))? {
        let entry = entry.map_err(io(format!("reading {}", dir.display())))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{prefix}{name}");
        if entry.path().is_dir() {
            files(&entry.path(), &format!("{path}/"), out)?;
        } else if path != OUTPUT {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

/// FNV-1a, 64 bits: enough to tell builds apart (not a security boundary).
fn fnv(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3))
}

/// Writes `DIR/sw.js`.
pub fn run(args: &[String]) -> Result<(), Error> {
    let dir: PathBuf = match args.first() {
        Some(d) => d.into(),
        None => std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or_else(|| Error::Usage("precache needs a directory (or TRUNK_STAGING_DIR)".into()))?
            .into(),
    };
    let mut list = Vec::new();
    files(&dir, "", &mut list)?;
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for path in &list {
        hash = fnv(hash, path.as_bytes());
        hash = fnv(hash, &fs::read(dir.join(path)).map_err(io(format!("reading {path}")))?);
    }
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
        run(&[dir.display().to_string()]).unwrap();
        let first = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(
            first.contains(r#"const PRECACHE = ["./", "./app-1a2b.wasm", "./icons/icon.svg", "./index.html"];"#),
            "{first}"
        );
        assert!(!first.contains("__KLAVA"));
        fs::write(dir.join("index.html"), "<html> ").unwrap();
        run(&[dir.display().to_string()]).unwrap();
        let second = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert_ne!(first.lines().find(|l| l.contains("VERSION =")), second.lines().find(|l| l.contains("VERSION =")));
        fs::remove_dir_all(&dir).unwrap();
    }
}
