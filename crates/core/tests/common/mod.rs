//! Records for the fold's tests: typed sessions, settings and tombstones with readable ids.

#![allow(dead_code)]

use klava_core::layout::{Layout, catalog};
use klava_core::profile::Profile;
use klava_core::record::{Body, Hlc, Id, ModeKind, Record, Session, SessionMode, Setting};
use klava_core::{Engine, Input, Options};

pub fn layouts() -> Vec<Layout> {
    catalog::all().unwrap()
}

pub fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

pub fn session(name: &str, at: u64, text: &str, typos: usize, layout: &str) -> Record {
    let mut e = Engine::new(text, Options::default()).unwrap();
    let mut t = 1000.0;
    for (i, c) in text.chars().enumerate() {
        if i < typos {
            e.apply(Input::Char('#'), t).unwrap();
            t += 120.0;
            e.apply(Input::Backspace, t).unwrap();
            t += 90.0;
        }
        e.apply(Input::Char(c), t).unwrap();
        t += 100.0 + (at % 7) as f64 * 10.0;
    }
    let language = if layout == "ru" { "ru" } else { "en" };
    let profile = Profile { layout: layout.into(), language: language.into() };
    let mode = SessionMode { kind: ModeKind::Words, amount: 2, punctuation: false, numbers: false };
    let s = Session::typed(&e, profile, mode, 1.7e12 + (at as f64) * 60_000.0, 60);
    Record { id: id(name), device: id("d"), body: Body::Session(Box::new(s)) }
}

pub fn setting(name: &str, key: &str, value: u8, (ms, counter): (u64, u32), device: &str) -> Record {
    let hlc = Hlc { ms, counter, device: id(device) };
    Record {
        id: id(name),
        device: id(device),
        body: Body::Setting(Setting { key: key.into(), value: value.to_string(), hlc }),
    }
}

pub fn delete(name: &str, target: &str) -> Record {
    Record { id: id(name), device: id("d"), body: Body::Delete { target: id(target) } }
}
