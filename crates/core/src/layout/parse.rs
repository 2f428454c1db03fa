//! Parsing and validating layout and geometry files (formats described at the top of each file in
//! `lessons/layouts/`). Every error names the file, the line and the reason.

use std::collections::BTreeMap;
use std::fmt;

use super::{Geometry, GeometryKey, Layout, Level, Output};
use crate::fingers::Finger;

/// A problem in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for ParseError {}

fn err(file: &str, line: usize, reason: impl Into<String>) -> ParseError {
    ParseError { file: file.to_owned(), line, reason: reason.into() }
}

/// Lines that carry content, numbered from 1, without comments and blank lines.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with("# ") && *l != "#")
}

fn finger(token: &str) -> Option<Finger> {
    Some(match token {
        "LP" => Finger::LeftPinky,
        "LR" => Finger::LeftRing,
        "LM" => Finger::LeftMiddle,
        "LI" => Finger::LeftIndex,
        "TH" => Finger::Thumb,
        "RI" => Finger::RightIndex,
        "RM" => Finger::RightMiddle,
        "RR" => Finger::RightRing,
        "RP" => Finger::RightPinky,
        _ => return None,
    })
}

/// Parses a geometry file: `row code width finger [home|bump]` per key; code `.` with finger `-` is a gap.
pub fn parse_geometry(file: &str, text: &str) -> Result<Geometry, ParseError> {
    let mut keys: Vec<GeometryKey> = Vec::new();
    for (n, line) in content_lines(text) {
        let t: Vec<&str> = line.split_whitespace().collect();
        let [row, code, width, fing, rest @ ..] = t.as_slice() else {
            return Err(err(file, n, "expected: row code width finger [home|bump]"));
        };
        let row: usize = row.parse().map_err(|_| err(file, n, format!("row {row:?} is not a number")))?;
        let width: f32 = width
            .parse()
            .ok()
            .filter(|w: &f32| *w > 0.0 && *w <= 10.0)
            .ok_or_else(|| err(file, n, format!("width {width:?} is not a key width")))?;
        let (finger, code) = if *code == "." {
            if *fing != "-" {
                return Err(err(file, n, "a gap (code \".\") has finger \"-\""));
            }
            (None, None)
        } else {
            let f = finger(fing)
                .ok_or_else(|| err(file, n, format!("unknown finger {fing:?} (use LP LR LM LI TH RI RM RR RP)")))?;
            if keys.iter().any(|k| k.code.as_deref() == Some(*code)) {
                return Err(err(file, n, format!("duplicate key code {code}")));
            }
            (Some(f), Some((*code).to_owned()))
        };
        let (home, bump) = match rest {
            [] => (false, false),
            ["home"] => (true, false),
            ["bump"] => (true, true),
            other => {
                return Err(err(
                    file,
                    n,
                    format!("unexpected {:?} after the finger (use home or bump)", other.join(" ")),
                ));
            }
        };
        keys.push(GeometryKey { row, code, width, finger, home, bump });
    }
    if keys.iter().filter(|k| k.bump).count() != 2 {
        return Err(err(file, 0, "exactly two keys need a bump (F and J on QWERTY)"));
    }
    Ok(Geometry { keys })
}

fn output(token: &str) -> Result<Option<Output>, String> {
    if token == "none" {
        return Ok(None);
    }
    if let Some(accent) = token.strip_prefix("dead:") {
        let mut c = accent.chars();
        return match (c.next(), c.next()) {
            (Some(a), None) => Ok(Some(Output::Dead(a))),
            _ => Err(format!("{token:?}: a dead key names one accent character")),
        };
    }
    let mut c = token.chars();
    match (c.next(), c.next()) {
        (Some(ch), None) if !ch.is_control() => Ok(Some(Output::Char(ch))),
        _ => Err(format!("{token:?} is not one character, \"none\" or \"dead:X\"")),
    }
}

/// The header fields of a layout file.
const FIELDS: [&str; 4] = ["id", "name", "language", "geometry"];

/// Parses a layout file against the geometries by name (`ansi`, `iso`).
pub fn parse_layout(file: &str, text: &str, geometries: &BTreeMap<String, Geometry>) -> Result<Layout, ParseError> {
    let mut meta: BTreeMap<&str, &str> = BTreeMap::new();
    let mut keys: BTreeMap<String, [Option<Output>; 4]> = BTreeMap::new();
    let mut geometry: Option<&Geometry> = None;
    for (n, line) in content_lines(text) {
        let first = line.split_whitespace().next().unwrap_or_default();
        if let Some(k) = first.strip_suffix(':').filter(|k| k.chars().all(|c| c.is_ascii_lowercase())) {
            if !FIELDS.contains(&k) {
                return Err(err(file, n, format!("unknown field {k:?} (fields: {})", FIELDS.join(", "))));
            }
            let v = line[first.len()..].trim();
            if k == "geometry" {
                geometry = Some(geometries.get(v).ok_or_else(|| err(file, n, format!("unknown geometry {v:?}")))?);
            }
            meta.insert(k, v);
            continue;
        }
        let g = geometry.ok_or_else(|| err(file, n, "\"geometry:\" must come before the keys"))?;
        let t: Vec<&str> = line.split_whitespace().collect();
        let (code, levels) = t.split_first().expect("a content line has a token");
        if !g.keys.iter().any(|k| k.code.as_deref() == Some(*code)) {
            return Err(err(file, n, format!("key code {code} is not on this geometry")));
        }
        if *code == "Space" {
            return Err(err(file, n, "Space is not listed: it types a space on every layout"));
        }
        if keys.contains_key(*code) {
            return Err(err(file, n, format!("duplicate key code {code}")));
        }
        if levels.len() < 2 {
            return Err(err(file, n, format!("key {code} is missing its Shift level (write \"none\" for nothing)")));
        }
        if levels.len() > 4 {
            return Err(err(file, n, format!("key {code} has more than four levels")));
        }
        let mut out: [Option<Output>; 4] = [None; 4];
        for (i, tok) in levels.iter().enumerate() {
            out[i] = output(tok).map_err(|r| err(file, n, r))?;
        }
        keys.insert((*code).to_owned(), out);
    }
    let field = |k: &str| meta.get(k).map(|v| (*v).to_owned()).ok_or_else(|| err(file, 0, format!("missing \"{k}:\"")));
    let layout = Layout {
        id: field("id")?,
        name: field("name")?,
        language: field("language")?,
        geometry: geometry.cloned().ok_or_else(|| err(file, 0, "missing \"geometry:\""))?,
        geometry_name: field("geometry")?,
        keys,
    };
    check_duplicates(file, &layout)?;
    Ok(layout)
}

/// No character may be typed by two keys on the same level (the lookup from characters would be
/// ambiguous).
fn check_duplicates(file: &str, layout: &Layout) -> Result<(), ParseError> {
    for level in Level::ALL {
        let mut seen: BTreeMap<char, &str> = BTreeMap::new();
        for (code, levels) in &layout.keys {
            if let Some(Output::Char(c)) = levels[level as usize]
                && let Some(other) = seen.insert(c, code)
            {
                return Err(err(file, 0, format!("{c:?} is typed by both {other} and {code} at {level:?}")));
            }
        }
    }
    Ok(())
}
