//! Unit tests of the engine's state machine.

use super::*;

/// Types `keys` at 100 ms intervals: `⌫` is Backspace, `⌦` delete-word; everything else a character.
fn typed_with(target: &str, options: Options, keys: &str) -> Engine {
    let mut e = Engine::new(target, options).unwrap();
    for (i, c) in keys.chars().enumerate() {
        let input = match c {
            '⌫' => Input::Backspace,
            '⌦' => Input::DeleteWord,
            c => Input::Char(c),
        };
        let _ = e.apply(input, i as f64 * 100.0);
    }
    e
}

fn typed(target: &str, keys: &str) -> Engine {
    typed_with(target, Options::default(), keys)
}

fn mode(error_mode: ErrorMode) -> Options {
    Options { error_mode, ..Options::default() }
}

fn states(e: &Engine, w: usize) -> Vec<CharState> {
    e.word_view(w).into_iter().map(|(_, s)| s).collect()
}

#[test]
fn rejects_empty_and_control_targets() {
    assert_eq!(Engine::new("", Options::default()), Err(EngineError::EmptyTarget));
    assert_eq!(Engine::new("   ", Options::default()), Err(EngineError::EmptyTarget));
    assert_eq!(Engine::new("a\tb", Options::default()), Err(EngineError::ControlCharInTarget(9)));
}

#[test]
fn words_split_on_runs_of_spaces() {
    let e = Engine::new("  one   two ", Options::default()).unwrap();
    assert_eq!(e.words().len(), 2);
}

#[test]
fn marks_correct_and_wrong_and_moves_the_caret() {
    let e = typed("cat dog", "cx");
    assert_eq!(e.caret(), (0, 2));
    assert_eq!(states(&e, 0), vec![CharState::Correct, CharState::Wrong("x".into()), CharState::Pending]);
}

#[test]
fn extra_characters_follow_the_word_and_are_capped() {
    let e = typed("ab cd", "abxy");
    assert_eq!(e.caret(), (0, 4));
    assert_eq!(states(&e, 0)[2..], [CharState::Extra("x".into()), CharState::Extra("y".into())]);
    let many: String = std::iter::once("ab").chain(std::iter::repeat_n("z", MAX_EXTRA + 5)).collect();
    let e = typed("ab cd", &many);
    assert_eq!(e.caret(), (0, 2 + MAX_EXTRA));
    assert_eq!(e.log().iter().filter(|k| k.kind == KeyKind::Ignored).count(), 5);
}

#[test]
fn early_space_skips_the_rest_of_the_word_as_missed() {
    let e = typed("cat dog", "c d");
    assert_eq!(e.caret(), (1, 1));
    assert_eq!(states(&e, 0), vec![CharState::Correct, CharState::Missed, CharState::Missed]);
    assert_eq!(e.log()[1].kind, KeyKind::Incorrect);
    assert_eq!(e.log()[1].expected.as_deref(), Some("a"));
}

#[test]
fn space_at_the_start_of_a_word_is_ignored_and_does_not_start_the_clock() {
    let e = typed("ab cd", "  a");
    assert_eq!(e.caret(), (0, 1));
    assert_eq!(e.started_at(), Some(200.0));
}

#[test]
fn backspace_goes_back_only_into_a_wrong_word() {
    let e = typed("ab cd", "ax ⌫");
    assert_eq!(e.caret(), (0, 2), "back into the wrong word");
    let e = typed("ab cd", "ab ⌫");
    assert_eq!(e.caret(), (1, 0), "a correct word is locked");
}

#[test]
fn delete_word_clears_the_word_and_then_the_previous_wrong_one() {
    let e = typed("ab cd", "ax c⌦");
    assert_eq!(e.caret(), (1, 0));
    let e = typed("ab cd", "ax ⌦");
    assert_eq!(e.caret(), (0, 0));
}

