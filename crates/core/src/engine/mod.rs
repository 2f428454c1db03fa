//! The typing engine: a deterministic state machine over [`Input`]s stamped by the caller's clock.
//!
//! The target is a sequence of words separated by spaces. The engine follows Monkeytype's word
//! semantics: characters typed past a word's end are *extra*; Space pressed before a word's end skips the
//! rest of it (those characters are *missed*); Backspace at the start of a word goes back into the
//! previous word only when that word has an error. It never reads a clock: every input carries the time
//! of the event that produced it, and a raw log of every input is kept, so replaying the log reproduces
//! the session exactly. Each input costs O(length of the current word).

mod compare;
#[cfg(test)]
mod tests;
mod types;

pub use compare::{grapheme_matches, word_matches};
pub use types::{CharState, EndReason, EngineError, ErrorMode, Input, KeyKind, Keystroke, Millis, Options};

use crate::text;

/// Most characters a word accepts past its end; further ones are ignored (Monkeytype also caps extras).
pub const MAX_EXTRA: usize = 20;

/// The state of one typing session.
#[derive(Clone, Debug, PartialEq)]
pub struct Engine {
    words: Vec<Vec<String>>,
    /// What was typed in each word so far; the last element is the current word.
    typed: Vec<Vec<String>>,
    options: Options,
    log: Vec<Keystroke>,
    started_at: Option<Millis>,
    ended: Option<(EndReason, Millis)>,
    tally: Tally,
}

/// Running counts kept as keys arrive, so live figures cost O(1) per key instead of a pass over the
/// whole session ([`crate::stats::live`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Typed keystrokes (characters and spaces).
    pub typed: usize,
    /// Those that were right.
    pub right: usize,
    /// Net characters of the words left behind: each correct word's graphemes and the space after it.
    pub net_done: usize,
}

/// Splits a target into words of graphemes. Runs of spaces count as one separator.
fn split_words(target: &str) -> Result<Vec<Vec<String>>, EngineError> {
    if let Some(c) = text::first_control_char(target) {
        return Err(EngineError::ControlCharInTarget(c as u32));
    }
    Ok(target.split(' ').filter(|w| !w.is_empty()).map(text::graphemes).collect())
}

impl Engine {
    /// Starts a session over `target`.
    ///
    /// # Errors
    /// [`EngineError::EmptyTarget`] when it has no words, [`EngineError::ControlCharInTarget`] when it
    /// holds a control character (tab, newline, …).
    pub fn new(target: &str, options: Options) -> Result<Self, EngineError> {
        // In zen the text is what gets typed: the target is not read.
        let words = if options.zen { vec![Vec::new()] } else { split_words(target)? };
        if words.is_empty() {
            return Err(EngineError::EmptyTarget);
        }
        let typed = vec![Vec::new()];
        Ok(Self { words, typed, options, log: Vec::new(), started_at: None, ended: None, tally: Tally::default() })
    }

    /// Appends more words to the target (time mode generates text as the learner goes).
    ///
    /// # Errors
    /// As [`Engine::new`] for the added text, and [`EngineError::Finished`] after the end.
    pub fn extend(&mut self, more: &str) -> Result<(), EngineError> {
        if self.ended.is_some() {
            return Err(EngineError::Finished);
        }
        self.words.extend(split_words(more)?);
        Ok(())
    }

    /// Applies one input at time `at`.
    ///
    /// A time earlier than the previous keystroke's is clamped to it (time never runs backwards inside a
    /// session; such a value is noise). An input at or after the time limit ends the session at the limit
    /// and is refused. The session completes when the last word is typed right, or Space is pressed on
    /// it (Monkeytype's words mode); in zen, when [`Engine::finish`] is called.
    ///
    /// # Errors
    /// [`EngineError::Finished`] after the end, [`EngineError::InvalidTimestamp`] for NaN or infinite
    /// times, [`EngineError::ControlCharInput`] / [`EngineError::EmptyComposition`] for text that cannot
    /// have been typed. A refused input leaves the engine unchanged, except that it may end a timed session.
    pub fn apply(&mut self, input: Input, at: Millis) -> Result<(), EngineError> {
        if self.ended.is_some() {
            return Err(EngineError::Finished);
        }
        if !at.is_finite() {
            return Err(EngineError::InvalidTimestamp(at));
        }
        let at = self.log.last().map_or(at, |last| at.max(last.at));
        if self.tick(at) {
            return Err(EngineError::Finished);
        }
        match input {
            Input::Char(c) if c.is_control() => {
                return Err(EngineError::ControlCharInput(c as u32));
            }
            Input::Char(c) => self.type_grapheme(c.to_string(), Input::Char(c), at),
            Input::Compose(s) => {
                if s.is_empty() {
                    return Err(EngineError::EmptyComposition);
                }
                if let Some(c) = text::first_control_char(&s) {
                    return Err(EngineError::ControlCharInput(c as u32));
                }
                for g in text::graphemes(&s) {
                    if self.ended.is_some() {
                        break;
                    }
                    self.type_grapheme(g.clone(), Input::Compose(g), at);
                }
            }
            Input::Backspace => self.erase(false, at),
            Input::DeleteWord => self.erase(true, at),
        }
        Ok(())
    }

