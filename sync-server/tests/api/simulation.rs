//! Several devices of one account, each driving the app's sync state machine (`klava-sync`) against the
//! real router, through a network that drops requests and answers, sends requests twice and delays them
//! (so answers arrive out of order across devices), while learners type sessions, change settings and
//! delete sessions, devices go offline and come back, sign out and in, and the server restarts (a new
//! instance on the same database; on PostgreSQL the devices alternate between two instances). At the end
//! every device and the server hold the same records and fold them to the same history, and no session is
//! lost or stored twice. Seeded: the seed is in the failure message; `KLAVA_SIM_SEED` and
//! `KLAVA_SIM_STEPS` replay or lengthen a run.

use std::collections::BTreeMap;

use axum::Router;
use axum::http::StatusCode;
use klava_core::history::History;
use klava_core::layout::catalog;
use klava_core::profile::Profile;
use klava_core::record::{Body, Hlc, Id, ModeKind, Record, Session, SessionMode, Setting};
use klava_core::rng::Rng;
use klava_core::{Engine, Input, Options};
use klava_sync::{Answer, Problem, Request, Sync};
use serde_json::{Value, json};

use crate::helpers::{Browser, TestApp, second_instance, spawn_app_with, sync_answer};

const PW: &str = "correct horse battery";

/// One device: its records, its sync state, its connection, and a request held back by the network.
struct Device {
    name: String,
    records: BTreeMap<Id, Record>,
    sync: Sync,
    browser: Browser,
    online: bool,
    signed_in: bool,
    delayed: Option<Request>,
    made: u64,
}

impl Device {
    fn new_record(&mut self, body: Body) -> Id {
        self.made += 1;
        let id = Id::new(format!("{}r{}", self.name, self.made)).unwrap();
        let record = Record { id: id.clone(), device: Id::new(self.name.clone()).unwrap(), body };
        self.sync.add(id.clone(), serde_json::to_string(&record).unwrap().len());
        self.records.insert(id.clone(), record);
        id
    }
}

fn typed_session(rng: &mut Rng, ended_ms: u64) -> Body {
    let words = ["the", "cat", "sat", "on", "a", "mat"];
    let text: Vec<&str> = (0..3).map(|_| words[rng.below(words.len())]).collect();
    let text = text.join(" ");
    let mut e = Engine::new(&text, Options::default()).unwrap();
    let mut t = 1000.0;
    let last = text.chars().count() - 1;
    for (i, c) in text.chars().enumerate() {
        // A typo and its correction, never on the last character (a wrong last character ends the test).
        if i < last && rng.chance(0.1) {
            e.apply(Input::Char('#'), t).unwrap();
            t += 90.0;
            e.apply(Input::Backspace, t).unwrap();
        }
        t += 80.0 + f64::from(u32::try_from(rng.below(100)).unwrap());
        e.apply(Input::Char(c), t).unwrap();
    }
    let profile = Profile { layout: "us".into(), language: "en".into() };
    let mode = SessionMode { kind: ModeKind::Words, amount: 3, punctuation: false, numbers: false };
    #[allow(clippy::cast_precision_loss)]
    Body::Session(Box::new(Session::typed(&e, profile, mode, ended_ms as f64, 60)))
}

/// Sends `request` for `d` through `router`; what it came to.
async fn send(d: &mut Device, router: &Router, request: &Request) -> Answer {
    d.browser.router = router.clone();
    let (status, body) = match request {
        Request::Push(ids) => {
            let records: Vec<&Record> = ids.iter().map(|id| &d.records[id]).collect();
            d.browser.post("/api/sync/push", json!({ "records": records })).await
        }
        Request::Pull { after } => d.browser.get(&format!("/api/sync/pull?after={after}&limit=7")).await,
    };
    match status {
        StatusCode::OK => {
            if let Request::Pull { .. } = request {
                for r in body["records"].as_array().unwrap() {
                    let record: Record = serde_json::from_value(r.clone()).unwrap();
                    d.records.entry(record.id.clone()).or_insert(record);
                }
            }
            sync_answer(request, &body)
        }
        StatusCode::UNAUTHORIZED => Answer::Failed(Problem::SignedOut),
        s if s.is_server_error() => Answer::Failed(Problem::Unavailable),
        s => Answer::Failed(Problem::Refused(format!("{s}: {body}"))),
    }
}

