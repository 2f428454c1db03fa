//! `klava-loadgen`: drives a running sync server on 127.0.0.1 and prints one table row per phase.
//!
//! Phases: sign up `--accounts` accounts; sign in (against the argon2 cost of one hash, measured here
//! with the server's parameters); push batches of 10 real session records (typed through the engine,
//! about 3 KB each) from random accounts; pull pages; and the server's bare insert endpoint
//! (`--bench-endpoints`) with a body the size of one record, for the ratio. Each timed phase runs
//! `--seconds` with `--concurrency` requests in flight. `cargo xtask load` starts the server and runs it.

mod http;
mod records;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use http::{Client, Reply};
use klava_core::rng::Rng;

struct Args {
    url: String,
    accounts: usize,
    seconds: u64,
    concurrency: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { url: String::new(), accounts: 1000, seconds: 10, concurrency: 16 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || value.parse::<u64>().map_err(|_| format!("{flag} takes a number, not {value:?}"));
        match flag.as_str() {
            "--url" => args.url.clone_from(&value),
            "--accounts" => args.accounts = usize::try_from(number()?).unwrap_or(usize::MAX),
            "--seconds" => args.seconds = number()?,
            "--concurrency" => args.concurrency = usize::try_from(number()?).unwrap_or(1).max(1),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if !args.url.starts_with("http://127.0.0.1:") {
        return Err("--url must be http://127.0.0.1:PORT: load goes to this machine only".into());
    }
    Ok(args)
}

/// Latencies of one phase and what it moved.
#[derive(Default)]
struct Tally {
    latencies_ms: Vec<f64>,
    errors: u64,
    records: u64,
}

impl Tally {
    fn merge(&mut self, other: Self) {
        self.latencies_ms.extend(other.latencies_ms);
        self.errors += other.errors;
        self.records += other.records;
    }

    fn percentile(&self, p: f64) -> f64 {
        let mut v = self.latencies_ms.clone();
        v.sort_by(f64::total_cmp);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        v.get(i).copied().unwrap_or(f64::NAN)
    }

    #[allow(clippy::cast_precision_loss)]
    fn row(&self, phase: &str, took: Duration) {
        let s = took.as_secs_f64();
        let n = self.latencies_ms.len() as f64;
        let records = if self.records > 0 { format!("{:.0}", self.records as f64 / s) } else { "–".into() };
        println!(
            "| {phase} | {n:.0} | {:.0} | {records} | {:.1} | {:.1} | {} |",
            n / s,
            self.percentile(0.5),
            self.percentile(0.99),
            self.errors
        );
    }
}

/// Runs `work` from `concurrency` tasks until `seconds` have passed (or, with `count`, that many calls in
/// all); the merged tally and the time taken.
async fn phase<F, Fut>(concurrency: usize, seconds: u64, count: Option<u64>, work: F) -> (Tally, Duration)
where
    F: Fn(u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = (Reply, u64)> + Send,
{
    let work = Arc::new(work);
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let deadline = started.checked_add(Duration::from_secs(seconds));
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let (work, next) = (work.clone(), next.clone());
            tokio::spawn(async move {
                let mut t = Tally::default();
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if count.map_or_else(|| deadline.is_none_or(|d| Instant::now() >= d), |c| n >= c) {
                        break t;
                    }
                    let (reply, records) = work(n).await;
                    t.latencies_ms.push(reply.ms);
                    if reply.ok { t.records += records } else { t.errors += 1 }
                }
            })
        })
        .collect();
    let mut all = Tally::default();
    for task in tasks {
        all.merge(task.await.expect("a load task does not panic"));
    }
    (all, started.elapsed())
}

/// Milliseconds one argon2id hash takes here with the server's parameters: the median and the 99th
/// percentile of 100.
fn argon2_ms() -> (f64, f64) {
    use argon2::{Algorithm, Argon2, Params, Version};
    use klava_sync_server::auth::password::{LANES, MEMORY_KIB, PASSES};
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("valid parameters");
    let a = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut out = [0u8; 32];
    let mut times: Vec<f64> = (0..100)
        .map(|_| {
            let t = Instant::now();
            a.hash_password_into(b"correct horse battery", b"sixteen byte salt", &mut out).expect("hashes");
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[50], times[98])
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "error: {e}\nusage: klava-loadgen --url http://127.0.0.1:PORT [--accounts N] [--seconds S] [--concurrency C]"
            );
            return std::process::ExitCode::FAILURE;
        }
    };
    let client = Client::new(&args.url);
    let templates = Arc::new(records::templates());
    println!("| phase | requests | requests/s | records/s | p50 ms | p99 ms | errors |");
    println!("|---|---:|---:|---:|---:|---:|---:|");

    // Sign-ups (argon2-bound: as many in flight as cores).
    let c = client.clone();
    let (t, took) = phase(4, u64::MAX, Some(args.accounts as u64), move |n| {
        let c = c.clone();
        async move { (c.sign_up(&format!("load{n}")).await, 0) }
    })
    .await;
    t.row(&format!("sign-up ({} accounts)", args.accounts), took);
    let cookies = Arc::new(client.cookies());
    if cookies.len() < args.accounts {
        eprintln!("error: only {} of {} sign-ups succeeded", cookies.len(), args.accounts);
        return std::process::ExitCode::FAILURE;
    }

    let (c, accounts) = (client.clone(), args.accounts as u64);
    let (t, took) = phase(1, u64::MAX, Some(200), move |n| {
        let c = c.clone();
        async move { (c.sign_in(&format!("load{}", n % accounts)).await, 0) }
    })
    .await;
    t.row("sign-in (1 in flight)", took);

    let (c, cookies2, tpl) = (client.clone(), cookies.clone(), templates.clone());
    let (t, took) = phase(args.concurrency, args.seconds, None, move |n| {
        let (c, cookies, tpl) = (c.clone(), cookies2.clone(), tpl.clone());
        async move {
            let mut rng = Rng::new(n);
            let cookie = &cookies[rng.below(cookies.len())];
            let body = records::push_body(&tpl, n, 10, &mut rng);
            (c.post_expect("/api/sync/push", cookie, body, "\"refused\":[]").await, 10)
        }
    })
    .await;
    t.row("push, 10 records", took);

    let (c, cookies2) = (client.clone(), cookies.clone());
    let (t, took) = phase(args.concurrency, args.seconds, None, move |n| {
        let (c, cookies) = (c.clone(), cookies2.clone());
        async move {
            let cookie = &cookies[Rng::new(n).below(cookies.len())];
            let reply = c.get(&format!("/api/sync/pull?after={}&limit=100", n % 50), cookie).await;
            let records = serde_json::from_slice::<klava_wire::Pulled>(&reply.body).map_or(0, |p| p.records.len());
            (reply, records as u64)
        }
    })
    .await;
    t.row("pull, pages of up to 100", took);

    let (c, tpl) = (client.clone(), templates.clone());
    let (t, took) = phase(args.concurrency, args.seconds, None, move |n| {
        let (c, tpl) = (c.clone(), tpl.clone());
        async move {
            let body = records::one(&tpl, n, &mut Rng::new(n));
            (c.post_expect("/api/bench/insert", "", body, "").await, 1)
        }
    })
    .await;
    t.row("bare insert, 1 row", took);
    let (p50, p99) = argon2_ms();
    println!("\nargon2id, one hash here with the server's parameters: p50 {p50:.1} ms, p99 {p99:.1} ms");
    std::process::ExitCode::SUCCESS
}
