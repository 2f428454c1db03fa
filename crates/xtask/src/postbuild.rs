//! `cargo xtask postbuild [DIR]`: trunk's post_build hook (DIR defaults to `$TRUNK_STAGING_DIR`). In order:
//! names the app's modules' folder by its content hash and links them from index.html with a start-up
//! script in a file of its own (see [`link_wasm`]), copies index.html to 404.html for static hosts, writes
//! the service worker with the build's file list, and writes a brotli and a gzip copy beside every compressible file, so servers and CDNs send the smallest
//! encoding without compressing anything per request.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cmd::{Error, io};
use crate::precache;

/// Runs every post-build step on `DIR`.
pub fn run(args: &[String]) -> Result<(), Error> {
    let dir: PathBuf = match args.first() {
        Some(d) => d.into(),
        None => std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or_else(|| Error::Usage("postbuild needs a directory (or TRUNK_STAGING_DIR)".into()))?
            .into(),
    };
    link_wasm(&dir)?;
    // Static hosts answer an unknown path with 404.html: the app, which shows its not-found page.
    fs::copy(dir.join("index.html"), dir.join("404.html")).map_err(io("writing 404.html".into()))?;
    precache::write(&dir)?;
    // Brotli's best quality takes about 20 s for the wasm: worth it for what learners download, not for
    // `trunk serve`'s debug builds.
    if !crate::wasm::release() {
        return Ok(());
    }
    let written = compress_all(&dir)?;
    println!("xtask: wrote {written} precompressed files (.br, .gz)");
    Ok(())
}

/// The folder index.html copies the app's modules into (`rel="copy-dir"`); renamed with its content hash.
const WASM_DIR: &str = "wasm";

/// Gives the app's modules (`wasm/`, from `cargo xtask wasm`) a folder named by their content hash, writes
/// the start-up script (a file, so the Content-Security-Policy needs no hash for it) and links both from
/// index.html with preloads, so the glue, the split loader and the main module download in parallel.
pub fn link_wasm(dir: &Path) -> Result<(), Error> {
    let modules = dir.join(WASM_DIR);
    if !modules.is_dir() {
        return Err(Error::Setup(format!(
            "{}: no {WASM_DIR}/ folder; index.html must copy {} into it",
            dir.display(),
            crate::wasm::OUT
        )));
    }
    let hash = precache::hash_files(&modules, &precache::files(&modules)?)?;
    let folder = format!("{WASM_DIR}-{hash:016x}");
    fs::rename(&modules, dir.join(&folder)).map_err(io(format!("renaming {WASM_DIR}/ to {folder}/")))?;
    let (glue, main, loader) = (crate::wasm::GLUE, crate::wasm::MAIN_WASM, crate::wasm::LOADER);
    let script = format!(
        "// Starts Klava: the JS glue and the main module (pages marked lazy are fetched when first opened).\n\
         import init from \"./{folder}/{glue}\";\n\
         await init({{ module_or_path: new URL(\"./{folder}/{main}\", import.meta.url) }});\n"
    );
    let name = format!("klava-start-{:016x}.js", precache::fnv(precache::FNV_SEED, script.as_bytes()));
    fs::write(dir.join(&name), &script).map_err(io(format!("writing {name}")))?;
    let tags = format!(
        "<script type=\"module\" src=\"./{name}\"></script>\n    \
         <link rel=\"modulepreload\" href=\"./{folder}/{glue}\">\n    \
         <link rel=\"modulepreload\" href=\"./{folder}/{loader}\">\n    \
         <link rel=\"preload\" href=\"./{folder}/{main}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n"
    );
    let path = dir.join("index.html");
    let html = fs::read_to_string(&path).map_err(io(format!("reading {}", path.display())))?;
    let at = html.find("</head>").ok_or_else(|| Error::Setup("index.html has no </head>".into()))?;
    let out = format!("{}{tags}{}", &html[..at], &html[at..]);
    fs::write(&path, out).map_err(io(format!("writing {}", path.display())))
}

/// Extensions worth compressing (woff2 and png are compressed already).
const COMPRESSIBLE: &[&str] = &["html", "js", "wasm", "css", "svg", "json", "webmanifest", "txt", "tsv"];