/// Runs one simulation; panics with the seed in the message.
async fn simulate(app: &TestApp, seed: u64, steps: usize, devices: usize, two_instances: bool) {
    let mut rng = Rng::new(seed);
    let mut routers = vec![app.router.clone()];
    if two_instances {
        routers.push(second_instance(app).await.0);
    }
    let mut first = Browser::new(app, "device 0");
    first.sign_up("ada", PW).await;
    let mut ds = Vec::new();
    for n in 0..devices {
        let mut browser = Browser::new(app, "a device");
        if n == 0 {
            browser = first.clone();
        } else {
            let (status, _) = browser.post("/api/account/signin", json!({"login": "ada", "password": PW})).await;
            assert_eq!(status, StatusCode::OK, "seed {seed}");
        }
        let name = format!("d{n}");
        ds.push(Device {
            name,
            records: BTreeMap::new(),
            sync: Sync::new(),
            browser,
            online: true,
            signed_in: true,
            delayed: None,
            made: 0,
        });
    }
    let mut now: u64 = 1_790_000_000_000;
    for step in 0..steps {
        now += 1 + u64::try_from(rng.below(5_000)).unwrap();
        let n = rng.below(devices);
        let router = routers[n % routers.len()].clone();
        let d = &mut ds[n];
        match rng.below(100) {
            0..=24 => {
                let body = typed_session(&mut rng, now);
                d.new_record(body);
            }
            25..=31 => {
                let hlc = Hlc { ms: now, counter: 0, device: Id::new(d.name.clone()).unwrap() };
                let value = format!("\"{}\"", ["light", "dark"][rng.below(2)]);
                d.new_record(Body::Setting(Setting { key: "theme".into(), value, hlc }));
            }
            32..=35 => {
                let sessions: Vec<Id> =
                    d.records.values().filter(|r| matches!(r.body, Body::Session(_))).map(|r| r.id.clone()).collect();
                if !sessions.is_empty() {
                    let target = sessions[rng.below(sessions.len())].clone();
                    d.new_record(Body::Delete { target });
                }
            }
            36..=38 => d.online = !d.online,
            39 => {
                if d.signed_in {
                    d.browser.router = router.clone();
                    d.browser.post("/api/account/signout", json!({})).await;
                    d.signed_in = false;
                } else {
                    d.browser.router = router.clone();
                    let (status, _) =
                        d.browser.post("/api/account/signin", json!({"login": "ada", "password": PW})).await;
                    assert_eq!(status, StatusCode::OK, "seed {seed} step {step}");
                    d.signed_in = true;
                    d.sync.signed_in();
                }
            }
            40 => {
                // The server restarts: a new instance (own pool, own limiter) on the same database.
                let i = rng.below(routers.len());
                routers[i] = second_instance(app).await.0;
            }
            41..=44 => d.sync.want(),
            _ => {
                #[allow(clippy::cast_precision_loss)]
                let now_ms = now as f64;
                let jitter = rng.next_u64();
                // A request held back earlier arrives now, after whatever happened meanwhile.
                if let Some(request) = d.delayed.take() {
                    let answer = send(d, &router, &request).await;
                    d.sync.answer(answer, now_ms, jitter);
                    continue;
                }
                let Some(request) = d.sync.next(now_ms) else { continue };
                let answer = if !d.online {
                    Answer::Failed(Problem::Offline)
                } else {
                    match rng.below(20) {
                        0 => Answer::Failed(Problem::Offline),
                        1 => {
                            send(d, &router, &request).await;
                            Answer::Failed(Problem::Unavailable)
                        }
                        2 => {
                            send(d, &router, &request).await;
                            send(d, &router, &request).await
                        }
                        3 => {
                            d.delayed = Some(request);
                            continue;
                        }
                        _ => send(d, &router, &request).await,
                    }
                };
                d.sync.answer(answer, now_ms, jitter);
            }
        }
    }
    // The network heals, everyone comes online and signs in; two rounds so each pulls the others' pushes.
    for _ in 0..2 {
        for (n, d) in ds.iter_mut().enumerate() {
            let router = routers[n % routers.len()].clone();
            now += 600_000;
            #[allow(clippy::cast_precision_loss)]
            let now_ms = now as f64;
            if let Some(request) = d.delayed.take() {
                let answer = send(d, &router, &request).await;
                d.sync.answer(answer, now_ms, 0);
            }
            if !d.signed_in {
                d.browser.router = router.clone();
                d.browser.post("/api/account/signin", json!({"login": "ada", "password": PW})).await;
                d.signed_in = true;
                d.sync.signed_in();
            }
            d.online = true;
            d.sync.want();
            while let Some(request) = d.sync.next(now_ms) {
                let answer = send(d, &router, &request).await;
                d.sync.answer(answer, now_ms, 0);
            }
        }
    }
    check(app, &ds, seed).await;
}

async fn check(app: &TestApp, ds: &[Device], seed: u64) {
    let mut reader = ds[0].browser.clone();
    reader.router = app.router.clone();
    let (_, export) = reader.get("/api/account/export").await;
    let on_server: Vec<Record> =
        export["records"].as_array().unwrap().iter().map(|r| serde_json::from_value(r.clone()).unwrap()).collect();
    let server: BTreeMap<Id, Record> = on_server.iter().map(|r| (r.id.clone(), r.clone())).collect();
    assert_eq!(server.len(), on_server.len(), "seed {seed}: a record stored twice");
    let made: u64 = ds.iter().map(|d| d.made).sum();
    assert_eq!(
        u64::try_from(server.len()).unwrap(),
        made,
        "seed {seed}: records made {made}, on the server {}",
        server.len()
    );
    let layouts = catalog::all().unwrap();
    let fold = |records: &BTreeMap<Id, Record>| -> Value {
        serde_json::to_value(History::from_records(records.values(), &layouts)).unwrap()
    };
    let expected = fold(&server);
    for d in ds {
        assert!(d.sync.outbox().is_empty(), "seed {seed}: {} still has {} to send", d.name, d.sync.outbox().len());
        assert!(d.sync.held().is_empty(), "seed {seed}: {} holds refused records {:?}", d.name, d.sync.held());
        assert_eq!(d.records, server, "seed {seed}: {} differs from the server", d.name);
        assert_eq!(fold(&d.records), expected, "seed {seed}: {}'s history differs", d.name);
    }
}

fn seed_and_steps(default_steps: usize) -> (u64, usize) {
    let seed = std::env::var("KLAVA_SIM_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20_261_130);
    let steps = std::env::var("KLAVA_SIM_STEPS").ok().and_then(|s| s.parse().ok()).unwrap_or(default_steps);
    (seed, steps)
}

#[tokio::test]
async fn five_devices_through_a_faulty_network_end_with_the_same_records_and_history() {
    // Sign-ins come often and all from one address: no rate limits here (they have their own tests).
    let app = spawn_app_with(|c| (c.attempts_per_ip, c.attempts_per_login) = (0, 0)).await;
    let (seed, steps) = seed_and_steps(10_000);
    let two_instances = app.backend == klava_sync_server::db::Backend::Postgres;
    simulate(&app, seed, steps, 5, two_instances).await;
    app.finish().await;
}
