//! Klava's client sync protocol as a pure state machine, with no I/O, clock or randomness of its own: the
//! app asks [`Sync::next`] what request to send, sends it, and hands the answer (or the failure) to
//! [`Sync::answer`]; tests drive the same code against a model server. So the code that runs in the
//! browser is the code the simulations check.
//!
//! The protocol (DESIGN.md §5): records are immutable and the server stores each id once, so pushing is
//! idempotent and pulling is a union. A cycle pushes the outbox (the records not yet seen stored) in
//! batches, then pulls every page after the cursor. A record leaves the outbox only when the server says
//! it holds it — stored by this push, or seen in a pull — never because a request was sent, so a lost
//! answer, a reload or days offline lose nothing: the record goes again and is stored once. Records the
//! server refuses for good (invalid, too large, another record under the id) are *held*: kept, listed
//! for the learner, never retried blindly and never dropped. Failures back off exponentially with jitter;
//! "signed out elsewhere" stops until the learner signs in again.

pub mod backoff;
pub mod http;
pub mod outbox;

use std::collections::BTreeMap;

use klava_core::record::Id;
use serde::{Deserialize, Serialize};

pub use outbox::Outbox;

/// Most bytes of records in one push (the server takes 16 MiB per push; a quarter leaves room).
pub const PUSH_BYTES: usize = 4 * 1024 * 1024;
/// Most records in one push.
pub const PUSH_RECORDS: usize = klava_wire::MAX_PUSH_RECORDS;
/// How long to wait after the account's quota was reached before trying again.
pub const QUOTA_WAIT_MS: f64 = 60.0 * 60_000.0;

/// A request to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Push these records (the app sends their stored bodies).
    Push(Vec<Id>),
    /// Pull the page after this cursor.
    Pull { after: i64 },
}

/// One record the server would not store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub id: Id,
    /// The server's code: `invalid`, `too_large`, `id_taken` or `quota`.
    pub code: String,
    pub message: String,
}

/// Why a request failed, as the app classified it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Problem {
    /// No connection (the browser is offline, or the request never reached the server).
    Offline,
    /// The server answered 5xx, timed out, or sent something that is not the API's answer.
    Unavailable,
    /// The session is gone (signed out on another device, expired, or the account deleted).
    SignedOut,
    /// Rate limited: try again after this long.
    TooManyRequests { retry_after_ms: f64 },
    /// The account holds its most records.
    Quota,
    /// Another 4xx: the server and this app disagree (the text is the server's message).
    Refused(String),
}

/// What a sent request came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Pushed {
        stored: Vec<Id>,
        refused: Vec<Refusal>,
    },
    /// `ids`: the pulled records this device now holds as the server does. An id whose pulled body
    /// differs from this device's record (a twin) is left out and given to [`Sync::hold`]: the server
    /// keeps its own, this device's is kept aside, never lost.
    Pulled {
        ids: Vec<Id>,
        cursor: i64,
        more: bool,
    },
    Failed(Problem),
}

/// The status line's state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Status {
    /// Signed out (on another device, or the session expired): sign in again; `waiting` records are kept.
    SignedOut { waiting: usize },
    /// A request is on its way.
    Syncing { waiting: usize },
    /// The last request failed; the next try is at `retry_at_ms`.
    Waiting { waiting: usize, problem: Problem, retry_at_ms: f64 },
    /// Something to send or to fetch, not started yet.
    Pending { waiting: usize },
    /// Everything is on the server and everything on the server is here, as of `at_ms`.
    Synced { at_ms: f64 },
}

/// A record the server refused for good, kept aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    pub code: String,
    pub message: String,
}

/// The sync state of one device and account. Serialisable: the app stores it, so the outbox and the
/// cursor survive reloads (the request in flight does not: its answer is lost with the page, and the
/// records in it are still in the outbox).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sync {
    outbox: Outbox,
    cursor: i64,
    held: BTreeMap<Id, Held>,
    pull_wanted: bool,
    failures: u32,
    not_before_ms: f64,
    problem: Option<Problem>,
    signed_out: bool,
    last_synced_ms: Option<f64>,
    /// The most records the next push takes: halved while the server refuses whole pushes, to find the
    /// record it cannot take.
    #[serde(default = "full_batch")]
    batch_limit: usize,
    /// After a failed push, pull before pushing again (a push that keeps failing must not stop this
    /// device from receiving the others' records).
    #[serde(default)]
    pull_first: bool,
    #[serde(skip)]
    in_flight: Option<Request>,
}

