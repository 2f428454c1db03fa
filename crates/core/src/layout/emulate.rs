//! Layout emulation: turning physical key presses (`KeyboardEvent.code`) into text through a chosen
//! layout, with dead keys, so a learner with a US OS layout can practise ЙЦУКЕН or Dvorak.

use super::{Layout, Level, Output, dead};

/// Types through a layout, remembering a pending dead key between presses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Emulator {
    pending: Option<char>,
}

impl Emulator {
    /// The text a press of `code` with these modifiers types: `None` for a key the layout does not know
    /// (or a dead key, which waits for the next press). A dead key followed by a letter it composes with
    /// gives the accented letter; followed by anything else, the accent and then that character.
    pub fn press(&mut self, layout: &Layout, code: &str, shift: bool, altgr: bool) -> Option<String> {
        let out = layout.output(code, Level::from_modifiers(shift, altgr))?;
        match (self.pending.take(), out) {
            (None, Output::Char(c)) => Some(c.to_string()),
            (None, Output::Dead(a)) => {
                self.pending = Some(a);
                None
            }
            (Some(a), Output::Char(' ')) => Some(a.to_string()),
            (Some(a), Output::Char(c)) => {
                Some(dead::compose(a, c).map_or_else(|| format!("{a}{c}"), |r| r.to_string()))
            }
            (Some(a), Output::Dead(b)) => {
                self.pending = Some(b);
                Some(a.to_string())
            }
        }
    }

    /// Whether a dead key is waiting for the next press.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }
}
