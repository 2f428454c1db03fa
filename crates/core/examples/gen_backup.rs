//! Writes a Klava backup of N generated sessions (about 300 keystrokes each, typed through the engine with
//! varied timing and a fixed typo every 40 keys) for the storage benchmark:
//! `cargo run --release -p klava-core --example gen_backup -- 10000 target/klava-10k.json`.
//! With a third argument, DAYS, the sessions are a learner's over that many days instead (for screenshots
//! of the progress page): evenings, about a third of the days missed, typing faster as the days go by,
//! the last day ending at 1.7e12 ms + DAYS days (printed, to set a page's clock by).

use klava_core::backup::Backup;
use klava_core::lessons::{EN_WORDS_200, parse_lines};
use klava_core::profile::Profile;
use klava_core::record::{Body, Id, ModeKind, Record, Session, SessionMode};
use klava_core::rng::Rng;
use klava_core::textgen::{TextOptions, words};
use klava_core::{Engine, Input, Options};

const DAY_MS: f64 = 24.0 * 3600.0 * 1000.0;

/// A session ending at `at` (ms), its keys 60 ms plus up to `spread` ms apart.
fn session(at: f64, spread: usize, rng: &mut Rng, list: &[&str]) -> Session {
    let text = words(list, 60, TextOptions::default(), |_| true, rng).join(" ");
    let text: String = text.chars().take(290).collect::<String>().trim_end().to_owned();
    let mut e = Engine::new(&text, Options::default()).expect("generated text is valid");
    let mut t = 1000.0;
    for (i, c) in text.chars().enumerate() {
        t += 60.0 + rng.below(spread) as f64;
        if i % 40 == 39 {
            let _ = e.apply(Input::Char('q'), t);
            t += 150.0;
            let _ = e.apply(Input::Backspace, t);
            t += 90.0;
        }
        let _ = e.apply(Input::Char(c), t);
    }
    let profile = Profile { layout: "us".into(), language: "en".into() };
    let mode = SessionMode { kind: ModeKind::Words, amount: 50, punctuation: false, numbers: false };
    Session::typed(&e, profile, mode, at, 60)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(path)) = (args.first().and_then(|n| n.parse::<u64>().ok()), args.get(1)) else {
        eprintln!("usage: gen_backup SESSIONS FILE [DAYS]");
        std::process::exit(2);
    };
    let list = parse_lines(EN_WORDS_200);
    let mut rng = Rng::new(7);
    let device = Id::new("bench-device").expect("valid id");
    let days = args.get(2).and_then(|d| d.parse::<u64>().ok());
    let records: Vec<Record> = (0..n)
        .map(|i| {
            let (at, spread) = match days {
                None => (1.7e12 + 365.0 * DAY_MS * i as f64 / 10_000.0, 200),
                Some(days) => {
                    // Three days in ten are missed: their sessions move to the day before.
                    let day = i * days / n.max(1);
                    let missed = (day.wrapping_mul(2_654_435_761) >> 11) % 10 < 3;
                    let day = day.saturating_sub(u64::from(missed));
                    let at = 1.7e12 + (day as f64 + 0.75) * DAY_MS + (i % 4) as f64 * 1_200_000.0;
                    // From about 30 to about 60 WPM over the days.
                    (at, 600 - (360 * day / days) as usize)
                }
            };
            Record {
                id: Id::new(format!("bench-{i:06}")).expect("valid id"),
                device: device.clone(),
                body: Body::Session(Box::new(session(at, spread, &mut rng, &list))),
            }
        })
        .collect();
    let keystrokes: usize = records
        .iter()
        .map(|r| match &r.body {
            Body::Session(s) => s.replay.as_ref().map_or(0, |r| r.log.len()),
            _ => 0,
        })
        .sum();
    let backup = Backup::new(device, 1.7e12, records, Vec::new());
    let json = serde_json::to_string(&backup).expect("a backup serializes");
    std::fs::write(path, &json).expect("the file can be written");
    println!("{n} sessions, {keystrokes} keystrokes, {} bytes", json.len());
    if let Some(days) = days {
        println!("last day ends at {} ms", 1.7e12 + days as f64 * DAY_MS);
    }
}