#[test]
fn completes_on_the_last_word_typed_right_or_a_space_on_the_last_word() {
    let e = typed("ab cd", "ab cd");
    assert_eq!(e.ended(), Some((EndReason::Completed, 400.0)));
    // A wrong last word of the right length does not end the text: it can still be fixed…
    let e = typed("ab cd", "ab cx");
    assert_eq!(e.ended(), None);
    let e = typed("ab cd", "ab cx⌫d");
    assert_eq!(e.ended(), Some((EndReason::Completed, 600.0)));
    // …or Space ends it, and that Space is not a typed keystroke.
    let e = typed("ab cd", "ab cx ");
    assert_eq!(e.ended(), Some((EndReason::Completed, 500.0)));
    assert_eq!(e.log()[5].kind, KeyKind::Ignored);
    assert_eq!(e.tally().typed, 5);
    let e = typed("ab cd", "ab c ");
    assert_eq!(e.ended().map(|(r, _)| r), Some(EndReason::Completed));
    assert_eq!(states(&e, 1), vec![CharState::Correct, CharState::Missed]);
    // Extra letters on the last word: still open until Space.
    let e = typed("ab cd", "ab cdd");
    assert_eq!(e.ended(), Some((EndReason::Completed, 400.0)), "the right word ended it before the extra d");
    let e = typed("ab cd", "ab cxd");
    assert_eq!(e.ended(), None);
}

#[test]
fn stop_on_letter_does_not_advance_on_a_wrong_key() {
    let e = typed_with("ab cd", mode(ErrorMode::StopOnLetter), "axb c ");
    assert_eq!(e.caret(), (1, 1));
    assert_eq!(e.log()[1].kind, KeyKind::Incorrect);
    assert_eq!(e.log()[5].kind, KeyKind::Incorrect, "space mid-word is a wrong letter");
    assert!(!e.is_finished());
    let e = typed_with("ab cd", mode(ErrorMode::StopOnLetter), "axb c d");
    assert!(e.is_finished());
}

#[test]
fn stop_on_word_keeps_the_caret_in_a_wrong_word() {
    let e = typed_with("ab cd", mode(ErrorMode::StopOnWord), "ax ");
    assert_eq!(e.caret(), (0, 2));
    let e = typed_with("ab cd", mode(ErrorMode::StopOnWord), "ax ⌫b cx");
    assert_eq!(e.caret(), (1, 2));
    assert!(!e.is_finished(), "the last word must be correct to finish");
}

#[test]
fn no_backspace_mode_ignores_erasing() {
    let e = typed_with("ab cd", mode(ErrorMode::NoBackspace), "ax⌫⌦");
    assert_eq!(e.caret(), (0, 2));
    assert!(e.log()[2..].iter().all(|k| k.kind == KeyKind::Ignored));
}

#[test]
#[cfg(feature = "nfc")]
fn composed_text_is_applied_grapheme_by_grapheme() {
    let mut e = Engine::new("café au", Options::default()).unwrap();
    e.apply(Input::Compose("caf\u{e9}".into()), 10.0).unwrap();
    assert_eq!(e.caret(), (0, 4));
    assert!(states(&e, 0).iter().all(|s| *s == CharState::Correct));
    assert_eq!(e.log().len(), 4);
    assert_eq!(e.apply(Input::Compose(String::new()), 20.0), Err(EngineError::EmptyComposition));
}

#[test]
#[cfg(feature = "nfc")]
fn decomposed_target_accepts_a_precomposed_key() {
    let e = typed("cafe\u{301}", "caf\u{e9}");
    assert!(e.is_finished());
    assert!(states(&e, 0).iter().all(|s| *s == CharState::Correct));
}

#[test]
fn yo_may_be_typed_as_ye_when_allowed() {
    let e = typed("ёлка", "елка");
    assert_eq!(states(&e, 0)[0], CharState::Wrong("е".into()));
    let e = typed_with("ёлка", Options { yo_as_ye: true, ..Options::default() }, "елка");
    assert!(states(&e, 0).iter().all(|s| *s == CharState::Correct));
}

#[test]
fn guillemets_and_dashes_are_ordinary_characters() {
    let e = typed("«да» — нет", "«да» — нет");
    assert_eq!(e.ended().map(|(r, _)| r), Some(EndReason::Completed));
    assert!(e.log().iter().all(|k| k.kind == KeyKind::Correct));
}

