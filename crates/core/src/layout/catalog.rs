//! The built-in layouts and geometries, from `lessons/layouts/`.

use std::collections::BTreeMap;

use super::parse::{ParseError, parse_geometry, parse_layout};
use super::{Geometry, Layout};

/// Geometry files: (name, file, text).
const GEOMETRIES: [(&str, &str, &str); 2] = [
    ("ansi", "geometry-ansi.txt", include_str!("../../../../lessons/layouts/geometry-ansi.txt")),
    ("iso", "geometry-iso.txt", include_str!("../../../../lessons/layouts/geometry-iso.txt")),
];

/// Layout files: (file, text), in the order offered to learners.
pub const LAYOUT_FILES: [(&str, &str); 11] = [
    ("us.txt", include_str!("../../../../lessons/layouts/us.txt")),
    ("gb.txt", include_str!("../../../../lessons/layouts/gb.txt")),
    ("ru.txt", include_str!("../../../../lessons/layouts/ru.txt")),
    ("ru-mac.txt", include_str!("../../../../lessons/layouts/ru-mac.txt")),
    ("uk-ua.txt", include_str!("../../../../lessons/layouts/uk-ua.txt")),
    ("dvorak.txt", include_str!("../../../../lessons/layouts/dvorak.txt")),
    ("colemak.txt", include_str!("../../../../lessons/layouts/colemak.txt")),
    ("colemak-dh.txt", include_str!("../../../../lessons/layouts/colemak-dh.txt")),
    ("workman.txt", include_str!("../../../../lessons/layouts/workman.txt")),
    ("de.txt", include_str!("../../../../lessons/layouts/de.txt")),
    ("fr.txt", include_str!("../../../../lessons/layouts/fr.txt")),
];

/// The geometries by name.
pub fn geometries() -> Result<BTreeMap<String, Geometry>, ParseError> {
    GEOMETRIES.iter().map(|(name, file, text)| Ok(((*name).to_owned(), parse_geometry(file, text)?))).collect()
}

/// Every built-in layout, parsed and validated.
pub fn all() -> Result<Vec<Layout>, ParseError> {
    let g = geometries()?;
    LAYOUT_FILES.iter().map(|(file, text)| parse_layout(file, text, &g)).collect()
}

/// A fingerprint of every built-in geometry and layout file: what a cached fold depends on besides the
/// records (finger maps), see [`crate::history::cache_key`].
pub fn digest() -> crate::record::merge::Digest {
    let all: String = GEOMETRIES.iter().map(|g| g.2).chain(LAYOUT_FILES.iter().map(|l| l.1)).collect();
    crate::record::merge::digest_of(&all)
}
