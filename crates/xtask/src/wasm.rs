//! `cargo xtask wasm`: trunk's pre_build hook. Builds the app's wasm and splits it by page: the pages the
//! app marks `#[lazy]` (Leptos, `app/src/pages/lazy.rs`) go into their own modules, fetched the first time
//! one is opened, so the first visit downloads only the shell, the home and the test page. trunk cannot
//! split a module (it runs wasm-bindgen itself, after which the split is impossible), so this step does
//! what cargo-leptos does: cargo build (the linker keeps relocations, `.cargo/config.toml`), the splitter
//! of `wasm_split_cli_support`, wasm-bindgen on the main module, wasm-opt on every module. The result goes
//! to `target/klava-wasm/pkg`, which index.html copies into the build; `cargo xtask postbuild` gives the
//! folder its content hash and writes the start-up script.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd::{self, Error, Result, command, io, root, target_dir};

/// Where the split, bound and optimised modules are left for trunk to copy (relative to the root).
pub const OUT: &str = "target/klava-wasm/pkg";
/// The JS glue's name; the split loader imports it by this name.
pub const GLUE: &str = "klava-app.js";
/// The main module's name, beside the glue.
pub const MAIN_WASM: &str = "klava-app_bg.wasm";
/// The split loader's name; the glue imports it by this name.
pub const LOADER: &str = "__wasm_split.js";

/// The wasm features rustc emits by default, which wasm-opt must be told to keep.
const FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Whether this is a release build: trunk's hooks say so in `TRUNK_PROFILE`; run by hand, it is.
pub fn release() -> bool {
    std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release")
}

/// `cargo args` for the wasm32 target with the flags every wasm build and check shares (one cache):
/// relocations kept for splitting, the target directory's path written as `/target`, and each of cargo's
/// registry source folders as `/crates`. Without the remappings, the path of the generated messages
/// (`OUT_DIR`) and the builder's home and registry folders (in the file names of dependencies' panic
/// locations) sit in the download, and a clone in another directory or another `CARGO_HOME` shifts the
/// data section and changes the brotli size.
pub fn cargo_wasm32(args: &[&str]) -> std::process::Command {
    let mut c = command("cargo", args);
    let mut flags =
        vec!["-Clink-args=--emit-relocs".to_owned(), format!("--remap-path-prefix={}=/target", target_dir().display())];
    let registry = cmd::cargo_home().join("registry/src");
    let mut sources: Vec<PathBuf> =
        fs::read_dir(&registry).into_iter().flatten().filter_map(|e| Some(e.ok()?.path())).collect();
    // The same flags in the same order for the check and the build, or they would not share a cache.
    sources.sort();
    flags.extend(sources.iter().map(|dir| format!("--remap-path-prefix={}=/crates", dir.display())));
    c.env("CARGO_ENCODED_RUSTFLAGS", flags.join("\u{1f}"));
    c
}

/// Builds the app's modules into [`OUT`]: optimised for size unless trunk builds for debugging.
pub fn run() -> Result {
    let release = release();
    let profile = if release { "release" } else { "debug" };
    let mut args = vec!["build", "-p", "klava-app", "--target", "wasm32-unknown-unknown"];
    if release {
        args.push("--release");
    }
    cmd::run(&mut cargo_wasm32(&args))?;
    let target = target_dir();
    let linked = target.join("wasm32-unknown-unknown").join(profile).join("klava-app.wasm");
    let work = root().join("target/klava-wasm");
    let split = work.join("split");
    let out = root().join(OUT);
    for dir in [&split, &out] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(io(format!("clearing {}", dir.display())))?;
        }
        fs::create_dir_all(dir).map_err(io(format!("creating {}", dir.display())))?;
    }
    let chunks = split_modules(&linked, &split)?;
    let main = split.join("main.wasm");
    let main_arg = main.display().to_string();
    let out_arg = out.display().to_string();
    let stem = GLUE.trim_end_matches(".js");
    cmd::run(&mut command(
        "wasm-bindgen",
        &[
            &main_arg,
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-typescript",
            "--out-name",
            stem,
            "--out-dir",
            &out_arg,
        ],
    ))?;
    for file in chunks.iter().chain(std::iter::once(&split.join(LOADER))) {
        let name = file.file_name().expect("a split module has a file name");
        fs::copy(file, out.join(name)).map_err(io(format!("copying {}", file.display())))?;
    }
    if release {
        for entry in fs::read_dir(&out).map_err(io(format!("reading {}", out.display())))? {
            let path = entry.map_err(io(format!("reading {}", out.display())))?.path();
            if path.extension().is_some_and(|e| e == "wasm") {
                let p = path.display().to_string();
                let mut args = vec!["-Oz", &p, "-o", &p];
                args.extend(FEATURES);
                cmd::run(&mut command("wasm-opt", &args))?;
            }
        }
    }
    println!("xtask: the app in {} modules ({} split off) in {OUT}", chunks.len() + 1, chunks.len());
    Ok(())
}

/// Splits the linked module at its `#[lazy]` functions: `dir/main.wasm` for wasm-bindgen, the split-off
/// modules (returned) and the loader that fetches them.
fn split_modules(linked: &Path, dir: &Path) -> Result<Vec<PathBuf>> {
    let input = fs::read(linked).map_err(io(format!("reading {}", linked.display())))?;
    let main = dir.join("main.wasm");
    let (glue, loader) = (format!("./{GLUE}"), format!("./{LOADER}"));
    let mut opts = wasm_split_cli_support::Options::new(&input);
    opts.output_dir = dir;
    opts.main_out_path = &main;
    opts.main_module = &glue;
    opts.link_name = &loader;
    let split = wasm_split_cli_support::transform(opts)
        .map_err(|e| Error::Setup(format!("splitting {}: {e:#}", linked.display())))?;
    Ok(split.split_modules)
}