/// Writes `NAME.br` and `NAME.gz` beside every compressible file of at least 256 bytes under `dir`, and
/// returns how many files it wrote.
pub fn compress_all(dir: &Path) -> Result<usize, Error> {
    let mut written = 0;
    for rel in precache::files(dir)? {
        let ext = rel.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let path = dir.join(&rel);
        let bytes = fs::read(&path).map_err(io(format!("reading {rel}")))?;
        if bytes.len() < 256 {
            continue;
        }
        fs::write(dir.join(format!("{rel}.br")), brotli_bytes(&bytes)).map_err(io(format!("writing {rel}.br")))?;
        fs::write(dir.join(format!("{rel}.gz")), gzip_bytes(&bytes)).map_err(io(format!("writing {rel}.gz")))?;
        written += 2;
    }
    Ok(written)
}

/// Brotli at its best quality (11) and a 4 MiB window, as a CDN's precompression would.
pub fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("compressing into memory cannot fail");
    out
}

/// gzip at level 9.
pub fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("compressing into memory cannot fail");
    enc.finish().expect("compressing into memory cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("klava-postbuild-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_modules_get_a_hashed_folder_and_a_start_up_script() {
        let dir = temp("wasm");
        fs::create_dir_all(dir.join("wasm")).unwrap();
        fs::write(dir.join("wasm/klava-app.js"), "glue").unwrap();
        fs::write(dir.join("wasm/klava-app_bg.wasm"), "main").unwrap();
        fs::write(dir.join("index.html"), "<head><script>early()</script></head><body></body>").unwrap();
        link_wasm(&dir).unwrap();
        let html = fs::read_to_string(dir.join("index.html")).unwrap();
        let folder = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .find(|n| n.starts_with("wasm-"))
            .unwrap();
        assert_eq!(folder.len(), "wasm-".len() + 16);
        assert_eq!(fs::read_to_string(dir.join(&folder).join("klava-app_bg.wasm")).unwrap(), "main");
        let start = html.split("src=\"./").nth(1).unwrap().split('"').next().unwrap();
        let script = fs::read_to_string(dir.join(start)).unwrap();
        assert!(script.contains(&format!("import init from \"./{folder}/klava-app.js\"")), "{script}");
        assert!(html.contains(&format!("<link rel=\"preload\" href=\"./{folder}/klava-app_bg.wasm\"")), "{html}");
        assert!(
            html.ends_with("</head><body></body>")
                && html.starts_with("<head><script>early()</script><script type=\"module\"")
        );
        // Other modules, another folder.
        let again = temp("wasm2");
        fs::create_dir_all(again.join("wasm")).unwrap();
        fs::write(again.join("wasm/klava-app.js"), "glue 2").unwrap();
        fs::write(again.join("index.html"), "<head></head>").unwrap();
        link_wasm(&again).unwrap();
        assert!(!again.join(&folder).exists());
        // A build without the modules is refused.
        let none = temp("none");
        fs::write(none.join("index.html"), "<head></head>").unwrap();
        assert!(link_wasm(&none).unwrap_err().to_string().contains("no wasm/ folder"));
        for d in [dir, again, none] {
            fs::remove_dir_all(d).unwrap();
        }
    }

    #[test]
    fn compressed_copies_decode_to_the_original() {
        let dir = temp("compress");
        let text = "klava ".repeat(500);
        fs::write(dir.join("app.js"), &text).unwrap();
        fs::write(dir.join("tiny.css"), "a{}").unwrap();
        fs::write(dir.join("font.woff2"), text.as_bytes()).unwrap();
        assert_eq!(compress_all(&dir).unwrap(), 2);
        let mut back = String::new();
        brotli::Decompressor::new(&fs::read(dir.join("app.js.br")).unwrap()[..], 4096)
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
        back.clear();
        flate2::read::GzDecoder::new(&fs::read(dir.join("app.js.gz")).unwrap()[..]).read_to_string(&mut back).unwrap();
        assert_eq!(back, text);
        assert!(!dir.join("tiny.css.br").exists() && !dir.join("font.woff2.br").exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