    /// Ends a timed session whose limit has passed at `now`; returns whether the session is over.
    /// Before the first keystroke the clock has not started and nothing happens.
    pub fn tick(&mut self, now: Millis) -> bool {
        if let (true, Some(start), Some(limit)) = (self.time_up(now), self.started_at, self.options.time_limit_ms) {
            self.ended = Some((EndReason::TimeUp, start + limit));
        }
        self.ended.is_some()
    }

    /// Whether a running timed session's limit has passed at `now` ([`Engine::tick`] would end it).
    pub fn time_up(&self, now: Millis) -> bool {
        match (self.ended, self.started_at, self.options.time_limit_ms) {
            (None, Some(start), Some(limit)) => now >= start + limit,
            _ => false,
        }
    }

    /// Completes a session the learner ends (zen's Shift+Enter) at `at`, clamped to the last keystroke.
    /// Nothing happens before the first keystroke or after the end.
    pub fn finish(&mut self, at: Millis) {
        if let (None, Some(last)) = (self.ended, self.log.last().map(|k| k.at)) {
            self.ended = Some((EndReason::Completed, if at.is_finite() { at.max(last) } else { last }));
        }
    }

    /// Ends the session at `at` (clamped to the last keystroke), unless it has ended already.
    pub fn quit(&mut self, at: Millis) {
        if self.ended.is_none() {
            let last = self.log.last().map_or(at, |k| k.at);
            self.ended = Some((EndReason::Quit, if at.is_finite() { at.max(last) } else { last }));
        }
    }

    /// Replays a raw log into a fresh session over `target`; the result equals the original session.
    ///
    /// # Errors
    /// The first error [`Engine::new`] or [`Engine::apply`] reports.
    pub fn replay(target: &str, options: Options, log: &[Keystroke]) -> Result<Self, EngineError> {
        let mut engine = Self::new(target, options)?;
        for k in log {
            engine.apply(k.input.clone(), k.at)?;
        }
        Ok(engine)
    }

    fn type_grapheme(&mut self, g: String, input: Input, at: Millis) {
        if self.options.zen && g != " " {
            // Whatever is typed is the text: always right.
            let w = self.typed.len() - 1;
            let i = self.typed[w].len();
            self.words[w].push(g.clone());
            self.typed[w].push(g.clone());
            return self.record(Keystroke {
                at,
                input,
                word: w,
                index: i,
                expected: Some(g.clone()),
                typed: Some(g),
                kind: KeyKind::Correct,
            });
        }
        if g == " " {
            return self.space(input, at);
        }
        let (w, i) = self.caret();
        let expected = self.words[w].get(i).cloned();
        let kind = match &expected {
            Some(e) if grapheme_matches(e, &g, self.options.yo_as_ye) => KeyKind::Correct,
            Some(_) => KeyKind::Incorrect,
            None if self.options.error_mode == ErrorMode::StopOnLetter => KeyKind::Incorrect,
            None if self.typed[w].len() >= self.words[w].len() + MAX_EXTRA => KeyKind::Ignored,
            None => KeyKind::Extra,
        };
        let advances = match kind {
            KeyKind::Correct | KeyKind::Extra => true,
            KeyKind::Incorrect => self.options.error_mode != ErrorMode::StopOnLetter,
            _ => false,
        };
        if advances {
            self.typed[w].push(g.clone());
        }
        self.record(Keystroke { at, input, word: w, index: i, expected, typed: Some(g), kind });
        // The last word typed right ends the text; a wrong one of the right length does not (it can still
        // be fixed, or Space ends it), as in Monkeytype's words mode.
        let (w, _) = self.caret();
        if w + 1 == self.words.len() && word_matches(&self.words[w], &self.typed[w], self.options.yo_as_ye) {
            self.ended = Some((EndReason::Completed, at));
        }
    }

