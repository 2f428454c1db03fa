//! Review: the memory model's rules, items entering and being practised, odd timestamps, and the fold
//! giving the same state in any order.

use proptest::prelude::*;

use super::memory::{DUE_BELOW, Grade, MAX_DAYS, Memory, days_between};
use super::*;
use crate::engine::{Input, Options};

const DAY: f64 = 86_400_000.0;
const T: Targets = Targets { wpm: 40.0, accuracy: 0.95 };

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// Facts of a session where key `k` came up 10 times with `misses` mistakes at `ms` a key.
fn key_facts(k: &str, misses: u32, ms: f64) -> Facts {
    let mut f = Facts::default();
    f.keys.insert(k.into(), (10, misses, Some(ms)));
    f
}

#[test]
fn an_item_practised_well_comes_back_later_than_one_practised_badly() {
    let good = Memory::first(Grade::Good, 0.0);
    let hard = Memory::first(Grade::Hard, 0.0);
    assert!(good.interval_days() > hard.interval_days());
    // Practised again when due: well, it comes back later than before; forgotten, sooner.
    let when = good.due_ms();
    let again_good = good.practised(Grade::Good, when);
    let again_bad = good.practised(Grade::Again, when);
    assert!(again_good.interval_days() > good.interval_days() * 1.5, "{again_good:?}");
    assert!(again_bad.interval_days() < good.interval_days(), "{again_bad:?}");
    assert_eq!(again_bad.lapses, 1);
    // Practice the same day it was learnt adds little: spacing is what makes memory last.
    let crammed = good.practised(Grade::Good, 60_000.0);
    assert!(crammed.interval_days() < again_good.interval_days());
}

#[test]
fn a_long_gap_makes_an_item_due_and_practice_makes_it_not_due() {
    let m = Memory::first(Grade::Good, 0.0);
    assert!(!m.is_due(0.5 * DAY));
    assert!(m.is_due(30.0 * DAY));
    assert!((m.retrievability(m.due_ms()) - DUE_BELOW).abs() < 1e-9, "due exactly when recall falls to the threshold");
    let after = m.practised(Grade::Good, 30.0 * DAY);
    assert!(!after.is_due(30.0 * DAY + 1.0));
}

#[test]
fn odd_timestamps_give_no_negative_infinite_or_endless_interval() {
    let m = Memory::first(Grade::Good, 10.0 * DAY);
    for at in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1e15, 0.0, 1e18] {
        let next = m.practised(Grade::Good, at);
        assert!(next.stability.is_finite() && next.stability > 0.0, "{at}: {next:?}");
        assert!(next.last_ms >= m.last_ms, "a clock set back never moves the last practice back");
        let interval = next.interval_days();
        assert!(interval.is_finite() && (0.0..=MAX_DAYS).contains(&interval), "{at}: {interval}");
        assert!(next.retrievability(at).is_finite());
        // Never due forever: right after a good practice, not due.
        assert!(!next.is_due(next.last_ms));
    }
    assert_eq!(days_between(5.0 * DAY, 0.0), 0.0);
    assert_eq!(days_between(0.0, 1e18), MAX_DAYS);
    // A gap of years: due, with a recall chance that is a number.
    let r = m.retrievability(m.last_ms + 40.0 * 365.0 * DAY);
    assert!(r > 0.0 && r < DUE_BELOW);
    // Grades of unreadable scores fail.
    assert_eq!(Grade::of(f64::NAN), Grade::Again);
}

#[test]
fn items_enter_when_below_the_targets_and_are_practised_whenever_they_come_up() {
    let mut r = Review::new(T);
    // 40 WPM is 300 ms a key. `f` at 250 ms without a mistake: at target, nothing to review.
    r.add(&id("a"), DAY, key_facts("f", 0, 250.0));
    assert!(r.items().is_empty());
    // `j` at 450 ms: slow (0.67 of the target: hard), in review.
    r.add(&id("b"), 2.0 * DAY, key_facts("j", 0, 450.0));
    let j = Item::Key("j".into());
    assert_eq!(r.items()[&j].reps, 1);
    // A later session where `j` is fast still practises it.
    r.add(&id("c"), 3.0 * DAY, key_facts("j", 0, 200.0));
    assert_eq!(r.items()[&j].reps, 2);
    // Misses count: 3 in 13 is far below 95 %.
    r.add(&id("d"), 4.0 * DAY, key_facts("k", 3, 200.0));
    assert_eq!(r.items()[&Item::Key("k".into())].lapses, 1);
    // The same session again changes nothing.
    let before = r.items().clone();
    r.add(&id("d"), 4.0 * DAY, key_facts("k", 3, 200.0));
    assert_eq!(r.items(), &before);
}

