//! Criterion benchmarks for klava-core (figures in BENCHMARKS.md): `cargo bench -p klava-core`.
//!
//! - `engine/keystroke`: one input through the engine, in a 1,000-keystroke session (goal ≤ 1 µs);
//! - `stats/1000_keystrokes`: the summary and per-key figures of a finished 1,000-keystroke session
//!   (goal ≤ 100 µs);
//! - `fold/10000_sessions_of_300`: folding 10,000 sessions of 300 keystrokes into an accumulator, from
//!   their per-key figures and from their raw logs (goal ≤ 200 ms);
//! - `history/*`: the record fold — 10,000 stored sessions replayed and folded, one session added, the
//!   history cache written and read, and motivation (XP, streak, achievements) folded from 10,000 rows;
//! - `course/*`: planning a course from a layout and 1,000 words (once per course), and a lesson's text
//!   from its seed (goal ≤ 1 ms);
//! - `practice/*`: planning adaptive practice over a learner's figures, and a 30-word practice text of
//!   pseudo-words or of real words (goal ≤ 1 ms);
//! - `review/*`: the review's memories folded from 2,000 sessions in order, one late session (older than
//!   the last ten) folded again from its checkpoint, and the items due.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use klava_core::accumulate::Accumulator;
use klava_core::fingers::UsQwerty;
use klava_core::history::History;
use klava_core::keystats::SessionKeyStats;
use klava_core::layout::catalog;
use klava_core::lessons::{EN_WORDS_200, parse_lines};
use klava_core::profile::Profile;
use klava_core::record::{Body, Id, ModeKind, Record, Session, SessionMode};
use klava_core::rng::Rng;
use klava_core::textgen::{TextOptions, words};
use klava_core::{Engine, Input, Options, Summary};

/// A text of about `chars` characters and the keystrokes that type it, with a mistake fixed every 40 keys.
fn session_inputs(chars: usize, seed: u64) -> (String, Vec<(Input, f64)>) {
    let list = parse_lines(EN_WORDS_200);
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    while text.len() < chars {
        let w = words(&list, 1, TextOptions::default(), |_| true, &mut rng).remove(0);
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&w);
    }
    let mut inputs = Vec::new();
    let mut t = 0.0;
    for (i, c) in text.chars().enumerate() {
        t += 80.0 + (rng.below(120) as f64);
        if i % 40 == 39 {
            inputs.push((Input::Char('#'), t));
            t += 150.0;
            inputs.push((Input::Backspace, t));
            t += 90.0;
        }
        inputs.push((Input::Char(c), t));
    }
    (text, inputs)
}

fn play(text: &str, inputs: &[(Input, f64)]) -> Engine {
    let mut e = Engine::new(text, Options::default()).unwrap();
    for (input, at) in inputs {
        let _ = e.apply(input.clone(), *at);
    }
    e
}