    fn space(&mut self, input: Input, at: Millis) {
        let (w, i) = self.caret();
        let len = self.words[w].len();
        let expected = Some(self.words[w].get(i).cloned().unwrap_or_else(|| " ".to_owned()));
        let record = |kind| Keystroke { at, input, word: w, index: i, expected, typed: Some(" ".to_owned()), kind };
        if i == 0 {
            return self.record(record(KeyKind::Ignored));
        }
        let correct = word_matches(&self.words[w], &self.typed[w], self.options.yo_as_ye);
        let blocked = match self.options.error_mode {
            ErrorMode::StopOnWord => !correct,
            ErrorMode::StopOnLetter => i < len,
            ErrorMode::Free | ErrorMode::NoBackspace => false,
        };
        if self.options.zen {
            // Space starts the next word of the text being made.
            self.record(record(KeyKind::Correct));
            self.tally.net_done += len + 1;
            self.words.push(Vec::new());
            self.typed.push(Vec::new());
            return;
        }
        if !blocked && w + 1 == self.words.len() {
            // Space on the last word ends the text; that Space is not a typed character (Monkeytype's rule).
            self.record(record(KeyKind::Ignored));
            self.ended = Some((EndReason::Completed, at));
            return;
        }
        self.record(record(if correct { KeyKind::Correct } else { KeyKind::Incorrect }));
        if !blocked {
            // Leaving word `w`: it is only entered again while it has an error, so its credit stays.
            self.tally.net_done += if correct { len + 1 } else { 0 };
            self.typed.push(Vec::new());
        }
    }

    fn erase(&mut self, whole_word: bool, at: Millis) {
        let input = if whole_word { Input::DeleteWord } else { Input::Backspace };
        let (w, i) = self.caret();
        let mut kind = KeyKind::Ignored;
        if self.options.error_mode != ErrorMode::NoBackspace {
            if i > 0 {
                if whole_word {
                    self.typed[w].clear()
                } else {
                    self.typed[w].pop();
                }
                if self.options.zen {
                    self.words[w].truncate(self.typed[w].len());
                }
                kind = KeyKind::Erase;
            } else if w > 0 && !word_matches(&self.words[w - 1], &self.typed[w - 1], self.options.yo_as_ye) {
                // Back into the previous word, which has an error; delete-word also clears it.
                self.typed.pop();
                if whole_word {
                    self.typed[w - 1].clear();
                }
                kind = KeyKind::Erase;
            }
        }
        self.record(Keystroke { at, input, word: w, index: i, expected: None, typed: None, kind });
    }

    fn record(&mut self, k: Keystroke) {
        if self.started_at.is_none() && k.kind != KeyKind::Ignored {
            self.started_at = Some(k.at);
        }
        if k.kind.is_typed() {
            self.tally.typed += 1;
            self.tally.right += usize::from(k.kind == KeyKind::Correct);
        }
        self.log.push(k);
    }

    /// The target's words, each a list of graphemes.
    pub fn words(&self) -> &[Vec<String>] {
        &self.words
    }

    /// What was typed in each word up to the current one (the last element).
    pub fn typed_words(&self) -> &[Vec<String>] {
        &self.typed
    }

    /// The caret: (word index, grapheme index within what was typed in that word).
    pub fn caret(&self) -> (usize, usize) {
        let w = self.typed.len() - 1;
        (w, self.typed[w].len())
    }

    /// The grapheme the learner should type next: the one at the caret, `" "` at the end of a word that
    /// has another after it, `None` past the end of the last word or after the session ended.
    pub fn next_expected(&self) -> Option<&str> {
        if self.ended.is_some() {
            return None;
        }
        if self.options.zen {
            return None;
        }
        let (w, i) = self.caret();
        match self.words[w].get(i) {
            Some(g) => Some(g),
            None if w + 1 < self.words.len() => Some(" "),
            None => None,
        }
    }

    /// How word `w` looks: its target graphemes with their states, then any extra graphemes.
    pub fn word_view(&self, w: usize) -> Vec<(String, CharState)> {
        let Some(target) = self.words.get(w) else {
            return Vec::new();
        };
        let typed = self.typed.get(w).map_or(&[][..], Vec::as_slice);
        // Characters left behind by Space are missed; a word cut off by the clock is just unfinished.
        let committed = w + 1 < self.typed.len() || matches!(self.ended, Some((EndReason::Completed, _)));
        let mut view: Vec<_> = target
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let state = match typed.get(i) {
                    Some(t) if grapheme_matches(g, t, self.options.yo_as_ye) => CharState::Correct,
                    Some(t) => CharState::Wrong(t.clone()),
                    None if committed && w < self.typed.len() => CharState::Missed,
                    None => CharState::Pending,
                };
                (g.clone(), state)
            })
            .collect();
        view.extend(typed.iter().skip(target.len()).map(|t| (t.clone(), CharState::Extra(t.clone()))));
        view
    }

    /// The session's options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The raw keystroke log, oldest first.
    pub fn log(&self) -> &[Keystroke] {
        &self.log
    }

    /// When the first counted keystroke happened (the clock starts there).
    pub fn started_at(&self) -> Option<Millis> {
        self.started_at
    }

    /// How and when the session ended.
    pub fn ended(&self) -> Option<(EndReason, Millis)> {
        self.ended
    }

    /// Whether the session is over.
    pub fn is_finished(&self) -> bool {
        self.ended.is_some()
    }

    /// The running counts.
    pub fn tally(&self) -> Tally {
        self.tally
    }
}