#[test]
fn a_confusion_is_practised_right_when_its_key_comes_up_without_it() {
    let mut r = Review::new(T);
    let mut f = key_facts("и", 2, 250.0);
    f.confusions.insert(("и".into(), "е".into()));
    r.add(&id("a"), DAY, f);
    let item = Item::Confusion { expected: "и".into(), typed: "е".into() };
    assert_eq!(r.items()[&item].lapses, 1);
    r.add(&id("b"), 5.0 * DAY, key_facts("и", 0, 250.0));
    assert_eq!((r.items()[&item].reps, r.items()[&item].lapses), (2, 1));
}

#[test]
fn a_session_tells_its_mistyped_words_and_keys() {
    let mut e = Engine::new("the cat sat", Options::default()).unwrap();
    let mut t = 0.0;
    let mut press = |e: &mut Engine, input: Input| {
        t += 200.0;
        let _ = e.apply(input, t);
    };
    for c in "thr".chars() {
        press(&mut e, Input::Char(c));
    }
    press(&mut e, Input::Backspace);
    for c in "e cat sat".chars() {
        press(&mut e, Input::Char(c));
    }
    assert!(e.is_finished());
    let f = Facts::of(&e);
    assert_eq!(f.mistyped, BTreeSet::from(["the".to_owned()]), "a mistake fixed is still a mistake");
    assert_eq!(f.typed_right, BTreeSet::from(["cat".to_owned(), "sat".to_owned()]));
    assert!(f.keys.contains_key("t"), "t came up 4 times: {:?}", f.keys);
    assert!(!f.keys.contains_key(" "), "Space is not reviewed");
    // Into review: the mistyped word only (its keys were fast enough: 200 ms a key).
    let mut r = Review::new(T);
    r.add(&id("s"), DAY, f);
    assert!(r.items().contains_key(&Item::Word("the".into())));
    assert!(!r.items().contains_key(&Item::Word("cat".into())));
}

#[test]
fn a_review_text_practises_the_due_items_with_typable_characters_only() {
    let due = vec![
        Item::Word("because".into()),
        Item::Key("j".into()),
        Item::Bigram("th".into()),
        Item::Confusion { expected: "e".into(), typed: "i".into() },
        Item::Key("ж".into()),
    ];
    let list = ["just", "major", "the", "with", "other", "enjoy", "time"];
    let typable = |c: char| c.is_ascii_lowercase();
    let words = text::text(&due, &list, typable, 20, &mut crate::rng::Rng::new(1));
    assert_eq!(words.len(), 20);
    assert!(words.iter().all(|w| w.chars().all(typable)), "{words:?}");
    assert!(words.contains(&"because".to_owned()));
    assert!(words.iter().any(|w| w.contains('j')));
    assert!(words.iter().any(|w| w.contains("th")));
    assert!(words.iter().any(|w| w == "eie" || w == "iei"));
    assert!(!words.iter().any(|w| w.contains('ж')), "an untypable item is left out");
    // A key no word has becomes a drill of it.
    assert_eq!(text::text(&[Item::Key("q".into())], &list, typable, 2, &mut crate::rng::Rng::new(1)), ["qq", "qqq"]);
    assert!(text::text(&[], &list, typable, 20, &mut crate::rng::Rng::new(1)).is_empty());
}

#[test]
fn practice_gives_due_items_a_share_of_its_words_and_keeps_the_rest() {
    let mut words: Vec<String> = (0..30).map(|i| format!("p{i}")).collect();
    let review: Vec<String> = (0..20).map(|i| format!("r{i}")).collect();
    text::blend(&mut words, review);
    let from_review = words.iter().filter(|w| w.starts_with('r')).count();
    assert_eq!(from_review, 9, "30 % of 30");
    assert_eq!(words[0], "p0");
    assert_eq!(words[1], "r0");
    assert_eq!(words[4], "r1");
    let mut short = vec!["a".to_owned(), "b".to_owned()];
    text::blend(&mut short, vec!["x".into()]);
    assert_eq!(short, ["a", "b"], "no share of a two-word text");
}

