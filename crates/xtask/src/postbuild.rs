//! `cargo xtask postbuild [DIR]`: trunk's post_build hook (DIR defaults to `$TRUNK_STAGING_DIR`). In order:
//! moves trunk's inline start-up script into a content-hashed file (so the Content-Security-Policy needs
//! no hash that changes with every build), copies index.html to 404.html for static hosts, writes the service worker with the build's file list, and
//! writes a brotli and a gzip copy beside every compressible file, so servers and CDNs send the smallest
//! encoding without compressing anything per request.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cmd::Error;
use crate::precache;

fn io(what: String) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::Io { what, source }
}

/// Runs every post-build step on `DIR`.
pub fn run(args: &[String]) -> Result<(), Error> {
    let dir: PathBuf = match args.first() {
        Some(d) => d.into(),
        None => std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or_else(|| Error::Usage("postbuild needs a directory (or TRUNK_STAGING_DIR)".into()))?
            .into(),
    };
    externalize_loader(&dir)?;
    // Static hosts answer an unknown path with 404.html: the app, which shows its not-found page.
    fs::copy(dir.join("index.html"), dir.join("404.html")).map_err(io("writing 404.html".into()))?;
    precache::write(&dir)?;
    // Brotli's best quality takes about 20 s for the wasm: worth it for what learners download, not for
    // `trunk serve`'s debug builds.
    if std::env::var("TRUNK_PROFILE").is_ok_and(|p| p != "release") {
        return Ok(());
    }
    let written = compress_all(&dir)?;
    println!("xtask: wrote {written} precompressed files (.br, .gz)");
    Ok(())
}

/// The file name the start-up script gets: its content's hash, like trunk's own files.
fn loader_name(script: &str) -> String {
    format!("klava-start-{:016x}.js", precache::fnv(precache::FNV_SEED, script.as_bytes()))
}

/// Moves the inline `<script type="module">` trunk writes (it imports the JS glue and starts the wasm)
/// into its own file, referenced by `src`. An index.html without one is left as it is.
pub fn externalize_loader(dir: &Path) -> Result<(), Error> {
    let path = dir.join("index.html");
    let html = fs::read_to_string(&path).map_err(io(format!("reading {}", path.display())))?;
    let open = "<script type=\"module\">";
    let Some(start) = html.find(open) else {
        return Ok(());
    };
    let body_start = start + open.len();
    let end = html[body_start..]
        .find("</script>")
        .map(|i| body_start + i)
        .ok_or_else(|| Error::Setup("index.html: trunk's start-up script is not closed".into()))?;
    let script = html[body_start..end].trim().to_owned() + "\n";
    let name = loader_name(&script);
    fs::write(dir.join(&name), &script).map_err(io(format!("writing {name}")))?;
    let tag = format!("<script type=\"module\" src=\"/{name}\"></script>");
    let out = format!("{}{tag}{}", &html[..start], &html[end + "</script>".len()..]);
    fs::write(&path, out).map_err(io(format!("writing {}", path.display())))
}

/// Extensions worth compressing (woff2 and png are compressed already).
const COMPRESSIBLE: &[&str] = &["html", "js", "wasm", "css", "svg", "json", "webmanifest", "txt"];

/// Writes `NAME.br` and `NAME.gz` beside every compressible file of at least 256 bytes under `dir`, and
/// returns how many files it wrote.
pub fn compress_all(dir: &Path) -> Result<usize, Error> {
    let mut files = Vec::new();
    precache::files(dir, "", &mut files)?;
    let mut written = 0;
    for rel in files {
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
    fn moves_the_start_up_script_into_a_hashed_file() {
        let dir = temp("loader");
        let page = "<head><script>theme()</script>\n<script type=\"module\">\nimport init from '/a-1.js';\nawait init();\n</script><link rel=\"x\"></head>";
        fs::write(dir.join("index.html"), page).unwrap();
        externalize_loader(&dir).unwrap();
        let html = fs::read_to_string(dir.join("index.html")).unwrap();
        let name = loader_name("import init from '/a-1.js';\nawait init();\n");
        assert_eq!(
            html,
            format!(
                "<head><script>theme()</script>\n<script type=\"module\" src=\"/{name}\"></script><link rel=\"x\"></head>"
            )
        );
        assert_eq!(fs::read_to_string(dir.join(&name)).unwrap(), "import init from '/a-1.js';\nawait init();\n");
        // A second run finds nothing inline and changes nothing.
        externalize_loader(&dir).unwrap();
        assert_eq!(fs::read_to_string(dir.join("index.html")).unwrap(), html);
        fs::remove_dir_all(&dir).unwrap();
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
