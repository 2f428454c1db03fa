//! The records the load pushes: real typed sessions (the engine fed a text with typos and backspaces),
//! each sent under a fresh id and end time.

use klava_core::profile::Profile;
use klava_core::record::{Body, Id, ModeKind, Record, Session, SessionMode};
use klava_core::rng::Rng;
use klava_core::{Engine, Input, Options};

const WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are", "as", "with", "his",
    "they", "at", "be", "this", "have", "from", "or", "one", "had", "by", "word", "but", "not", "what", "all", "were",
    "we", "when", "your", "can", "said", "there", "use", "an", "each", "which", "she", "do",
];

/// Sixteen sessions of about thirty seconds of typing (50 words, a typo now and then).
pub fn templates() -> Vec<Session> {
    (0..16)
        .map(|seed| {
            let mut rng = Rng::new(seed);
            let text: Vec<&str> = (0..50).map(|_| WORDS[rng.below(WORDS.len())]).collect();
            let text = text.join(" ");
            let mut e = Engine::new(&text, Options::default()).expect("a valid text");
            let mut t = 1000.0;
            for c in text.chars() {
                if rng.chance(0.04) {
                    e.apply(Input::Char('q'), t).expect("typing");
                    t += 140.0;
                    e.apply(Input::Backspace, t).expect("typing");
                    t += 110.0;
                }
                e.apply(Input::Char(c), t).expect("typing");
                t += 120.0 + f64::from(u32::try_from(rng.below(80)).unwrap_or(0));
            }
            let profile = Profile { layout: "us".into(), language: "en".into() };
            let mode = SessionMode { kind: ModeKind::Words, amount: 50, punctuation: false, numbers: false };
            Session::typed(&e, profile, mode, 0.0, 60)
        })
        .collect()
}

fn now_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1e3)
}

/// Record `n`'s JSON: a template under the id `lg<n>` ended up to a day ago.
pub fn one(templates: &[Session], n: u64, rng: &mut Rng) -> String {
    let mut session = templates[rng.below(templates.len())].clone();
    session.ended_at_ms = now_ms() - f64::from(u32::try_from(rng.below(86_400_000)).unwrap_or(0));
    let record = Record {
        id: Id::new(format!("lg{n}")).expect("a valid id"),
        device: Id::new("loadgen").expect("a valid id"),
        body: Body::Session(Box::new(session)),
    };
    serde_json::to_string(&record).expect("records serialise")
}

/// A push body of `count` records numbered from `n * count`.
pub fn push_body(templates: &[Session], n: u64, count: u64, rng: &mut Rng) -> String {
    let records: Vec<String> = (0..count).map(|i| one(templates, n * count + i, rng)).collect();
    format!("{{\"records\":[{}]}}", records.join(","))
}