fn engine(c: &mut Criterion) {
    let (text, inputs) = session_inputs(1_000, 1);
    let mut g = c.benchmark_group("engine");
    g.throughput(Throughput::Elements(inputs.len() as u64));
    g.bench_function("keystroke", |b| {
        b.iter_batched(
            || (Engine::new(&text, Options::default()).unwrap(), inputs.clone()),
            |(mut e, inputs)| {
                for (input, at) in inputs {
                    let _ = e.apply(input, at);
                }
                e
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

fn stats(c: &mut Criterion) {
    let (text, inputs) = session_inputs(1_000, 2);
    let e = play(&text, &inputs[..1_000]);
    assert_eq!(e.log().len(), 1_000);
    c.bench_function("stats/1000_keystrokes", |b| {
        b.iter(|| (Summary::from(black_box(&e)), SessionKeyStats::from(black_box(&e))))
    });
    c.bench_function("stats/1000_keystrokes/summary_only", |b| b.iter(|| Summary::from(black_box(&e))));
    c.bench_function("stats/1000_keystrokes/keys_only", |b| b.iter(|| SessionKeyStats::from(black_box(&e))));
}

fn fold(c: &mut Criterion) {
    let sessions: Vec<Engine> = (0..10_000)
        .map(|i| {
            let (text, inputs) = session_inputs(290, i);
            play(&text, &inputs[..300.min(inputs.len())])
        })
        .collect();
    let keystats: Vec<SessionKeyStats> = sessions.iter().map(SessionKeyStats::from).collect();
    let mut g = c.benchmark_group("fold");
    g.sample_size(10);
    g.bench_function("10000_sessions_of_300/from_key_stats", |b| {
        b.iter(|| {
            Accumulator::from_sessions(keystats.iter().enumerate().map(|(i, s)| (i as f64 * 60_000.0, s)), &UsQwerty)
        })
    });
    g.bench_function("10000_sessions_of_300/from_raw_logs", |b| {
        b.iter(|| {
            let mut acc = Accumulator::default();
            for (i, e) in sessions.iter().enumerate() {
                acc.add_session(i as f64 * 60_000.0, &SessionKeyStats::from(e), &UsQwerty);
            }
            acc
        })
    });
    g.finish();
}

/// The history fold as the app runs it: 10,000 session records (replayed from their stored key logs) folded
/// from scratch (a missing cache), one more record added to a folded history (a session ends), and the
/// cache written and read as JSON.
fn history(c: &mut Criterion) {
    let layouts = catalog::all().unwrap();
    let records: Vec<Record> = (0..10_000u64)
        .map(|i| {
            let (text, inputs) = session_inputs(290, i);
            let e = play(&text, &inputs[..300.min(inputs.len())]);
            let profile = Profile { layout: "us".into(), language: "en".into() };
            let mode = SessionMode { kind: ModeKind::Words, amount: 50, punctuation: false, numbers: false };
            let s = Session::typed(&e, profile, mode, 1.7e12 + i as f64 * 60_000.0, 0);
            Record {
                id: Id::new(format!("s{i}")).unwrap(),
                device: Id::new("d").unwrap(),
                body: Body::Session(Box::new(s)),
            }
        })
        .collect();
    let (last, rest) = records.split_last().unwrap();
    let folded = History::from_records(rest, &layouts);
    let json = serde_json::to_string(&History::from_records(&records, &layouts)).unwrap();
    let mut g = c.benchmark_group("history");
    g.sample_size(10);
    g.bench_function("fold_10000_session_records", |b| b.iter(|| History::from_records(black_box(&records), &layouts)));
    g.bench_function("add_one_to_9999", |b| {
        b.iter_batched(|| folded.clone(), |mut h| h.apply(black_box(last), &layouts), BatchSize::LargeInput)
    });
    g.bench_function("cache_write_10000", |b| b.iter(|| serde_json::to_string(black_box(&folded)).unwrap()));
    g.bench_function("cache_read_10000", |b| b.iter(|| serde_json::from_str::<History>(black_box(&json)).unwrap()));
    // Motivation is folded from the rows at start-up and after every saved session.
    let goal = klava_core::settings::DailyGoal::Minutes(10);
    let today = klava_core::motivation::local_day(1.7e12 + 10_000.0 * 60_000.0, 0);
    g.bench_function("motivation_10000", |b| {
        b.iter(|| klava_core::motivation::fold(black_box(&folded).rows(), goal, today))
    });
    g.finish();
    println!("history cache for 10,000 sessions: {} bytes of JSON", json.len());
}

fn course(c: &mut Criterion) {
    let en = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons/en/words-1000.txt")).unwrap();
    let words = parse_lines(&en);
    let us = catalog::all().unwrap().into_iter().find(|l| l.id == "us").unwrap();
    let mut g = c.benchmark_group("course");
    g.bench_function("plan_us_1000_words", |b| b.iter(|| klava_core::course::plan(black_box(&us), black_box(&words))));
    let course = klava_core::course::plan(&us, &words);
    for id in ["home-2", "top-3", "punctuation-1", "words-4"] {
        let lesson = course.lesson(id).unwrap().clone();
        let mut seed = 0;
        g.bench_function(format!("text_{id}"), |b| {
            b.iter(|| {
                seed += 1;
                course.text(black_box(&lesson), seed)
            })
        });
    }
    g.finish();
}

fn practice(c: &mut Criterion) {
    use klava_core::practice::{letter_order, plan, text};
    let en = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons/en/words-1000.txt")).unwrap();
    let words = parse_lines(&en);
    let us = catalog::all().unwrap().into_iter().find(|l| l.id == "us").unwrap();
    let course = klava_core::course::plan(&us, &words);
    let order = letter_order(&us, &words);
    // A learner with ten keys in play and figures for each from 300 sessions.
    let ever: std::collections::BTreeSet<char> = order.iter().take(10).copied().collect();
    let mut acc = Accumulator::default();
    for i in 0..300 {
        let (text, inputs) = session_inputs(300, i);
        acc.add_session(i as f64 * 60_000.0, &SessionKeyStats::from(&play(&text, &inputs)), &UsQwerty);
    }
    let mut g = c.benchmark_group("practice");
    g.bench_function("plan_10_keys", |b| b.iter(|| plan(black_box(&order), Some(&acc), black_box(&ever), 40.0, 95.0)));
    let p = plan(&order, Some(&acc), &ever, 40.0, 95.0);
    for (name, real) in [("text_pseudo_words", false), ("text_real_words", true)] {
        let mut rng = Rng::new(1);
        g.bench_function(name, |b| b.iter(|| text(course.model(), course.words(), black_box(&p), real, 30, &mut rng)));
    }
    g.finish();
}

fn review(c: &mut Criterion) {
    use klava_core::record::Id;
    use klava_core::review::{Facts, Review, Targets};
    const DAY: f64 = 86_400_000.0;
    let n = 2_000;
    let sessions: Vec<(Id, f64, Facts)> = (0..n)
        .map(|i| {
            let (text, inputs) = session_inputs(300, i as u64);
            (Id::new(format!("s{i:05}")).unwrap(), i as f64 * DAY / 3.0, Facts::of(&play(&text, &inputs)))
        })
        .collect();
    let targets = Targets { wpm: 60.0, accuracy: 0.97 };
    let fold_all = |skip: Option<usize>| {
        let mut r = Review::new(targets);
        for (i, (id, at, facts)) in sessions.iter().enumerate() {
            if Some(i) != skip {
                r.add(id, *at, facts.clone());
            }
        }
        r
    };
    let mut g = c.benchmark_group("review");
    g.sample_size(10);
    g.bench_function("fold_2000_sessions", |b| b.iter(|| fold_all(None)));
    let late = n - 10;
    let without = fold_all(Some(late));
    let (id, at, facts) = &sessions[late];
    g.bench_function("add_late_session", |b| {
        b.iter_batched(|| without.clone(), |mut r| r.add(id, *at, facts.clone()), BatchSize::LargeInput)
    });
    let all = fold_all(None);
    println!("review: {} items after {n} sessions", all.items().len());
    g.bench_function("due", |b| b.iter(|| all.due(black_box(n as f64 * DAY / 3.0 + 30.0 * DAY)).len()));
    g.finish();
}

criterion_group!(benches, engine, stats, fold, history, course, practice, review);
criterion_main!(benches);