fn full_batch() -> usize {
    PUSH_RECORDS
}

impl Default for Sync {
    fn default() -> Self {
        Self::new()
    }
}

impl Sync {
    /// A device that has synced nothing with this account: the first cycle pulls everything.
    pub fn new() -> Self {
        Self {
            outbox: Outbox::default(),
            cursor: 0,
            held: BTreeMap::new(),
            pull_wanted: true,
            failures: 0,
            not_before_ms: 0.0,
            problem: None,
            signed_out: false,
            last_synced_ms: None,
            batch_limit: PUSH_RECORDS,
            pull_first: false,
            in_flight: None,
        }
    }

    /// A record made (or imported) on this device, `bytes` long as JSON: to be pushed.
    pub fn add(&mut self, id: Id, bytes: usize) {
        if !self.held.contains_key(&id) {
            self.outbox.add(id, bytes);
        }
    }

    /// Asks for a cycle (at start, when the browser comes back online, on a timer): pull even with
    /// nothing to push, and try now even during a backoff wait — but not before a time the server set
    /// (`Retry-After`, the quota's wait).
    pub fn want(&mut self) {
        self.pull_wanted = true;
        if !matches!(self.problem, Some(Problem::TooManyRequests { .. } | Problem::Quota)) {
            self.not_before_ms = 0.0;
        }
    }

    /// Keeps `id` aside as refused (`code`, `message`): for what the app finds itself, such as a pulled
    /// record with this id and another body (the server keeps its own; this device's is held, not lost).
    pub fn hold(&mut self, id: Id, code: &str, message: &str) {
        self.outbox.remove(&id);
        self.held.insert(id, Held { code: code.to_owned(), message: message.to_owned() });
    }

    /// Gives up on the request in flight (no answer came in time): it counts as a failure, and its
    /// records stay in the outbox.
    pub fn abandon(&mut self, now_ms: f64, jitter: u64) {
        if self.in_flight.take().is_some() {
            self.fail(Problem::Unavailable, now_ms, jitter);
        }
    }

    /// The learner signed in again after [`Problem::SignedOut`] (same account: the outbox is kept).
    pub fn signed_in(&mut self) {
        self.signed_out = false;
        self.failures = 0;
        self.problem = None;
        self.want();
    }

    /// The request to send now, if any (and marks it in flight): pushes first, then pulls.
    pub fn next(&mut self, now_ms: f64) -> Option<Request> {
        // A wait longer than any this machine sets means the clock went back: do not wait for it.
        let waiting = now_ms < self.not_before_ms && self.not_before_ms - now_ms <= QUOTA_WAIT_MS;
        if self.signed_out || self.in_flight.is_some() || waiting {
            return None;
        }
        let pull_now = self.pull_wanted && (self.outbox.is_empty() || self.pull_first);
        let request = if pull_now {
            Request::Pull { after: self.cursor }
        } else if !self.outbox.is_empty() {
            Request::Push(self.outbox.batch(self.batch_limit.max(1), PUSH_BYTES))
        } else if self.pull_wanted {
            Request::Pull { after: self.cursor }
        } else {
            return None;
        };
        self.in_flight = Some(request.clone());
        Some(request)
    }

