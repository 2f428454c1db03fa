//! Properties of the engine and its figures over arbitrary keystroke sequences (proptest).

use klava_core::stats::live;
use klava_core::{Engine, ErrorMode, Input, Options, Summary};
use proptest::prelude::*;

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        6 => prop::sample::select(vec!['a', 'b', 'ё', 'е', ' ', '«', '—', '\u{301}', '\n']).prop_map(Input::Char),
        1 => Just(Input::Backspace),
        1 => Just(Input::DeleteWord),
        1 => "[abё \u{301}]{0,4}".prop_map(Input::Compose),
    ]
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop::sample::select(vec![
            ErrorMode::Free,
            ErrorMode::StopOnLetter,
            ErrorMode::StopOnWord,
            ErrorMode::NoBackspace,
        ]),
        any::<bool>(),
        prop::option::of(1.0..20_000.0f64),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(error_mode, yo_as_ye, time_limit_ms, zen)| Options {
            error_mode,
            yo_as_ye,
            time_limit_ms,
            zen,
        })
}

fn keystrokes() -> impl Strategy<Value = Vec<(Input, f64)>> {
    // Times may go backwards, repeat, or be non-finite: the engine must clamp or refuse, never panic.
    let time = prop_oneof![20 => -1_000.0..100_000.0f64, 1 => Just(f64::NAN), 1 => Just(f64::INFINITY)];
    prop::collection::vec((input(), time), 0..80)
}

fn play(target: &str, options: Options, keys: Vec<(Input, f64)>) -> Engine {
    let mut engine = Engine::new(target, options).unwrap();
    for (input, at) in keys {
        let _ = engine.apply(input, at);
    }
    engine
}

proptest! {
    #[test]
    fn arbitrary_input_never_panics_and_figures_stay_in_range(
        target in "[abё «—]{0,5}[abё]{1,3}[abё «—]{0,12}",
        options in options(),
        keys in keystrokes(),
    ) {
        let engine = play(&target, options, keys);
        let s = Summary::from(&engine);
        if let Some(a) = s.accuracy {
            prop_assert!((0.0..=100.0).contains(&a));
        }
        if let Some(c) = s.consistency {
            prop_assert!((0.0..=100.0).contains(&c));
        }
        match (s.wpm, s.raw_wpm) {
            (Some(net), Some(raw)) => prop_assert!(raw >= net && net >= 0.0, "raw {} < net {}", raw, net),
            (None, None) => prop_assert_eq!(s.duration_ms, 0.0),
            other => prop_assert!(false, "net and raw disagree on being defined: {:?}", other),
        }
        prop_assert!(s.errors <= s.keystrokes);
        prop_assert!(engine.log().windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn replaying_the_log_reproduces_the_session(
        target in "[abё ]{0,4}[abё]{1,3}[abё ]{0,12}",
        options in options(),
        keys in keystrokes(),
    ) {
        let engine = play(&target, options.clone(), keys);
        let mut replayed = Engine::replay(&target, options, engine.log());
        // A timed session that ran out is ended by the clock, not by an input: tick to the same end.
        if let (Ok(r), Some((_, at))) = (&mut replayed, engine.ended()) {
            r.tick(at);
            if !r.is_finished() { r.quit(at); }
        }
        let replayed = replayed.unwrap();
        prop_assert_eq!(replayed.log(), engine.log());
        prop_assert_eq!(replayed.typed_words(), engine.typed_words());
        prop_assert_eq!(Summary::from(&replayed), Summary::from(&engine));
    }

    #[test]
    fn live_figures_from_running_counts_equal_the_whole_session_count_after_every_key(
        target in "[abё ]{0,4}[abё]{1,3}[abё ]{0,12}",
        options in options(),
        keys in keystrokes(),
    ) {
        let mut engine = Engine::new(&target, options).unwrap();
        for (input, at) in keys {
            let _ = engine.apply(input, at);
            let (l, s) = (live(&engine), Summary::from(&engine));
            prop_assert_eq!((l.wpm, l.accuracy), (s.wpm, s.accuracy), "after {:?}", engine.log().last());
        }
    }
}
