use std::collections::BTreeMap;

use super::*;
use crate::fingers::UsQwerty;
use crate::keystats::{KeyStat, SessionKeyStats};
use crate::layout::catalog;
use crate::lessons::parse_lines;

const DAY_MS: f64 = 86_400_000.0;

fn english() -> Vec<&'static str> {
    parse_lines(include_str!("../../../../lessons/en/words-1000.txt"))
}

fn us_order() -> Vec<char> {
    let us = catalog::all().unwrap().into_iter().find(|l| l.id == "us").unwrap();
    letter_order(&us, &english())
}

/// A session in which each key of `keys` is typed 20 times at `ms(key)` with `accuracy(key)` right.
fn session(keys: &[char], ms: impl Fn(char) -> f64, accuracy: impl Fn(char) -> f64) -> SessionKeyStats {
    let stats: BTreeMap<String, KeyStat> = keys
        .iter()
        .map(|&k| {
            let hits = (20.0 * accuracy(k)).round() as u32;
            (k.to_string(), KeyStat { hits, misses: 20 - hits, timed: hits, time_sum_ms: ms(k) * f64::from(hits) })
        })
        .collect();
    SessionKeyStats { keys: stats, bigrams: BTreeMap::new(), confusions: BTreeMap::new() }
}

#[test]
fn letters_enter_by_frequency_six_at_first() {
    let order = us_order();
    assert_eq!(order.len(), 26);
    assert_eq!(order[0], 'e');
    assert!(order[..6].iter().all(|c| "etaoinshr".contains(*c)), "{order:?}");
    let p = plan(&order, None, &BTreeSet::new(), 40.0, 0.95);
    assert_eq!(p.unlocked, order[..FIRST_KEYS]);
    assert_eq!(p.new_key, None);
    assert_eq!(p.focus, Some(order[0]), "with no figures the first key is the weakest");
}

#[test]
fn a_learner_who_gets_faster_unlocks_every_key_one_at_a_time() {
    let order = us_order();
    let mut acc = Accumulator::default();
    let mut ever = BTreeSet::new();
    let mut practised: BTreeMap<char, u32> = order.iter().map(|k| (*k, 0)).collect();
    let mut unlocked_at = Vec::new();
    for day in 0..400 {
        let p = plan(&order, Some(&acc), &ever, 40.0, 0.95);
        if p.unlocked.len() == order.len() && p.new_key.is_none() {
            break;
        }
        assert!(p.unlocked.len() >= ever.len(), "never fewer keys than before");
        if let Some(k) = p.new_key {
            unlocked_at.push((day, k));
        }
        // Each key gets faster with practice: 900 ms at first, 250 ms (48 WPM) after five sessions.
        let s = session(&p.unlocked, |k| 900.0 / (1.0 + f64::from(practised[&k]) * 0.55).min(3.6), |_| 1.0);
        for k in &p.unlocked {
            *practised.entry(*k).or_default() += 1;
        }
        acc.add_session(f64::from(day) * DAY_MS, &s, &UsQwerty);
        ever.extend(p.unlocked.iter().copied());
    }
    assert_eq!(ever.len(), 26, "every key unlocked: {unlocked_at:?}");
    assert_eq!(unlocked_at.len(), 20, "one new key at a time after the first six");
}

#[test]
fn a_key_that_falls_behind_is_the_focus_and_stays() {
    let order = us_order();
    let mut acc = Accumulator::default();
    let in_play: Vec<char> = order[..8].to_vec();
    let ever: BTreeSet<char> = in_play.iter().copied().collect();
    acc.add_session(0.0, &session(&in_play, |_| 200.0, |_| 1.0), &UsQwerty);
    let slow = in_play[3];
    // Later it becomes slow (weeks away from it): it stays in play, and it is the focus.
    for day in 1..10 {
        acc.add_session(
            f64::from(day) * DAY_MS,
            &session(&in_play, |k| if k == slow { 700.0 } else { 200.0 }, |_| 1.0),
            &UsQwerty,
        );
    }
    let p = plan(&order, Some(&acc), &ever, 40.0, 0.95);
    assert_eq!(p.unlocked, in_play, "no key taken away, none added while one lags");
    assert_eq!(p.focus, Some(slow));
    assert_eq!(p.new_key, None);
}