#[test]
fn the_items_a_session_practised_are_found_by_its_end() {
    let mut r = Review::new(T);
    r.add(&id("a"), DAY, key_facts("q", 5, 900.0));
    r.add(&id("b"), 3.0 * DAY, key_facts("q", 0, 200.0));
    let practised = r.practised_at(3.0 * DAY);
    assert_eq!(practised.len(), 1);
    assert_eq!(practised[0].0, &Item::Key("q".into()));
    assert!(r.practised_at(DAY).is_empty(), "a later session practised it since");
    assert!(r.contains(&id("a")) && r.len() == 2 && !r.is_empty());
}

#[test]
fn facts_read_back_from_their_line_and_a_damaged_line_loses_only_what_is_damaged() {
    let mut f = key_facts("ш", 2, 345.6);
    f.keys.insert("q".into(), (3, 0, None));
    f.bigrams.insert("th".into(), 210.3);
    f.confusions.insert(("e".into(), "r".into()));
    f.mistyped.insert("привет".into());
    f.typed_right.insert("the".into());
    f.typed_right.insert("cat".into());
    let line = f.encode();
    assert_eq!(line, "K:q,3,0, ш,10,2,3456;B:th,2103;C:e,r;M:привет;R:cat the");
    assert_eq!(Facts::decode(&line), f);
    assert_eq!(Facts::default().encode(), "");
    assert_eq!(Facts::decode(""), Facts::default());
    // Damage: a bad number, an unknown section, a missing field, stray separators.
    let damaged = "K:q,x,0, ш,10,2,3456 z;Z:what;B:th,NaN he,990;;C:e;M:word,extra; R:ok";
    let d = Facts::decode(damaged);
    assert_eq!(d.keys.keys().collect::<Vec<_>>(), ["ш"]);
    assert_eq!(d.bigrams.keys().collect::<Vec<_>>(), ["he"]);
    assert!(d.confusions.is_empty() && d.mistyped.is_empty() && d.typed_right.is_empty());
}

fn arb_sessions() -> impl Strategy<Value = Vec<(String, f64, Facts)>> {
    let keys = prop::sample::select(vec!["a", "s", "d", "f", "j"]);
    let facts = prop::collection::vec((keys, 0u32..4, 150.0..600.0f64), 1..4).prop_map(|ks| {
        let mut f = Facts::default();
        for (k, misses, ms) in ks {
            f.keys.insert(k.to_owned(), (10, misses, Some(ms)));
            if misses > 2 {
                f.confusions.insert((k.to_owned(), "q".to_owned()));
            }
        }
        f
    });
    prop::collection::vec((0u32..60, facts), 1..40).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (day, f))| (format!("s{i:03}"), f64::from(day) * DAY + i as f64 * 1000.0, f))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_same_sessions_in_any_order_and_twice_give_the_same_memories(
        sessions in arb_sessions(),
        order in any::<u64>(),
    ) {
        let mut in_order = Review::new(T);
        let mut sorted = sessions.clone();
        sorted.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        for (i, at, f) in &sorted {
            in_order.add(&id(i), *at, f.clone());
        }
        let mut shuffled = sessions.clone();
        let mut rng = crate::rng::Rng::new(order);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        let mut any_order = Review::new(T);
        for (i, at, f) in shuffled.iter().chain(sessions.iter().take(3)) {
            any_order.add(&id(i), *at, f.clone());
        }
        prop_assert_eq!(in_order.items(), any_order.items());
    }
}

#[test]
fn a_late_session_folds_again_from_a_checkpoint_to_the_same_state() {
    // More sessions than two checkpoints apart, then one from the middle of them arriving last.
    let n = 2 * CHECKPOINT_EVERY + 10;
    // Grades between hard and good, so no difficulty or stability sits at a bound that would hide the order.
    let facts = |i: usize| key_facts(["a", "s", "d"][i % 3], (i % 2) as u32, 250.0 + (i % 5) as f64 * 40.0);
    let mut all = Review::new(T);
    let mut late = Review::new(T);
    for i in 0..n {
        all.add(&id(&format!("s{i:04}")), i as f64 * DAY / 4.0, facts(i));
        if i != CHECKPOINT_EVERY + 5 {
            late.add(&id(&format!("s{i:04}")), i as f64 * DAY / 4.0, facts(i));
        }
    }
    let i = CHECKPOINT_EVERY + 5;
    late.add(&id(&format!("s{i:04}")), i as f64 * DAY / 4.0, facts(i));
    assert_eq!(all.items(), late.items());
    assert_eq!(all.checkpoints.len(), late.checkpoints.len());
    assert_eq!(all.due(n as f64 * DAY), late.due(n as f64 * DAY));
}