#[test]
fn time_limit_ends_the_session_at_the_limit() {
    let opts = Options { time_limit_ms: Some(1000.0), ..Options::default() };
    let mut e = Engine::new("ab cd ef", opts).unwrap();
    assert!(!e.tick(5000.0), "the clock starts with the first key");
    e.apply(Input::Char('a'), 100.0).unwrap();
    assert!(!e.tick(1099.0));
    assert_eq!(e.apply(Input::Char('b'), 1100.0), Err(EngineError::Finished));
    assert_eq!(e.ended(), Some((EndReason::TimeUp, 1100.0)));
    assert_eq!(e.log().len(), 1);
}

#[test]
fn quit_ends_and_refuses_further_input() {
    let mut e = typed("ab cd", "a");
    e.quit(50.0);
    assert_eq!(e.ended(), Some((EndReason::Quit, 50.0)));
    assert_eq!(e.apply(Input::Char('b'), 60.0), Err(EngineError::Finished));
}

#[test]
fn backwards_time_is_clamped_and_nan_refused() {
    let mut e = Engine::new("abc", Options::default()).unwrap();
    e.apply(Input::Char('a'), 1000.0).unwrap();
    e.apply(Input::Char('b'), 900.0).unwrap();
    assert_eq!(e.log()[1].at, 1000.0);
    assert!(matches!(e.apply(Input::Char('c'), f64::NAN), Err(EngineError::InvalidTimestamp(t)) if t.is_nan()));
    assert_eq!(e.apply(Input::Char('\n'), 1.0), Err(EngineError::ControlCharInput(10)));
    assert_eq!(e.log().len(), 2);
}

#[test]
fn extend_appends_words() {
    let mut e = typed("ab", "a");
    e.extend("cd ef").unwrap();
    assert_eq!(e.words().len(), 3);
    assert_eq!(e.extend("x\ny"), Err(EngineError::ControlCharInTarget(10)));
}

#[test]
fn next_expected_is_the_caret_grapheme_then_space_then_nothing() {
    let mut e = typed("ab c", "a");
    assert_eq!(e.next_expected(), Some("b"));
    e.apply(Input::Char('b'), 1000.0).unwrap();
    assert_eq!(e.next_expected(), Some(" "), "a word's end expects Space");
    e.apply(Input::Char('x'), 1100.0).unwrap();
    assert_eq!(e.next_expected(), Some(" "), "still Space after an extra character");
    e.apply(Input::Char(' '), 1200.0).unwrap();
    assert_eq!(e.next_expected(), Some("c"));
    e.apply(Input::Char('c'), 1300.0).unwrap();
    assert_eq!(e.next_expected(), None, "the session has ended");
}

#[test]
fn zen_takes_whatever_is_typed_until_the_learner_finishes() {
    let zen = Options { zen: true, ..Options::default() };
    let mut e = Engine::new("", zen.clone()).unwrap();
    e.finish(50.0);
    assert_eq!(e.ended(), None, "nothing to finish before the first key");
    // a b ␣ c ⌫ d ␣ e at 100 ms steps: the text becomes "ab d e", all of it right.
    let mut e = typed_with("", zen.clone(), "ab c⌫d e");
    assert_eq!(e.words().iter().map(|w| w.concat()).collect::<Vec<_>>(), ["ab", "d", "e"]);
    assert!(e.log().iter().all(|k| matches!(k.kind, KeyKind::Correct | KeyKind::Erase)));
    assert_eq!(e.next_expected(), None, "nothing to show on the keyboard");
    assert!(!e.is_finished());
    e.finish(900.0);
    assert_eq!(e.ended(), Some((EndReason::Completed, 900.0)));
    // Net ab␣ d␣ e = 6 characters in 0.9 s → 6/5/0.015 = 80; 7 typed keystrokes, all right.
    let s = crate::Summary::from(&e);
    assert_eq!((s.wpm.map(f64::round), s.accuracy), (Some(80.0), Some(100.0)));
    // Its replay, from the record, ends the same.
    let replayed = crate::record::Replay::of(&e).engine().unwrap();
    assert_eq!(replayed, e);
}
