//! Properties of the engine and its figures over arbitrary keystroke sequences (proptest).

use klava_core::{Engine, Input, Summary};
use proptest::prelude::*;

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        4 => prop::sample::select(vec!['a', 'b', 'ё', 'е', ' ', '«', '—', '\u{301}']).prop_map(Input::Char),
        1 => Just(Input::Backspace),
    ]
}

fn keystrokes() -> impl Strategy<Value = Vec<(Input, f64)>> {
    // Times may go backwards and repeat: the engine must clamp, never panic.
    prop::collection::vec((input(), -1_000.0..100_000.0f64), 0..60)
}

proptest! {
    #[test]
    fn arbitrary_input_never_panics_and_figures_stay_in_range(
        target in "[abё «—]{1,20}",
        keys in keystrokes(),
    ) {
        let mut engine = Engine::new(&target).unwrap();
        for (input, at) in keys {
            let _ = engine.apply(input, at);
        }
        let s = Summary::from(&engine);
        if let Some(a) = s.accuracy {
            prop_assert!((0.0..=100.0).contains(&a));
        }
        match (s.wpm, s.raw_wpm) {
            (Some(net), Some(raw)) => prop_assert!(raw >= net && net >= 0.0),
            (None, None) => prop_assert_eq!(s.duration_ms, 0.0),
            other => prop_assert!(false, "net and raw disagree on being defined: {:?}", other),
        }
        prop_assert!(engine.log().windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn replaying_the_log_reproduces_the_session(
        target in "[abё ]{1,20}",
        keys in keystrokes(),
    ) {
        let mut engine = Engine::new(&target).unwrap();
        for (input, at) in keys {
            let _ = engine.apply(input, at);
        }
        let replayed = Engine::replay(&target, engine.log()).unwrap();
        prop_assert_eq!(&replayed, &engine);
        prop_assert_eq!(Summary::from(&replayed), Summary::from(&engine));
    }
}
