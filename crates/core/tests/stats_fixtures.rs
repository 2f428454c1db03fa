//! Hand-computed fixtures for the figures: each case states its arithmetic, so a reader can check it
//! against Monkeytype's definitions (the formulas are documented on the functions in `klava_core::stats`).

use klava_core::{Engine, ErrorMode, Input, Options, Summary};

/// Applies `(key, ms)` pairs: `⌫` is Backspace; other characters are typed.
fn run(target: &str, options: Options, keys: &[(char, f64)]) -> Engine {
    let mut e = Engine::new(target, options).unwrap();
    for &(c, at) in keys {
        let input = if c == '⌫' { Input::Backspace } else { Input::Char(c) };
        let _ = e.apply(input, at);
    }
    e
}

/// Keys of `typed` at `step` ms apart from 0.
fn evenly(typed: &str, step: f64) -> Vec<(char, f64)> {
    typed.chars().enumerate().map(|(i, c)| (c, i as f64 * step)).collect()
}

fn close(got: Option<f64>, want: f64) {
    let got = got.expect("a value");
    assert!((got - want).abs() < 1e-6, "got {got}, want {want}");
}

fn summary(target: &str, options: Options, keys: &[(char, f64)]) -> Summary {
    Summary::from(&run(target, options, keys))
}

fn free() -> Options {
    Options::default()
}

fn with_mode(error_mode: ErrorMode) -> Options {
    Options { error_mode, ..Options::default() }
}

#[test]
fn f01_perfect_two_words() {
    // 4 letters + 1 space in 1 s: 5/5/(1/60) = 60 net and raw.
    let s = summary("ab cd", free(), &evenly("ab cd", 250.0));
    close(s.wpm, 60.0);
    close(s.raw_wpm, 60.0);
    close(s.accuracy, 100.0);
    close(s.consistency, 100.0);
}

#[test]
fn f02_unfixed_error_costs_the_word_and_its_space() {
    // "ax cd": net counts only "cd" = 2 → 2/5·60 = 24; raw 3 correct + 1 incorrect + 1 space = 5 → 60;
    // keystrokes a✓ x✗ ␣✗ c✓ d✓ → 3/5 = 60 %.
    let s = summary("ab cd", free(), &evenly("ax cd", 250.0));
    close(s.wpm, 24.0);
    close(s.raw_wpm, 60.0);
    close(s.accuracy, 60.0);
    assert_eq!((s.chars.correct, s.chars.incorrect, s.chars.spaces, s.chars.correct_spaces), (3, 1, 1, 0));
}

#[test]
fn f03_error_fixed_with_backspace_counts_for_accuracy_only() {
    // a x ⌫ b ␣ c d over 1.2 s: final text perfect → (4 + 1)/5/0.02 min = 50 net and raw;
    // typed keystrokes a✓ x✗ b✓ ␣✓ c✓ d✓ → 5/6 = 83.33 %.
    let s = summary("ab cd", free(), &evenly("ax⌫b cd", 200.0));
    close(s.wpm, 50.0);
    close(s.raw_wpm, 50.0);
    close(s.accuracy, 500.0 / 6.0);
    assert_eq!(s.errors, 1);
}

#[test]
fn f04_extra_characters() {
    // "abz cd" in 1 s: word 1 wrong (extra z) → net "cd" = 2 → 24; raw 4 + 1 extra + 1 space = 6 → 72;
    // a✓ b✓ z✗ ␣✗ c✓ d✓ → 4/6.
    let s = summary("ab cd", free(), &evenly("abz cd", 200.0));
    close(s.wpm, 24.0);
    close(s.raw_wpm, 72.0);
    close(s.accuracy, 400.0 / 6.0);
    assert_eq!(s.chars.extra, 1);
}

#[test]
fn f05_space_pressed_early_misses_characters() {
    // "a de" for "abc de" over 1.5 s (0.025 min): net "de" = 2 → 16; raw a, d, e + 1 space = 4 → 32;
    // a✓ ␣✗ d✓ e✓ → 75 %; "bc" missed.
    let s = summary("abc de", free(), &evenly("a de", 500.0));
    close(s.wpm, 16.0);
    close(s.raw_wpm, 32.0);
    close(s.accuracy, 75.0);
    assert_eq!(s.chars.missed, 2);
}

#[test]
fn f06_russian_perfect() {
    // "привет мир": 6 + 1 + 3 = 10 keystrokes over 2.7 s (0.045 min) → 2/0.045 = 44.44.
    let s = summary("привет мир", free(), &evenly("привет мир", 300.0));
    close(s.wpm, 2.0 / 0.045);
    close(s.raw_wpm, 2.0 / 0.045);
    close(s.accuracy, 100.0);
}

#[test]
fn f07_russian_yo_typed_as_ye_is_wrong_by_default() {
    // "еж" for "ёж" in 0.6 s (0.01 min): the only word is wrong → net 0; raw 2/5/0.01 = 40; 50 %.
    let s = summary("ёж", free(), &evenly("еж", 600.0));
    close(s.wpm, 0.0);
    close(s.raw_wpm, 40.0);
    close(s.accuracy, 50.0);
}

