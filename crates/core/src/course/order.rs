//! In what order a course brings in the keys of a row: the keys under the fingers' resting places
//! first, index fingers first and both hands together, then the reaches, farthest last.
//!
//! Worked from the layout's geometry alone (where each key is drawn, which finger presses it, which keys
//! are the home keys), so any layout gets its order without a table written for it.

use std::collections::BTreeMap;

use crate::fingers::Finger;
use crate::layout::{Layout, Level, Output};

/// A character a course teaches on a key of some row, with what orders it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Placed {
    c: char,
    finger: Finger,
    /// 0 for the key in the finger's column, 1 for its first reach, and so on.
    rank: usize,
}

/// The lesson groups of `chars` (each typed on some key of the layout; others are left out): pairs of
/// the two hands' matching fingers at the same reach, index fingers first, then middle, ring and pinky,
/// nearer reaches before farther ones; characters left without a partner are paired with each other
/// in that order. Deterministic for a layout.
pub(super) fn groups(layout: &Layout, chars: &[char]) -> Vec<Vec<char>> {
    let placed = place(layout, chars);
    let mut slots: BTreeMap<(usize, usize), Vec<char>> = BTreeMap::new();
    for p in &placed {
        slots.entry((p.rank, finger_order(p.finger))).or_default().push(p.c);
    }
    let mut out: Vec<Vec<char>> = Vec::new();
    let mut single: Option<char> = None;
    for (_, mut slot) in slots {
        // Left hand first within a pair; a slot can hold more than two when one finger has several keys
        // at the same reach (a rare layout): keep them two at a time.
        slot.sort_by_key(|c| placed.iter().find(|p| p.c == *c).map(|p| p.finger));
        for pair in slot.chunks(2) {
            match (pair, single.take()) {
                ([one], None) => single = Some(*one),
                ([one], Some(waiting)) => out.push(vec![waiting, *one]),
                (pair, waiting) => {
                    out.extend(waiting.map(|w| vec![w]));
                    out.push(pair.to_vec());
                }
            }
        }
    }
    out.extend(single.map(|w| vec![w]));
    out
}

/// The letters a layout types at Base on the given geometry row (`0` the number row, `1` top, `2` home,
/// `3` bottom), lower case, in key order.
pub fn base_letters(layout: &Layout, row: usize) -> Vec<char> {
    layout
        .geometry
        .keys
        .iter()
        .filter(|k| k.row == row)
        .filter_map(|k| match layout.output(k.code.as_deref()?, Level::Base)? {
            Output::Char(c) if c.is_alphabetic() && c.is_lowercase() => Some(c),
            _ => None,
        })
        .collect()
}

/// Each character with its finger and reach.
fn place(layout: &Layout, chars: &[char]) -> Vec<Placed> {
    let home = home_centres(layout);
    let mut by_finger: BTreeMap<Finger, Vec<(f32, char)>> = BTreeMap::new();
    for &c in chars {
        let Some(stroke) = layout.stroke_for(c) else { continue };
        let Some(centre) = centre(layout, &stroke.code) else { continue };
        let from_home = home.get(&stroke.finger).map_or(0.0, |h| (centre - h).abs());
        // Ties (a key half a unit either side of the column) go to the key farther out from the middle
        // of the keyboard: the index finger's inner key is its stretch.
        let outward = if stroke.finger <= Finger::LeftIndex { centre } else { -centre };
        by_finger.entry(stroke.finger).or_default().push((from_home * 1000.0 + outward / 100.0, c));
    }
    by_finger
        .into_iter()
        .flat_map(|(finger, mut keys)| {
            keys.sort_by(|a, b| a.0.total_cmp(&b.0));
            keys.into_iter().enumerate().map(move |(rank, (_, c))| Placed { c, finger, rank })
        })
        .collect()
}

/// The middle of each finger's home key, in key units from the keyboard's left edge.
fn home_centres(layout: &Layout) -> BTreeMap<Finger, f32> {
    layout
        .geometry
        .keys
        .iter()
        .filter(|k| k.home)
        .filter_map(|k| Some((k.finger?, centre(layout, k.code.as_deref()?)?)))
        .collect()
}

fn centre(layout: &Layout, code: &str) -> Option<f32> {
    let place = layout.geometry.place(code)?;
    Some(place.units + place.width / 2.0)
}

/// Index fingers first, then middle, ring, pinky; the thumb last.
fn finger_order(finger: Finger) -> usize {
    match finger {
        Finger::LeftIndex | Finger::RightIndex => 0,
        Finger::LeftMiddle | Finger::RightMiddle => 1,
        Finger::LeftRing | Finger::RightRing => 2,
        Finger::LeftPinky | Finger::RightPinky => 3,
        Finger::Thumb => 4,
    }
}
