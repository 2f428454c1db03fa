//! What a key press means for a typing test, from the browser's `KeyboardEvent.key` and modifiers.
//! Pure, so the rules are tested natively; the app only forwards events.

use crate::engine::Input;

/// The modifier keys held during a key press.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    pub ctrl: bool,
    pub alt: bool,
    pub meta: bool,
    pub shift: bool,
}

/// What the test should do with a key press.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Feed this input to the engine.
    Type(Input),
    /// Start a new test (Tab then Enter).
    Restart,
    /// Tab: the next Enter restarts.
    ArmRestart,
    /// Escape: leave the typing area, so Tab moves on to the rest of the page.
    Leave,
    /// Shift+Enter: end a text the learner ends (zen).
    Finish,
}

/// Interprets one key press. `tab_armed` says whether the previous key was Tab.
///
/// - Enter right after Tab restarts; Shift+Enter finishes (zen); Escape leaves the typing area (a keyboard
///   user's way out).
/// - Backspace erases; with Ctrl, Alt or Meta it deletes the word.
/// - A single printable character types it — also with Ctrl+Alt together, which is how Windows reports
///   AltGr, and with Alt alone, which is how macOS Option produces characters.
/// - Ctrl or Meta with anything else stays a browser shortcut; other named keys (Shift, arrows, "Dead")
///   mean nothing.
pub fn key_action(key: &str, m: Modifiers, tab_armed: bool) -> Option<KeyAction> {
    match key {
        "Escape" => return Some(KeyAction::Leave),
        "Tab" => return Some(KeyAction::ArmRestart),
        "Enter" if tab_armed => return Some(KeyAction::Restart),
        "Enter" if m.shift => return Some(KeyAction::Finish),
        "Backspace" if m.ctrl || m.alt || m.meta => {
            return Some(KeyAction::Type(Input::DeleteWord));
        }
        "Backspace" => return Some(KeyAction::Type(Input::Backspace)),
        _ => {}
    }
    let mut chars = key.chars();
    let c = chars.next().filter(|c| !c.is_control() && chars.next().is_none())?;
    let alt_gr = m.ctrl && m.alt;
    if (m.ctrl || m.meta) && !alt_gr {
        return None;
    }
    Some(KeyAction::Type(Input::Char(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Modifiers = Modifiers { ctrl: false, alt: false, meta: false, shift: false };

    #[test]
    fn characters_and_erasing() {
        assert_eq!(key_action("ж", NONE, false), Some(KeyAction::Type(Input::Char('ж'))));
        assert_eq!(key_action(" ", NONE, false), Some(KeyAction::Type(Input::Char(' '))));
        assert_eq!(key_action("Backspace", NONE, false), Some(KeyAction::Type(Input::Backspace)));
        let ctrl = Modifiers { ctrl: true, ..NONE };
        assert_eq!(key_action("Backspace", ctrl, false), Some(KeyAction::Type(Input::DeleteWord)));
    }

    #[test]
    fn shortcuts_stay_the_browsers_but_altgr_types() {
        assert_eq!(key_action("r", Modifiers { ctrl: true, ..NONE }, false), None);
        assert_eq!(key_action("c", Modifiers { meta: true, ..NONE }, false), None);
        assert_eq!(
            key_action("€", Modifiers { ctrl: true, alt: true, ..NONE }, false),
            Some(KeyAction::Type(Input::Char('€')))
        );
        assert_eq!(key_action("é", Modifiers { alt: true, ..NONE }, false), Some(KeyAction::Type(Input::Char('é'))));
    }

    #[test]
    fn restart_keys() {
        assert_eq!(key_action("Escape", NONE, false), Some(KeyAction::Leave));
        assert_eq!(key_action("Tab", NONE, false), Some(KeyAction::ArmRestart));
        assert_eq!(key_action("Enter", NONE, true), Some(KeyAction::Restart));
        assert_eq!(key_action("Enter", NONE, false), None);
        assert_eq!(key_action("Enter", Modifiers { shift: true, ..NONE }, false), Some(KeyAction::Finish));
        assert_eq!(key_action("Enter", Modifiers { shift: true, ..NONE }, true), Some(KeyAction::Restart));
        assert_eq!(key_action("Shift", NONE, false), None);
        assert_eq!(key_action("Dead", NONE, false), None);
    }
}