#[test]
fn f08_russian_yo_typed_as_ye_is_right_when_allowed() {
    // Same keys with ё ≡ е: 2/5/0.01 = 40 net and raw, 100 %.
    let s = summary("ёж", Options { yo_as_ye: true, ..free() }, &evenly("еж", 600.0));
    close(s.wpm, 40.0);
    close(s.raw_wpm, 40.0);
    close(s.accuracy, 100.0);
}

#[test]
fn f09_time_up_counts_a_correct_unfinished_word() {
    // 1 s limit; "ab c" typed by 0.6 s, clock stops at 1 s: net 2 + space + "c" = 4 → 48; raw 4 → 48.
    let mut e = run("ab cd ef", Options { time_limit_ms: Some(1000.0), ..free() }, &evenly("ab c", 200.0));
    assert!(e.tick(1500.0));
    let s = Summary::from(&e);
    close(s.wpm, 48.0);
    close(s.raw_wpm, 48.0);
    assert_eq!(s.duration_ms, 1000.0);
}

#[test]
fn f10_time_up_ignores_a_wrong_unfinished_word() {
    // "ab x" then time up at 1 s: net "ab" + space = 3 → 36; raw a b ␣ x = 4 → 48; 3/4 = 75 %.
    let mut e = run("ab cd", Options { time_limit_ms: Some(1000.0), ..free() }, &evenly("ab x", 200.0));
    e.tick(1000.0);
    let s = Summary::from(&e);
    close(s.wpm, 36.0);
    close(s.raw_wpm, 48.0);
    close(s.accuracy, 75.0);
}

#[test]
fn f11_stop_on_letter() {
    // a x b over 0.6 s: x does not advance; final "ab" → 2/5/0.01 = 40 net and raw; 2/3 right.
    let s = summary("ab", with_mode(ErrorMode::StopOnLetter), &evenly("axb", 300.0));
    close(s.wpm, 40.0);
    close(s.raw_wpm, 40.0);
    close(s.accuracy, 200.0 / 3.0);
}

#[test]
fn f12_stop_on_word() {
    // a x ␣(refused) ⌫ b ␣ c d at 0.2 s steps, 1.4 s: final perfect → 5/5/(1.4/60) = 42.857;
    // typed a✓ x✗ ␣✗ b✓ ␣✓ c✓ d✓ → 5/7.
    let s = summary("ab cd", with_mode(ErrorMode::StopOnWord), &evenly("ax ⌫b cd", 200.0));
    close(s.wpm, 60.0 / 1.4);
    close(s.raw_wpm, 60.0 / 1.4);
    close(s.accuracy, 500.0 / 7.0);
}

#[test]
fn f13_no_backspace() {
    // a x ⌫(ignored) ␣ c d over 1 s: as f02 → net 24, raw 60, a✓ x✗ ␣✗ c✓ d✓ = 60 %.
    let s = summary("ab cd", with_mode(ErrorMode::NoBackspace), &evenly("ax⌫ cd", 200.0));
    close(s.wpm, 24.0);
    close(s.raw_wpm, 60.0);
    close(s.accuracy, 60.0);
}

#[test]
fn f14_guillemets_and_em_dash() {
    // "«да» — нет": 4 + 1 + 1 + 1 + 3 = 10 keystrokes over 0.9 s → 2/0.015 = 133.33.
    let s = summary("«да» — нет", free(), &evenly("«да» — нет", 100.0));
    close(s.wpm, 2.0 / 0.015);
    close(s.accuracy, 100.0);
}

#[test]
#[cfg(feature = "nfc")]
fn f15_composed_precomposed_letter_against_a_decomposed_target() {
    // "café" composed at once (4 graphemes at 0), then ␣ o k at 0.5 s steps: 7 chars over 1.5 s → 56.
    let mut e = Engine::new("cafe\u{301} ok", free()).unwrap();
    e.apply(Input::Compose("caf\u{e9}".into()), 0.0).unwrap();
    for (i, c) in " ok".chars().enumerate() {
        e.apply(Input::Char(c), 500.0 * (i + 1) as f64).unwrap();
    }
    let s = Summary::from(&e);
    close(s.wpm, 56.0);
    close(s.accuracy, 100.0);
}

#[test]
fn f16_empty_session() {
    let s = Summary::from(&Engine::new("ab", free()).unwrap());
    assert_eq!((s.wpm, s.raw_wpm, s.accuracy, s.consistency), (None, None, None, None));
    assert_eq!((s.duration_ms, s.keystrokes), (0.0, 0));
}

#[test]
fn f17_all_wrong() {
    // "xy" for "ab" in 1 s: net 0; raw 2/5·60 = 24; 0 %.
    let s = summary("ab", free(), &evenly("xy", 1000.0));
    close(s.wpm, 0.0);
    close(s.raw_wpm, 24.0);
    close(s.accuracy, 0.0);
}

