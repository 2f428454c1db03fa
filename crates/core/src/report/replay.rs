//! Playing a stored session back keystroke by keystroke: the session's engine rebuilt up to any moment
//! of it, so the page can play at real speed, faster, pause and scrub. Moving forward applies the inputs
//! in between; moving back rebuilds from the start (a session is at most a few thousand inputs, which
//! the engine applies in well under a millisecond each).

use crate::engine::{Engine, Input, Millis};
use crate::record::RecordError;
use crate::record::session::Replay;

/// A session being played back.
#[derive(Clone, Debug)]
pub struct Player {
    replay: Replay,
    inputs: Vec<(Input, Millis)>,
    engine: Engine,
    /// Inputs applied so far.
    applied: usize,
    /// Time of the first input (monotonic ms, as the log).
    start: Millis,
    /// Where the playback is, in ms from the first input.
    at: Millis,
}

impl Player {
    /// A player at the start of `replay`.
    ///
    /// # Errors
    /// [`RecordError::Replay`] when its text or log cannot be read.
    pub fn new(replay: Replay) -> Result<Self, RecordError> {
        let bad = |e: &dyn std::fmt::Display| RecordError::Replay(e.to_string());
        let inputs = replay.log.decode().map_err(|e| bad(&e))?;
        let engine = Engine::new(&replay.target, replay.options.clone()).map_err(|e| bad(&e))?;
        let start = inputs.first().map_or(0.0, |(_, at)| *at);
        Ok(Self { replay, inputs, engine, applied: 0, start, at: 0.0 })
    }

    /// The session's length, from the first input to the last (or to its end).
    pub fn duration(&self) -> Millis {
        let last = self.inputs.last().map_or(self.start, |(_, at)| *at);
        let end = self.replay.end.map_or(last, |(_, at)| at.max(last));
        (end - self.start).max(0.0)
    }

    /// Where the playback is, in ms from the first input.
    pub fn position(&self) -> Millis {
        self.at
    }

    /// Whether the playback has reached the end.
    pub fn at_end(&self) -> bool {
        self.at >= self.duration()
    }

    /// The engine as it was at the playback's position.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Moves the playback to `at` ms from the first input (clamped to the session).
    pub fn seek(&mut self, at: Millis) {
        let at = if at.is_nan() { 0.0 } else { at.clamp(0.0, self.duration()) };
        if at < self.at {
            if let Ok(fresh) = Engine::new(&self.replay.target, self.replay.options.clone()) {
                self.engine = fresh;
            }
            self.applied = 0;
        }
        while let Some((input, t)) = self.inputs.get(self.applied) {
            if *t - self.start > at || self.engine.is_finished() {
                break;
            }
            // An input the engine refuses (a log from a damaged record) is skipped, as the original did.
            let _ = self.engine.apply(input.clone(), *t);
            self.applied += 1;
        }
        self.at = at;
    }
}

#[cfg(test)]
mod tests {
    use super::Player;
    use crate::engine::{Engine, Input, Options};
    use crate::record::session::Replay;

    fn typed(text: &str, keys: &str) -> Engine {
        let mut e = Engine::new(text, Options::default()).unwrap();
        for (i, c) in keys.chars().enumerate() {
            e.apply(if c == '<' { Input::Backspace } else { Input::Char(c) }, 1000.0 + 100.0 * i as f64).unwrap();
        }
        e
    }

    #[test]
    fn plays_forward_back_and_to_the_end() {
        let original = typed("ab cd", "ax<b cd");
        let mut p = Player::new(Replay::of(&original)).unwrap();
        assert_eq!(p.duration(), 600.0);
        p.seek(150.0);
        assert_eq!(p.engine().log().len(), 2, "a and the mistaken x");
        assert_eq!(p.engine().tally(), typed("ab cd", "ax").tally());
        p.seek(50.0);
        assert_eq!(p.engine().log().len(), 1, "back to a alone");
        p.seek(1e9);
        assert!(p.at_end());
        assert_eq!(p.engine().word_view(1), original.word_view(1));
        assert_eq!(p.engine().tally(), original.tally());
        p.seek(f64::NAN);
        assert_eq!(p.position(), 0.0);
        assert_eq!(p.engine().log().len(), 1, "the first key is typed at 0");
    }
}