#[test]
fn accuracy_counts_a_fast_but_careless_key_is_not_learned() {
    let order = us_order();
    let mut acc = Accumulator::default();
    let first: Vec<char> = order[..FIRST_KEYS].to_vec();
    let careless = first[2];
    acc.add_session(0.0, &session(&first, |_| 150.0, |k| if k == careless { 0.6 } else { 1.0 }), &UsQwerty);
    let p = plan(&order, Some(&acc), &BTreeSet::new(), 40.0, 0.95);
    assert_eq!(p.new_key, None, "keybr would unlock here: every key is fast");
    assert_eq!(p.focus, Some(careless));
    let k = p.keys.iter().find(|k| k.key == careless).unwrap();
    assert!(k.confidence.unwrap() < 1.0 && k.speed_ms.unwrap() < 200.0);
    // Once it is typed right, the next key comes.
    acc.add_session(DAY_MS * 10.0, &session(&first, |_| 150.0, |_| 1.0), &UsQwerty);
    assert_eq!(plan(&order, Some(&acc), &BTreeSet::new(), 40.0, 0.95).new_key, Some(order[FIRST_KEYS]));
}

#[test]
fn practice_text_uses_keys_in_play_and_favours_the_focus() {
    let words = english();
    let model = Model::train(&words);
    let owned: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    let order = us_order();
    let mut p = plan(&order, None, &BTreeSet::new(), 40.0, 0.95);
    p.focus = Some(p.unlocked[4]);
    for real in [false, true] {
        let text = super::text(&model, &owned, &p, real, 40, &mut Rng::new(5));
        assert_eq!(text.len(), 40);
        assert!(text.iter().all(|w| !w.is_empty() && w.chars().all(|c| p.unlocked.contains(&c))), "{text:?}");
        let with_focus = text.iter().filter(|w| w.contains(p.focus.unwrap())).count();
        assert!(with_focus >= 16, "{with_focus} of 40 have the focus key: {text:?}");
        if real {
            assert!(text.iter().filter(|w| words.contains(&w.as_str())).count() >= 35, "{text:?}");
        }
    }
}

#[test]
fn pseudo_words_follow_the_languages_letter_frequencies() {
    let words = english();
    let model = Model::train(&words);
    let order = us_order();
    let all: Vec<char> = order.clone();
    let mut counts: BTreeMap<char, usize> = BTreeMap::new();
    let mut rng = Rng::new(11);
    for _ in 0..3000 {
        for c in model.word(&all, &mut rng).chars() {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut by_count: Vec<(char, usize)> = counts.into_iter().collect();
    by_count.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), *c));
    let top: Vec<char> = by_count.iter().take(8).map(|(c, _)| *c).collect();
    let common = top.iter().filter(|c| order[..10].contains(c)).count();
    assert!(common >= 6, "the most generated letters are the language's most frequent: {top:?} vs {:?}", &order[..10]);
    assert!(by_count.iter().rev().take(4).all(|(c, _)| order[16..].contains(c)), "{by_count:?}");
}

#[test]
fn keys_picked_by_hand_make_the_text_and_the_weakest_of_them_is_the_focus() {
    let words = english();
    let model = Model::train(&words);
    let owned: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    let order = us_order();
    let mut acc = Accumulator::default();
    acc.add_session(0.0, &session(&order, |k| if k == 'q' { 600.0 } else { 150.0 }, |_| 1.0), &UsQwerty);
    let adaptive = plan(&order, Some(&acc), &BTreeSet::new(), 40.0, 0.95);
    // Letters outside the order (a digit, a Cyrillic letter) are left out.
    let p = adaptive.picked(&['z', 'q', 'u', 'i', 't', '7', 'ж']);
    assert_eq!(p.unlocked.iter().collect::<BTreeSet<_>>(), ['i', 'q', 't', 'u', 'z'].iter().collect());
    assert_eq!(p.focus, Some('q'));
    assert_eq!(p.new_key, None);
    for real in [false, true] {
        let text = super::text(&model, &owned, &p, real, 30, &mut Rng::new(2));
        assert_eq!(text.len(), 30);
        assert!(text.iter().all(|w| !w.is_empty() && w.chars().all(|c| p.unlocked.contains(&c))), "{text:?}");
    }
    // Even one or two letters give a text (short words of them), never a hang.
    for picked in [&['x'][..], &['x', 'j']] {
        let p = adaptive.picked(picked);
        let text = super::text(&model, &owned, &p, false, 30, &mut Rng::new(3));
        assert!(text.iter().all(|w| !w.is_empty() && w.chars().all(|c| picked.contains(&c))), "{text:?}");
    }
}