    /// What the request in flight came to; `jitter` is a random number for the backoff. An answer with
    /// nothing in flight (from before a reload) is ignored.
    pub fn answer(&mut self, answer: Answer, now_ms: f64, jitter: u64) {
        let Some(request) = self.in_flight.take() else { return };
        match (request, answer) {
            (Request::Push(_), Answer::Pushed { stored, refused }) => {
                let before = self.outbox.len();
                for id in &stored {
                    self.outbox.remove(id);
                }
                let mut quota = false;
                for r in refused {
                    if r.code == "quota" {
                        quota = true;
                    } else if self.outbox.remove(&r.id) {
                        self.held.insert(r.id, Held { code: r.code, message: r.message });
                    }
                }
                self.pull_wanted = true;
                if quota {
                    self.pull_first = true;
                    self.fail(Problem::Quota, now_ms, jitter);
                } else if self.outbox.len() == before {
                    // Nothing stored, nothing refused: a confused answer; do not loop on it.
                    self.pull_first = true;
                    self.fail(Problem::Unavailable, now_ms, jitter);
                } else {
                    self.batch_limit = PUSH_RECORDS;
                    self.succeeded();
                }
            }
            (Request::Pull { after }, Answer::Pulled { ids, cursor, more }) => {
                for id in &ids {
                    self.outbox.remove(id);
                }
                // A cursor never goes back (an answer for an older cursor cannot undo a newer one).
                self.cursor = self.cursor.max(cursor).max(after);
                if !more {
                    self.pull_wanted = false;
                    self.last_synced_ms = Some(now_ms);
                }
                if self.pull_first {
                    // Pulled after a failed push: the push goes again next, and its failures keep
                    // counting (the backoff grows) until one succeeds.
                    self.pull_first = more;
                    self.not_before_ms = 0.0;
                } else {
                    self.succeeded();
                }
            }
            (Request::Push(sent), Answer::Failed(Problem::Refused(message))) => {
                // The server refused the whole push (too large, or a record it cannot read): find the
                // record by halving; a lone one is held.
                if let [only] = sent.as_slice() {
                    self.hold(only.clone(), "refused", &message);
                    self.succeeded();
                } else {
                    self.batch_limit = (sent.len() / 2).max(1);
                    self.fail(Problem::Refused(message), now_ms, jitter);
                }
                self.pull_wanted = true;
            }
            (Request::Push(_), Answer::Failed(problem)) => {
                self.pull_first = problem != Problem::SignedOut;
                self.pull_wanted = true;
                self.fail(problem, now_ms, jitter);
            }
            (Request::Pull { .. }, Answer::Failed(problem)) => self.fail(problem, now_ms, jitter),
            // An answer of the wrong kind (a bug in the caller): treat it as a garbled answer.
            (_, _) => self.fail(Problem::Unavailable, now_ms, jitter),
        }
    }

    fn succeeded(&mut self) {
        self.failures = 0;
        self.not_before_ms = 0.0;
        self.problem = None;
    }

    fn fail(&mut self, problem: Problem, now_ms: f64, jitter: u64) {
        self.failures = self.failures.saturating_add(1);
        self.not_before_ms = now_ms
            + match &problem {
                Problem::TooManyRequests { retry_after_ms } => retry_after_ms.clamp(0.0, QUOTA_WAIT_MS),
                Problem::Quota => QUOTA_WAIT_MS,
                _ => backoff::delay_ms(self.failures, jitter),
            };
        if problem == Problem::SignedOut {
            self.signed_out = true;
        }
        self.problem = Some(problem);
    }

    /// The status line's state.
    pub fn status(&self) -> Status {
        let waiting = self.outbox.len();
        if self.signed_out {
            Status::SignedOut { waiting }
        } else if self.in_flight.is_some() {
            Status::Syncing { waiting }
        } else if let Some(problem) = &self.problem {
            Status::Waiting { waiting, problem: problem.clone(), retry_at_ms: self.not_before_ms }
        } else if let (0, false, Some(at_ms)) = (waiting, self.pull_wanted, self.last_synced_ms) {
            Status::Synced { at_ms }
        } else {
            Status::Pending { waiting }
        }
    }

    /// The records not yet seen stored on the server.
    pub fn outbox(&self) -> &Outbox {
        &self.outbox
    }

    /// The records the server refused for good, with its reasons.
    pub fn held(&self) -> &BTreeMap<Id, Held> {
        &self.held
    }

    /// The pull cursor.
    pub fn cursor(&self) -> i64 {
        self.cursor
    }
}

#[cfg(test)]
mod tests;