#[test]
fn f18_one_keystroke_has_no_speed() {
    let s = summary("ab cd", free(), &[('a', 100.0)]);
    assert_eq!((s.wpm, s.raw_wpm, s.consistency), (None, None, None));
    close(s.accuracy, 100.0);
}

#[test]
fn f19_zero_duration() {
    let mut e = Engine::new("ab", free()).unwrap();
    e.apply(Input::Compose("ab".into()), 50.0).unwrap();
    let s = Summary::from(&e);
    assert!(e.is_finished());
    assert_eq!((s.wpm, s.duration_ms), (None, 0.0));
    close(s.accuracy, 100.0);
}

#[test]
fn f20_quit_counts_up_to_the_quit() {
    // "ab" of "abc" by 0.5 s, quit at 2 s: net 2/5/(2/60) = 12.
    let mut e = run("abc", free(), &[('a', 0.0), ('b', 500.0)]);
    e.quit(2000.0);
    let s = Summary::from(&e);
    close(s.wpm, 12.0);
    assert_eq!(s.duration_ms, 2000.0);
}

#[test]
fn f21_consistency_of_an_uneven_pace() {
    // 2 keys in second 0, 6 in second 1: raw 24 and 72; mean 48, sd 24, c = 0.5;
    // 0.5 + 0.125/3 + 0.03125/5 = 0.5479167; 100 · (1 − tanh(0.5479167)) = 50.1043.
    let keys: Vec<_> = "abcdefgh".chars().zip([0.0, 500.0, 1000.0, 1200.0, 1400.0, 1600.0, 1800.0, 2000.0]).collect();
    let e = run("abcdefgh", free(), &keys);
    let seconds = klava_core::stats::per_second(&e);
    assert_eq!(seconds.iter().map(|s| s.raw_wpm).collect::<Vec<_>>(), vec![24.0, 72.0]);
    let s = Summary::from(&e);
    assert!((s.consistency.unwrap() - 50.1043).abs() < 1e-3, "{:?}", s.consistency);
}

#[test]
fn f22_space_on_a_wrong_last_word_ends_and_is_not_counted() {
    // a b ␣ c x ␣ at 0.25 s steps: "cx" for "cd" does not end the test; the Space at 1.25 s does and is
    // not a typed character. Net "ab" + space = 3 → 3/5/(1.25/60) = 28.8; raw a b ␣ c x = 5 → 48;
    // 4 right of 5 = 80 %.
    let s = summary("ab cd", free(), &evenly("ab cx ", 250.0));
    assert_eq!(s.duration_ms, 1250.0);
    close(s.wpm, 28.8);
    close(s.raw_wpm, 48.0);
    close(s.accuracy, 80.0);
    assert_eq!(s.keystrokes, 5);
    assert_eq!((s.chars.correct, s.chars.incorrect, s.chars.spaces, s.chars.correct_spaces), (3, 1, 1, 1));
}

#[test]
fn f23_a_wrong_last_word_can_still_be_fixed_and_the_keys_after_it_count() {
    // a b ␣ c x ⌫ d at 0.2 s steps: "cx" at its length leaves the test open; fixed, it ends at 1.2 s.
    // Net 5 → 5/5/0.02 = 50; raw counts the final text (as in f03), 5 → 50; keystrokes a b ␣ c x d,
    // 5 of 6 right.
    let s = summary("ab cd", free(), &evenly("ab cx⌫d", 200.0));
    assert_eq!(s.duration_ms, 1200.0);
    close(s.wpm, 50.0);
    close(s.raw_wpm, 50.0);
    close(s.accuracy, 500.0 / 6.0);
}

#[test]
fn f24_the_last_partial_second_is_its_own_entry_scaled_from_half_a_second() {
    // 10 keys 180 ms apart: 1.62 s. Second 0 holds keys at 0…900 (6) → 6/5·60 = 72; the last 0.62 s
    // holds 4, scaled to a full second: 4/5/(0.62/60) = 77.419…
    let e = run("abcdefghij", free(), &evenly("abcdefghij", 180.0));
    let raw: Vec<f64> = klava_core::stats::per_second(&e).iter().map(|s| s.raw_wpm).collect();
    assert_eq!(raw.len(), 2);
    close(Some(raw[0]), 72.0);
    close(Some(raw[1]), 48.0 / 0.62);
    // 10 keys 150 ms apart: 1.35 s. Second 0 holds 7 → 84; the last 0.35 s holds 3, not scaled (shorter
    // than half a second): 3/5·60 = 36.
    let e = run("abcdefghij", free(), &evenly("abcdefghij", 150.0));
    let raw: Vec<f64> = klava_core::stats::per_second(&e).iter().map(|s| s.raw_wpm).collect();
    assert_eq!(raw, vec![84.0, 36.0]);
}
