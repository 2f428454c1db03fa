//! Keyboard layouts: what each physical key types on each level, which finger presses it, and the
//! lookups both ways (character → key and modifiers; key and modifiers → character).
//!
//! Layouts and the ANSI/ISO geometries are data files in `lessons/layouts/`, parsed and validated here
//! ([`parse`]); [`catalog`] holds the built-in set. Fingers follow the standard touch-typing assignment of
//! the physical position, so they come from the geometry, not the layout.

pub mod catalog;
pub mod dead;
mod emulate;
pub mod heat;
pub mod parse;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use emulate::Emulator;

use crate::fingers::{Finger, FingerMap};

/// What a key produces on one level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Output {
    /// A character.
    Char(char),
    /// A dead key with this accent: it changes the next letter.
    Dead(char),
}

/// A modifier level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    Base = 0,
    Shift = 1,
    AltGr = 2,
    ShiftAltGr = 3,
}

impl Level {
    /// Every level, in file order.
    pub const ALL: [Level; 4] = [Level::Base, Level::Shift, Level::AltGr, Level::ShiftAltGr];

    /// The level for these modifiers.
    pub fn from_modifiers(shift: bool, altgr: bool) -> Self {
        match (shift, altgr) {
            (false, false) => Self::Base,
            (true, false) => Self::Shift,
            (false, true) => Self::AltGr,
            (true, true) => Self::ShiftAltGr,
        }
    }

    /// Whether Shift is held on this level.
    pub fn shift(self) -> bool {
        matches!(self, Self::Shift | Self::ShiftAltGr)
    }

    /// Whether AltGr is held on this level.
    pub fn altgr(self) -> bool {
        matches!(self, Self::AltGr | Self::ShiftAltGr)
    }
}

/// One physical key of a geometry, or a gap.
#[derive(Clone, Debug, PartialEq)]
pub struct GeometryKey {
    /// Row from the number row (0) down to the space row (4).
    pub row: usize,
    /// `KeyboardEvent.code`; `None` for a gap.
    pub code: Option<String>,
    /// Width in key units.
    pub width: f32,
    /// The finger that presses it (`None` for a gap).
    pub finger: Option<Finger>,
    /// A home-row key.
    pub home: bool,
    /// A key with a tactile bump (F and J on QWERTY).
    pub bump: bool,
}

/// A physical keyboard: its keys row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    pub keys: Vec<GeometryKey>,
}

impl Geometry {
    /// The key with this code.
    pub fn key(&self, code: &str) -> Option<&GeometryKey> {
        self.keys.iter().find(|k| k.code.as_deref() == Some(code))
    }

    /// The keys row by row, as drawn: rows from the top, rows without keys left out, keys in file order.
    pub fn rows(&self) -> Vec<Vec<&GeometryKey>> {
        let mut rows: BTreeMap<usize, Vec<&GeometryKey>> = BTreeMap::new();
        for k in &self.keys {
            rows.entry(k.row).or_default().push(k);
        }
        rows.into_values().collect()
    }

    /// Where the key with this code is drawn in [`Geometry::rows`]: a key of `w` units spans `w` unit keys
    /// and the `w - 1` gaps between them, so a key starts `units` whole unit-and-gap steps from its row's
    /// edge.
    pub fn place(&self, code: &str) -> Option<KeyPlace> {
        self.rows().iter().enumerate().find_map(|(row, keys)| {
            let at = keys.iter().position(|k| k.code.as_deref() == Some(code))?;
            let units = keys[..at].iter().map(|k| k.width).sum();
            Some(KeyPlace { units, row, width: keys[at].width })
        })
    }
}

/// Where a key is drawn on the on-screen keyboard (see [`Geometry::place`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyPlace {
    /// Key units from the row's left edge to the key's.
    pub units: f32,
    /// Rows above it.
    pub row: usize,
    /// Its width in key units.
    pub width: f32,
}

/// How to type one character: the key, its level, the finger, and a dead key to press first, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stroke {
    pub code: String,
    pub level: Level,
    pub finger: Finger,
    /// For a character made with a dead key: the dead key's code and level.
    pub dead: Option<(String, Level)>,
}

/// A keyboard layout on its geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Short stable name (`us`, `ru`, `de`, …).
    pub id: String,
    /// The name shown to learners.
    pub name: String,
    /// The language it is for (`en`, `ru`, …).
    pub language: String,
    /// The physical keyboard.
    pub geometry: Geometry,
    /// `ansi` or `iso`.
    pub geometry_name: String,
    /// What each key types at Base, Shift, AltGr and Shift+AltGr.
    pub keys: BTreeMap<String, [Option<Output>; 4]>,
}

impl Layout {
    /// What `code` types at `level` (Space types a space at Base and Shift).
    pub fn output(&self, code: &str, level: Level) -> Option<Output> {
        if code == "Space" {
            return (!level.altgr()).then_some(Output::Char(' '));
        }
        self.keys.get(code)?[level as usize]
    }

    /// The finger for `code`.
    pub fn finger_of(&self, code: &str) -> Option<Finger> {
        self.geometry.key(code)?.finger
    }

    /// How to type `c`: a key and level that type it directly, preferring Base, then Shift, then AltGr;
    /// otherwise a dead key and the letter it composes with. O(keys).
    pub fn stroke_for(&self, c: char) -> Option<Stroke> {
        let direct = |c: char| {
            Level::ALL.into_iter().find_map(|level| {
                let code = if c == ' ' && level == Level::Base {
                    Some("Space".to_owned())
                } else {
                    self.keys.iter().find(|(_, l)| l[level as usize] == Some(Output::Char(c))).map(|(k, _)| k.clone())
                }?;
                Some((code, level))
            })
        };
        if let Some((code, level)) = direct(c) {
            let finger = self.finger_of(&code)?;
            return Some(Stroke { code, level, finger, dead: None });
        }
        let (accent, base) = dead::all().find(|(_, _, r)| *r == c).map(|(a, b, _)| (a, b))?;
        let dead_key = Level::ALL.into_iter().find_map(|level| {
            self.keys
                .iter()
                .find(|(_, l)| l[level as usize] == Some(Output::Dead(accent)))
                .map(|(k, _)| (k.clone(), level))
        })?;
        let (code, level) = direct(base)?;
        let finger = self.finger_of(&code)?;
        Some(Stroke { code, level, finger, dead: Some(dead_key) })
    }

    /// The Shift key to hold for a key pressed by `finger`: the opposite hand's.
    pub fn shift_for(finger: Finger) -> &'static str {
        if finger <= Finger::LeftIndex { "ShiftRight" } else { "ShiftLeft" }
    }
}

impl FingerMap for Layout {
    fn finger(&self, grapheme: &str) -> Option<Finger> {
        let mut chars = grapheme.chars();
        let c = chars.next().filter(|_| chars.next().is_none())?;
        self.stroke_for(c).map(|s| s.finger)
    }
}

#[cfg(test)]
mod tests;
