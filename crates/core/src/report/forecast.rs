//! When the learner reaches their target speed, from their own learning curve. Speed grows with practice
//! roughly as the logarithm of time practised (the power law of practice, flattened): the curve
//! `wpm = a + b·ln(1 + m)`, with `m` the minutes practised before a session, is fitted by least squares to
//! a profile's sessions. Solving it for the target gives the minutes still needed, and at a number of
//! minutes a day the days; the range comes from the slope's 95% interval (b ± 1.96 standard errors), an
//! approximation that leaves the intercept's own error aside.

use super::series::WINDOW;
use crate::history::Row;
use crate::record::Source;

/// Sessions the curve needs before it says anything.
pub const MIN_SESSIONS: usize = 8;
/// Minutes of practice the curve needs.
pub const MIN_MINUTES: f64 = 10.0;
/// A forecast further away than this (three years) is no forecast.
pub const MAX_DAYS: f64 = 3.0 * 365.0;

/// A fitted learning curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Curve {
    pub a: f64,
    pub b: f64,
    /// The slope's standard error.
    pub b_se: f64,
    /// Minutes practised in all.
    pub minutes: f64,
    /// The mean speed of the last [`WINDOW`] sessions.
    pub now: f64,
    pub sessions: usize,
}

impl Curve {
    /// The speed the curve predicts after `minutes` in all.
    pub fn at(&self, minutes: f64) -> f64 {
        self.a + self.b * (1.0 + minutes.max(0.0)).ln()
    }
}

/// What the forecast says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Forecast {
    /// Not enough practice yet to fit a curve.
    TooFew,
    /// The recent sessions are at the target already.
    Reached,
    /// The curve does not climb to the target within [`MAX_DAYS`].
    Stalled,
    /// In `low` to `high` days from today (`high` is `None` when the slow end is beyond [`MAX_DAYS`]).
    Days { low: u32, high: Option<u32> },
}

/// The curve of `profile`'s sessions typed in Klava (in any order), if there are enough of them. O(n log n).
pub fn curve<'a>(rows: impl IntoIterator<Item = &'a Row>, profile: &str) -> Option<Curve> {
    let mut rows: Vec<&Row> = rows
        .into_iter()
        .filter(|r| r.profile == profile && r.source == Source::Klava)
        .filter(|r| r.wpm.is_some_and(f64::is_finite) && r.duration_ms.is_finite() && r.duration_ms > 0.0)
        .collect();
    rows.sort_by(|a, b| a.ended_at_ms.total_cmp(&b.ended_at_ms).then_with(|| a.id.cmp(&b.id)));
    rows.dedup_by(|a, b| a.id == b.id);
    let mut minutes = 0.0_f64;
    let mut points = Vec::with_capacity(rows.len());
    for r in &rows {
        points.push(((1.0 + minutes).ln(), r.wpm.unwrap_or(0.0).clamp(0.0, 1000.0)));
        minutes += (r.duration_ms / 60_000.0).min(120.0);
    }
    let n = points.len();
    if n < MIN_SESSIONS || minutes < MIN_MINUTES {
        return None;
    }
    let nf = n as f64;
    let (mx, my) = (points.iter().map(|p| p.0).sum::<f64>() / nf, points.iter().map(|p| p.1).sum::<f64>() / nf);
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    if sxx <= 1e-12 {
        return None;
    }
    let b = sxy / sxx;
    let a = my - b * mx;
    let residual: f64 = points.iter().map(|p| (p.1 - a - b * p.0).powi(2)).sum();
    let b_se = (residual / (nf - 2.0) / sxx).sqrt();
    let recent = &points[n.saturating_sub(WINDOW)..];
    let now = recent.iter().map(|p| p.1).sum::<f64>() / recent.len() as f64;
    Some(Curve { a, b, b_se, minutes, now, sessions: n })
}

/// When `curve` reaches `target` WPM at `per_day` minutes of practice a day.
pub fn forecast(curve: Option<&Curve>, target: f64, per_day: f64) -> Forecast {
    let Some(c) = curve else { return Forecast::TooFew };
    if c.now >= target {
        return Forecast::Reached;
    }
    let per_day = per_day.max(1.0);
    // Days until a curve of slope `b` through the same middle reaches the target.
    let days = |b: f64| -> Option<f64> {
        if b.is_nan() || b <= 1e-9 {
            return None;
        }
        let a = c.a + (c.b - b) * (1.0 + c.minutes).ln();
        let total = ((target - a) / b).exp() - 1.0;
        let d = ((total - c.minutes).max(0.0) / per_day).ceil().max(1.0);
        (d.is_finite() && d <= MAX_DAYS).then_some(d)
    };
    let spread = 1.96 * c.b_se;
    match (days(c.b + spread), days(c.b - spread)) {
        (None, _) => Forecast::Stalled,
        (Some(low), high) => Forecast::Days { low: low as u32, high: high.map(|h| h.max(low) as u32) },
    }
}
