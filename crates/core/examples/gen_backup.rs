//! Writes a Klava backup of N generated sessions (about 300 keystrokes each, typed through the engine with
//! varied timing and a fixed typo every 40 keys) for the storage benchmark:
//! `cargo run --release -p klava-core --example gen_backup -- 10000 target/klava-10k.json`.

use klava_core::backup::Backup;
use klava_core::lessons::{EN_WORDS_200, parse_lines};
use klava_core::profile::Profile;
use klava_core::record::{Body, Id, ModeKind, Record, Session, SessionMode};
use klava_core::rng::Rng;
use klava_core::textgen::{TextOptions, words};
use klava_core::{Engine, Input, Options};

fn session(n: u64, rng: &mut Rng, list: &[&str]) -> Session {
    let text = words(list, 60, TextOptions::default(), |_| true, rng).join(" ");
    let text: String = text.chars().take(290).collect::<String>().trim_end().to_owned();
    let mut e = Engine::new(&text, Options::default()).expect("generated text is valid");
    let mut t = 1000.0;
    for (i, c) in text.chars().enumerate() {
        t += 60.0 + rng.below(200) as f64;
        if i % 40 == 39 {
            let _ = e.apply(Input::Char('q'), t);
            t += 150.0;
            let _ = e.apply(Input::Backspace, t);
            t += 90.0;
        }
        let _ = e.apply(Input::Char(c), t);
    }
    let year_ms = 365.0 * 24.0 * 3600.0 * 1000.0;
    let profile = Profile { layout: "us".into(), language: "en".into() };
    let mode = SessionMode { kind: ModeKind::Words, amount: 50, punctuation: false, numbers: false };
    Session::typed(&e, profile, mode, 1.7e12 + year_ms * n as f64 / 10_000.0, 60)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(path)) = (args.first().and_then(|n| n.parse::<u64>().ok()), args.get(1)) else {
        eprintln!("usage: gen_backup SESSIONS FILE");
        std::process::exit(2);
    };
    let list = parse_lines(EN_WORDS_200);
    let mut rng = Rng::new(7);
    let device = Id::new("bench-device").expect("valid id");
    let records: Vec<Record> = (0..n)
        .map(|i| Record {
            id: Id::new(format!("bench-{i:06}")).expect("valid id"),
            device: device.clone(),
            body: Body::Session(Box::new(session(i, &mut rng, &list))),
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
}
