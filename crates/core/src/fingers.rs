//! Which finger types which character: the interface the layouts fill in, with US QWERTY first.

use serde::{Deserialize, Serialize};

/// A finger of standard touch typing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Finger {
    LeftPinky,
    LeftRing,
    LeftMiddle,
    LeftIndex,
    Thumb,
    RightIndex,
    RightMiddle,
    RightRing,
    RightPinky,
}

/// Maps a typed grapheme to the finger that types it on some layout.
pub trait FingerMap {
    /// The finger for `grapheme`, or `None` when the layout cannot type it.
    fn finger(&self, grapheme: &str) -> Option<Finger>;
}

/// US QWERTY with the standard touch-typing assignment (base and Shift levels).
#[derive(Clone, Copy, Debug, Default)]
pub struct UsQwerty;

const US_QWERTY: [(Finger, &str); 9] = [
    (Finger::LeftPinky, "`~1!qQaAzZ"),
    (Finger::LeftRing, "2@wWsSxX"),
    (Finger::LeftMiddle, "3#eEdDcC"),
    (Finger::LeftIndex, "4$5%rRtTfFgGvVbB"),
    (Finger::Thumb, " "),
    (Finger::RightIndex, "6^7&yYuUhHjJnNmM"),
    (Finger::RightMiddle, "8*iIkK,<"),
    (Finger::RightRing, "9(oOlL.>"),
    (Finger::RightPinky, "0)-_=+pP[{]}\\|;:'\"/?"),
];

impl FingerMap for UsQwerty {
    fn finger(&self, grapheme: &str) -> Option<Finger> {
        let mut chars = grapheme.chars();
        let c = chars.next().filter(|_| chars.next().is_none())?;
        US_QWERTY.iter().find(|(_, keys)| keys.contains(c)).map(|(f, _)| *f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_row_and_shifted_characters_have_their_fingers() {
        let map = UsQwerty;
        assert_eq!(map.finger("f"), Some(Finger::LeftIndex));
        assert_eq!(map.finger("J"), Some(Finger::RightIndex));
        assert_eq!(map.finger(";"), Some(Finger::RightPinky));
        assert_eq!(map.finger(" "), Some(Finger::Thumb));
        assert_eq!(map.finger("ж"), None);
    }

    #[test]
    fn every_printable_ascii_character_has_exactly_one_finger() {
        for c in (0x20u8..0x7f).map(char::from) {
            let owners = US_QWERTY.iter().filter(|(_, keys)| keys.contains(c)).count();
            assert_eq!(owners, 1, "{c:?}");
        }
    }
}
